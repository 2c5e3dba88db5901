// The alarm log in the window: alerts from the store in the Alerts dock,
// the count to acknowledge on the status bar, a distress banner over the map
// until acknowledged, acknowledge and snooze kept in the store, the
// unacknowledged filter, a click that selects the vessel, and the CSV.

#include "tests/support/test_files.h"
#include "tests/ui/scenario_window.h"
#include "ui/map/map_widget.h"
#include "ui/shell/selected_vessel.h"
#include "ui/shell/session.h"
#include "ui/watch/alerts_feature.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

using namespace wake;
using namespace wake::test;

namespace {

constexpr std::int64_t kT0 = 1'373'000'000'000;

class AlertsWindow : public ScenarioWindowTest
{
protected:
    ui::AlertsFeature& feature() { return m_window->alerts(); }
    // An AIS-SART alert the live thread kept under this id, not committed yet.
    static watch::Alert pendingSart(std::int64_t id)
    {
        watch::Alert sart;
        sart.kind = watch::RuleKind::Distress;
        sart.distress = QStringLiteral("AIS-SART");
        sart.mmsi = 970123456;
        sart.rule = QStringLiteral("distress");
        sart.timeUtcMs = kT0;
        sart.id = id;
        return sart;
    }
    watch::Alert keep(watch::RuleKind kind, std::int64_t t, std::uint32_t mmsi,
                      model::VesselId vessel = 0)
    {
        watch::Alert a;
        a.kind = kind;
        a.timeUtcMs = t;
        a.mmsi = mmsi;
        a.vesselId = vessel;
        a.rule = watch::toString(kind);
        a.position = model::LatLon{9.35, -79.9};
        if (kind == watch::RuleKind::Distress) {
            a.distress = QStringLiteral("AIS-SART");
        }
        a.id = m_window->session().db().storeAlert(a).value();
        return a;
    }
};

} // namespace

