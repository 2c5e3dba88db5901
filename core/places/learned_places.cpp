#include "core/places/learned_places.h"

#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>
#include <unordered_set>

namespace wake::places {

namespace {

struct CellStats
{
    std::vector<model::VesselId> vessels;
    std::int64_t stoppedMs = 0;
    std::int64_t firstUtcMs = 0;
    std::int64_t lastUtcMs = 0;
};

QString compass(const model::LatLon& from, const model::LatLon& to)
{
    const double dLat = to.latDeg - from.latDeg;
    const double dLon =
        (to.lonDeg - from.lonDeg) * std::cos(from.latDeg * std::numbers::pi / 180.0);
    const double bearing =
        std::fmod(std::atan2(dLon, dLat) * 180.0 / std::numbers::pi + 360.0, 360.0);
    static const char* kNames[] = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
    return QString::fromLatin1(kNames[static_cast<int>(std::lround(bearing / 45.0)) % 8]);
}

} // namespace

QString toString(PlaceKind kind)
{
    switch (kind) {
    case PlaceKind::Harbour:
        return QStringLiteral("harbour");
    case PlaceKind::Moorings:
        return QStringLiteral("moorings");
    case PlaceKind::Anchorage:
        return QStringLiteral("anchorage");
    case PlaceKind::Inland:
        return QStringLiteral("inland");
    }
    return {};
}

PlaceKind placeKindFromString(const QString& text)
{
    for (const PlaceKind k :
         {PlaceKind::Harbour, PlaceKind::Moorings, PlaceKind::Anchorage, PlaceKind::Inland}) {
        if (toString(k) == text) {
            return k;
        }
    }
    return PlaceKind::Moorings;
}

std::vector<LearnedPlace>
learnPlaces(const std::vector<std::pair<model::VesselId, StopCell>>& stops,
            const reference::PortIndex& ports, const PlaceGeography& geography,
            const PlaceRules& rules)
{
    std::unordered_map<CellKey, CellStats> cells;
    for (const auto& [vessel, stop] : stops) {
        CellStats& c = cells[stop.cell];
        if (c.vessels.empty()) {
            c.firstUtcMs = stop.firstUtcMs;
            c.lastUtcMs = stop.lastUtcMs;
        }
        c.vessels.push_back(vessel);
        c.stoppedMs += stop.stoppedMs;
        c.firstUtcMs = std::min(c.firstUtcMs, stop.firstUtcMs);
        c.lastUtcMs = std::max(c.lastUtcMs, stop.lastUtcMs);
    }
    // A cell belongs to a place when enough distinct vessels stopped in it
    // and its neighbours (a marina's boats spread over a few cells).
    std::vector<CellKey> keys;
    keys.reserve(cells.size());
    for (const auto& [key, c] : cells) {
        keys.push_back(key);
    }
    std::sort(keys.begin(), keys.end()); // the same places whatever the hash order
    std::unordered_set<CellKey> member;
    for (const CellKey key : keys) {
        std::unordered_set<model::VesselId> vessels;
        for (const CellKey n : neighbourhood(key, rules.cellDeg)) {
            if (const auto it = cells.find(n); it != cells.end()) {
                vessels.insert(it->second.vessels.begin(), it->second.vessels.end());
            }
        }
        const auto count = static_cast<int>(vessels.size());
        if (count < rules.minVessels) {
            continue;
        }
        if (count < rules.minVesselsOffshore && geography.shoreKm &&
            geography.shoreKm(cellCentre(key, rules.cellDeg)) > rules.nearShoreKm) {
            continue;
        }
        member.insert(key);
    }
    // Member cells round the busiest one, within maxRadiusKm, make a place;
    // then round the busiest cell left, and so on. (Connected cells alone
    // would chain a coast of marinas into one place kilometres across.)
    std::vector<CellKey> seeds(member.begin(), member.end());
    std::sort(seeds.begin(), seeds.end(), [&](CellKey a, CellKey b) {
        const auto na = cells[a].vessels.size();
        const auto nb = cells[b].vessels.size();
        return na != nb ? na > nb : a < b;
    });
    const int reach = static_cast<int>(std::ceil(rules.maxRadiusKm / (rules.cellDeg * 111.0))) + 1;
    std::vector<LearnedPlace> out;
    std::unordered_set<CellKey> done;
    for (const CellKey seed : seeds) {
        if (done.contains(seed)) {
            continue;
        }
        const model::LatLon seedCentre = cellCentre(seed, rules.cellDeg);
        std::vector<CellKey> group;
        // The cells of the rows and columns within reach, by the grid.
        std::vector<CellKey> around{seed};
        for (int step = 0; step < reach; ++step) {
            std::vector<CellKey> next;
            for (const CellKey k : around) {
                for (const CellKey n : neighbourhood(k, rules.cellDeg)) {
                    next.push_back(n);
                }
            }
            std::sort(next.begin(), next.end());
            next.erase(std::unique(next.begin(), next.end()), next.end());
            around = std::move(next);
        }
        for (const CellKey k : around) {
            if (member.contains(k) && !done.contains(k) &&
                geo::distanceM(seedCentre, cellCentre(k, rules.cellDeg)) <=
                    rules.maxRadiusKm * 1000.0) {
                group.push_back(k);
                done.insert(k);
            }
        }
        if (group.empty()) {
            continue;
        }
        LearnedPlace place;
        std::unordered_set<model::VesselId> vessels;
        double lat = 0;
        double lon = 0;
        double weight = 0;
        place.firstUtcMs = cells[group.front()].firstUtcMs;
        for (const CellKey k : group) {
            const CellStats& c = cells[k];
            vessels.insert(c.vessels.begin(), c.vessels.end());
            const model::LatLon centre = cellCentre(k, rules.cellDeg);
            const auto w = static_cast<double>(c.vessels.size());
            lat += centre.latDeg * w;
            lon += centre.lonDeg * w;
            weight += w;
            place.stoppedMs += c.stoppedMs;
            place.firstUtcMs = std::min(place.firstUtcMs, c.firstUtcMs);
            place.lastUtcMs = std::max(place.lastUtcMs, c.lastUtcMs);
        }
        const model::LatLon centre{lat / weight, lon / weight};
        double radiusM = 0;
        for (const CellKey k : group) {
            radiusM = std::max(radiusM, geo::distanceM(centre, cellCentre(k, rules.cellDeg)));
        }
        place.vessels = static_cast<int>(vessels.size());
        place.cells = static_cast<int>(group.size());
        place.port.position = centre;
        place.port.kind = model::PortKind::Anchorage;
        place.port.origin = QStringLiteral("learned");
        place.port.radiusKm = radiusM / 1000.0 + rules.cellDeg * 111.0 / 2.0;
        const auto nearest = ports.nearest(centre, 1);
        const bool inland = geography.inland && geography.inland(centre);
        if (!nearest.empty()) {
            const model::Port& p = *nearest.front().port;
            place.nearestPortKm = nearest.front().distanceM / 1000.0;
            place.nearestPort =
                p.locode.isEmpty() ? p.name : QStringLiteral("%1 (%2)").arg(p.name, p.locode);
            place.port.countryAlpha2 = p.countryAlpha2;
        }
        if (!nearest.empty() && place.nearestPortKm <= 3.0) {
            place.kind = PlaceKind::Harbour;
        } else if (inland) {
            place.kind = PlaceKind::Inland;
        } else if (geography.shoreKm && geography.shoreKm(centre) > rules.nearShoreKm) {
            place.kind = PlaceKind::Anchorage;
        } else {
            place.kind = PlaceKind::Moorings;
        }
        const QString what = place.kind == PlaceKind::Harbour  ? QStringLiteral("Harbour")
                             : place.kind == PlaceKind::Inland ? QStringLiteral("Inland moorings")
                             : place.kind == PlaceKind::Anchorage ? QStringLiteral("Anchorage")
                                                                  : QStringLiteral("Moorings");
        if (nearest.empty()) {
            place.port.name = QStringLiteral("%1 (learned)").arg(what);
        } else if (place.nearestPortKm < 1.0) {
            place.port.name =
                QStringLiteral("%1 at %2 (learned)").arg(what, nearest.front().port->name);
        } else {
            place.port.name = QStringLiteral("%1 %2 km %3 of %4 (learned)")
                                  .arg(what)
                                  .arg(place.nearestPortKm, 0, 'f', 0)
                                  .arg(compass(nearest.front().port->position, centre),
                                       nearest.front().port->name);
        }
        out.push_back(std::move(place));
    }
    return out;
}

} // namespace wake::places
