#include "core/geo/geodesy.h"
#include "core/replay/track_sampler.h"

#include <gtest/gtest.h>

namespace {

using wake::model::Provenance;
using wake::model::TrackPoint;
using wake::replay::sampleTrack;

constexpr std::int64_t kHour = 3'600'000;

TrackPoint fix(std::int64_t t, double lat, double lon, Provenance p = Provenance::Observed)
{
    TrackPoint point;
    point.timeUtcMs = t;
    point.latDeg = lat;
    point.lonDeg = lon;
    point.provenance = p;
    return point;
}

TEST(TrackSampler, NothingOutsideTheTrack)
{
    const std::vector<TrackPoint> track{fix(0, 10, -80), fix(kHour, 10, -79)};
    EXPECT_FALSE(sampleTrack(track, -1));
    EXPECT_FALSE(sampleTrack(track, kHour + 1));
    EXPECT_FALSE(sampleTrack({}, 0));
    EXPECT_TRUE(sampleTrack(track, kHour));
}

TEST(TrackSampler, InterpolatesOnTheGreatCircleAtConstantSpeed)
{
    // Along the equator 1 degree in 6 hours: 60 nm, 10 knots due east.
    const std::vector<TrackPoint> track{fix(0, 0, 0), fix(6 * kHour, 0, 1)};
    const auto s = sampleTrack(track, 3 * kHour);
    ASSERT_TRUE(s);
    EXPECT_NEAR(s->position.latDeg, 0.0, 1e-9);
    EXPECT_NEAR(s->position.lonDeg, 0.5, 1e-9);
    ASSERT_TRUE(s->speedKnots && s->courseDeg);
    EXPECT_NEAR(*s->speedKnots, 10.0, 0.01);
    EXPECT_NEAR(*s->courseDeg, 90.0, 1e-6);
    EXPECT_TRUE(s->aisOn);
    EXPECT_EQ(s->provenance, Provenance::Observed);
}

TEST(TrackSampler, FollowsTheGreatCircleNotTheRhumbLine)
{
    // Between two points on 60 N the great circle bulges towards the pole.
    const std::vector<TrackPoint> track{fix(0, 60, -30), fix(10 * kHour, 60, 30)};
    const auto mid = sampleTrack(track, 5 * kHour);
    ASSERT_TRUE(mid);
    EXPECT_GT(mid->position.latDeg, 63.0);
    EXPECT_NEAR(mid->position.lonDeg, 0.0, 1e-9);
    // Halfway in time is halfway in distance.
    const double total = wake::geo::distanceM({60, -30}, {60, 30});
    EXPECT_NEAR(wake::geo::distanceM({60, -30}, mid->position), total / 2, 1.0);
}

TEST(TrackSampler, CrossesTheAntimeridianTheShortWay)
{
    const std::vector<TrackPoint> track{fix(0, 40, 179), fix(2 * kHour, 40, -179)};
    const auto s = sampleTrack(track, kHour);
    ASSERT_TRUE(s);
    EXPECT_NEAR(std::abs(s->position.lonDeg), 180.0, 1e-6);
    ASSERT_TRUE(s->courseDeg);
    EXPECT_NEAR(*s->courseDeg, 90.0, 1.0); // eastwards, not back across the world
    EXPECT_LT(*s->speedKnots, 50.0);
}

TEST(TrackSampler, ProvenanceIsTheWeakerEndAndAisOnlyWhenBothObserved)
{
    const std::vector<TrackPoint> track{fix(0, 20, -75, Provenance::Observed),
                                        fix(kHour, 20, -76, Provenance::Reported),
                                        fix(2 * kHour, 20, -77, Provenance::Reconstructed),
                                        fix(3 * kHour, 20, -78, Provenance::Observed)};
    EXPECT_EQ(sampleTrack(track, kHour / 2)->provenance, Provenance::Reported);
    EXPECT_FALSE(sampleTrack(track, kHour / 2)->aisOn);
    EXPECT_EQ(sampleTrack(track, 3 * kHour / 2)->provenance, Provenance::Reconstructed);
    const auto late = sampleTrack(track, 5 * kHour / 2);
    EXPECT_EQ(late->provenance, Provenance::Reconstructed);
    ASSERT_TRUE(late->lastObservedUtcMs);
    EXPECT_EQ(*late->lastObservedUtcMs, 0);
    EXPECT_EQ(late->fixIndex, 2u);
}

TEST(TrackSampler, StationaryShipHasSpeedButNoCourse)
{
    const std::vector<TrackPoint> track{fix(0, 9.36, -79.88), fix(24 * kHour, 9.36, -79.88)};
    const auto s = sampleTrack(track, kHour);
    ASSERT_TRUE(s);
    EXPECT_NEAR(*s->speedKnots, 0.0, 1e-9);
    EXPECT_FALSE(s->courseDeg);
}

TEST(TrackSampler, AtTheLastFixKeepsTheLastCourse)
{
    const std::vector<TrackPoint> track{fix(0, 0, 0), fix(6 * kHour, 1, 0)};
    const auto s = sampleTrack(track, 6 * kHour);
    ASSERT_TRUE(s && s->courseDeg);
    EXPECT_NEAR(*s->courseDeg, 0.0, 1e-6);
    EXPECT_NEAR(s->position.latDeg, 1.0, 1e-9);
}

} // namespace
