#include "core/io/track_sink.h"

#include "core/analysis/identity_changes.h"

#include <algorithm>

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

TrackSink::TrackSink(store::Database& db, std::size_t batchRows)
    : m_db(db), m_batchRows(std::max<std::size_t>(batchRows, 1))
{
    // Without the MID table vessels simply get no flag; the import goes on.
    if (auto flags = reference::FlagStates::loadBuiltIn()) {
        m_flags = std::move(*flags);
    }
    // The whole batch at once (pages are taken only as it fills).
    m_batch.reserve(std::min<std::size_t>(m_batchRows, 2 << 20));
    m_tuning = std::make_unique<store::BulkWriteTuning>(m_db);
}

TrackSink::~TrackSink()
{
    rollback();
    m_tuning.reset();
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
    m_receptionKeys.clear();
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
    m_uncommittedShared = 0;
    m_uncommittedTouched.clear();
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
    // The store keeps a source's first hearing of a position: a sender that
    // repeats one sentence thousands of times queues one row, not thousands.
    if (m_receptionKeys.insert({*id, positionTimeUtcMs, sourceId}).second) {
        m_receptions.push_back({*id, positionTimeUtcMs, sourceId, heardUtcMs, basis});
    }
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
        // At the batch size exactly, not after the chunk: a batch that grew
        // past its reserve would be copied into one twice its size.
        if (m_batch.size() >= m_batchRows) {
            if (Status s = commit(); !s) {
                return s;
            }
        }
    }
    points.clear();
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
    m_receptionKeys.clear();
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
    m_tuning->committed();
    m_touched.insert(m_uncommittedTouched.begin(), m_uncommittedTouched.end());
    m_uncommittedTouched.clear();
    m_counts.positionsStored += m_uncommittedStored;
    m_counts.duplicatePositions += m_uncommittedDuplicates;
    m_counts.vesselsCreated += m_uncommittedVessels;
    m_counts.identityUpdates += m_uncommittedIdentities;
    m_counts.sharedMmsiVessels += m_uncommittedShared;
    m_uncommittedShared = 0;
    m_uncommittedStored = 0;
    m_uncommittedDuplicates = 0;
    m_uncommittedVessels = 0;
    m_uncommittedIdentities = 0;
    return {};
}

} // namespace wake::io
