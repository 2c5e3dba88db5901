#pragma once

// Paints the map on any QPainter (a widget, a QImage for `wake render` and
// tests). Two passes: the static layers (sea, land, borders, graticule lines,
// ports, tracks), which change only with the view and which the window buffers
// in a MapLayerCache, and the dynamic layers on top (the travelled part of the
// focus track, vessels at the replay time, events, graticule labels, scale,
// legend, attribution), which are cheap and drawn every frame.

#include "ui/map/basemap_paths.h"
#include "ui/map/live_picture.h"
#include "ui/map/map_layers.h"
#include "ui/map/map_scene_data.h"
#include "ui/map/map_static_layers.h"
#include "ui/map/map_viewport.h"
#include "ui/map/traffic_layer.h"

#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>

class QPainter;

namespace wake::ui {

struct MapHit
{
    enum class Kind
    {
        Vessel,
        Event,
        Place,
        Port,
        Traffic, // index into traffic().targets()
    };
    Kind kind = Kind::Event;
    std::size_t index = 0; // into the scene's tracks, events, namedPlaces or ports, by kind
    QString text;          // tooltip
};

class MapRenderer
{
public:
    MapRenderer();

    void setScene(MapScene scene);
    const MapScene& scene() const { return m_data->scene; }
    const MapSceneData& sceneData() const { return *m_data; }
    void setLayerVisible(MapLayer layer, bool visible);
    bool isLayerVisible(MapLayer layer) const { return m_visible.contains(layer); }
    void setOtherTracks(OtherTracks how) { m_visible.setOtherTracks(how); }
    OtherTracks otherTracks() const { return m_visible.otherTracks(); }
    void setDark(bool dark) { m_visible.setDark(dark); }
    bool isDark() const { return m_visible.dark(); }
    void setTextScale(double scale) { m_visible.setTextScale(scale); }
    double textScale() const { return m_visible.textScale(); }
    // The replay time: vessels are drawn where they were then. None: no vessels.
    void setTime(std::optional<std::int64_t> timeUtcMs) { m_timeUtcMs = timeUtcMs; }
    std::optional<std::int64_t> time() const { return m_timeUtcMs; }
    // Every vessel at the replay time (live targets, or the store's traffic
    // picture), drawn under the scene's own vessels.
    void setTraffic(std::vector<TrafficTarget> targets);
    const TrafficLayer& traffic() const { return *m_traffic; }
    // Course vectors, own ship and its range rings over the traffic.
    void setLivePicture(const LivePicture& picture) { m_livePicture = picture; }
    const LivePicture& livePicture() const { return m_livePicture; }
    // Credits of layers drawn outside the renderer (online maps).
    void setExtraCredits(QStringList credits) { m_extraCredits = std::move(credits); }
    // The event the replay reached last: marked with a halo.
    void setHighlightedEvent(std::optional<model::EventId> id) { m_highlighted = id; }

    // Only the vector land and sea (and borders): under an online map whose
    // tiles have not all arrived, so offline the map looks as before.
    void paintVectorBasemap(QPainter& p, const MapViewport& vp) const;
    // A snapshot of the static layers, to paint now or on another thread.
    StaticLayers staticLayers() const;
    void paintDynamic(QPainter& p, const MapViewport& vp) const;
    // The whole map at once, exactly as the window's first frame of this view.
    void paint(QPainter& p, const MapViewport& vp) const;

    std::optional<MapHit> hitTest(QPointF screen, const MapViewport& vp) const;

    static QString resolutionForZoom(double zoom) { return BasemapPaths::resolutionForZoom(zoom); }

private:
    void paintTravelled(QPainter& p, const MapViewport& vp) const;
    void paintVessels(QPainter& p, const MapViewport& vp) const;
    void paintEvents(QPainter& p, const MapViewport& vp) const;
    void paintAreas(QPainter& p, const MapViewport& vp) const;
    void paintOverlays(QPainter& p, const MapViewport& vp) const;
    // The legend explains reconstructed lines, so it shows only with a track that has them.
    bool legendShown() const;

    std::shared_ptr<const MapSceneData> m_data;
    std::shared_ptr<const BasemapPaths> m_basemap;
    MapLayerSet m_visible;
    std::optional<std::int64_t> m_timeUtcMs;
    std::optional<model::EventId> m_highlighted;
    std::shared_ptr<const TrafficLayer> m_traffic;
    LivePicture m_livePicture;
    QStringList m_extraCredits;
};

} // namespace wake::ui
