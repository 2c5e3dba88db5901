// Database on a PostgreSQL server: reading a track. Rows come by binary
// COPY TO STDOUT and are parsed as they arrive, never held whole in a libpq
// result as well. A range longer than two days is first narrowed to the
// vessel's span (so only its days' partitions are planned and searched).
// The server's side of a COPY (finding the rows in each day partition and
// formatting every value) costs about twice Wake's, so a long range is then
// read in two halves at once: on this connection and on a second one that
// imports its snapshot (as pg_dump's parallel workers do), the two halves
// seeing exactly the same data.

#include "core/store/database.h"
#include "core/store/pg_backend.h"
#include "core/store/pg_schema.h"
#include "core/store/track_row.h"

#include <QScopeGuard>
#include <QtEndian>

#include <libpq-fe.h>
#include <thread>

namespace wake::store {

namespace {

// Up to this span a read touches at most three day partitions and goes in
// one COPY; beyond it, knowing the vessel's span and a second connection
// (a thread, a snapshot, a few round trips) pay.
constexpr std::int64_t kTwoHalvesSpanMs = 2 * kPgPartitionMs;

const QString kWhat = QStringLiteral("COPY track_points TO STDOUT");

// One binary COPY row's fields, read from a row PQgetCopyData gave.
class CopyRowReader
{
public:
    CopyRowReader(const char* at, const char* end) : m_at(at), m_end(end) {}

