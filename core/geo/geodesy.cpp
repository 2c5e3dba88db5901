#include "geo/geodesy.h"

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

} // namespace wake::geo
