#include "map/map_renderer.h"

#include "geo/segment_clip.h"
#include "map/map_style.h"

#include <QPainter>

#include <cmath>

namespace wake::ui {

namespace {

constexpr std::array<const char*, 3> kResolutions = {"110m", "50m", "10m"};

std::size_t resolutionSlot(double zoom)
{
    return zoom < 3.0 ? 0 : (zoom < 5.5 ? 1 : 2);
}

// The copies of the world (k = -1, 0, 1, ...) that can show in the view: the
// world repeats east-west. One extra each side keeps symbols at the seam.
struct CopyRange
{
    int first = 0;
    int last = 0;
};

CopyRange copyRange(const MapViewport& vp)
{
    const QRectF visible = vp.visibleWorld();
    return {static_cast<int>(std::floor(visible.left())) - 1,
            static_cast<int>(std::floor(visible.right())) + 1};
}

// Calls f with the screen position of w in each copy of the world near the view.
template <typename F>
void forEachScreenCopy(geo::WorldPoint w, const MapViewport& vp, CopyRange copies, F&& f)
{
    constexpr double kMarginPx = 200.0; // symbols and labels reach past their point
    for (int k = copies.first; k <= copies.last; ++k) {
        const QPointF s = vp.worldToScreen({w.x + k, w.y});
        if (s.x() >= -kMarginPx && s.x() <= vp.size().width() + kMarginPx) {
            f(s);
        }
    }
}

} // namespace

MapRenderer::MapRenderer()
{
    m_visible.fill(true);
}

MapRenderer::~MapRenderer() = default;

void MapRenderer::setScene(MapScene scene)
{
    m_scene = std::move(scene);
    ProjectedScene projected;
    projected.ports.reserve(m_scene.ports.size());
    for (const auto& port : m_scene.ports) {
        projected.ports.push_back(geo::project(port.position));
    }
    for (const auto& place : m_scene.namedPlaces) {
        projected.places.push_back(geo::project(place.position));
    }
    for (const auto& e : m_scene.events) {
        projected.events.push_back(e.position && e.shipEvent
                                       ? std::optional<geo::WorldPoint>(geo::project(*e.position))
                                       : std::nullopt);
    }
    for (const MapTrack& track : m_scene.tracks) {
        // Unwrap longitudes so a segment crossing +-180 takes the short way and
        // continues into the next copy of the world instead of crossing the map.
        std::vector<geo::WorldPoint> w;
        w.reserve(track.points.size());
        for (const auto& pt : track.points) {
            geo::WorldPoint q = geo::project({pt.latDeg, pt.lonDeg});
            if (!w.empty()) {
                q.x += std::round(w.back().x - q.x);
            }
            w.push_back(q);
            projected.hasInferredSegments |= pt.provenance != model::Provenance::Observed;
        }
        projected.tracks.push_back(std::move(w));
    }
    m_projected = std::move(projected);
}

void MapRenderer::setLayerVisible(MapLayer layer, bool visible)
{
    m_visible[static_cast<std::size_t>(layer)] = visible;
}

bool MapRenderer::isLayerVisible(MapLayer layer) const
{
    return m_visible[static_cast<std::size_t>(layer)];
}

QString MapRenderer::resolutionForZoom(double zoom)
{
    return QString::fromLatin1(kResolutions[resolutionSlot(zoom)]);
}

const MapRenderer::CachedBasemap* MapRenderer::basemapFor(double zoom) const
{
    const std::size_t slot = resolutionSlot(zoom);
    if (!m_basemaps[slot]) {
        auto cached = std::make_unique<CachedBasemap>();
        if (auto map = geo::loadBuiltInBasemap(QString::fromLatin1(kResolutions[slot]))) {
            auto build = [](const geo::BasemapLayer* layer, bool closed,
                            std::vector<PathPart>& out) {
                if (layer == nullptr) {
                    return;
                }
                out.reserve(layer->parts.size());
                for (const auto& part : layer->parts) {
                    if (part.size() < 2) {
                        continue;
                    }
                    QPainterPath path;
                    path.setFillRule(Qt::OddEvenFill);
                    path.moveTo(part[0].x, part[0].y);
                    for (std::size_t i = 1; i < part.size(); ++i) {
                        path.lineTo(part[i].x, part[i].y);
                    }
                    if (closed) {
                        path.closeSubpath();
                    }
                    out.push_back({path, path.boundingRect()});
                }
            };
            build(map->layer(geo::BasemapLayer::Kind::Land), true, cached->land);
            build(map->layer(geo::BasemapLayer::Kind::Borders), false, cached->borders);
        }
        m_basemaps[slot] = std::move(cached);
    }
    return m_basemaps[slot].get();
}

void MapRenderer::paint(QPainter& p, const MapViewport& vp) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(QRectF(QPointF(0, 0), vp.size()), style::kSea);
    if (isLayerVisible(MapLayer::Basemap)) {
        paintBasemap(p, vp);
    }
    if (isLayerVisible(MapLayer::Graticule)) {
        paintGraticule(p, vp);
    }
    if (isLayerVisible(MapLayer::Ports)) {
        paintPorts(p, vp);
    }
    if (isLayerVisible(MapLayer::Tracks)) {
        paintTracks(p, vp);
    }
    if (isLayerVisible(MapLayer::Events)) {
        paintEvents(p, vp);
    }
    if (isLayerVisible(MapLayer::Overlays)) {
        paintOverlays(p, vp);
    }
    p.restore();
}

