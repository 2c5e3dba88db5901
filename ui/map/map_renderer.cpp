#include "map/map_renderer.h"

#include "map/map_style.h"

#include <QPainter>

#include <cmath>

namespace wake::ui {

namespace {

constexpr std::array<const char*, 3> kResolutions = {"110m", "50m", "10m"};

} // namespace

MapRenderer::MapRenderer()
{
    m_visible.fill(true);
}

MapRenderer::~MapRenderer() = default;

void MapRenderer::setScene(MapScene scene)
{
    m_scene = std::move(scene);
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
    if (zoom < 3.0) {
        return QStringLiteral("110m");
    }
    if (zoom < 5.5) {
        return QStringLiteral("50m");
    }
    return QStringLiteral("10m");
}

const MapRenderer::CachedBasemap* MapRenderer::basemapFor(double zoom) const
{
    const QString res = resolutionForZoom(zoom);
    std::size_t slot = 0;
    while (slot + 1 < kResolutions.size() && res != QLatin1String(kResolutions[slot])) {
        ++slot;
    }
    if (!m_basemaps[slot]) {
        auto cached = std::make_unique<CachedBasemap>();
        if (auto map = geo::loadBuiltInBasemap(res)) {
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

std::vector<QPointF> MapRenderer::screenCopies(geo::WorldPoint w, const MapViewport& vp) const
{
    std::vector<QPointF> out;
    const QRectF visible = vp.visibleWorld();
    for (int k = static_cast<int>(std::floor(visible.left())) - 1;
         k <= static_cast<int>(std::floor(visible.right())) + 1; ++k) {
        const QPointF s = vp.worldToScreen({w.x + k, w.y});
        if (s.x() >= -200 && s.x() <= vp.size().width() + 200) {
            out.push_back(s);
        }
    }
    return out;
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
    for (int k = static_cast<int>(std::floor(visible.left()));
         k <= static_cast<int>(std::floor(visible.right())); ++k) {
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
    // The scenario's places first, so their labels win the space.
    for (const auto& place : m_scene.namedPlaces) {
        for (const QPointF s : screenCopies(geo::project(place.position), vp)) {
            p.setPen(QPen(style::kPlaceOutline, 1.2));
            p.setBrush(style::kPlace);
            p.drawRect(QRectF(s.x() - 3.5, s.y() - 3.5, 7, 7));
            const QString label = style::shortPlaceName(place.name);
            const QRectF r = fm.boundingRect(label).translated(s + QPointF(7, 4));
            if (z >= 4.0 && std::none_of(placedLabels.begin(), placedLabels.end(),
                                         [&](const QRectF& o) { return o.intersects(r); })) {
                style::drawHaloText(p, r.bottomLeft() - QPointF(0, fm.descent()), label,
                                    style::kPlaceText);
                placedLabels.push_back(r);
            }
        }
    }
    p.setPen(QPen(style::kPortOutline, 0.8));
    p.setBrush(style::kPort);
    for (const auto& port : m_scene.ports) {
        if (z < minZoomFor(port.harborSize)) {
            continue;
        }
        for (const QPointF s : screenCopies(geo::project(port.position), vp)) {
            if (!screen.contains(s)) {
                continue;
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
        }
    }
}

void MapRenderer::paintTracks(QPainter& p, const MapViewport& vp) const
{
    for (const MapTrack& track : m_scene.tracks) {
        if (track.points.empty()) {
            continue;
        }
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
        }
        const QRectF visible = vp.visibleWorld();
        const int kMin = static_cast<int>(std::floor(visible.left())) - 1;
        const int kMax = static_cast<int>(std::floor(visible.right())) + 1;
        for (int k = kMin; k <= kMax; ++k) {
            for (std::size_t i = 1; i < w.size(); ++i) {
                const bool observed =
                    track.points[i - 1].provenance == model::Provenance::Observed &&
                    track.points[i].provenance == model::Provenance::Observed;
                QPen pen(observed ? track.color : style::reconstructed(track.color),
                         observed ? 2.2 : 1.8, observed ? Qt::SolidLine : Qt::DashLine);
                pen.setCapStyle(Qt::RoundCap);
                p.setPen(pen);
                p.drawLine(vp.worldToScreen({w[i - 1].x + k, w[i - 1].y}),
                           vp.worldToScreen({w[i].x + k, w[i].y}));
            }
            p.setPen(QPen(Qt::white, 1.2));
            p.setBrush(track.color);
            for (std::size_t i = 0; i < w.size(); ++i) {
                p.drawEllipse(vp.worldToScreen({w[i].x + k, w[i].y}), 3.5, 3.5);
            }
        }
    }
}

void MapRenderer::paintEvents(QPainter& p, const MapViewport& vp) const
{
    const model::Event* seizure = nullptr;
    for (const auto& e : m_scene.events) {
        if (!e.position || !e.shipEvent) {
            continue;
        }
        if (e.kind == model::EventKind::Seizure) {
            seizure = &e;
            continue;
        }
        for (const QPointF s : screenCopies(geo::project(*e.position), vp)) {
            style::drawEventGlyph(p, s, e.kind);
        }
    }
    if (seizure != nullptr) {
        for (const QPointF s : screenCopies(geo::project(*seizure->position), vp)) {
            style::drawSeizureMarker(p, s,
                                     QStringLiteral("Seized — %1, %2")
                                         .arg(model::formatTimeSpan(seizure->time),
                                              style::shortPlaceName(seizure->place)),
                                     vp.size());
        }
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
    bool anyReconstructed = false;
    for (const auto& t : m_scene.tracks) {
        for (const auto& pt : t.points) {
            anyReconstructed |= pt.provenance != model::Provenance::Observed;
        }
    }
    if (anyReconstructed) {
        style::drawLegend(p, vp.size());
    }
}

std::optional<MapHit> MapRenderer::hitTest(QPointF screen, const MapViewport& vp) const
{
    constexpr double kRadiusPx = 8.0;
    auto near = [&](const model::LatLon& pos) {
        for (const QPointF s : screenCopies(geo::project(pos), vp)) {
            if (std::hypot(s.x() - screen.x(), s.y() - screen.y()) <= kRadiusPx) {
                return true;
            }
        }
        return false;
    };
    // Topmost first: the seizure, other events, the scenario's places, ports.
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < m_scene.events.size(); ++i) {
            const auto& e = m_scene.events[i];
            const bool isSeizure = e.kind == model::EventKind::Seizure;
            if (e.position && e.shipEvent && (pass == 0) == isSeizure && near(*e.position)) {
                return MapHit{MapHit::Kind::Event, i,
                              QStringLiteral("%1 — %2\n%3")
                                  .arg(model::formatTimeSpan(e.time), e.title,
                                       model::toString(e.attribution.confidence) +
                                           QStringLiteral(" confidence"))};
            }
        }
    }
    for (std::size_t i = 0; i < m_scene.namedPlaces.size(); ++i) {
        if (near(m_scene.namedPlaces[i].position)) {
            return MapHit{MapHit::Kind::Port, m_scene.ports.size() + i,
                          m_scene.namedPlaces[i].name};
        }
    }
    for (std::size_t i = 0; i < m_scene.ports.size(); ++i) {
        const auto& port = m_scene.ports[i];
        if (near(port.position)) {
            return MapHit{MapHit::Kind::Port, i,
                          port.locode.isEmpty()
                              ? port.name
                              : port.name + QStringLiteral(" (") + port.locode + ')'};
        }
    }
    return std::nullopt;
}

} // namespace wake::ui
