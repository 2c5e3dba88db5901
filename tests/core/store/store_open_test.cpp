// Opening files: new, empty, migrated, foreign, damaged, too new. A file that is
// not a sound Wake database is reported and left byte-for-byte unchanged.

#include "core/store/database.h"
#include "core/store/schema.h"
#include "tests/support/test_files.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace wake;
using wake::store::Database;

namespace {

void execRaw(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

} // namespace

TEST(StoreOpen, CreatesANewDatabaseAtTheCurrentSchema)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ(*db->schemaVersion(), store::currentSchemaVersion());
    EXPECT_EQ(*db->connection().queryInt(QStringLiteral("PRAGMA application_id")),
              store::kApplicationId);
    EXPECT_EQ(*db->connection().queryInt(QStringLiteral("PRAGMA foreign_keys")), 1);
}

TEST(StoreOpen, MigratesAnEmptyFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
    ASSERT_TRUE(test::writeAll(path, QByteArray()));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ(*db->schemaVersion(), store::currentSchemaVersion());
    EXPECT_TRUE(db->listVessels()->empty());
}

TEST(StoreOpen, MigratesAnEmptySqliteDatabase)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("blank.sqlite"));
    execRaw(path, "PRAGMA user_version = 0"); // an SQLite file with no tables
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ(*db->schemaVersion(), store::currentSchemaVersion());
}

TEST(StoreOpen, ReopensAndKeepsData)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keep.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        model::Vessel v;
        v.mmsi = 366999999;
        ASSERT_TRUE(db->upsertVessel(v).ok());
    }
    auto again = Database::open(path);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->listVessels()->size(), 1u);
}

TEST(StoreOpen, TextFileIsNotAWakeDatabaseAndStaysUnchanged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    const QByteArray bytes = "These are my notes, not a database.\n";
    ASSERT_TRUE(test::writeAll(path, bytes));
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, Error::Code::NotWake);
    EXPECT_TRUE(db.error().toString().contains(QStringLiteral("not a Wake database")));
    EXPECT_TRUE(db.error().toString().contains(path));
    EXPECT_EQ(test::readAll(path), bytes);
}

TEST(StoreOpen, OtherApplicationsSqliteIsRefusedAndUnchanged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    execRaw(path, "CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES('bread');");
    const QByteArray before = test::readAll(path);
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, Error::Code::NotWake);
    EXPECT_EQ(test::readAll(path), before);
}

TEST(StoreOpen, DamagedDatabaseIsReportedAndUnchanged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        std::vector<model::TrackPoint> points;
        for (int i = 0; i < 5000; ++i) {
            points.push_back({1, i, 1.0, 2.0, {}, {}, {}, {}, model::Provenance::Observed});
        }
        model::Vessel v;
        v.mmsi = 1;
        ASSERT_TRUE(db->upsertVessel(v).ok());
        ASSERT_TRUE(db->insertTrackPoints(points).ok());
        ASSERT_TRUE(db->connection().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).ok());
    }
    // Overwrite pages 3 and 4 (B-tree pages) with garbage; the header stays valid.
    QByteArray bytes = test::readAll(path);
    ASSERT_GT(bytes.size(), 5 * 4096);
    for (qsizetype i = 2 * 4096; i < 4 * 4096; ++i) {
        bytes[i] = static_cast<char>(0xA5 ^ (i * 31));
    }
    ASSERT_TRUE(test::writeAll(path, bytes));
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));

    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, Error::Code::Damaged);
    EXPECT_TRUE(db.error().toString().contains(QStringLiteral("damaged")));
    EXPECT_EQ(test::readAll(path), bytes);
}

TEST(StoreOpen, TruncatedHeaderIsNotAWakeDatabase)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cut.sqlite"));
    ASSERT_TRUE(test::writeAll(path, QByteArray("SQLite form")));
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(test::readAll(path), QByteArray("SQLite form"));
}

TEST(StoreOpen, NewerSchemaIsRefusedAndUnchanged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(
            db->connection()
                .exec(QStringLiteral("PRAGMA user_version = %1; PRAGMA wal_checkpoint(TRUNCATE)")
                          .arg(store::currentSchemaVersion() + 1))
                .ok());
    }
    const QByteArray before = test::readAll(path);
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, Error::Code::TooNew);
    EXPECT_EQ(test::readAll(path), before);
}

TEST(StoreOpen, ANegativeSchemaVersionIsRefusedAndNothingIsWritten)
{
    for (const int version : {-1, -2}) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("negative.sqlite"));
        {
            auto db = Database::open(path);
            ASSERT_TRUE(db.ok());
            ASSERT_TRUE(db->connection()
                            .exec(QStringLiteral(
                                      "PRAGMA user_version = %1; PRAGMA wal_checkpoint(TRUNCATE)")
                                      .arg(version))
                            .ok());
        }
        const QByteArray before = test::readAll(path);
        auto db = Database::open(path);
        ASSERT_FALSE(db.ok());
        EXPECT_EQ(db.error().code, Error::Code::NotWake);
        EXPECT_TRUE(db.error().message.contains(QString::number(version)));
        EXPECT_EQ(db.error().where, path);
        EXPECT_EQ(test::readAll(path), before) << version;
    }
}

// Schema 6 rebuilds the vessels table (one MMSI may now be several ships):
// a store of schema 5 keeps every vessel, its history, facts, events and
// positions.
TEST(StoreOpen, MigratingToSharedMmsisKeepsEveryVesselAndWhatRefersToIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v5.sqlite"));
    {
        std::string sql;
        for (int v = 0; v < 5; ++v) {
            sql += store::migrations()[static_cast<std::size_t>(v)].toStdString();
        }
        sql +=
            "PRAGMA application_id = " + std::to_string(store::kApplicationId) +
            "; PRAGMA user_version = 5;"
            "INSERT INTO vessels(id, mmsi, name) VALUES (7, 366614000, 'NEW NAME');"
            "INSERT INTO vessel_identity_history(vessel_id, field, value) VALUES (7, 'name', "
            "'OLD NAME');"
            "INSERT INTO track_points VALUES (7, 1000, 250000000, -800000000, 10, 900, 90, 0, 0);";
        execRaw(path, sql.c_str());
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ(*db->schemaVersion(), store::currentSchemaVersion());
    const auto v = *db->vessel(7);
    ASSERT_TRUE(v.has_value());
    EXPECT_EQ(v->name, QStringLiteral("NEW NAME"));
    ASSERT_EQ(v->history.size(), 1u);
    EXPECT_EQ(v->history[0].value, QStringLiteral("OLD NAME"));
    EXPECT_EQ(*db->trackPointCount(7), 1);
    // A second ship on the same MMSI is now possible, and the first stays its own.
    model::Vessel second;
    second.mmsi = 366614000;
    const auto id = db->createVessel(second);
    ASSERT_TRUE(id.ok()) << id.error().toString().toStdString();
    EXPECT_NE(*id, 7);
    EXPECT_EQ(*db->findVesselByMmsi(366614000), 7);
    EXPECT_EQ(db->vesselsWithMmsi(366614000)->size(), 2u);
    EXPECT_EQ(*db->connection().queryInt(QStringLiteral("PRAGMA foreign_keys")), 1);
}

TEST(StoreOpen, AFolderIsNotADatabase)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.path());
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("folder")));
}
