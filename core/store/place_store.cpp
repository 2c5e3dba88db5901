#include "store/database.h"

namespace wake::store {

Result<std::vector<std::pair<model::VesselId, places::StopCell>>> Database::stopCells()
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "SELECT vessel_id, cell, stopped_ms, first_ms, last_ms FROM stop_cells ORDER BY cell"));
    if (!stmt) {
        return stmt.error();
    }
    std::vector<std::pair<model::VesselId, places::StopCell>> out;
    for (;;) {
        const auto step = stmt->step();
        if (step == Statement::Step::Failed) {
            return stmt->lastError();
        }
        if (step == Statement::Step::Done) {
            return out;
        }
        places::StopCell c;
        c.cell = stmt->int64(1);
        c.stoppedMs = stmt->int64(2);
        c.firstUtcMs = stmt->int64(3);
        c.lastUtcMs = stmt->int64(4);
        out.emplace_back(stmt->int64(0), c);
    }
}

Status
Database::replaceStopCells(std::span<const model::VesselId> vessels,
                           std::span<const std::pair<model::VesselId, places::StopCell>> cells)
{
    auto remove =
        m_connection.prepare(QStringLiteral("DELETE FROM stop_cells WHERE vessel_id = ?"));
    if (!remove) {
        return remove.error();
    }
    for (const model::VesselId id : vessels) {
        remove->reset();
        remove->bind(1, id);
        if (remove->step() != Statement::Step::Done) {
            return remove->lastError();
        }
    }
    auto insert = m_connection.prepare(
        QStringLiteral("INSERT INTO stop_cells(cell, vessel_id, stopped_ms, first_ms, last_ms) "
                       "VALUES(?, ?, ?, ?, ?)"));
    if (!insert) {
        return insert.error();
    }
    for (const auto& [vessel, c] : cells) {
        insert->reset();
        insert->bind(1, c.cell);
        insert->bind(2, vessel);
        insert->bind(3, c.stoppedMs);
        insert->bind(4, c.firstUtcMs);
        insert->bind(5, c.lastUtcMs);
        if (insert->step() != Statement::Step::Done) {
            return insert->lastError();
        }
    }
    return {};
}

} // namespace wake::store
