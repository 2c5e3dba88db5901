#pragma once

// A thin RAII wrapper over the SQLite C API: a connection, prepared statements
// and transactions. Errors become wake::Error values with SQLite's message;
// corruption is reported as Error::Code::Damaged so callers can say so plainly.

#include "util/result.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace wake::store {

class Statement
{
public:
    enum class Step
    {
        Row,
        Done,
        Failed
    };

    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt, &finalize) {}

    bool isValid() const { return m_stmt != nullptr; }

    // Binding: index is 1-based, as in SQLite.
    void bindNull(int index);
    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, double value);
    void bind(int index, const QString& value);
    template <typename T>
    void bind(int index, const std::optional<T>& value)
    {
        if (value) {
            bind(index, *value);
        } else {
            bindNull(index);
        }
    }

    Step step();
    void reset(); // ready to run again; keeps bindings

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    std::optional<std::int64_t> optInt64(int column) const;
    std::optional<double> optReal(int column) const;
    std::optional<QString> optText(int column) const;

    // The error of the last failed step, with the database's message.
    Error lastError() const;

private:
    static void finalize(sqlite3_stmt* stmt);
    sqlite3* m_db = nullptr;
    std::unique_ptr<sqlite3_stmt, void (*)(sqlite3_stmt*)> m_stmt{nullptr, &finalize};
};

class Connection
{
public:
    enum class Mode
    {
        ReadWriteCreate,
        ReadWrite,
        ReadOnly
    };

    static Result<Connection> open(const QString& path, Mode mode);

    sqlite3* handle() const { return m_db.get(); }
    Status exec(const QString& sql);
    Result<Statement> prepare(const QString& sql);
    // Runs a one-row, one-column query and returns its integer value.
    Result<std::int64_t> queryInt(const QString& sql);
    std::int64_t lastInsertRowId() const;
    int changes() const;

    Error errorFromCode(int code, const QString& what) const;

private:
    static void close(sqlite3* db);
    std::unique_ptr<sqlite3, void (*)(sqlite3*)> m_db{nullptr, &close};
};

// Commits when commit() is called; rolls back otherwise. Not nestable.
class Transaction
{
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const Status& beginStatus() const { return m_begin; }
    Status commit();

private:
    Connection& m_connection;
    Status m_begin;
    bool m_done = false;
};

// Maps an SQLite result code and message to a wake::Error.
Error sqliteError(int code, const QString& message, const QString& what);

} // namespace wake::store
