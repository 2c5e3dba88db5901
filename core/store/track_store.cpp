// Database: track points (bulk insert and range queries).

#include "core/store/database.h"
#include "core/store/track_row.h"

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

namespace {

constexpr int kTrackColumns = 9;
// Rows per INSERT statement: one statement step per 64 rows instead of per
// row roughly halves SQLite's per-row overhead in bulk imports.
constexpr std::size_t kRowsPerStatement = 64;

QString insertSql(std::size_t rows)
{
    QString sql =
        QStringLiteral("INSERT INTO track_points(vessel_id, time_utc_ms, lat_e7, lon_e7, sog_dkn, "
                       "cog_ddeg, heading_deg, nav_status, provenance) VALUES ");
    for (std::size_t i = 0; i < rows; ++i) {
        sql +=
            i == 0 ? QStringLiteral("(?,?,?,?,?,?,?,?,?)") : QStringLiteral(",(?,?,?,?,?,?,?,?,?)");
    }
    return sql + QStringLiteral(" ON CONFLICT DO NOTHING"); // a duplicate reception
}

void bindPoint(Statement& stmt, int first, const model::TrackPoint& p)
{
    stmt.bind(first, p.vesselId);
    stmt.bind(first + 1, p.timeUtcMs);
    stmt.bind(first + 2, track_row::degrees(p.latDeg));
    stmt.bind(first + 3, track_row::degrees(p.lonDeg));
    if (p.sogKnots) {
        stmt.bind(first + 4, track_row::tenths(*p.sogKnots));
    } else {
        stmt.bindNull(first + 4);
    }
    if (p.cogDeg) {
        stmt.bind(first + 5, track_row::tenths(*p.cogDeg));
    } else {
        stmt.bindNull(first + 5);
    }
    if (p.headingDeg) {
        stmt.bind(first + 6, static_cast<int>(*p.headingDeg));
    } else {
        stmt.bindNull(first + 6);
    }
    if (p.navStatus) {
        stmt.bind(first + 7, static_cast<int>(*p.navStatus));
    } else {
        stmt.bindNull(first + 7);
    }
    stmt.bind(first + 8, static_cast<int>(p.provenance));
}

// A position from columns first.. first+7: time, lat, lon, sog, cog,
// heading, status, provenance (heading and status left empty unless withStatus).
model::TrackPoint readPoint(const Statement& stmt, int first, bool withStatus)
{
    model::TrackPoint p;
    p.timeUtcMs = stmt.int64(first);
    p.latDeg = track_row::degrees(stmt.int64(first + 1));
    p.lonDeg = track_row::degrees(stmt.int64(first + 2));
    if (auto v = stmt.optInt64(first + 3)) {
        p.sogKnots = track_row::tenths(*v);
    }
    if (auto v = stmt.optInt64(first + 4)) {
        p.cogDeg = track_row::tenths(*v);
    }
    if (withStatus) {
        if (auto v = stmt.optInt64(first + 5)) {
            p.headingDeg = static_cast<std::int16_t>(*v);
        }
        if (auto v = stmt.optInt64(first + 6)) {
            p.navStatus = static_cast<std::uint8_t>(*v);
        }
    }
    p.provenance = model::provenanceFromInt(static_cast<int>(stmt.int64(first + 7)))
                       .value_or(model::Provenance::Observed);
    return p;
}

// Every row of a statement whose columns are the vessel, then a position
// as readPoint reads it.
Result<std::vector<model::TrackPoint>> vesselPoints(Statement& stmt)
{
    std::vector<model::TrackPoint> out;
    if (Status status = stmt.forEach([&](Statement& row) {
            model::TrackPoint p = readPoint(row, 1, true);
            p.vesselId = row.int64(0);
            out.push_back(p);
        });
        !status) {
        return status.error();
    }
    return out;
}

} // namespace

