#pragma once

// The pre-projected basemap (resources/basemap/ne-*.wkb, made by
// resources/tools/make_basemap.py from Natural Earth): land polygons and
// country borders in normalised Web Mercator coordinates, per resolution.
// Loading only copies floats; nothing is projected at run time.

#include "core/util/result.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace wake::geo {

struct BasemapPoint
{
    float x = 0;
    float y = 0;
};

struct BasemapLayer
{
    enum class Kind : std::uint8_t
    {
        Land = 1,
        Borders = 2
    };
    Kind kind = Kind::Land;
    std::vector<std::vector<BasemapPoint>> parts;
};

struct Basemap
{
    QString resolution; // "110m", "50m", "10m"
    std::vector<BasemapLayer> layers;
    const BasemapLayer* layer(BasemapLayer::Kind kind) const;
    std::size_t vertexCount() const;
};

Result<Basemap> loadBasemap(const QString& path, const QString& resolution);
// The built-in Natural Earth basemap at "110m", "50m" or "10m".
Result<Basemap> loadBuiltInBasemap(const QString& resolution);

} // namespace wake::geo