    bool atEnd() const { return m_at >= m_end; }
    void skip(std::int64_t n) { m_at += std::min<std::int64_t>(n, m_end - m_at); }
    // A big-endian integer of T's size.
    template <typename T>
    std::optional<T> take()
    {
        if (m_end - m_at < static_cast<std::ptrdiff_t>(sizeof(T))) {
            return std::nullopt;
        }
        const auto v = qFromBigEndian<T>(m_at);
        m_at += sizeof(T);
        return v;
    }
    // A field: its length, then a big-endian integer of that length. False
    // when the row ends early or the field is not an integer; value is
    // empty for NULL.
    bool field(std::optional<std::int64_t>& value)
    {
        const auto length = take<qint32>();
        if (!length) {
            return false;
        }
        if (*length < 0) {
            value.reset();
            return true;
        }
        if (m_end - m_at < *length) {
            return false;
        }
        switch (*length) {
        case 8:
            value = qFromBigEndian<qint64>(m_at);
            break;
        case 4:
            value = qFromBigEndian<qint32>(m_at);
            break;
        case 2:
            value = qFromBigEndian<qint16>(m_at);
            break;
        default:
            return false;
        }
        m_at += *length;
        return true;
    }

private:
    const char* m_at;
    const char* m_end;
};

model::TrackPoint trackPoint(model::VesselId vesselId, const std::optional<std::int64_t> (&v)[8])
{
    model::TrackPoint p;
    p.vesselId = vesselId;
    p.timeUtcMs = v[0].value_or(0);
    p.latDeg = track_row::degrees(v[1].value_or(0));
    p.lonDeg = track_row::degrees(v[2].value_or(0));
    if (v[3]) {
        p.sogKnots = track_row::tenths(*v[3]);
    }
    if (v[4]) {
        p.cogDeg = track_row::tenths(*v[4]);
    }
    if (v[5]) {
        p.headingDeg = static_cast<std::int16_t>(*v[5]);
    }
    if (v[6]) {
        p.navStatus = static_cast<std::uint8_t>(*v[6]);
    }
    p.provenance = model::provenanceFromInt(static_cast<int>(v[7].value_or(0)))
                       .value_or(model::Provenance::Observed);
    return p;
}

// Appends the vessel's positions in [fromUtcMs, toUtcMs], in time order.
Status copyOutRange(PGconn* conn, model::VesselId vesselId, std::int64_t fromUtcMs,
                    std::int64_t toUtcMs, bool all, std::vector<model::TrackPoint>& out)
{
    // COPY sends rows with far less per-row work on both sides than a
    // query's result rows do. It takes no parameters: the values are whole
    // numbers, written into the SQL as such.
    const QByteArray sql =
        QStringLiteral("COPY (SELECT time_utc_ms, lat_e7, lon_e7, sog_dkn, cog_ddeg, %1, "
                       "provenance FROM track_points WHERE vessel_id = %2 AND time_utc_ms "
                       "BETWEEN %3 AND %4 ORDER BY time_utc_ms) TO STDOUT (FORMAT binary)")
            .arg(all ? QStringLiteral("heading_deg, nav_status")
                     : QStringLiteral("NULL::smallint, NULL::smallint"))
            .arg(vesselId)
            .arg(fromUtcMs)
            .arg(toUtcMs)
            .toUtf8();
    PGresult* start = PQexec(conn, sql.constData());
    const bool copying = PQresultStatus(start) == PGRES_COPY_OUT;
    const QString startError = QString::fromUtf8(PQresultErrorMessage(start)).trimmed();
    PQclear(start);
    if (!copying) {
        return postgresError(conn, startError, kWhat);
    }
    bool header = true;
    bool damaged = false;
    for (;;) {
        char* raw = nullptr;
        const int n = PQgetCopyData(conn, &raw, 0);
        if (n < 0) {
            break; // -1: done; -2: an error, reported by the result below
        }
        CopyRowReader row(raw, raw + n);
        if (header) {
            // Signature (11 bytes), flags, and the header extension's length.
            row.skip(15);
            row.skip(row.take<qint32>().value_or(0));
            header = false;
        }
        while (!row.atEnd() && !damaged) {
            const auto count = row.take<qint16>();
            if (!count || *count == -1) {
                break; // the trailer
            }
            std::optional<std::int64_t> v[8];
            for (auto& value : v) {
                if (!row.field(value)) {
                    damaged = true;
                    break;
                }
            }
            if (!damaged) {
                out.push_back(trackPoint(vesselId, v));
            }
        }
        PQfreemem(raw);
    }
    QString error;
    while (PGresult* r = PQgetResult(conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        }
        PQclear(r);
    }
    if (error.isEmpty() && damaged) {
        error = QStringLiteral("a row of the track could not be read");
    }
    if (!error.isEmpty()) {
        return postgresError(conn, error, kWhat);
    }
    return {};
}

// Runs SQL that ends in a query and returns its first row (empty values for
// NULL). Raw libpq, so that BEGIN and the query go in one round trip, which
// a Statement (one statement, with parameters) cannot take.
Result<std::vector<std::optional<QByteArray>>> queryRow(PGconn* conn, const QByteArray& sql)
{
    PGresult* r = PQexec(conn, sql.constData());
    const auto clear = qScopeGuard([r] { PQclear(r); });
    const ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        return postgresError(conn, QString::fromUtf8(PQresultErrorMessage(r)).trimmed(),
                             QString::fromUtf8(sql).simplified().left(60));
    }
    std::vector<std::optional<QByteArray>> row;
    if (status == PGRES_TUPLES_OK && PQntuples(r) > 0) {
        for (int c = 0; c < PQnfields(r); ++c) {
            if (PQgetisnull(r, 0, c)) {
                row.emplace_back();
            } else {
                row.emplace_back(QByteArray(PQgetvalue(r, 0, c), PQgetlength(r, 0, c)));
            }
        }
    }
    return row;
}

void endReadTransaction(PGconn* conn)
{
    if (PQtransactionStatus(conn) != PQTRANS_IDLE) {
        PQclear(PQexec(conn, "ROLLBACK")); // read only: nothing to keep
    }
}

bool isSnapshotName(const QByteArray& name)
{
    if (name.isEmpty() || name.size() > 64) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || c == '-';
    });
}

} // namespace

Connection* Database::partnerConnection()
{
    if (!m_partner && !m_partnerUnavailable) {
        // A server short of connections only makes long reads slower.
        auto partner = Connection::connect(m_target);
        if (partner) {
            m_partner = std::move(*partner);
        } else {
            m_partnerUnavailable = true;
        }
    }
    return m_partner ? &*m_partner : nullptr;
}

