#include "core/geo/simplify.h"

#include <gtest/gtest.h>

#include <random>

namespace {

using wake::geo::distanceToSegment;
using wake::geo::simplifyDouglasPeucker;
using wake::geo::WorldPoint;

TEST(Simplify, KeepsEndsAndDropsCollinearPoints)
{
    std::vector<WorldPoint> line;
    for (int i = 0; i <= 100; ++i) {
        line.push_back({i * 0.01, 0.5 + i * 0.002});
    }
    const auto kept = simplifyDouglasPeucker(line, 1e-9);
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept.front(), 0u);
    EXPECT_EQ(kept.back(), 100u);
}

TEST(Simplify, KeepsCornersLargerThanTheTolerance)
{
    // A zigzag of amplitude 1e-3: every vertex matters at tolerance 1e-4, none at 1e-2.
    std::vector<WorldPoint> line;
    for (int i = 0; i < 50; ++i) {
        line.push_back({i * 1e-3, (i % 2) * 1e-3});
    }
    EXPECT_EQ(simplifyDouglasPeucker(line, 1e-4).size(), line.size());
    EXPECT_EQ(simplifyDouglasPeucker(line, 1e-2).size(), 2u);
}

TEST(Simplify, EveryDroppedPointIsWithinToleranceOfItsKeptSegment)
{
    std::mt19937 rng(7);
    std::normal_distribution<double> step(0.0, 1e-4);
    std::vector<WorldPoint> line{{0.3, 0.4}};
    for (int i = 0; i < 20000; ++i) {
        line.push_back({line.back().x + 1e-5 + step(rng), line.back().y + step(rng)});
    }
    for (double tolerance : {1e-6, 1e-5, 1e-4, 1e-3}) {
        const auto kept = simplifyDouglasPeucker(line, tolerance);
        ASSERT_GE(kept.size(), 2u);
        EXPECT_EQ(kept.front(), 0u);
        EXPECT_EQ(kept.back(), line.size() - 1);
        for (std::size_t k = 1; k < kept.size(); ++k) {
            ASSERT_LT(kept[k - 1], kept[k]);
            for (std::uint32_t i = kept[k - 1] + 1; i < kept[k]; ++i) {
                ASSERT_LE(distanceToSegment(line[i], line[kept[k - 1]], line[kept[k]]), tolerance)
                    << "point " << i << " at tolerance " << tolerance;
            }
        }
        if (tolerance >= 1e-3) {
            EXPECT_LT(kept.size(), line.size() / 4) << "tolerance " << tolerance;
        }
    }
}

TEST(Simplify, HandlesTinyAndDegenerateInput)
{
    EXPECT_TRUE(simplifyDouglasPeucker({}, 1.0).empty());
    const std::vector<WorldPoint> one{{0.1, 0.1}};
    EXPECT_EQ(simplifyDouglasPeucker(one, 1.0).size(), 1u);
    const std::vector<WorldPoint> same(10, WorldPoint{0.2, 0.2});
    EXPECT_EQ(simplifyDouglasPeucker(same, 0.0).size(), 2u);
}

TEST(Simplify, DistanceToSegmentUsesTheEndpointsBeyondTheSegment)
{
    EXPECT_DOUBLE_EQ(distanceToSegment({0.5, 1.0}, {0, 0}, {1, 0}), 1.0);
    EXPECT_DOUBLE_EQ(distanceToSegment({2.0, 0.0}, {0, 0}, {1, 0}), 1.0);
    EXPECT_DOUBLE_EQ(distanceToSegment({3.0, 4.0}, {0, 0}, {0, 0}), 5.0);
}

} // namespace
