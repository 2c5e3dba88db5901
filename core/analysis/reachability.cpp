#include "core/analysis/reachability.h"

#include "core/geo/geodesy.h"

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

std::vector<PossibleCall> portsInside(const ReachabilityEnvelope& envelope,
                                      const reference::PortIndex& ports, std::size_t limit)
{
    std::vector<PossibleCall> calls;
    const double direct = geo::distanceM(envelope.from, envelope.to);
    if (envelope.budgetM < direct) {
        return calls;
    }
    // Every point of the envelope is within the budget of `from`.
    const std::size_t candidates = ports.ports().size();
    for (const auto& near : ports.nearest(envelope.from, candidates, envelope.budgetM)) {
        const double path = near.distanceM + geo::distanceM(near.port->position, envelope.to);
        if (path <= envelope.budgetM) {
            calls.push_back({near.port, (path - direct) / geo::kMetresPerNauticalMile});
        }
    }
    std::sort(calls.begin(), calls.end(),
              [](const PossibleCall& a, const PossibleCall& b) { return a.detourNm < b.detourNm; });
    if (calls.size() > limit) {
        calls.resize(limit);
    }
    return calls;
}

} // namespace wake::analysis