Status Database::widenVesselSpans(std::span<const model::TrackPoint> points)
{
    // One row per run of a vessel's points (batches come sorted by vessel),
    // up to kSpanRows rows per upsert: one round trip each on a server.
    struct Span
    {
        model::VesselId id;
        std::int64_t first;
        std::int64_t last;
    };
    std::vector<Span> spans;
    for (std::size_t i = 0; i < points.size();) {
        const model::VesselId id = points[i].vesselId;
        Span span{id, points[i].timeUtcMs, points[i].timeUtcMs};
        for (; i < points.size() && points[i].vesselId == id; ++i) {
            span.first = std::min(span.first, points[i].timeUtcMs);
            span.last = std::max(span.last, points[i].timeUtcMs);
        }
        spans.push_back(span);
    }
    constexpr std::size_t kSpanRows = 256;
    auto sqlFor = [](std::size_t rows) {
        QString sql =
            QStringLiteral("INSERT INTO vessel_spans(vessel_id, first_ms, last_ms) VALUES ");
        for (std::size_t i = 0; i < rows; ++i) {
            sql += i == 0 ? QStringLiteral("(?,?,?)") : QStringLiteral(",(?,?,?)");
        }
        // The same vessel twice in one statement is refused by PostgreSQL:
        // runs are merged per vessel below, so each appears once.
        return sql +
               QStringLiteral(" ON CONFLICT(vessel_id) DO UPDATE SET "
                              "first_ms = CASE WHEN excluded.first_ms < vessel_spans.first_ms "
                              "THEN excluded.first_ms ELSE vessel_spans.first_ms END, "
                              "last_ms = CASE WHEN excluded.last_ms > vessel_spans.last_ms "
                              "THEN excluded.last_ms ELSE vessel_spans.last_ms END");
    };
    // Unsorted input can hold a vessel in several runs: one span per vessel.
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.id < b.id; });
    std::vector<Span> merged;
    for (const Span& s : spans) {
        if (!merged.empty() && merged.back().id == s.id) {
            merged.back().first = std::min(merged.back().first, s.first);
            merged.back().last = std::max(merged.back().last, s.last);
        } else {
            merged.push_back(s);
        }
    }
    for (std::size_t next = 0; next < merged.size(); next += kSpanRows) {
        const std::size_t rows = std::min(kSpanRows, merged.size() - next);
        auto stmt = m_connection.prepare(sqlFor(rows));
        if (!stmt) {
            return stmt.error();
        }
        for (std::size_t i = 0; i < rows; ++i) {
            const Span& s = merged[next + i];
            stmt->bind(static_cast<int>(3 * i + 1), s.id);
            stmt->bind(static_cast<int>(3 * i + 2), s.first);
            stmt->bind(static_cast<int>(3 * i + 3), s.last);
        }
        if (Status done = stmt->run(); !done) {
            return done.error();
        }
    }
    return {};
}

Result<std::int64_t> Database::appendTrackPoints(std::span<const model::TrackPoint> points)
{
    if (Status s = widenVesselSpans(points); !s) {
        return s.error();
    }
    if (isServer()) {
        return copyTrackPoints(points);
    }
    std::int64_t stored = 0;
    const std::size_t whole = points.size() / kRowsPerStatement * kRowsPerStatement;
    if (whole > 0) {
        auto many = m_connection.prepare(insertSql(kRowsPerStatement));
        if (!many) {
            return many.error();
        }
        for (std::size_t next = 0; next < whole; next += kRowsPerStatement) {
            many->reset();
            for (std::size_t i = 0; i < kRowsPerStatement; ++i) {
                bindPoint(*many, static_cast<int>(i) * kTrackColumns + 1, points[next + i]);
            }
            if (Status done = many->run(); !done) {
                return done.error();
            }
            stored += many->changes();
        }
    }
    if (whole < points.size()) {
        auto one = m_connection.prepare(insertSql(1));
        if (!one) {
            return one.error();
        }
        for (std::size_t i = whole; i < points.size(); ++i) {
            one->reset();
            bindPoint(*one, 1, points[i]);
            if (Status done = one->run(); !done) {
                return done.error();
            }
            stored += one->changes();
        }
    }
    return stored;
}

