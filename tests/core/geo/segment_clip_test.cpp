#include "core/geo/segment_clip.h"

#include <gtest/gtest.h>

using wake::geo::ClipRect;
using wake::geo::clipSegment;

namespace {
const ClipRect kBox{0, 0, 100, 50};
}

TEST(SegmentClip, InsideIsKeptWhole)
{
    const auto r = clipSegment(10, 10, 90, 40, kBox);
    ASSERT_TRUE(r);
    EXPECT_DOUBLE_EQ(r->t0, 0.0);
    EXPECT_DOUBLE_EQ(r->t1, 1.0);
}

TEST(SegmentClip, CrossingIsCutAtTheEdges)
{
    // From x=-100 to x=200 along y=25: visible from x=0 to x=100.
    const auto r = clipSegment(-100, 25, 200, 25, kBox);
    ASSERT_TRUE(r);
    EXPECT_NEAR(r->t0, 100.0 / 300.0, 1e-12);
    EXPECT_NEAR(r->t1, 200.0 / 300.0, 1e-12);
}

TEST(SegmentClip, DiagonalThroughACorner)
{
    const auto r = clipSegment(-10, -10, 10, 10, kBox);
    ASSERT_TRUE(r);
    EXPECT_NEAR(r->t0, 0.5, 1e-12);
    EXPECT_NEAR(r->t1, 1.0, 1e-12);
}

TEST(SegmentClip, OutsideIsDropped)
{
    EXPECT_FALSE(clipSegment(-10, -10, -1, 60, kBox));                  // left of the box
    EXPECT_FALSE(clipSegment(0, 60, 100, 70, kBox));                    // below, parallel
    EXPECT_FALSE(clipSegment(-10, 40, 40, 90, ClipRect{0, 0, 20, 20})); // passes the corner
}

TEST(SegmentClip, DegeneratePoint)
{
    EXPECT_TRUE(clipSegment(5, 5, 5, 5, kBox));
    EXPECT_FALSE(clipSegment(-5, 5, -5, 5, kBox));
}
