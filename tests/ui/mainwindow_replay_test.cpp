// The main window's replay: where it opens, the pause at the seizure,
// events that seek it, framing the voyage.

#include "core/geo/web_mercator.h"
#include "core/scenario/scenario_installer.h"
#include "tests/support/test_files.h"
#include "tests/ui/scenario_window.h"
#include "tests/ui/test_application.h"
#include "tests/ui/window_parts.h"
#include "ui/mainwindow.h"
#include "ui/map/map_layers.h"
#include "ui/map/map_viewport.h"
#include "ui/map/map_widget.h"
#include "ui/panels/events_model.h"
#include "ui/panels/speed_chart.h"
#include "ui/panels/vessel_list_model.h"
#include "ui/panels/vessel_state_panel.h"
#include "ui/replay/event_card.h"
#include "ui/replay/replay_controller.h"
#include "ui/replay/timeline_widget.h"
#include "ui/shell/open_on.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QIcon>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPalette>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>

#include <gtest/gtest.h>

#include <memory>

namespace {

using MainWindowTest = wake::test::ScenarioWindowTest;
using wake::test::utc;

} // namespace

TEST_F(MainWindowTest, OpensPausedAtTheStartOfTheCubaToPanamaLeg)
{
    auto* replay = m_window->replay().controller();
    EXPECT_FALSE(replay->isPlaying());
    EXPECT_EQ(replay->cursor().start(), utc("2013-07-05T00:00:00Z"));
    // It opens on the leg's first position (reported places stand at noon of
    // their date), not at midnight before it with no ship to show.
    EXPECT_EQ(replay->time(), utc("2013-07-05T12:00:00Z"));
    EXPECT_FALSE(wake::test::part<wake::ui::VesselStatePanel>(*m_window, "statePanel")
                     ->value(QStringLiteral("Position"))
                     .contains(QStringLiteral("no position")));
    // The span runs to the end of the seizure's day, so the story's end is in it.
    EXPECT_EQ(replay->cursor().end(), utc("2013-07-16T00:00:00Z"));
    EXPECT_EQ(m_window->map()->renderer().time(), replay->time());
    EXPECT_TRUE(wake::test::part<QComboBox>(*m_window, "replayRange")
                    ->currentText()
                    .contains(QStringLiteral("Puerto Padre")));
    // The default speed plays the whole leg in a minute.
    const auto span = replay->cursor().end() - replay->cursor().start();
    EXPECT_DOUBLE_EQ(replay->rate(), static_cast<double>(span) / 60'000.0);
    // At sea between the reported places the clock shows the date only, and
    // says the position and its speed are reconstructed and assumed.
    replay->seek(utc("2013-07-08T12:00:00Z"));
    const QString clock = wake::test::part<QLabel>(*m_window, "replayClock")->text();
    EXPECT_TRUE(clock.contains(QStringLiteral("8 Jul 2013")));
    EXPECT_FALSE(clock.contains(QStringLiteral("12:00")));
    EXPECT_TRUE(clock.contains(QStringLiteral("reconstructed")));
    EXPECT_TRUE(clock.contains(QStringLiteral("assumed")));
    // The AIS was off over the whole leg (1 June to 11 July): a dark band.
    ASSERT_FALSE(
        wake::test::part<wake::ui::TimelineWidget>(*m_window, "timeline")->darkPeriods().empty());
    EXPECT_LE(wake::test::part<wake::ui::TimelineWidget>(*m_window, "timeline")
                  ->darkPeriods()
                  .front()
                  .first,
              utc("2013-07-05T00:00:00Z"));
}

TEST_F(MainWindowTest, PlayingStopsAtTheSeizureWithItsBannerAndCard)
{
    auto* replay = m_window->replay().controller();
    m_window->show();
    replay->setRate(86'400'000.0 / 200.0); // a day every 200 ms
    replay->play();
    QElapsedTimer waited;
    waited.start();
    while (replay->isPlaying() && waited.elapsed() < 20000) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    ASSERT_FALSE(replay->isPlaying());
    EXPECT_EQ(replay->time(), utc("2013-07-15T00:00:00Z"));
    EXPECT_TRUE(wake::test::part<QLabel>(*m_window, "replayBanner")->isVisible());
    EXPECT_TRUE(wake::test::part<QLabel>(*m_window, "replayBanner")
                    ->text()
                    .contains(QStringLiteral("Seizure")));
    auto* card = m_window->events().card();
    ASSERT_TRUE(card->isVisible());
    const QString text = card->browser()->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Manzanillo International Terminal")));
    EXPECT_TRUE(text.contains(QStringLiteral("time of day not reported")));
    EXPECT_TRUE(text.contains(QStringLiteral("Cargo found")));
    EXPECT_TRUE(text.contains(QStringLiteral("1718")));
    EXPECT_TRUE(text.contains(QStringLiteral("2094")));
    EXPECT_TRUE(text.contains(QStringLiteral("Sources")));
    EXPECT_TRUE(text.contains(QStringLiteral("high")));
    EXPECT_TRUE(card->browser()->toHtml().contains(QStringLiteral("https://")));
    // Every source the card cites (the facts' ids as well as the event's) is
    // listed under Sources with its link.
    const qsizetype sourcesAt = text.lastIndexOf(QStringLiteral("Sources"));
    const QString cited = text.left(sourcesAt);
    const QString listed = text.mid(sourcesAt);
    QStringList ids;
    for (auto it = QRegularExpression(QStringLiteral("\\bS\\d+\\b")).globalMatch(cited);
         it.hasNext();) {
        ids << it.next().captured();
    }
    ids.removeDuplicates();
    EXPECT_GE(ids.size(), 8);
    for (const QString& id : ids) {
        EXPECT_TRUE(listed.contains(QRegularExpression(QStringLiteral("\\b%1 \\S").arg(id))))
            << id.toStdString() << " is cited but not listed";
    }
    for (const char* id : {"S9", "S16", "S47", "S51", "S77"}) {
        EXPECT_TRUE(listed.contains(QRegularExpression(QStringLiteral("\\b%1 ").arg(id)))) << id;
    }
    // Playing on from the seizure does not stop there again.
    replay->play();
    waited.restart();
    while (replay->isPlaying() && waited.elapsed() < 5000) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    EXPECT_EQ(replay->time(), replay->cursor().end());
}

TEST_F(MainWindowTest, TheSeizurePauseCanBeTurnedOff)
{
    auto* setting = m_window->findChild<QAction*>(QStringLiteral("pauseAtSeizure"));
    ASSERT_NE(setting, nullptr);
    setting->setChecked(false);
    auto* replay = m_window->replay().controller();
    replay->setRate(86'400'000.0 / 100.0);
    replay->play();
    QElapsedTimer waited;
    waited.start();
    while (replay->isPlaying() && waited.elapsed() < 20000) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    EXPECT_EQ(replay->time(), replay->cursor().end());
    EXPECT_FALSE(m_window->events().card()->isVisible());
}

TEST_F(MainWindowTest, ClickingAnEventSeeksTheReplayAndTheWholeVoyageIsOneStepAway)
{
    auto* view = wake::test::part<QTableView>(*m_window, "eventsView");
    int arrival = -1;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, 0).data().toString() == QStringLiteral("11 Jul 2013")) {
            arrival = r;
            break;
        }
    }
    ASSERT_GE(arrival, 0);
    const QModelIndex index = view->model()->index(arrival, 2);
    Q_EMIT view->clicked(index);
    EXPECT_EQ(m_window->replay().controller()->time(), utc("2013-07-11T00:00:00Z"));
    // An event before the leg switches to the whole track first.
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, 0).data().toString() == QStringLiteral("12 Apr 2013")) {
            Q_EMIT view->clicked(view->model()->index(r, 2));
            EXPECT_EQ(m_window->replay().controller()->time(), utc("2013-04-12T00:00:00Z"));
        }
    }
    wake::test::part<QComboBox>(*m_window, "replayRange")->setCurrentIndex(1);
    EXPECT_EQ(m_window->replay().controller()->cursor().start(), utc("2013-04-12T00:00:00Z"));
}