void MapRenderer::paintBasemap(QPainter& p, const MapViewport& vp) const
{
    const CachedBasemap* map = basemapFor(vp.zoom());
    const QRectF visible = vp.visibleWorld();
    const double s = vp.scale();
    const CopyRange copies = copyRange(vp);
    for (int k = copies.first; k <= copies.last; ++k) {
        const QPointF origin = vp.worldToScreen({static_cast<double>(k), 0.0});
        p.setTransform(QTransform(s, 0, 0, s, origin.x(), origin.y()));
        const QRectF local = visible.translated(-k, 0);
        QPen coast(style::kCoast, 0.8);
        coast.setCosmetic(true);
        p.setPen(coast);
        p.setBrush(style::kLand);
        for (const auto& part : map->land) {
            if (part.bounds.intersects(local)) {
                p.drawPath(part.path);
            }
        }
        if (isLayerVisible(MapLayer::Borders)) {
            QPen border(style::kBorder, 0.7, Qt::DashLine);
            border.setCosmetic(true);
            p.setPen(border);
            p.setBrush(Qt::NoBrush);
            for (const auto& part : map->borders) {
                if (part.bounds.intersects(local)) {
                    p.drawPath(part.path);
                }
            }
        }
    }
    p.resetTransform();
}

void MapRenderer::paintGraticule(QPainter& p, const MapViewport& vp) const
{
    static constexpr std::array<double, 10> kSteps = {30, 10, 5, 2, 1, 0.5, 0.25, 0.1, 0.05, 0.02};
    // About four to eight lines across the view.
    const QRectF visible = vp.visibleWorld();
    const double spanDeg = visible.width() * 360.0;
    double step = kSteps.back();
    for (double candidate : kSteps) {
        if (spanDeg / candidate >= 3.0) {
            step = candidate;
            break;
        }
    }
    QPen pen(style::kGraticule, 0.6);
    p.setPen(pen);
    p.setFont(style::labelFont(8));
    const double w = vp.size().width();
    const double h = vp.size().height();
    const auto tl = geo::unproject(vp.screenToWorld({0, 0}));
    const auto br = geo::unproject(vp.screenToWorld({w, h}));
    const int decimals = step >= 1 ? 0 : (step >= 0.1 ? 1 : 2);
    for (double lon = std::floor(tl.lonDeg / step) * step; lon <= br.lonDeg; lon += step) {
        const double x = vp.worldToScreen({(lon + 180.0) / 360.0, 0}).x();
        p.drawLine(QPointF(x, 0), QPointF(x, h));
        const double wrapped = geo::wrapLongitude(lon + 1e-9);
        p.drawText(QPointF(x + 3, 11), QStringLiteral("%1°%2")
                                           .arg(std::abs(wrapped), 0, 'f', decimals)
                                           .arg(wrapped < 0 ? QLatin1Char('W') : QLatin1Char('E')));
    }
    for (double lat = std::floor(br.latDeg / step) * step; lat <= tl.latDeg; lat += step) {
        if (std::abs(lat) > geo::kMaxMercatorLatDeg) {
            continue;
        }
        const double y = vp.worldToScreen(geo::project({lat, 0})).y();
        p.drawLine(QPointF(0, y), QPointF(w, y));
        p.drawText(QPointF(3, y - 3), QStringLiteral("%1°%2")
                                          .arg(std::abs(lat), 0, 'f', decimals)
                                          .arg(lat < 0 ? QLatin1Char('S') : QLatin1Char('N')));
    }
}

