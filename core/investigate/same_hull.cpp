#include "core/investigate/same_hull.h"

#include <set>

namespace wake::investigate {

namespace {

// The vessels of the ends that meet some end of the other kind: the only
// ones whose static data the matching needs.
Result<std::map<model::VesselId, model::Vessel>>
vesselsOfMeetingEnds(store::Database& db, const std::vector<model::TrackPoint>& lastFixes,
                     const std::vector<model::TrackPoint>& firstFixes, const HandoverRules& rules)
{
    std::set<model::VesselId> ids;
    for (const model::TrackPoint& l : lastFixes) {
        for (const model::TrackPoint& f : firstFixes) {
            if (l.vesselId != f.vesselId && endsMeet(l, f, rules)) {
                ids.insert(l.vesselId);
                ids.insert(f.vesselId);
            }
        }
    }
    std::map<model::VesselId, model::Vessel> out;
    for (const model::VesselId id : ids) {
        auto v = db.vessel(id);
        if (!v) {
            return v.error();
        }
        if (v->has_value()) {
            out.emplace(id, std::move(**v));
        }
    }
    return out;
}

} // namespace

Result<std::vector<MmsiHandover>> handoversIn(store::Database& db, std::int64_t fromUtcMs,
                                              std::int64_t toUtcMs, const HandoverRules& rules)
{
    auto lasts = db.trackEndsIn(store::Database::TrackEnd::Last, fromUtcMs, toUtcMs);
    if (!lasts) {
        return lasts.error();
    }
    auto firsts = db.trackEndsIn(store::Database::TrackEnd::First, fromUtcMs, toUtcMs);
    if (!firsts) {
        return firsts.error();
    }
    auto vessels = vesselsOfMeetingEnds(db, *lasts, *firsts, rules);
    if (!vessels) {
        return vessels.error();
    }
    return findHandovers(*lasts, *firsts, *vessels, rules);
}

Result<std::vector<SameHull>> sameHullOf(store::Database& db, const model::Vessel& vessel,
                                         const std::optional<model::TrackPoint>& firstFix,
                                         const std::optional<model::TrackPoint>& lastFix,
                                         const HandoverRules& rules)
{
    std::vector<SameHull> out;
    std::set<model::VesselId> seen{vessel.id};
    // Each other vessel once, the first way it was found.
    auto add = [&](model::VesselId other, std::optional<MmsiHandover> handover) -> Status {
        if (!seen.insert(other).second) {
            return {};
        }
        auto o = db.vessel(other);
        if (!o) {
            return o.error();
        }
        if (o->has_value()) {
            out.push_back({std::move(**o), std::move(handover)});
        }
        return {};
    };
    if (vessel.imo) {
        auto same = db.vesselsWithImo(*vessel.imo);
        if (!same) {
            return same.error();
        }
        for (const model::VesselId other : *same) {
            if (Status s = add(other, std::nullopt); !s) {
                return s.error();
            }
        }
    }
    // Around each end of its track, every end that could pair with it and
    // every end that could compete for those: a window of the longest
    // silence and overlap either side holds them all.
    const std::int64_t reach = rules.maxSilenceMs + rules.maxOverlapMs;
    for (const bool atStart : {true, false}) {
        const std::optional<model::TrackPoint>& end = atStart ? firstFix : lastFix;
        if (!end) {
            continue;
        }
        auto found = handoversIn(db, end->timeUtcMs - reach, end->timeUtcMs + reach, rules);
        if (!found) {
            return found.error();
        }
        for (const MmsiHandover& h : *found) {
            const bool beginsHere = atStart && h.later == vessel.id;
            const bool endsHere = !atStart && h.earlier == vessel.id;
            if (!endsHere && !beginsHere) {
                continue;
            }
            if (Status s = add(endsHere ? h.later : h.earlier, h); !s) {
                return s.error();
            }
        }
    }
    return out;
}

} // namespace wake::investigate
