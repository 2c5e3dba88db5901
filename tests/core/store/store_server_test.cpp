// Opening a PostgreSQL archive: what a user sees when the server is down,
// the password is wrong, or the database belongs to another application;
// the schema (day partitions, the PostGIS views QGIS opens) and migrations.

#include "core/store/connection_target.h"
#include "core/store/database.h"
#include "core/store/pg_schema.h"
#include "tests/support/pg_test_server.h"

#include <QDir>
#include <QTcpServer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace wake;
using store::Database;

TEST(StoreServer, TargetsAreTellingFilesFromServers)
{
    EXPECT_TRUE(Database::isServerTarget(QStringLiteral("postgresql://wake@db.example/ais")));
    EXPECT_TRUE(Database::isServerTarget(QStringLiteral("service=archive")));
    EXPECT_TRUE(Database::isServerTarget(QStringLiteral("host=127.0.0.1 dbname=ais")));
    EXPECT_FALSE(Database::isServerTarget(QStringLiteral("/home/me/wake.sqlite")));
    EXPECT_FALSE(Database::isServerTarget(QStringLiteral("./wake.sqlite")));
}

// Targets as people mistype them: a scheme in capitals or after a space is
// still the server; a misspelt scheme or a connection string Wake cannot
// read is refused with the password masked, and never becomes a file.
TEST(StoreServer, AMistypedTargetIsRefusedMaskedAndNeverAFile)
{
    auto server = test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    const QString uri = QStringLiteral("POSTGRESQL://127.0.0.1:%1/%2")
                            .arg(qEnvironmentVariable("PGPORT"), server->name());
    for (const QString& target : {uri, QStringLiteral("  ") + uri}) {
        auto db = Database::open(target);
        ASSERT_TRUE(db.ok()) << target.toStdString() << ": " << db.error().toString().toStdString();
        EXPECT_TRUE(db->isServer());
    }

    QTemporaryDir dir;
    const QString before = QDir::currentPath();
    ASSERT_TRUE(QDir::setCurrent(dir.path())); // where a relative "file" would appear
    const QString secret = QStringLiteral("s3cretPW");
    for (const QString& target :
         {QStringLiteral("postgresl://wake:s3cretPW@127.0.0.1/ais"),
          QStringLiteral("mysql://wake:s3cretPW@127.0.0.1/ais"),
          QStringLiteral("Host=127.0.0.1 password=s3cretPW"),
          QStringLiteral("host=127.0.0.1 password s3cretPW"),
          QStringLiteral("host=127.0.0.1 password='s3cretPW' bogus"),
          QStringLiteral("postgresql://wake:s3cretPW@127.0.0.1:1/ais?connect_timeout=2"),
          QStringLiteral(" dbname=ais password=s3cretPW host=127.0.0.1 port=1")}) {
        auto db = Database::open(target);
        ASSERT_FALSE(db.ok()) << target.toStdString();
        const QString text = db.error().toString();
        EXPECT_FALSE(text.contains(secret)) << text.toStdString();
        EXPECT_TRUE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty())
            << target.toStdString() << " made a file";
    }
    QDir::setCurrent(before);
    auto misspelt = Database::open(QStringLiteral("postgresl://wake:s3cretPW@127.0.0.1/ais"));
    EXPECT_TRUE(misspelt.error().toString().contains(QStringLiteral("'postgresl://' is not")))
        << misspelt.error().toString().toStdString();
    EXPECT_TRUE(misspelt.error().where.contains(QStringLiteral("wake:***@127.0.0.1")));
    EXPECT_EQ(store::maskedTarget(QStringLiteral("host=h password = 'a b' user=u")),
              QStringLiteral("host=h password = *** user=u"));
}

TEST(StoreServer, AServerThatIsDownIsSaidSo)
{
    // A port nothing listens on: bind one on 127.0.0.1, then close it.
    quint16 port = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress(QStringLiteral("127.0.0.1")), 0));
        port = probe.serverPort();
    }
    auto db = Database::open(
        QStringLiteral("host=127.0.0.1 port=%1 dbname=x connect_timeout=3").arg(port));
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("cannot reach the PostgreSQL server")))
        << db.error().message.toStdString();
}

