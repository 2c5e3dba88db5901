#include "tests/support/pg_test_server.h"

#include "core/store/sql_connection.h"

#include <QCoreApplication>
#include <QRandomGenerator>

namespace wake::test {

namespace {

Result<store::Connection> maintenance()
{
    if (qEnvironmentVariableIsEmpty("PGPORT") || qEnvironmentVariableIsEmpty("PGUSER")) {
        return Error{Error::Code::NotFound,
                     QStringLiteral("no PostgreSQL test server: run the tests under "
                                    "pg_virtualenv (./test.sh does), which sets PGHOST, PGPORT, "
                                    "PGUSER and PGPASSWORD"),
                     {}};
    }
    return store::Connection::connect(QStringLiteral("host=127.0.0.1 dbname=postgres"));
}

} // namespace

Result<PgTestDatabase> PgTestDatabase::create()
{
    auto c = maintenance();
    if (!c) {
        return c.error();
    }
    const QString name = QStringLiteral("wake_test_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QRandomGenerator::global()->generate64(), 0, 36);
    if (Status s = c->exec(QStringLiteral("CREATE DATABASE %1").arg(name)); !s) {
        return s.error();
    }
    return PgTestDatabase(name);
}

PgTestDatabase::PgTestDatabase(PgTestDatabase&& other) noexcept : m_name(std::move(other.m_name))
{
    other.m_name.clear();
}

PgTestDatabase::~PgTestDatabase()
{
    if (m_name.isEmpty()) {
        return;
    }
    if (auto c = maintenance()) {
        (void)c->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
}

QString PgTestDatabase::target() const
{
    return QStringLiteral("host=127.0.0.1 dbname=%1").arg(m_name);
}

} // namespace wake::test
