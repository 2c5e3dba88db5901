// Reach by sea: distances over Natural Earth's water from one place, as the
// possible calls of an AIS gap need them (a port behind an isthmus is not
// 40 km away; one inland is not reachable at all).

#include "core/geo/geodesy.h"
#include "core/geo/sea_reach.h"
#include "core/geo/sea_route.h"

#include <gtest/gtest.h>

namespace wake::geo {
namespace {

const SeaRouter& router()
{
    static const auto r = SeaRouter::shared();
    EXPECT_NE(r, nullptr);
    return *r;
}

TEST(SeaReach, OpenWaterIsAboutTheGreatCircleAndNeverLess)
{
    const model::LatLon havana{23.16, -82.35};
    const model::LatLon miami{25.77, -80.17};
    const auto reach = SeaReach::from(router(), havana, 1'500'000.0);
    ASSERT_TRUE(reach);
    const auto d = reach->to(miami);
    ASSERT_TRUE(d);
    const double crow = distanceM(havana, miami);
    EXPECT_GE(*d, 0.9 * crow);
    EXPECT_LE(*d, 1.35 * crow);
}

TEST(SeaReach, AnIsthmusIsSailedRoundOrThroughItsCanalAndInlandIsOutOfReach)
{
    // Colon and Balboa: 60 km apart across Panama, about 80 km through the
    // canal (Natural Earth draws the isthmus whole; the canal's channel is
    // opened).
    const model::LatLon colon{9.36, -79.90};
    const model::LatLon balboa{8.95, -79.57};
    const auto reach = SeaReach::from(router(), colon, 3'000'000.0);
    ASSERT_TRUE(reach);
    const auto through = reach->to(balboa);
    ASSERT_TRUE(through);
    EXPECT_LT(*through, 150'000.0);
    // Costa Rica's Caribbean and Pacific coasts: 120 km apart across the
    // isthmus, no canal: round by Panama, more than 500 km.
    const model::LatLon limon{10.0, -83.03};
    const model::LatLon puntarenas{9.97, -84.83};
    const auto fromLimon = SeaReach::from(router(), limon, 3'000'000.0);
    ASSERT_TRUE(fromLimon);
    const auto round = fromLimon->to(puntarenas);
    ASSERT_TRUE(round);
    EXPECT_GT(*round, 500'000.0);
    // Oklahoma City and Calgary are far from any sea.
    const auto gulf = SeaReach::from(router(), {28.0, -90.0}, 3'000'000.0);
    ASSERT_TRUE(gulf);
    EXPECT_FALSE(gulf->to({35.47, -97.52}));
    EXPECT_FALSE(gulf->to({51.05, -114.07}));
    // A port on the Gulf coast is.
    EXPECT_TRUE(gulf->to({29.31, -94.79})); // Galveston
}

TEST(SeaReach, AcrossTheAntimeridianAndOverAWholeOcean)
{
    // Two points in the Bering Sea either side of 180.
    const model::LatLon west{57.0, 179.5};
    const model::LatLon east{57.0, -179.5};
    const auto reach = SeaReach::from(router(), west, 500'000.0);
    ASSERT_TRUE(reach);
    const auto d = reach->to(east);
    ASSERT_TRUE(d);
    EXPECT_LT(*d, 3.0 * distanceM(west, east) + 50'000.0);
    // A budget round the world: the grid wraps (the Atlantic from the
    // Gulf of Guinea to Brazil).
    const auto world = SeaReach::from(router(), {0.0, 0.0}, 30'000'000.0);
    ASSERT_TRUE(world);
    EXPECT_TRUE(world->to({-8.05, -34.87}));                             // Recife
    EXPECT_FALSE(SeaReach::from(router(), {40.0, -100.0}, 1'000'000.0)); // Kansas
}

// Envelopes over most of an ocean ask only whether a port is on the sea.
TEST(SeaMask, PortsOnTheSeaAndTownsInland)
{
    const SeaMask* mask = SeaMask::shared(router());
    for (const model::LatLon& port : {model::LatLon{-33.9, 18.43},   // Cape Town
                                      model::LatLon{29.31, -94.79},  // Galveston
                                      model::LatLon{9.36, -79.90},   // Colon
                                      model::LatLon{60.1, 24.95}}) { // Helsinki
        EXPECT_TRUE(mask->nearSea(port)) << port.latDeg << "," << port.lonDeg;
    }
    for (const model::LatLon& town : {model::LatLon{35.47, -97.52},  // Oklahoma City
                                      model::LatLon{51.05, -114.07}, // Calgary
                                      model::LatLon{60.72, -135.05}, // Whitehorse, Yukon
                                      model::LatLon{13.0, 14.5}}) {  // Lake Chad
        EXPECT_FALSE(mask->nearSea(town)) << town.latDeg << "," << town.lonDeg;
    }
}

} // namespace
} // namespace wake::geo
