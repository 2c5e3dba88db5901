#include "ui/map/map_items.h"

#include "core/replay/track_sampler.h"
#include "ui/map/map_glyphs.h"
#include "ui/map/map_scene_data.h"
#include "ui/map/map_viewport.h"
#include "ui/map/world_copies.h"

#include <QRectF>

namespace wake::ui {

namespace {

// The copy of the world nearest the view's centre that is inside the view.
std::optional<QPointF> onScreen(geo::WorldPoint w, const MapViewport& vp)
{
    const QRectF view(QPointF(0, 0), vp.size());
    std::optional<QPointF> best;
    forEachScreenCopy(w, vp, copyRange(vp), [&](QPointF s) {
        if (view.contains(s) && (!best || std::abs(s.x() - view.center().x()) <
                                              std::abs(best->x() - view.center().x()))) {
            best = s;
        }
    });
    return best;
}

QString courseText(std::optional<double> courseDeg)
{
    return courseDeg ? QStringLiteral(", course %1°").arg(std::lround(*courseDeg) % 360)
                     : QString();
}

} // namespace

std::vector<MapItem> selectableItems(const MapRenderer& renderer, const MapViewport& vp,
                                     std::size_t limit)
{
    std::vector<MapItem> items;
    const MapScene& scene = renderer.scene();
    const MapSceneData& data = renderer.sceneData();
    const auto time = renderer.time();
    const bool vessels = time && renderer.isLayerVisible(MapLayer::Vessels);
    if (vessels) {
        for (std::size_t t = 0; t < scene.tracks.size() && items.size() < limit; ++t) {
            const auto state = replay::sampleTrack(scene.tracks[t].points, *time);
            if (!state) {
                continue;
            }
            if (const auto at = onScreen(geo::project(state->position), vp)) {
                const MapTrack& track = scene.tracks[t];
                items.push_back(
                    {MapHit::Kind::Vessel, t, *at,
                     track.name.isEmpty() ? QStringLiteral("Vessel without a name") : track.name,
                     QStringLiteral("%1, %2 position%3%4")
                         .arg(style::shipClassName(style::shipClass(track.aisShipType)),
                              QString::fromLatin1(model::toString(state->provenance)),
                              courseText(state->courseDeg),
                              track.listed ? QStringLiteral(", on a sanctions or watch list")
                                           : QString())});
            }
        }
    }
    if (renderer.isLayerVisible(MapLayer::Events)) {
        for (std::size_t i = 0; i < scene.events.size() && items.size() < limit; ++i) {
            if (!data.events[i]) {
                continue;
            }
            if (const auto at = onScreen(*data.events[i], vp)) {
                const model::Event& e = scene.events[i];
                items.push_back({MapHit::Kind::Event, i, *at,
                                 QStringLiteral("%1: %2").arg(model::displayName(e.kind), e.title),
                                 QStringLiteral("%1 · %2 confidence")
                                     .arg(model::formatTimeSpan(e.time),
                                          model::toString(e.attribution.confidence))});
            }
        }
    }
    if (time && renderer.isLayerVisible(MapLayer::Vessels)) {
        const auto& targets = renderer.traffic().targets();
        for (const auto& [at, i] : renderer.traffic().onScreen(vp, 0.0)) {
            if (items.size() >= limit) {
                break;
            }
            const TrafficTarget& t = targets[i];
            items.push_back(
                {MapHit::Kind::Traffic, i, at, t.label(),
                 QStringLiteral("%1%2").arg(style::shipClassName(style::shipClass(t.aisShipType)),
                                            courseText(t.courseDeg))});
        }
    }
    return items;
}

} // namespace wake::ui
