// The SQLite backend of store/sql_connection.h: a thin RAII wrapper over the
// SQLite C API.

#include "core/store/sql_connection.h"

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

namespace {

class SqliteStatement final : public StatementBackend
{
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    ~SqliteStatement() override { sqlite3_finalize(m_stmt); }

    void bindNull(int index) override { sqlite3_bind_null(m_stmt, index); }
    void bind(int index, std::int64_t value) override { sqlite3_bind_int64(m_stmt, index, value); }
    void bind(int index, double value) override { sqlite3_bind_double(m_stmt, index, value); }
    void bind(int index, const QString& value) override
    {
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()),
                          SQLITE_TRANSIENT);
    }
    Statement::Step step() override
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            return Statement::Step::Row;
        }
        if (rc == SQLITE_DONE) {
            m_changes = sqlite3_changes(m_db);
            return Statement::Step::Done;
        }
        return Statement::Step::Failed;
    }
    void reset() override { sqlite3_reset(m_stmt); }
    std::int64_t changes() const override { return m_changes; }
    bool isNull(int column) const override
    {
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
    }
    std::int64_t int64(int column) const override { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const override { return sqlite3_column_double(m_stmt, column); }
    QString text(int column) const override
    {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
        const int size = sqlite3_column_bytes(m_stmt, column);
        return data == nullptr ? QString() : QString::fromUtf8(data, size);
    }
    Error lastError() const override
    {
        return sqliteError(sqlite3_extended_errcode(m_db), QString::fromUtf8(sqlite3_errmsg(m_db)),
                           QString::fromUtf8(sqlite3_sql(m_stmt)).left(60));
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
    std::int64_t m_changes = 0;
};

class SqliteConnection final : public ConnectionBackend
{
public:
    explicit SqliteConnection(sqlite3* db) : m_db(db) {}
    ~SqliteConnection() override { sqlite3_close_v2(m_db); }

    Backend backend() const override { return Backend::Sqlite; }
    Status exec(const QString& sql) override
    {
        char* message = nullptr;
        const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
        if (rc != SQLITE_OK) {
            const QString text = message != nullptr ? QString::fromUtf8(message) : QString();
            sqlite3_free(message);
            return sqliteError(sqlite3_extended_errcode(m_db), text, sql.simplified().left(60));
        }
        return {};
    }
    Result<std::unique_ptr<StatementBackend>> prepare(const QString& sql) override
    {
        sqlite3_stmt* stmt = nullptr;
        const QByteArray utf8 = sql.toUtf8();
        const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), static_cast<int>(utf8.size()),
                                          &stmt, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt);
            return sqliteError(rc, QString::fromUtf8(sqlite3_errmsg(m_db)),
                               sql.simplified().left(60));
        }
        return std::unique_ptr<StatementBackend>(std::make_unique<SqliteStatement>(m_db, stmt));
    }
    // IMMEDIATE: the write lock at once, so a busy database waits here
    // (busy timeout) rather than failing halfway through the writes.
    Status begin() override { return exec(QStringLiteral("BEGIN IMMEDIATE")); }

private:
    sqlite3* m_db;
};

} // namespace

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
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI; // file:...?immutable=1
        break;
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = raw != nullptr ? QString::fromUtf8(sqlite3_errmsg(raw))
                                               : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(raw);
        return sqliteError(rc, message, path);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return Connection(std::make_unique<SqliteConnection>(raw));
}

} // namespace wake::store
