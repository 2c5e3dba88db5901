#pragma once

// The world repeats east-west. These helpers visit the copies of the world
// (k = -1, 0, 1, ...) that can show in a view, so every layer wraps the same way.

#include "ui/map/map_viewport.h"

#include <cmath>

namespace wake::ui {

// Closed-interval overlap: unlike QRectF::intersects it holds for boxes of zero
// width or height, such as a track running due east or a border along a parallel.
inline bool overlaps(const QRectF& a, const QRectF& b)
{
    return a.left() <= b.right() && b.left() <= a.right() && a.top() <= b.bottom() &&
           b.top() <= a.bottom();
}

struct CopyRange
{
    int first = 0;
    int last = 0;
};

// One extra copy each side keeps symbols and labels at the seam.
inline CopyRange copyRange(const MapViewport& vp)
{
    const QRectF visible = vp.visibleWorld();
    return {static_cast<int>(std::floor(visible.left())) - 1,
            static_cast<int>(std::floor(visible.right())) + 1};
}

// Calls f with the screen position of w in each copy of the world near the view.
template <typename F>
void forEachScreenCopy(geo::WorldPoint w, const MapViewport& vp, CopyRange copies, F&& f)
{
    constexpr double kMarginPx = 200.0; // symbols and labels reach past their point
    for (int k = copies.first; k <= copies.last; ++k) {
        const QPointF s = vp.worldToScreen({w.x + k, w.y});
        if (s.x() >= -kMarginPx && s.x() <= vp.size().width() + kMarginPx) {
            f(s);
        }
    }
}

} // namespace wake::ui