Result<std::vector<model::TrackPoint>> Database::track(model::VesselId vesselId,
                                                       std::int64_t fromUtcMs, std::int64_t toUtcMs,
                                                       TrackFields fields)
{
    // Columns 5 and 6 are read as NULL when only the motion is asked for:
    // one statement, two column lists.
    const bool all = fields == TrackFields::All;
    if (isServer()) {
        return copyOutTrack(vesselId, fromUtcMs, toUtcMs, all);
    }
    auto stmt = m_connection.prepare(
        all ? QStringLiteral(
                  "SELECT time_utc_ms, lat_e7, lon_e7, sog_dkn, cog_ddeg, heading_deg, "
                  "nav_status, provenance "
                  "FROM track_points WHERE vessel_id = ? AND time_utc_ms BETWEEN ? AND ? "
                  "ORDER BY time_utc_ms")
            : QStringLiteral(
                  "SELECT time_utc_ms, lat_e7, lon_e7, sog_dkn, cog_ddeg, NULL, NULL, "
                  "provenance "
                  "FROM track_points WHERE vessel_id = ? AND time_utc_ms BETWEEN ? AND ? "
                  "ORDER BY time_utc_ms"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, vesselId);
    stmt->bind(2, fromUtcMs);
    stmt->bind(3, toUtcMs);
    std::vector<model::TrackPoint> out;
    out.reserve(2048); // a day of one fix a minute without regrowing
    if (Status status = stmt->forEach([&](Statement& row) {
            model::TrackPoint p = readPoint(row, 0, all);
            p.vesselId = vesselId;
            out.push_back(p);
        });
        !status) {
        return status.error();
    }
    return out;
}

Result<std::int64_t> Database::trackPointCount(std::optional<model::VesselId> vesselId)
{
    auto stmt = m_connection.prepare(QStringLiteral(
        "SELECT count(*) FROM track_points WHERE CAST(?1 AS BIGINT) IS NULL OR vessel_id = ?1"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, vesselId);
    if (stmt->step() != Statement::Step::Row) {
        return stmt->lastError();
    }
    return stmt->int64(0);
}

Result<std::vector<model::VesselId>>
Database::vesselsWithTrackIn(std::int64_t fromUtcMs, std::int64_t toUtcMs, std::int64_t limit)
{
    // The vessels whose span overlaps the range; a vessel whose span lies
    // inside it has a point in it, the others need one primary-key seek (on
    // a server only into the range's day partitions). Asking for all time
    // (analysis of everything) then reads no positions at all: at 14,000
    // vessels over 37 partitions 8 ms on PostgreSQL, where a seek per vessel
    // into every partition took 460 ms.
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT s.vessel_id FROM vessel_spans s WHERE s.first_ms <= ?2 AND "
                       "s.last_ms >= ?1 AND ((s.first_ms >= ?1 AND s.last_ms <= ?2) OR EXISTS "
                       "(SELECT 1 FROM track_points t WHERE t.vessel_id = s.vessel_id AND "
                       "t.time_utc_ms BETWEEN ?1 AND ?2)) ORDER BY s.vessel_id LIMIT ?3"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, fromUtcMs);
    stmt->bind(2, toUtcMs);
    stmt->bind(3, limit);
    std::vector<model::VesselId> out;
    if (Status status = stmt->forEach([&](Statement& row) { out.push_back(row.int64(0)); });
        !status) {
        return status.error();
    }
    return out;
}

Result<std::vector<model::TrackPoint>> Database::trackEndsIn(TrackEnd end, std::int64_t fromUtcMs,
                                                             std::int64_t toUtcMs)
{
    // vessel_spans holds each end's time; the fix itself is one key seek
    // (SQLite's CROSS JOIN keeps the spans outside; PostgreSQL has no
    // CROSS JOIN ... ON and plans it so by itself).
    const QString column =
        end == TrackEnd::First ? QStringLiteral("first_ms") : QStringLiteral("last_ms");
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT t.vessel_id, t.time_utc_ms, t.lat_e7, t.lon_e7, t.sog_dkn, "
                       "t.cog_ddeg, t.heading_deg, t.nav_status, t.provenance FROM vessel_spans s "
                       "%2 track_points t ON t.vessel_id = s.vessel_id AND t.time_utc_ms = s.%1 "
                       "WHERE s.%1 BETWEEN ?1 AND ?2 ORDER BY s.%1, s.vessel_id")
            .arg(column, isServer() ? QStringLiteral("JOIN") : QStringLiteral("CROSS JOIN")));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, fromUtcMs);
    stmt->bind(2, toUtcMs);
    return vesselPoints(*stmt);
}

