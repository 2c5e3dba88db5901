#pragma once

// A plausible sea route between two places when only the places are known:
// the shortest path over water on a grid of the Natural Earth 10m land (in
// Web Mercator, the map's own projection), then pulled tight so it runs in
// straight lines wherever the water allows. It never crosses land except to
// leave or reach its end points, which may lie inland of the 10m coast (a
// port's reference point), and then only within `portReachM` of them.
//
// Wake draws these routes as reconstructions: the ship's path between the
// reported places was not reported. Canal transits are not routed here; the
// scenario gives their via-points.

#include "geo/basemap.h"
#include "geo/web_mercator.h"
#include "model/lat_lon.h"
#include "util/result.h"

#include <memory>
#include <vector>

namespace wake::geo {

struct SeaRoute
{
    std::vector<model::LatLon> points; // from and to included; longitudes in [-180, 180)
    double lengthM = 0;
};

class SeaRouter
{
public:
    static constexpr double kDefaultPortReachM = 5000.0;

    // The 10m land layer of the built-in basemap.
    static Result<SeaRouter> builtIn();
    explicit SeaRouter(const BasemapLayer& land);
    ~SeaRouter();
    SeaRouter(SeaRouter&&) noexcept;
    SeaRouter& operator=(SeaRouter&&) noexcept;

    // Fails when either end is farther than portReachM from open water or no
    // water path joins them inside the search box.
    Result<SeaRoute> route(const model::LatLon& from, const model::LatLon& to,
                           double portReachM = kDefaultPortReachM) const;

    // Whether the straight (Mercator) segment a-b crosses a land edge. The
    // x of b may be unwrapped past 1 to cross the antimeridian.
    bool crossesLand(WorldPoint a, WorldPoint b) const;

private:
    struct GridPath
    {
        std::vector<WorldPoint> points; // the ends, then water cell centres between
        double startReachM = 0;         // from the start to its water cell
        double endReachM = 0;
    };
    Result<GridPath> gridPath(WorldPoint pa, WorldPoint pb, double portReachM,
                              bool coarseEnds) const;

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace wake::geo
