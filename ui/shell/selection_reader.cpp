#include "ui/shell/selection_reader.h"

#include "core/investigate/profile_text.h"
#include "core/investigate/same_hull.h"
#include "core/lists/list_library.h"
#include "ui/map/map_scene_loader.h"

#include <algorithm>
#include <limits>
#include <set>

namespace wake::ui {

Result<std::optional<VesselSelection>> readSelection(store::Database& db, model::VesselId id,
                                                     const reference::PortIndex* ports)
{
    auto vessel = db.vessel(id);
    if (!vessel) {
        return vessel.error();
    }
    if (!vessel->has_value()) {
        return std::optional<VesselSelection>();
    }
    VesselSelection s;
    s.vessel = std::move(**vessel);
    auto track = db.track(id, std::numeric_limits<std::int64_t>::min(),
                          std::numeric_limits<std::int64_t>::max());
    if (!track) {
        return track.error();
    }
    auto matcher = lists::loadedMatcher(db);
    if (!matcher) {
        return matcher.error();
    }
    s.listMatches = matcher->match(s.vessel);
    auto profile =
        investigate::buildProfile(db, s.vessel, *track, std::nullopt, std::nullopt, *matcher);
    if (!profile) {
        return profile.error();
    }
    s.behaviour = investigate::profileLines(*profile);
    auto notes = db.caseNotes(id);
    if (!notes) {
        return notes.error();
    }
    s.notes = std::move(notes).value();
    auto scene = loadMapScene(db, s.vessel, std::move(track).value(), ports, &*matcher);
    if (!scene) {
        return scene.error();
    }
    s.scene = std::move(scene).value();
    auto voyages = db.voyages(id);
    if (!voyages) {
        return voyages.error();
    }
    s.voyages = std::move(voyages).value();
    std::stable_sort(
        s.voyages.begin(), s.voyages.end(),
        [](const model::Voyage& a, const model::Voyage& b) { return a.isDefault && !b.isDefault; });
    // The sources its facts and history cite, in their order (S2 before S10).
    std::set<QString> ids;
    for (const auto& f : s.vessel.facts) {
        ids.insert(f.attribution.sourceIds.begin(), f.attribution.sourceIds.end());
    }
    for (const auto& h : s.vessel.history) {
        ids.insert(h.sourceIds.begin(), h.sourceIds.end());
    }
    std::vector<QString> idList(ids.begin(), ids.end());
    std::sort(idList.begin(), idList.end(), [](const QString& a, const QString& b) {
        return a.mid(1).toInt() < b.mid(1).toInt();
    });
    auto sources = db.sources(idList);
    if (!sources) {
        return sources.error();
    }
    s.sources = std::move(sources).value();
    // Other ships heard on the same MMSI (told apart by their tracks).
    if (s.vessel.mmsi) {
        auto same = db.vesselsWithMmsi(*s.vessel.mmsi);
        if (!same) {
            return same.error();
        }
        if (same->size() > 1) {
            for (const model::VesselId other : *same) {
                auto o = db.vessel(other);
                if (!o) {
                    return o.error();
                }
                if (o->has_value()) {
                    s.sharing.push_back(std::move(**o));
                }
            }
        }
    }
    // The same hull under another MMSI: the same IMO number, or a track
    // that ended where and when this one began (or began where it ended).
    const auto& points = s.track();
    auto sameHull = investigate::sameHullOf(
        db, s.vessel, points.empty() ? std::nullopt : std::optional(points.front()),
        points.empty() ? std::nullopt : std::optional(points.back()));
    if (!sameHull) {
        return sameHull.error();
    }
    s.sameHull = std::move(sameHull).value();
    return std::optional<VesselSelection>(std::move(s));
}

} // namespace wake::ui
