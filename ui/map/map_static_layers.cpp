#include "ui/map/map_static_layers.h"

#include "core/geo/segment_clip.h"
#include "ui/map/coast_paths.h"
#include "ui/map/graticule.h"
#include "ui/map/map_style.h"
#include "ui/map/track_segment.h"
#include "ui/map/world_copies.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace wake::ui {

StaticLayers::StaticLayers(std::shared_ptr<const MapSceneData> data,
                           std::shared_ptr<const BasemapPaths> basemap, MapLayerSet visible)
    : m_data(std::move(data)), m_basemap(std::move(basemap)), m_visible(visible)
{}

QColor StaticLayers::seaColour() const
{
    return m_visible.dark() ? style::darkPalette().sea : style::lightPalette().sea;
}

void StaticLayers::paint(QPainter& p, const MapViewport& vp) const
{
    const style::UsePalette palette(m_visible.dark(), m_visible.textScale());
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    if (m_visible.contains(MapLayer::Basemap)) {
        p.fillRect(QRectF(QPointF(0, 0), vp.size()), style::palette().sea);
    } // else transparent: the widget puts the sea or an online map under it
    // Reachability envelopes go under the land, which hides their part ashore.
    if (m_data && m_visible.contains(MapLayer::Tracks)) {
        paintGapEnvelopes(p, vp, m_data->gaps);
    }
    if (m_basemap && m_visible.contains(MapLayer::Basemap)) {
        paintBasemap(p, vp);
    }
    if (m_visible.contains(MapLayer::Graticule)) {
        paintGraticuleLines(p, vp);
    }
    if (m_data && m_visible.contains(MapLayer::Ports)) {
        paintPorts(p, vp);
    }
    if (m_data) {
        paintTracks(p, vp);
        paintGapLines(p, vp, m_data->gaps);
        paintEncounterLinks(p, vp);
    }
    p.restore();
}

