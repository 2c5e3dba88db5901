// Database on a PostgreSQL + PostGIS server: opening (PostGIS, another
// application's database, migrations) and the bulk write path, positions
// through binary COPY into a staging table and on into their day partitions.

#include "core/store/database.h"
#include "core/store/pg_backend.h"
#include "core/store/pg_schema.h"
#include "core/store/track_row.h"

#include <QtEndian>

#include <cmath>
#include <libpq-fe.h>

namespace wake::store {

namespace {

constexpr const char* kApplication = "wake";

Result<bool> exists(Connection& c, const QString& sql)
{
    auto n = c.queryInt(sql);
    if (!n) {
        return n.error();
    }
    return *n > 0;
}

std::int64_t dayStart(std::int64_t utcMs)
{
    const std::int64_t day =
        utcMs >= 0 ? utcMs / kPgPartitionMs : -((-utcMs + kPgPartitionMs - 1) / kPgPartitionMs);
    return day * kPgPartitionMs;
}

// PostgreSQL's binary COPY format: big-endian fields with their lengths.
class CopyBuffer
{
public:
    CopyBuffer()
    {
        m_bytes.append("PGCOPY\n\377\r\n\0", 11);
        put32(0); // flags
        put32(0); // header extension
    }
    void beginRow(std::int16_t fields) { put16(fields); }
    void int8(std::int64_t v)
    {
        put32(8);
        put64(v);
    }
    void int4(std::int32_t v)
    {
        put32(4);
        put32(v);
    }
    void int2(std::optional<std::int64_t> v)
    {
        if (!v) {
            put32(-1);
            return;
        }
        put32(2);
        put16(static_cast<std::int16_t>(*v));
    }
    QByteArray& finish()
    {
        put16(-1);
        return m_bytes;
    }

private:
    void put16(std::int16_t v)
    {
        const auto be = qToBigEndian(v);
        m_bytes.append(reinterpret_cast<const char*>(&be), 2);
    }
    void put32(std::int32_t v)
    {
        const auto be = qToBigEndian(v);
        m_bytes.append(reinterpret_cast<const char*>(&be), 4);
    }
    void put64(std::int64_t v)
    {
        const auto be = qToBigEndian(v);
        m_bytes.append(reinterpret_cast<const char*>(&be), 8);
    }
    QByteArray m_bytes;
};

} // namespace

Result<Database> Database::openServer(const QString& conninfo)
{
    auto connection = Connection::connect(conninfo);
    if (!connection) {
        return connection.error();
    }
    const QString name = describeServer(pgHandle(*connection));
    Database db(name, std::move(connection).value());
    db.m_target = conninfo;
    Connection& c = db.m_connection;
    if (Status s = c.exec(QStringLiteral("SET client_min_messages = warning")); !s) {
        return s.error();
    }

    // Another application's database is left alone: Wake's has its meta table
    // saying so, or is empty.
    auto hasMeta = exists(c, QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                            "WHERE table_schema = current_schema() AND "
                                            "table_name = 'meta'"));
    if (!hasMeta) {
        return hasMeta.error();
    }
    if (*hasMeta) {
        auto app = db.meta(QStringLiteral("application"));
        if (!app) {
            return app.error();
        }
        if (!app->has_value() || **app != QLatin1String(kApplication)) {
            return Error{Error::Code::NotWake,
                         QStringLiteral("not a Wake database (the server's database belongs to "
                                        "another application); it was left unchanged"),
                         name};
        }
    } else {
        // An extension's own tables and views (PostGIS's spatial_ref_sys and
        // geometry_columns, created with it in public) are not another
        // application's.
        auto tables = exists(
            c, QStringLiteral("SELECT count(*) FROM pg_class k JOIN pg_namespace n ON "
                              "n.oid = k.relnamespace WHERE n.nspname = current_schema() AND "
                              "k.relkind IN ('r', 'v', 'm', 'p', 'f') AND NOT EXISTS (SELECT 1 "
                              "FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND "
                              "d.objid = k.oid AND d.deptype = 'e')"));
        if (!tables) {
            return tables.error();
        }
        if (*tables) {
            return Error{Error::Code::NotWake,
                         QStringLiteral("not a Wake database (its schema already holds tables of "
                                        "another application); it was left unchanged; give Wake "
                                        "a database of its own"),
                         name};
        }
    }

    // PostGIS: the geometry views QGIS opens.
    auto postgis = exists(c, QStringLiteral("SELECT count(*) FROM pg_extension "
                                            "WHERE extname = 'postgis'"));
    if (!postgis) {
        return postgis.error();
    }
    if (!*postgis) {
        if (Status s = c.exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS postgis")); !s) {
            return Error{Error::Code::Database,
                         QStringLiteral("PostGIS is missing on the server: install "
                                        "postgresql-15-postgis-3 there and have a superuser "
                                        "run CREATE EXTENSION postgis in this database (sudo "
                                        "-u postgres psql -d DATABASE -c 'CREATE EXTENSION "
                                        "postgis'; docs/archive.md) (%1)")
                             .arg(s.error().message),
                         name};
        }
    }
    if (Status s = db.migratePg(*hasMeta); !s) {
        return s.error();
    }
    return db;
}

Status Database::migratePg(bool hasSchema)
{
    int version = 0;
    if (hasSchema) {
        auto v = schemaVersion();
        if (!v) {
            return v.error();
        }
        version = *v;
    }
    if (version < 0) {
        return Error{Error::Code::NotWake,
                     QStringLiteral("its schema version %1 is not one Wake knows; it was left "
                                    "unchanged")
                         .arg(version),
                     m_path};
    }
    if (version > currentPgSchemaVersion()) {
        return Error{Error::Code::TooNew,
                     QStringLiteral("written by a newer Wake (schema %1; this Wake knows up to "
                                    "%2); it was left unchanged")
                         .arg(version)
                         .arg(currentPgSchemaVersion()),
                     m_path};
    }
    return applyMigrations(pgMigrations(), version, [this](int v) {
        if (Status s = setMeta(QStringLiteral("application"), QString::fromLatin1(kApplication));
            !s) {
            return s;
        }
        return setMeta(QStringLiteral("schema_version"), QString::number(v));
    });
}

