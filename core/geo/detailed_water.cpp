#include "core/geo/detailed_water.h"

#include <cmath>

namespace wake::geo {

DetailedWater::DetailedWater(std::shared_ptr<const CoastTiles> tiles,
                             std::shared_ptr<const HarbourPatches> patches)
    : m_tiles(std::move(tiles)), m_patches(std::move(patches))
{}

std::shared_ptr<const DetailedWater> DetailedWater::shared()
{
    static const std::shared_ptr<const DetailedWater> water = [] {
        auto tiles = CoastTiles::shared();
        return tiles ? std::make_shared<const DetailedWater>(std::move(tiles),
                                                             HarbourPatches::shared())
                     : nullptr;
    }();
    return water;
}

Result<bool> DetailedWater::isWater(const model::LatLon& p) const
{
    if (!m_tiles->hasTile(static_cast<int>(std::floor(p.latDeg)),
                          static_cast<int>(std::floor(p.lonDeg)))) {
        return true; // the open ocean: no coast, so no harbour patch either
    }
    if (m_patches) {
        if (const HarbourPatch* patch = m_patches->at(p)) {
            return !patch->isLand(p);
        }
    }
    auto level = m_tiles->levelAt(p);
    if (!level) {
        return level.error();
    }
    return isWaterLevel(*level);
}

Result<LandGrid> DetailedWater::landGrid(double x0, double y0, double cell, int cols,
                                         int rows) const
{
    LandGrid grid(x0, y0, cell, cols, rows);
    const model::LatLon nw = unproject({x0, y0});
    const model::LatLon se = unproject({x0 + cols * cell, y0 + rows * cell});
    auto edge = [](const model::LatLon& a, const model::LatLon& b) {
        return WorldEdge{project(a), project(b)};
    };
    for (int lat = static_cast<int>(std::floor(se.latDeg));
         lat <= static_cast<int>(std::floor(nw.latDeg)); ++lat) {
        for (int lon = static_cast<int>(std::floor(nw.lonDeg));
             lon <= static_cast<int>(std::floor(se.lonDeg)); ++lon) {
            if (!m_tiles->hasTile(lat, lon)) {
                continue; // open ocean
            }
            auto tile = m_tiles->tile(lat, lon);
            if (!tile) {
                return tile.error();
            }
            for (const CoastRing& ring : (*tile)->rings) {
                const auto& pts = ring.points;
                for (std::size_t i = 0; i < pts.size(); ++i) {
                    const model::LatLon& a = pts[i];
                    const model::LatLon& b = pts[(i + 1) % pts.size()];
                    const WorldEdge e = edge(a, b);
                    if (alongBoxBorder(a, b, lat, lon, lat + 1, lon + 1)) {
                        // Still counts for inside and outside; only not a coast.
                        grid.addInsideOnly(e);
                    } else {
                        grid.addEdge(e);
                    }
                }
            }
        }
    }
    grid.fillInside();

    if (m_patches) {
        for (const HarbourPatch& patch : m_patches->patches()) {
            const WorldPoint pnw = project({patch.northEast.latDeg, patch.southWest.lonDeg});
            const WorldPoint pse = project({patch.southWest.latDeg, patch.northEast.lonDeg});
            if (pse.x < x0 || pse.y < y0 || pnw.x > x0 + cols * cell || pnw.y > y0 + rows * cell) {
                continue;
            }
            const auto [c0, r0] = grid.cellOf(pnw);
            const auto [c1, r1] = grid.cellOf(pse);
            for (int r = r0; r <= r1; ++r) {
                for (int c = c0; c <= c1; ++c) {
                    const model::LatLon centre = unproject(grid.centre(c, r));
                    if (patch.contains(centre)) {
                        grid.setCell(c, r, patch.isLand(centre));
                    }
                }
            }
            for (const auto& ring : patch.land) {
                for (std::size_t i = 0; i < ring.size(); ++i) {
                    const model::LatLon& a = ring[i];
                    const model::LatLon& b = ring[(i + 1) % ring.size()];
                    if (!alongBoxBorder(a, b, patch.southWest.latDeg, patch.southWest.lonDeg,
                                        patch.northEast.latDeg, patch.northEast.lonDeg)) {
                        grid.markEdge(edge(a, b));
                    }
                }
            }
        }
    }

    return grid;
}

} // namespace wake::geo
