#pragma once

// Port visits in one vessel's track (position jumps already removed): stays
// where the ship stopped in port. A visit begins at the first fix below
// stopBeginKnots within entryDistanceKm of a port (a listed one or a
// learned place), which is then its own port, and ends at its last stopped
// fix when the ship leaves that port's exit radius (exitDistanceKm, or the
// port's own radius when larger) or has been under way above stopEndKnots
// for ten minutes. A reception gap with the ship still in its port never
// splits a stay. A visit lasts at least minDurationH.
#include "core/analysis/port_proximity.h"
#include "core/analysis/rules.h"
#include "core/model/track_point.h"

#include <cstdint>
#include <span>
#include <vector>

namespace wake::analysis {

struct PortVisit
{
    std::size_t firstIndex = 0; // entry fix
    std::size_t lastIndex = 0;  // last fix inside
    std::int64_t startUtcMs = 0;
    std::int64_t endUtcMs = 0;
    const model::Port* port = nullptr;
    std::int64_t stopStartUtcMs = 0; // the first stop
    double closestKm = 0.0;          // nearest approach to the port
    int gapsInside = 0;              // reception gaps inside the visit that did not split it
};

std::vector<PortVisit> findPortVisits(std::span<const model::TrackPoint> track,
                                      const PortVisitRules& rules, PortProximity& ports);

} // namespace wake::analysis