TEST(StoreServer, AWrongPasswordIsSaidSoAndNeverShown)
{
    auto server = test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    const QString secret = QStringLiteral("not-the-password-4711");
    auto db =
        Database::open(server->target() + QStringLiteral(" user=wake_nobody password=") + secret);
    ASSERT_FALSE(db.ok());
    const QString text = db.error().toString();
    EXPECT_TRUE(text.contains(QStringLiteral("refused the login")) ||
                text.contains(QStringLiteral("no such database or user")))
        << text.toStdString();
    EXPECT_FALSE(text.contains(secret));
}

TEST(StoreServer, ADatabaseOfAnotherApplicationIsLeftAlone)
{
    auto server = test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    {
        auto other = store::Connection::connect(server->target());
        ASSERT_TRUE(other.ok());
        ASSERT_TRUE(other->exec(QStringLiteral("CREATE TABLE invoices (id int)")).ok());
    }
    auto db = Database::open(server->target());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, Error::Code::NotWake);
    auto check = store::Connection::connect(server->target());
    ASSERT_TRUE(check.ok());
    EXPECT_EQ(*check->queryInt(QStringLiteral(
                  "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
                  "AND table_name <> 'spatial_ref_sys'")),
              1)
        << "nothing was added";
}

TEST(StoreServer, PositionsGoToDayPartitionsAndQgisSeesPoints)
{
    auto server = test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    auto db = Database::open(server->target());
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ(*db->schemaVersion(), store::currentPgSchemaVersion());
    EXPECT_TRUE(db->path().startsWith(QStringLiteral("postgresql://")));
    model::Vessel v;
    v.mmsi = 273000001;
    v.name = QStringLiteral("Test");
    const auto id = db->upsertVessel(v);
    ASSERT_TRUE(id.ok());
    std::vector<model::TrackPoint> points;
    const std::int64_t day = 1'700'000'000'000 / 86'400'000 * 86'400'000; // 2023-11-14
    for (int i = 0; i < 3; ++i) {
        model::TrackPoint p;
        p.vesselId = *id;
        p.timeUtcMs = day + i * 86'400'000LL + 3'600'000;
        p.latDeg = 55.5 + i;
        p.lonDeg = -179.5 + i;
        p.sogKnots = 10.5F;
        points.push_back(p);
    }
    ASSERT_EQ(*db->insertTrackPoints(points), 3);
    ASSERT_EQ(*db->insertTrackPoints(points), 0) << "duplicates are skipped";
    auto& c = db->connection();
    EXPECT_EQ(*c.queryInt(QStringLiteral(
                  "SELECT count(*) FROM pg_inherits WHERE inhparent = 'track_points'::regclass")),
              3);
    EXPECT_EQ(*c.queryInt(QStringLiteral("SELECT count(*) FROM track_points_20231114")), 1);
    // The view QGIS opens: real points in WGS 84 with timestamps.
    auto stmt = c.prepare(QStringLiteral(
        "SELECT ST_X(geom), ST_Y(geom), ST_SRID(geom), extract(epoch FROM time_utc)::bigint, "
        "provenance, name FROM positions ORDER BY time_utc"));
    ASSERT_TRUE(stmt.ok());
    ASSERT_EQ(stmt->step(), store::Statement::Step::Row) << stmt->lastError().message.toStdString();
    EXPECT_DOUBLE_EQ(stmt->real(0), -179.5);
    EXPECT_DOUBLE_EQ(stmt->real(1), 55.5);
    EXPECT_EQ(stmt->int64(2), 4326);
    EXPECT_EQ(stmt->int64(3), (day + 3'600'000) / 1000);
    EXPECT_EQ(stmt->text(4), QStringLiteral("observed"));
    EXPECT_EQ(stmt->text(5), QStringLiteral("Test"));
}

