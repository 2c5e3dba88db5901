#include "store/sqlite_connection.h"

#include <sqlite3.h>

namespace wake::store {

Error sqliteError(int code, const QString& message, const QString& what)
{
    const int primary = code & 0xff;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
        return Error{Error::Code::Damaged,
                     QStringLiteral("the database file is damaged or not a database (SQLite: %1)")
                         .arg(message),
                     what};
    }
    if (primary == SQLITE_FULL) {
        return Error{Error::Code::Io,
                     QStringLiteral("the disk is full (SQLite: %1); free some space and try "
                                    "again: what was stored before is kept")
                         .arg(message),
                     what};
    }
    if (primary == SQLITE_READONLY || primary == SQLITE_PERM) {
        return Error{Error::Code::Io,
                     QStringLiteral("the database cannot be written (SQLite: %1); check that "
                                    "the file and its folder may be written")
                         .arg(message),
                     what};
    }
    if (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR) {
        return Error{Error::Code::Io, QStringLiteral("SQLite: %1").arg(message), what};
    }
    return Error{Error::Code::Database, QStringLiteral("SQLite: %1").arg(message), what};
}

void Statement::finalize(sqlite3_stmt* stmt)
{
    sqlite3_finalize(stmt);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt.get(), index);
}

void Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt.get(), index, value);
}

void Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt.get(), index, value);
}

void Statement::bind(int index, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt.get(), index, utf8.constData(), static_cast<int>(utf8.size()),
                      SQLITE_TRANSIENT);
}

Statement::Step Statement::step()
{
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW) {
        return Step::Row;
    }
    if (rc == SQLITE_DONE) {
        return Step::Done;
    }
    return Step::Failed;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt.get());
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt.get(), column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt.get(), column);
}

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt.get(), column));
    const int size = sqlite3_column_bytes(m_stmt.get(), column);
    return data == nullptr ? QString() : QString::fromUtf8(data, size);
}

std::optional<std::int64_t> Statement::optInt64(int column) const
{
    return isNull(column) ? std::nullopt : std::optional<std::int64_t>(int64(column));
}

std::optional<double> Statement::optReal(int column) const
{
    return isNull(column) ? std::nullopt : std::optional<double>(real(column));
}

std::optional<QString> Statement::optText(int column) const
{
    return isNull(column) ? std::nullopt : std::optional<QString>(text(column));
}

Error Statement::lastError() const
{
    return sqliteError(sqlite3_extended_errcode(m_db), QString::fromUtf8(sqlite3_errmsg(m_db)),
                       QString::fromUtf8(sqlite3_sql(m_stmt.get())).left(60));
}

void Connection::close(sqlite3* db)
{
    sqlite3_close_v2(db);
}

Result<Connection> Connection::open(const QString& path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    Connection connection;
    connection.m_db.reset(raw);
    if (rc != SQLITE_OK) {
        const QString message = raw != nullptr ? QString::fromUtf8(sqlite3_errmsg(raw))
                                               : QString::fromUtf8(sqlite3_errstr(rc));
        return sqliteError(rc, message, path);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return connection;
}

Error Connection::errorFromCode(int code, const QString& what) const
{
    return sqliteError(code, QString::fromUtf8(sqlite3_errmsg(m_db.get())), what);
}

Status Connection::exec(const QString& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db.get(), sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text = message != nullptr ? QString::fromUtf8(message) : QString();
        sqlite3_free(message);
        return sqliteError(sqlite3_extended_errcode(m_db.get()), text, sql.simplified().left(60));
    }
    return {};
}

Result<Statement> Connection::prepare(const QString& sql)
{
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(m_db.get(), utf8.constData(), static_cast<int>(utf8.size()),
                                      &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return errorFromCode(rc, sql.simplified().left(60));
    }
    return Statement(m_db.get(), stmt);
}

Result<std::int64_t> Connection::queryInt(const QString& sql)
{
    auto stmt = prepare(sql);
    if (!stmt) {
        return stmt.error();
    }
    if (stmt->step() != Statement::Step::Row) {
        return stmt->lastError();
    }
    return stmt->int64(0);
}

std::int64_t Connection::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db.get());
}

int Connection::changes() const
{
    return sqlite3_changes(m_db.get());
}

Transaction::Transaction(Connection& connection)
    : m_connection(connection), m_begin(connection.exec(QStringLiteral("BEGIN IMMEDIATE")))
{}

Transaction::~Transaction()
{
    if (!m_done && m_begin.ok()) {
        (void)m_connection.exec(QStringLiteral("ROLLBACK"));
    }
}

Status Transaction::commit()
{
    if (!m_begin.ok()) {
        return m_begin;
    }
    m_done = true;
    Status s = m_connection.exec(QStringLiteral("COMMIT"));
    if (!s.ok()) {
        (void)m_connection.exec(QStringLiteral("ROLLBACK"));
    }
    return s;
}

} // namespace wake::store
