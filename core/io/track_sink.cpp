#include "io/track_sink.h"

#include "analysis/identity_changes.h"
#include "geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wake::io {

namespace {

template <typename T>
bool changes(const std::optional<T>& incoming, const std::optional<T>& known)
{
    return incoming && incoming != known;
}

std::optional<QString> toQString(const std::optional<std::string>& text)
{
    if (!text) {
        return std::nullopt;
    }
    return QString::fromUtf8(text->data(), static_cast<qsizetype>(text->size()));
}

} // namespace

model::TrackPoint observedPoint(std::int64_t vesselId, std::int64_t timeUtcMs,
                                const ais::PositionFix& fix)
{
    model::TrackPoint p;
    p.vesselId = vesselId;
    p.timeUtcMs = timeUtcMs;
    p.latDeg = fix.latDeg;
    p.lonDeg = fix.lonDeg;
    if (fix.sogKnots) {
        p.sogKnots = static_cast<float>(*fix.sogKnots);
    }
    if (fix.cogDeg) {
        p.cogDeg = static_cast<float>(*fix.cogDeg);
    }
    if (fix.headingDeg) {
        p.headingDeg = static_cast<std::int16_t>(*fix.headingDeg);
    }
    if (fix.navStatus) {
        p.navStatus = static_cast<std::uint8_t>(*fix.navStatus);
    }
    p.provenance = model::Provenance::Observed;
    return p;
}

TrackSink::Checkpointer::Checkpointer(const QString& path)
{
    auto connection = store::Connection::open(path, store::Connection::Mode::ReadWrite);
    if (connection) {
        m_thread = std::thread([this, c = std::move(*connection)]() mutable { run(std::move(c)); });
    }
}

TrackSink::Checkpointer::~Checkpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void TrackSink::Checkpointer::request()
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

void TrackSink::Checkpointer::run(store::Connection connection)
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_pending || m_stop; });
            if (m_stop) {
                return;
            }
            m_pending = false;
        }
        // PASSIVE never blocks the writer; what it cannot copy now waits.
        (void)connection.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    }
}

TrackSink::TrackSink(store::Database& db, std::size_t batchRows)
    : m_db(db), m_batchRows(std::max<std::size_t>(batchRows, 1))
{
    // Without the MID table vessels simply get no flag; the import goes on.
    if (auto flags = reference::FlagStates::loadBuiltIn()) {
        m_flags = std::move(*flags);
    }
    m_batch.reserve(std::min<std::size_t>(m_batchRows, 1 << 20));
    if (m_db.isServer()) {
        return; // the server tunes itself; positions go through COPY
    }
    // Every page a batch changes stays in the cache until the commit: a page
    // spilled to the log in mid-transaction and changed again would be
    // written twice. A batch of time-ordered rows from thousands of vessels
    // changes each vessel's last leaf, so the cache must hold them all.
    if (auto size = m_db.connection().queryInt(QStringLiteral("PRAGMA cache_size")); size) {
        m_previousCacheSize = static_cast<int>(*size);
    }
    (void)m_db.connection().exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kImportCacheKiB));
    // The checkpointer thread copies the log instead of the writing thread.
    if (m_db.path() != QLatin1String(":memory:")) {
        (void)m_db.connection().exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
        m_checkpointer = std::make_unique<Checkpointer>(m_db.path());
    }
}

TrackSink::~TrackSink()
{
    rollback();
    if (m_db.isServer()) {
        return;
    }
    m_checkpointer.reset();
    (void)m_db.connection().exec(QStringLiteral("PRAGMA wal_autocheckpoint = 1000"));
    if (m_previousCacheSize) {
        (void)m_db.connection().exec(
            QStringLiteral("PRAGMA cache_size = %1").arg(*m_previousCacheSize));
    }
}

Status TrackSink::begin()
{
    if (m_inTransaction) {
        return {};
    }
    if (Status s = m_db.connection().begin(); !s) {
        return s;
    }
    m_inTransaction = true;
    return {};
}

void TrackSink::rollback()
{
    if (m_inTransaction) {
        (void)m_db.connection().exec(QStringLiteral("ROLLBACK"));
        m_inTransaction = false;
    }
    m_batch.clear();
    m_receptions.clear();
    m_uncommittedStored = 0;
    m_uncommittedVessels = 0;
    m_uncommittedIdentities = 0;
    // Vessels created in the rolled-back transaction are gone: look them up again.
    m_mmsis.clear();
    m_invalidImos.clear();
    m_chunkTracks.clear();
    // After a failure analysis reads every track itself.
    for (const model::VesselId id : m_created) {
        m_newStops.forget(id);
    }
    m_created.clear();
    m_identities.clear();
    m_uncommittedDuplicates = 0;
    m_uncommittedRepeats = 0;
    m_uncommittedShared = 0;
    m_uncommittedTouched.clear();
}

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
            const int track =
                state.segmenter.seed({p.timeUtcMs, p.latDeg, p.lonDeg, p.sogKnots.value_or(NAN),
                                      p.cogDeg.value_or(NAN)});
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

