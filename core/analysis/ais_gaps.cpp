#include "core/analysis/ais_gaps.h"

#include "core/analysis/track_math.h"
#include "core/geo/sphere_index.h"

#include <algorithm>
#include <unordered_set>

namespace wake::analysis {

double credibleMaxSpeedKnots(std::span<const model::TrackPoint> track, const AnalysisRules& rules)
{
    std::vector<double> speeds;
    speeds.reserve(track.size());
    for (std::size_t i = 0; i < track.size(); ++i) {
        const double knots = speedKnots(track, i);
        if (knots <= rules.jumps.maxImpliedSpeedKnots) {
            speeds.push_back(knots);
        }
    }
    return percentile(std::move(speeds), rules.gaps.envelopeSpeedPercentile);
}

void markReceptionEdges(std::vector<std::pair<model::VesselId, AisGap*>>& gaps, double radiusKm,
                        int minOthers)
{
    std::vector<model::LatLon> ends;
    std::vector<model::VesselId> owners;
    for (const auto& [vessel, gap] : gaps) {
        ends.push_back(positionOf(gap->before));
        owners.push_back(vessel);
        ends.push_back(positionOf(gap->after));
        owners.push_back(vessel);
    }
    if (ends.empty()) {
        return;
    }
    const geo::SphereIndex index(ends);
    for (const auto& [vessel, gap] : gaps) {
        std::unordered_set<model::VesselId> others;
        for (const model::LatLon& gapEnd : {positionOf(gap->before), positionOf(gap->after)}) {
            for (const auto& n : index.nearest(gapEnd, 64, radiusKm * 1000.0)) {
                if (owners[n.index] != vessel) {
                    others.insert(owners[n.index]);
                }
            }
        }
        gap->othersQuietNearby = static_cast<int>(others.size());
        if (gap->othersQuietNearby >= minOthers) {
            gap->receptionEdge = true;
            gap->possibleDisabling = false;
        }
    }
}

std::vector<AisGap> findAisGaps(std::span<const model::TrackPoint> track,
                                const std::vector<PortVisit>& visits, const AnalysisRules& rules,
                                PortProximity& ports, const ShoreDistance& shore,
                                std::size_t maxListedPorts, const geo::SeaRouter* sea)
{
    std::vector<AisGap> gaps;
    const auto minMs = static_cast<std::int64_t>(rules.gaps.minDurationH * kMsPerHour);
    const auto suspiciousMs =
        static_cast<std::int64_t>(rules.gaps.suspiciousMinDurationH * kMsPerHour);
    std::optional<double> credibleKnots; // computed once, only when there is a gap
    std::size_t visit = 0;
    for (std::size_t i = 1; i < track.size(); ++i) {
        const model::TrackPoint& a = track[i - 1];
        const model::TrackPoint& b = track[i];
        if (b.timeUtcMs - a.timeUtcMs < minMs) {
            continue;
        }
        while (visit < visits.size() && visits[visit].endUtcMs < a.timeUtcMs) {
            ++visit;
        }
        const bool insideVisit = visit < visits.size() && visits[visit].startUtcMs <= a.timeUtcMs &&
                                 b.timeUtcMs <= visits[visit].endUtcMs;
        if (insideVisit || ports.at(positionOf(a)).km <= rules.portVisits.exitDistanceKm) {
            continue;
        }
        AisGap gap;
        gap.before = a;
        gap.after = b;
        gap.durationMs = b.timeUtcMs - a.timeUtcMs;
        gap.distanceNm = distanceNm(a, b);
        gap.impliedKnots = impliedKnots(a, b);
        gap.shoreNm = shore.nauticalMiles(positionOf(a));
        // Back where it went quiet, and stopped at one end: a moored boat.
        // Only one end need be stopped because small craft switch AIS on
        // with the engine, so the first fix after a night at the mooring is
        // already under way (REEF BUM on the real Florida day: 0.05 nm in
        // 11.4 h, back at 4.9 kn). Moving at both ends is a plain gap.
        gap.stationary = gap.distanceNm <= kStationaryGapNm &&
                         (speedKnots(track, i - 1) <= rules.portVisits.stopEndKnots ||
                          speedKnots(track, i) <= rules.portVisits.stopEndKnots);
        gap.possibleDisabling = !gap.stationary && gap.durationMs >= suspiciousMs &&
                                gap.shoreNm >= rules.gaps.suspiciousMinShoreNm;
        if (!credibleKnots) {
            credibleKnots = credibleMaxSpeedKnots(track, rules);
        }
        // The ship did cover the distance: the envelope never assumes less.
        gap.envelopeKnots = std::max(*credibleKnots, gap.impliedKnots);
        const ReachabilityEnvelope envelope =
            makeEnvelope(positionOf(a), positionOf(b), gap.durationMs, gap.envelopeKnots);
        gap.possibleCalls =
            portsInside(envelope, ports.ports(), maxListedPorts, sea, &gap.callsInReach);
        gap.vast = isVast(envelope);
        gap.reachNm = reachNm(envelope);
        gaps.push_back(std::move(gap));
    }
    return gaps;
}

} // namespace wake::analysis
