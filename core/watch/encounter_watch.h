#pragma once

// encounter_forming, live: two ships within a rule's distance of each
// other, both at most its speed, for its minutes, at sea (outside a
// harbour's basins, off the detailed coast, away from any port, as the
// batch encounter rule in analysis/encounters.h), once a meeting. Slow
// ships are filed in a grid of cells as wide as the widest rule's distance,
// so each report looks at its own and the eight cells round it, and at the
// ships it is already lying with.

#include "core/geo/shore_proximity.h"
#include "core/reference/port_index.h"
#include "core/watch/position_report.h"
#include "core/watch/watch_rules.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wake::watch {

// What tells a meeting at sea from boats lying together in port: the
// detailed coast and its harbour patches, and the reference ports.
struct MeetingPlaces
{
    std::shared_ptr<const geo::ShoreProximity> shore;
    std::shared_ptr<const reference::PortIndex> ports;
    // The shipped coast and ports (either null where it cannot be read).
    static MeetingPlaces builtIn();
};

// A meeting a report completes: the rule (its index among the rules) and
// the other ship.
struct Meeting
{
    std::size_t rule = 0;
    std::uint32_t other = 0;
};

class EncounterWatch
{
public:
    // The encounter_forming rules among these (none: it does nothing). The
    // places may be empty: every place then counts as at sea.
    EncounterWatch(const std::vector<WatchRule>& rules, MeetingPlaces places);

    bool empty() const { return m_cellDeg <= 0.0; }
    // Another ship's last report, as the caller knows it (null: never heard).
    using LastReport = std::function<const PositionReport*(std::uint32_t mmsi)>;
    // A ship's report: the meetings it completes, in MMSI order.
    std::vector<Meeting> report(const PositionReport& r, const LastReport& lastOf);

private:
    struct PairState
    {
        std::int64_t sinceUtcMs = 0;
        bool done = false; // alerted, or found at a pier: once a meeting
    };

    std::int64_t cellOf(double latDeg, double lonDeg) const;
    void file(const PositionReport& r);
    bool atSea(const model::LatLon& at, const WatchRule& rule) const;

    std::vector<std::pair<std::size_t, WatchRule>> m_rules; // index among all rules
    MeetingPlaces m_places;
    double m_cellDeg = 0.0;    // 0: no encounter rule
    double m_slowestKnots = 0; // the fastest a ship may be for any rule
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> m_cells;
    std::unordered_map<std::uint32_t, std::int64_t> m_cellOfShip;
    std::unordered_map<std::uint32_t, std::unordered_set<std::uint32_t>> m_partners;
    // Each pair's state per rule (key: the two MMSIs, smaller first).
    std::vector<std::unordered_map<std::uint64_t, PairState>> m_pairs;
};

} // namespace wake::watch
