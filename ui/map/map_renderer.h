#pragma once

// Paints the map on any QPainter (a widget, a QImage for `wake render` and
// tests). Layers in a fixed order: sea and land, borders, graticule, ports,
// tracks, events, overlays. The basemap is pre-projected; its paths are built
// once per resolution and culled per part by bounding box, so a frame never
// re-reads or re-projects source data.

#include "geo/basemap.h"
#include "map/map_scene.h"
#include "map/map_viewport.h"

#include <QPainterPath>
#include <QRectF>

#include <array>
#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace wake::ui {

enum class MapLayer
{
    Basemap,
    Borders,
    Graticule,
    Ports,
    Tracks,
    Events,
    Overlays,
    Count
};

struct MapHit
{
    enum class Kind
    {
        Event,
        Place,
        Port
    };
    Kind kind = Kind::Event;
    std::size_t index = 0; // into the scene's events, namedPlaces or ports, by kind
    QString text;          // tooltip
};

class MapRenderer
{
public:
    MapRenderer();
    ~MapRenderer();

    void setScene(MapScene scene);
    const MapScene& scene() const { return m_scene; }
    void setLayerVisible(MapLayer layer, bool visible);
    bool isLayerVisible(MapLayer layer) const;

    void paint(QPainter& painter, const MapViewport& viewport) const;
    std::optional<MapHit> hitTest(QPointF screen, const MapViewport& viewport) const;

    // Natural Earth resolution used at a zoom: "110m", "50m" or "10m".
    static QString resolutionForZoom(double zoom);

private:
    struct PathPart
    {
        QPainterPath path;
        QRectF bounds;
    };
    struct CachedBasemap
    {
        std::vector<PathPart> land;
        std::vector<PathPart> borders;
    };
    const CachedBasemap* basemapFor(double zoom) const;
    void paintBasemap(QPainter& p, const MapViewport& vp) const;
    void paintGraticule(QPainter& p, const MapViewport& vp) const;
    void paintPorts(QPainter& p, const MapViewport& vp) const;
    void paintTracks(QPainter& p, const MapViewport& vp) const;
    void paintEvents(QPainter& p, const MapViewport& vp) const;
    void paintOverlays(QPainter& p, const MapViewport& vp) const;
    // The scene projected once in setScene: frames only scale and translate.
    struct ProjectedScene
    {
        std::vector<geo::WorldPoint> ports;
        std::vector<geo::WorldPoint> places;
        std::vector<std::optional<geo::WorldPoint>> events; // nullopt: not drawn
        std::vector<std::vector<geo::WorldPoint>> tracks;   // longitudes unwrapped
        bool hasInferredSegments = false;
    };

    MapScene m_scene;
    ProjectedScene m_projected;
    std::array<bool, static_cast<std::size_t>(MapLayer::Count)> m_visible{};
    mutable std::array<std::unique_ptr<CachedBasemap>, 3> m_basemaps;
};

} // namespace wake::ui
