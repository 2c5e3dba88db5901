#include "ui/map/map_layer_cache.h"

#include "ui/map/map_style.h"

#include <QPainter>

#include <cmath>

namespace wake::ui {

MapLayerCache::Picture MapLayerCache::render(const StaticLayers& layers, const MapViewport& vp,
                                             qreal devicePixelRatio)
{
    const MapViewport grown = vp.grownBy(kMarginPx);
    const QSize device = (grown.size() * devicePixelRatio).toSize();
    // Opaque (the sea covers it): copying it is a plain copy, not a blend.
    // Without the vector basemap it is blended over the sea or an online map.
    QImage image(device,
                 layers.isOpaque() ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
    if (!layers.isOpaque()) {
        image.fill(Qt::transparent);
    }
    image.setDevicePixelRatio(devicePixelRatio);
    {
        QPainter p(&image);
        layers.paint(p, grown);
    }
    return {std::move(image), grown, layers};
}

QPointF MapLayerCache::pictureOrigin(const MapViewport& vp) const
{
    const MapViewport& cached = m_picture->viewport;
    geo::WorldPoint corner = cached.screenToWorld({0, 0});
    // Both centres are wrapped into [0, 1): pick the copy of the picture nearest the view.
    corner.x -= std::round(cached.center().x - vp.center().x);
    return vp.worldToScreen(corner);
}

MapLayerCache::DrawResult MapLayerCache::draw(QPainter& p, const MapViewport& vp,
                                              const StaticLayers& layers,
                                              qreal devicePixelRatio) const
{
    if (!m_picture) {
        return DrawResult::Missing;
    }
    const MapViewport& cached = m_picture->viewport;
    const QPointF origin = pictureOrigin(vp);
    const bool sameScale =
        cached.zoom() == vp.zoom() && m_picture->image.devicePixelRatio() == devicePixelRatio;
    const QRectF area(origin, cached.size());
    const bool covers = area.contains(QRectF(QPointF(0, 0), vp.size()));
    if (sameScale && covers && m_picture->layers == layers) {
        // Whole pixels: panning moves by whole mouse steps, and a copy at a
        // fractional offset would blur.
        p.drawImage(QPointF(std::round(origin.x()), std::round(origin.y())), m_picture->image);
        return DrawResult::Exact;
    }
    // A preview: the old picture moved and scaled over the sea colour of the
    // uncovered part. Cheap, and replaced as soon as the new picture is ready.
    const double ratio = vp.scale() / cached.scale();
    p.fillRect(QRectF(QPointF(0, 0), vp.size()), layers.seaColour());
    p.drawImage(QRectF(origin, cached.size() * ratio), m_picture->image);
    return DrawResult::Stale;
}

bool MapLayerCache::nearEdge(const MapViewport& vp) const
{
    if (!m_picture) {
        return true;
    }
    const QPointF origin = pictureOrigin(vp);
    const QRectF inner =
        QRectF(origin, m_picture->viewport.size())
            .adjusted(kMarginPx / 2, kMarginPx / 2, -kMarginPx / 2, -kMarginPx / 2);
    return !inner.contains(QRectF(QPointF(0, 0), vp.size()));
}

} // namespace wake::ui
