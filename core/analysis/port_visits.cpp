#include "core/analysis/port_visits.h"

#include "core/analysis/track_math.h"

#include <algorithm>
#include <optional>

namespace wake::analysis {

namespace {

// Moving again for this long ends a stay: a moored ship's GPS drift reads
// above the stop speed on single fixes, a departure does not stop after one.
constexpr std::int64_t kDepartureMs = 10 * 60 * 1000;

// A visit being read: it is kept or dropped when it closes.
struct OpenVisit
{
    PortVisit visit;
    std::optional<std::int64_t> movingSinceUtcMs;
};

double exitKm(const PortVisitRules& rules, const model::Port* port)
{
    // A large harbour (or a learned place) may reach further than the rule.
    return port != nullptr ? std::max(rules.exitDistanceKm, port->radiusKm) : rules.exitDistanceKm;
}

} // namespace

std::vector<PortVisit> findPortVisits(std::span<const model::TrackPoint> track,
                                      const PortVisitRules& rules, PortProximity& ports)
{
    std::vector<PortVisit> visits;
    std::optional<OpenVisit> open;
    const auto minDurationMs = static_cast<std::int64_t>(rules.minDurationH * kMsPerHour);
    const auto hourMs = static_cast<std::int64_t>(kMsPerHour);

    auto close = [&] {
        PortVisit& v = open->visit;
        v.endUtcMs = track[v.lastIndex].timeUtcMs;
        if (v.endUtcMs - v.startUtcMs >= minDurationMs) {
            visits.push_back(v);
        }
        open.reset();
    };

    for (std::size_t i = 0; i < track.size(); ++i) {
        const model::LatLon here = positionOf(track[i]);
        const double knots = speedKnots(track, i);
        if (open) {
            PortVisit& v = open->visit;
            // The ship's own port decides when it has left, not the nearest.
            const double ownKm = v.port != nullptr ? geo::distanceM(here, v.port->position) / 1000.0
                                                   : ports.at(here).km;
            if (ownKm > exitKm(rules, v.port)) {
                close();
            } else if (knots > rules.stopEndKnots) {
                if (!open->movingSinceUtcMs) {
                    open->movingSinceUtcMs = track[i].timeUtcMs;
                }
                if (track[i].timeUtcMs - *open->movingSinceUtcMs >= kDepartureMs) {
                    close(); // under way again: the stay ended at its last stopped fix
                }
            } else {
                // Still there. A reception gap inside never splits the stay:
                // the fixes either side are in the same port, stopped.
                if (track[i].timeUtcMs - track[v.lastIndex].timeUtcMs >= hourMs) {
                    ++v.gapsInside;
                }
                open->movingSinceUtcMs.reset();
                v.lastIndex = i;
                v.closestKm = std::min(v.closestKm, ownKm);
            }
        }
        if (!open && knots < rules.stopBeginKnots) {
            const PortDistance d = ports.at(here);
            if (d.port != nullptr && d.km <= rules.entryDistanceKm) {
                open = OpenVisit{};
                PortVisit& v = open->visit;
                v.firstIndex = i;
                v.lastIndex = i;
                v.startUtcMs = track[i].timeUtcMs;
                v.stopStartUtcMs = track[i].timeUtcMs;
                v.port = d.port;
                v.closestKm = d.km;
            }
        }
    }
    if (open) {
        close();
    }
    return visits;
}

} // namespace wake::analysis
