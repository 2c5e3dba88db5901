#include "core/geo/coast_tiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <cstring>
#include <zlib.h>

namespace wake::geo {

namespace {

constexpr char kMagic[8] = {'W', 'K', 'C', 'O', 'A', 'S', 'T', '1'};
constexpr int kRows = 180;
constexpr int kColumns = 360;

Error damaged(const QString& path, const QString& why)
{
    return Error{Error::Code::Damaged,
                 QStringLiteral("the coastline file is damaged (%1); reinstall Wake").arg(why),
                 path};
}

std::uint32_t readU32(const uchar* p)
{
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

// zlib with a size that grows until the data fits (tiles are at most a few MB).
bool inflateAll(const uchar* data, std::size_t size, std::vector<uchar>& out)
{
    std::size_t capacity = std::max<std::size_t>(size * 4, 4096);
    for (int attempt = 0; attempt < 8; ++attempt, capacity *= 4) {
        out.resize(capacity);
        uLongf length = static_cast<uLongf>(capacity);
        const int rc = ::uncompress(out.data(), &length, data, static_cast<uLong>(size));
        if (rc == Z_OK) {
            out.resize(length);
            return true;
        }
        if (rc != Z_BUF_ERROR) {
            return false;
        }
    }
    return false;
}

class Reader
{
public:
    Reader(const std::vector<uchar>& bytes) : m_p(bytes.data()), m_end(bytes.data() + bytes.size())
    {}
    bool u8(std::uint8_t& v)
    {
        if (m_p >= m_end) {
            return false;
        }
        v = *m_p++;
        return true;
    }
    bool u32(std::uint32_t& v)
    {
        if (m_end - m_p < 4) {
            return false;
        }
        v = readU32(m_p);
        m_p += 4;
        return true;
    }
    bool zigzag(std::int64_t& v)
    {
        std::uint64_t raw = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end) {
                return false;
            }
            const uchar c = *m_p++;
            raw |= static_cast<std::uint64_t>(c & 0x7f) << shift;
            if (c < 0x80) {
                v = static_cast<std::int64_t>(raw >> 1) ^ -static_cast<std::int64_t>(raw & 1);
                return true;
            }
        }
        return false;
    }

private:
    const uchar* m_p;
    const uchar* m_end;
};

} // namespace

bool ringContains(const std::vector<model::LatLon>& ring, const model::LatLon& p)
{
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const model::LatLon& a = ring[i];
        const model::LatLon& b = ring[j];
        if ((a.latDeg > p.latDeg) != (b.latDeg > p.latDeg) &&
            p.lonDeg <
                (b.lonDeg - a.lonDeg) * (p.latDeg - a.latDeg) / (b.latDeg - a.latDeg) + a.lonDeg) {
            inside = !inside;
        }
    }
    return inside;
}

std::size_t CoastTile::pointCount() const
{
    std::size_t n = 0;
    for (const CoastRing& r : rings) {
        n += r.points.size();
    }
    return n;
}

QString CoastTiles::defaultPath()
{
    const QString name = QStringLiteral("gshhg-2.3.7-full.wkcoast");
    QStringList candidates;
    if (const QString dir = qEnvironmentVariable("WAKE_DATA_DIR"); !dir.isEmpty()) {
        candidates << QDir(dir).filePath(name);
    }
    if (QCoreApplication::instance() != nullptr) {
        candidates << QDir(QCoreApplication::applicationDirPath())
                          .filePath(QStringLiteral("../share/wake/") + name);
    }
#ifdef WAKE_SOURCE_DIR
    candidates << QStringLiteral(WAKE_SOURCE_DIR "/resources/coast/") + name;
#endif
    for (const QString& c : candidates) {
        if (QFileInfo::exists(c)) {
            return QFileInfo(c).canonicalFilePath();
        }
    }
    return candidates.isEmpty() ? name : candidates.back();
}

std::shared_ptr<CoastTiles> CoastTiles::shared()
{
    static const std::shared_ptr<CoastTiles> tiles = [] {
        auto opened = open(defaultPath());
        return opened ? *opened : std::shared_ptr<CoastTiles>();
    }();
    return tiles;
}

Result<std::shared_ptr<CoastTiles>> CoastTiles::open(const QString& path)
{
    auto tiles = std::shared_ptr<CoastTiles>(new CoastTiles);
    tiles->m_file = std::make_unique<QFile>(path);
    if (!tiles->m_file->open(QIODevice::ReadOnly)) {
        return Error{
            Error::Code::NotFound,
            QStringLiteral("cannot open the coastline file: %1").arg(tiles->m_file->errorString()),
            path};
    }
    tiles->m_size = tiles->m_file->size();
    tiles->m_data = tiles->m_file->map(0, tiles->m_size);
    if (tiles->m_data == nullptr) {
        return Error{Error::Code::Io, QStringLiteral("cannot map the coastline file"), path};
    }
    if (tiles->m_size < 16 || std::memcmp(tiles->m_data, kMagic, sizeof kMagic) != 0) {
        return damaged(path, QStringLiteral("not a Wake coastline file"));
    }
    tiles->m_units = static_cast<int>(readU32(tiles->m_data + 8));
    const std::uint32_t indexSize = readU32(tiles->m_data + 12);
    if (tiles->m_units <= 0 || 16 + static_cast<qint64>(indexSize) > tiles->m_size) {
        return damaged(path, QStringLiteral("bad header"));
    }
    std::vector<uchar> index;
    if (!inflateAll(tiles->m_data + 16, indexSize, index) ||
        index.size() != static_cast<std::size_t>(kRows * kColumns * 8)) {
        return damaged(path, QStringLiteral("bad index"));
    }
    tiles->m_blobBase = 16 + indexSize;
    tiles->m_index.resize(static_cast<std::size_t>(kRows * kColumns));
    for (std::size_t i = 0; i < tiles->m_index.size(); ++i) {
        Entry& e = tiles->m_index[i];
        e.offset = readU32(index.data() + i * 8);
        e.size = readU32(index.data() + i * 8 + 4);
        if (e.size > 0 && tiles->m_blobBase + e.offset + e.size > tiles->m_size) {
            return damaged(path, QStringLiteral("a tile lies past the end"));
        }
    }
    return tiles;
}

