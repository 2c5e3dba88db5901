#pragma once

// Distance from a position at sea to the shore, for the AIS-gap and
// loitering rules ("at least 50 nm from shore").
//
// With the shipped detailed coast (geo/shore_proximity.h, GSHHG full), a
// position that is not at sea (on a river, a lake, in a marina basin GSHHG
// draws as land) is 0 nm from shore, and near the coast the distance is to
// GSHHG's own vertices. Far from any coast, and in tests without it:
//
// How "shore" is computed: the coastline is the outline of Natural Earth's
// 1:10m land polygons (the basemap Wake draws), thinned to vertices at least
// 1 km apart along each outline, plus every reference port (a port can stand
// on a river or an island the 1:10m outline lacks). The distance is the
// great-circle distance to the nearest of these points. Between two kept
// vertices the true coast can be closer by at most half their spacing; at
// 1:10m that is a few kilometres at most, small beside the 20 and 50 nm
// rules. The built-in coast loads once per process, on first use.

#include "core/geo/shore_proximity.h"
#include "core/geo/sphere_index.h"
#include "core/model/lat_lon.h"
#include "core/reference/port_index.h"
#include "core/util/result.h"

#include <memory>

namespace wake::analysis {

class ShoreDistance
{
public:
    // The built-in coast plus these ports.
    static Result<std::shared_ptr<const ShoreDistance>> builtIn(const reference::PortIndex& ports);
    // Any coast (tests give small hand-made ones).
    ShoreDistance(const std::vector<model::LatLon>& coastPoints, const reference::PortIndex* ports);
    // A null coast is the built-in one, loaded when first needed.
    ShoreDistance(std::shared_ptr<const geo::SphereIndex> coast, const reference::PortIndex* ports);

    double nauticalMiles(const model::LatLon& position) const;
    // Open sea: not land, river or lake (always true without the detailed coast).
    bool atSea(const model::LatLon& position) const;
    // How far a point off the sea is from the nearest coast or lake shore,
    // searched up to maxKm (0 without the detailed coast).
    double inlandKm(const model::LatLon& position, double maxKm) const;
    // Uses this detailed coast (builtIn() takes the shipped one).
    void setDetailedCoast(std::shared_ptr<const geo::ShoreProximity> detailed)
    {
        m_detailed = std::move(detailed);
    }

private:
    std::shared_ptr<const geo::ShoreProximity> m_detailed;
    std::shared_ptr<const geo::SphereIndex> m_coast;
    const reference::PortIndex* m_ports = nullptr;
};

// The vertices of Natural Earth 1:10m land outlines, at least minSpacingKm apart.
Result<std::vector<model::LatLon>> builtInCoastPoints(double minSpacingKm = 1.0);

} // namespace wake::analysis
