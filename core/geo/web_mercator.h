#pragma once

// Web Mercator in normalised world coordinates: x in [0,1) eastwards from
// -180 deg, y in [0,1] southwards from +85.0511 deg. Doubles throughout; pixels
// at zoom z are world * 256 * 2^z. Latitudes beyond +-85.0511 deg are clamped.

#include "core/model/lat_lon.h"

namespace wake::geo {

inline constexpr double kMaxMercatorLatDeg = 85.0511287798066;
inline constexpr double kTileSizePx = 256.0;

struct WorldPoint
{
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const WorldPoint&, const WorldPoint&) = default;
};

WorldPoint project(const model::LatLon& p);
model::LatLon unproject(const WorldPoint& w);

// World size in pixels at a (fractional) zoom level.
double worldSizePx(double zoom);

// Ground metres per world unit at a latitude (the Mercator scale factor).
double metresPerWorldUnit(double latDeg);

// Wraps a longitude into [-180, 180).
double wrapLongitude(double lonDeg);

} // namespace wake::geo
