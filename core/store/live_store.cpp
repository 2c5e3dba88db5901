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
    if (upsert->step() != Statement::Step::Row) {
        return upsert->lastError();
    }
    return upsert->int64(0);
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
        if (stmt->step() != Statement::Step::Done) {
            return stmt->lastError();
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
    std::vector<LiveSourceRow> out;
    Statement::Step step;
    while ((step = stmt->step()) == Statement::Step::Row) {
        out.push_back({stmt->int64(0), stmt->text(1), stmt->text(2)});
    }
    if (step == Statement::Step::Failed) {
        return stmt->lastError();
    }
    return out;
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
    std::vector<Reception> out;
    Statement::Step step;
    while ((step = stmt->step()) == Statement::Step::Row) {
        out.push_back({stmt->int64(0), stmt->int64(1), stmt->int64(2), stmt->int64(3),
                       stmt->int64(4) == 1 ? TimeBasis::SenderTag : TimeBasis::ReceiveTime});
    }
    if (step == Statement::Step::Failed) {
        return stmt->lastError();
    }
    return out;
}

} // namespace wake::store
