#pragma once

// How far a ship must sail from a place to reach others, over water: the
// distances from one point to every cell of a Natural Earth 10m water grid
// (in the map's Web Mercator) within a budget, by Dijkstra over 8
// neighbours without cutting a land corner. What a silent ship could reach
// is reach by sea: a port 60 nm across a peninsula is not 60 nm away, and
// a port in Oklahoma is not reachable at all.
//
// The Panama Canal's channel is water on it (ships transit it in a day;
// Natural Earth draws the isthmus whole). The grid is at most kMaxCells
// across whatever the budget (a few
// kilometres for a night's gap, a hundred for an ocean's), so a field costs
// about the same for any gap.

#include "core/geo/land_grid.h"
#include "core/geo/web_mercator.h"
#include "core/model/lat_lon.h"

#include <optional>
#include <vector>

namespace wake::geo {

class SeaRouter;

class SeaReach
{
public:
    static constexpr int kMaxCells = 400;
    static constexpr double kMinCellM = 1500.0;

    // Distances from `from` (snapped to the nearest water within snapM, or
    // two and a half cells when they are wider) out to maxM. None when no
    // water is that close to `from`.
    static std::optional<SeaReach> from(const SeaRouter& router, const model::LatLon& from,
                                        double maxM, double snapM = 10'000.0);

    // The distance by sea to the water nearest p (within snapM of p, or two
    // and a half cells when they are wider; the way from it to p as the crow
    // flies), or none when p is beyond the field or no reached water is that
    // close.
    std::optional<double> to(const model::LatLon& p, double snapM = 10'000.0) const;

    double cellMetresAt(const model::LatLon& p) const;

private:
    SeaReach(LandGrid grid, bool wraps);
    void openPanamaCanal();
    // The cell of p in this grid (unwrapping its longitude near the grid's).
    std::optional<std::pair<int, int>> cellOf(const model::LatLon& p) const;
    double metresPerUnitOfRow(int r) const { return m_mpu[static_cast<std::size_t>(r)]; }

    LandGrid m_grid;
    bool m_wraps = false; // the grid is the whole world's width; x wraps
    std::vector<double> m_mpu;
    std::vector<double> m_distanceM;
    double m_snapFromM = 0; // from `from` to its water cell
};

// Whether a place lies by the sea: Natural Earth's water within reach of it
// on one world grid (2,048 cells across, about 20 km at the equator), made
// once per process. For envelopes so large that distances by sea would need
// a grid too coarse for the straits: what matters there is only that a port
// is on the sea at all (not in Oklahoma).
class SeaMask
{
public:
    static constexpr int kCells = 2048;
    static const SeaMask* shared(const SeaRouter& router);
    bool nearSea(const model::LatLon& p, double withinM = 20'000.0) const;

private:
    explicit SeaMask(LandGrid grid) : m_grid(std::move(grid)) {}
    LandGrid m_grid;
};

} // namespace wake::geo
