#include "replay/voyage_stats.h"

#include "geo/geodesy.h"
#include "replay/track_sampler.h"

#include <algorithm>
#include <optional>

namespace wake::replay {

namespace {

constexpr double kMetresPerNm = 1852.0;

} // namespace

std::vector<std::pair<std::int64_t, std::int64_t>> darkPeriods(std::span<const model::Event> events,
                                                               std::int64_t endUtcMs)
{
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    bool dark = false; // (a plain flag: GCC 12 misreads an optional here)
    std::int64_t offSince = 0;
    for (const model::Event& e : events) {
        if (e.kind == model::EventKind::AisOff && !dark) {
            dark = true;
            offSince = e.time.startUtcMs;
        } else if (e.kind == model::EventKind::AisOn && dark) {
            out.emplace_back(offSince, e.time.startUtcMs);
            dark = false;
        }
    }
    if (dark && offSince < endUtcMs) {
        out.emplace_back(offSince, endUtcMs);
    }
    return out;
}

std::int64_t overlapMs(const std::vector<std::pair<std::int64_t, std::int64_t>>& periods,
                       std::int64_t fromUtcMs, std::int64_t toUtcMs)
{
    std::int64_t total = 0;
    for (const auto& [a, b] : periods) {
        total += std::max<std::int64_t>(0, std::min(b, toUtcMs) - std::max(a, fromUtcMs));
    }
    return total;
}

DistanceRun distanceRun(std::span<const model::TrackPoint> track, std::int64_t fromUtcMs,
                        std::int64_t toUtcMs)
{
    DistanceRun run;
    if (track.size() < 2 || toUtcMs <= fromUtcMs) {
        return run;
    }
    fromUtcMs = std::max(fromUtcMs, track.front().timeUtcMs);
    toUtcMs = std::min(toUtcMs, track.back().timeUtcMs);
    const auto start = sampleTrack(track, fromUtcMs);
    const auto end = sampleTrack(track, toUtcMs);
    if (!start || !end || toUtcMs <= fromUtcMs) {
        return run;
    }
    // The legs: start position, every fix strictly inside, end position.
    model::LatLon previous = start->position;
    std::size_t segment = start->fixIndex;
    auto add = [&](const model::LatLon& next, std::size_t seg) {
        const double nm = geo::distanceM(previous, next) / kMetresPerNm;
        run.totalNm += nm;
        const bool observed = seg + 1 < track.size() &&
                              track[seg].provenance == model::Provenance::Observed &&
                              track[seg + 1].provenance == model::Provenance::Observed;
        if (observed) {
            run.observedNm += nm;
        }
        previous = next;
    };
    for (std::size_t i = start->fixIndex + 1; i < track.size() && track[i].timeUtcMs < toUtcMs;
         ++i) {
        add({track[i].latDeg, track[i].lonDeg}, segment);
        segment = i;
    }
    add(end->position, segment);
    return run;
}

} // namespace wake::replay
