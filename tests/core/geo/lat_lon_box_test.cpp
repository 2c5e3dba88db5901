// Framing a voyage: the narrowest box in longitude. A voyage across the
// antimeridian framed the whole world (from 150 W across Africa to 130 E).

#include "core/geo/lat_lon_box.h"

#include <gtest/gtest.h>

#include <vector>

namespace wake::geo {
namespace {

using model::LatLon;

TEST(LatLonBox, AVoyageInOneHemisphereIsItsExtent)
{
    const std::vector<LatLon> caribbean{{21.2, -76.6}, {9.36, -79.9}, {23.1, -82.4}};
    const auto box = boundingBox(caribbean);
    ASSERT_TRUE(box);
    EXPECT_FALSE(box->crossesAntimeridian());
    EXPECT_DOUBLE_EQ(box->westDeg, -82.4);
    EXPECT_DOUBLE_EQ(box->eastDeg, -76.6);
    EXPECT_DOUBLE_EQ(box->southDeg, 9.36);
    EXPECT_DOUBLE_EQ(box->northDeg, 23.1);
}

TEST(LatLonBox, AVoyageAcrossTheAntimeridianIsANarrowBoxAcrossIt)
{
    // Vladivostok, the Aleutians, Dutch Harbor: 131.9 E eastwards to 166.5 W.
    const std::vector<LatLon> pacific{
        {43.1, 131.9}, {50.0, 170.0}, {52.0, 179.9}, {52.5, -179.5}, {53.9, -166.5}};
    const auto box = boundingBox(pacific);
    ASSERT_TRUE(box);
    EXPECT_TRUE(box->crossesAntimeridian());
    EXPECT_DOUBLE_EQ(box->westDeg, 131.9);
    EXPECT_DOUBLE_EQ(box->eastDeg, -166.5);
    EXPECT_NEAR(box->widthDeg(), 61.6, 1e-9);
    const LatLonBox pad = padded(*box, 2.0);
    EXPECT_TRUE(pad.crossesAntimeridian());
    EXPECT_NEAR(pad.widthDeg(), 61.6 * 1.5, 1e-9);
    EXPECT_NEAR(pad.westDeg, 131.9 - 15.4, 1e-9);
    EXPECT_NEAR(pad.eastDeg, -166.5 + 15.4, 1e-9);
}

TEST(LatLonBox, PaddingWrapsLongitudesAndClampsLatitudes)
{
    const std::vector<LatLon> edge{{80.0, 170.0}, {84.0, 175.0}};
    const LatLonBox pad = padded(*boundingBox(edge), 8.0);
    EXPECT_TRUE(pad.crossesAntimeridian()); // 175 + 8 is 177 W
    EXPECT_NEAR(pad.eastDeg, -177.0, 1e-9);
    EXPECT_DOUBLE_EQ(pad.northDeg, 85.0);
    // A box padded past the whole circle is the whole circle.
    const std::vector<LatLon> world{{0, -170}, {0, -50}, {0, 60}, {0, 170}};
    const LatLonBox all = padded(*boundingBox(world), 2.0);
    EXPECT_DOUBLE_EQ(all.westDeg, -180.0);
    EXPECT_DOUBLE_EQ(all.eastDeg, 180.0);
}

TEST(LatLonBox, NoValidPointIsNoBox)
{
    EXPECT_FALSE(boundingBox({}));
    const std::vector<LatLon> invalid{{91.0, 0.0}};
    EXPECT_FALSE(boundingBox(invalid));
    const std::vector<LatLon> one{{10.0, 180.0}};
    const auto box = boundingBox(one);
    ASSERT_TRUE(box);
    EXPECT_DOUBLE_EQ(box->widthDeg(), 0.0);
}

} // namespace
} // namespace wake::geo
