#pragma once

// Harbours, marinas, anchorages and fleeting areas learned from the data:
// cells where several distinct vessels stayed stationary (stop_cells.h),
// grouped round the busiest within PlaceRules::maxRadiusKm, named after the
// nearest listed port. Analysis learns them and the store keeps them. A learned place is
// a port for every detector: a stop there is a port visit, and encounters
// and loitering near it are not events.

#include "core/model/port.h"
#include "core/model/vessel.h"
#include "core/places/stop_cells.h"
#include "core/reference/port_index.h"

#include <QString>

#include <functional>
#include <utility>
#include <vector>

namespace wake::places {

enum class PlaceKind
{
    Harbour,   // at a listed port
    Moorings,  // near the shore (marinas, piers, private docks)
    Anchorage, // out at sea
    Inland,    // on a river or lake (fleeting areas, river moorings)
};
QString toString(PlaceKind kind);                   // "harbour", "moorings", "anchorage", "inland"
PlaceKind placeKindFromString(const QString& text); // Moorings for anything else

struct LearnedPlace
{
    model::Port port; // origin "learned", kind Anchorage, no locode
    PlaceKind kind = PlaceKind::Moorings;
    int vessels = 0; // distinct vessels that stopped there
    int cells = 0;
    std::int64_t stoppedMs = 0; // all their stationary time
    std::int64_t firstUtcMs = 0;
    std::int64_t lastUtcMs = 0;
    QString nearestPort; // "Miami (USMIA)"
    double nearestPortKm = 0;
};

struct PlaceGeography
{
    // Kilometres from a point to the shore (0 on land or inland water).
    std::function<double(const model::LatLon&)> shoreKm;
    // Whether the point is on land or inland water (a river, a lake).
    std::function<bool(const model::LatLon&)> inland;
};

// Places from every vessel's stop cells. Listed ports name them; geography
// tells near-shore from offshore (see PlaceRules::minVesselsOffshore).
std::vector<LearnedPlace>
learnPlaces(const std::vector<std::pair<model::VesselId, StopCell>>& stops,
            const reference::PortIndex& ports, const PlaceGeography& geography,
            const PlaceRules& rules = {});

} // namespace wake::places
