#pragma once

// What the map draws for an AIS gap: the straight dashed line between the
// last fix before and the first after, the reachability envelope (where the
// ship could have been), and the ports inside it. Built once per scene from
// the events' evidence, in world coordinates with unwrapped longitudes.

#include "core/geo/web_mercator.h"
#include "core/model/event.h"

#include <QPolygonF>

#include <vector>

class QPainter;

namespace wake::ui {

class MapViewport;

struct GapOverlay
{
    geo::WorldPoint before;
    geo::WorldPoint after;
    QPolygonF envelope; // world coordinates; empty when it could not be made
    std::vector<geo::WorldPoint> possibleCalls;
    // From reported dates and places, not fixes: drawn as an edge only.
    bool reconstruction = false;
};

// Gaps whose evidence holds the two fixes, the duration and the envelope speed.
std::vector<GapOverlay> gapOverlays(const std::vector<model::Event>& events);

// Envelopes only: painted between the sea and the land, so land hides them.
void paintGapEnvelopes(QPainter& p, const MapViewport& vp, const std::vector<GapOverlay>& gaps);
// Lines and possible calls: painted over the land, with the tracks.
void paintGapLines(QPainter& p, const MapViewport& vp, const std::vector<GapOverlay>& gaps);

} // namespace wake::ui
