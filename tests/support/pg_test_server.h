#pragma once

// The throwaway PostgreSQL server the tests use: ./test.sh runs ctest under
// pg_virtualenv, which starts a cluster and sets PGHOST, PGPORT, PGUSER and
// PGPASSWORD; each test makes a database of its own there and drops it after.
// Without that server a test fails and says how to get one: none is skipped.

#include "core/util/result.h"

#include <QString>

namespace wake::test {

class PgTestDatabase
{
public:
    // Creates an empty database with a unique name; an error says why not.
    static Result<PgTestDatabase> create();
    PgTestDatabase(PgTestDatabase&&) noexcept;
    PgTestDatabase& operator=(PgTestDatabase&&) = delete;
    ~PgTestDatabase(); // drops it

    // What Database::open and --db take ("dbname=... host=127.0.0.1"; the
    // rest comes from the PG* variables).
    QString target() const;
    const QString& name() const { return m_name; }

private:
    explicit PgTestDatabase(QString name) : m_name(std::move(name)) {}
    QString m_name;
};

} // namespace wake::test
