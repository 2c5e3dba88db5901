#pragma once

// Voyages between port visits: from the end of one visit to the start of the
// next, with the distance sailed, the time at sea and how much of it fell
// in AIS gaps.

#include "core/analysis/ais_gaps.h"
#include "core/analysis/port_visits.h"
#include "core/model/track_point.h"

#include <span>
#include <vector>

namespace wake::analysis {

struct DetectedVoyage
{
    const model::Port* origin = nullptr;
    const model::Port* destination = nullptr;
    std::int64_t departureUtcMs = 0;
    std::int64_t arrivalUtcMs = 0;
    double distanceNm = 0.0;
    std::int64_t aisGapMs = 0;
};

std::vector<DetectedVoyage> voyagesBetweenVisits(std::span<const model::TrackPoint> track,
                                                 const std::vector<PortVisit>& visits,
                                                 const std::vector<AisGap>& gaps);

} // namespace wake::analysis