void MapRenderer::paintPorts(QPainter& p, const MapViewport& vp) const
{
    const double z = vp.zoom();
    auto minZoomFor = [](model::HarborSize size) {
        switch (size) {
        case model::HarborSize::Large:
            return 3.0;
        case model::HarborSize::Medium:
            return 4.5;
        case model::HarborSize::Small:
            return 6.0;
        case model::HarborSize::VerySmall:
            return 7.5;
        case model::HarborSize::Unknown:
            break;
        }
        return 9.0;
    };
    const QRectF screen(QPointF(0, 0), vp.size());
    std::vector<QRectF> placedLabels; // labels never overlap: first placed wins
    p.setFont(style::labelFont(8));
    const QFontMetricsF fm(p.font());
    const CopyRange copies = copyRange(vp);
    // The scenario's places first, so their labels win the space.
    p.setPen(QPen(style::kPlaceOutline, 1.2));
    p.setBrush(style::kPlace);
    for (std::size_t i = 0; i < m_scene.namedPlaces.size(); ++i) {
        const QString label = style::shortPlaceName(m_scene.namedPlaces[i].name);
        forEachScreenCopy(m_projected.places[i], vp, copies, [&](QPointF s) {
            p.drawRect(QRectF(s.x() - 3.5, s.y() - 3.5, 7, 7));
            const QRectF r = fm.boundingRect(label).translated(s + QPointF(7, 4));
            if (z >= 4.0 && std::none_of(placedLabels.begin(), placedLabels.end(),
                                         [&](const QRectF& o) { return o.intersects(r); })) {
                style::drawHaloText(p, r.bottomLeft() - QPointF(0, fm.descent()), label,
                                    style::kPlaceText);
                placedLabels.push_back(r);
            }
        });
    }
    p.setPen(QPen(style::kPortOutline, 0.8));
    p.setBrush(style::kPort);
    for (std::size_t i = 0; i < m_scene.ports.size(); ++i) {
        const model::Port& port = m_scene.ports[i];
        if (z < minZoomFor(port.harborSize)) {
            continue;
        }
        forEachScreenCopy(m_projected.ports[i], vp, copies, [&](QPointF s) {
            if (!screen.contains(s)) {
                return;
            }
            p.drawEllipse(s, 2.2, 2.2);
            if (z >= minZoomFor(port.harborSize) + 1.5) {
                const QRectF r = fm.boundingRect(port.name).translated(s + QPointF(4, 3));
                if (std::none_of(placedLabels.begin(), placedLabels.end(),
                                 [&](const QRectF& o) { return o.intersects(r); })) {
                    style::drawHaloText(p, r.bottomLeft() - QPointF(0, fm.descent()), port.name,
                                        style::kPortText);
                    placedLabels.push_back(r);
                }
            }
        });
    }
}

void MapRenderer::paintTracks(QPainter& p, const MapViewport& vp) const
{
    // Segments are clipped to the view (with a margin for the pen) before
    // drawing: at harbour zoom a leg across an ocean is millions of pixels long,
    // and dashing it whole would cost more than the rest of the frame.
    constexpr double kMarginPx = 8.0;
    const geo::ClipRect clip{-kMarginPx, -kMarginPx, vp.size().width() + kMarginPx,
                             vp.size().height() + kMarginPx};
    const QRectF pointArea(QPointF(clip.xMin, clip.yMin), QPointF(clip.xMax, clip.yMax));
    const CopyRange copies = copyRange(vp);
    for (std::size_t t = 0; t < m_scene.tracks.size(); ++t) {
        const MapTrack& track = m_scene.tracks[t];
        const std::vector<geo::WorldPoint>& w = m_projected.tracks[t];
        QPen observedPen(track.color, 2.2, Qt::SolidLine, Qt::RoundCap);
        QPen inferredPen(style::reconstructed(track.color), 1.8, Qt::DashLine, Qt::RoundCap);
        for (int k = copies.first; k <= copies.last; ++k) {
            for (std::size_t i = 1; i < w.size(); ++i) {
                const QPointF a = vp.worldToScreen({w[i - 1].x + k, w[i - 1].y});
                const QPointF b = vp.worldToScreen({w[i].x + k, w[i].y});
                const auto range = geo::clipSegment(a.x(), a.y(), b.x(), b.y(), clip);
                if (!range) {
                    continue;
                }
                const QPointF from = a + (b - a) * range->t0;
                const QPointF to = a + (b - a) * range->t1;
                const bool observed =
                    track.points[i - 1].provenance == model::Provenance::Observed &&
                    track.points[i].provenance == model::Provenance::Observed;
                if (observed) {
                    p.setPen(observedPen);
                } else {
                    // Keep the dashes anchored to the segment's start while panning.
                    const QPointF cut = from - a;
                    inferredPen.setDashOffset(std::hypot(cut.x(), cut.y()) / inferredPen.widthF());
                    p.setPen(inferredPen);
                }
                p.drawLine(from, to);
            }
            p.setPen(QPen(Qt::white, 1.2));
            p.setBrush(track.color);
            for (const auto& point : w) {
                const QPointF s = vp.worldToScreen({point.x + k, point.y});
                if (pointArea.contains(s)) {
                    p.drawEllipse(s, 3.5, 3.5);
                }
            }
        }
    }
}

