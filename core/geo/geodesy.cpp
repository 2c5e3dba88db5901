#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wake::geo {

double degToRad(double deg)
{
    return deg * std::numbers::pi / 180.0;
}

double radToDeg(double rad)
{
    return rad * 180.0 / std::numbers::pi;
}

double distanceM(const model::LatLon& a, const model::LatLon& b)
{
    // Fixes a minute apart are metres apart: there the flat-Earth formula on
    // the mean latitude agrees with the haversine to well under a millimetre
    // per kilometre (the error grows with the square of the separation: about
    // 0.1 m at 0.05 degree), for a third of its cost. Analysis measures
    // millions of such steps.
    constexpr double kShortDeg = 0.05;
    const double dLatDeg = b.latDeg - a.latDeg;
    const double dLonDeg = b.lonDeg - a.lonDeg;
    if (std::abs(dLatDeg) < kShortDeg && std::abs(dLonDeg) < kShortDeg) {
        // Successive calls walk along a track: the cosine of a latitude within
        // 0.001 degree of the last one differs by under 2e-5 of itself.
        thread_local double cachedLat = 1000.0;
        thread_local double cachedCos = 0.0;
        const double meanLat = 0.5 * (a.latDeg + b.latDeg);
        if (std::abs(meanLat - cachedLat) > 1e-3) {
            cachedLat = meanLat;
            cachedCos = std::cos(degToRad(meanLat));
        }
        const double x = degToRad(dLonDeg) * cachedCos;
        const double y = degToRad(dLatDeg);
        return kEarthMeanRadiusM * std::sqrt(x * x + y * y);
    }
    const double dLat = degToRad(b.latDeg - a.latDeg);
    const double dLon = degToRad(b.lonDeg - a.lonDeg);
    const double s = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(degToRad(a.latDeg)) * std::cos(degToRad(b.latDeg)) *
                         std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2.0 * kEarthMeanRadiusM * std::atan2(std::sqrt(s), std::sqrt(std::max(0.0, 1.0 - s)));
}

std::array<double, 3> toUnitVector(const model::LatLon& p)
{
    const double lat = degToRad(p.latDeg);
    const double lon = degToRad(p.lonDeg);
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

double chord2(const std::array<double, 3>& a, const std::array<double, 3>& b)
{
    const double dx = a[0] - b[0];
    const double dy = a[1] - b[1];
    const double dz = a[2] - b[2];
    return dx * dx + dy * dy + dz * dz;
}

double chord2ToDistanceM(double c2)
{
    const double chord = std::sqrt(std::max(0.0, c2));
    return 2.0 * kEarthMeanRadiusM * std::asin(std::min(1.0, chord / 2.0));
}

model::LatLon interpolateGreatCircle(const model::LatLon& a, const model::LatLon& b, double f)
{
    // Fixes a kilometre apart: the great circle between them leaves the
    // straight line in latitude and longitude by under 5 cm (the sagitta
    // grows with the square of the distance), so it is not worth six
    // trigonometric calls. Analysis interpolates millions of such steps.
    constexpr double kShortDeg = 0.01;
    if (std::abs(b.latDeg - a.latDeg) < kShortDeg && std::abs(b.lonDeg - a.lonDeg) < kShortDeg &&
        std::abs(a.latDeg) < 85.0) {
        return {a.latDeg + f * (b.latDeg - a.latDeg), a.lonDeg + f * (b.lonDeg - a.lonDeg)};
    }
    const auto va = toUnitVector(a);
    const auto vb = toUnitVector(b);
    const double dot = std::clamp(va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2], -1.0, 1.0);
    const double omega = std::acos(dot);
    std::array<double, 3> v{};
    if (omega < 1e-12) {
        return f < 0.5 ? a : b;
    }
    // Antipodal ends have no unique great circle; any is as good as another.
    const double sinOmega = std::max(std::sin(omega), 1e-12);
    const double wa = std::sin((1.0 - f) * omega) / sinOmega;
    const double wb = std::sin(f * omega) / sinOmega;
    for (int i = 0; i < 3; ++i) {
        v[i] = wa * va[i] + wb * vb[i];
    }
    return {radToDeg(std::atan2(v[2], std::hypot(v[0], v[1]))), radToDeg(std::atan2(v[1], v[0]))};
}

double initialBearingDeg(const model::LatLon& a, const model::LatLon& b)
{
    const double lat1 = degToRad(a.latDeg);
    const double lat2 = degToRad(b.latDeg);
    const double dLon = degToRad(b.lonDeg - a.lonDeg);
    const double y = std::sin(dLon) * std::cos(lat2);
    const double x =
        std::cos(lat1) * std::sin(lat2) - std::sin(lat1) * std::cos(lat2) * std::cos(dLon);
    if (x == 0.0 && y == 0.0) {
        return 0.0;
    }
    const double deg = std::fmod(radToDeg(std::atan2(y, x)) + 360.0, 360.0);
    return deg >= 360.0 ? 0.0 : deg;
}

} // namespace wake::geo
