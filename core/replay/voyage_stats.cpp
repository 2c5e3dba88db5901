#include "core/replay/voyage_stats.h"

#include "core/geo/geodesy.h"
#include "core/replay/track_sampler.h"

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
        // A detected AIS gap is its own period (no AIS off/on pair).
        if (e.kind == model::EventKind::AisGap && e.time.endUtcMs > e.time.startUtcMs) {
            out.emplace_back(e.time.startUtcMs, e.time.endUtcMs);
            continue;
        }
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
    std::sort(out.begin(), out.end());
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

namespace {

bool observedSegment(std::span<const model::TrackPoint> track, std::size_t i)
{
    return i + 1 < track.size() && track[i].provenance == model::Provenance::Observed &&
           track[i + 1].provenance == model::Provenance::Observed;
}

} // namespace

DistanceIndex::DistanceIndex(std::span<const model::TrackPoint> track) : m_track(track)
{
    m_toFix.resize(track.size());
    for (std::size_t i = 1; i < track.size(); ++i) {
        const double nm = geo::distanceM({track[i - 1].latDeg, track[i - 1].lonDeg},
                                         {track[i].latDeg, track[i].lonDeg}) /
                          kMetresPerNm;
        m_toFix[i] = m_toFix[i - 1];
        m_toFix[i].totalNm += nm;
        if (observedSegment(track, i - 1)) {
            m_toFix[i].observedNm += nm;
        }
    }
}

DistanceRun DistanceIndex::upTo(std::int64_t timeUtcMs) const
{
    const auto state = sampleTrack(m_track, timeUtcMs);
    if (!state) {
        return timeUtcMs <= m_track.front().timeUtcMs ? DistanceRun{} : m_toFix.back();
    }
    DistanceRun run = m_toFix[state->fixIndex];
    const model::TrackPoint& fix = m_track[state->fixIndex];
    const double partial = geo::distanceM({fix.latDeg, fix.lonDeg}, state->position) / kMetresPerNm;
    run.totalNm += partial;
    if (observedSegment(m_track, state->fixIndex)) {
        run.observedNm += partial;
    }
    return run;
}

DistanceRun DistanceIndex::between(std::int64_t fromUtcMs, std::int64_t toUtcMs) const
{
    if (m_track.size() < 2 || toUtcMs <= fromUtcMs) {
        return {};
    }
    const DistanceRun a = upTo(fromUtcMs);
    const DistanceRun b = upTo(toUtcMs);
    return {b.totalNm - a.totalNm, b.observedNm - a.observedNm};
}

DistanceRun distanceRun(std::span<const model::TrackPoint> track, std::int64_t fromUtcMs,
                        std::int64_t toUtcMs)
{
    return DistanceIndex(track).between(fromUtcMs, toUtcMs);
}

} // namespace wake::replay
