#include "analysis/port_visits.h"

#include "analysis/track_math.h"

#include <optional>

namespace wake::analysis {

namespace {

// A visit being read: it is kept or dropped when it closes.
struct OpenVisit
{
    PortVisit visit;
    bool stopped = false;
    bool hadStop = false;
    std::optional<model::LatLon> firstStop;
};

} // namespace

std::vector<PortVisit> findPortVisits(std::span<const model::TrackPoint> track,
                                      const PortVisitRules& rules, PortProximity& ports)
{
    std::vector<PortVisit> visits;
    std::optional<OpenVisit> open;
    const auto maxGapMs = static_cast<std::int64_t>(rules.maxGapInsideH * kMsPerHour);
    const auto minDurationMs = static_cast<std::int64_t>(rules.minDurationH * kMsPerHour);

    auto close = [&] {
        OpenVisit& o = *open;
        PortVisit& v = o.visit;
        v.endUtcMs = track[v.lastIndex].timeUtcMs;
        if (o.hadStop && v.endUtcMs - v.startUtcMs >= minDurationMs) {
            if (const auto nearest = ports.ports().nearest(*o.firstStop, 1); !nearest.empty()) {
                v.port = nearest.front().port;
                v.closestKm = nearest.front().distanceM / 1000.0;
            }
            visits.push_back(v);
        }
        open.reset();
    };

    for (std::size_t i = 0; i < track.size(); ++i) {
        const model::LatLon here = positionOf(track[i]);
        const PortDistance d = ports.at(here);
        if (open) {
            const bool gapSplits =
                track[i].timeUtcMs - track[open->visit.lastIndex].timeUtcMs >= maxGapMs;
            if (gapSplits || d.km > rules.exitDistanceKm) {
                close();
            } else {
                // An hour without a fix is worth telling (not a rule: it splits nothing).
                if (hoursBetween(track[open->visit.lastIndex].timeUtcMs, track[i].timeUtcMs) >=
                    1.0) {
                    ++open->visit.gapsInside;
                }
                open->visit.lastIndex = i;
            }
        }
        if (!open && d.km <= rules.entryDistanceKm) {
            open = OpenVisit{};
            open->visit.firstIndex = i;
            open->visit.lastIndex = i;
            open->visit.startUtcMs = track[i].timeUtcMs;
        }
        if (open) {
            const double knots = speedKnots(track, i);
            if (!open->stopped && knots < rules.stopBeginKnots) {
                open->stopped = true;
                if (!open->hadStop) {
                    open->hadStop = true;
                    open->firstStop = here;
                    open->visit.stopStartUtcMs = track[i].timeUtcMs;
                }
            } else if (open->stopped && knots > rules.stopEndKnots) {
                open->stopped = false;
            }
        }
    }
    if (open) {
        close();
    }
    return visits;
}

} // namespace wake::analysis
