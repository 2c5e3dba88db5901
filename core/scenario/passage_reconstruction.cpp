#include "scenario/passage_reconstruction.h"

#include "geo/geodesy.h"

#include <array>
#include <cmath>
#include <optional>

namespace wake::scenario {

namespace {

constexpr std::array<CanalWaypoint, 12> kCanal = {{
    {"Pacific entrance", {8.870, -79.520}},
    {"Balboa", {8.955, -79.565}},
    {"Miraflores Locks", {8.997, -79.592}},
    {"Pedro Miguel Locks", {9.017, -79.613}},
    {"Culebra Cut", {9.045, -79.645}},
    {"Gamboa", {9.113, -79.693}},
    {"Gatun Lake", {9.170, -79.760}},
    {"Gatun Lake", {9.220, -79.860}},
    {"Gatun Locks", {9.272, -79.922}},
    {"Atlantic approach", {9.330, -79.918}},
    {"Atlantic entrance", {9.390, -79.918}},
    {"", {0, 0}}, // unused end marker kept out of the span
}};
constexpr std::size_t kCanalSize = kCanal.size() - 1;
constexpr double kCanalReachM = 2500.0; // a reported point this close is in the canal
constexpr double kSamePlaceM = 2000.0;  // closer than this, the ship did not move

// The canal waypoint a point is at, if it is in the canal (entrances excluded:
// from there on the sea router takes over).
std::optional<std::size_t> canalIndex(const model::LatLon& p)
{
    for (std::size_t i = 1; i + 1 < kCanalSize; ++i) {
        if (geo::distanceM(p, kCanal[i].position) <= kCanalReachM) {
            return i;
        }
    }
    return std::nullopt;
}

// Waypoints from index a to index b (both included), in either direction.
std::vector<model::LatLon> canalBetween(std::size_t a, std::size_t b)
{
    std::vector<model::LatLon> out;
    if (a <= b) {
        for (std::size_t i = a; i <= b; ++i) {
            out.push_back(kCanal[i].position);
        }
    } else {
        for (std::size_t i = a + 1; i-- > b;) {
            out.push_back(kCanal[i].position);
        }
    }
    return out;
}

// The path between two reported places, ends included.
std::vector<model::LatLon> passage(const model::LatLon& a, const model::LatLon& b,
                                   const geo::SeaRouter& router)
{
    auto sea = [&](const model::LatLon& from, const model::LatLon& to) {
        auto r = router.route(from, to);
        return r ? r->points : std::vector<model::LatLon>{from, to};
    };
    const auto ca = canalIndex(a);
    const auto cb = canalIndex(b);
    if (ca && cb) {
        auto path = canalBetween(*ca, *cb);
        path.front() = a;
        path.back() = b;
        return path;
    }
    if (!ca && !cb) {
        return sea(a, b);
    }
    // One end in the canal: through the canal to whichever entrance gives the
    // shorter way by sea (the Pacific one for a ship from Asia, though the
    // Atlantic entrance lies farther west), then by sea.
    const model::LatLon outside = ca ? b : a;
    const std::size_t inside = ca ? *ca : *cb;
    std::optional<std::pair<std::size_t, std::vector<model::LatLon>>> best;
    double bestM = 0;
    for (const std::size_t entrance : {std::size_t{0}, kCanalSize - 1}) {
        auto r = ca ? router.route(kCanal[entrance].position, outside)
                    : router.route(outside, kCanal[entrance].position);
        if (!r) {
            continue;
        }
        const auto canal = canalBetween(inside, entrance);
        double m = r->lengthM;
        for (std::size_t k = 1; k < canal.size(); ++k) {
            m += geo::distanceM(canal[k - 1], canal[k]);
        }
        if (!best || m < bestM) {
            best = std::make_pair(entrance, std::move(r->points));
            bestM = m;
        }
    }
    if (!best) {
        return {a, b}; // no sea route either way: a straight reconstructed line
    }
    const auto& [entrance, seaPath] = *best;
    std::vector<model::LatLon> path;
    if (ca) {
        path = canalBetween(inside, entrance);
        path.front() = a;
        path.insert(path.end(), seaPath.begin() + 1, seaPath.end());
    } else {
        path = seaPath;
        const auto rest = canalBetween(entrance, inside);
        path.insert(path.end(), rest.begin() + 1, rest.end());
        path.back() = b;
    }
    return path;
}

} // namespace

std::span<const CanalWaypoint> panamaCanal()
{
    return {kCanal.data(), kCanalSize};
}

std::vector<model::TrackPoint> reconstructPassages(std::span<const model::TrackPoint> reported,
                                                   const geo::SeaRouter& router)
{
    std::vector<model::TrackPoint> out;
    for (std::size_t i = 1; i < reported.size(); ++i) {
        const model::TrackPoint& a = reported[i - 1];
        const model::TrackPoint& b = reported[i];
        const model::LatLon pa{a.latDeg, a.lonDeg};
        const model::LatLon pb{b.latDeg, b.lonDeg};
        if (geo::distanceM(pa, pb) < kSamePlaceM || b.timeUtcMs - a.timeUtcMs < 2) {
            continue;
        }
        const auto path = passage(pa, pb, router);
        std::vector<double> along{0.0};
        for (std::size_t k = 1; k < path.size(); ++k) {
            along.push_back(along.back() + geo::distanceM(path[k - 1], path[k]));
        }
        const double total = along.back();
        std::int64_t previous = a.timeUtcMs;
        for (std::size_t k = 1; k + 1 < path.size(); ++k) {
            // Constant speed over the whole passage: time follows distance.
            auto t = a.timeUtcMs + static_cast<std::int64_t>(std::llround(
                                       (b.timeUtcMs - a.timeUtcMs) * along[k] / total));
            t = std::clamp(t, previous + 1, b.timeUtcMs - 1);
            if (t <= previous) {
                continue;
            }
            model::TrackPoint p;
            p.vesselId = a.vesselId;
            p.timeUtcMs = t;
            p.latDeg = path[k].latDeg;
            p.lonDeg = path[k].lonDeg;
            p.provenance = model::Provenance::Reconstructed;
            out.push_back(p);
            previous = t;
        }
    }
    return out;
}

} // namespace wake::scenario
