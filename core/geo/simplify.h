#pragma once

// Douglas–Peucker line simplification on projected (Web Mercator world)
// points. The map keeps one simplified copy of each track per zoom band, with
// a tolerance below half a pixel at that band, so a frame draws only the
// vertices that can change what is seen.

#include "core/geo/web_mercator.h"

#include <cstdint>
#include <span>
#include <vector>

namespace wake::geo {

// Indices of the points of `line` to keep so that no dropped point lies
// farther than `tolerance` (world units) from the kept polyline. The first and
// last points are always kept; indices are ascending. Iterative: a track of
// millions of points cannot overflow the stack.
std::vector<std::uint32_t> simplifyDouglasPeucker(std::span<const WorldPoint> line,
                                                  double tolerance);

// Distance from p to the segment a-b, in world units.
double distanceToSegment(WorldPoint p, WorldPoint a, WorldPoint b);

} // namespace wake::geo
