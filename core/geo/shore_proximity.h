#pragma once

// "At sea" and "how far from shore" on the detailed coast (GSHHG full, with
// the harbour patches), for the analysis rules. Rivers too narrow for GSHHG
// lie on its land, lakes inside its lake rings: both are inland, never sea.
// The distance is to the nearest coast vertex (GSHHG full has them tens of
// metres apart), searched in the 1-degree tiles within reach; each tile's
// vertices are indexed once, when first asked, and kept.

#include "core/geo/coast_tiles.h"
#include "core/geo/harbour_patches.h"
#include "core/geo/sphere_index.h"

#include <map>
#include <memory>
#include <mutex>

namespace wake::geo {

class ShoreProximity
{
public:
    ShoreProximity(std::shared_ptr<const CoastTiles> tiles,
                   std::shared_ptr<const HarbourPatches> patches);
    // The shipped coast, once per process; nullptr when it is missing.
    static std::shared_ptr<const ShoreProximity> shared();

    // Open sea (GSHHG level 0, or water in a harbour patch): not land, not a lake.
    bool atSea(const model::LatLon& p) const;
    // Inside one of the harbour patches (a port's basins and channels, which
    // GSHHG draws as land): a harbour, however far GSHHG's coast is.
    bool inHarbour(const model::LatLon& p) const;
    // Metres to the nearest coast vertex within maxM; maxM when none is nearer.
    double shoreM(const model::LatLon& p, double maxM) const;

private:
    std::shared_ptr<const SphereIndex> tileIndex(int latSouth, int lonWest) const;

    std::shared_ptr<const CoastTiles> m_tiles;
    std::shared_ptr<const HarbourPatches> m_patches;
    mutable std::mutex m_mutex;
    mutable std::map<std::pair<int, int>, std::shared_ptr<const SphereIndex>> m_indexes;
};

} // namespace wake::geo