void MapRenderer::paintEvents(QPainter& p, const MapViewport& vp) const
{
    const CopyRange copies = copyRange(vp);
    std::optional<std::size_t> seizure;
    for (std::size_t i = 0; i < m_scene.events.size(); ++i) {
        if (!m_projected.events[i]) {
            continue;
        }
        if (m_scene.events[i].kind == model::EventKind::Seizure) {
            seizure = i; // drawn last, on top
            continue;
        }
        forEachScreenCopy(*m_projected.events[i], vp, copies,
                          [&](QPointF s) { style::drawEventGlyph(p, s, m_scene.events[i].kind); });
    }
    if (seizure) {
        const model::Event& e = m_scene.events[*seizure];
        const QString callout =
            QStringLiteral("Seized — %1, %2")
                .arg(model::formatTimeSpan(e.time), style::shortPlaceName(e.place));
        forEachScreenCopy(*m_projected.events[*seizure], vp, copies,
                          [&](QPointF s) { style::drawSeizureMarker(p, s, callout, vp.size()); });
    }
}

void MapRenderer::paintOverlays(QPainter& p, const MapViewport& vp) const
{
    style::drawScaleBar(p, vp);
    QStringList credits{QStringLiteral("Natural Earth")};
    if (!m_scene.ports.empty()) {
        credits << QStringLiteral("World Port Index") << QStringLiteral("UN/LOCODE");
    }
    style::drawAttribution(p, vp.size(), credits.join(QStringLiteral(" · ")));
    if (m_projected.hasInferredSegments) {
        style::drawLegend(p, vp.size());
    }
}

std::optional<MapHit> MapRenderer::hitTest(QPointF screen, const MapViewport& vp) const
{
    constexpr double kRadiusPx = 8.0;
    const CopyRange copies = copyRange(vp);
    auto near = [&](geo::WorldPoint w) {
        bool hit = false;
        forEachScreenCopy(w, vp, copies, [&](QPointF s) {
            hit |= std::hypot(s.x() - screen.x(), s.y() - screen.y()) <= kRadiusPx;
        });
        return hit;
    };
    // Topmost first: the seizure, other events, the scenario's places, ports.
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < m_scene.events.size(); ++i) {
            const auto& e = m_scene.events[i];
            const bool isSeizure = e.kind == model::EventKind::Seizure;
            if (m_projected.events[i] && (pass == 0) == isSeizure && near(*m_projected.events[i])) {
                return MapHit{MapHit::Kind::Event, i,
                              QStringLiteral("%1 — %2\n%3")
                                  .arg(model::formatTimeSpan(e.time), e.title,
                                       model::toString(e.attribution.confidence) +
                                           QStringLiteral(" confidence"))};
            }
        }
    }
    for (std::size_t i = 0; i < m_scene.namedPlaces.size(); ++i) {
        if (near(m_projected.places[i])) {
            return MapHit{MapHit::Kind::Place, i, m_scene.namedPlaces[i].name};
        }
    }
    for (std::size_t i = 0; i < m_scene.ports.size(); ++i) {
        if (near(m_projected.ports[i])) {
            const auto& port = m_scene.ports[i];
            return MapHit{MapHit::Kind::Port, i,
                          port.locode.isEmpty()
                              ? port.name
                              : port.name + QStringLiteral(" (") + port.locode + ')'};
        }
    }
    return std::nullopt;
}

} // namespace wake::ui
