// The PostgreSQL backend of store/sql_connection.h, over libpq. Parameters
// go as text with their type (bigint, double precision, or left for the
// server to infer for text), results come back as text. A statement's rows
// are fetched when it first steps, so another statement may run while its
// rows are read (the store nests queries). A track, the one long read, goes
// by COPY instead (store/pg_database.cpp).

#include "core/store/pg_backend.h"

#include "core/store/connection_target.h"

#include <QRegularExpression>

#include <cstdlib>
#include <libpq-fe.h>
#include <vector>

namespace wake::store {

namespace {

constexpr Oid kInt8Oid = 20;
constexpr Oid kFloat8Oid = 701;

// `?` and `?N` placeholders as `$N`, outside quoted strings.
QByteArray toPgPlaceholders(const QString& sql)
{
    const QByteArray in = sql.toUtf8();
    QByteArray out;
    out.reserve(in.size() + 16);
    int next = 1;
    bool quoted = false;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '\'') {
            quoted = !quoted;
        }
        if (c != '?' || quoted) {
            out += c;
            continue;
        }
        qsizetype j = i + 1;
        while (j < in.size() && in[j] >= '0' && in[j] <= '9') {
            ++j;
        }
        out += '$';
        out += j > i + 1 ? in.mid(i + 1, j - i - 1) : QByteArray::number(next);
        ++next;
        i = j - 1;
    }
    return out;
}

struct ResultDeleter
{
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PgStatement final : public StatementBackend
{
public:
    PgStatement(PGconn* conn, const QString& sql)
        : m_conn(conn), m_sql(toPgPlaceholders(sql)), m_what(sql.simplified().left(60))
    {}

    void bindNull(int index) override { param(index) = Param{}; }
    void bind(int index, std::int64_t value) override
    {
        param(index) = Param{QByteArray::number(static_cast<qlonglong>(value)), kInt8Oid, false};
    }
    void bind(int index, double value) override
    {
        param(index) = Param{QByteArray::number(value, 'g', 17), kFloat8Oid, false};
    }
    void bind(int index, const QString& value) override
    {
        param(index) = Param{value.toUtf8(), 0, false};
    }

    Statement::Step step() override
    {
        if (!m_result) {
            std::vector<const char*> values;
            std::vector<Oid> types;
            for (const Param& p : m_params) {
                values.push_back(p.null ? nullptr : p.value.constData());
                types.push_back(p.type);
            }
            m_result.reset(PQexecParams(m_conn, m_sql.constData(), static_cast<int>(values.size()),
                                        types.data(), values.data(), nullptr, nullptr, 0));
            m_row = -1;
            const ExecStatusType status = PQresultStatus(m_result.get());
            if (status == PGRES_COMMAND_OK) {
                m_changes = std::atoll(PQcmdTuples(m_result.get()));
                return Statement::Step::Done;
            }
            if (status != PGRES_TUPLES_OK) {
                m_failed = true;
                return Statement::Step::Failed;
            }
            m_changes = std::atoll(PQcmdTuples(m_result.get()));
        }
        if (m_failed) {
            return Statement::Step::Failed;
        }
        if (PQresultStatus(m_result.get()) != PGRES_TUPLES_OK) {
            return Statement::Step::Done;
        }
        ++m_row;
        return m_row < PQntuples(m_result.get()) ? Statement::Step::Row : Statement::Step::Done;
    }
    void reset() override
    {
        m_result.reset();
        m_failed = false;
        m_row = -1;
    }
    std::int64_t changes() const override { return m_changes; }
    bool isNull(int column) const override
    {
        return PQgetisnull(m_result.get(), m_row, column) != 0;
    }
    std::int64_t int64(int column) const override
    {
        const char* v = PQgetvalue(m_result.get(), m_row, column);
        if (v[0] == 't' || v[0] == 'f') { // a boolean expression
            return v[0] == 't' ? 1 : 0;
        }
        return std::strtoll(v, nullptr, 10);
    }
    double real(int column) const override
    {
        return std::strtod(PQgetvalue(m_result.get(), m_row, column), nullptr);
    }
    QString text(int column) const override
    {
        return QString::fromUtf8(PQgetvalue(m_result.get(), m_row, column),
                                 PQgetlength(m_result.get(), m_row, column));
    }
    Error lastError() const override
    {
        const char* message =
            m_result ? PQresultErrorMessage(m_result.get()) : PQerrorMessage(m_conn);
        return postgresError(m_conn, QString::fromUtf8(message).trimmed(), m_what);
    }

private:
    struct Param
    {
        QByteArray value;
        Oid type = 0;
        bool null = true;
    };
    Param& param(int index)
    {
        if (static_cast<std::size_t>(index) > m_params.size()) {
            m_params.resize(static_cast<std::size_t>(index));
        }
        m_result.reset();
        return m_params[static_cast<std::size_t>(index) - 1];
    }

    PGconn* m_conn;
    QByteArray m_sql;
    QString m_what;
    std::vector<Param> m_params;
    PgResultPtr m_result;
    int m_row = -1;
    bool m_failed = false;
    std::int64_t m_changes = 0;
};

class PgConnection final : public ConnectionBackend
{
public:
    explicit PgConnection(PGconn* conn) : m_conn(conn) {}
    ~PgConnection() override { PQfinish(m_conn); }

