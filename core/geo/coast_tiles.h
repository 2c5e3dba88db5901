#pragma once

// The harbour-scale coastline: GSHHG 2.3.7 at full resolution, cut into
// 1-degree tiles (resources/coast/, made by resources/tools/make_coast_tiles.py).
// Each tile holds closed rings by GSHHG level: 1 land, 2 lake, 3 island in a
// lake, 4 pond. A point's level is that of the deepest ring around it; 0 is
// the ocean. The file is mapped, not read: a tile is inflated when asked for
// (a few milliseconds) and kept in a small cache shared by every thread.

#include "core/model/lat_lon.h"
#include "core/util/result.h"

#include <QFile>
#include <QString>

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace wake::geo {

struct CoastRing
{
    std::uint8_t level = 1;
    std::vector<model::LatLon> points; // closed: the last joins the first
    // The bounding box, to skip rings far from a point.
    double south = 90, west = 180, north = -90, east = -180;
    bool mayContain(const model::LatLon& p) const
    {
        return p.latDeg >= south && p.latDeg <= north && p.lonDeg >= west && p.lonDeg <= east;
    }
};

struct CoastTile
{
    int latSouth = 0;
    int lonWest = 0;
    std::vector<CoastRing> rings;
    std::size_t pointCount() const;
};

// Even-odd test of a point against one closed ring in degrees (rings that
// do not cross the antimeridian, as tiles and harbour patches are).
bool ringContains(const std::vector<model::LatLon>& ring, const model::LatLon& p);

// Rings are closed along the border of their tile (or harbour patch box):
// such an edge only closes the ring, it is not coast.
bool alongBoxBorder(const model::LatLon& a, const model::LatLon& b, double south, double west,
                    double north, double east);

inline bool isWaterLevel(int level)
{
    return level % 2 == 0; // ocean 0, lake 2, pond 4
}

class CoastTiles
{
public:
    // Opens the file (its header and index); tiles are read on demand.
    static Result<std::shared_ptr<CoastTiles>> open(const QString& path);
    // The shipped file: $WAKE_DATA_DIR, then share/wake next to the
    // executable's folder, then the source tree Wake was built from.
    static QString defaultPath();
    // The shipped file, opened once per process; nullptr when it is missing.
    static std::shared_ptr<CoastTiles> shared();

    // Whether the tile whose south-west corner is (latSouth, lonWest) has
    // any coast or land (the open ocean has none).
    bool hasTile(int latSouth, int lonWest) const;
    // The tile, from the cache or inflated now; empty for the open ocean.
    Result<std::shared_ptr<const CoastTile>> tile(int latSouth, int lonWest) const;
    // The GSHHG level at a point (0 ocean, 1 land, 2 lake ...).
    Result<int> levelAt(const model::LatLon& p) const;

    static constexpr std::size_t kCachedTiles = 256;
    static constexpr const char* kCredit =
        "Coastline: GSHHG 2.3.7 (Wessel & Smith), LGPL-3.0-or-later";

private:
    struct Entry
    {
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
    };
    Result<std::shared_ptr<const CoastTile>> inflate(int latSouth, int lonWest) const;
    static std::size_t indexOf(int latSouth, int lonWest);

    std::unique_ptr<QFile> m_file;
    const uchar* m_data = nullptr;
    qint64 m_size = 0;
    qint64 m_blobBase = 0;
    int m_units = 10000;
    std::vector<Entry> m_index;

    mutable std::mutex m_mutex;
    mutable std::list<std::shared_ptr<const CoastTile>> m_lru; // most recent first
};

} // namespace wake::geo
