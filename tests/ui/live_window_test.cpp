// Live in the window: a UDP source on 127.0.0.1 feeds targets to the map and
// new vessels to the list without losing its selection; the status bar says
// what is live; scrubbing back draws what the store had then; Go live
// returns to now. The sources dialog shows each source's state.

#include "core/scenario/scenario_installer.h"
#include "tests/support/live_test_support.h"
#include "tests/ui/test_application.h"
#include "tests/ui/window_parts.h"
#include "ui/live/live_controller.h"
#include "ui/live/sources_dialog.h"
#include "ui/mainwindow.h"
#include "ui/map/map_widget.h"
#include "ui/panels/vessel_state_panel.h"
#include "ui/replay/replay_controller.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUdpSocket>

#include <gtest/gtest.h>

using namespace wake;
namespace wt = wake::testing;
using wt::waitUntil;

namespace {

QByteArray withSenderTime(const std::vector<std::string>& lines, std::int64_t utcMs)
{
    QByteArray out;
    const std::string tag = "c:" + std::to_string(utcMs / 1000);
    for (const std::string& l : lines) {
        out += QByteArray::fromStdString("\\" + tag + wt::nmeaChecksum(tag) + "\\" + l + "\r\n");
    }
    return out;
}

class LiveWindowTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { wake::test::ensureApplication(); }
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        wake::test::useSettingsIn(m_dir.filePath(QStringLiteral("settings")));
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
        auto db = scenario::openWithBuiltInScenario(m_dir.filePath(QStringLiteral("w.sqlite")));
        ASSERT_TRUE(db.ok());
        m_window = std::make_unique<ui::MainWindow>(std::move(*db));
        m_window->resize(1200, 800);
        m_window->show();
        ASSERT_TRUE(wake::test::waitForSelection(*m_window));
    }
    void TearDown() override
    {
        m_window.reset();
        QSettings().clear();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace

TEST_F(LiveWindowTest, TargetsAppearLiveTheListGrowsAndScrubbingBackReplaysTheStore)
{
    QUdpSocket probe;
    probe.bind(QHostAddress::LocalHost, 0);
    const quint16 port = probe.localPort();
    probe.close();
    ui::LiveController& live = m_window->live().ensureLive();
    ASSERT_TRUE(
        live.addSource({QStringLiteral("quay"), QStringLiteral("udp://127.0.0.1:%1").arg(port)})
            .ok());
    auto bad = live.addSource({QStringLiteral("x"), QStringLiteral("udp:10110")});
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("//")));
    m_window->live().goLive();
    ASSERT_TRUE(waitUntil([&] {
        const auto s = live.latest();
        return s && !s->sources.empty() && s->sources[0].state == live::SourceState::Live;
    }));

    // The scenario vessel stays selected while new vessels join the list.
    QTableView* list = wake::test::part<QTableView>(*m_window, "vesselView");
    const int vesselsBefore = list->model()->rowCount();
    ASSERT_GT(vesselsBefore, 0);
    list->selectRow(0);
    const std::optional<model::VesselId> selected = m_window->selection().id();
    ASSERT_TRUE(selected);

    // 20 vessels reported two minutes ago (their own tag block time): stored,
    // but lost by now; 30 heard now.
    const std::int64_t past = QDateTime::currentMSecsSinceEpoch() - 120'000;
    QUdpSocket sender;
    sender.writeDatagram(withSenderTime(wt::positionLines(20, 261000000), past),
                         QHostAddress::LocalHost, port);
    sender.writeDatagram(wt::joined(wt::positionLines(30, 262000000)), QHostAddress::LocalHost,
                         port);
    auto drawn = [&] {
        return m_window->map()->renderer().traffic().targets().size();
    };
    EXPECT_TRUE(waitUntil([&] { return drawn() == 30; })) << drawn();
    EXPECT_TRUE(waitUntil([&] { return list->model()->rowCount() == vesselsBefore + 50; }));
    EXPECT_EQ(m_window->selection().id(), selected);
    EXPECT_EQ(list->selectionModel()->selectedRows().size(), 1);
    EXPECT_TRUE(wake::test::part<QLabel>(*m_window, "liveStatus")
                    ->text()
                    .contains(QStringLiteral("30 targets")))
        << wake::test::part<QLabel>(*m_window, "liveStatus")->text().toStdString();
    EXPECT_TRUE(m_window->live().isFollowing());

    // Back in time: the 20 from two minutes ago, as the store has them.
    m_window->replay().controller()->seek(past + 1000);
    EXPECT_FALSE(m_window->live().isFollowing());
    EXPECT_TRUE(waitUntil([&] { return drawn() == 20u; })) << drawn();
    // Go live: now again.
    m_window->live().goLive();
    EXPECT_TRUE(m_window->live().isFollowing());
    EXPECT_TRUE(waitUntil([&] { return drawn() == 30; }));

    // Clicking a target heard now, while following: its state is its last
    // live report, not "no position at this time" (its stored track ends
    // before now).
    const model::VesselId heard = m_window->map()->renderer().traffic().targets()[0].vesselId;
    wake::test::selectAndWait(*m_window, heard);
    EXPECT_TRUE(m_window->live().isFollowing());
    auto* panel = wake::test::part<wake::ui::VesselStatePanel>(*m_window, "statePanel");
    EXPECT_TRUE(waitUntil([&] {
        return panel->value(QStringLiteral("Known from")).contains(QStringLiteral("live"));
    })) << panel->value(QStringLiteral("Known from")).toStdString();
    EXPECT_FALSE(panel->value(QStringLiteral("Position")).contains(QStringLiteral("no position")))
        << panel->value(QStringLiteral("Position")).toStdString();
    EXPECT_TRUE(panel->value(QStringLiteral("Speed")).contains(QStringLiteral("kn")))
        << panel->value(QStringLiteral("Speed")).toStdString();

    // The sources dialog lists the source with its state and rate columns.
    ui::SourcesDialog dialog(live, m_window.get());
    ASSERT_EQ(dialog.table()->rowCount(), 1);
    EXPECT_EQ(dialog.table()->item(0, 0)->text(), QStringLiteral("quay"));
    EXPECT_TRUE(
        waitUntil([&] { return dialog.table()->item(0, 2)->text() == QStringLiteral("live"); }));
    // Saved for the next start.
    ASSERT_EQ(ui::LiveController::savedSources().size(), 1u);
    EXPECT_EQ(ui::LiveController::savedSources()[0].name, QStringLiteral("quay"));
}

