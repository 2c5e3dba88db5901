#include "core/analysis/reachability.h"

#include "core/geo/geodesy.h"
#include "core/geo/sea_reach.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wake::analysis {

namespace {

// Half the Earth's circumference: beyond it "within distance" covers the globe.
constexpr double kHalfCircumferenceM = std::numbers::pi * geo::kEarthMeanRadiusM;

// The point `distanceM` from `start` along `bearingDeg`.
model::LatLon destination(const model::LatLon& start, double bearingDeg, double distanceM)
{
    const double delta = distanceM / geo::kEarthMeanRadiusM;
    const double theta = geo::degToRad(bearingDeg);
    const double phi1 = geo::degToRad(start.latDeg);
    const double lambda1 = geo::degToRad(start.lonDeg);
    const double sinPhi2 =
        std::sin(phi1) * std::cos(delta) + std::cos(phi1) * std::sin(delta) * std::cos(theta);
    const double phi2 = std::asin(std::clamp(sinPhi2, -1.0, 1.0));
    const double lambda2 = lambda1 + std::atan2(std::sin(theta) * std::sin(delta) * std::cos(phi1),
                                                std::cos(delta) - std::sin(phi1) * std::sin(phi2));
    return {geo::radToDeg(phi2), geo::radToDeg(lambda2)};
}

} // namespace

bool ReachabilityEnvelope::contains(const model::LatLon& p) const
{
    return geo::distanceM(from, p) + geo::distanceM(p, to) <= budgetM;
}

ReachabilityEnvelope makeEnvelope(const model::LatLon& from, const model::LatLon& to,
                                  std::int64_t durationMs, double maxSpeedKnots)
{
    const double hours = static_cast<double>(std::max<std::int64_t>(durationMs, 0)) / 3.6e6;
    return {from, to, maxSpeedKnots * hours * geo::kMetresPerNauticalMile};
}

std::vector<model::LatLon> envelopeOutline(const ReachabilityEnvelope& envelope, int vertices)
{
    std::vector<model::LatLon> outline;
    const double direct = geo::distanceM(envelope.from, envelope.to);
    if (envelope.budgetM < direct || vertices < 3) {
        return outline;
    }
    const double maxReach = std::min(envelope.budgetM, kHalfCircumferenceM);
    outline.reserve(static_cast<std::size_t>(vertices));
    for (int k = 0; k < vertices; ++k) {
        const double bearing = 360.0 * k / vertices;
        double lo = 0.0;
        double hi = maxReach;
        for (int iteration = 0; iteration < 40 && hi - lo > 1.0; ++iteration) {
            const double mid = 0.5 * (lo + hi);
            const model::LatLon p = destination(envelope.from, bearing, mid);
            if (mid + geo::distanceM(p, envelope.to) <= envelope.budgetM) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        model::LatLon p = destination(envelope.from, bearing, lo);
        if (!outline.empty()) {
            // Unwrap: keep each longitude within 180° of the one before.
            while (p.lonDeg - outline.back().lonDeg > 180.0) {
                p.lonDeg -= 360.0;
            }
            while (p.lonDeg - outline.back().lonDeg < -180.0) {
                p.lonDeg += 360.0;
            }
        }
        outline.push_back(p);
    }
    return outline;
}

bool isVast(const ReachabilityEnvelope& envelope)
{
    return envelope.budgetM >= kVastEnvelopeNm * geo::kMetresPerNauticalMile;
}

double reachNm(const ReachabilityEnvelope& envelope)
{
    // The farthest point from `from` lies where the way out and on to `to`
    // uses the whole budget: (budget + direct) / 2 beyond `from` at most.
    const double direct = geo::distanceM(envelope.from, envelope.to);
    return 0.5 * (envelope.budgetM + direct) / geo::kMetresPerNauticalMile;
}

namespace {

// The last stretch into a port runs along its coast, which a straight line
// from the sea touches; up to this far out the line only needs open water.
constexpr double kPortApproachM = 10'000.0;

// The point `metres` short of b on the way from a (b itself for short legs).
model::LatLon shortOf(const model::LatLon& a, const model::LatLon& b, double metres)
{
    const double d = geo::distanceM(a, b);
    return d <= metres ? a : geo::interpolateGreatCircle(a, b, 1.0 - metres / d);
}

// Whether the straight way from a into port b (up to its approach) is open
// water on Natural Earth's coast.
bool openWaterInto(const geo::SeaRouter& sea, const model::LatLon& a, const model::LatLon& b)
{
    const geo::WorldPoint wa = geo::project(a);
    geo::WorldPoint wb = geo::project(shortOf(a, b, kPortApproachM));
    wb.x += std::round(wa.x - wb.x);
    return !sea.crossesLand(wa, wb);
}

} // namespace

std::vector<PossibleCall> portsInside(const ReachabilityEnvelope& envelope,
                                      const reference::PortIndex& ports, std::size_t limit,
                                      const geo::SeaRouter* sea, std::size_t* total)
{
    std::vector<PossibleCall> calls;
    if (total != nullptr) {
        *total = 0;
    }
    const double direct = geo::distanceM(envelope.from, envelope.to);
    if (envelope.budgetM < direct) {
        return calls;
    }
    // A vast envelope (most of an ocean) would need a grid too coarse for
    // the straits: there a port need only be on the sea.
    const geo::SeaMask* mask =
        sea != nullptr && isVast(envelope) ? geo::SeaMask::shared(*sea) : nullptr;
    // Distances by sea from both ends, made only when a port lies behind
    // land as the crow flies (most gaps have open water all round).
    std::optional<geo::SeaReach> fromEnd;
    std::optional<geo::SeaReach> toEnd;
    bool fieldsTried = false;
    // Every point of the envelope is within the budget of `from`.
    const std::size_t candidates = ports.ports().size();
    for (const auto& near : ports.nearest(envelope.from, candidates, envelope.budgetM)) {
        const model::LatLon at = near.port->position;
        double path = near.distanceM + geo::distanceM(at, envelope.to);
        if (path > envelope.budgetM) {
            continue;
        }
        if (mask != nullptr && !mask->nearSea(at)) {
            continue; // an inland town: no sea leads there
        }
        if (sea != nullptr && mask == nullptr &&
            (!openWaterInto(*sea, envelope.from, at) || !openWaterInto(*sea, envelope.to, at))) {
            if (!fieldsTried) {
                fieldsTried = true;
                fromEnd = geo::SeaReach::from(*sea, envelope.from, envelope.budgetM);
                toEnd = geo::SeaReach::from(*sea, envelope.to, envelope.budgetM);
            }
            const auto there = fromEnd ? fromEnd->to(at) : std::nullopt;
            const auto on = there && toEnd ? toEnd->to(at) : std::nullopt;
            if (!there || !on) {
                continue; // no water leads there within reach
            }
            path = std::max(path, *there + *on);
            if (path > envelope.budgetM) {
                continue;
            }
        }
        calls.push_back({near.port, (path - direct) / geo::kMetresPerNauticalMile});
    }
    if (total != nullptr) {
        *total = calls.size();
    }
    std::sort(calls.begin(), calls.end(),
              [](const PossibleCall& a, const PossibleCall& b) { return a.detourNm < b.detourNm; });
    if (calls.size() > limit) {
        calls.resize(limit);
    }
    return calls;
}

} // namespace wake::analysis
