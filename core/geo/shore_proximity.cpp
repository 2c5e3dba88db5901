#include "core/geo/shore_proximity.h"

#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wake::geo {

ShoreProximity::ShoreProximity(std::shared_ptr<const CoastTiles> tiles,
                               std::shared_ptr<const HarbourPatches> patches)
    : m_tiles(std::move(tiles)), m_patches(std::move(patches))
{}

std::shared_ptr<const ShoreProximity> ShoreProximity::shared()
{
    static const std::shared_ptr<const ShoreProximity> shore = [] {
        auto tiles = CoastTiles::shared();
        return tiles ? std::make_shared<const ShoreProximity>(std::move(tiles),
                                                              HarbourPatches::shared())
                     : nullptr;
    }();
    return shore;
}

bool ShoreProximity::inHarbour(const model::LatLon& p) const
{
    return m_patches && m_patches->at(p) != nullptr;
}

bool ShoreProximity::atSea(const model::LatLon& p) const
{
    if (!m_tiles->hasTile(static_cast<int>(std::floor(p.latDeg)),
                          static_cast<int>(std::floor(p.lonDeg)))) {
        return true; // the open ocean
    }
    if (m_patches) {
        if (const HarbourPatch* patch = m_patches->at(p)) {
            return !patch->isLand(p);
        }
    }
    auto level = m_tiles->levelAt(p);
    return level && *level == 0; // an unreadable tile counts as not sea: no event
}

std::shared_ptr<const SphereIndex> ShoreProximity::tileIndex(int latSouth, int lonWest) const
{
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_indexes.find({latSouth, lonWest}); it != m_indexes.end()) {
            return it->second;
        }
    }
    std::vector<model::LatLon> vertices;
    if (auto tile = m_tiles->tile(latSouth, lonWest)) {
        for (const CoastRing& ring : (*tile)->rings) {
            const auto& pts = ring.points;
            for (std::size_t i = 0; i < pts.size(); ++i) {
                const model::LatLon& a = pts[i];
                const model::LatLon& b = pts[(i + 1) % pts.size()];
                // Edges along the tile border only close the ring: not coast.
                if (!alongBoxBorder(a, b, latSouth, lonWest, latSouth + 1, lonWest + 1)) {
                    vertices.push_back(a);
                }
            }
        }
    }
    auto index = std::make_shared<const SphereIndex>(vertices);
    std::lock_guard lock(m_mutex);
    return m_indexes.emplace(std::make_pair(latSouth, lonWest), std::move(index)).first->second;
}

double ShoreProximity::shoreM(const model::LatLon& p, double maxM) const
{
    const double dLat = maxM / 111'000.0;
    const double dLon = dLat / std::max(std::cos(p.latDeg * std::numbers::pi / 180.0), 0.01);
    double best = maxM;
    for (int lat = static_cast<int>(std::floor(p.latDeg - dLat));
         lat <= static_cast<int>(std::floor(p.latDeg + dLat)); ++lat) {
        for (int lon = static_cast<int>(std::floor(p.lonDeg - dLon));
             lon <= static_cast<int>(std::floor(p.lonDeg + dLon)); ++lon) {
            const int wrapped = ((lon + 180) % 360 + 360) % 360 - 180;
            if (lat < -90 || lat > 89 || !m_tiles->hasTile(lat, wrapped)) {
                continue;
            }
            const auto index = tileIndex(lat, wrapped);
            if (const auto n = index->nearest(p, 1, best); !n.empty()) {
                best = std::min(best, n.front().distanceM);
            }
        }
    }
    return best;
}

} // namespace wake::geo
