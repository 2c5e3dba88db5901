// The store's one row loop (Statement::forEach, collect, first, run) and its
// statement cache. A step that fails in the middle of the rows is an error,
// never the end of the rows: two loops of the store took it for one, and a
// vessel read then showed a shorter identity history, a voyage fewer legs,
// without a word.
//
// SQLite fails a step at run time with abs(-9223372036854775808) (integer
// overflow), which lets a query fail at a chosen row.

#include "core/store/database.h"

#include <gtest/gtest.h>

namespace wake::store {
namespace {

constexpr const char* kOverflow = "abs(-9223372036854775807 - 1)";

Connection memory()
{
    auto c = Connection::open(QStringLiteral(":memory:"), Connection::Mode::ReadWriteCreate);
    EXPECT_TRUE(c.ok());
    Connection connection = std::move(c).value();
    EXPECT_TRUE(connection.exec(QStringLiteral("CREATE TABLE t(x INTEGER PRIMARY KEY)")).ok());
    EXPECT_TRUE(connection.exec(QStringLiteral("INSERT INTO t VALUES (1), (2), (3), (4)")).ok());
    return connection;
}

Statement failingAtThree(Connection& c)
{
    auto stmt =
        c.prepare(QStringLiteral("SELECT CASE WHEN x = 3 THEN %1 ELSE x END FROM t ORDER BY x")
                      .arg(QString::fromLatin1(kOverflow)));
    EXPECT_TRUE(stmt.ok());
    return std::move(stmt).value();
}

TEST(Statement, AStepThatFailsMidwayIsAnErrorForEveryLoop)
{
    Connection c = memory();
    {
        Statement s = failingAtThree(c);
        int rows = 0;
        const Status status = s.forEach([&](Statement&) { ++rows; });
        EXPECT_FALSE(status.ok());
        EXPECT_EQ(rows, 2);
        EXPECT_TRUE(status.error().message.contains(QStringLiteral("overflow")))
            << status.error().toString().toStdString();
    }
    {
        Statement s = failingAtThree(c);
        EXPECT_FALSE(s.collect<std::int64_t>([](Statement& r) { return r.int64(0); }).ok());
    }
    {
        auto s = c.prepare(QStringLiteral("SELECT %1").arg(QString::fromLatin1(kOverflow)));
        ASSERT_TRUE(s.ok());
        EXPECT_FALSE(s->first<std::int64_t>([](Statement& r) { return r.int64(0); }).ok());
    }
}

TEST(Statement, CollectFirstAndRunOnGoodRows)
{
    Connection c = memory();
    auto all = c.prepare(QStringLiteral("SELECT x FROM t ORDER BY x"));
    ASSERT_TRUE(all.ok());
    const auto xs = all->collect<std::int64_t>([](Statement& r) { return r.int64(0); });
    ASSERT_TRUE(xs.ok());
    EXPECT_EQ(*xs, (std::vector<std::int64_t>{1, 2, 3, 4}));
    auto none = c.prepare(QStringLiteral("SELECT x FROM t WHERE x > 9"));
    ASSERT_TRUE(none.ok());
    const auto first = none->first<std::int64_t>([](Statement& r) { return r.int64(0); });
    ASSERT_TRUE(first.ok());
    EXPECT_FALSE(first->has_value());
    // A write runs to its end; its error (a duplicate key) is said; a
    // statement run for no rows that returns one is an error too.
    auto insert = c.prepare(QStringLiteral("INSERT INTO t VALUES (?)"));
    ASSERT_TRUE(insert.ok());
    insert->bind(1, 5);
    EXPECT_TRUE(insert->run().ok());
    insert->reset();
    EXPECT_FALSE(insert->run().ok());
    auto select = c.prepare(QStringLiteral("SELECT 1"));
    ASSERT_TRUE(select.ok());
    EXPECT_FALSE(select->run().ok());
}

TEST(Statement, ACachedStatementIsPreparedOnceAndComesBackReset)
{
    Connection c = memory();
    auto a = c.cached(QStringLiteral("SELECT x FROM t WHERE x >= ? ORDER BY x"));
    ASSERT_TRUE(a.ok());
    (*a)->bind(1, 2);
    ASSERT_EQ((*a)->step(), Statement::Step::Row);
    EXPECT_EQ((*a)->int64(0), 2);
    auto b = c.cached(QStringLiteral("SELECT x FROM t WHERE x >= ? ORDER BY x"));
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(*a, *b);
    (*b)->bind(1, 4);
    const auto rows = (*b)->collect<std::int64_t>([](Statement& r) { return r.int64(0); });
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(*rows, (std::vector<std::int64_t>{4})); // from the start again, not row 3
}

// The two loops that stopped silently: a vessel's identity history and a
// voyage's legs. The tables are swapped for views that fail at one row.
TEST(Statement, AVesselWhoseHistoryCannotBeReadIsAnErrorNotAShorterHistory)
{
    auto opened = Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(opened.ok());
    Database db = std::move(opened).value();
    model::Vessel v;
    v.mmsi = 366614000;
    const auto id = db.createVessel(v);
    ASSERT_TRUE(id.ok());
    model::IdentityRecord a;
    a.field = QStringLiteral("name");
    a.value = QStringLiteral("FIRST");
    model::IdentityRecord b = a;
    b.value = QStringLiteral("BOOM");
    ASSERT_TRUE(db.replaceIdentityHistory(*id, {a, b}).ok());
    ASSERT_TRUE(db.vessel(*id).ok());
    ASSERT_TRUE(db.connection()
                    .exec(QStringLiteral(
                              "PRAGMA foreign_keys = OFF; "
                              "ALTER TABLE vessel_identity_history RENAME TO h; "
                              "CREATE VIEW vessel_identity_history AS SELECT id, vessel_id, field, "
                              "CASE WHEN value = 'BOOM' THEN %1 ELSE value END AS value, "
                              "from_utc_ms, from_end_utc_ms, from_precision, to_utc_ms, "
                              "to_end_utc_ms, to_precision FROM h")
                              .arg(QString::fromLatin1(kOverflow)))
                    .ok());
    EXPECT_FALSE(db.vessel(*id).ok());
}

TEST(Statement, AVoyageWhoseLegsCannotBeReadIsAnErrorNotFewerLegs)
{
    auto opened = Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(opened.ok());
    Database db = std::move(opened).value();
    model::Vessel v;
    v.mmsi = 366614000;
    const auto id = db.createVessel(v);
    ASSERT_TRUE(id.ok());
    model::Voyage voyage;
    voyage.vesselId = *id;
    voyage.key = QStringLiteral("k");
    voyage.name = QStringLiteral("There and back");
    model::VoyageLeg out;
    out.note = QStringLiteral("out");
    model::VoyageLeg back;
    back.note = QStringLiteral("BOOM");
    voyage.legs = {out, back};
    ASSERT_TRUE(db.upsertVoyage(voyage).ok());
    const auto before = db.voyages(*id);
    ASSERT_TRUE(before.ok());
    ASSERT_EQ(before->size(), 1u);
    ASSERT_EQ(before->front().legs.size(), 2u);
    ASSERT_TRUE(
        db.connection()
            .exec(QStringLiteral("PRAGMA foreign_keys = OFF; "
                                 "ALTER TABLE voyage_legs RENAME TO l; "
                                 "CREATE VIEW voyage_legs AS SELECT voyage_id, ord, from_locode, "
                                 "to_locode, departure_utc_ms, departure_end_utc_ms, "
                                 "departure_precision, arrival_utc_ms, arrival_end_utc_ms, "
                                 "arrival_precision, CASE WHEN note = 'BOOM' THEN %1 ELSE note END "
                                 "AS note FROM l")
                      .arg(QString::fromLatin1(kOverflow)))
            .ok());
    EXPECT_FALSE(db.voyages(*id).ok());
}

} // namespace
} // namespace wake::store
