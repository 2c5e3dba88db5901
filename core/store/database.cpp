#include "core/store/database.h"

#include "core/store/connection_target.h"
#include "core/store/schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace wake::store {

namespace {

// Every SQLite 3 file starts with this 16-byte header string.
constexpr char kSqliteMagic[] = "SQLite format 3";

Status checkLooksLikeSqlite(const QString& path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0) {
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{Error::Code::Io,
                     QStringLiteral("cannot read the file: %1").arg(file.errorString()), path};
    }
    const QByteArray head = file.read(16);
    if (head.size() < 16 || !head.startsWith(QByteArray(kSqliteMagic, sizeof kSqliteMagic))) {
        return Error{Error::Code::NotWake,
                     QStringLiteral("not a Wake database (the file is not an SQLite database); "
                                    "it was left unchanged"),
                     path};
    }
    return {};
}

} // namespace

bool Database::isServerTarget(const QString& target)
{
    return classifyTarget(target).kind == ConnectionTarget::Kind::Server;
}

Result<Database> Database::open(const QString& target)
{
    const ConnectionTarget classified = classifyTarget(target);
    switch (classified.kind) {
    case ConnectionTarget::Kind::Server:
        return openServer(classified.text);
    case ConnectionTarget::Kind::NotATarget:
        return Error{Error::Code::InvalidArgument,
                     classified.scheme.isEmpty()
                         ? QStringLiteral("not a database Wake can open: it looks like a "
                                          "connection string, but those start with key=value "
                                          "(host=..., service=...) and nothing was opened")
                         : QStringLiteral("not a database Wake can open: '%1://' is not "
                                          "postgresql:// or postgres://, and a file path has no "
                                          "'://'; nothing was opened or created")
                               .arg(classified.scheme),
                     store::maskedTarget(classified.text)};
    case ConnectionTarget::Kind::File:
        break;
    }
    return openSqlite(target);
}

bool Database::isReadOnlyFile(const QString& target)
{
    if (classifyTarget(target).kind != ConnectionTarget::Kind::File ||
        target == QLatin1String(":memory:")) {
        return false;
    }
    const QFileInfo file(target);
    return file.isFile() && file.size() > 0 &&
           (!file.isWritable() || !QFileInfo(file.absolutePath()).isWritable());
}

Result<Database> Database::openReadOnly(const QString& path)
{
    if (Status s = checkLooksLikeSqlite(path); !s) {
        return s.error();
    }
    // immutable: nobody can write a file its reader may not write, and
    // without it SQLite wants to create the log and its index beside it.
    QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    uri.setScheme(QStringLiteral("file"));
    uri.setQuery(QStringLiteral("immutable=1"));
    auto connection =
        Connection::open(uri.toString(QUrl::FullyEncoded), Connection::Mode::ReadOnly);
    if (!connection) {
        Error e = connection.error();
        e.where = path;
        return e;
    }
    Database db(path, std::move(connection).value());
    auto appId = db.m_connection.queryInt(QStringLiteral("PRAGMA application_id"));
    auto version = db.m_connection.queryInt(QStringLiteral("PRAGMA user_version"));
    if (!appId || !version) {
        Error e = !appId ? appId.error() : version.error();
        e.where = path;
        return e;
    }
    if (*appId != kApplicationId) {
        return Error{Error::Code::NotWake,
                     QStringLiteral("not a Wake database; it was left unchanged"), path};
    }
    if (*version != currentSchemaVersion()) {
        return Error{Error::Code::Io,
                     QStringLiteral("read-only, and written by %1 Wake (schema %2, this one "
                                    "reads %3): copy it somewhere writable to open it")
                         .arg(*version < currentSchemaVersion() ? QStringLiteral("an older")
                                                                : QStringLiteral("a newer"))
                         .arg(*version)
                         .arg(currentSchemaVersion()),
                     path};
    }
    return db;
}

Result<std::int64_t> Database::insertedId(Statement& stmt)
{
    if (stmt.step() != Statement::Step::Row) {
        return stmt.lastError();
    }
    const std::int64_t id = stmt.int64(0);
    while (true) {
        switch (stmt.step()) {
        case Statement::Step::Row:
            continue;
        case Statement::Step::Done:
            return id;
        case Statement::Step::Failed:
            return stmt.lastError();
        }
    }
}