    Backend backend() const override { return Backend::Postgres; }
    Status exec(const QString& sql) override
    {
        PgResultPtr r(PQexec(m_conn, sql.toUtf8().constData()));
        const ExecStatusType status = PQresultStatus(r.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            return postgresError(m_conn, QString::fromUtf8(PQresultErrorMessage(r.get())).trimmed(),
                                 sql.simplified().left(60));
        }
        return {};
    }
    Result<std::unique_ptr<StatementBackend>> prepare(const QString& sql) override
    {
        return std::unique_ptr<StatementBackend>(std::make_unique<PgStatement>(m_conn, sql));
    }
    Status begin() override { return exec(QStringLiteral("BEGIN")); }
    PGconn* handle() const { return m_conn; }

private:
    PGconn* m_conn;
};

} // namespace

Error postgresError(PGconn* conn, const QString& message, const QString& what)
{
    if (conn != nullptr && PQstatus(conn) == CONNECTION_BAD) {
        return Error{
            Error::Code::Io,
            QStringLiteral("the connection to the PostgreSQL server was lost (%1)").arg(message),
            what};
    }
    return Error{Error::Code::Database, QStringLiteral("PostgreSQL: %1").arg(message), what};
}

PGconn* pgHandle(Connection& connection)
{
    return static_cast<PgConnection&>(connection.impl()).handle();
}

QString describeServer(PGconn* conn)
{
    // Never the password: user, host, port and database only.
    const char* host = PQhost(conn);
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(QString::fromUtf8(PQuser(conn)),
             host != nullptr && host[0] == '/' ? QStringLiteral("[%1]").arg(QString::fromUtf8(host))
                                               : QString::fromUtf8(host),
             QString::fromUtf8(PQport(conn)), QString::fromUtf8(PQdb(conn)));
}

namespace {

// libpq's messages about a connection string quote pieces of it: the
// password, when that is the piece it could not read. Only the names of
// options ("Host" in "invalid connection option") and "=" are kept.
bool isLibpqKeyword(const QString& word)
{
    bool found = false;
    if (PQconninfoOption* defaults = PQconndefaults()) {
        for (PQconninfoOption* o = defaults; o->keyword != nullptr && !found; ++o) {
            found = word == QLatin1String(o->keyword);
        }
        PQconninfoFree(defaults);
    }
    return found;
}

QString withoutSecrets(const QString& message, const QString& conninfo)
{
    static const QRegularExpression quoted(QStringLiteral("\"([^\"]*)\""));
    QString out;
    qsizetype last = 0;
    for (auto it = quoted.globalMatch(message); it.hasNext();) {
        const auto m = it.next();
        const QString piece = m.captured(1);
        const bool optionName =
            !piece.contains(QLatin1Char(' ')) &&
            (isLibpqKeyword(piece) ||
             QRegularExpression(
                 QStringLiteral("(^|\\s)%1\\s*=").arg(QRegularExpression::escape(piece)))
                 .match(conninfo)
                 .hasMatch());
        out += message.mid(last, m.capturedStart() - last);
        out +=
            piece == QLatin1String("=") || optionName ? m.captured(0) : QStringLiteral("\"***\"");
        last = m.capturedEnd();
    }
    out += message.mid(last);
    // And the password itself, wherever else it may appear.
    char* error = nullptr;
    if (PQconninfoOption* options = PQconninfoParse(conninfo.toUtf8().constData(), &error)) {
        for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
            if (o->val != nullptr && o->val[0] != '\0' && qstrcmp(o->keyword, "password") == 0) {
                out.replace(QString::fromUtf8(o->val), QStringLiteral("***"));
            }
        }
        PQconninfoFree(options);
    }
    PQfreemem(error);
    return maskedTarget(out);
}

} // namespace

Result<Connection> Connection::connect(const QString& conninfo)
{
    PGconn* conn = PQconnectdb(conninfo.toUtf8().constData());
    if (conn == nullptr) {
        return Error{Error::Code::Io, QStringLiteral("out of memory connecting to PostgreSQL"), {}};
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        QString message =
            withoutSecrets(QString::fromUtf8(PQerrorMessage(conn)).trimmed(), conninfo);
        PQfinish(conn);
        // libpq's messages name the host and user, never the password.
        QString hint;
        if (message.contains(QLatin1String("password authentication failed")) ||
            message.contains(QLatin1String("no password supplied"))) {
            hint = QStringLiteral("the server refused the login: check the user and password "
                                  "(~/.pgpass or PGPASSWORD)");
        } else if (message.contains(QLatin1String("Connection refused")) ||
                   message.contains(QLatin1String("No such file or directory")) ||
                   message.contains(QLatin1String("could not translate host name")) ||
                   message.contains(QLatin1String("timeout expired"))) {
            hint = QStringLiteral("cannot reach the PostgreSQL server: is it running, and are "
                                  "the host and port right?");
        } else if (message.contains(QLatin1String("does not exist"))) {
            hint = QStringLiteral("the server has no such database or user");
        } else {
            hint = QStringLiteral("cannot connect to the PostgreSQL server");
        }
        return Error{Error::Code::Io, QStringLiteral("%1 (%2)").arg(hint, message), {}};
    }
    PQsetClientEncoding(conn, "UTF8");
    return Connection(std::make_unique<PgConnection>(conn));
}

} // namespace wake::store