Status Database::ensurePartitions(std::span<const model::TrackPoint> points)
{
    std::set<std::int64_t> days;
    for (const model::TrackPoint& p : points) {
        const std::int64_t day = dayStart(p.timeUtcMs);
        if (!m_partitionDays.contains(day)) {
            days.insert(day);
        }
    }
    for (const std::int64_t day : days) {
        // IF NOT EXISTS: another writer may have made it meanwhile.
        const Status s = m_connection.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS %1 PARTITION OF track_points "
                           "FOR VALUES FROM (%2) TO (%3)")
                .arg(pgPartitionName(day))
                .arg(day)
                .arg(day + kPgPartitionMs));
        if (!s) {
            return s;
        }
        m_partitionDays.insert(day);
    }
    return {};
}

namespace {

// Sends one binary COPY. sqlState gets the server's error code when it fails.
Status copyInto(PGconn* conn, const char* sql, const QByteArray& bytes, QString* sqlState)
{
    PGresult* start = PQexec(conn, sql);
    const bool copying = PQresultStatus(start) == PGRES_COPY_IN;
    const QString startError = QString::fromUtf8(PQresultErrorMessage(start)).trimmed();
    PQclear(start);
    if (!copying) {
        return postgresError(conn, startError, QString::fromLatin1(sql));
    }
    if (PQputCopyData(conn, bytes.constData(), static_cast<int>(bytes.size())) != 1 ||
        PQputCopyEnd(conn, nullptr) != 1) {
        return postgresError(conn, QString::fromUtf8(PQerrorMessage(conn)).trimmed(),
                             QString::fromLatin1(sql));
    }
    QString error;
    while (PGresult* r = PQgetResult(conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
            if (sqlState != nullptr) {
                *sqlState = QString::fromLatin1(PQresultErrorField(r, PG_DIAG_SQLSTATE));
            }
        }
        PQclear(r);
    }
    if (!error.isEmpty()) {
        return postgresError(conn, error, QString::fromLatin1(sql));
    }
    return {};
}

} // namespace

Result<std::int64_t> Database::copyTrackPoints(std::span<const model::TrackPoint> points)
{
    if (points.empty()) {
        return std::int64_t{0};
    }
    if (Status s = ensurePartitions(points); !s) {
        return s.error();
    }
    CopyBuffer buffer;
    for (const model::TrackPoint& p : points) {
        buffer.beginRow(9);
        buffer.int8(p.vesselId);
        buffer.int8(p.timeUtcMs);
        buffer.int4(static_cast<std::int32_t>(track_row::degrees(p.latDeg)));
        buffer.int4(static_cast<std::int32_t>(track_row::degrees(p.lonDeg)));
        buffer.int2(p.sogKnots ? std::optional<std::int64_t>(track_row::tenths(*p.sogKnots))
                               : std::nullopt);
        buffer.int2(p.cogDeg ? std::optional<std::int64_t>(track_row::tenths(*p.cogDeg))
                             : std::nullopt);
        buffer.int2(p.headingDeg ? std::optional<std::int64_t>(*p.headingDeg) : std::nullopt);
        buffer.int2(p.navStatus ? std::optional<std::int64_t>(*p.navStatus) : std::nullopt);
        buffer.int2(static_cast<std::int64_t>(p.provenance));
    }
    const QByteArray& bytes = buffer.finish();
    PGconn* conn = pgHandle(m_connection);

    // Most batches hold only new positions: COPY them straight into their
    // partitions, inside a savepoint. A duplicate (a re-import, a second
    // receiver) makes COPY fail; then the batch goes through a staging table
    // and INSERT ... ON CONFLICT DO NOTHING, which skips what is stored.
    const bool inTransaction = PQtransactionStatus(conn) == PQTRANS_INTRANS;
    if (inTransaction) {
        if (Status s = m_connection.exec(QStringLiteral("SAVEPOINT wake_copy")); !s) {
            return s.error();
        }
        QString sqlState;
        const Status direct =
            copyInto(conn, "COPY track_points FROM STDIN (FORMAT binary)", bytes, &sqlState);
        if (direct) {
            if (Status s = m_connection.exec(QStringLiteral("RELEASE SAVEPOINT wake_copy")); !s) {
                return s.error();
            }
            return static_cast<std::int64_t>(points.size());
        }
        if (Status s = m_connection.exec(QStringLiteral("ROLLBACK TO SAVEPOINT wake_copy")); !s) {
            return s.error();
        }
        if (sqlState != QLatin1String("23505")) { // not a unique violation: a real failure
            return direct.error();
        }
    }
    if (Status s = m_connection.exec(
            QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS track_stage (LIKE track_points); "
                           "TRUNCATE track_stage"));
        !s) {
        return s.error();
    }
    if (Status s = copyInto(conn, "COPY track_stage FROM STDIN (FORMAT binary)", bytes, nullptr);
        !s) {
        return s.error();
    }
    auto insert = m_connection.prepare(QStringLiteral(
        "INSERT INTO track_points SELECT * FROM track_stage ON CONFLICT DO NOTHING"));
    if (!insert) {
        return insert.error();
    }
    if (Status done = insert->run(); !done) {
        return done.error();
    }
    return insert->changes();
}

} // namespace wake::store
