#include "ui/map/map_widget.h"

#include "core/geo/geodesy.h"
#include "ui/map/map_accessible.h"
#include "ui/map/map_style.h"

#include <QAccessible>
#include <QCoreApplication>
#include <QDir>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QSettings>
#include <QStandardPaths>
#include <QToolTip>
#include <QWheelEvent>

namespace wake::ui {

MapWidget::MapWidget(QWidget* parent) : QWidget(parent)
{
    // Before anything asks for the map's accessible interface: setting its
    // name below does, and Qt caches the first one made.
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(mapAccessibleFactory);
        return true;
    }();
    Q_UNUSED(factoryInstalled);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(320, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Map"));
    setAccessibleDescription(
        tr("Ships and events in view are its items; arrow keys pan, + and - zoom, F frames"));
    m_pool.setMaxThreadCount(1);
}

void MapWidget::setViewport(const MapViewport& viewport)
{
    m_viewport = viewport;
    m_viewport.setSize(size());
    update();
}

void MapWidget::fitBounds(const model::LatLon& southWest, const model::LatLon& northEast)
{
    m_fitBounds = std::make_pair(southWest, northEast);
    m_viewport.setSize(size());
    m_viewport.fit(southWest, northEast);
    update();
}

void MapWidget::setScene(MapScene scene)
{
    m_renderer.setScene(std::move(scene));
    update();
}

void MapWidget::setTime(std::optional<std::int64_t> timeUtcMs)
{
    m_renderer.setTime(timeUtcMs);
    update();
}

void MapWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const StaticLayers layers = m_renderer.staticLayers();
    const qreal dpr = devicePixelRatioF();
    if (!layers.isOpaque()) {
        p.fillRect(rect(), m_renderer.isDark() ? style::darkPalette().sea : style::kSea);
        if (m_osm && !m_osm->covers(m_viewport)) {
            // Tiles missing (offline, or still coming): the vector map under them.
            m_renderer.paintVectorBasemap(p, m_viewport);
        }
        if (m_osm) {
            m_osm->paint(p, m_viewport);
        }
    }
    auto drawn = m_cache.draw(p, m_viewport, layers, dpr);
    if (drawn == MapLayerCache::DrawResult::Missing) {
        // The very first frame has nothing to preview: render it here.
        m_cache.store(MapLayerCache::render(layers, m_viewport, dpr));
        drawn = m_cache.draw(p, m_viewport, layers, dpr);
    }
    if (drawn == MapLayerCache::DrawResult::Stale || m_cache.nearEdge(m_viewport)) {
        requestBufferedLayers();
    }
    if (m_seamarks) {
        m_seamarks->paint(p, m_viewport);
    }
    m_renderer.paintDynamic(p, m_viewport);
    paintSketch(p);
    paintMeasure(p);
    if (!m_framePainted) {
        m_framePainted = true;
        Q_EMIT firstFramePainted();
    }
}

QString MapWidget::onlineCacheFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("tiles"));
}

void MapWidget::setOnlineLayers(bool openStreetMap, bool seamarks)
{
    // One layer on or off: made from its settings key when turned on.
    auto toggle = [this](std::unique_ptr<OnlineTileLayer>& layer, bool on, const QString& urlKey,
                         const QString& defaultUrl, const QString& credit) {
        if (!on) {
            layer.reset();
            return;
        }
        if (!layer) {
            layer = std::make_unique<OnlineTileLayer>(
                QSettings().value(urlKey, defaultUrl).toString(), credit, onlineCacheFolder());
            connect(layer.get(), &OnlineTileLayer::tileArrived, this,
                    qOverload<>(&QWidget::update));
        }
    };
    toggle(m_osm, openStreetMap, QStringLiteral("map/online/openStreetMapUrl"),
           QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
           QStringLiteral("© OpenStreetMap contributors"));
    toggle(m_seamarks, seamarks, QStringLiteral("map/online/seamarksUrl"),
           QStringLiteral("https://tiles.openseamap.org/seamark/{z}/{x}/{y}.png"),
           QStringLiteral("Seamarks © OpenSeaMap"));
    QStringList credits;
    if (m_osm) {
        credits << m_osm->credit();
    }
    if (m_seamarks) {
        credits << m_seamarks->credit();
    }
    // The online map replaces the vector land and sea under the tracks.
    m_renderer.setLayerVisible(MapLayer::Basemap, !m_osm);
    m_renderer.setExtraCredits(credits);
    requestBufferedLayers();
    update();
}

void MapWidget::requestBufferedLayers()
{
    if (m_refreshRunning) {
        m_refreshPending = true; // one more when this one is done, for the latest view
        return;
    }
    m_refreshRunning = true;
    m_pool.start([this, layers = m_renderer.staticLayers(), vp = m_viewport,
                  dpr = devicePixelRatioF()] {
        auto picture = MapLayerCache::render(layers, vp, dpr);
        QMetaObject::invokeMethod(
            this, [this, p = std::move(picture)]() mutable { bufferedLayersReady(std::move(p)); },
            Qt::QueuedConnection);
    });
}