Result<Database> Database::openSqlite(const QString& path)
{
    const bool inMemory = path == QLatin1String(":memory:");
    const bool existed = !inMemory && QFileInfo(path).exists() && QFileInfo(path).size() > 0;
    if (!inMemory && QFileInfo(path).isDir()) {
        return Error{Error::Code::Io, QStringLiteral("is a folder, not a database file"), path};
    }
    if (Status s = checkLooksLikeSqlite(path); !s) {
        return s.error();
    }
    // Wake writes to its database and keeps the write-ahead log beside it: a
    // read-only file, folder or disk is said as such, before SQLite's
    // "unable to open database file".
    if (!inMemory) {
        const QFileInfo file(path);
        const QFileInfo folder(file.absolutePath());
        if (!folder.exists()) {
            return Error{Error::Code::Io,
                         QStringLiteral("its folder %1 does not exist (Wake creates a new "
                                        "database file, not folders)")
                             .arg(QDir::toNativeSeparators(folder.absoluteFilePath())),
                         path};
        }
        if ((existed && !file.isWritable()) || !folder.isWritable()) {
            return Error{Error::Code::Io,
                         QStringLiteral("the database cannot be written: the file, its folder or "
                                        "the disk is read-only (Wake writes to the file and keeps "
                                        "its log beside it); it was left unchanged"),
                         path};
        }
    }
    auto connection = Connection::open(path, Connection::Mode::ReadWriteCreate);
    if (!connection) {
        return connection.error();
    }
    Database db(path, std::move(connection).value());

    // Read-only probes first: a damaged or foreign file fails here, before any write.
    auto appId = db.m_connection.queryInt(QStringLiteral("PRAGMA application_id"));
    if (!appId) {
        Error e = appId.error();
        e.where = path;
        return e;
    }
    auto version = db.m_connection.queryInt(QStringLiteral("PRAGMA user_version"));
    if (!version) {
        return version.error();
    }
    auto tables = db.m_connection.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!tables) {
        Error e = tables.error();
        e.where = path;
        return e;
    }
    const bool emptyFile = *appId == 0 && *version == 0 && *tables == 0;
    if (existed && !emptyFile && *appId != kApplicationId) {
        return Error{Error::Code::NotWake,
                     QStringLiteral("not a Wake database (an SQLite database of another "
                                    "application); it was left unchanged"),
                     path};
    }
    if (*version < 0) {
        // No Wake ever wrote this; migrating from it would index steps[v < 0].
        return Error{Error::Code::NotWake,
                     QStringLiteral("its schema version %1 is not one Wake knows; it was left "
                                    "unchanged")
                         .arg(*version),
                     path};
    }
    if (*version > currentSchemaVersion()) {
        return Error{
            Error::Code::TooNew,
            QStringLiteral("written by a newer Wake (schema %1; this Wake knows up to %2); "
                           "it was left unchanged")
                .arg(*version)
                .arg(currentSchemaVersion()),
            path};
    }
    // Check the file's integrity before anything writes to it: always before a
    // migration, and at every open for files small enough to check quickly.
    constexpr qint64 kQuickCheckMaxBytes = 64LL * 1024 * 1024;
    if (existed &&
        (*version < currentSchemaVersion() || QFileInfo(path).size() <= kQuickCheckMaxBytes)) {
        auto check = db.m_connection.prepare(QStringLiteral("PRAGMA quick_check(1)"));
        if (!check) {
            return check.error();
        }
        if (check->step() != Statement::Step::Row) {
            Error e = check->lastError();
            e.where = path;
            return e;
        }
        if (check->text(0) != QLatin1String("ok")) {
            return Error{Error::Code::Damaged,
                         QStringLiteral("the database file is damaged (%1); it was left unchanged")
                             .arg(check->text(0)),
                         path};
        }
    }

    // Page size: an import of time-ordered rows from thousands of vessels
    // rewrites each vessel's last page in every transaction, so smaller pages
    // write less (4 KiB: 2.9 times the final size written for a day of 7,000
    // vessels, against 4.2 with 16 KiB) at the same speed. Only a new, empty
    // file takes a new page size.
    if (*version == 0) {
        if (Status s = db.m_connection.exec(QStringLiteral("PRAGMA page_size = 4096")); !s) {
            return s.error();
        }
    }
    for (const char* pragma :
         {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
        if (Status s = db.m_connection.exec(QString::fromLatin1(pragma)); !s) {
            return s.error();
        }
    }
    if (Status s = db.migrate(static_cast<int>(*version)); !s) {
        return s.error();
    }
    return db;
}

Status Database::migrate(int fromVersion)
{
    // Schema 6 rebuilds the vessels table: with foreign keys on, dropping the
    // old one would delete every row that refers to a vessel. SQLite only
    // switches them outside a transaction.
    const bool rebuildsVessels = fromVersion > 0 && fromVersion < 6;
    if (rebuildsVessels) {
        if (Status s = m_connection.exec(QStringLiteral("PRAGMA foreign_keys = OFF")); !s) {
            return s;
        }
    }
    Status migrated = applyMigrations(migrations(), fromVersion, [this](int version) {
        return m_connection.exec(
            QStringLiteral("PRAGMA application_id = %1; PRAGMA user_version = %2")
                .arg(kApplicationId)
                .arg(version));
    });
    if (rebuildsVessels) {
        if (Status s = m_connection.exec(QStringLiteral("PRAGMA foreign_keys = ON")); !s) {
            return s;
        }
    }
    return migrated;
}

