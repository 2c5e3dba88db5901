#pragma once

// What the map shows besides the basemap: ports, one or more vessel tracks and
// the events that have a position. Plain data; the renderer caches projections.

#include "core/geo/area.h"
#include "core/model/event.h"
#include "core/model/port.h"
#include "core/model/track_point.h"

#include <QColor>
#include <QString>

#include <optional>
#include <vector>

namespace wake::ui {

struct MapTrack
{
    model::VesselId vesselId = 0;
    QString name;
    QColor color;
    std::optional<int> aisShipType;        // colours the vessel symbol
    bool listed = false;                   // on a sanctions or watch list (lists/list_matcher.h)
    std::vector<model::TrackPoint> points; // time order
};

struct MapScene
{
    std::vector<model::Port> ports;       // reference ports (WPI, UN/LOCODE)
    std::vector<model::Port> namedPlaces; // the scenario's ports, terminal and locks
    // Where ships stop, learned from the data (places/learned_places.h):
    // marinas, anchorages, fleeting areas no port list names.
    std::vector<model::Port> learnedPlaces;
    // Named areas of interest (wake areas), outlined with their names.
    std::vector<geo::Area> areas;
    std::vector<MapTrack> tracks;
    std::vector<model::Event> events; // only those with a position are drawn
    // Reconstructed reachability of reported dark periods (not listed as events).
    std::vector<model::Event> darkPeriods;
    // The track whose travelled part is emphasised and whose ship is drawn
    // larger: the selected vessel's.
    std::optional<std::size_t> focusTrack;
};

} // namespace wake::ui
