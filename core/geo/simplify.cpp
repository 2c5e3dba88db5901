#include "core/geo/simplify.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace wake::geo {

double distanceToSegment(WorldPoint p, WorldPoint a, WorldPoint b)
{
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0) {
        t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
    }
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

std::vector<std::uint32_t> simplifyDouglasPeucker(std::span<const WorldPoint> line,
                                                  double tolerance)
{
    std::vector<std::uint32_t> kept;
    if (line.empty()) {
        return kept;
    }
    if (line.size() <= 2) {
        for (std::uint32_t i = 0; i < line.size(); ++i) {
            kept.push_back(i);
        }
        return kept;
    }
    std::vector<bool> keep(line.size(), false);
    keep.front() = keep.back() = true;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> stack;
    stack.emplace_back(0, static_cast<std::uint32_t>(line.size() - 1));
    while (!stack.empty()) {
        const auto [first, last] = stack.back();
        stack.pop_back();
        double worst = -1.0;
        std::uint32_t worstIndex = first;
        for (std::uint32_t i = first + 1; i < last; ++i) {
            const double d = distanceToSegment(line[i], line[first], line[last]);
            if (d > worst) {
                worst = d;
                worstIndex = i;
            }
        }
        if (worst > tolerance) {
            keep[worstIndex] = true;
            stack.emplace_back(first, worstIndex);
            stack.emplace_back(worstIndex, last);
        }
    }
    for (std::uint32_t i = 0; i < line.size(); ++i) {
        if (keep[i]) {
            kept.push_back(i);
        }
    }
    return kept;
}

} // namespace wake::geo