Result<std::vector<model::TrackPoint>> Database::copyOutTrack(model::VesselId vesselId,
                                                              std::int64_t fromUtcMs,
                                                              std::int64_t toUtcMs, bool all)
{
    PGconn* conn = pgHandle(m_connection);
    std::vector<model::TrackPoint> out;
    const auto inOneRead = [&](std::int64_t from,
                               std::int64_t to) -> Result<std::vector<model::TrackPoint>> {
        if (Status s = copyOutRange(conn, vesselId, from, to, all, out); !s) {
            return s.error();
        }
        return std::move(out);
    };
    const auto span = [](std::int64_t from, std::int64_t to) {
        return to > from ? static_cast<std::uint64_t>(to) - static_cast<std::uint64_t>(from) : 0;
    };
    if (span(fromUtcMs, toUtcMs) < kTwoHalvesSpanMs) {
        return inOneRead(fromUtcMs, toUtcMs); // a day or two: one or two partitions
    }

    // A longer range, often all time, is narrowed to the vessel's own span
    // first (vessel_spans covers every position, written in the same
    // transaction): a whole-track read in an archive of a year would
    // otherwise plan and probe 365 partitions, ten times the read itself.
    // Two halves need one snapshot; not inside the caller's transaction,
    // whose writes a second connection would not see, nor on one core.
    const bool inHalves = m_twoConnectionReads && PQtransactionStatus(conn) == PQTRANS_IDLE &&
                          std::thread::hardware_concurrency() >= 2;
    auto spanned = queryRow(
        conn, QStringLiteral("%1SELECT %2, s.first_ms, s.last_ms FROM (SELECT 1) AS one "
                             "LEFT JOIN vessel_spans s ON s.vessel_id = %3")
                  .arg(inHalves ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ "
                                                 "ONLY; ")
                                : QString(),
                       inHalves ? QStringLiteral("pg_export_snapshot()") : QStringLiteral("NULL"))
                  .arg(vesselId)
                  .toUtf8());
    const auto end = qScopeGuard([&] {
        if (inHalves) {
            endReadTransaction(conn);
        }
    });
    if (!spanned) {
        return spanned.error();
    }
    if (spanned->size() != 3 || !(*spanned)[1] || !(*spanned)[2]) {
        return out; // no span: no positions
    }
    const std::int64_t first = std::max<std::int64_t>(fromUtcMs, (*spanned)[1]->toLongLong());
    const std::int64_t last = std::min<std::int64_t>(toUtcMs, (*spanned)[2]->toLongLong());
    if (first > last) {
        return out;
    }
    const QByteArray snapshot = (*spanned)[0].value_or(QByteArray());
    Connection* partner =
        inHalves && span(first, last) >= kTwoHalvesSpanMs && isSnapshotName(snapshot)
            ? partnerConnection()
            : nullptr;
    if (partner == nullptr) {
        return inOneRead(first, last);
    }

    // The halves meet in the middle of what is to be read.
    const std::int64_t middle = first + (last - first) / 2;
    std::vector<model::TrackPoint> later;
    Status laterStatus;
    std::thread laterReader([&] {
        PGconn* partnerConn = pgHandle(*partner);
        Status imported =
            partner->exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; "
                                         "SET TRANSACTION SNAPSHOT '%1'")
                              .arg(QString::fromLatin1(snapshot)));
        laterStatus =
            imported ? copyOutRange(partnerConn, vesselId, middle + 1, last, all, later) : imported;
        endReadTransaction(partnerConn);
    });
    Status earlier = copyOutRange(conn, vesselId, first, middle, all, out);
    laterReader.join();
    if (!earlier) {
        return earlier.error();
    }
    if (!laterStatus) {
        // The second connection failed (the server may have ended it): read
        // the later half here, in the same snapshot, and open a new partner
        // next time.
        m_partner.reset();
        if (Status s = copyOutRange(conn, vesselId, middle + 1, last, all, out); !s) {
            return s.error();
        }
        return out;
    }
    out.insert(out.end(), later.begin(), later.end());
    return out;
}

} // namespace wake::store
