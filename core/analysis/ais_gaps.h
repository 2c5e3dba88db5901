#pragma once

// AIS gaps in one vessel's track (position jumps removed): no position for
// at least GapRules::minDurationH while away from port, that is neither
// inside a port visit nor starting within the visit exit distance of a port
// (ships in port often switch off, and harbour reception is patchy). A gap
// is flagged "possible intentional disabling" when it lasts at least
// suspiciousMinDurationH and starts at least suspiciousMinShoreNm from shore
// (see shore_distance.h for how shore is computed).

#include "core/analysis/port_proximity.h"
#include "core/analysis/port_visits.h"
#include "core/analysis/reachability.h"
#include "core/analysis/rules.h"
#include "core/analysis/shore_distance.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"

#include <span>
#include <utility>
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
    // Neither end moved: a moored or anchored ship that stopped transmitting.
    bool stationary = false;
    // Several other ships went quiet or reappeared near where this one did
    // (set by the analyzer across vessels): the edge of reception.
    bool receptionEdge = false;
    int othersQuietNearby = 0;
    double envelopeKnots = 0.0; // the speed the reachability envelope assumes
    std::vector<PossibleCall> possibleCalls; // the nearest by detour, at most the listed number
    std::size_t callsInReach = 0;            // all the ports within reach
    bool vast = false;                       // the envelope covers most of an ocean
    double reachNm = 0.0;                    // anywhere within this of where it went quiet
};

// The highest credible speed the track shows: the given percentile of its
// speeds over ground (and, without SOG, of the speeds its fixes imply),
// leaving out anything above the position-jump limit.
double credibleMaxSpeedKnots(std::span<const model::TrackPoint> track, const AnalysisRules& rules);

// A gap whose fixes are at most this far apart, one of them at most the
// stop speed, is a stationary ship that stopped transmitting.
inline constexpr double kStationaryGapNm = 0.5;

// Marks gaps at the edge of reception: where at least minOthers other
// vessels' gaps begin or end within radiusKm of this gap's first or last
// fix. Such gaps are never possible intentional disabling.
void markReceptionEdges(std::vector<std::pair<model::VesselId, AisGap*>>& gaps,
                        double radiusKm = 20.0, int minOthers = 3);

// sea: reach by sea for the possible calls (reachability.h); null: as the
// crow flies.
std::vector<AisGap> findAisGaps(std::span<const model::TrackPoint> track,
                                const std::vector<PortVisit>& visits, const AnalysisRules& rules,
                                PortProximity& ports, const ShoreDistance& shore,
                                std::size_t maxListedPorts = 25,
                                const geo::SeaRouter* sea = nullptr);

} // namespace wake::analysis
