#include "ui/map/basemap_paths.h"

#include "core/geo/basemap.h"

namespace wake::ui {

namespace {

constexpr std::array<const char*, 3> kResolutions = {"110m", "50m", "10m"};

std::size_t resolutionSlot(double zoom)
{
    return zoom < 3.0 ? 0 : (zoom < 5.5 ? 1 : 2);
}

void buildParts(const geo::BasemapLayer* layer, bool closed, std::vector<BasemapPaths::Part>& out)
{
    if (layer == nullptr) {
        return;
    }
    out.reserve(layer->parts.size());
    for (const auto& part : layer->parts) {
        if (part.size() < 2) {
            continue;
        }
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        path.moveTo(part[0].x, part[0].y);
        for (std::size_t i = 1; i < part.size(); ++i) {
            path.lineTo(part[i].x, part[i].y);
        }
        if (closed) {
            path.closeSubpath();
        }
        // Computing both bounds now leaves nothing lazily cached in the path,
        // so painting it from several threads only reads.
        const QRectF bounds = path.boundingRect();
        (void)path.controlPointRect();
        out.push_back({path, bounds});
    }
}

} // namespace

QString BasemapPaths::resolutionForZoom(double zoom)
{
    return QString::fromLatin1(kResolutions[resolutionSlot(zoom)]);
}

const BasemapPaths::Resolution& BasemapPaths::forZoom(double zoom) const
{
    const std::size_t slot = resolutionSlot(zoom);
    std::call_once(m_once[slot], [&] {
        if (auto map = geo::loadBuiltInBasemap(QString::fromLatin1(kResolutions[slot]))) {
            buildParts(map->layer(geo::BasemapLayer::Kind::Land), true, m_resolutions[slot].land);
            buildParts(map->layer(geo::BasemapLayer::Kind::Borders), false,
                       m_resolutions[slot].borders);
        }
    });
    return m_resolutions[slot];
}

} // namespace wake::ui
