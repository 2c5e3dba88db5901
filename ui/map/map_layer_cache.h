#pragma once

// A buffered picture of the static layers (StaticLayers) for a view grown by
// a margin on every side. While the zoom stays the same, panning within the
// margin only copies pixels; when the view leaves it, or the zoom changes, the
// old picture is scaled and shifted as a preview until a new one is rendered,
// which the window does on a worker thread.

#include "ui/map/map_static_layers.h"
#include "ui/map/map_viewport.h"

#include <QImage>

#include <optional>

class QPainter;

namespace wake::ui {

class MapLayerCache
{
public:
    static constexpr double kMarginPx = 256.0;

    struct Picture
    {
        QImage image;         // device pixels, with its devicePixelRatio set
        MapViewport viewport; // the grown view it shows, in logical pixels
        StaticLayers layers;
    };

    enum class DrawResult
    {
        Exact,   // the picture is current for this view
        Stale,   // a preview was drawn (other zoom, layers or area): refresh it
        Missing, // nothing to draw: render one
    };

    // Renders the static layers for vp grown by the margin. Any thread.
    static Picture render(const StaticLayers& layers, const MapViewport& vp,
                          qreal devicePixelRatio);

    DrawResult draw(QPainter& p, const MapViewport& vp, const StaticLayers& layers,
                    qreal devicePixelRatio) const;
    // The view is still covered but near the picture's edge: render ahead.
    bool nearEdge(const MapViewport& vp) const;

    void store(Picture picture) { m_picture = std::move(picture); }
    void clear() { m_picture.reset(); }
    bool isEmpty() const { return !m_picture.has_value(); }

private:
    // Where the picture's top-left corner falls on vp's screen, at vp's scale.
    QPointF pictureOrigin(const MapViewport& vp) const;

    std::optional<Picture> m_picture;
};

} // namespace wake::ui
