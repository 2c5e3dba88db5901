#include "ui/map/map_scene_data.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace wake::ui {

std::shared_ptr<const MapSceneData> prepareMapScene(MapScene scene)
{
    auto data = std::make_shared<MapSceneData>();
    data->scene = std::move(scene);
    const MapScene& s = data->scene;
    data->ports.reserve(s.ports.size());
    for (const auto& port : s.ports) {
        data->ports.push_back(geo::project(port.position));
    }
    for (const auto& place : s.namedPlaces) {
        data->places.push_back(geo::project(place.position));
    }
    for (const auto& place : s.learnedPlaces) {
        data->learned.push_back(geo::project(place.position));
    }
    for (const auto& e : s.events) {
        data->events.push_back(e.position && e.shipEvent
                                   ? std::optional<geo::WorldPoint>(geo::project(*e.position))
                                   : std::nullopt);
    }
    std::set<model::VesselId> partners;
    for (const model::Event& e : s.events) {
        if (e.kind == model::EventKind::Encounter && e.otherVesselId) {
            partners.insert(*e.otherVesselId);
        }
    }
    for (std::size_t t = 0; t < s.tracks.size(); ++t) {
        data->trackRoles.push_back(s.focusTrack == t ? MapSceneData::TrackRole::Selected
                                   : partners.contains(s.tracks[t].vesselId)
                                       ? MapSceneData::TrackRole::Partner
                                       : MapSceneData::TrackRole::Other);
    }
    for (const auto role : {MapSceneData::TrackRole::Other, MapSceneData::TrackRole::Partner,
                            MapSceneData::TrackRole::Selected}) {
        for (std::size_t t = 0; t < s.tracks.size(); ++t) {
            if (data->trackRoles[t] == role) {
                data->trackPaintOrder.push_back(t);
            }
        }
    }
    data->gaps = gapOverlays(s.events);
    for (GapOverlay& g : gapOverlays(s.darkPeriods)) {
        data->gaps.push_back(std::move(g));
    }
    for (const model::Event& e : s.events) {
        if (e.kind != model::EventKind::Encounter || !e.position || !e.otherVesselId) {
            continue;
        }
        const std::int64_t middle = e.time.startUtcMs + (e.time.endUtcMs - e.time.startUtcMs) / 2;
        for (const MapTrack& t : s.tracks) {
            if (t.vesselId != *e.otherVesselId || t.points.empty()) {
                continue;
            }
            const auto it = std::lower_bound(
                t.points.begin(), t.points.end(), middle,
                [](const model::TrackPoint& p, std::int64_t time) { return p.timeUtcMs < time; });
            const model::TrackPoint& p = it == t.points.end() ? t.points.back() : *it;
            const geo::WorldPoint a = geo::project(*e.position);
            geo::WorldPoint b = geo::project({p.latDeg, p.lonDeg});
            b.x += std::round(a.x - b.x);
            data->encounterLinks.emplace_back(a, b);
        }
    }
    for (const MapTrack& track : s.tracks) {
        // Unwrap longitudes so a segment crossing +-180 takes the short way and
        // continues into the next copy of the world instead of crossing the map.
        std::vector<geo::WorldPoint> w;
        std::vector<bool> observed;
        std::vector<std::uint32_t> reported;
        w.reserve(track.points.size());
        observed.reserve(track.points.size());
        for (std::size_t i = 0; i < track.points.size(); ++i) {
            const model::TrackPoint& pt = track.points[i];
            geo::WorldPoint q = geo::project({pt.latDeg, pt.lonDeg});
            if (!w.empty()) {
                q.x += std::round(w.back().x - q.x);
            }
            w.push_back(q);
            observed.push_back(i > 0 && pt.provenance == model::Provenance::Observed &&
                               track.points[i - 1].provenance == model::Provenance::Observed);
            if (pt.provenance == model::Provenance::Reported) {
                reported.push_back(static_cast<std::uint32_t>(i));
            }
            data->hasInferredSegments |= pt.provenance != model::Provenance::Observed;
        }
        data->tracks.push_back(std::make_unique<TrackLevels>(std::move(w), std::move(observed)));
        data->reportedFixes.push_back(std::move(reported));
    }
    return data;
}

} // namespace wake::ui
