#pragma once

// One track segment on screen, clipped to the view before it is drawn. At
// harbour zoom an ocean leg is millions of pixels long, and dashing it whole
// would cost more than the rest of the frame. The buffered track layer and the
// emphasised travelled part both draw segments this way.

#include "core/geo/segment_clip.h"
#include "ui/map/map_viewport.h"

#include <QPen>
#include <QPointF>

class QPainter;

namespace wake::ui {

// The view grown by marginPx on every side (a thick pen reaches past it).
geo::ClipRect viewClip(const MapViewport& vp, double marginPx);

// Draws the part of a-b inside clip with the observed pen, or with the
// inferred (dashed) pen with its dashes anchored to a, so they stay put while
// panning. Returns false when nothing of the segment is inside.
bool drawClippedSegment(QPainter& p, QPointF a, QPointF b, const geo::ClipRect& clip, bool observed,
                        const QPen& observedPen, QPen& inferredPen);

} // namespace wake::ui
