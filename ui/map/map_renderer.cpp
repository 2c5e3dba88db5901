#include "ui/map/map_renderer.h"

#include "core/geo/coast_tiles.h"
#include "core/geo/harbour_patches.h"
#include "core/geo/segment_clip.h"
#include "core/replay/track_sampler.h"
#include "ui/map/graticule.h"
#include "ui/map/map_glyphs.h"
#include "ui/map/map_layer_cache.h"
#include "ui/map/map_style.h"
#include "ui/map/track_segment.h"
#include "ui/map/world_copies.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace wake::ui {

namespace {

// Names at close zoom only, unless there are so few ships they cannot clutter.
constexpr double kVesselNameZoom = 9.0;
constexpr std::size_t kFewVessels = 10;

} // namespace

MapRenderer::MapRenderer()
    : m_data(prepareMapScene({})), m_basemap(std::make_shared<BasemapPaths>()),
      m_traffic(std::make_shared<TrafficLayer>())
{}

void MapRenderer::setScene(MapScene scene)
{
    m_data = prepareMapScene(std::move(scene));
}

void MapRenderer::setLayerVisible(MapLayer layer, bool visible)
{
    m_visible.set(layer, visible);
}

StaticLayers MapRenderer::staticLayers() const
{
    return StaticLayers(m_data, m_basemap, m_visible);
}

void MapRenderer::paintVectorBasemap(QPainter& p, const MapViewport& vp) const
{
    MapLayerSet only;
    for (int l = 0; l < static_cast<int>(MapLayer::Count); ++l) {
        only.set(static_cast<MapLayer>(l), false);
    }
    only.set(MapLayer::Basemap, true);
    only.set(MapLayer::Borders, m_visible.contains(MapLayer::Borders));
    StaticLayers(m_data, m_basemap, only).paint(p, vp);
}

void MapRenderer::paint(QPainter& p, const MapViewport& vp) const
{
    MapLayerCache cache;
    const qreal dpr = p.device() != nullptr ? p.device()->devicePixelRatio() : 1.0;
    const StaticLayers layers = staticLayers();
    cache.store(MapLayerCache::render(layers, vp, dpr));
    cache.draw(p, vp, layers, dpr);
    paintDynamic(p, vp);
}

void MapRenderer::setTraffic(std::vector<TrafficTarget> targets)
{
    auto layer = std::make_shared<TrafficLayer>();
    layer->setTargets(std::move(targets));
    m_traffic = std::move(layer);
}

void MapRenderer::paintDynamic(QPainter& p, const MapViewport& vp) const
{
    const style::UsePalette palette(isDark(), textScale());
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    if (isLayerVisible(MapLayer::Graticule)) {
        paintGraticuleLabels(p, vp);
    }
    if (m_timeUtcMs && isLayerVisible(MapLayer::Tracks)) {
        paintTravelled(p, vp);
    }
    if (isLayerVisible(MapLayer::Overlays)) {
        paintAreas(p, vp);
    }
    if (isLayerVisible(MapLayer::Events)) {
        paintEvents(p, vp);
    }
    if (m_timeUtcMs && isLayerVisible(MapLayer::Vessels)) {
        m_traffic->paint(p, vp, vp.zoom() >= kVesselNameZoom);
        paintLivePicture(p, vp, *m_traffic, m_livePicture);
        paintVessels(p, vp);
    }
    if (isLayerVisible(MapLayer::Overlays)) {
        paintOverlays(p, vp);
    }
    if (legendShown()) {
        style::drawLegend(p, vp.size(), !m_data->gaps.empty());
    }
    p.restore();
}