Status Database::applyMigrations(const std::vector<QString>& steps, int fromVersion,
                                 const std::function<Status(int)>& recordVersion)
{
    // One transaction a step: a failed step leaves the schema at the one before.
    for (int v = fromVersion; v < static_cast<int>(steps.size()); ++v) {
        Transaction tx(m_connection);
        if (!tx.beginStatus()) {
            return tx.beginStatus();
        }
        if (Status s = m_connection.exec(steps[static_cast<std::size_t>(v)]); !s) {
            Error e = s.error();
            e.message =
                QStringLiteral("migration to schema %1 failed: %2").arg(v + 1).arg(e.message);
            return e;
        }
        if (Status s = recordVersion(v + 1); !s) {
            return s;
        }
        if (Status s = tx.commit(); !s) {
            return s;
        }
    }
    return {};
}

Result<int> Database::schemaVersion()
{
    auto v = isServer()
                 ? m_connection.queryInt(QStringLiteral(
                       "SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'schema_version'"))
                 : m_connection.queryInt(QStringLiteral("PRAGMA user_version"));
    if (!v) {
        return v.error();
    }
    return static_cast<int>(*v);
}

Result<std::optional<QString>> Database::meta(const QString& key)
{
    auto stmt = m_connection.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, key);
    return stmt->first<QString>([](Statement& row) { return row.text(0); });
}

Status Database::setMeta(const QString& key, const QString& value)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, key);
    stmt->bind(2, value);
    return stmt->run();
}

Status Database::inTransaction(const std::function<Status()>& body)
{
    Transaction tx(m_connection);
    if (!tx.beginStatus()) {
        return tx.beginStatus();
    }
    if (Status s = body(); !s) {
        return s; // the transaction rolls back
    }
    return tx.commit();
}

Status Database::upsertSources(const std::vector<model::Source>& sources)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("INSERT INTO sources(id, title, url) VALUES(?, ?, ?) "
                       "ON CONFLICT(id) DO UPDATE SET title = excluded.title, url = excluded.url"));
    if (!stmt) {
        return stmt.error();
    }
    for (const model::Source& s : sources) {
        stmt->reset();
        stmt->bind(1, s.id);
        stmt->bind(2, s.title);
        if (s.url.isEmpty()) {
            stmt->bindNull(3);
        } else {
            stmt->bind(3, s.url);
        }
        if (Status done = stmt->run(); !done) {
            return done;
        }
    }
    return {};
}

Result<std::vector<model::Source>> Database::sources(const std::vector<QString>& ids)
{
    auto stmt =
        m_connection.prepare(QStringLiteral("SELECT id, title, url FROM sources WHERE id = ?"));
    if (!stmt) {
        return stmt.error();
    }
    std::vector<model::Source> out;
    for (const QString& id : ids) {
        stmt->reset();
        stmt->bind(1, id);
        auto found = stmt->first<model::Source>([](Statement& row) {
            return model::Source{row.text(0), row.text(1), row.text(2)};
        });
        if (!found) {
            return found.error();
        }
        if (*found) {
            out.push_back(std::move(**found));
        }
    }
    return out;
}

Status Database::insertSourceLinks(const QString& table, const QString& ownerColumn,
                                   std::int64_t ownerId, const std::vector<QString>& sourceIds)
{
    auto stmt =
        m_connection.cached(QStringLiteral("INSERT INTO %1(%2, source_id, ord) VALUES(?, ?, ?)")
                                .arg(table, ownerColumn));
    if (!stmt) {
        return stmt.error();
    }
    int ord = 0;
    for (const QString& id : sourceIds) {
        (*stmt)->reset();
        (*stmt)->bind(1, ownerId);
        (*stmt)->bind(2, id);
        (*stmt)->bind(3, ord++);
        if (Status s = (*stmt)->run(); !s) {
            Error e = s.error();
            e.message += QStringLiteral(" (source \"%1\")").arg(id);
            return e;
        }
    }
    return {};
}

Result<std::vector<QString>> Database::sourceLinks(const QString& table, const QString& ownerColumn,
                                                   std::int64_t ownerId)
{
    // Asked once per history row and fact of a vessel: prepared once.
    auto stmt =
        m_connection.cached(QStringLiteral("SELECT source_id FROM %1 WHERE %2 = ? ORDER BY ord")
                                .arg(table, ownerColumn));
    if (!stmt) {
        return stmt.error();
    }
    (*stmt)->bind(1, ownerId);
    return (*stmt)->collect<QString>([](Statement& row) { return row.text(0); });
}

} // namespace wake::store
