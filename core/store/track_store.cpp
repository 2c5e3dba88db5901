// Database: track points (bulk insert and range queries).

#include "store/database.h"

#include <algorithm>

namespace wake::store {

Result<std::int64_t> Database::insertTrackPoints(std::span<const model::TrackPoint> points,
                                                 std::size_t batchSize)
{
    batchSize = std::max<std::size_t>(batchSize, 1);
    std::int64_t stored = 0;
    for (std::size_t next = 0; next < points.size(); next += batchSize) {
        Transaction tx(m_connection);
        if (!tx.beginStatus()) {
            return tx.beginStatus().error();
        }
        auto n = appendTrackPoints(points.subspan(next, std::min(batchSize, points.size() - next)));
        if (!n) {
            return n.error(); // this batch rolls back; committed batches stay
        }
        if (Status s = tx.commit(); !s) {
            return s.error();
        }
        stored += *n;
    }
    return stored;
}

Result<std::int64_t> Database::appendTrackPoints(std::span<const model::TrackPoint> points)
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO track_points(vessel_id, time_utc_ms, lat, lon, sog_knots, "
        "cog_deg, heading_deg, nav_status, provenance) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!stmt) {
        return stmt.error();
    }
    std::int64_t stored = 0;
    for (const model::TrackPoint& p : points) {
        stmt->reset();
        stmt->bind(1, p.vesselId);
        stmt->bind(2, p.timeUtcMs);
        stmt->bind(3, p.latDeg);
        stmt->bind(4, p.lonDeg);
        if (p.sogKnots) {
            stmt->bind(5, static_cast<double>(*p.sogKnots));
        } else {
            stmt->bindNull(5);
        }
        if (p.cogDeg) {
            stmt->bind(6, static_cast<double>(*p.cogDeg));
        } else {
            stmt->bindNull(6);
        }
        if (p.headingDeg) {
            stmt->bind(7, static_cast<int>(*p.headingDeg));
        } else {
            stmt->bindNull(7);
        }
        if (p.navStatus) {
            stmt->bind(8, static_cast<int>(*p.navStatus));
        } else {
            stmt->bindNull(8);
        }
        stmt->bind(9, static_cast<int>(p.provenance));
        if (stmt->step() != Statement::Step::Done) {
            return stmt->lastError();
        }
        stored += m_connection.changes();
    }
    return stored;
}

Result<std::vector<model::TrackPoint>> Database::track(model::VesselId vesselId,
                                                       std::int64_t fromUtcMs, std::int64_t toUtcMs)
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "SELECT time_utc_ms, lat, lon, sog_knots, cog_deg, heading_deg, nav_status, provenance "
        "FROM track_points WHERE vessel_id = ? AND time_utc_ms BETWEEN ? AND ? "
        "ORDER BY time_utc_ms"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, vesselId);
    stmt->bind(2, fromUtcMs);
    stmt->bind(3, toUtcMs);
    std::vector<model::TrackPoint> out;
    for (;;) {
        const auto step = stmt->step();
        if (step == Statement::Step::Done) {
            return out;
        }
        if (step == Statement::Step::Failed) {
            return stmt->lastError();
        }
        model::TrackPoint p;
        p.vesselId = vesselId;
        p.timeUtcMs = stmt->int64(0);
        p.latDeg = stmt->real(1);
        p.lonDeg = stmt->real(2);
        if (auto v = stmt->optReal(3)) {
            p.sogKnots = static_cast<float>(*v);
        }
        if (auto v = stmt->optReal(4)) {
            p.cogDeg = static_cast<float>(*v);
        }
        if (auto v = stmt->optInt64(5)) {
            p.headingDeg = static_cast<std::int16_t>(*v);
        }
        if (auto v = stmt->optInt64(6)) {
            p.navStatus = static_cast<std::uint8_t>(*v);
        }
        p.provenance = model::provenanceFromInt(static_cast<int>(stmt->int64(7)))
                           .value_or(model::Provenance::Observed);
        out.push_back(p);
    }
}

Result<std::int64_t> Database::trackPointCount(std::optional<model::VesselId> vesselId)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT count(*) FROM track_points WHERE ?1 IS NULL OR vessel_id = ?1"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, vesselId);
    if (stmt->step() != Statement::Step::Row) {
        return stmt->lastError();
    }
    return stmt->int64(0);
}

} // namespace wake::store
