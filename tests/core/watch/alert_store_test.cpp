// The alarm log on both stores: alerts kept with what fired them, filtered,
// acknowledged once with who and when, snoozed per vessel and rule, and all
// of it still there when the database is opened again.

#include "core/store/database.h"
#include "tests/support/pg_test_server.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace wake;
using namespace wake::watch;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000;

Alert alert(RuleKind kind, std::int64_t t, std::uint32_t mmsi)
{
    Alert a;
    a.kind = kind;
    a.timeUtcMs = t;
    a.mmsi = mmsi;
    a.rule = toString(kind);
    a.position = model::LatLon{47.61, -122.38};
    if (kind == RuleKind::Cpa) {
        a.cpaNm = 0.123;
        a.tcpaMinutes = 7.5;
    }
    if (kind == RuleKind::Distress) {
        a.distress = QStringLiteral("AIS-SART");
    }
    return a;
}

void logAndAcknowledge(const std::function<store::Database()>& open)
{
    {
        store::Database db = open();
        ASSERT_TRUE(db.storeAlert(alert(RuleKind::AreaEnter, kT0, 366000001)));
        auto cpaId = db.storeAlert(alert(RuleKind::Cpa, kT0 + 60'000, 366000002));
        ASSERT_TRUE(cpaId) << cpaId.error().toString().toStdString();
        ASSERT_TRUE(db.storeAlert(alert(RuleKind::Distress, kT0 + 120'000, 970123456)));
        EXPECT_EQ(db.unacknowledgedAlertCount().value(), 3);
        // Newest first, with what fired them.
        auto all = db.alerts();
        ASSERT_TRUE(all) << all.error().toString().toStdString();
        ASSERT_EQ(all->size(), 3u);
        EXPECT_EQ(all->at(0).kind, RuleKind::Distress);
        EXPECT_EQ(all->at(1).id, *cpaId);
        EXPECT_DOUBLE_EQ(*all->at(1).cpaNm, 0.123);
        EXPECT_DOUBLE_EQ(*all->at(1).tcpaMinutes, 7.5);
        EXPECT_NEAR(all->at(1).position->latDeg, 47.61, 1e-12);
        // Acknowledged once: a second time changes nothing.
        ASSERT_TRUE(db.acknowledgeAlert(*cpaId, QStringLiteral("officer"), kT0 + 90'000).value());
        EXPECT_FALSE(db.acknowledgeAlert(*cpaId, QStringLiteral("other"), kT0 + 95'000).value());
        EXPECT_FALSE(db.acknowledgeAlert(987654, QStringLiteral("other"), kT0).value());
        ASSERT_TRUE(db.snoozeAlerts(366000001, QStringLiteral("area_enter"), kT0 + 3'600'000,
                                    QStringLiteral("officer")));
        // Snoozed again: the later time holds.
        ASSERT_TRUE(db.snoozeAlerts(366000001, QStringLiteral("area_enter"), kT0 + 7'200'000,
                                    QStringLiteral("officer")));
    }
    store::Database db = open(); // a restart
    EXPECT_EQ(db.unacknowledgedAlertCount().value(), 2);
    store::AlertFilter only;
    only.kind = RuleKind::Cpa;
    auto cpa = db.alerts(only);
    ASSERT_TRUE(cpa);
    ASSERT_EQ(cpa->size(), 1u);
    EXPECT_EQ(cpa->front().acknowledgedBy, QStringLiteral("officer"));
    EXPECT_EQ(cpa->front().acknowledgedUtcMs, kT0 + 90'000);
    store::AlertFilter open2;
    open2.unacknowledgedOnly = true;
    EXPECT_EQ(db.alerts(open2)->size(), 2u);
    store::AlertFilter window;
    window.fromUtcMs = kT0 + 30'000;
    window.toUtcMs = kT0 + 90'000;
    EXPECT_EQ(db.alerts(window)->size(), 1u);
    EXPECT_TRUE(db.isSnoozed(366000001, QStringLiteral("area_enter"), kT0 + 7'100'000).value());
    EXPECT_FALSE(db.isSnoozed(366000001, QStringLiteral("area_enter"), kT0 + 7'200'000).value());
    EXPECT_FALSE(db.isSnoozed(366000001, QStringLiteral("area_leave"), kT0).value());
    EXPECT_FALSE(db.isSnoozed(366000002, QStringLiteral("area_enter"), kT0).value());
}

} // namespace

TEST(AlertLog, Sqlite)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("alerts.sqlite"));
    logAndAcknowledge([&] { return store::Database::open(path).value(); });
}

TEST(AlertLog, Postgres)
{
    auto server = test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    logAndAcknowledge([&] { return store::Database::open(server->target()).value(); });
}

TEST(AlertJson, ReadsBackWhatItWrote)
{
    Alert a;
    a.kind = RuleKind::Dark;
    a.timeUtcMs = kT0;
    a.rule = QStringLiteral("dark:watch");
    a.mmsi = 636012345;
    a.vesselId = 12;
    a.vesselName = QStringLiteral("SEA GHOST");
    a.position = model::LatLon{1.5, -2.25};
    a.list = QStringLiteral("watch");
    a.silentMinutes = 18.0;
    const auto back = alertFromJson(alertJson(a));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, a);
    EXPECT_EQ(alertJson(a).value(QStringLiteral("time")).toString(),
              QStringLiteral("2023-11-14T22:13:20.000Z"));
    EXPECT_FALSE(alertFromJson(QJsonObject{{QStringLiteral("kind"), QStringLiteral("nope")}}));
}
