#pragma once

// Clips a line segment to an axis-aligned rectangle (Liang-Barsky). Tracks are
// clipped to the view before drawing, so a frame's cost follows what is
// visible: a dashed line thousands of kilometres long is dashed only where the
// user can see it.

#include <optional>

namespace wake::geo {

struct ClipRect
{
    double xMin = 0;
    double yMin = 0;
    double xMax = 0;
    double yMax = 0;
};

// The visible part of the segment a->b, as parameters 0 <= t0 <= t1 <= 1 along it.
struct SegmentRange
{
    double t0 = 0;
    double t1 = 1;
};

// nullopt when no part of the segment is inside the rectangle.
std::optional<SegmentRange> clipSegment(double ax, double ay, double bx, double by,
                                        const ClipRect& r);

} // namespace wake::geo