void MapWidget::bufferedLayersReady(MapLayerCache::Picture picture)
{
    m_refreshRunning = false;
    m_cache.store(std::move(picture));
    if (m_refreshPending) {
        m_refreshPending = false;
        requestBufferedLayers();
    }
    update();
}

void MapWidget::waitForBufferedLayers()
{
    while (m_refreshRunning) {
        m_pool.waitForDone();
        QCoreApplication::sendPostedEvents(this);
    }
}

void MapWidget::resizeEvent(QResizeEvent*)
{
    m_viewport.setSize(size());
    if (m_fitBounds) {
        m_viewport.fit(m_fitBounds->first, m_fitBounds->second);
    }
}

void MapWidget::wheelEvent(QWheelEvent* event)
{
    // One wheel notch is half a zoom level; touchpads send smaller steps.
    m_fitBounds.reset();
    m_viewport.zoomAbout(event->position(), event->angleDelta().y() / 240.0);
    update();
    event->accept();
}

void MapWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        return;
    }
    m_pressPos = m_lastPos = event->position();
    if (m_sketch && m_sketch->shape() == AreaSketch::Shape::Box) {
        m_sketch->begin(latLonAt(event->position()));
        update();
        return; // the drag draws the box
    }
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
}

void MapWidget::mouseMoveEvent(QMouseEvent* event)
{
    const auto ll = latLonAt(event->position());
    Q_EMIT cursorMoved(ll.latDeg, geo::wrapLongitude(ll.lonDeg));
    if (m_dragging) {
        m_fitBounds.reset();
        m_viewport.panByPixels(event->position() - m_lastPos);
        m_lastPos = event->position();
        update();
        return;
    }
    if (m_sketch) {
        m_sketch->hover(ll);
        update();
        return;
    }
    if (m_measure.active && m_measure.from) {
        m_measure.to = ll;
        update();
        return;
    }
    if (const auto hit = m_renderer.hitTest(event->position(), m_viewport)) {
        QToolTip::showText(event->globalPosition().toPoint(), hit->text, this);
        setCursor(Qt::PointingHandCursor);
    } else {
        QToolTip::hideText();
        unsetCursor();
    }
}

void MapWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        return;
    }
    const bool wasDragging = m_dragging;
    m_dragging = false;
    const QPointF moved = event->position() - m_pressPos;
    const bool isClick = moved.manhattanLength() < 4;
    if (m_sketch) {
        setCursor(Qt::CrossCursor);
        if (m_sketch->shape() == AreaSketch::Shape::Box) {
            if (!isClick) {
                m_sketch->click(latLonAt(event->position()));
                finishSketch();
            }
        } else if (isClick || !wasDragging) {
            m_sketch->click(latLonAt(event->position()));
        }
        update();
        return;
    }
    if (m_measure.active) {
        setCursor(Qt::CrossCursor);
        if (isClick) {
            const auto at = latLonAt(event->position());
            if (!m_measure.from) {
                m_measure.from = at;
            } else {
                m_measure.to = at;
                m_measure.active = false;
                unsetCursor();
            }
            update();
        }
        return;
    }
    unsetCursor();
    if (isClick) {
        if (const auto hit = m_renderer.hitTest(event->position(), m_viewport); hit) {
            activate(*hit);
        }
    }
}

void MapWidget::startMeasure()
{
    m_measure = Measure{true, std::nullopt, std::nullopt};
    setCursor(Qt::CrossCursor);
    setFocus(Qt::OtherFocusReason);
    update();
}

std::optional<std::pair<double, double>> MapWidget::measured() const
{
    if (!m_measure.from || !m_measure.to) {
        return std::nullopt;
    }
    model::LatLon to = *m_measure.to;
    to.lonDeg = geo::wrapLongitude(to.lonDeg);
    model::LatLon from = *m_measure.from;
    from.lonDeg = geo::wrapLongitude(from.lonDeg);
    return std::pair{geo::distanceM(from, to) / geo::kMetresPerNauticalMile,
                     geo::initialBearingDeg(from, to)};
}

void MapWidget::paintMeasure(QPainter& p) const
{
    const auto m = measured();
    if (!m) {
        return;
    }
    const QPointF a = m_viewport.worldToScreen(geo::project(*m_measure.from));
    const QPointF b = m_viewport.worldToScreen(geo::project(*m_measure.to));
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(style::okabe_ito::kBlack, 1.5, Qt::DashLine));
    p.drawLine(a, b);
    p.setBrush(style::okabe_ito::kBlack);
    p.drawEllipse(a, 2.5, 2.5);
    p.drawEllipse(b, 2.5, 2.5);
    p.setFont(style::labelFont(9, true));
    style::drawHaloText(
        p, (a + b) / 2.0 + QPointF(6, -6),
        QStringLiteral("%1 nm, %2°")
            .arg(m->first, 0, 'f', m->first < 10 ? 2 : 1)
            .arg(std::fmod(std::round(m->second) + 360.0, 360.0), 3, 'f', 0, QLatin1Char('0')),
        style::okabe_ito::kBlack);
    p.restore();
}

