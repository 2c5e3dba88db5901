#include "core/geo/web_mercator.h"

#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wake::geo {

WorldPoint project(const model::LatLon& p)
{
    const double lat = std::clamp(p.latDeg, -kMaxMercatorLatDeg, kMaxMercatorLatDeg);
    const double s = std::sin(degToRad(lat));
    return {(p.lonDeg + 180.0) / 360.0,
            0.5 - std::log((1.0 + s) / (1.0 - s)) / (4.0 * std::numbers::pi)};
}

model::LatLon unproject(const WorldPoint& w)
{
    const double n = std::numbers::pi * (1.0 - 2.0 * w.y);
    return {radToDeg(std::atan(std::sinh(n))), w.x * 360.0 - 180.0};
}

double worldSizePx(double zoom)
{
    return kTileSizePx * std::exp2(zoom);
}

double metresPerWorldUnit(double latDeg)
{
    return 2.0 * std::numbers::pi * kEarthMeanRadiusM * std::cos(degToRad(latDeg));
}

double wrapLongitude(double lonDeg)
{
    double x = std::fmod(lonDeg + 180.0, 360.0);
    if (x < 0) {
        x += 360.0;
    }
    return x - 180.0;
}

} // namespace wake::geo
