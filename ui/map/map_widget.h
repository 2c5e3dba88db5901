#pragma once

// The interactive map: turns mouse, wheel and keys into viewport changes and
// asks the MapRenderer to paint. No drawing logic lives here.
//
// The static layers are buffered in a MapLayerCache. A frame copies the
// buffered picture and paints the symbols on top; when the view has moved
// past the picture's margin or zoomed, the old picture is shown scaled while
// a new one renders on a worker thread, so panning and zooming never wait for
// the basemap or millions of track points.

#include "ui/map/area_sketch.h"
#include "ui/map/map_layer_cache.h"
#include "ui/map/map_renderer.h"
#include "ui/map/map_viewport.h"
#include "ui/map/online_tile_layer.h"

#include <QThreadPool>
#include <QWidget>

#include <memory>
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
    void setTime(std::optional<std::int64_t> timeUtcMs);
    // Waits for a buffered picture being rendered (tests).
    void waitForBufferedLayers();
    // Online maps (map/online_tile_layer.h), off by default: OpenStreetMap
    // under the tracks instead of the vector land and sea, OpenSeaMap's
    // seamarks over them. URLs from the settings (map/online/*Url).
    void setOnlineLayers(bool openStreetMap, bool seamarks);
    OnlineTileLayer* openStreetMapLayer() const { return m_osm.get(); }
    OnlineTileLayer* seamarkLayer() const { return m_seamarks.get(); }
    static QString onlineCacheFolder();
    // What a click on a ship or an event marker does (also the accessible
    // press action of the map's items).
    void activate(const MapHit& hit);
    // Drawing an area (map/area_sketch.h): a box is dragged, a polygon
    // clicked vertex by vertex and closed with a double-click or Enter;
    // Backspace takes a vertex back, Escape gives up. Dragging a polygon's
    // map still pans it, and the wheel and keys still move the view.
    void startSketch(AreaSketch::Shape shape);
    void cancelSketch();
    bool isSketching() const { return m_sketch.has_value(); }
    const std::optional<AreaSketch>& sketch() const { return m_sketch; }
    // Measuring range and bearing: click one point, then another (the line
    // follows the pointer between); it stays until Escape or the next one.
    void startMeasure();
    bool isMeasuring() const { return m_measure.active; }
    // The measured range (nm) and initial bearing (°, true) from the first
    // point to the second; none before both are set.
    std::optional<std::pair<double, double>> measured() const;

Q_SIGNALS:
    void eventClicked(qint64 eventId);
    void vesselClicked(qint64 vesselId);
    // A port or a named place: its name and UN/LOCODE (empty where it has none).
    void portClicked(const QString& name, const QString& locode);
    void fitRequested();
    void cursorMoved(double latDeg, double lonDeg);
    // Once, after the first frame is on screen (startup benchmarks).
    void firstFramePainted();
    // A drawn area is complete (unnamed), or the drawing was given up.
    void areaSketched(const wake::geo::Area& area);
    void sketchCancelled();

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
    void requestBufferedLayers();
    void bufferedLayersReady(MapLayerCache::Picture picture);
    model::LatLon latLonAt(QPointF screen) const;
    void finishSketch();
    void paintSketch(QPainter& p) const;

    MapRenderer m_renderer;
    std::unique_ptr<OnlineTileLayer> m_osm;
    std::unique_ptr<OnlineTileLayer> m_seamarks;
    MapLayerCache m_cache;
    bool m_refreshRunning = false;
    bool m_refreshPending = false;
    MapViewport m_viewport;
    // The last box asked for; refitted on resize until the user moves the map.
    std::optional<std::pair<model::LatLon, model::LatLon>> m_fitBounds;
    QPointF m_pressPos;
    QPointF m_lastPos;
    bool m_dragging = false;
    std::optional<AreaSketch> m_sketch;
    struct Measure
    {
        bool active = false;
        std::optional<model::LatLon> from;
        std::optional<model::LatLon> to;
    };
    Measure m_measure;
    void paintMeasure(QPainter& p) const;
    // Last member: destroyed first, it waits for a render still running.
    QThreadPool m_pool;
    bool m_framePainted = false;
};

} // namespace wake::ui