TEST_F(AlertsWindow, AlertsAreListedCountedAndDistressStaysUntilAcknowledged)
{
    m_window->show();
    EXPECT_EQ(feature().shownRows(), 0);
    EXPECT_FALSE(feature().distressShown());
    const auto area = keep(watch::RuleKind::AreaEnter, kT0, 445114000, 1);
    feature().onAlert(area);
    EXPECT_EQ(feature().shownRows(), 1);
    EXPECT_EQ(feature().unacknowledged(), 1);
    auto* count = m_window->findChild<QLabel*>(QStringLiteral("alertCount"));
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->text(), QStringLiteral("1 alert(s) to acknowledge"));
    EXPECT_FALSE(feature().distressShown());

    const auto sart = keep(watch::RuleKind::Distress, kT0 + 60'000, 970123456);
    feature().onAlert(sart);
    EXPECT_TRUE(feature().distressShown());
    if (const QString shots = qEnvironmentVariable("WAKE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        feature().dock()->show();
        feature().dock()->raise();
        m_window->resize(1400, 860);
        QCoreApplication::processEvents();
        m_window->grab().save(shots + QStringLiteral("/wake-alert.png"));
    }
    auto* banner = m_window->map()->findChild<QFrame*>(QStringLiteral("distressBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(
        banner->findChild<QLabel*>()->text().contains(QStringLiteral("DISTRESS: AIS-SART")));
    // Newest first.
    EXPECT_EQ(feature().shown().front().kind, watch::RuleKind::Distress);
    // Acknowledging another alert leaves the banner; the banner's button
    // acknowledges the distress and it goes.
    ASSERT_TRUE(feature().acknowledge(area.id));
    EXPECT_TRUE(feature().distressShown());
    EXPECT_EQ(feature().unacknowledged(), 1);
    banner->findChild<QPushButton*>()->click();
    EXPECT_FALSE(feature().distressShown());
    EXPECT_EQ(feature().unacknowledged(), 0);
    EXPECT_TRUE(count->text().isEmpty());
    auto stored = m_window->session().db().alerts();
    ASSERT_TRUE(stored);
    for (const auto& a : *stored) {
        EXPECT_TRUE(a.isAcknowledged());
        EXPECT_FALSE(a.acknowledgedBy.isEmpty());
    }
}

TEST_F(AlertsWindow, FilterSnoozeSelectAndExport)
{
    m_window->show();
    keep(watch::RuleKind::AreaEnter, kT0, 445114000, 1);
    const auto cpa = keep(watch::RuleKind::Cpa, kT0 + 1000, 366000002);
    feature().reload();
    ASSERT_EQ(feature().shownRows(), 2);
    ASSERT_TRUE(feature().acknowledge(cpa.id));
    auto* open = feature().dock()->findChild<QCheckBox*>();
    ASSERT_NE(open, nullptr);
    open->setChecked(true);
    EXPECT_EQ(feature().shownRows(), 1);
    open->setChecked(false);
    EXPECT_EQ(feature().shownRows(), 2);
    // Snoozed for an hour, in the store.
    ASSERT_TRUE(feature().snoozeFor(feature().shown().back(), 60));
    EXPECT_TRUE(m_window->session()
                    .db()
                    .isSnoozed(445114000, QStringLiteral("area_enter"),
                               QDateTime::currentMSecsSinceEpoch() + 59 * 60'000)
                    .value());
    // A click on the area alert selects its vessel.
    m_window->selection().select(std::nullopt);
    auto* table = feature().dock()->findChild<QTableWidget*>();
    ASSERT_NE(table, nullptr);
    Q_EMIT table->cellClicked(1, 0);
    EXPECT_EQ(m_window->selection().id(), 1);
    // The CSV holds what shows, with its acknowledgement.
    const QString path = m_dir.filePath(QStringLiteral("alerts.csv"));
    ASSERT_TRUE(feature().exportCsv(path));
    const QString csv = QString::fromUtf8(test::readAll(path));
    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("id,time_utc,kind,rule,mmsi")));
    EXPECT_TRUE(lines[1].contains(QStringLiteral(",cpa,cpa,366000002,")));
    EXPECT_FALSE(lines[1].endsWith(QStringLiteral(",,")));
    EXPECT_TRUE(lines[2].contains(QStringLiteral("2013-07-05T04:53:20")));
}

// The live thread commits once a second: an alert it raised shows at once,
// before the window's own connection can read it back.
TEST_F(AlertsWindow, AnAlertNotYetCommittedShowsAtOnce)
{
    m_window->show();
    const watch::Alert sart = pendingSart(3);
    feature().onAlert(sart);
    EXPECT_EQ(feature().shownRows(), 1);
    EXPECT_EQ(feature().unacknowledged(), 1);
    EXPECT_TRUE(feature().distressShown());
    // Two other alerts committed meanwhile (ids 1 and 2): it is still pending.
    watch::Alert other = sart;
    other.kind = watch::RuleKind::AreaEnter;
    other.id = 0;
    auto& db = m_window->session().db();
    ASSERT_EQ(db.storeAlert(other).value(), 1);
    ASSERT_EQ(db.storeAlert(other).value(), 2);
    feature().reload();
    EXPECT_EQ(feature().shownRows(), 3);
    EXPECT_EQ(feature().unacknowledged(), 3);
    // Committed (id 3): read from the store, not counted twice.
    watch::Alert committed = sart;
    committed.id = 0;
    ASSERT_EQ(db.storeAlert(committed).value(), 3);
    feature().reload();
    EXPECT_EQ(feature().shownRows(), 3);
    EXPECT_EQ(feature().unacknowledged(), 3);
    EXPECT_TRUE(feature().distressShown());
}

// Acknowledged in the second before the live thread commits it: the banner
// goes at once, and the store has the acknowledgement once it has the alert.
TEST_F(AlertsWindow, AnAlertAcknowledgedBeforeItIsCommittedStaysAcknowledged)
{
    m_window->show();
    const watch::Alert sart = pendingSart(1);
    feature().onAlert(sart);
    ASSERT_TRUE(feature().distressShown());
    ASSERT_TRUE(feature().acknowledge(1));
    EXPECT_FALSE(feature().distressShown());
    EXPECT_EQ(feature().unacknowledged(), 0);
    EXPECT_EQ(feature().shownRows(), 1);
    // Committed: the store holds it acknowledged, by whom and when.
    watch::Alert committed = sart;
    committed.id = 0;
    auto& db = m_window->session().db();
    ASSERT_EQ(db.storeAlert(committed).value(), 1);
    feature().reload();
    auto stored = db.alerts();
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 1u);
    EXPECT_TRUE(stored->front().isAcknowledged());
    EXPECT_FALSE(stored->front().acknowledgedBy.isEmpty());
    EXPECT_EQ(feature().unacknowledged(), 0);
    EXPECT_FALSE(feature().distressShown());
}

// A burst of alerts (a busy area) reads the log at once, then at most twice
// a second: every alert shows once the burst is read, none is lost.
TEST_F(AlertsWindow, ABurstOfAlertsIsReadInFewPassesAndAllShow)
{
    m_window->show();
    for (int i = 0; i < 50; ++i) {
        feature().onAlert(keep(watch::RuleKind::AreaEnter, kT0 + i * 1000, 366000000 + i));
    }
    EXPECT_GE(feature().shownRows(), 1);
    QElapsedTimer clock;
    clock.start();
    while (feature().shownRows() < 50 && clock.elapsed() < 3000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    EXPECT_EQ(feature().shownRows(), 50);
    EXPECT_EQ(feature().unacknowledged(), 50);
    // No session bus here: nothing was sent, and that is counted, not an error.
    EXPECT_GT(feature().notificationsUndelivered(), 0);
}
