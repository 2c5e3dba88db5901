#pragma once

// The layers that change only with the view, not with the replay time: sea,
// land, borders, graticule lines, ports and tracks. They are the slow part of
// a frame, so the window draws them into a buffered image (MapLayerCache),
// often on a worker thread. A StaticLayers value is a snapshot: it holds its
// scene and basemap by shared pointer and can be painted on any thread.

#include "ui/map/basemap_paths.h"
#include "ui/map/map_layers.h"
#include "ui/map/map_scene_data.h"
#include "ui/map/map_viewport.h"

#include <memory>

class QPainter;

namespace wake::ui {

class StaticLayers
{
public:
    StaticLayers() = default;
    StaticLayers(std::shared_ptr<const MapSceneData> data,
                 std::shared_ptr<const BasemapPaths> basemap, MapLayerSet visible);

    void paint(QPainter& p, const MapViewport& vp) const;
    // Without the vector basemap the picture is transparent where nothing is drawn.
    bool isOpaque() const { return m_visible.contains(MapLayer::Basemap); }
    // The sea's colour in this picture's palette (light or dark).
    QColor seaColour() const;
    // Whether a view shows GSHHG's detailed coast (map/coast_paths.h) rather
    // than Natural Earth's land: the credit line names what is drawn.
    static bool drawsDetailedCoast(const MapViewport& vp);
    // Whether it shows a harbour drawn from OpenStreetMap (geo/harbour_patches.h).
    static bool drawsHarbourPatch(const MapViewport& vp);

    // Same scene, basemap and layers: a picture of one is a picture of the other.
    friend bool operator==(const StaticLayers& a, const StaticLayers& b)
    {
        return a.m_data == b.m_data && a.m_basemap == b.m_basemap && a.m_visible == b.m_visible;
    }

private:
    void paintBasemap(QPainter& p, const MapViewport& vp) const;
    void paintDetailedCoast(QPainter& p, const MapViewport& vp) const;
    void paintPorts(QPainter& p, const MapViewport& vp) const;
    void paintTracks(QPainter& p, const MapViewport& vp) const;
    void paintEncounterLinks(QPainter& p, const MapViewport& vp) const;

    std::shared_ptr<const MapSceneData> m_data;
    std::shared_ptr<const BasemapPaths> m_basemap;
    MapLayerSet m_visible;
};

} // namespace wake::ui
