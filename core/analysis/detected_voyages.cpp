#include "core/analysis/detected_voyages.h"

#include "core/analysis/track_math.h"

#include <algorithm>

namespace wake::analysis {

std::vector<DetectedVoyage> voyagesBetweenVisits(std::span<const model::TrackPoint> track,
                                                 const std::vector<PortVisit>& visits,
                                                 const std::vector<AisGap>& gaps)
{
    std::vector<DetectedVoyage> voyages;
    for (std::size_t k = 0; k + 1 < visits.size(); ++k) {
        const PortVisit& from = visits[k];
        const PortVisit& to = visits[k + 1];
        // A voyage needs a fix between its ends: two visits with nothing
        // between them are one stay split by a reception gap, not a voyage.
        if (to.firstIndex <= from.lastIndex + 1) {
            continue;
        }
        // Shifting berth in one port is no voyage.
        if (from.port == to.port && pathNm(track, from.lastIndex, to.firstIndex) < 5.0) {
            continue;
        }
        DetectedVoyage v;
        v.origin = from.port;
        v.destination = to.port;
        v.departureUtcMs = from.endUtcMs;
        v.arrivalUtcMs = to.startUtcMs;
        v.distanceNm = pathNm(track, from.lastIndex, to.firstIndex);
        for (const AisGap& g : gaps) {
            const std::int64_t a = std::max(g.before.timeUtcMs, v.departureUtcMs);
            const std::int64_t b = std::min(g.after.timeUtcMs, v.arrivalUtcMs);
            v.aisGapMs += std::max<std::int64_t>(0, b - a);
        }
        voyages.push_back(v);
    }
    return voyages;
}

} // namespace wake::analysis
