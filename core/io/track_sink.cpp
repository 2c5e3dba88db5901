#include "io/track_sink.h"

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
    m_vessels.clear();
    m_identities.clear();
    m_uncommittedDuplicates = 0;
}

Result<model::VesselId> TrackSink::vesselFor(std::uint32_t mmsi)
{
    if (const auto it = m_vessels.find(mmsi); it != m_vessels.end()) {
        return it->second;
    }
    if (Status s = begin(); !s) {
        return s.error();
    }
    auto found = m_db.findVesselByMmsi(mmsi);
    if (!found) {
        return found.error();
    }
    model::VesselId id = 0;
    if (*found) {
        id = **found;
        // Start from what the store knows, so only real changes are written.
        auto stored = m_db.vessel(id);
        if (!stored) {
            return stored.error();
        }
        if (*stored) {
            KnownIdentity& known = m_identities[mmsi];
            const model::Vessel& v = **stored;
            known.identity.imo = v.imo;
            if (v.name) {
                known.identity.name = v.name->toStdString();
            }
            if (v.callSign) {
                known.identity.callSign = v.callSign->toStdString();
            }
            known.identity.shipType = v.aisShipType;
            known.identity.lengthM = v.lengthM;
            known.identity.beamM = v.beamM;
            known.identity.draughtM = v.draughtM;
            known.vesselType = v.vesselType;
        }
    } else {
        model::Vessel vessel;
        vessel.mmsi = mmsi;
        if (m_flags) {
            if (const model::FlagState* flag = m_flags->forMmsi(mmsi)) {
                vessel.flagAlpha2 = flag->alpha2;
            }
        }
        auto created = m_db.upsertVessel(vessel);
        if (!created) {
            return created.error();
        }
        id = *created;
        ++m_uncommittedVessels;
    }
    m_vessels.emplace(mmsi, id);
    return id;
}

std::vector<model::VesselId> TrackSink::touchedVessels() const
{
    return {m_touched.begin(), m_touched.end()};
}

Status TrackSink::addPosition(std::uint32_t mmsi, std::int64_t timeUtcMs,
                              const ais::PositionFix& fix)
{
    auto id = vesselFor(mmsi);
    if (!id) {
        return id.error();
    }
    m_batch.push_back(observedPoint(*id, timeUtcMs, fix));
    if (m_batch.size() >= m_batchRows) {
        return commit();
    }
    return {};
}

Status TrackSink::addReception(std::uint32_t mmsi, std::int64_t positionTimeUtcMs,
                               std::int64_t sourceId, std::int64_t heardUtcMs,
                               store::TimeBasis basis)
{
    auto id = vesselFor(mmsi);
    if (!id) {
        return id.error();
    }
    m_receptions.push_back({*id, positionTimeUtcMs, sourceId, heardUtcMs, basis});
    return {};
}

Status TrackSink::addBatchByMmsi(std::vector<model::TrackPoint>& points)
{
    for (model::TrackPoint& p : points) {
        auto id = vesselFor(static_cast<std::uint32_t>(p.vesselId));
        if (!id) {
            return id.error();
        }
        p.vesselId = *id;
    }
    if (m_batch.empty()) {
        m_batch.swap(points);
    } else {
        m_batch.insert(m_batch.end(), points.begin(), points.end());
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
    auto id = vesselFor(mmsi); // loads what the store knows about it
    if (!id) {
        return id.error();
    }
    KnownIdentity& entry = m_identities[mmsi];
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
    update.id = *id;
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
    if (auto stored = m_db.upsertVessel(update, observedUtcMs); !stored) {
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
    if (changed || typeChanged) {
        ++m_uncommittedIdentities;
    }
    return {};
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
    for (const auto& [mmsi, id] : m_vessels) {
        m_touched.insert(id);
    }
    m_counts.positionsStored += m_uncommittedStored;
    m_counts.duplicatePositions += m_uncommittedDuplicates;
    m_counts.vesselsCreated += m_uncommittedVessels;
    m_counts.identityUpdates += m_uncommittedIdentities;
    m_uncommittedStored = 0;
    m_uncommittedDuplicates = 0;
    m_uncommittedVessels = 0;
    m_uncommittedIdentities = 0;
    return {};
}

} // namespace wake::io
