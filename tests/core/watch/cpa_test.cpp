// CPA and TCPA on geometry worked by hand: head-on, passing abeam, keeping
// station, already past, and across 180.

#include "core/watch/cpa.h"

#include <gtest/gtest.h>

using namespace wake::watch;

namespace {

// Minutes of latitude north (or east at the equator) of 0,0 in nm.
Motion at(double northNm, double eastNm, double sog, double cog)
{
    return {{northNm / 60.0, eastNm / 60.0}, sog, cog};
}

} // namespace

TEST(Cpa, HeadOnMeetsInTheMiddle)
{
    // 2 nm apart, closing at 20 kn: 6 minutes, no miss distance.
    const Approach a = closestApproach(at(0, 0, 10, 0), at(2, 0, 10, 180));
    EXPECT_NEAR(a.rangeNm, 2.0, 1e-6);
    EXPECT_NEAR(a.bearingDeg, 0.0, 1e-6);
    EXPECT_NEAR(a.tcpaMinutes, 6.0, 1e-6);
    EXPECT_NEAR(a.cpaNm, 0.0, 1e-6);
}

TEST(Cpa, AStationaryTargetOffTheBowPassesAbeam)
{
    // 1 nm ahead, 0.3 nm to starboard, own ship at 10 kn: abeam in 6 min at 0.3 nm.
    const Approach a = closestApproach(at(0, 0, 10, 0), at(1, 0.3, 0, 0));
    EXPECT_NEAR(a.tcpaMinutes, 6.0, 1e-3);
    EXPECT_NEAR(a.cpaNm, 0.3, 1e-3);
    EXPECT_NEAR(a.bearingDeg, 16.699, 1e-2);
}

TEST(Cpa, KeepingStationIsAsNearNowAsEver)
{
    const Approach a = closestApproach(at(0, 0, 8, 90), at(0.5, 0, 8, 90));
    EXPECT_DOUBLE_EQ(a.tcpaMinutes, 0.0);
    EXPECT_NEAR(a.cpaNm, 0.5, 1e-6);
}

TEST(Cpa, APassedTargetHasANegativeTcpa)
{
    const Approach a = closestApproach(at(0, 0, 10, 0), at(-1, 0.2, 0, 0));
    EXPECT_LT(a.tcpaMinutes, 0.0);
    EXPECT_NEAR(a.cpaNm, 0.2, 1e-3);
}

TEST(Cpa, AcrossTheAntimeridianIsTheShortWay)
{
    const Approach a = closestApproach({{0.0, 179.99}, 0, 0}, {{0.0, -179.99}, 0, 0});
    EXPECT_NEAR(a.rangeNm, 1.2, 1e-3);
    EXPECT_NEAR(a.bearingDeg, 90.0, 1e-6);
}

TEST(Cpa, DeadReckoningCarriesOnAtSpeedAndCourse)
{
    const Motion m = deadReckon(at(0, 0, 12, 90), 30 * 60);
    EXPECT_NEAR(m.position.lonDeg * 60.0, 6.0, 1e-6);
    EXPECT_NEAR(m.position.latDeg, 0.0, 1e-9);
}
