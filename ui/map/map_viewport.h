#pragma once

// What part of the world a map shows: a centre in normalised Web Mercator
// coordinates, a fractional zoom and a size in pixels. Painting and hit
// testing both go through worldToScreen/screenToWorld, so they always agree.

#include "core/geo/web_mercator.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace wake::ui {

class MapViewport
{
public:
    static constexpr double kMaxZoom = 17.0;

    MapViewport() = default;
    MapViewport(geo::WorldPoint center, double zoom, QSizeF sizePx);

    geo::WorldPoint center() const { return m_center; }
    double zoom() const { return m_zoom; }
    QSizeF size() const { return m_size; }
    double scale() const { return geo::worldSizePx(m_zoom); } // pixels per world unit

    void setSize(QSizeF sizePx);
    void setCenter(geo::WorldPoint center);
    void setZoom(double zoom);

    QPointF worldToScreen(geo::WorldPoint w) const;
    geo::WorldPoint screenToWorld(QPointF p) const;
    // The visible world rectangle (x may extend past [0,1]: the world repeats).
    QRectF visibleWorld() const;

    void panByPixels(QPointF delta);
    // Zooms by dz keeping the world point under screenPoint where it is.
    void zoomAbout(QPointF screenPoint, double dz);
    // Frames a lat/lon box with a margin in pixels.
    void fit(const model::LatLon& southWest, const model::LatLon& northEast, double marginPx = 40);

    double minZoom() const;

    // The same centre and zoom on a larger area, marginPx more on every side.
    // Not clamped: the larger area may reach past the poles, and must keep the zoom.
    MapViewport grownBy(double marginPx) const;

private:
    void clamp();

    geo::WorldPoint m_center{0.5, 0.5};
    double m_zoom = 2.0;
    QSizeF m_size{800, 600};
};

} // namespace wake::ui
