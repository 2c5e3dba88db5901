#pragma once

// An area of interest: a named polygon (a box is one with four corners),
// from "LAT1,LON1,LAT2,LON2" or a GeoJSON or KML file. Inside means inside
// the outer ring (holes are not read); edges are straight in longitude and
// latitude, as a chart draws a box, and a box whose west is east of its east
// crosses the antimeridian.

#include "core/model/lat_lon.h"
#include "core/util/result.h"

#include <QString>

#include <vector>

namespace wake::geo {

class Area
{
public:
    Area() = default;
    // South-west and north-east corners; west > east crosses 180.
    static Area box(model::LatLon southWest, model::LatLon northEast, QString name = {});
    static Area polygon(std::vector<model::LatLon> ring, QString name = {});

    bool contains(model::LatLon p) const;
    const QString& name() const { return m_name; }
    const std::vector<model::LatLon>& ring() const { return m_ring; }
    // South-west and north-east of the ring (west > east across 180).
    model::LatLon southWest() const { return {m_south, m_west}; }
    model::LatLon northEast() const { return {m_north, m_east}; }
    bool isBox() const { return m_isBox; }

private:
    QString m_name;
    std::vector<model::LatLon> m_ring; // longitudes unwrapped (continuous across 180)
    double m_south = 0, m_west = 0, m_north = 0, m_east = 0;
    bool m_isBox = false;
};

// "LAT1,LON1,LAT2,LON2" (two corners), or a .geojson/.json/.kml file with a
// polygon (the first Polygon or MultiPolygon's first polygon; its name from
// the feature's "name" property or the Placemark's <name>).
Result<Area> parseArea(const QString& textOrPath);
// The same from a file's bytes (format from the name, else the content).
Result<Area> readAreaFile(const QString& path);

} // namespace wake::geo
