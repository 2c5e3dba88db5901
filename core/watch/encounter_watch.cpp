#include "core/watch/encounter_watch.h"

#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>

namespace wake::watch {

namespace {

constexpr std::int64_t kRecentMs = 10LL * 60 * 1000; // the other's report may be this old

std::uint64_t pairKey(std::uint32_t a, std::uint32_t b)
{
    return (static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
}

double lonCellDeg(double cellDeg, double latDeg)
{
    return cellDeg / std::max(std::cos(latDeg * M_PI / 180.0), 0.05);
}

} // namespace

MeetingPlaces MeetingPlaces::builtIn()
{
    static const std::shared_ptr<const reference::PortIndex> ports = [] {
        auto loaded = reference::PortIndex::loadBuiltIn();
        return loaded ? std::make_shared<const reference::PortIndex>(std::move(loaded).value())
                      : nullptr;
    }();
    return {geo::ShoreProximity::shared(), ports};
}

EncounterWatch::EncounterWatch(const std::vector<WatchRule>& rules, MeetingPlaces places)
    : m_places(std::move(places))
{
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (rules[i].kind == RuleKind::EncounterForming) {
            m_rules.emplace_back(i, rules[i]);
            m_cellDeg = std::max(m_cellDeg, rules[i].nm / 60.0);
            m_slowestKnots = std::max(m_slowestKnots, rules[i].knots);
        }
    }
    m_pairs.resize(m_rules.size());
}

std::int64_t EncounterWatch::cellOf(double latDeg, double lonDeg) const
{
    // Cells about m_cellDeg of latitude square: narrower in degrees of
    // longitude towards the poles (as wide in miles).
    const auto row = static_cast<std::int64_t>(std::floor(latDeg / m_cellDeg));
    const auto col =
        static_cast<std::int64_t>(std::floor((lonDeg + 180.0) / lonCellDeg(m_cellDeg, latDeg)));
    return row * 1'000'000'000LL + col;
}

void EncounterWatch::file(const PositionReport& r)
{
    if (const auto old = m_cellOfShip.find(r.mmsi); old != m_cellOfShip.end()) {
        auto& members = m_cells[old->second];
        std::erase(members, r.mmsi);
        if (members.empty()) {
            m_cells.erase(old->second);
        }
        m_cellOfShip.erase(old);
    }
    if (r.sogKnots.value_or(0.0) <= m_slowestKnots) {
        const std::int64_t cell = cellOf(r.latDeg, r.lonDeg);
        m_cells[cell].push_back(r.mmsi);
        m_cellOfShip[r.mmsi] = cell;
    }
}

bool EncounterWatch::atSea(const model::LatLon& at, const WatchRule& rule) const
{
    // Not two boats at a pier, in a harbour's basins (GSHHG's coast may be
    // kilometres off there) or in a lock.
    const double shoreM = rule.shoreKm * 1000.0;
    const auto& shore = m_places.shore;
    if (shore &&
        (shore->inHarbour(at) || !shore->atSea(at) || shore->shoreM(at, shoreM) < shoreM)) {
        return false;
    }
    return !m_places.ports || m_places.ports->nearest(at, 1, rule.portKm * 1000.0).empty();
}

std::vector<Meeting> EncounterWatch::report(const PositionReport& r, const LastReport& lastOf)
{
    std::vector<Meeting> out;
    if (empty()) {
        return out;
    }
    const double sog = r.sogKnots.value_or(0.0);
    file(r);
    // The ships it might be lying with: its partners and its slow neighbours.
    std::unordered_set<std::uint32_t> near;
    if (const auto p = m_partners.find(r.mmsi); p != m_partners.end()) {
        near = p->second;
    }
    if (sog <= m_slowestKnots) {
        const double lonCell = lonCellDeg(m_cellDeg, r.latDeg);
        for (int dy = -1; dy <= 1; ++dy) {
            for (int dx = -1; dx <= 1; ++dx) {
                const auto it =
                    m_cells.find(cellOf(r.latDeg + dy * m_cellDeg, r.lonDeg + dx * lonCell));
                if (it != m_cells.end()) {
                    near.insert(it->second.begin(), it->second.end());
                }
            }
        }
    }
    near.erase(r.mmsi);
    // In MMSI order: two meetings of one report come out the same way every run.
    std::vector<std::uint32_t> order(near.begin(), near.end());
    std::sort(order.begin(), order.end());
    for (const std::uint32_t other : order) {
        const PositionReport* o = lastOf(other);
        const bool recent = o != nullptr && std::llabs(o->timeUtcMs - r.timeUtcMs) <= kRecentMs;
        const double apartM =
            recent ? geo::distanceM({r.latDeg, r.lonDeg}, {o->latDeg, o->lonDeg}) : 0.0;
        bool partners = false;
        for (std::size_t k = 0; k < m_rules.size(); ++k) {
            const auto& [index, rule] = m_rules[k];
            const bool close = recent && sog <= rule.knots &&
                               o->sogKnots.value_or(0.0) <= rule.knots &&
                               apartM <= rule.nm * geo::kMetresPerNauticalMile;
            auto& pairs = m_pairs[k];
            if (!close) {
                pairs.erase(pairKey(r.mmsi, other));
                continue;
            }
            partners = true;
            auto state =
                pairs.try_emplace(pairKey(r.mmsi, other), PairState{r.timeUtcMs, false}).first;
            if (state->second.done || r.timeUtcMs - state->second.sinceUtcMs <
                                          static_cast<std::int64_t>(rule.minutes * 60'000.0)) {
                continue;
            }
            state->second.done = true;
            if (atSea({(r.latDeg + o->latDeg) / 2.0, (r.lonDeg + o->lonDeg) / 2.0}, rule)) {
                out.push_back({index, other});
            }
        }
        if (partners) {
            m_partners[r.mmsi].insert(other);
            m_partners[other].insert(r.mmsi);
        } else {
            if (const auto p = m_partners.find(r.mmsi); p != m_partners.end()) {
                p->second.erase(other);
            }
            if (const auto p = m_partners.find(other); p != m_partners.end()) {
                p->second.erase(r.mmsi);
            }
        }
    }
    if (const auto p = m_partners.find(r.mmsi); p != m_partners.end() && p->second.empty()) {
        m_partners.erase(p);
    }
    return out;
}

} // namespace wake::watch
