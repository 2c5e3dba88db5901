#pragma once

// A plain geographic position in WGS84 degrees. Plain doubles so that millions
// of them can live in vectors; convert to QGeoCoordinate at API edges.

#include <QGeoCoordinate>

#include <cmath>

namespace wake::model {

struct LatLon
{
    double latDeg = 0.0;
    double lonDeg = 0.0;

    bool isValid() const
    {
        return std::isfinite(latDeg) && std::isfinite(lonDeg) && latDeg >= -90.0 &&
               latDeg <= 90.0 && lonDeg >= -180.0 && lonDeg <= 180.0;
    }
    QGeoCoordinate toGeoCoordinate() const { return QGeoCoordinate(latDeg, lonDeg); }
    friend bool operator==(const LatLon&, const LatLon&) = default;
};

} // namespace wake::model
