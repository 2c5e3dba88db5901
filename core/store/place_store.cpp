#include "core/store/database.h"

namespace wake::store {

Result<std::vector<std::pair<model::VesselId, places::StopCell>>> Database::stopCells()
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "SELECT vessel_id, cell, stopped_ms, first_ms, last_ms FROM stop_cells ORDER BY cell"));
    if (!stmt) {
        return stmt.error();
    }
    std::vector<std::pair<model::VesselId, places::StopCell>> out;
    if (Status status = stmt->forEach([&](Statement& row) {
            places::StopCell c;
            c.cell = row.int64(1);
            c.stoppedMs = row.int64(2);
            c.firstUtcMs = row.int64(3);
            c.lastUtcMs = row.int64(4);
            out.emplace_back(row.int64(0), c);
        });
        !status) {
        return status.error();
    }
    return out;
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
        if (Status done = remove->run(); !done) {
            return done.error();
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
        if (Status done = insert->run(); !done) {
            return done.error();
        }
    }
    return {};
}

Result<std::vector<places::LearnedPlace>> Database::learnedPlaces()
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "SELECT name, kind, country, lat, lon, radius_km, vessels, cells, stopped_ms, first_ms, "
        "last_ms, nearest_port, nearest_port_km FROM learned_places ORDER BY id"));
    if (!stmt) {
        return stmt.error();
    }
    std::vector<places::LearnedPlace> out;
    if (Status status = stmt->forEach([&](Statement& row) {
            places::LearnedPlace p;
            p.port.name = row.text(0);
            p.kind = places::placeKindFromString(row.text(1));
            p.port.countryAlpha2 = row.text(2);
            p.port.position = {row.real(3), row.real(4)};
            p.port.radiusKm = row.real(5);
            p.port.kind = model::PortKind::Anchorage;
            p.port.origin = QStringLiteral("learned");
            p.vessels = static_cast<int>(row.int64(6));
            p.cells = static_cast<int>(row.int64(7));
            p.stoppedMs = row.int64(8);
            p.firstUtcMs = row.int64(9);
            p.lastUtcMs = row.int64(10);
            p.nearestPort = row.text(11);
            p.nearestPortKm = row.real(12);
            out.push_back(std::move(p));
        });
        !status) {
        return status.error();
    }
    return out;
}

Status Database::replaceLearnedPlaces(std::span<const places::LearnedPlace> places)
{
    if (Status s = m_connection.exec(QStringLiteral("DELETE FROM learned_places")); !s) {
        return s;
    }
    auto insert = m_connection.prepare(QStringLiteral(
        "INSERT INTO learned_places(name, kind, country, lat, lon, radius_km, vessels, cells, "
        "stopped_ms, first_ms, last_ms, nearest_port, nearest_port_km) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert) {
        return insert.error();
    }
    for (const places::LearnedPlace& p : places) {
        insert->reset();
        insert->bind(1, p.port.name);
        insert->bind(2, places::toString(p.kind));
        insert->bind(3, p.port.countryAlpha2);
        insert->bind(4, p.port.position.latDeg);
        insert->bind(5, p.port.position.lonDeg);
        insert->bind(6, p.port.radiusKm);
        insert->bind(7, static_cast<std::int64_t>(p.vessels));
        insert->bind(8, static_cast<std::int64_t>(p.cells));
        insert->bind(9, p.stoppedMs);
        insert->bind(10, p.firstUtcMs);
        insert->bind(11, p.lastUtcMs);
        insert->bind(12, p.nearestPort);
        insert->bind(13, p.nearestPortKm);
        if (Status done = insert->run(); !done) {
            return done.error();
        }
    }
    return {};
}

} // namespace wake::store
