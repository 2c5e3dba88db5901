#include "core/scenario/passage_reconstruction.h"

#include "core/geo/geodesy.h"
#include "core/geo/panama_canal.h"

#include <array>
#include <cmath>
#include <optional>

namespace wake::scenario {

namespace {

const std::span<const model::LatLon> kCanal = geo::panamaCanal();
const std::size_t kCanalSize = kCanal.size();
constexpr double kCanalReachM = 2500.0; // a reported point this close is in the canal
constexpr double kSamePlaceM = 2000.0;  // closer than this, the ship did not move

// The canal point nearest a point in the canal, if it is in the canal
// (entrances excluded: from there on the sea router takes over).
std::optional<std::size_t> canalIndex(const model::LatLon& p)
{
    std::optional<std::size_t> nearest;
    double nearestM = kCanalReachM;
    for (std::size_t i = 1; i + 1 < kCanalSize; ++i) {
        if (const double m = geo::distanceM(p, kCanal[i]); m <= nearestM) {
            nearest = i;
            nearestM = m;
        }
    }
    return nearest;
}

// Waypoints from index a to index b (both included), in either direction.
std::vector<model::LatLon> canalBetween(std::size_t a, std::size_t b)
{
    std::vector<model::LatLon> out;
    if (a <= b) {
        for (std::size_t i = a; i <= b; ++i) {
            out.push_back(kCanal[i]);
        }
    } else {
        for (std::size_t i = a + 1; i-- > b;) {
            out.push_back(kCanal[i]);
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
        auto r =
            ca ? router.route(kCanal[entrance], outside) : router.route(outside, kCanal[entrance]);
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
