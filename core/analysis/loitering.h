#pragma once

// Loitering in one vessel's track (position jumps removed), after Global
// Fishing Watch: a run of fixes each slower than maxMeanSpeedKnots, not
// broken by an AIS gap, lasting at least minDurationH, whose mean speed
// (distance along the run over its duration) is below the limit, and whose
// fixes are all at least minShoreNm from shore.

#include "core/analysis/rules.h"
#include "core/analysis/shore_distance.h"
#include "core/model/track_point.h"

#include <span>
#include <vector>

namespace wake::analysis {

struct Loitering
{
    std::size_t firstIndex = 0;
    std::size_t lastIndex = 0;
    std::int64_t startUtcMs = 0;
    std::int64_t endUtcMs = 0;
    model::LatLon position; // the fix in the middle of the run
    double meanKnots = 0.0;
    double shoreNm = 0.0; // the least distance to shore over the run
};

std::vector<Loitering> findLoitering(std::span<const model::TrackPoint> track,
                                     const AnalysisRules& rules, const ShoreDistance& shore);

} // namespace wake::analysis
