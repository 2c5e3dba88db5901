#include "core/analysis/loitering.h"

#include "core/analysis/track_math.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace wake::analysis {

std::vector<Loitering> findLoitering(std::span<const model::TrackPoint> track,
                                     const AnalysisRules& rules, const ShoreDistance& shore)
{
    std::vector<Loitering> found;
    const LoiteringRules& r = rules.loitering;
    const auto gapMs = static_cast<std::int64_t>(rules.gaps.minDurationH * kMsPerHour);
    const auto minMs = static_cast<std::int64_t>(r.minDurationH * kMsPerHour);

    auto consider = [&](std::size_t first, std::size_t last) {
        if (last <= first || track[last].timeUtcMs - track[first].timeUtcMs < minMs) {
            return;
        }
        Loitering l;
        l.firstIndex = first;
        l.lastIndex = last;
        l.startUtcMs = track[first].timeUtcMs;
        l.endUtcMs = track[last].timeUtcMs;
        l.meanKnots = pathNm(track, first, last) / hoursBetween(l.startUtcMs, l.endUtcMs);
        if (l.meanKnots >= r.maxMeanSpeedKnots) {
            return;
        }
        // Shore is checked last (it is the costly part), and at every fix: a
        // run that drifts towards the coast is not loitering "offshore".
        l.shoreNm = std::numeric_limits<double>::infinity();
        for (std::size_t i = first; i <= last; ++i) {
            l.shoreNm = std::min(l.shoreNm, shore.nauticalMiles(positionOf(track[i])));
            if (l.shoreNm < r.minShoreNm) {
                return;
            }
        }
        l.position = positionOf(track[first + (last - first) / 2]);
        found.push_back(l);
    };

    std::optional<std::size_t> runStart;
    for (std::size_t i = 0; i < track.size(); ++i) {
        const bool slow = speedKnots(track, i) < r.maxMeanSpeedKnots;
        const bool broken = runStart && track[i].timeUtcMs - track[i - 1].timeUtcMs >= gapMs;
        if (runStart && (!slow || broken)) {
            consider(*runStart, i - 1);
            runStart.reset();
        }
        if (slow && !runStart) {
            runStart = i;
        }
    }
    if (runStart) {
        consider(*runStart, track.size() - 1);
    }
    return found;
}

} // namespace wake::analysis
