#pragma once

// Water at harbour scale, as the detailed map draws it: inside a harbour
// patch OpenStreetMap decides; elsewhere GSHHG's level (ocean, lake and pond
// are water). The router and the "is this point at
// sea" checks ask here when they work at harbour scale.

#include "core/geo/coast_tiles.h"
#include "core/geo/harbour_patches.h"
#include "core/geo/land_grid.h"

#include <memory>

namespace wake::geo {

class DetailedWater
{
public:
    DetailedWater(std::shared_ptr<const CoastTiles> tiles,
                  std::shared_ptr<const HarbourPatches> patches);
    // The shipped coast and patches, once per process; nullptr without the coast.
    static std::shared_ptr<const DetailedWater> shared();

    Result<bool> isWater(const model::LatLon& p) const;
    // Whether the 1-degree tile has any coast (the open ocean has none).
    bool hasCoast(int latSouth, int lonWest) const { return m_tiles->hasTile(latSouth, lonWest); }

    // Land on a grid over a box of the world (see LandGrid), from the same
    // data: GSHHG rings by even-odd (tile borders are not coast), then the
    // patches over their boxes.
    Result<LandGrid> landGrid(double x0, double y0, double cell, int cols, int rows) const;

private:
    std::shared_ptr<const CoastTiles> m_tiles;
    std::shared_ptr<const HarbourPatches> m_patches;
};

} // namespace wake::geo