void MapRenderer::paintTravelled(QPainter& p, const MapViewport& vp) const
{
    const MapScene& scene = m_data->scene;
    if (!scene.focusTrack || *scene.focusTrack >= scene.tracks.size()) {
        return;
    }
    const std::size_t t = *scene.focusTrack;
    const auto& track = scene.tracks[t].points;
    const auto state = replay::sampleTrack(track, *m_timeUtcMs);
    const auto lastFix = replay::lastFixAtOrBefore(track, *m_timeUtcMs);
    if (!lastFix) {
        return;
    }
    const TrackLevels& levels = *m_data->tracks[t];
    const auto points = levels.points();
    // The travelled part: the simplified fixes up to the last one passed, then
    // the ship's interpolated position. Emphasised over the static track.
    std::vector<std::uint32_t> path;
    const TrackLevels::Level& level = levels.level(TrackLevels::bandForZoom(vp.zoom()));
    for (std::uint32_t i : level.kept) {
        if (i > *lastFix) {
            break;
        }
        path.push_back(i);
    }
    if (path.empty() || path.back() != *lastFix) {
        path.push_back(static_cast<std::uint32_t>(*lastFix));
    }
    std::optional<geo::WorldPoint> head;
    if (state && *lastFix + 1 < track.size()) {
        geo::WorldPoint w = geo::project(state->position);
        w.x += std::round(points[*lastFix].x - w.x);
        head = w;
    }
    constexpr double kMarginPx = 8.0;
    const geo::ClipRect clip = viewClip(vp, kMarginPx);
    const QColor color = scene.tracks[t].color;
    const QPen observedPen(color.darker(115), 3.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    QPen inferredPen(color, 3.0, Qt::DashLine, Qt::FlatCap, Qt::RoundJoin);
    const CopyRange copies = copyRange(vp);
    for (int k = copies.first; k <= copies.last; ++k) {
        auto segment = [&](geo::WorldPoint wa, geo::WorldPoint wb, bool observed) {
            drawClippedSegment(p, vp.worldToScreen({wa.x + k, wa.y}),
                               vp.worldToScreen({wb.x + k, wb.y}), clip, observed, observedPen,
                               inferredPen);
        };
        for (std::size_t i = 1; i < path.size(); ++i) {
            segment(points[path[i - 1]], points[path[i]], levels.segmentObserved(path[i]));
        }
        if (head) {
            segment(points[*lastFix], *head, levels.segmentObserved(*lastFix + 1));
        }
    }
}

void MapRenderer::paintVessels(QPainter& p, const MapViewport& vp) const
{
    const MapScene& scene = m_data->scene;
    const CopyRange copies = copyRange(vp);
    const QRectF screen(QPointF(-20, -20), vp.size() + QSizeF(40, 40));
    const bool names = vp.zoom() >= kVesselNameZoom || scene.tracks.size() <= kFewVessels;
    p.setFont(style::labelFont(9, true));
    const QFontMetricsF fm(p.font());
    std::vector<QRectF> placedLabels;
    auto drawOne = [&](std::size_t t, bool focus) {
        const auto state = replay::sampleTrack(scene.tracks[t].points, *m_timeUtcMs);
        if (!state) {
            return;
        }
        const style::ShipClass type = style::shipClass(scene.tracks[t].aisShipType);
        const QColor fill = style::shipClassColor(type);
        forEachScreenCopy(geo::project(state->position), vp, copies, [&](QPointF s) {
            if (!screen.contains(s)) {
                return;
            }
            style::drawVesselSymbol(p, s, state->courseDeg, type, fill, focus);
            if (scene.tracks[t].listed) {
                style::drawListedMark(p, s, focus);
            }
            if (!names || scene.tracks[t].name.isEmpty()) {
                return;
            }
            const QRectF r = fm.boundingRect(scene.tracks[t].name).translated(s + QPointF(12, -8));
            if (std::none_of(placedLabels.begin(), placedLabels.end(),
                             [&](const QRectF& o) { return o.intersects(r); })) {
                style::drawHaloText(p, r.bottomLeft() - QPointF(0, fm.descent()),
                                    scene.tracks[t].name, style::palette().vesselText);
                placedLabels.push_back(r);
            }
        });
    };
    // The focus vessel last, on top, but its label placed first.
    for (std::size_t t = 0; t < scene.tracks.size(); ++t) {
        if (t != scene.focusTrack) {
            drawOne(t, false);
        }
    }
    if (scene.focusTrack && *scene.focusTrack < scene.tracks.size()) {
        drawOne(*scene.focusTrack, true);
    }
}

bool MapRenderer::legendShown() const
{
    return isLayerVisible(MapLayer::Legend) && m_data->hasInferredSegments &&
           isLayerVisible(MapLayer::Tracks);
}

void MapRenderer::paintEvents(QPainter& p, const MapViewport& vp) const
{
    const MapScene& scene = m_data->scene;
    const CopyRange copies = copyRange(vp);
    std::optional<std::size_t> seizure;
    for (std::size_t i = 0; i < scene.events.size(); ++i) {
        if (!m_data->events[i]) {
            continue;
        }
        if (m_highlighted && scene.events[i].id == *m_highlighted) {
            forEachScreenCopy(*m_data->events[i], vp, copies, [&](QPointF s) {
                p.setPen(QPen(QColor(0xf5, 0xb7, 0x00), 3));
                p.setBrush(QColor(255, 214, 0, 110));
                p.drawEllipse(s, 16, 16);
            });
        }
        if (scene.events[i].kind == model::EventKind::Seizure) {
            seizure = i; // drawn last, on top
            continue;
        }
        forEachScreenCopy(*m_data->events[i], vp, copies,
                          [&](QPointF s) { style::drawEventGlyph(p, s, scene.events[i].kind); });
    }
    if (seizure) {
        const model::Event& e = scene.events[*seizure];
        const QString when = model::formatTimeSpan(e.time);
        const QStringList callout = {
            QStringLiteral("Seized — %1, %2").arg(when, style::shortPlaceName(e.place)),
            QStringLiteral("Seized — %1").arg(when)};
        // The marker on every copy of the world in view, the callout once: on
        // the copy nearest the view's centre (a world view shows two or three).
        std::vector<QPointF> at;
        forEachScreenCopy(*m_data->events[*seizure], vp, copies,
                          [&](QPointF s) { at.push_back(s); });
        const QPointF centre(vp.size().width() / 2.0, vp.size().height() / 2.0);
        const auto labelled = std::min_element(at.begin(), at.end(), [&](QPointF a, QPointF b) {
            return std::abs(a.x() - centre.x()) < std::abs(b.x() - centre.x());
        });
        const QRectF legend =
            legendShown() ? style::legendBox(vp.size(), !m_data->gaps.empty()) : QRectF();
        for (auto it = at.begin(); it != at.end(); ++it) {
            style::drawSeizureMarker(p, *it, it == labelled ? callout : QStringList(), vp.size(),
                                     legend);
        }
    }
}

void MapRenderer::paintAreas(QPainter& p, const MapViewport& vp) const
{
    const std::vector<geo::Area>& areas = m_data->scene.areas;
    if (areas.empty()) {
        return;
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(style::labelFont(9, true));
    QColor fill = style::okabe_ito::kBlue;
    fill.setAlpha(0x18);
    const CopyRange copies = copyRange(vp);
    for (const geo::Area& area : areas) {
        // The ring's longitudes run on across 180, so one polygon per world copy.
        std::vector<geo::WorldPoint> world;
        for (const model::LatLon& c : area.ring()) {
            const double turns = std::floor((c.lonDeg + 180.0) / 360.0);
            geo::WorldPoint w = geo::project({c.latDeg, c.lonDeg - 360.0 * turns});
            w.x += turns;
            world.push_back(w);
        }
        for (int k = copies.first; k <= copies.last; ++k) {
            QPolygonF polygon;
            for (const geo::WorldPoint& w : world) {
                polygon << vp.worldToScreen({w.x + k, w.y});
            }
            if (!polygon.boundingRect().intersects(QRectF(QPointF(0, 0), vp.size()))) {
                continue;
            }
            p.setBrush(fill);
            p.setPen(QPen(style::okabe_ito::kBlue, 1.8, Qt::DashLine));
            p.drawPolygon(polygon);
            const QPointF corner = polygon.boundingRect().topLeft() + QPointF(4, -4);
            style::drawHaloText(p, corner, area.name(), style::okabe_ito::kBlue);
        }
    }
    p.restore();
}

void MapRenderer::paintOverlays(QPainter& p, const MapViewport& vp) const
{
    style::drawScaleBar(p, vp);
    QStringList credits;
    if (isLayerVisible(MapLayer::Basemap)) {
        if (StaticLayers::drawsDetailedCoast(vp)) {
            credits << QString::fromLatin1(geo::CoastTiles::kCredit);
            if (StaticLayers::drawsHarbourPatch(vp)) {
                credits << QString::fromUtf8(geo::HarbourPatches::kCredit);
            }
            if (isLayerVisible(MapLayer::Borders)) {
                credits << QStringLiteral("Borders: Natural Earth");
            }
        } else {
            credits << QStringLiteral("Natural Earth");
        }
    }
    credits << m_extraCredits;
    if (isLayerVisible(MapLayer::Ports) && !m_data->scene.ports.empty()) {
        credits << QStringLiteral("World Port Index") << QStringLiteral("UN/LOCODE");
    }
    if (!credits.isEmpty()) {
        style::drawAttribution(p, vp.size(), credits.join(QStringLiteral(" · ")));
    }
}

std::optional<MapHit> MapRenderer::hitTest(QPointF screen, const MapViewport& vp) const
{
    constexpr double kRadiusPx = 8.0;
    const MapScene& scene = m_data->scene;
    const CopyRange copies = copyRange(vp);
    auto near = [&](geo::WorldPoint w) {
        bool hit = false;
        forEachScreenCopy(w, vp, copies, [&](QPointF s) {
            hit |= std::hypot(s.x() - screen.x(), s.y() - screen.y()) <= kRadiusPx;
        });
        return hit;
    };
    // Topmost first: vessels, the seizure, other events, the scenario's places, ports.
    if (m_timeUtcMs && isLayerVisible(MapLayer::Vessels)) {
        for (std::size_t t = scene.tracks.size(); t-- > 0;) {
            const auto state = replay::sampleTrack(scene.tracks[t].points, *m_timeUtcMs);
            if (state && near(geo::project(state->position))) {
                return MapHit{MapHit::Kind::Vessel, t,
                              QStringLiteral("%1\n%2 position")
                                  .arg(scene.tracks[t].name,
                                       QString::fromLatin1(model::toString(state->provenance)))};
            }
        }
    }
    if (isLayerVisible(MapLayer::Vessels)) {
        if (const TrafficTarget* t = m_traffic->hit(screen, vp)) {
            const auto index = static_cast<std::size_t>(t - m_traffic->targets().data());
            return MapHit{MapHit::Kind::Traffic, index, t->label()};
        }
    }
    if (isLayerVisible(MapLayer::Events)) {
        // Markers overlap (an encounter inside a loitering): the one under
        // the pointer is the nearest, and of equally near ones the one drawn
        // last, on top. The first in the list was taken, so a click on an
        // encounter opened the loitering under it. The seizure stays first.
        const auto distanceTo = [&](geo::WorldPoint w) {
            double best = std::numeric_limits<double>::infinity();
            forEachScreenCopy(w, vp, copies, [&](QPointF s) {
                best = std::min(best, std::hypot(s.x() - screen.x(), s.y() - screen.y()));
            });
            return best;
        };
        for (int pass = 0; pass < 2; ++pass) {
            std::optional<std::size_t> hit;
            double hitDistance = kRadiusPx;
            for (std::size_t i = 0; i < scene.events.size(); ++i) {
                const bool isSeizure = scene.events[i].kind == model::EventKind::Seizure;
                if (!m_data->events[i] || (pass == 0) != isSeizure) {
                    continue;
                }
                const double d = distanceTo(*m_data->events[i]);
                if (d <= hitDistance) {
                    hit = i;
                    hitDistance = d;
                }
            }
            if (hit) {
                const auto& e = scene.events[*hit];
                return MapHit{MapHit::Kind::Event, *hit,
                              QStringLiteral("%1 — %2\n%3")
                                  .arg(model::formatTimeSpan(e.time), e.title,
                                       model::toString(e.attribution.confidence) +
                                           QStringLiteral(" confidence"))};
            }
        }
    }
    if (!isLayerVisible(MapLayer::Ports)) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < scene.namedPlaces.size(); ++i) {
        if (near(m_data->places[i])) {
            return MapHit{MapHit::Kind::Place, i, scene.namedPlaces[i].name};
        }
    }
    for (std::size_t i = 0; i < scene.ports.size(); ++i) {
        if (vp.zoom() >= style::portMinZoom(scene.ports[i].harborSize) && near(m_data->ports[i])) {
            const auto& port = scene.ports[i];
            return MapHit{MapHit::Kind::Port, i,
                          port.locode.isEmpty()
                              ? port.name
                              : port.name + QStringLiteral(" (") + port.locode + ')'};
        }
    }
    return std::nullopt;
}

} // namespace wake::ui
