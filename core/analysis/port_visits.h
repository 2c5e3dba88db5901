#pragma once

// Port visits in one vessel's track (position jumps already removed), after
// Global Fishing Watch's rules (see PortVisitRules): a visit opens at the
// first fix within the entry distance of a reference port and closes at the
// last fix before one beyond the exit distance, or before a reception gap of
// maxGapInsideH. It is kept when it holds a stop (speed below stopBegin
// until above stopEnd) and lasts at least minDurationH. Its port is the one
// nearest the first stopped fix.

#include "analysis/port_proximity.h"
#include "analysis/rules.h"
#include "model/track_point.h"

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
