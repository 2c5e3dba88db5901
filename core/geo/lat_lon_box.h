#pragma once

// The smallest box round a set of positions on the sphere, for framing a
// voyage on the map. Longitude wraps: a voyage across the antimeridian
// (Vladivostok to Alaska) is a box from 130 E eastwards to 150 W, west > east,
// not one from 150 W across the whole world to 130 E.

#include "core/model/lat_lon.h"

#include <optional>
#include <span>

namespace wake::geo {

struct LatLonBox
{
    double southDeg = 0;
    double westDeg = 0; // greater than eastDeg when the box crosses 180
    double northDeg = 0;
    double eastDeg = 0;

    bool crossesAntimeridian() const { return westDeg > eastDeg; }
    // Degrees of longitude the box spans (0-360).
    double widthDeg() const;
    model::LatLon southWest() const { return {southDeg, westDeg}; }
    model::LatLon northEast() const { return {northDeg, eastDeg}; }
};

// The box round the points (the narrowest in longitude: the largest gap
// between them is left out); none for no valid point.
std::optional<LatLonBox> boundingBox(std::span<const model::LatLon> points);

// The box with sea round it: a quarter of its size on each side, at least
// minPadDeg, latitudes kept within +-85, longitudes wrapped into -180..180.
LatLonBox padded(const LatLonBox& box, double minPadDeg);

} // namespace wake::geo
