#pragma once

// GSHHG's harbour-scale coast (geo/coast_tiles.h) as painter paths in world
// units, one set per 1-degree tile and level, built when a tile is first
// drawn and kept for the next frames. The static layers use it from
// kDetailedCoastZoom, on the thread that renders them (a worker thread in
// the window), so a frame never waits for a tile.

#include "core/geo/coast_tiles.h"
#include "core/geo/harbour_patches.h"
#include "ui/map/map_viewport.h"

#include <QPainterPath>
#include <QRectF>

#include <array>
#include <list>
#include <memory>
#include <mutex>
#include <vector>

namespace wake::ui {

// From this zoom the map draws GSHHG instead of Natural Earth 1:10m.
inline constexpr double kDetailedCoastZoom = 9.0;
// A view wider than this many tiles keeps Natural Earth (it would not show the detail).
inline constexpr int kMaxDetailedTiles = 80;

struct CoastTilePaths
{
    int latSouth = 0;
    int lonWest = 0;
    std::array<QPainterPath, 5> byLevel; // 1 land, 2 lake, 3 island, 4 pond; [0] unused
    QPainterPath shore;                  // the coast alone, without the tile's border
};

// A harbour patch (geo/harbour_patches.h) in world units.
struct HarbourPatchPath
{
    QRectF box;         // world units
    QPainterPath land;  // odd-even
    QPainterPath shore; // the coast alone, without the box's border
};

// Adds a closed ring in degrees to `fill`, and its edges except those along
// the box (south, west, north, east) to `shore`; world units, x + shift.
void addRing(QPainterPath& fill, QPainterPath& shore, const std::vector<model::LatLon>& ring,
             double shift, double south, double west, double north, double east);

class CoastPaths
{
public:
    CoastPaths(std::shared_ptr<geo::CoastTiles> tiles,
               std::shared_ptr<geo::HarbourPatches> patches);

    // The shared instance over the shipped file; nullptr when it is missing.
    static std::shared_ptr<CoastPaths> shared();

    // Whether this view draws the detailed coast.
    bool coversView(const MapViewport& vp) const;
    // The tiles of a view (south-west corners), culled to those with coast.
    std::vector<std::pair<int, int>> tilesInView(const MapViewport& vp) const;
    std::shared_ptr<const CoastTilePaths> paths(int latSouth, int lonWest) const;
    // The harbour patches whose box meets the view (for one world copy, k = 0).
    std::vector<const HarbourPatchPath*> patchesInView(const MapViewport& vp) const;

    static constexpr std::size_t kCachedTiles = 256;

private:
    std::shared_ptr<geo::CoastTiles> m_tiles;
    std::vector<HarbourPatchPath> m_patches;
    mutable std::mutex m_mutex;
    mutable std::list<std::shared_ptr<const CoastTilePaths>> m_lru;
};

} // namespace wake::ui