Result<TrackSink::StoredNeighbours> TrackSink::storedNear(StoredWindow& w, std::int64_t t)
{
    // Neighbours within half an hour; an hour of stored fixes ahead is kept
    // per vessel (7,000 vessels reporting every minute: about 40 MB).
    constexpr std::int64_t kNearMs = 30 * 60 * 1000;
    constexpr std::int64_t kAheadMs = 60 * 60 * 1000;
    if (t < w.validFromUtcMs || t > w.validToUtcMs) {
        auto fixes =
            m_db.track(w.vessel, t - kNearMs, t + kAheadMs + kNearMs, store::TrackFields::Motion);
        if (!fixes) {
            return fixes.error();
        }
        w.fixes = std::move(fixes).value();
        w.validFromUtcMs = t;
        w.validToUtcMs = t + kAheadMs;
    }
    const auto it = std::lower_bound(
        w.fixes.begin(), w.fixes.end(), t,
        [](const model::TrackPoint& p, std::int64_t time) { return p.timeUtcMs < time; });
    StoredNeighbours n;
    if (it != w.fixes.end() && it->timeUtcMs - t <= kNearMs) {
        n.after = &*it;
    }
    if (it != w.fixes.begin() && t - std::prev(it)->timeUtcMs <= kNearMs) {
        n.before = &*std::prev(it);
    }
    return n;
}

