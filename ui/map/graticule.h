#pragma once

// The graticule: meridians and parallels at a step that gives a few lines
// across the view. The lines go into the buffered layers; the degree labels,
// which sit at the view's edges, are drawn on top every frame.

#include "ui/map/map_viewport.h"

class QPainter;

namespace wake::ui {

void paintGraticuleLines(QPainter& p, const MapViewport& vp);
void paintGraticuleLabels(QPainter& p, const MapViewport& vp);

} // namespace wake::ui
