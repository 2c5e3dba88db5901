#pragma once

// A plausible sea route between two places when only the places are known:
// the shortest path over water on a grid of the Natural Earth 10m land (in
// Web Mercator, the map's own projection), then pulled tight so it runs in
// straight lines wherever the water allows. Within kHarbourRadiusM of each
// end it is routed again over the detailed coast the map draws at harbour
// zoom (GSHHG full resolution and the harbour patches, on a grid of
// kDetailedCellM), so it leaves and enters a harbour through its real mouth.
// It never crosses land except to leave or reach its end points, which may
// lie inland (a port's reference point), and then only within `portReachM`.
//
// Wake draws these routes as reconstructions: the ship's path between the
// reported places was not reported. Canal transits are not routed here: the
// canal is too long and narrow for these grids (geo/panama_canal.h).

#include "core/geo/basemap.h"
#include "core/geo/detailed_water.h"
#include "core/geo/web_mercator.h"
#include "core/model/lat_lon.h"
#include "core/util/result.h"

#include <memory>
#include <optional>
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
    static constexpr double kHarbourRadiusM = 12000.0;
    static constexpr double kDetailedCellM = 25.0;
    static constexpr double kDetailedMarginM = 3000.0;
    static constexpr double kMaxDetailedCells = 2000.0; // across a detailed grid
    static constexpr double kLandCheckStepM = 10.0;     // legs checked against the detailed coast
    static constexpr int kMaxDetailedRepairs = 64;

    // The 10m land layer of the built-in basemap, and the shipped detailed
    // coast when it is installed.
    static Result<SeaRouter> builtIn();
    // `detailed` may be null: Natural Earth alone.
    explicit SeaRouter(const BasemapLayer& land,
                       std::shared_ptr<const DetailedWater> detailed = nullptr);
    ~SeaRouter();
    SeaRouter(SeaRouter&&) noexcept;
    SeaRouter& operator=(SeaRouter&&) noexcept;

    // Fails when either end is farther than portReachM from open water or no
    // water path joins them inside the search box.
    Result<SeaRoute> route(const model::LatLon& from, const model::LatLon& to,
                           double portReachM = kDefaultPortReachM) const;

    // The built-in router, made once per process (null when the basemap
    // cannot be read); for the many small questions of analysis.
    static std::shared_ptr<const SeaRouter> shared();

    // Whether the straight (Mercator) segment a-b crosses a land edge. The
    // x of b may be unwrapped past 1 to cross the antimeridian.
    bool crossesLand(WorldPoint a, WorldPoint b) const;

    // Natural Earth's land on a grid over a box of the world (x may run past
    // 0 and 1: the land repeats).
    LandGrid naturalEarthGrid(double x0, double y0, double cell, int cols, int rows) const;

private:
    struct GridPath
    {
        std::vector<WorldPoint> points; // the ends, then water cell centres between
        double startReachM = 0;         // from the start to its water cell
        double endReachM = 0;
    };
    enum class GridKind
    {
        Coarse,       // Natural Earth, the whole way: ends may snap a few cells
        NaturalEarth, // Natural Earth, fine cells near an end
        Detailed,     // the detailed coast near an end
    };
    Result<GridPath> gridPath(WorldPoint pa, WorldPoint pb, double portReachM, GridKind kind) const;
    // Where (0..1 along a-b) the leg leaves w's 1-degree tile, when that tile
    // has no coast at all; nothing when it has.
    std::optional<double> openOceanExit(WorldPoint a, WorldPoint b, WorldPoint w) const;
    // Whether w is detailed land farther than portReachM from both ends.
    bool detailedLandAt(WorldPoint w, const model::LatLon& from, const model::LatLon& to,
                        double portReachM) const;
    std::vector<WorldPoint> aroundDetailedLand(std::vector<WorldPoint> path,
                                               double portReachM) const;

    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::shared_ptr<const DetailedWater> m_detailed;
};

} // namespace wake::geo