Result<std::vector<model::TrackPoint>> Database::positionsAt(std::int64_t timeUtcMs,
                                                             std::int64_t maxAgeMs)
{
    // Per vessel whose positions span the time, the last fix at or before
    // it: a seek or two on the (vessel, time) key each, no scan of the
    // positions. SQLite's CROSS JOIN keeps the vessels outside (it would
    // otherwise scan every position); on a server the window's bounds prune
    // the seeks to its one or two day partitions. (A pass over the window's
    // rows instead was ten times slower at 10 M positions a day: a BRIN on
    // time reads whole import batches.)
    auto stmt = m_connection.prepare(
        isServer()
            ? QStringLiteral("SELECT t.vessel_id, t.time_utc_ms, t.lat_e7, t.lon_e7, t.sog_dkn, "
                             "t.cog_ddeg, t.heading_deg, t.nav_status, t.provenance FROM "
                             "vessel_spans s CROSS JOIN LATERAL (SELECT * FROM track_points p "
                             "WHERE p.vessel_id = s.vessel_id AND p.time_utc_ms BETWEEN ?1 AND ?2 "
                             "ORDER BY p.time_utc_ms DESC LIMIT 1) t "
                             "WHERE s.first_ms <= ?2 AND s.last_ms >= ?1")
            : QStringLiteral(
                  "SELECT t.vessel_id, t.time_utc_ms, t.lat_e7, t.lon_e7, t.sog_dkn, t.cog_ddeg, "
                  "t.heading_deg, t.nav_status, t.provenance FROM vessel_spans s CROSS JOIN "
                  "track_points t ON t.vessel_id = s.vessel_id AND t.time_utc_ms = (SELECT "
                  "max(time_utc_ms) FROM track_points WHERE vessel_id = s.vessel_id AND "
                  "time_utc_ms BETWEEN ?1 AND ?2) WHERE s.first_ms <= ?2 AND s.last_ms >= ?1"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, timeUtcMs - maxAgeMs);
    stmt->bind(2, timeUtcMs);
    return vesselPoints(*stmt);
}

} // namespace wake::store

namespace wake::store {

Result<std::optional<model::TrackPoint>> Database::fixNearest(model::VesselId vesselId,
                                                              std::int64_t timeUtcMs)
{
    // The last fix at or before the time and the first after it; the nearer wins.
    std::optional<model::TrackPoint> best;
    for (const char* sql :
         {"SELECT time_utc_ms, lat_e7, lon_e7, sog_dkn, cog_ddeg, heading_deg, nav_status, "
          "provenance FROM track_points WHERE vessel_id = ? AND time_utc_ms <= ? "
          "ORDER BY time_utc_ms DESC LIMIT 1",
          "SELECT time_utc_ms, lat_e7, lon_e7, sog_dkn, cog_ddeg, heading_deg, nav_status, "
          "provenance FROM track_points WHERE vessel_id = ? AND time_utc_ms > ? "
          "ORDER BY time_utc_ms LIMIT 1"}) {
        auto stmt = m_connection.prepare(QString::fromLatin1(sql));
        if (!stmt) {
            return stmt.error();
        }
        stmt->bind(1, vesselId);
        stmt->bind(2, timeUtcMs);
        auto found =
            stmt->first<model::TrackPoint>([](Statement& row) { return readPoint(row, 0, true); });
        if (!found) {
            return found.error();
        }
        if (!*found) {
            continue;
        }
        model::TrackPoint p = **found;
        p.vesselId = vesselId;
        if (!best ||
            std::llabs(p.timeUtcMs - timeUtcMs) < std::llabs(best->timeUtcMs - timeUtcMs)) {
            best = p;
        }
    }
    return best;
}

} // namespace wake::store