void StaticLayers::paintEncounterLinks(QPainter& p, const MapViewport& vp) const
{
    const CopyRange copies = copyRange(vp);
    p.save();
    p.setPen(QPen(QColor(0xc6, 0x28, 0x28), 2.2, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(QColor(0xc6, 0x28, 0x28));
    for (int k = copies.first; k <= copies.last; ++k) {
        for (const auto& [a, b] : m_data->encounterLinks) {
            const QPointF sa = vp.worldToScreen({a.x + k, a.y});
            const QPointF sb = vp.worldToScreen({b.x + k, b.y});
            p.drawLine(sa, sb);
            p.drawEllipse(sb, 3.5, 3.5);
        }
    }
    p.restore();
}

bool StaticLayers::drawsDetailedCoast(const MapViewport& vp)
{
    const auto coast = CoastPaths::shared();
    return coast && coast->coversView(vp);
}

bool StaticLayers::drawsHarbourPatch(const MapViewport& vp)
{
    const auto coast = CoastPaths::shared();
    return coast && coast->coversView(vp) && !coast->patchesInView(vp).empty();
}

void StaticLayers::paintDetailedCoast(QPainter& p, const MapViewport& vp) const
{
    const auto coast = CoastPaths::shared();
    const double s = vp.scale();
    const QPointF origin = vp.worldToScreen({0.0, 0.0});
    p.setTransform(QTransform(s, 0, 0, s, origin.x(), origin.y()));
    QPen shore(style::palette().coast, 0.8);
    shore.setCosmetic(true);
    std::vector<std::shared_ptr<const CoastTilePaths>> tiles;
    for (const auto& [lat, lon] : coast->tilesInView(vp)) {
        tiles.push_back(coast->paths(lat, lon));
    }
    // Land, then the lakes on it, the islands in those, the ponds on them.
    p.setPen(Qt::NoPen);
    for (const auto& paths : tiles) {
        for (int level = 1; level <= 4; ++level) {
            const QPainterPath& path = paths->byLevel[static_cast<std::size_t>(level)];
            if (!path.isEmpty()) {
                p.setBrush(geo::isWaterLevel(level) ? style::palette().sea : style::palette().land);
                p.drawPath(path);
            }
        }
    }
    // The shore on top, once the fills are down: tiles meet without seams.
    p.setBrush(Qt::NoBrush);
    p.setPen(shore);
    for (const auto& paths : tiles) {
        p.drawPath(paths->shore);
    }
    // Harbours GSHHG closes: OpenStreetMap's land within their boxes.
    for (const HarbourPatchPath* patch : coast->patchesInView(vp)) {
        p.save();
        p.setClipRect(patch->box);
        p.fillRect(patch->box, style::palette().sea);
        p.setPen(Qt::NoPen);
        p.setBrush(style::palette().land);
        p.drawPath(patch->land);
        p.setPen(shore);
        p.setBrush(Qt::NoBrush);
        p.drawPath(patch->shore);
        p.restore();
    }
    p.resetTransform();
}

void StaticLayers::paintBasemap(QPainter& p, const MapViewport& vp) const
{
    const bool detailed = drawsDetailedCoast(vp);
    if (detailed) {
        paintDetailedCoast(p, vp);
    }
    const BasemapPaths::Resolution& map = m_basemap->forZoom(vp.zoom());
    const QRectF visible = vp.visibleWorld();
    const double s = vp.scale();
    const CopyRange copies = copyRange(vp);
    for (int k = copies.first; k <= copies.last; ++k) {
        const QPointF origin = vp.worldToScreen({static_cast<double>(k), 0.0});
        p.setTransform(QTransform(s, 0, 0, s, origin.x(), origin.y()));
        const QRectF local = visible.translated(-k, 0);
        QPen coast(style::palette().coast, 0.8);
        coast.setCosmetic(true);
        p.setPen(coast);
        p.setBrush(style::palette().land);
        for (const auto& part : map.land) {
            if (!detailed && overlaps(part.bounds, local)) {
                p.drawPath(part.path);
            }
        }
        if (m_visible.contains(MapLayer::Borders)) {
            QPen border(style::palette().border, 0.7, Qt::DashLine);
            border.setCosmetic(true);
            p.setPen(border);
            p.setBrush(Qt::NoBrush);
            for (const auto& part : map.borders) {
                if (overlaps(part.bounds, local)) {
                    p.drawPath(part.path);
                }
            }
        }
    }
    p.resetTransform();
}

void StaticLayers::paintPorts(QPainter& p, const MapViewport& vp) const
{
    const MapScene& scene = m_data->scene;
    const double z = vp.zoom();
    const QRectF screen(QPointF(0, 0), vp.size());
    std::vector<QRectF> placedLabels; // labels never overlap: first placed wins
    p.setFont(style::labelFont(8));
    const QFontMetricsF fm(p.font());
    const CopyRange copies = copyRange(vp);
    auto isFree = [&](const QRectF& r) {
        return std::none_of(placedLabels.begin(), placedLabels.end(),
                            [&](const QRectF& o) { return o.intersects(r); });
    };
    // Learned places: a ring as large as the place, from harbour zoom on,
    // named when there is room.
    if (z >= 9.0) {
        for (std::size_t i = 0; i < scene.learnedPlaces.size(); ++i) {
            const model::Port& place = scene.learnedPlaces[i];
            const double radiusPx =
                std::max(5.0, place.radiusKm * 1000.0 /
                                  geo::metresPerWorldUnit(place.position.latDeg) * vp.scale());
            forEachScreenCopy(m_data->learned[i], vp, copies, [&](QPointF s) {
                if (!screen.adjusted(-radiusPx, -radiusPx, radiusPx, radiusPx).contains(s)) {
                    return;
                }
                QColor fill = style::kLearnedPlace;
                fill.setAlphaF(0.18F);
                p.setPen(QPen(style::kLearnedPlace, 1.6, Qt::DashLine));
                p.setBrush(fill);
                p.drawEllipse(s, radiusPx, radiusPx);
                if (z >= 11.0) {
                    const QString label = place.name;
                    const QRectF r =
                        fm.boundingRect(label).translated(s + QPointF(radiusPx + 3, 4));
                    if (isFree(r)) {
                        style::drawHaloText(p, r.bottomLeft() - QPointF(0, fm.descent()), label,
                                            style::kLearnedPlace.darker(160));
                        placedLabels.push_back(r);
                    }
                }
            });
        }
    }
    // The scenario's places first, so their labels win the space.
    p.setPen(QPen(style::palette().placeOutline, 1.2));
    p.setBrush(style::palette().place);
    for (std::size_t i = 0; i < scene.namedPlaces.size(); ++i) {
        const QString label = style::shortPlaceName(scene.namedPlaces[i].name);
        forEachScreenCopy(m_data->places[i], vp, copies, [&](QPointF s) {
            p.drawRect(QRectF(s.x() - 3.5, s.y() - 3.5, 7, 7));
            const QRectF r = fm.boundingRect(label).translated(s + QPointF(7, 4));
            if (z >= 4.0 && isFree(r)) {
                style::drawHaloText(p, r.bottomLeft() - QPointF(0, fm.descent()), label,
                                    style::palette().placeText);
                placedLabels.push_back(r);
            }
        });
    }
    p.setPen(QPen(style::palette().portOutline, 0.8));
    p.setBrush(style::palette().port);
    for (std::size_t i = 0; i < scene.ports.size(); ++i) {
        const model::Port& port = scene.ports[i];
        if (z < style::portMinZoom(port.harborSize)) {
            continue;
        }
        forEachScreenCopy(m_data->ports[i], vp, copies, [&](QPointF s) {
            if (!screen.contains(s)) {
                return;
            }
            p.drawEllipse(s, 2.2, 2.2);
            if (z >= style::portMinZoom(port.harborSize) + 1.5) {
                const QRectF r = fm.boundingRect(port.name).translated(s + QPointF(4, 3));
                if (isFree(r)) {
                    style::drawHaloText(p, r.bottomLeft() - QPointF(0, fm.descent()), port.name,
                                        style::palette().portText);
                    placedLabels.push_back(r);
                }
            }
        });
    }
}

void StaticLayers::paintTracks(QPainter& p, const MapViewport& vp) const
{
    // Each track is drawn from the simplification level of the zoom band, and
    // only the chunks that meet the view. Runs of segments inside the view are
    // polylines; a segment that leaves it is clipped (drawClippedSegment).
    constexpr double kMarginPx = 8.0;
    const geo::ClipRect clip = viewClip(vp, kMarginPx);
    const QRectF pointArea(QPointF(clip.xMin, clip.yMin), QPointF(clip.xMax, clip.yMax));
    const double marginWorld = kMarginPx / vp.scale();
    const QRectF visible =
        vp.visibleWorld().adjusted(-marginWorld, -marginWorld, marginWorld, marginWorld);
    const CopyRange copies = copyRange(vp);
    const int band = TrackLevels::bandForZoom(vp.zoom());
    const MapScene& scene = m_data->scene;
    QPolygonF run;
    const OtherTracks others = m_visible.otherTracks();
    for (const std::size_t t : m_data->trackPaintOrder) {
        // The selected track and its partners with the Tracks layer; the
        // others as View → Other vessels' tracks says, thin and pale unless
        // asked for in full.
        const auto role = m_data->trackRoles[t];
        const bool selectedOrPartner = role != MapSceneData::TrackRole::Other;
        if ((selectedOrPartner && !m_visible.contains(MapLayer::Tracks)) ||
            (!selectedOrPartner && others == OtherTracks::Hidden)) {
            continue;
        }
        const TrackLevels& levels = *m_data->tracks[t];
        const auto points = levels.points();
        QColor color =
            role == MapSceneData::TrackRole::Partner ? style::kPartnerTrack : scene.tracks[t].color;
        double width = 2.2;
        if (role == MapSceneData::TrackRole::Other) {
            const bool faint = others == OtherTracks::Faint;
            color.setAlpha(faint ? 0x38 : color.alpha());
            width = faint ? 1.0 : 1.6;
        }
        const QPen observedPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        QPen inferredPen(style::reconstructed(color), width * 0.8, Qt::DashLine, Qt::RoundCap,
                         Qt::RoundJoin);
        bool runObserved = true;
        auto flush = [&] {
            if (run.size() >= 2) {
                if (!runObserved) {
                    inferredPen.setDashOffset(0);
                }
                p.setPen(runObserved ? observedPen : inferredPen);
                p.drawPolyline(run);
            }
            run.clear();
        };
        for (int k = copies.first; k <= copies.last; ++k) {
            const QRectF local = visible.translated(-k, 0);
            if (levels.points().empty() || !overlaps(levels.bounds(), local)) {
                continue;
            }
            const TrackLevels::Level& level = levels.level(band);
            for (const TrackLevels::Chunk& chunk : level.chunks) {
                if (!overlaps(chunk.bounds, local)) {
                    continue;
                }
                for (std::uint32_t i = chunk.firstKept + 1; i <= chunk.lastKept; ++i) {
                    const std::uint32_t ia = level.kept[i - 1];
                    const std::uint32_t ib = level.kept[i];
                    const QPointF a = vp.worldToScreen({points[ia].x + k, points[ia].y});
                    const QPointF b = vp.worldToScreen({points[ib].x + k, points[ib].y});
                    const bool observed = levels.segmentObserved(ib);
                    const auto range = geo::clipSegment(a.x(), a.y(), b.x(), b.y(), clip);
                    if (!range) {
                        flush();
                        continue;
                    }
                    if (observed != runObserved) {
                        flush();
                        runObserved = observed;
                    }
                    if (range->t0 > 0.0 || range->t1 < 1.0) {
                        // A clipped piece stands alone.
                        flush();
                        drawClippedSegment(p, a, b, clip, observed, observedPen, inferredPen);
                        continue;
                    }
                    if (run.isEmpty()) {
                        run << a;
                    }
                    run << b;
                }
                flush();
            }
            // Reported fixes, the places a source put the ship, as dots.
            p.setPen(QPen(Qt::white, 1.2));
            p.setBrush(color);
            for (std::uint32_t i : m_data->reportedFixes[t]) {
                const QPointF s = vp.worldToScreen({points[i].x + k, points[i].y});
                if (pointArea.contains(s)) {
                    p.drawEllipse(s, 3.5, 3.5);
                }
            }
        }
    }
}

} // namespace wake::ui