// A source's password lives in memory only: the settings keep the URL with
// it masked and the source switched off until it is typed again.
TEST_F(LiveWindowTest, ASourcePasswordIsNeverWrittenToTheSettings)
{
    wake::ui::LiveController::saveSources(
        {{QStringLiteral("feed"), QStringLiteral("tcp://ais:s3cretPW@127.0.0.1:17012"), true},
         {QStringLiteral("open"), QStringLiteral("udp://127.0.0.1:17013"), true}},
        m_dir.filePath(QStringLiteral("w.sqlite")));
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << settings.fileName().toStdString();
    EXPECT_FALSE(file.readAll().contains("s3cretPW"));
    const auto saved = wake::ui::LiveController::savedSources();
    ASSERT_EQ(saved.size(), 2u);
    EXPECT_EQ(saved[0].url, QStringLiteral("tcp://ais:***@127.0.0.1:17012"));
    EXPECT_FALSE(saved[0].enabled) << "off until the password is typed again";
    EXPECT_EQ(saved[1].url, QStringLiteral("udp://127.0.0.1:17013"));
    EXPECT_TRUE(saved[1].enabled);
}

// Saved sources receive again only into the database they were set up with:
// opening another database must not start them and write live AIS into it.
TEST_F(LiveWindowTest, SavedSourcesStartOnlyWithTheirOwnDatabase)
{
    QUdpSocket probe;
    probe.bind(QHostAddress::LocalHost, 0);
    const QString url = QStringLiteral("udp://127.0.0.1:%1").arg(probe.localPort());
    probe.close();
    const QString ours = m_dir.filePath(QStringLiteral("w.sqlite"));
    const auto reopen = [&] {
        m_window.reset();
        auto db = wake::store::Database::open(ours);
        ASSERT_TRUE(db.ok());
        m_window = std::make_unique<wake::ui::MainWindow>(std::move(*db));
        QApplication::processEvents();
    };
    wake::ui::LiveController::saveSources({{QStringLiteral("quay"), url, true}},
                                          m_dir.filePath(QStringLiteral("other.sqlite")));
    reopen();
    EXPECT_EQ(m_window->live().live(), nullptr);
    EXPECT_FALSE(m_window->live().isFollowing());

    // The same file by another path is the same database.
    wake::ui::LiveController::saveSources({{QStringLiteral("quay"), url, true}},
                                          m_dir.filePath(QStringLiteral("./w.sqlite")));
    reopen();
    ASSERT_NE(m_window->live().live(), nullptr);
    EXPECT_TRUE(waitUntil([&] { return m_window->live().isFollowing(); }));
}
