#include "ui/map/map_scene_loader.h"

#include "core/analysis/dark_period_envelopes.h"
#include "core/analysis/position_jumps.h"
#include "core/analysis/rules_settings.h"
#include "core/geo/sea_route.h"
#include "core/lists/list_library.h"
#include "core/reference/port_index.h"
#include "core/replay/replay_span.h"
#include "ui/map/map_style.h"

#include <algorithm>
#include <limits>

namespace wake::ui {

namespace {

// Position jumps are drawn as excluded: their fix leaves the line (the jump
// event keeps its glyph where the bad fix was). Only AIS fixes are judged;
// a scenario's reported and reconstructed points are left as they are.
std::vector<model::TrackPoint> withoutPositionJumps(std::vector<model::TrackPoint> points,
                                                    const analysis::JumpRules& rules)
{
    const bool allObserved = std::all_of(points.begin(), points.end(), [](const auto& p) {
        return p.provenance == model::Provenance::Observed;
    });
    if (!allObserved) {
        return points;
    }
    const auto jumps = analysis::findPositionJumps(points, rules);
    return jumps.empty() ? points : analysis::withoutJumps(points, jumps);
}

} // namespace

namespace {

// At most this many other vessels: enough for a busy harbour, and the map
// stays within its frame budget.
constexpr std::int64_t kMaxOtherVessels = 2000;

// The other vessels with positions while the selected one has its track, so
// the map shows the traffic around it and any of them can be clicked.
Status addOtherVessels(store::Database& db, MapScene& scene, const analysis::JumpRules& jumps,
                       const lists::ListMatcher& matcher)
{
    const MapTrack& focus = scene.tracks.front();
    if (focus.points.empty()) {
        return {};
    }
    const std::int64_t from = focus.points.front().timeUtcMs;
    const std::int64_t to = focus.points.back().timeUtcMs;
    auto ids = db.vesselsWithTrackIn(from, to, kMaxOtherVessels + 1);
    if (!ids) {
        return ids.error();
    }
    for (const model::VesselId id : *ids) {
        if (id == focus.vesselId) {
            continue;
        }
        auto vessel = db.vessel(id);
        auto track = db.track(id, from, to);
        if (!vessel || !track) {
            return vessel ? track.error() : vessel.error();
        }
        MapTrack t;
        t.vesselId = id;
        t.color = style::kOtherTrack;
        if (vessel->has_value()) {
            t.name = (*vessel)->displayName();
            t.aisShipType = (*vessel)->aisShipType;
            t.listed = !matcher.match(**vessel).empty();
        }
        t.points = withoutPositionJumps(std::move(track).value(), jumps);
        scene.tracks.push_back(std::move(t));
    }
    return {};
}

} // namespace

Result<MapScene> loadMapScene(store::Database& db, std::optional<model::VesselId> vesselId,
                              const reference::PortIndex* ports)
{
    MapScene scene;
    if (ports != nullptr) {
        scene.ports = ports->ports();
    }
    auto places = db.listPorts();
    if (!places) {
        return places.error();
    }
    scene.namedPlaces = std::move(places).value();
    // Where ships stop, as the last analysis learned it.
    auto learned = db.learnedPlaces();
    if (!learned) {
        return learned.error();
    }
    for (places::LearnedPlace& p : *learned) {
        scene.learnedPlaces.push_back(std::move(p.port));
    }
    auto areas = db.areas();
    if (!areas) {
        return areas.error();
    }
    scene.areas = std::move(areas).value();
    if (!vesselId) {
        return scene;
    }
    auto vessel = db.vessel(*vesselId);
    if (!vessel) {
        return vessel.error();
    }
    if (!vessel->has_value()) {
        return scene;
    }
    auto track = db.track(*vesselId, std::numeric_limits<std::int64_t>::min(),
                          std::numeric_limits<std::int64_t>::max());
    if (!track) {
        return track.error();
    }
    return loadMapScene(db, **vessel, std::move(track).value(), ports);
}

Result<MapScene> loadMapScene(store::Database& db, const model::Vessel& vessel,
                              std::vector<model::TrackPoint> track,
                              const reference::PortIndex* ports, const lists::ListMatcher* matcher)
{
    std::optional<lists::ListMatcher> own;
    if (matcher == nullptr) {
        auto loaded = lists::loadedMatcher(db);
        if (!loaded) {
            return loaded.error();
        }
        own = std::move(loaded).value();
        matcher = &*own;
    }
    auto scene = loadMapScene(db, std::nullopt, ports);
    if (!scene) {
        return scene;
    }
    MapTrack t;
    t.vesselId = vessel.id;
    t.name = vessel.displayName();
    t.color = style::kTrack;
    t.aisShipType = vessel.aisShipType;
    t.listed = !matcher->match(vessel).empty();
    // The saved rules are read once for every track of the scene.
    const analysis::JumpRules jumps = analysis::loadSavedRules().jumps;
    t.points = withoutPositionJumps(std::move(track), jumps);
    scene->tracks.push_back(std::move(t));
    scene->focusTrack = 0;
    if (Status s = addOtherVessels(db, *scene, jumps, *matcher); !s) {
        return s.error();
    }
    auto events = db.events(store::EventFilter::forVessel(vessel.id));
    if (!events) {
        return events.error();
    }
    scene->events = std::move(events).value();
    // A scenario's dark periods: where the ship could have been, at the
    // service speed a source gives, from the places reported.
    if (ports != nullptr) {
        for (const model::VesselFact& f : vessel.facts) {
            if (f.key == QLatin1String("service_speed_kn") && f.value) {
                if (const auto knots = analysis::leadingNumber(*f.value)) {
                    scene->darkPeriods = analysis::darkPeriodGaps(
                        scene->events, scene->tracks.front().points, *knots, *ports, 25,
                        geo::SeaRouter::shared().get());
                }
            }
        }
    }
    return scene;
}

namespace {

std::optional<model::Voyage> defaultVoyage(store::Database& db, model::VesselId vesselId)
{
    auto voyages = db.voyages(vesselId);
    if (!voyages || voyages->empty()) {
        return std::nullopt;
    }
    const auto def = std::find_if(voyages->begin(), voyages->end(),
                                  [](const model::Voyage& v) { return v.isDefault; });
    return def != voyages->end() ? *def : voyages->front();
}

} // namespace

std::optional<std::int64_t> defaultReplayTime(store::Database& db, model::VesselId vesselId)
{
    const auto voyage = defaultVoyage(db, vesselId);
    auto track = db.track(vesselId, std::numeric_limits<std::int64_t>::min(),
                          std::numeric_limits<std::int64_t>::max());
    if (!track || track->empty()) {
        return std::nullopt;
    }
    // The window's rule (replay/replay_span.h): the first fix of the span, so
    // a picture of the start shows the ship.
    const auto span = replay::replaySpan(*track, voyage ? &*voyage : nullptr, {});
    return std::clamp(span->openUtcMs, track->front().timeUtcMs, track->back().timeUtcMs);
}

namespace {

Result<std::vector<model::TrackPoint>> defaultVoyageTrack(store::Database& db,
                                                          model::VesselId vesselId)
{
    std::int64_t from = std::numeric_limits<std::int64_t>::min();
    std::int64_t to = std::numeric_limits<std::int64_t>::max();
    if (const auto v = defaultVoyage(db, vesselId)) {
        if (v->departure) {
            from = v->departure->startUtcMs;
        }
        if (v->arrival) {
            to = v->arrival->endUtcMs;
        }
    }
    return db.track(vesselId, from, to);
}

} // namespace

std::optional<std::pair<std::int64_t, std::int64_t>> defaultVoyageSpan(store::Database& db,
                                                                       model::VesselId vesselId)
{
    auto track = defaultVoyageTrack(db, vesselId);
    if (!track || track->size() < 2) {
        return std::nullopt;
    }
    return std::make_pair(track->front().timeUtcMs, track->back().timeUtcMs);
}

std::optional<std::pair<model::LatLon, model::LatLon>> defaultVoyageBounds(store::Database& db,
                                                                           model::VesselId vesselId)
{
    auto track = defaultVoyageTrack(db, vesselId);
    if (!track || track->empty()) {
        return std::nullopt;
    }
    double south = 90, north = -90, west = 180, east = -180;
    for (const auto& p : *track) {
        south = std::min(south, p.latDeg);
        north = std::max(north, p.latDeg);
        west = std::min(west, p.lonDeg);
        east = std::max(east, p.lonDeg);
    }
    // Sea around the voyage: a quarter of its size, at least two degrees.
    const double padLat = std::max(2.0, (north - south) / 4);
    const double padLon = std::max(2.0, (east - west) / 4);
    return std::make_pair(
        model::LatLon{std::max(-85.0, south - padLat), std::max(-180.0, west - padLon)},
        model::LatLon{std::min(85.0, north + padLat), std::min(180.0, east + padLon)});
}

} // namespace wake::ui
