#pragma once

// The interactive map: turns mouse, wheel and keys into viewport changes and
// asks the MapRenderer to paint. No drawing logic lives here.

#include "map/map_renderer.h"
#include "map/map_viewport.h"

#include <QWidget>

#include <optional>
#include <utility>

namespace wake::ui {

class MapWidget : public QWidget
{
    Q_OBJECT
public:
    explicit MapWidget(QWidget* parent = nullptr);

    MapRenderer& renderer() { return m_renderer; }
    const MapViewport& viewport() const { return m_viewport; }
    void setViewport(const MapViewport& viewport);
    // Frames a lat/lon box (south-west, north-east).
    void fitBounds(const model::LatLon& southWest, const model::LatLon& northEast);
    void setScene(MapScene scene);

Q_SIGNALS:
    void eventClicked(qint64 eventId);
    void fitRequested();
    void cursorMoved(double latDeg, double lonDeg);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    MapRenderer m_renderer;
    MapViewport m_viewport;
    // The last box asked for; refitted on resize until the user moves the map.
    std::optional<std::pair<model::LatLon, model::LatLon>> m_fitBounds;
    QPointF m_pressPos;
    QPointF m_lastPos;
    bool m_dragging = false;
};

} // namespace wake::ui
