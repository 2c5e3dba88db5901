#include "core/geo/basemap.h"

#include "core/reference/core_resources.h"

#include <QFile>

#include <cstring>

namespace wake::geo {

namespace {

// Bounds-checked little-endian reader over the file's bytes.
class Reader
{
public:
    explicit Reader(const QByteArray& bytes) : m_bytes(bytes) {}
    bool u8(std::uint8_t& v) { return read(&v, 1); }
    bool u32(std::uint32_t& v) { return read(&v, 4); }
    bool f32(float& v) { return read(&v, 4); }
    qsizetype remaining() const { return m_bytes.size() - m_pos; }

private:
    bool read(void* out, qsizetype n)
    {
        if (remaining() < n) {
            return false;
        }
        std::memcpy(out, m_bytes.constData() + m_pos, static_cast<std::size_t>(n));
        m_pos += n;
        return true;
    }
    const QByteArray& m_bytes;
    qsizetype m_pos = 0;
};

} // namespace

const BasemapLayer* Basemap::layer(BasemapLayer::Kind kind) const
{
    for (const auto& l : layers) {
        if (l.kind == kind) {
            return &l;
        }
    }
    return nullptr;
}

std::size_t Basemap::vertexCount() const
{
    std::size_t n = 0;
    for (const auto& l : layers) {
        for (const auto& p : l.parts) {
            n += p.size();
        }
    }
    return n;
}

Result<Basemap> loadBasemap(const QString& path, const QString& resolution)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::Io,
                     QStringLiteral("cannot open the basemap: %1").arg(file.errorString()), path};
    }
    const QByteArray bytes = file.readAll();
    auto bad = [&](const QString& what) {
        return Error{Error::Code::Format, QStringLiteral("damaged basemap file: %1").arg(what),
                     path};
    };
    if (!bytes.startsWith("WKBM")) {
        return bad(QStringLiteral("no WKBM header"));
    }
    Reader r(bytes);
    std::uint32_t magic = 0;
    std::uint32_t version = 0;
    std::uint32_t layerCount = 0;
    if (!r.u32(magic) || !r.u32(version) || !r.u32(layerCount) || version != 1 || layerCount > 16) {
        return bad(QStringLiteral("unsupported version or layer count"));
    }
    Basemap map;
    map.resolution = resolution;
    for (std::uint32_t i = 0; i < layerCount; ++i) {
        std::uint8_t kind = 0;
        std::uint32_t parts = 0;
        if (!r.u8(kind) || !r.u32(parts) || (kind != 1 && kind != 2) ||
            parts > static_cast<std::uint32_t>(r.remaining() / 4)) {
            return bad(QStringLiteral("layer %1 header").arg(i));
        }
        BasemapLayer layer;
        layer.kind = static_cast<BasemapLayer::Kind>(kind);
        layer.parts.resize(parts);
        for (auto& part : layer.parts) {
            std::uint32_t n = 0;
            if (!r.u32(n) || n > static_cast<std::uint32_t>(r.remaining() / 8)) {
                return bad(QStringLiteral("part length in layer %1").arg(i));
            }
            part.resize(n);
            for (auto& p : part) {
                if (!r.f32(p.x) || !r.f32(p.y)) {
                    return bad(QStringLiteral("truncated coordinates"));
                }
            }
        }
        map.layers.push_back(std::move(layer));
    }
    return map;
}

Result<Basemap> loadBuiltInBasemap(const QString& resolution)
{
    return loadBasemap(reference::corePath(QStringLiteral("basemap/ne-%1.wkb").arg(resolution)),
                       resolution);
}

} // namespace wake::geo
