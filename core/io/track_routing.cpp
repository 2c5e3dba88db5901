// Which vessel each fix belongs to: TrackSink's per-MMSI tracks
// (tracks/track_segmenter.h), the vessels of the store they continue
// (io/stored_fixes.h), and the vessels made for second ships. The batching,
// transactions and identities are in track_sink.cpp.

#include "core/analysis/identity_changes.h"
#include "core/geo/geodesy.h"
#include "core/io/stored_fixes.h"
#include "core/io/track_sink.h"

#include <cmath>
#include <limits>

namespace wake::io {

Result<model::VesselId> TrackSink::newVessel(std::uint32_t mmsi)
{
    model::Vessel vessel;
    vessel.mmsi = mmsi;
    if (m_flags) {
        if (const model::FlagState* flag = m_flags->forMmsi(mmsi)) {
            vessel.flagAlpha2 = flag->alpha2;
        }
    }
    auto created = m_db.createVessel(vessel);
    if (!created) {
        return created.error();
    }
    ++m_uncommittedVessels;
    m_created.insert(*created);
    return *created;
}

Result<TrackSink::MmsiState*> TrackSink::stateFor(std::uint32_t mmsi, std::int64_t firstUtcMs)
{
    if (const auto it = m_mmsis.find(mmsi); it != m_mmsis.end()) {
        return &it->second;
    }
    if (Status s = begin(); !s) {
        return s.error();
    }
    MmsiState state;
    std::optional<bool> midKnown;
    if (m_flags) {
        midKnown = m_flags->forMmsi(mmsi) != nullptr;
    }
    state.unique = tracks::isUniqueIdentity(tracks::mmsiProblem(mmsi, midKnown));
    auto stored = m_db.vesselsWithMmsi(mmsi);
    if (!stored) {
        return stored.error();
    }
    for (const model::VesselId id : *stored) {
        // A later file continues the stored tracks: each vessel's track is
        // open again from its fix nearest to where this input begins.
        auto near = m_db.fixNearest(id, firstUtcMs);
        if (!near) {
            return near.error();
        }
        if (*near) {
            const model::TrackPoint& p = **near;
            const int track = state.segmenter.seed(segmenterFix(p));
            state.tracks[track].vessel = id;
            state.trackOfVessel[id] = track;
            state.vessels.emplace_back(id, p);
            state.stored.push_back({id, {}, 1, 0});
        } else {
            state.vessels.emplace_back(id, model::TrackPoint{});
        }
        // Start from what the store knows, so only real changes are written.
        auto v = m_db.vessel(id);
        if (!v) {
            return v.error();
        }
        if (*v) {
            KnownIdentity& known = m_identities[id];
            const model::Vessel& vessel = **v;
            for (const model::IdentityRecord& r : vessel.history) {
                if (r.field == QLatin1String(analysis::kInvalidImoField)) {
                    m_invalidImos[id].insert(r.value.toUInt());
                }
            }
            known.identity.imo = vessel.imo;
            if (vessel.name) {
                known.identity.name = vessel.name->toStdString();
            }
            if (vessel.callSign) {
                known.identity.callSign = vessel.callSign->toStdString();
            }
            known.identity.shipType = vessel.aisShipType;
            known.identity.lengthM = vessel.lengthM;
            known.identity.beamM = vessel.beamM;
            known.identity.draughtM = vessel.draughtM;
            known.vesselType = vessel.vesselType;
        }
    }
    if (stored->empty()) {
        auto id = newVessel(mmsi);
        if (!id) {
            return id.error();
        }
        state.vessels.emplace_back(*id, model::TrackPoint{});
        state.own = *id;
    } else {
        state.own = stored->front();
    }
    return &m_mmsis.emplace(mmsi, std::move(state)).first->second;
}

model::VesselId TrackSink::continuedVessel(const MmsiState& state, const model::TrackPoint& first,
                                           const std::vector<model::VesselId>& elsewhere) const
{
    // A vessel none of whose tracks is open has gone quiet: a new track is
    // that ship back (one ship per MMSI is the rule), the nearest such one.
    // Placeholder MMSIs are many boats at once: their tracks are never chained.
    std::unordered_set<model::VesselId> busy(elsewhere.begin(), elsewhere.end());
    for (const auto& t : state.segmenter.openTracks()) {
        if (const auto it = state.tracks.find(t.track);
            it != state.tracks.end() && it->second.vessel != 0) {
            busy.insert(it->second.vessel);
        }
    }
    if (!state.unique) {
        // Only the MMSI's own vessel, and only before any track was heard.
        return busy.empty() && state.lastHeard == 0 && state.stored.empty() ? state.own : 0;
    }
    model::VesselId best = 0;
    double bestM = std::numeric_limits<double>::infinity();
    for (const auto& [id, last] : state.vessels) {
        if (busy.contains(id)) {
            continue;
        }
        const double m = last.timeUtcMs == 0 ? 0.0
                                             : geo::distanceM({last.latDeg, last.lonDeg},
                                                              {first.latDeg, first.lonDeg});
        if (m < bestM) {
            best = id;
            bestM = m;
        }
    }
    return best;
}

Status TrackSink::makeVessel(std::uint32_t mmsi, MmsiState& state, TrackVessel& track)
{
    auto id = newVessel(mmsi);
    if (!id) {
        return id.error();
    }
    ++m_uncommittedShared;
    track.vessel = *id;
    for (const auto& [number, t] : state.tracks) {
        if (&t == &track) {
            state.trackOfVessel[*id] = number;
        }
    }
    state.vessels.emplace_back(*id, track.pending.back());
    for (model::TrackPoint& p : track.pending) {
        p.vesselId = *id;
        queue(p);
    }
    track.pending.clear();
    for (const PendingIdentity& identity : track.pendingIdentities) {
        if (Status s = applyIdentity(*id, mmsi, identity); !s) {
            return s;
        }
    }
    track.pendingIdentities.clear();
    return {};
}

Status TrackSink::settleClosedTracks(std::uint32_t mmsi, MmsiState& state, bool all)
{
    std::unordered_set<int> open;
    for (const auto& t : state.segmenter.openTracks()) {
        open.insert(t.track);
    }
    for (auto it = state.tracks.begin(); it != state.tracks.end();) {
        if (!all && open.contains(it->first)) {
            ++it;
            continue;
        }
        TrackVessel& t = it->second;
        for (model::TrackPoint& p : t.pending) {
            p.vesselId = state.own;
            queue(p);
        }
        for (const PendingIdentity& identity : t.pendingIdentities) {
            if (Status s = applyIdentity(state.own, mmsi, identity); !s) {
                return s;
            }
        }
        if (all && t.vessel != 0 && open.contains(it->first)) {
            t.pending.clear();
            t.pendingIdentities.clear();
            ++it; // still a vessel's open track
            continue;
        }
        it = state.tracks.erase(it);
    }
    return {};
}

Status TrackSink::route(model::TrackPoint point)
{
    const auto mmsi = static_cast<std::uint32_t>(point.vesselId);
    auto stateResult = stateFor(mmsi, point.timeUtcMs);
    if (!stateResult) {
        return stateResult.error();
    }
    MmsiState& state = **stateResult;
    if (point.sogKnots && tracks::isNoiseSpeed(*point.sogKnots) && state.lastHeard != 0) {
        // No use for telling ships apart: it stays with the ship heard last
        // (the jump detector judges its position).
        point.vesselId = state.lastHeard;
        queue(point);
        m_uncommittedTouched.insert(state.lastHeard);
        return {};
    }
    const tracks::SegmenterFix fix = segmenterFix(point);
    // Vessels the store already holds: the fix is one of them when it fits
    // their stored fixes at that time, and not one that was elsewhere then.
    std::vector<int> excluded;
    std::vector<model::VesselId> elsewhere;
    if (!state.stored.empty()) {
        StoredFixWindow* match = nullptr;
        double bestScore = std::numeric_limits<double>::infinity();
        for (StoredFixWindow& w : state.stored) {
            auto near = storedNeighbours(m_db, w, point.timeUtcMs);
            if (!near) {
                return near.error();
            }
            if (near->before == nullptr && near->after == nullptr) {
                continue; // the stored ship was not heard then
            }
            const double score = storedFit(state.segmenter, *near, fix);
            if (score >= 0 && score < bestScore) {
                match = &w;
                bestScore = score;
            } else if (score < 0) {
                elsewhere.push_back(w.vessel);
                if (const auto t = state.trackOfVessel.find(w.vessel);
                    t != state.trackOfVessel.end()) {
                    excluded.push_back(t->second);
                }
            }
        }
        if (match != nullptr) {
            if (auto near = storedNeighbours(m_db, *match, point.timeUtcMs);
                near && repeatsStoredFix(state.segmenter.rules(), *near, point)) {
                ++m_uncommittedDuplicates; // heard twice, and the first hearing is stored
                return {};
            }
            const model::VesselId id = match->vessel;
            const auto known = state.trackOfVessel.find(id);
            const int track = state.segmenter.continueTrack(
                known == state.trackOfVessel.end() ? -1 : known->second, fix);
            state.trackOfVessel[id] = track;
            state.tracks[track].vessel = id;
            m_chunkTracks[{mmsi, point.timeUtcMs}] = track;
            point.vesselId = id;
            queue(point);
            state.lastHeard = id;
            state.lastHeardUtcMs = point.timeUtcMs;
            m_uncommittedTouched.insert(id);
            return {};
        }
    }
    const tracks::TrackSegmenter::Assignment a = state.segmenter.add(fix, excluded);
    if (a.repeat) {
        ++m_uncommittedDuplicates; // one transmission heard twice
        return {};
    }
    m_chunkTracks[{mmsi, point.timeUtcMs}] = a.track;
    TrackVessel& track = state.tracks[a.track];
    if (a.opened) {
        track.vessel = continuedVessel(state, point, elsewhere);
        if (Status s = settleClosedTracks(mmsi, state, false); !s) {
            return s;
        }
    }
    TrackVessel& t = state.tracks[a.track]; // settling may have rehashed
    if (t.vessel != 0) {
        state.trackOfVessel[t.vessel] = a.track;
    }
    if (t.vessel == 0) {
        t.pending.push_back(point);
        if (t.pending.size() >= kFixesForSecondShip) {
            if (Status s = makeVessel(mmsi, state, t); !s) {
                return s;
            }
        }
    } else {
        point.vesselId = t.vessel;
        queue(point);
    }
    if (t.vessel != 0) {
        state.lastHeard = t.vessel;
        state.lastHeardUtcMs = point.timeUtcMs;
        for (auto& [id, last] : state.vessels) {
            if (id == t.vessel && point.timeUtcMs >= last.timeUtcMs) {
                last = point;
            }
        }
        m_uncommittedTouched.insert(t.vessel);
    }
    return {};
}

} // namespace wake::io
