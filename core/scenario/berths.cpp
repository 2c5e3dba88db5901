#include "core/scenario/berths.h"

#include "core/geo/geodesy.h"

#include <cmath>
#include <numbers>

namespace wake::scenario {

namespace {

constexpr double kStepM = 10.0;

bool isWater(const geo::DetailedWater& water, const model::LatLon& p)
{
    const auto w = water.isWater(p);
    return w.ok() && *w;
}

} // namespace

model::LatLon berthNear(const model::LatLon& reference, const geo::DetailedWater& water,
                        double maxM)
{
    if (isWater(water, reference)) {
        return reference;
    }
    const double mPerDegLat = geo::kEarthMeanRadiusM * std::numbers::pi / 180.0;
    const double mPerDegLon =
        mPerDegLat * std::max(0.01, std::cos(geo::degToRad(reference.latDeg)));
    for (double r = kStepM; r <= maxM; r += kStepM) {
        // Points about kStepM apart round the ring; the nearest water is the
        // first ring that has any, the closest of its points to the north
        // first (any is as near as another).
        const int n = std::max(8, static_cast<int>(std::ceil(2.0 * std::numbers::pi * r / kStepM)));
        for (int k = 0; k < n; ++k) {
            const double a = 2.0 * std::numbers::pi * k / n;
            const model::LatLon p{reference.latDeg + r * std::cos(a) / mPerDegLat,
                                  reference.lonDeg + r * std::sin(a) / mPerDegLon};
            if (isWater(water, p)) {
                return p;
            }
        }
    }
    return reference;
}

void placeAtBerths(std::span<model::TrackPoint> reported, const geo::DetailedWater& water)
{
    for (model::TrackPoint& p : reported) {
        const model::LatLon at = berthNear({p.latDeg, p.lonDeg}, water);
        p.latDeg = at.latDeg;
        p.lonDeg = at.lonDeg;
    }
}

} // namespace wake::scenario