TEST(StoreServer, AMissingPostgisIsSaidSoWithWhatToDo)
{
    // A user who may create tables but not the extension (PostGIS is not a
    // trusted extension): what a team member sees on a database nobody has
    // prepared.
    auto server = test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    {
        auto admin = store::Connection::connect(server->target());
        ASSERT_TRUE(admin.ok());
        (void)admin->exec(QStringLiteral("DROP ROLE IF EXISTS wake_analyst"));
        ASSERT_TRUE(admin
                        ->exec(QStringLiteral("CREATE ROLE wake_analyst LOGIN PASSWORD 'x'; "
                                              "GRANT ALL ON SCHEMA public TO wake_analyst; "
                                              "GRANT CREATE ON DATABASE %1 TO wake_analyst")
                                   .arg(server->name()))
                        .ok());
    }
    auto db = Database::open(server->target() + QStringLiteral(" user=wake_analyst password=x"));
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("PostGIS is missing")))
        << db.error().message.toStdString();
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("CREATE EXTENSION postgis")));
    EXPECT_FALSE(db.error().toString().contains(QStringLiteral("password=x")));
    auto admin = store::Connection::connect(server->target());
    ASSERT_TRUE(admin.ok());
    EXPECT_EQ(*admin->queryInt(QStringLiteral(
                  "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")),
              0)
        << "nothing was created";
    // Databases are dropped with the test; the role is the cluster's.
    (void)admin->exec(QStringLiteral("REASSIGN OWNED BY wake_analyst TO CURRENT_USER; "
                                     "DROP OWNED BY wake_analyst"));
}

// docs/archive.md's set-up, as written: an owner who is not a superuser, a
// database created for them, PostGIS created in it (in public) by the
// superuser. Wake once refused that database as "another application's"
// (PostGIS's spatial_ref_sys and geometry_columns).
TEST(StoreServer, TheArchiveDocumentsSetUpWorksForAnOwnerWhoIsNotSuperuser)
{
    auto server = test::PgTestDatabase::create(); // only for its admin connection
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    const QString dbName = server->name() + QStringLiteral("_doc");
    auto admin = store::Connection::connect(server->target());
    ASSERT_TRUE(admin.ok());
    (void)admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(dbName));
    (void)admin->exec(QStringLiteral("DROP ROLE IF EXISTS wake_doc_analyst"));
    // sudo -u postgres createuser --pwprompt analyst; createdb --owner analyst ais
    ASSERT_TRUE(
        admin->exec(QStringLiteral("CREATE ROLE wake_doc_analyst LOGIN PASSWORD 'doc-secret'"))
            .ok());
    ASSERT_TRUE(
        admin->exec(QStringLiteral("CREATE DATABASE %1 OWNER wake_doc_analyst").arg(dbName)).ok());
    {
        // sudo -u postgres psql -d ais -c 'CREATE EXTENSION postgis'
        auto superuser =
            store::Connection::connect(QStringLiteral("host=127.0.0.1 dbname=%1").arg(dbName));
        ASSERT_TRUE(superuser.ok());
        ASSERT_TRUE(superuser->exec(QStringLiteral("CREATE EXTENSION postgis")).ok());
    }
    const QString target =
        QStringLiteral("host=127.0.0.1 dbname=%1 user=wake_doc_analyst password=doc-secret")
            .arg(dbName);
    {
        auto db = Database::open(target);
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        model::Vessel v;
        v.mmsi = 366000001u;
        ASSERT_TRUE(db->upsertVessel(v).ok());
    }
    {
        auto again = Database::open(target); // its own now
        ASSERT_TRUE(again.ok()) << again.error().toString().toStdString();
        auto vessels = again->listVessels();
        ASSERT_TRUE(vessels.ok());
        EXPECT_EQ(vessels->size(), 1u);
    } // closed before the database is dropped
    (void)admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(dbName));
    (void)admin->exec(QStringLiteral("DROP ROLE IF EXISTS wake_doc_analyst"));
}
