#include "core/geo/segment_clip.h"

namespace wake::geo {

std::optional<SegmentRange> clipSegment(double ax, double ay, double bx, double by,
                                        const ClipRect& r)
{
    const double dx = bx - ax;
    const double dy = by - ay;
    SegmentRange range;
    // Each edge: p * t <= q keeps the point inside.
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {ax - r.xMin, r.xMax - ax, ay - r.yMin, r.yMax - ay};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) {
                return std::nullopt; // parallel to this edge and outside it
            }
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0) {
            if (t > range.t1) {
                return std::nullopt;
            }
            if (t > range.t0) {
                range.t0 = t;
            }
        } else {
            if (t < range.t0) {
                return std::nullopt;
            }
            if (t < range.t1) {
                range.t1 = t;
            }
        }
    }
    return range;
}

} // namespace wake::geo
