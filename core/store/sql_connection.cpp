#include "core/store/sql_connection.h"

namespace wake::store {

Statement::Statement() = default;
Statement::Statement(std::unique_ptr<StatementBackend> impl) : m_impl(std::move(impl)) {}
Statement::Statement(Statement&&) noexcept = default;
Statement& Statement::operator=(Statement&&) noexcept = default;
Statement::~Statement() = default;

void Statement::bindNull(int index)
{
    m_impl->bindNull(index);
}

void Statement::bind(int index, std::int64_t value)
{
    m_impl->bind(index, value);
}

void Statement::bind(int index, double value)
{
    m_impl->bind(index, value);
}

void Statement::bind(int index, const QString& value)
{
    m_impl->bind(index, value);
}

Statement::Step Statement::step()
{
    return m_impl->step();
}

void Statement::reset()
{
    m_impl->reset();
}

std::int64_t Statement::changes() const
{
    return m_impl->changes();
}

bool Statement::isNull(int column) const
{
    return m_impl->isNull(column);
}

std::int64_t Statement::int64(int column) const
{
    return m_impl->int64(column);
}

double Statement::real(int column) const
{
    return m_impl->real(column);
}

QString Statement::text(int column) const
{
    return m_impl->text(column);
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
    return m_impl->lastError();
}

Status Statement::run()
{
    switch (step()) {
    case Step::Done:
        return {};
    case Step::Failed:
        return lastError();
    case Step::Row:
        break;
    }
    return Error{
        Error::Code::Database, QStringLiteral("a statement run for no rows returned one"), {}};
}

Connection::Connection() = default;
Connection::Connection(std::unique_ptr<ConnectionBackend> impl) : m_impl(std::move(impl)) {}
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

Backend Connection::backend() const
{
    return m_impl->backend();
}

Status Connection::exec(const QString& sql)
{
    return m_impl->exec(sql);
}

Result<Statement> Connection::prepare(const QString& sql)
{
    auto impl = m_impl->prepare(sql);
    if (!impl) {
        return impl.error();
    }
    return Statement(std::move(*impl));
}

Result<Statement*> Connection::cached(const QString& sql)
{
    if (const auto it = m_cache.find(sql); it != m_cache.end()) {
        it->second.reset();
        return &it->second;
    }
    auto stmt = prepare(sql);
    if (!stmt) {
        return stmt.error();
    }
    return &m_cache.emplace(sql, std::move(stmt).value()).first->second;
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

Status Connection::begin()
{
    return m_impl->begin();
}

Transaction::Transaction(Connection& connection)
    : m_connection(connection), m_begin(connection.begin())
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