std::size_t CoastTiles::indexOf(int latSouth, int lonWest)
{
    return static_cast<std::size_t>((latSouth + 90) * kColumns + (lonWest + 180));
}

bool CoastTiles::hasTile(int latSouth, int lonWest) const
{
    if (latSouth < -90 || latSouth >= 90 || lonWest < -180 || lonWest >= 180) {
        return false;
    }
    return m_index[indexOf(latSouth, lonWest)].size > 0;
}

Result<std::shared_ptr<const CoastTile>> CoastTiles::tile(int latSouth, int lonWest) const
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
    auto made = inflate(latSouth, lonWest); // outside the lock: threads inflate side by side
    if (!made) {
        return made;
    }
    const std::lock_guard lock(m_mutex);
    m_lru.push_front(*made);
    if (m_lru.size() > kCachedTiles) {
        m_lru.pop_back();
    }
    return made;
}

Result<std::shared_ptr<const CoastTile>> CoastTiles::inflate(int latSouth, int lonWest) const
{
    auto out = std::make_shared<CoastTile>();
    out->latSouth = latSouth;
    out->lonWest = lonWest;
    if (!hasTile(latSouth, lonWest)) {
        return std::shared_ptr<const CoastTile>(std::move(out));
    }
    const Entry& e = m_index[indexOf(latSouth, lonWest)];
    std::vector<uchar> bytes;
    const QString where =
        QStringLiteral("%1 tile %2,%3").arg(m_file->fileName()).arg(latSouth).arg(lonWest);
    if (!inflateAll(m_data + m_blobBase + e.offset, e.size, bytes)) {
        return damaged(where, QStringLiteral("a tile does not inflate"));
    }
    Reader r(bytes);
    std::uint32_t ringCount = 0;
    if (!r.u32(ringCount)) {
        return damaged(where, QStringLiteral("a tile is cut short"));
    }
    const double unit = 1.0 / m_units;
    out->rings.resize(ringCount);
    for (CoastRing& ring : out->rings) {
        std::uint32_t n = 0;
        if (!r.u8(ring.level) || !r.u32(n) || n > bytes.size()) {
            return damaged(where, QStringLiteral("a ring is cut short"));
        }
        ring.points.resize(n);
        std::int64_t x = 0;
        std::int64_t y = 0;
        for (model::LatLon& p : ring.points) {
            std::int64_t dx = 0;
            std::int64_t dy = 0;
            if (!r.zigzag(dx) || !r.zigzag(dy)) {
                return damaged(where, QStringLiteral("a ring is cut short"));
            }
            x += dx;
            y += dy;
            p = {latSouth + static_cast<double>(y) * unit, lonWest + static_cast<double>(x) * unit};
            ring.south = std::min(ring.south, p.latDeg);
            ring.north = std::max(ring.north, p.latDeg);
            ring.west = std::min(ring.west, p.lonDeg);
            ring.east = std::max(ring.east, p.lonDeg);
        }
    }
    return std::shared_ptr<const CoastTile>(std::move(out));
}

bool alongBoxBorder(const model::LatLon& a, const model::LatLon& b, double south, double west,
                    double north, double east)
{
    constexpr double kEps = 1e-6;
    auto same = [](double u, double v) {
        return std::abs(u - v) < kEps;
    };
    return (same(a.latDeg, south) && same(b.latDeg, south)) ||
           (same(a.latDeg, north) && same(b.latDeg, north)) ||
           (same(a.lonDeg, west) && same(b.lonDeg, west)) ||
           (same(a.lonDeg, east) && same(b.lonDeg, east));
}

Result<int> CoastTiles::levelAt(const model::LatLon& p) const
{
    const int latSouth = std::clamp(static_cast<int>(std::floor(p.latDeg)), -90, 89);
    const int lonWest = std::clamp(static_cast<int>(std::floor(p.lonDeg)), -180, 179);
    if (!hasTile(latSouth, lonWest)) {
        return 0; // the open ocean
    }
    auto t = tile(latSouth, lonWest);
    if (!t) {
        return t.error();
    }
    int level = 0;
    for (const CoastRing& ring : (*t)->rings) {
        if (ring.level > level && ring.mayContain(p) && ringContains(ring.points, p)) {
            level = ring.level;
        }
    }
    return level;
}

} // namespace wake::geo
