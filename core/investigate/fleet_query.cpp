#include "core/investigate/fleet_query.h"

#include "core/lists/list_library.h"
#include "core/store/database.h"

#include <algorithm>

namespace wake::investigate {

Result<geo::Area> findArea(store::Database& db, const QString& nameOrText)
{
    auto stored = db.areas();
    if (!stored) {
        return stored.error();
    }
    for (geo::Area& a : *stored) {
        if (a.name() == nameOrText.trimmed()) {
            return std::move(a);
        }
    }
    return geo::parseArea(nameOrText);
}

Result<FleetFacts> loadFleetFacts(store::Database& db, bool withLists)
{
    FleetFacts facts;
    auto vessels = db.listVessels();
    if (!vessels) {
        return vessels.error();
    }
    for (model::Vessel& v : *vessels) {
        const model::VesselId id = v.id;
        facts.vessels.emplace(id, std::move(v));
    }
    if (withLists) {
        auto matcher = lists::loadedMatcher(db);
        if (!matcher) {
            return matcher.error();
        }
        auto matched = lists::matchStoredVessels(db, *matcher);
        if (!matched) {
            return matched.error();
        }
        for (const auto& [id, m] : *matched) {
            facts.listed.insert(id);
        }
    }
    return facts;
}

bool shipTypeMatches(std::optional<int> aisType, int wanted)
{
    if (!aisType) {
        return false;
    }
    return wanted < 10 ? *aisType / 10 == wanted : *aisType == wanted;
}

bool passes(const model::Event& event, const FleetFilter& filter, const FleetFacts& facts)
{
    if (filter.area && (!event.position || !filter.area->contains(*event.position))) {
        return false;
    }
    std::vector<model::VesselId> ships;
    if (event.vesselId) {
        ships.push_back(*event.vesselId);
    }
    if (event.otherVesselId) {
        ships.push_back(*event.otherVesselId);
    }
    auto any = [&](auto&& test) {
        return std::any_of(ships.begin(), ships.end(), test);
    };
    auto vessel = [&](model::VesselId id) -> const model::Vessel* {
        const auto it = facts.vessels.find(id);
        return it == facts.vessels.end() ? nullptr : &it->second;
    };
    if (filter.flag && !any([&](model::VesselId id) {
            const model::Vessel* v = vessel(id);
            return v && v->flagAlpha2 &&
                   v->flagAlpha2->compare(*filter.flag, Qt::CaseInsensitive) == 0;
        })) {
        return false;
    }
    if (filter.shipType && !any([&](model::VesselId id) {
            const model::Vessel* v = vessel(id);
            return v && shipTypeMatches(v->aisShipType, *filter.shipType);
        })) {
        return false;
    }
    if (filter.listed) {
        const bool listed = any([&](model::VesselId id) { return facts.listed.count(id) > 0; });
        if (listed != *filter.listed) {
            return false;
        }
    }
    return true;
}

std::vector<model::Event> filterEvents(std::vector<model::Event> events, const FleetFilter& filter,
                                       const FleetFacts& facts)
{
    std::erase_if(events, [&](const model::Event& e) { return !passes(e, filter, facts); });
    return events;
}

Result<std::vector<AreaPresence>> vesselsInArea(store::Database& db, const geo::Area& area,
                                                std::int64_t fromUtcMs, std::int64_t toUtcMs)
{
    std::map<model::VesselId, AreaPresence> byVessel;
    const Status read = db.forEachFixInBox(
        fromUtcMs, toUtcMs, area.southWest(), area.northEast(),
        [&](model::VesselId id, std::int64_t time, model::LatLon at) {
            if (!area.contains(at)) {
                return;
            }
            auto [it, added] = byVessel.try_emplace(id, AreaPresence{id, time, time, 0});
            it->second.firstUtcMs = std::min(it->second.firstUtcMs, time);
            it->second.lastUtcMs = std::max(it->second.lastUtcMs, time);
            ++it->second.fixes;
        });
    if (!read) {
        return read.error();
    }
    std::vector<AreaPresence> out;
    for (const auto& [id, p] : byVessel) {
        out.push_back(p);
    }
    std::sort(out.begin(), out.end(), [](const AreaPresence& a, const AreaPresence& b) {
        return a.firstUtcMs != b.firstUtcMs ? a.firstUtcMs < b.firstUtcMs : a.vesselId < b.vesselId;
    });
    return out;
}

} // namespace wake::investigate
