#pragma once

// What a watch officer adds to the live picture: each target's course
// vector (where it will be in N minutes at its speed and course over
// ground), own ship with range rings, and the stations that are not ships
// with symbols of their own: aids to navigation (a diamond; a virtual one
// dashed and marked V), base stations (a mast) and SAR aircraft (a plane on
// its course).

#include "core/live/station_table.h"
#include "core/model/lat_lon.h"

#include <optional>
#include <vector>

class QPainter;

namespace wake::ui {

class MapViewport;
class TrafficLayer;

struct LivePicture
{
    int vectorMinutes = 0;    // 0: no course vectors
    double ringSpacingNm = 0; // 0: no range rings
    int rings = 3;
    std::optional<model::LatLon> ownShip;
    std::optional<double> ownCogDeg;
    std::optional<double> ownSogKnots;
    std::vector<live::Station> stations;
};

void paintLivePicture(QPainter& p, const MapViewport& vp, const TrafficLayer& traffic,
                      const LivePicture& picture);

} // namespace wake::ui
