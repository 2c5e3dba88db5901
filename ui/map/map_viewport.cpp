#include "ui/map/map_viewport.h"

#include <algorithm>
#include <cmath>

namespace wake::ui {

MapViewport::MapViewport(geo::WorldPoint center, double zoom, QSizeF sizePx)
    : m_center(center), m_zoom(zoom), m_size(sizePx)
{
    clamp();
}

void MapViewport::setSize(QSizeF sizePx)
{
    m_size = sizePx;
    clamp();
}

void MapViewport::setCenter(geo::WorldPoint center)
{
    m_center = center;
    clamp();
}

void MapViewport::setZoom(double zoom)
{
    m_zoom = zoom;
    clamp();
}

double MapViewport::minZoom() const
{
    // The whole world's height fits the view: no empty band above or below.
    return std::max(0.0, std::log2(std::max(1.0, m_size.height()) / geo::kTileSizePx));
}

MapViewport MapViewport::grownBy(double marginPx) const
{
    MapViewport grown = *this;
    grown.m_size = m_size + QSizeF(2 * marginPx, 2 * marginPx);
    return grown;
}

void MapViewport::clamp()
{
    m_zoom = std::clamp(m_zoom, minZoom(), kMaxZoom);
    m_center.x -= std::floor(m_center.x); // the world wraps east-west
    const double halfHeight = m_size.height() / 2.0 / scale();
    m_center.y = halfHeight >= 0.5 ? 0.5 : std::clamp(m_center.y, halfHeight, 1.0 - halfHeight);
}

QPointF MapViewport::worldToScreen(geo::WorldPoint w) const
{
    const double s = scale();
    return {(w.x - m_center.x) * s + m_size.width() / 2.0,
            (w.y - m_center.y) * s + m_size.height() / 2.0};
}

geo::WorldPoint MapViewport::screenToWorld(QPointF p) const
{
    const double s = scale();
    return {m_center.x + (p.x() - m_size.width() / 2.0) / s,
            m_center.y + (p.y() - m_size.height() / 2.0) / s};
}

QRectF MapViewport::visibleWorld() const
{
    const geo::WorldPoint tl = screenToWorld({0, 0});
    const geo::WorldPoint br = screenToWorld({m_size.width(), m_size.height()});
    return QRectF(QPointF(tl.x, tl.y), QPointF(br.x, br.y));
}

void MapViewport::panByPixels(QPointF delta)
{
    const double s = scale();
    m_center.x -= delta.x() / s;
    m_center.y -= delta.y() / s;
    clamp();
}

void MapViewport::zoomAbout(QPointF screenPoint, double dz)
{
    const geo::WorldPoint anchor = screenToWorld(screenPoint);
    m_zoom = std::clamp(m_zoom + dz, minZoom(), kMaxZoom);
    const double s = scale();
    m_center.x = anchor.x - (screenPoint.x() - m_size.width() / 2.0) / s;
    m_center.y = anchor.y - (screenPoint.y() - m_size.height() / 2.0) / s;
    clamp();
}

void MapViewport::fit(const model::LatLon& southWest, const model::LatLon& northEast,
                      double marginPx)
{
    const geo::WorldPoint a = geo::project(southWest);
    geo::WorldPoint b = geo::project(northEast);
    if (b.x < a.x) {
        b.x += 1.0; // the box crosses the antimeridian
    }
    const double w = std::max(1e-9, b.x - a.x);
    const double h = std::max(1e-9, a.y - b.y);
    const double availW = std::max(1.0, m_size.width() - 2 * marginPx);
    const double availH = std::max(1.0, m_size.height() - 2 * marginPx);
    m_zoom = std::log2(std::min(availW / w, availH / h) / geo::kTileSizePx);
    m_center = {(a.x + b.x) / 2.0, (a.y + b.y) / 2.0};
    clamp();
}

} // namespace wake::ui
