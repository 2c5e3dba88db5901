// Database: ports and voyages.

#include "core/store/database.h"
#include "core/store/span_columns.h"

namespace wake::store {

Result<std::int64_t> Database::upsertPort(const model::Port& port)
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "INSERT INTO ports(locode, name, country, lat, lon, kind, radius_km, origin) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
        "ON CONFLICT(locode) DO UPDATE SET name=?2, country=?3, lat=?4, lon=?5, kind=?6, "
        "radius_km=?7, origin=?8 RETURNING id"));
    if (!stmt) {
        return stmt.error();
    }
    if (port.locode.isEmpty()) {
        stmt->bindNull(1); // places without a LOCODE (canal locks) are always new rows
    } else {
        stmt->bind(1, port.locode);
    }
    stmt->bind(2, port.name);
    stmt->bind(3, port.countryAlpha2);
    stmt->bind(4, port.position.latDeg);
    stmt->bind(5, port.position.lonDeg);
    stmt->bind(6, model::toString(port.kind));
    stmt->bind(7, port.radiusKm);
    stmt->bind(8, port.origin);
    return insertedId(*stmt);
}

Result<std::vector<model::Port>> Database::listPorts()
{
    auto stmt =
        m_connection.prepare(QStringLiteral("SELECT id, locode, name, country, lat, lon, kind, "
                                            "radius_km, origin FROM ports ORDER BY id"));
    if (!stmt) {
        return stmt.error();
    }
    std::vector<model::Port> out;
    if (Status status = stmt->forEach([&](Statement& row) {
            model::Port p;
            p.id = row.int64(0);
            p.locode = row.text(1);
            p.name = row.text(2);
            p.countryAlpha2 = row.text(3);
            p.position = {row.real(4), row.real(5)};
            p.kind = model::portKindFromString(row.text(6));
            p.radiusKm = row.real(7);
            p.origin = row.text(8);
            out.push_back(std::move(p));
        });
        !status) {
        return status.error();
    }
    return out;
}

Result<model::VoyageId> Database::upsertVoyage(const model::Voyage& voyage)
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "INSERT INTO voyages(vessel_id, key, name, origin_locode, destination_locode, "
        "departure_utc_ms, departure_end_utc_ms, departure_precision, arrival_utc_ms, "
        "arrival_end_utc_ms, arrival_precision, is_default, origin, distance_nm, ais_gap_ms) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
        "ON CONFLICT(vessel_id, key) DO UPDATE SET name=?3, origin_locode=?4, "
        "destination_locode=?5, departure_utc_ms=?6, departure_end_utc_ms=?7, "
        "departure_precision=?8, arrival_utc_ms=?9, arrival_end_utc_ms=?10, "
        "arrival_precision=?11, is_default=?12, origin=?13, distance_nm=?14, ais_gap_ms=?15 "
        "RETURNING id"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, voyage.vesselId);
    if (voyage.key.isEmpty()) {
        stmt->bindNull(2);
    } else {
        stmt->bind(2, voyage.key);
    }
    stmt->bind(3, voyage.name);
    stmt->bind(4, voyage.originLocode);
    stmt->bind(5, voyage.destinationLocode);
    bindSpan(*stmt, 6, voyage.departure);
    bindSpan(*stmt, 9, voyage.arrival);
    stmt->bind(12, voyage.isDefault ? 1 : 0);
    stmt->bind(13, voyage.origin);
    stmt->bind(14, voyage.distanceNm);
    stmt->bind(15, voyage.aisGapMs);
    const auto inserted = insertedId(*stmt);
    if (!inserted) {
        return inserted.error();
    }
    const model::VoyageId id = *inserted;

    auto del = m_connection.prepare(QStringLiteral("DELETE FROM voyage_legs WHERE voyage_id = ?"));
    if (!del) {
        return del.error();
    }
    del->bind(1, id);
    if (Status done = del->run(); !done) {
        return done.error();
    }
    auto leg = m_connection.prepare(QStringLiteral(
        "INSERT INTO voyage_legs(voyage_id, ord, from_locode, to_locode, departure_utc_ms, "
        "departure_end_utc_ms, departure_precision, arrival_utc_ms, arrival_end_utc_ms, "
        "arrival_precision, note) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!leg) {
        return leg.error();
    }
    int ord = 0;
    for (const auto& l : voyage.legs) {
        leg->reset();
        leg->bind(1, id);
        leg->bind(2, ord++);
        leg->bind(3, l.fromLocode);
        leg->bind(4, l.toLocode);
        bindSpan(*leg, 5, l.departure);
        bindSpan(*leg, 8, l.arrival);
        leg->bind(11, l.note);
        if (Status done = leg->run(); !done) {
            return done.error();
        }
    }
    return id;
}

Result<std::vector<model::Voyage>> Database::voyages(std::optional<model::VesselId> vesselId)
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "SELECT id, vessel_id, key, name, origin_locode, destination_locode, departure_utc_ms, "
        "departure_end_utc_ms, departure_precision, arrival_utc_ms, arrival_end_utc_ms, "
        "arrival_precision, is_default, origin, distance_nm, ais_gap_ms FROM voyages "
        "WHERE CAST(?1 AS BIGINT) IS NULL OR vessel_id = ?1 "
        "ORDER BY departure_utc_ms, id"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, vesselId);
    auto legs = m_connection.prepare(QStringLiteral(
        "SELECT from_locode, to_locode, departure_utc_ms, departure_end_utc_ms, "
        "departure_precision, arrival_utc_ms, arrival_end_utc_ms, arrival_precision, note "
        "FROM voyage_legs WHERE voyage_id = ? ORDER BY ord"));
    if (!legs) {
        return legs.error();
    }
    std::vector<model::Voyage> out;
    if (Status status = stmt->forEach([&](Statement& row) -> Status {
            model::Voyage v;
            v.id = row.int64(0);
            v.vesselId = row.int64(1);
            v.key = row.text(2);
            v.name = row.text(3);
            v.originLocode = row.text(4);
            v.destinationLocode = row.text(5);
            v.departure = readSpan(row, 6);
            v.arrival = readSpan(row, 9);
            v.isDefault = row.int64(12) != 0;
            v.origin = row.text(13);
            v.distanceNm = row.optReal(14);
            v.aisGapMs = row.optInt64(15);
            legs->reset();
            legs->bind(1, v.id);
            // A failed step is an error, not the voyage's last leg.
            auto read = legs->collect<model::VoyageLeg>([](Statement& leg) {
                model::VoyageLeg l;
                l.fromLocode = leg.text(0);
                l.toLocode = leg.text(1);
                l.departure = readSpan(leg, 2);
                l.arrival = readSpan(leg, 5);
                l.note = leg.text(8);
                return l;
            });
            if (!read) {
                return read.error();
            }
            v.legs = std::move(read).value();
            out.push_back(std::move(v));
            return {};
        });
        !status) {
        return status.error();
    }
    return out;
}

} // namespace wake::store
