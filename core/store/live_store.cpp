// Live sources and receptions (store/reception.h).

#include "core/store/database.h"

namespace wake::store {

Result<std::int64_t> Database::liveSourceId(const QString& name, const QString& url)
{
    auto upsert = m_connection.prepare(
        QStringLiteral("INSERT INTO live_sources(name, url) VALUES(?1, ?2) "
                       "ON CONFLICT(name) DO UPDATE SET url = excluded.url RETURNING id"));
    if (!upsert) {
        return upsert.error();
    }
    upsert->bind(1, name);
    upsert->bind(2, url);
    return insertedId(*upsert);
}

Status Database::insertReceptions(std::span<const Reception> receptions)
{
    if (receptions.empty()) {
        return {};
    }
    // A source that delivers the same message twice is one hearing.
    auto stmt = m_connection.prepare(
        QStringLiteral("INSERT INTO receptions(vessel_id, time_utc_ms, source_id, "
                       "heard_utc_ms, time_basis) VALUES(?1, ?2, ?3, ?4, ?5) "
                       "ON CONFLICT DO NOTHING"));
    if (!stmt) {
        return stmt.error();
    }
    for (const Reception& r : receptions) {
        stmt->reset();
        stmt->bind(1, r.vesselId);
        stmt->bind(2, r.timeUtcMs);
        stmt->bind(3, r.sourceId);
        stmt->bind(4, r.heardUtcMs);
        stmt->bind(5, static_cast<int>(r.timeBasis));
        if (Status done = stmt->run(); !done) {
            return done.error();
        }
    }
    return {};
}

Result<std::vector<LiveSourceRow>> Database::liveSources()
{
    auto stmt =
        m_connection.prepare(QStringLiteral("SELECT id, name, url FROM live_sources ORDER BY id"));
    if (!stmt) {
        return stmt.error();
    }
    return stmt->collect<LiveSourceRow>([](Statement& row) {
        return LiveSourceRow{row.int64(0), row.text(1), row.text(2)};
    });
}

Result<std::vector<Reception>> Database::receptions(model::VesselId vesselId)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT vessel_id, time_utc_ms, source_id, heard_utc_ms, time_basis "
                       "FROM receptions WHERE vessel_id = ?1 ORDER BY time_utc_ms, heard_utc_ms"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, vesselId);
    return stmt->collect<Reception>([](Statement& row) {
        return Reception{row.int64(0), row.int64(1), row.int64(2), row.int64(3),
                         row.int64(4) == 1 ? TimeBasis::SenderTag : TimeBasis::ReceiveTime};
    });
}

} // namespace wake::store
