#pragma once

// One small SQL interface over Wake's two stores: an embedded SQLite file and
// a shared PostgreSQL server. A Connection runs SQL and prepares Statements;
// a Statement binds parameters (written `?` or `?N` in the SQL, 1-based) and
// steps through rows. The backends (sqlite_backend.cpp, pg_backend.cpp) turn
// their errors into wake::Error values: corruption is Error::Code::Damaged, a
// server that cannot be reached or refuses the login says so plainly.

#include "core/util/result.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <map>
#include <type_traits>
#include <vector>

namespace wake::store {

enum class Backend
{
    Sqlite,
    Postgres,
};

class StatementBackend;
class ConnectionBackend;

class Statement
{
public:
    enum class Step
    {
        Row,
        Done,
        Failed
    };

    Statement();
    explicit Statement(std::unique_ptr<StatementBackend> impl);
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    ~Statement();

    bool isValid() const { return m_impl != nullptr; }

    // Binding: index is 1-based.
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
    // Rows the last statement that finished (Done) inserted, changed or deleted.
    std::int64_t changes() const;

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    std::optional<std::int64_t> optInt64(int column) const;
    std::optional<double> optReal(int column) const;
    std::optional<QString> optText(int column) const;

    // The error of the last failed step, with the database's message.
    Error lastError() const;

    // The one row loop of the store (after MapLibre Native's sqlite3.hpp):
    // steps to the end calling read(*this) for each row. A failed step is
    // returned as its error, never taken for the end of the rows; read may
    // return a Status to stop with an error of its own.
    template <typename F>
    Status forEach(F&& read);
    // Every row, each made by read(*this).
    template <typename T, typename F>
    Result<std::vector<T>> collect(F&& read);
    // The first row made by read(*this); none when there is no row.
    template <typename T, typename F>
    Result<std::optional<T>> first(F&& read);
    // Runs a statement that returns no rows (INSERT, UPDATE, DELETE ...) to
    // its end: its error, or a row it was not expected to return.
    Status run();

private:
    std::unique_ptr<StatementBackend> m_impl;
};

template <typename F>
Status Statement::forEach(F&& read)
{
    for (;;) {
        switch (step()) {
        case Step::Done:
            return {};
        case Step::Failed:
            return lastError();
        case Step::Row:
            if constexpr (std::is_same_v<std::invoke_result_t<F, Statement&>, Status>) {
                if (Status s = read(*this); !s) {
                    return s;
                }
            } else {
                read(*this);
            }
            break;
        }
    }
}

template <typename T, typename F>
Result<std::vector<T>> Statement::collect(F&& read)
{
    std::vector<T> rows;
    if (Status s = forEach([&](Statement& row) { rows.push_back(read(row)); }); !s) {
        return s.error();
    }
    return rows;
}

template <typename T, typename F>
Result<std::optional<T>> Statement::first(F&& read)
{
    switch (step()) {
    case Step::Done:
        return std::optional<T>();
    case Step::Failed:
        return lastError();
    case Step::Row:
        break;
    }
    return std::optional<T>(read(*this));
}

class Connection
{
public:
    enum class Mode
    {
        ReadWriteCreate,
        ReadWrite,
        ReadOnly // the path may be a file: URI (immutable=1, for a file no one can write)
    };

    // A SQLite file (or ":memory:").
    static Result<Connection> open(const QString& path, Mode mode);
    // A PostgreSQL server: anything libpq takes (a postgresql:// URI,
    // "service=NAME", key=value pairs; PG* variables and ~/.pgpass apply).
    static Result<Connection> connect(const QString& conninfo);

    Connection();
    explicit Connection(std::unique_ptr<ConnectionBackend> impl);
    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    ~Connection();

    Backend backend() const;
    Status exec(const QString& sql);
    Result<Statement> prepare(const QString& sql);
    // A statement prepared once per connection and kept, reset and ready to
    // bind: for the statements a store runs again and again (per row of
    // another query, per batch). Valid while the connection lives; callers
    // bind every parameter each time.
    Result<Statement*> cached(const QString& sql);
    // Runs a one-row, one-column query and returns its integer value.
    Result<std::int64_t> queryInt(const QString& sql);
    // Starts a write transaction (SQLite takes its write lock at once).
    Status begin();
    ConnectionBackend& impl() { return *m_impl; }

private:
    std::unique_ptr<ConnectionBackend> m_impl;
    // Declared after m_impl: destroyed first, so every statement is
    // finalised before its connection closes.
    std::map<QString, Statement> m_cache;
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

// What each backend implements.
class StatementBackend
{
public:
    virtual ~StatementBackend() = default;
    virtual void bindNull(int index) = 0;
    virtual void bind(int index, std::int64_t value) = 0;
    virtual void bind(int index, double value) = 0;
    virtual void bind(int index, const QString& value) = 0;
    virtual Statement::Step step() = 0;
    virtual void reset() = 0;
    virtual std::int64_t changes() const = 0;
    virtual bool isNull(int column) const = 0;
    virtual std::int64_t int64(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual QString text(int column) const = 0;
    virtual Error lastError() const = 0;
};

class ConnectionBackend
{
public:
    virtual ~ConnectionBackend() = default;
    virtual Backend backend() const = 0;
    virtual Status exec(const QString& sql) = 0;
    virtual Result<std::unique_ptr<StatementBackend>> prepare(const QString& sql) = 0;
    virtual Status begin() = 0;
};

// Maps an SQLite result code and message to a wake::Error.
Error sqliteError(int code, const QString& message, const QString& what);

} // namespace wake::store
