#include "ui/map/coast_paths.h"

#include "core/geo/web_mercator.h"

#include <cmath>

namespace wake::ui {

void addRing(QPainterPath& fill, QPainterPath& shore, const std::vector<model::LatLon>& ring,
             double shift, double south, double west, double north, double east)
{
    auto at = [&](std::size_t i) {
        const geo::WorldPoint w = geo::project(ring[i % ring.size()]);
        return QPointF(w.x + shift, w.y);
    };
    bool drawing = false;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const QPointF q = at(i);
        if (i == 0) {
            fill.moveTo(q);
        } else {
            fill.lineTo(q);
        }
        const model::LatLon& a = ring[i];
        const model::LatLon& b = ring[(i + 1) % ring.size()];
        if (geo::alongBoxBorder(a, b, south, west, north, east)) {
            drawing = false;
            continue;
        }
        if (!drawing) {
            shore.moveTo(q);
            drawing = true;
        }
        shore.lineTo(at(i + 1));
    }
    fill.closeSubpath();
}

CoastPaths::CoastPaths(std::shared_ptr<geo::CoastTiles> tiles,
                       std::shared_ptr<geo::HarbourPatches> patches)
    : m_tiles(std::move(tiles))
{
    if (!patches) {
        return;
    }
    for (const geo::HarbourPatch& patch : patches->patches()) {
        HarbourPatchPath out;
        const geo::WorldPoint nw = geo::project({patch.northEast.latDeg, patch.southWest.lonDeg});
        const geo::WorldPoint se = geo::project({patch.southWest.latDeg, patch.northEast.lonDeg});
        out.box = QRectF(QPointF(nw.x, nw.y), QPointF(se.x, se.y));
        out.land.setFillRule(Qt::OddEvenFill);
        for (const auto& ring : patch.land) {
            addRing(out.land, out.shore, ring, 0.0, patch.southWest.latDeg, patch.southWest.lonDeg,
                    patch.northEast.latDeg, patch.northEast.lonDeg);
        }
        m_patches.push_back(std::move(out));
    }
}

std::vector<const HarbourPatchPath*> CoastPaths::patchesInView(const MapViewport& vp) const
{
    std::vector<const HarbourPatchPath*> out;
    const QRectF world = vp.visibleWorld();
    for (const HarbourPatchPath& p : m_patches) {
        if (p.box.intersects(world)) {
            out.push_back(&p);
        }
    }
    return out;
}

std::shared_ptr<CoastPaths> CoastPaths::shared()
{
    static const std::shared_ptr<CoastPaths> paths = [] {
        auto tiles = geo::CoastTiles::shared();
        return tiles ? std::make_shared<CoastPaths>(std::move(tiles), geo::HarbourPatches::shared())
                     : nullptr;
    }();
    return paths;
}

std::vector<std::pair<int, int>> CoastPaths::tilesInView(const MapViewport& vp) const
{
    const QRectF world = vp.visibleWorld();
    const model::LatLon nw = geo::unproject({world.left(), std::max(world.top(), 0.0)});
    const model::LatLon se = geo::unproject({world.right(), std::min(world.bottom(), 1.0)});
    const int south = std::max(-90, static_cast<int>(std::floor(se.latDeg)));
    const int north = std::min(89, static_cast<int>(std::floor(nw.latDeg)));
    // Longitudes may run past ±180 (world copies); tiles wrap.
    const int west = static_cast<int>(std::floor(world.left() * 360.0 - 180.0));
    const int east = static_cast<int>(std::floor(world.right() * 360.0 - 180.0));
    std::vector<std::pair<int, int>> out;
    if ((north - south + 1) * (east - west + 1) > kMaxDetailedTiles) {
        return out;
    }
    for (int lat = south; lat <= north; ++lat) {
        for (int lon = west; lon <= east; ++lon) {
            const int wrapped = ((lon + 180) % 360 + 360) % 360 - 180;
            if (m_tiles->hasTile(lat, wrapped)) {
                out.emplace_back(lat, lon);
            }
        }
    }
    return out;
}

bool CoastPaths::coversView(const MapViewport& vp) const
{
    if (vp.zoom() < kDetailedCoastZoom) {
        return false;
    }
    const QRectF world = vp.visibleWorld();
    const double tilesWide = world.width() * 360.0 + 1;
    const model::LatLon nw = geo::unproject({world.left(), std::max(world.top(), 0.0)});
    const model::LatLon se = geo::unproject({world.right(), std::min(world.bottom(), 1.0)});
    const double tilesHigh = nw.latDeg - se.latDeg + 1;
    return tilesWide * tilesHigh <= kMaxDetailedTiles;
}

std::shared_ptr<const CoastTilePaths> CoastPaths::paths(int latSouth, int lonWest) const
{
    {
        const std::lock_guard lock(m_mutex);
        for (auto it = m_lru.begin(); it != m_lru.end(); ++it) {
            if ((*it)->latSouth == latSouth && (*it)->lonWest == lonWest) {
                m_lru.splice(m_lru.begin(), m_lru, it);
                return *m_lru.begin();
            }
        }
    }
    const int wrapped = ((lonWest + 180) % 360 + 360) % 360 - 180;
    auto tile = m_tiles->tile(latSouth, wrapped);
    auto out = std::make_shared<CoastTilePaths>();
    out->latSouth = latSouth;
    out->lonWest = lonWest;
    if (tile) {
        const double shift = static_cast<double>(lonWest - wrapped) / 360.0; // a world copy
        for (const geo::CoastRing& ring : (*tile)->rings) {
            if (ring.level < 1 || ring.level > 4 || ring.points.size() < 3) {
                continue;
            }
            addRing(out->byLevel[ring.level], out->shore, ring.points, shift, latSouth, wrapped,
                    latSouth + 1, wrapped + 1);
        }
    }
    const std::lock_guard lock(m_mutex);
    m_lru.push_front(out);
    if (m_lru.size() > kCachedTiles) {
        m_lru.pop_back();
    }
    return out;
}

} // namespace wake::ui