double TrackSink::storedFit(const MmsiState& state, const StoredNeighbours& n,
                            const tracks::SegmenterFix& fix)
{
    auto segmenterFix = [](const model::TrackPoint& p) {
        return tracks::SegmenterFix{p.timeUtcMs, p.latDeg, p.lonDeg, p.sogKnots.value_or(NAN),
                                    p.cogDeg.value_or(NAN)};
    };
    if (n.before != nullptr && n.after != nullptr &&
        n.after->timeUtcMs - n.before->timeUtcMs <= 10 * 60 * 1000) {
        // The stored ship was heard just before and after: where it was then
        // is known, and another position is another transmitter. Allowed:
        // both fixes' GPS error and a minute at its speed (receivers' clocks).
        const double span = static_cast<double>(n.after->timeUtcMs - n.before->timeUtcMs);
        const double f =
            span > 0 ? static_cast<double>(fix.timeUtcMs - n.before->timeUtcMs) / span : 0.0;
        const model::LatLon at{n.before->latDeg + f * (n.after->latDeg - n.before->latDeg),
                               n.before->lonDeg + f * (n.after->lonDeg - n.before->lonDeg)};
        const double knots = std::max({static_cast<double>(n.before->sogKnots.value_or(0.0F)),
                                       static_cast<double>(n.after->sogKnots.value_or(0.0F)),
                                       std::isnan(fix.sogKnots) ? 0.0 : fix.sogKnots});
        const double allowedM = 200.0 + knots * geo::kMetresPerNauticalMile / 60.0;
        const double m = geo::distanceM(at, {fix.latDeg, fix.lonDeg});
        return m <= allowedM ? m / allowedM : -1.0;
    }
    const model::TrackPoint* near = n.before;
    if (near == nullptr || (n.after != nullptr &&
                            n.after->timeUtcMs - fix.timeUtcMs < fix.timeUtcMs - near->timeUtcMs)) {
        near = n.after;
    }
    return near == nullptr ? -1.0 : state.segmenter.fitScore(segmenterFix(*near), fix);
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

Status TrackSink::applyIdentity(model::VesselId id, std::uint32_t mmsi,
                                const PendingIdentity& pending)
{
    m_uncommittedTouched.insert(id); // static data alone is worth a new look too
    const ais::VesselIdentity& identity = pending.identity;
    // An IMO that fails its check digit is no identity, but it is evidence:
    // kept once per value for analysis (analysis/identity_integrity.h).
    if (identity.imo && !model::isValidImo(*identity.imo) &&
        m_invalidImos[id].insert(*identity.imo).second) {
        model::IdentityRecord record;
        record.field = QString::fromLatin1(analysis::kInvalidImoField);
        record.value = QString::number(*identity.imo);
        if (pending.observedUtcMs) {
            record.to = model::TimeSpan{*pending.observedUtcMs, *pending.observedUtcMs,
                                        model::TimePrecision::Millisecond};
        }
        if (Status s = m_db.addIdentityRecord(id, record); !s) {
            return s;
        }
    }
    const std::optional<QString>& vesselType = pending.vesselType;
    KnownIdentity& entry = m_identities[id];
    ais::VesselIdentity& known = entry.identity;
    const bool typeChanged = vesselType && vesselType != entry.vesselType;
    const bool changed =
        changes(identity.imo, known.imo) || changes(identity.name, known.name) ||
        changes(identity.callSign, known.callSign) || changes(identity.shipType, known.shipType) ||
        changes(identity.lengthM, known.lengthM) || changes(identity.beamM, known.beamM) ||
        changes(identity.draughtM, known.draughtM);
    if (!changed && !typeChanged) {
        return {};
    }
    model::Vessel update;
    update.id = id;
    update.mmsi = mmsi;
    if (identity.imo && model::isValidImo(*identity.imo)) {
        update.imo = identity.imo;
    }
    update.name = toQString(identity.name);
    update.callSign = toQString(identity.callSign);
    update.aisShipType = identity.shipType;
    update.lengthM = identity.lengthM;
    update.beamM = identity.beamM;
    update.draughtM = identity.draughtM;
    update.vesselType = vesselType;
    if (auto stored = m_db.upsertVessel(update, pending.observedUtcMs); !stored) {
        return stored.error();
    }
    auto merge = [](auto& into, const auto& from) {
        if (from) {
            into = from;
        }
    };
    merge(known.imo, identity.imo);
    merge(known.name, identity.name);
    merge(known.callSign, identity.callSign);
    merge(known.shipType, identity.shipType);
    merge(known.lengthM, identity.lengthM);
    merge(known.beamM, identity.beamM);
    merge(known.draughtM, identity.draughtM);
    merge(entry.vesselType, vesselType);
    ++m_uncommittedIdentities;
    return {};
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
    const tracks::SegmenterFix fix{point.timeUtcMs, point.latDeg, point.lonDeg,
                                   point.sogKnots.value_or(NAN), point.cogDeg.value_or(NAN)};
    // Vessels the store already holds: the fix is one of them when it fits
    // their stored fixes at that time, and not one that was elsewhere then.
    std::vector<int> excluded;
    std::vector<model::VesselId> elsewhere;
    if (!state.stored.empty()) {
        const StoredWindow* match = nullptr;
        double bestScore = std::numeric_limits<double>::infinity();
        for (StoredWindow& w : state.stored) {
            auto near = storedNear(w, point.timeUtcMs);
            if (!near) {
                return near.error();
            }
            if (near->before == nullptr && near->after == nullptr) {
                continue; // the stored ship was not heard then
            }
            const double score = storedFit(state, *near, fix);
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
        ++m_uncommittedRepeats;
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

void TrackSink::queue(const model::TrackPoint& point)
{
    m_batch.push_back(point);
    if (m_created.contains(point.vesselId)) {
        m_newStops.add(point.vesselId, point);
    }
}

std::vector<std::pair<model::VesselId, places::StopCell>> TrackSink::stopsOfNewVessels() const
{
    return m_newStops.cells();
}

std::vector<model::VesselId> TrackSink::newVessels() const
{
    return {m_created.begin(), m_created.end()};
}

Result<model::VesselId> TrackSink::vesselId(std::uint32_t mmsi)
{
    auto state = stateFor(mmsi, 0);
    if (!state) {
        return state.error();
    }
    return (*state)->lastHeard != 0 ? (*state)->lastHeard : (*state)->own;
}

std::vector<model::VesselId> TrackSink::touchedVessels() const
{
    return {m_touched.begin(), m_touched.end()};
}

Status TrackSink::addPosition(std::uint32_t mmsi, std::int64_t timeUtcMs,
                              const ais::PositionFix& fix)
{
    if (Status s = route(observedPoint(mmsi, timeUtcMs, fix)); !s) {
        return s;
    }
    if (m_batch.size() >= m_batchRows) {
        return commit();
    }
    return {};
}

Status TrackSink::addReception(std::uint32_t mmsi, std::int64_t positionTimeUtcMs,
                               std::int64_t sourceId, std::int64_t heardUtcMs,
                               store::TimeBasis basis)
{
    auto id = vesselId(mmsi);
    if (!id) {
        return id.error();
    }
    m_receptions.push_back({*id, positionTimeUtcMs, sourceId, heardUtcMs, basis});
    return {};
}

Status TrackSink::addBatchByMmsi(std::vector<model::TrackPoint>& points)
{
    m_chunkTracks.clear();
    // Each MMSI's fixes in time order, as the segmenter reads them.
    std::stable_sort(points.begin(), points.end(), [](const auto& a, const auto& b) {
        return a.vesselId != b.vesselId ? a.vesselId < b.vesselId : a.timeUtcMs < b.timeUtcMs;
    });
    for (const model::TrackPoint& p : points) {
        if (Status s = route(p); !s) {
            return s;
        }
    }
    points.clear();
    if (m_batch.size() >= m_batchRows) {
        return commit();
    }
    return {};
}

Status TrackSink::addIdentity(std::uint32_t mmsi, const ais::VesselIdentity& identity,
                              std::optional<std::int64_t> observedUtcMs,
                              const std::optional<QString>& vesselType)
{
    auto stateResult = stateFor(mmsi, observedUtcMs.value_or(0));
    if (!stateResult) {
        return stateResult.error();
    }
    MmsiState& state = **stateResult;
    PendingIdentity pending{identity, observedUtcMs, vesselType};
    // A CSV row's static data belongs to the track its fix went to.
    if (observedUtcMs) {
        if (const auto fix = m_chunkTracks.find({mmsi, *observedUtcMs});
            fix != m_chunkTracks.end()) {
            if (const auto it = state.tracks.find(fix->second); it != state.tracks.end()) {
                if (it->second.vessel == 0) {
                    it->second.pendingIdentities.push_back(std::move(pending));
                    return {};
                }
                return applyIdentity(it->second.vessel, mmsi, pending);
            }
        }
    }
    // Static data has no position: it belongs to the track heard last
    // (GFW's segmenter does the same), which may not be a vessel yet.
    const auto open = state.segmenter.openTracks();
    const auto latest =
        std::max_element(open.begin(), open.end(),
                         [](const auto& a, const auto& b) { return a.lastUtcMs < b.lastUtcMs; });
    if (latest != open.end() && latest->lastUtcMs > state.lastHeardUtcMs) {
        if (auto it = state.tracks.find(latest->track);
            it != state.tracks.end() && it->second.vessel == 0) {
            it->second.pendingIdentities.push_back(std::move(pending));
            return {};
        }
    }
    return applyIdentity(state.lastHeard != 0 ? state.lastHeard : state.own, mmsi, pending);
}

Status TrackSink::finish()
{
    for (auto& [mmsi, state] : m_mmsis) {
        if (Status s = settleClosedTracks(mmsi, state, true); !s) {
            return s;
        }
    }
    return commit();
}

Status TrackSink::flushBatch()
{
    if (Status s = m_db.insertReceptions(m_receptions); !s) {
        return s;
    }
    m_receptions.clear();
    if (m_batch.empty()) {
        return {};
    }
    // In (vessel, time) order the inserts walk the clustered primary key
    // forwards; in reception order every row would land on another page.
    std::sort(m_batch.begin(), m_batch.end(), [](const auto& a, const auto& b) {
        return a.vesselId != b.vesselId ? a.vesselId < b.vesselId : a.timeUtcMs < b.timeUtcMs;
    });
    auto stored = m_db.appendTrackPoints(m_batch);
    if (!stored) {
        return stored.error();
    }
    m_uncommittedStored += *stored;
    m_uncommittedDuplicates += static_cast<std::int64_t>(m_batch.size()) - *stored;
    m_batch.clear();
    return {};
}

Status TrackSink::commit()
{
    if (Status s = begin(); !s) {
        return s;
    }
    if (Status s = flushBatch(); !s) {
        rollback();
        return s;
    }
    if (Status s = m_db.connection().exec(QStringLiteral("COMMIT")); !s) {
        rollback();
        return s;
    }
    m_inTransaction = false;
    if (m_checkpointer) {
        m_checkpointer->request();
    }
    m_touched.insert(m_uncommittedTouched.begin(), m_uncommittedTouched.end());
    m_uncommittedTouched.clear();
    m_counts.positionsStored += m_uncommittedStored;
    m_counts.duplicatePositions += m_uncommittedDuplicates;
    m_counts.vesselsCreated += m_uncommittedVessels;
    m_counts.identityUpdates += m_uncommittedIdentities;
    m_counts.repeatedFixes += m_uncommittedRepeats;
    m_counts.duplicatePositions += m_uncommittedRepeats; // a fix had already
    m_counts.sharedMmsiVessels += m_uncommittedShared;
    m_uncommittedRepeats = 0;
    m_uncommittedShared = 0;
    m_uncommittedStored = 0;
    m_uncommittedDuplicates = 0;
    m_uncommittedVessels = 0;
    m_uncommittedIdentities = 0;
    return {};
}

} // namespace wake::io
