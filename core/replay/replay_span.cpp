#include "core/replay/replay_span.h"

#include <algorithm>
#include <vector>

namespace wake::replay {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kSeizureAfterArrivalMs = 30 * kDayMs;

std::int64_t floorDay(std::int64_t t)
{
    return t - ((t % kDayMs) + kDayMs) % kDayMs;
}

} // namespace

std::optional<ReplaySpan> replaySpan(std::span<const model::TrackPoint> track,
                                     const model::Voyage* voyage,
                                     std::span<const model::Event> events)
{
    if (track.empty()) {
        return std::nullopt;
    }
    ReplaySpan span;
    span.startUtcMs = floorDay(track.front().timeUtcMs);
    span.endUtcMs = floorDay(track.back().timeUtcMs) + kDayMs;
    if (voyage != nullptr) {
        if (voyage->departure) {
            span.startUtcMs = voyage->departure->startUtcMs;
        }
        if (voyage->arrival) {
            span.endUtcMs = voyage->arrival->endUtcMs;
        }
        const std::int64_t arrival = span.endUtcMs;
        for (const model::Event& e : events) {
            if (e.kind == model::EventKind::Seizure && e.time.startUtcMs >= arrival &&
                e.time.startUtcMs <= arrival + kSeizureAfterArrivalMs) {
                span.endUtcMs = std::max(span.endUtcMs, e.time.endUtcMs);
            }
        }
    }
    span.endUtcMs = std::max(span.endUtcMs, span.startUtcMs + 1);
    const auto first = std::lower_bound(
        track.begin(), track.end(), span.startUtcMs,
        [](const model::TrackPoint& p, std::int64_t t) { return p.timeUtcMs < t; });
    span.openUtcMs = first != track.end() && first->timeUtcMs <= span.endUtcMs ? first->timeUtcMs
                                                                               : span.startUtcMs;
    return span;
}

std::optional<geo::LatLonBox> replayFrame(std::span<const model::TrackPoint> track,
                                          std::int64_t startUtcMs, std::int64_t endUtcMs)
{
    std::vector<model::LatLon> inside;
    for (const model::TrackPoint& p : track) {
        if (p.timeUtcMs >= startUtcMs && p.timeUtcMs <= endUtcMs) {
            inside.push_back({p.latDeg, p.lonDeg});
        }
    }
    if (inside.empty()) {
        for (const model::TrackPoint& p : track) {
            inside.push_back({p.latDeg, p.lonDeg});
        }
    }
    const auto box = geo::boundingBox(inside);
    if (!box) {
        return std::nullopt;
    }
    // Sea round it: a quarter of its size, at least two degrees.
    return geo::padded(*box, 2.0);
}

} // namespace wake::replay
