#pragma once

// Small spherical geodesy helpers on plain doubles, for hot loops. They agree
// with QGeoCoordinate::distanceTo (also a sphere of the mean Earth radius) to
// well under a metre; tests check that.

#include "core/model/lat_lon.h"

#include <array>

namespace wake::geo {

inline constexpr double kEarthMeanRadiusM = 6371007.2; // Qt Positioning's value
inline constexpr double kMetresPerNauticalMile = 1852.0;

double degToRad(double deg);
double radToDeg(double rad);

// Great-circle distance in metres (haversine).
double distanceM(const model::LatLon& a, const model::LatLon& b);

// Unit vector on the sphere (x towards 0°E, z towards the North Pole).
std::array<double, 3> toUnitVector(const model::LatLon& p);

// Squared chord length between unit vectors; monotonic in great-circle distance.
double chord2(const std::array<double, 3>& a, const std::array<double, 3>& b);

// Great-circle distance in metres for a squared chord length.
double chord2ToDistanceM(double chord2);

// The point a fraction f (0..1) of the way from a to b along the great circle
// (spherical linear interpolation). Longitudes come back in [-180, 180].
model::LatLon interpolateGreatCircle(const model::LatLon& a, const model::LatLon& b, double f);

// Initial great-circle bearing from a to b, degrees clockwise from true north
// in [0, 360). Undefined (returns 0) when a and b coincide.
double initialBearingDeg(const model::LatLon& a, const model::LatLon& b);

} // namespace wake::geo
