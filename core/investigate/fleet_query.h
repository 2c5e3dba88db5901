#pragma once

// Questions across the whole fleet: which events happened in an area, to
// ships of a flag or type, to ships on a list; who was in an area between
// two times. An event is about its vessel and, for an encounter, the other
// ship too: "encounters with a listed ship" finds the meetings of anyone
// with a listed ship, and the flag and type filters read either ship.

#include "core/geo/area.h"
#include "core/model/event.h"
#include "core/model/vessel.h"
#include "core/util/result.h"

#include <QString>

#include <map>
#include <optional>
#include <set>
#include <vector>

namespace wake::store {
class Database;
}

namespace wake::investigate {

struct FleetFilter
{
    std::optional<geo::Area> area; // the event's position inside it
    std::optional<QString> flag;   // ISO alpha-2
    // An AIS ship type 10-99, or a single digit for its class (7: cargo, 70-79).
    std::optional<int> shipType;
    std::optional<bool> listed; // on a sanctions or watch list, or not

    bool needsVessels() const { return flag || shipType; }
};

// What the filters need to know of each vessel.
struct FleetFacts
{
    std::map<model::VesselId, model::Vessel> vessels; // identity fields
    std::set<model::VesselId> listed;
};

// An area by the name it is stored under (wake areas), else from its text
// (two corners or a GeoJSON/KML file, geo::parseArea).
Result<geo::Area> findArea(store::Database& db, const QString& nameOrText);

// Reads the vessels, and matches them against the lists when withLists.
Result<FleetFacts> loadFleetFacts(store::Database& db, bool withLists);

bool shipTypeMatches(std::optional<int> aisType, int wanted);
bool passes(const model::Event& event, const FleetFilter& filter, const FleetFacts& facts);
std::vector<model::Event> filterEvents(std::vector<model::Event> events, const FleetFilter& filter,
                                       const FleetFacts& facts);

// A vessel's time in an area: its first and last fix inside, and how many.
struct AreaPresence
{
    model::VesselId vesselId = 0;
    std::int64_t firstUtcMs = 0;
    std::int64_t lastUtcMs = 0;
    std::int64_t fixes = 0;
};
// Who was in the area between the times, by first fix inside.
Result<std::vector<AreaPresence>> vesselsInArea(store::Database& db, const geo::Area& area,
                                                std::int64_t fromUtcMs, std::int64_t toUtcMs);

} // namespace wake::investigate
