#pragma once

// AIS gaps in one vessel's track (position jumps removed): no position for
// at least GapRules::minDurationH while away from port, that is neither
// inside a port visit nor starting within the visit exit distance of a port
// (ships in port often switch off, and harbour reception is patchy). A gap
// is flagged "possible intentional disabling" when it lasts at least
// suspiciousMinDurationH and starts at least suspiciousMinShoreNm from shore
// (see shore_distance.h for how shore is computed).

#include "analysis/port_proximity.h"
#include "analysis/port_visits.h"
#include "analysis/reachability.h"
#include "analysis/rules.h"
#include "analysis/shore_distance.h"
#include "model/track_point.h"

#include <span>
#include <vector>

namespace wake::analysis {

struct AisGap
{
    model::TrackPoint before; // the last fix before the gap
    model::TrackPoint after;  // the first fix after it
    std::int64_t durationMs = 0;
    double distanceNm = 0.0;   // great-circle distance between the two fixes
    double impliedKnots = 0.0; // the speed that distance in that time needs
    double shoreNm = 0.0;      // from the fix before the gap to shore
    bool possibleDisabling = false;
    double envelopeKnots = 0.0; // the speed the reachability envelope assumes
    std::vector<PossibleCall> possibleCalls;
};

// The highest credible speed the track shows: the given percentile of its
// speeds over ground (and, without SOG, of the speeds its fixes imply),
// leaving out anything above the position-jump limit.
double credibleMaxSpeedKnots(std::span<const model::TrackPoint> track, const AnalysisRules& rules);

std::vector<AisGap> findAisGaps(std::span<const model::TrackPoint> track,
                                const std::vector<PortVisit>& visits, const AnalysisRules& rules,
                                PortProximity& ports, const ShoreDistance& shore,
                                std::size_t maxListedPorts = 25);

} // namespace wake::analysis