model::LatLon MapWidget::latLonAt(QPointF screen) const
{
    return geo::unproject(m_viewport.screenToWorld(screen));
}

void MapWidget::startSketch(AreaSketch::Shape shape)
{
    m_sketch.emplace(shape);
    setCursor(Qt::CrossCursor);
    setFocus(Qt::OtherFocusReason);
    update();
}

void MapWidget::cancelSketch()
{
    if (!m_sketch) {
        return;
    }
    m_sketch.reset();
    unsetCursor();
    update();
    Q_EMIT sketchCancelled();
}

void MapWidget::finishSketch()
{
    if (!m_sketch) {
        return;
    }
    auto area = m_sketch->area();
    if (!area) {
        return; // not a shape yet: keep drawing
    }
    m_sketch.reset();
    unsetCursor();
    update();
    Q_EMIT areaSketched(*area);
}

void MapWidget::paintSketch(QPainter& p) const
{
    if (!m_sketch) {
        return;
    }
    const auto outline = m_sketch->outline();
    QPolygonF screen;
    for (const model::LatLon& ll : outline) {
        screen << m_viewport.worldToScreen(geo::project(ll));
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(style::okabe_ito::kBlue, 2.0, Qt::DashLine);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(screen);
    p.setBrush(style::okabe_ito::kBlue);
    for (const QPointF& v : screen) {
        p.drawEllipse(v, 3.0, 3.0);
    }
    p.restore();
}

void MapWidget::activate(const MapHit& hit)
{
    const MapScene& scene = m_renderer.scene();
    if (hit.kind == MapHit::Kind::Event && hit.index < scene.events.size()) {
        Q_EMIT eventClicked(scene.events[hit.index].id);
    } else if (hit.kind == MapHit::Kind::Vessel && hit.index < scene.tracks.size()) {
        Q_EMIT vesselClicked(scene.tracks[hit.index].vesselId);
    } else if (hit.kind == MapHit::Kind::Traffic &&
               hit.index < m_renderer.traffic().targets().size()) {
        Q_EMIT vesselClicked(m_renderer.traffic().targets()[hit.index].vesselId);
    } else if (hit.kind == MapHit::Kind::Port && hit.index < scene.ports.size()) {
        Q_EMIT portClicked(scene.ports[hit.index].name, scene.ports[hit.index].locode);
    } else if (hit.kind == MapHit::Kind::Place && hit.index < scene.namedPlaces.size()) {
        Q_EMIT portClicked(scene.namedPlaces[hit.index].name, scene.namedPlaces[hit.index].locode);
    }
}

void MapWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_sketch) {
        if (m_sketch->shape() == AreaSketch::Shape::Polygon) {
            m_sketch->click(latLonAt(event->position()));
            finishSketch();
        }
        return;
    }
    m_fitBounds.reset();
    m_viewport.zoomAbout(event->position(), event->button() == Qt::RightButton ? -1.0 : 1.0);
    update();
}

void MapWidget::keyPressEvent(QKeyEvent* event)
{
    const QPointF centre(width() / 2.0, height() / 2.0);
    constexpr double kPanPx = 120.0;
    if (event->key() == Qt::Key_Escape && (m_measure.active || m_measure.from)) {
        m_measure = Measure{};
        unsetCursor();
        update();
        return;
    }
    if (m_sketch) {
        switch (event->key()) {
        case Qt::Key_Escape:
            cancelSketch();
            return;
        case Qt::Key_Backspace:
            m_sketch->undo();
            update();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            finishSketch();
            return;
        default:
            break;
        }
    }
    if (event->key() != Qt::Key_F) {
        m_fitBounds.reset();
    }
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_viewport.zoomAbout(centre, 1.0);
        break;
    case Qt::Key_Minus:
        m_viewport.zoomAbout(centre, -1.0);
        break;
    case Qt::Key_Left:
        m_viewport.panByPixels({kPanPx, 0});
        break;
    case Qt::Key_Right:
        m_viewport.panByPixels({-kPanPx, 0});
        break;
    case Qt::Key_Up:
        m_viewport.panByPixels({0, kPanPx});
        break;
    case Qt::Key_Down:
        m_viewport.panByPixels({0, -kPanPx});
        break;
    case Qt::Key_F:
        Q_EMIT fitRequested();
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
}

} // namespace wake::ui
