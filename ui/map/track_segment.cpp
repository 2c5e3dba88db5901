#include "ui/map/track_segment.h"

#include <QPainter>

#include <cmath>

namespace wake::ui {

geo::ClipRect viewClip(const MapViewport& vp, double marginPx)
{
    return {-marginPx, -marginPx, vp.size().width() + marginPx, vp.size().height() + marginPx};
}

bool drawClippedSegment(QPainter& p, QPointF a, QPointF b, const geo::ClipRect& clip, bool observed,
                        const QPen& observedPen, QPen& inferredPen)
{
    const auto range = geo::clipSegment(a.x(), a.y(), b.x(), b.y(), clip);
    if (!range) {
        return false;
    }
    const QPointF from = a + (b - a) * range->t0;
    if (!observed) {
        const QPointF cut = from - a;
        inferredPen.setDashOffset(std::hypot(cut.x(), cut.y()) / inferredPen.widthF());
    }
    p.setPen(observed ? observedPen : inferredPen);
    p.drawLine(from, a + (b - a) * range->t1);
    return true;
}

} // namespace wake::ui
