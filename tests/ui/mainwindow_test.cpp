// The main window on the built-in scenario, offscreen.

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

} // namespace

TEST_F(MainWindowTest, OpensOnTheScenarioVessel)
{
    ASSERT_TRUE(m_window->selection().id());
    EXPECT_EQ(wake::test::part<QTableView>(*m_window, "vesselView")->model()->rowCount(), 1);
    const QString details = wake::test::part<QTextBrowser>(*m_window, "detailsView")->toPlainText();
    EXPECT_TRUE(details.contains(QStringLiteral("Chong Chon Gang")));
    EXPECT_TRUE(details.contains(QStringLiteral("7937317")));
    EXPECT_TRUE(details.contains(QStringLiteral("not published"))); // the MMSI
    EXPECT_TRUE(details.contains(QStringLiteral("North Korea")));
    EXPECT_TRUE(details.contains(QStringLiteral("high")));
    EXPECT_TRUE(details.contains(QStringLiteral("Sources")));
    // Its OFAC match under its name, and its behaviour.
    EXPECT_TRUE(details.contains(QStringLiteral(
        "On the OFAC SDN list (DPRK) as of 3 May 2024: entry 17069, matched by IMO 7937317")));
    EXPECT_TRUE(details.contains(QStringLiteral("Behaviour")));
    EXPECT_TRUE(details.contains(QStringLiteral("Identity over time")));
    EXPECT_TRUE(details.contains(QStringLiteral("Tong Hung San")));
    EXPECT_TRUE(details.contains(QStringLiteral("89.0 days in all, the longest 49.0 days")));
    EXPECT_TRUE(wake::test::part<QTextBrowser>(*m_window, "detailsView")
                    ->toHtml()
                    .contains(QStringLiteral("https://")));
    // The cargo and the legal context, from the fact sheet.
    EXPECT_TRUE(details.contains(QStringLiteral("Cargo")));
    EXPECT_TRUE(details.contains(QStringLiteral("sugar")));
    EXPECT_TRUE(details.contains(QStringLiteral("1718")));
    EXPECT_TRUE(details.contains(QStringLiteral("2094")));
}

// A vessel with no positions clears what it has none of: the state at the
// replay time, the speed chart, the voyage summary and the timeline's events
// must not stay on the vessel selected before.
TEST(MainWindowSelection, AVesselWithoutPositionsLeavesNoPanelOnTheOneBefore)
{
    wake::test::ensureApplication();
    QTemporaryDir dir;
    wake::test::useSettingsIn(dir.filePath(QStringLiteral("settings")));
    auto db = wake::scenario::openWithBuiltInScenario(dir.filePath(QStringLiteral("ui.sqlite")));
    ASSERT_TRUE(db.ok());
    wake::model::Vessel quiet;
    quiet.mmsi = 366'000'001;
    quiet.name = QStringLiteral("NO FIXES");
    const auto quietId = db->upsertVessel(quiet);
    ASSERT_TRUE(quietId.ok());
    wake::ui::MainWindow window(std::move(db).value());
    ASSERT_TRUE(wake::test::waitForSelection(window));
    ASSERT_TRUE(window.selection().id());
    ASSERT_NE(*window.selection().id(), *quietId);
    ASSERT_FALSE(wake::test::part<wake::ui::SpeedChart>(window, "speedChart")->samples().empty());
    ASSERT_FALSE(wake::test::part<wake::ui::TimelineWidget>(window, "timeline")->events().empty());
    const QString before = wake::test::part<wake::ui::VesselStatePanel>(window, "statePanel")
                               ->value(QStringLiteral("Position"));
    ASSERT_FALSE(before.contains(QStringLiteral("no position")));

    wake::test::selectAndWait(window, *quietId);
    ASSERT_EQ(window.selection().id(), *quietId);
    EXPECT_TRUE(wake::test::part<QTextBrowser>(window, "detailsView")
                    ->toPlainText()
                    .contains(QStringLiteral("NO FIXES")));
    EXPECT_EQ(wake::test::part<wake::ui::VesselStatePanel>(window, "statePanel")
                  ->value(QStringLiteral("Position")),
              QStringLiteral("this vessel has no positions"));
    EXPECT_TRUE(wake::test::part<wake::ui::SpeedChart>(window, "speedChart")->samples().empty());
    EXPECT_TRUE(wake::test::part<wake::ui::TimelineWidget>(window, "timeline")->events().empty());
    EXPECT_TRUE(wake::test::part<QLabel>(window, "voyageSummary")
                    ->text()
                    .contains(QStringLiteral("No positions")));
    // The map's selected track is the new vessel's, empty (the others are
    // still drawn as traffic).
    const auto& scene = window.map()->renderer().scene();
    ASSERT_FALSE(scene.tracks.empty());
    EXPECT_EQ(scene.tracks.front().vesselId, *quietId);
    EXPECT_TRUE(scene.tracks.front().points.empty());
    EXPECT_EQ(wake::test::part<QTableView>(window, "eventsView")->model()->rowCount(), 0);
}

// The events list by keyboard: the arrow keys move the replay from event to
// event, Enter opens the card of the current one, and so does a double-click.
TEST_F(MainWindowTest, EventRowsMoveTheReplayByArrowKeysAndOpenTheirCardByEnter)
{
    m_window->show();
    QTableView* view = wake::test::part<QTableView>(*m_window, "eventsView");
    auto* model = dynamic_cast<wake::ui::EventsModel*>(view->model());
    ASSERT_NE(model, nullptr);
    ASSERT_GT(model->rowCount(), 3);
    int seizure = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->eventAt(r)->kind == wake::model::EventKind::Seizure) {
            seizure = r;
        }
    }
    ASSERT_GE(seizure, 2);
    view->setFocus();
    view->setCurrentIndex(model->index(seizure - 2, 0));
    const auto key = [view](int k) {
        QKeyEvent press(QEvent::KeyPress, k, Qt::NoModifier);
        QApplication::sendEvent(view, &press);
        QKeyEvent release(QEvent::KeyRelease, k, Qt::NoModifier);
        QApplication::sendEvent(view, &release);
    };
    key(Qt::Key_Down);
    key(Qt::Key_Down);
    ASSERT_EQ(view->currentIndex().row(), seizure);
    const wake::model::Event* third = model->eventAt(seizure);
    EXPECT_EQ(m_window->replay().controller()->time(), third->time.startUtcMs);

    EXPECT_FALSE(m_window->events().card()->isVisible());
    key(Qt::Key_Return);
    ASSERT_TRUE(m_window->events().card()->isVisible());
    EXPECT_EQ(m_window->events().card()->eventId(), third->id);
    m_window->events().card()->hide();

    const QRect cell = view->visualRect(model->index(1, wake::ui::EventsModel::Title));
    const QPointF at(cell.center());
    const QPointF global = view->viewport()->mapToGlobal(at);
    for (const QEvent::Type type : {QEvent::MouseButtonPress, QEvent::MouseButtonRelease,
                                    QEvent::MouseButtonDblClick, QEvent::MouseButtonRelease}) {
        QMouseEvent e(type, at, global, Qt::LeftButton,
                      type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton,
                      Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &e);
    }
    ASSERT_TRUE(m_window->events().card()->isVisible());
    EXPECT_EQ(m_window->events().card()->eventId(), model->eventAt(1)->id);
}

// The legend can be closed on its own (View → Map layers → Legend), leaving
// the scale and the attribution, and stays closed at the next start.
TEST_F(MainWindowTest, TheLegendClosesOnItsOwnAndStaysClosed)
{
    auto* legend = m_window->findChild<QAction*>(
        QStringLiteral("layer%1").arg(static_cast<int>(wake::ui::MapLayer::Legend)));
    ASSERT_NE(legend, nullptr);
    ASSERT_TRUE(legend->isChecked());
    auto& renderer = m_window->map()->renderer();
    const auto picture = [&] {
        QImage image(900, 600, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        renderer.paint(p, m_window->map()->viewport());
        return image;
    };
    const QImage with = picture();
    legend->setChecked(false);
    EXPECT_FALSE(renderer.isLayerVisible(wake::ui::MapLayer::Legend));
    EXPECT_TRUE(renderer.isLayerVisible(wake::ui::MapLayer::Overlays));
    const QImage without = picture();
    EXPECT_NE(with, without);
    wake::ui::MainWindow next(
        wake::scenario::openWithBuiltInScenario(m_dir.filePath(QStringLiteral("ui.sqlite")))
            .value());
    EXPECT_FALSE(next.map()->renderer().isLayerVisible(wake::ui::MapLayer::Legend));
}

// The window opens no larger than its screen, whatever the default size or
// a layout saved on a bigger screen (large fonts made it open past it).
TEST_F(MainWindowTest, OpensNoLargerThanTheScreen)
{
    const QRect available = m_window->screen()->availableGeometry();
    EXPECT_LE(m_window->width(), available.width());
    EXPECT_LE(m_window->height(), available.height());
    m_window->resize(available.width() * 2, available.height() * 2);
    m_window->close(); // saves the layout, too large
    wake::ui::MainWindow next(
        wake::scenario::openWithBuiltInScenario(m_dir.filePath(QStringLiteral("ui.sqlite")))
            .value());
    EXPECT_LE(next.width(), available.width());
    EXPECT_LE(next.height(), available.height());
}

TEST_F(MainWindowTest, EventsOfTheSelectedVesselAreListed)
{
    auto* events = wake::test::part<QTableView>(*m_window, "eventsView")->model();
    ASSERT_GT(events->rowCount(), 30);
    bool seizure = false;
    for (int r = 0; r < events->rowCount(); ++r) {
        if (events->index(r, 1).data().toString() == QLatin1String("Seizure")) {
            seizure = true;
            EXPECT_EQ(events->index(r, 0).data().toString(), QStringLiteral("15 Jul 2013"));
            EXPECT_FALSE(events->index(r, 4).data().toString().isEmpty());
        }
    }
    EXPECT_TRUE(seizure);
}

TEST_F(MainWindowTest, ViewMenuTogglesMapLayers)
{
    using wake::ui::MapLayer;
    auto* ports = m_window->findChild<QAction*>(
        QStringLiteral("layer%1").arg(static_cast<int>(MapLayer::Ports)));
    ASSERT_NE(ports, nullptr);
    EXPECT_TRUE(m_window->map()->renderer().isLayerVisible(MapLayer::Ports));
    ports->trigger();
    EXPECT_FALSE(m_window->map()->renderer().isLayerVisible(MapLayer::Ports));
    ports->trigger();
    EXPECT_TRUE(m_window->map()->renderer().isLayerVisible(MapLayer::Ports));
}

namespace {

std::int64_t utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

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

TEST_F(MainWindowTest, ClosingSavesTheDockLayoutForTheNextStart)
{
    auto* events = m_window->findChild<QDockWidget*>(QStringLiteral("eventsDock"));
    ASSERT_NE(events, nullptr);
    m_window->show();
    events->close();
    ASSERT_FALSE(events->isVisible());
    m_window->close();

    auto db = wake::store::Database::open(m_dir.filePath(QStringLiteral("ui.sqlite")));
    ASSERT_TRUE(db.ok());
    m_window = std::make_unique<wake::ui::MainWindow>(std::move(db).value());
    ASSERT_TRUE(wake::test::waitForSelection(*m_window));
    m_window->show();
    auto* restored = m_window->findChild<QDockWidget*>(QStringLiteral("eventsDock"));
    ASSERT_NE(restored, nullptr);
    EXPECT_FALSE(restored->isVisible());
    EXPECT_TRUE(m_window->findChild<QDockWidget*>(QStringLiteral("detailsDock"))->isVisible());
}

// What importFinished reported, and a wait that keeps the event loop running.
struct ImportResult
{
    bool done = false;
    QString summary;
    bool failed = false;
    bool cancelled = false;
};

void watchImport(wake::ui::MainWindow& window, ImportResult& result)
{
    QObject::connect(&window.files(), &wake::ui::FilesFeature::importFinished, &window,
                     [&result](const QString& summary, bool failed, bool cancelled) {
                         result = {true, summary, failed, cancelled};
                     });
}

bool waitForImport(const ImportResult& result, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!result.done && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return result.done;
}

TEST_F(MainWindowTest, ImportRunsOffTheWindowThreadAndRefreshesTheList)
{
    const int before = wake::test::part<QTableView>(*m_window, "vesselView")->model()->rowCount();
    ImportResult result;
    watchImport(*m_window, result);
    m_window->files().importFiles(
        {QStringLiteral(WAKE_TEST_DATA_DIR "/ais/csv/dma_aisdk-2023-03-18_head.csv"),
         QStringLiteral(WAKE_TEST_DATA_DIR "/ais/libais/tagblock.nmea")});
    // The call returns at once; the work happens on the worker thread.
    EXPECT_FALSE(result.done);
    ASSERT_TRUE(waitForImport(result));
    EXPECT_FALSE(result.failed) << result.summary.toStdString();
    EXPECT_FALSE(result.cancelled);
    EXPECT_TRUE(result.summary.contains(QStringLiteral("Danish Maritime Authority CSV")));
    EXPECT_GT(wake::test::part<QTableView>(*m_window, "vesselView")->model()->rowCount(),
              before + 5);
    // The scenario vessel stays selected and shown.
    EXPECT_TRUE(wake::test::part<QTextBrowser>(*m_window, "detailsView")
                    ->toPlainText()
                    .contains(QStringLiteral("Chong Chon Gang")));
    auto* summary = m_window->findChild<QMessageBox*>(QStringLiteral("importSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->detailedText().contains(QStringLiteral("positions:")));
}

TEST_F(MainWindowTest, CancellingAnImportKeepsTheStoreUsable)
{
    const QString path = m_dir.filePath(QStringLiteral("long.nmea"));
    ASSERT_TRUE(wake::test::writeAll(
        path,
        wake::test::taggedSentences("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n", 600000)));
    ImportResult result;
    watchImport(*m_window, result);
    m_window->files().importFiles({path});
    auto* dialog = m_window->findChild<QProgressDialog*>();
    ASSERT_NE(dialog, nullptr);
    auto* cancel = dialog->findChild<QPushButton*>();
    ASSERT_NE(cancel, nullptr);
    cancel->click();
    ASSERT_TRUE(waitForImport(result));
    EXPECT_TRUE(result.cancelled);
    EXPECT_FALSE(result.failed);
    // The window's own connection still reads the store.
    auto db = wake::store::Database::open(m_dir.filePath(QStringLiteral("ui.sqlite")));
    ASSERT_TRUE(db.ok());
    auto count = db->trackPointCount();
    ASSERT_TRUE(count.ok());
    EXPECT_LT(*count, 600000); // stopped before the end
    EXPECT_EQ(*db->connection().queryInt(QStringLiteral(
                  "SELECT count(*) FROM pragma_quick_check WHERE quick_check <> 'ok'")),
              0);
}

TEST_F(MainWindowTest, SelectionIsOneAcrossListMapDetailsAndState)
{
    // Two vessels at the same time: the Danish sample has several.
    ImportResult result;
    watchImport(*m_window, result);
    m_window->files().importFiles(
        {QStringLiteral(WAKE_TEST_DATA_DIR "/ais/csv/dma_aisdk-2023-03-18_head.csv")});
    ASSERT_TRUE(waitForImport(result));
    auto db = wake::store::Database::open(m_dir.filePath(QStringLiteral("ui.sqlite")));
    ASSERT_TRUE(db.ok());
    const auto first = db->findVesselByMmsi(352002266);
    const auto second = db->findVesselByMmsi(211551940);
    ASSERT_TRUE(first.ok() && first->has_value() && second.ok() && second->has_value());

    // List -> everywhere: details, map focus, state panel.
    wake::test::selectAndWait(*m_window, **first);
    EXPECT_EQ(*m_window->selection().id(), **first);
    EXPECT_TRUE(wake::test::part<QTextBrowser>(*m_window, "detailsView")
                    ->toPlainText()
                    .contains(QStringLiteral("352002266")));
    const auto& scene = m_window->map()->renderer().scene();
    ASSERT_TRUE(scene.focusTrack.has_value());
    EXPECT_EQ(scene.tracks[*scene.focusTrack].vesselId, **first);
    // The other vessel under way at that time is on the map too.
    bool otherOnMap = false;
    for (const auto& t : scene.tracks) {
        otherOnMap = otherOnMap || t.vesselId == **second;
    }
    EXPECT_TRUE(otherOnMap);
    EXPECT_TRUE(wake::test::part<wake::ui::VesselStatePanel>(*m_window, "statePanel")
                    ->value(QStringLiteral("Position"))
                    .contains(QStringLiteral("55°")));

    // Map -> everywhere: the list's current row, the details and the map's focus follow.
    Q_EMIT m_window->map()->vesselClicked(**second);
    ASSERT_TRUE(wake::test::waitForSelection(*m_window));
    EXPECT_EQ(*m_window->selection().id(), **second);
    const QModelIndex current =
        wake::test::part<QTableView>(*m_window, "vesselView")->currentIndex();
    EXPECT_EQ(current.data(wake::ui::VesselListModel::kVesselIdRole).toLongLong(), **second);
    EXPECT_TRUE(wake::test::part<QTextBrowser>(*m_window, "detailsView")
                    ->toPlainText()
                    .contains(QStringLiteral("211551940")));
    const auto& scene2 = m_window->map()->renderer().scene();
    EXPECT_EQ(scene2.tracks[*scene2.focusTrack].vesselId, **second);
}

TEST_F(MainWindowTest, StatePanelVoyageSummaryAndSpeedChartDescribeTheReplayTime)
{
    // 8 July 2013, noon: at sea between Cuba and Panama, on a reconstructed route.
    m_window->replay().controller()->seek(
        QDateTime(QDate(2013, 7, 8), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
    auto* panel = wake::test::part<wake::ui::VesselStatePanel>(*m_window, "statePanel");
    EXPECT_TRUE(
        panel->value(QStringLiteral("Known from")).startsWith(QStringLiteral("reconstructed")));
    EXPECT_TRUE(panel->value(QStringLiteral("Speed")).contains(QStringLiteral("assumed")));
    EXPECT_TRUE(
        panel->value(QStringLiteral("Time")).contains(QStringLiteral("time of day not known")));
    EXPECT_TRUE(panel->value(QStringLiteral("Position")).contains(QStringLiteral("N ")));
    EXPECT_TRUE(panel->value(QStringLiteral("Distance run"))
                    .contains(QStringLiteral("nm since 5 Jul 2013")));
    EXPECT_TRUE(panel->value(QStringLiteral("Last observed")).startsWith(QStringLiteral("never")));
    const QString summary = wake::test::part<QLabel>(*m_window, "voyageSummary")->text();
    EXPECT_TRUE(summary.contains(QStringLiteral("Puerto Padre")));
    EXPECT_TRUE(summary.contains(QStringLiteral("MIT")));
    EXPECT_TRUE(summary.contains(QStringLiteral("reconstructed route")));
    EXPECT_TRUE(summary.contains(QStringLiteral("AIS off")));
    // No AIS speeds: every sample is implied, none observed.
    const auto& samples =
        wake::test::part<wake::ui::SpeedChart>(*m_window, "speedChart")->samples();
    ASSERT_FALSE(samples.empty());
    for (const auto& s : samples) {
        EXPECT_FALSE(s.observed);
    }
}

TEST_F(MainWindowTest, OpenDatabaseSwitchesFilesAndRefusesOneThatIsNotWake)
{
    const QString notWake = m_dir.filePath(QStringLiteral("notes.sqlite"));
    ASSERT_TRUE(wake::test::writeAll(notWake, "these are not the droids you are looking for"));
    EXPECT_FALSE(m_window->files().openDatabase(notWake));
    // The error is shown, and the database in use is still the old one.
    EXPECT_NE(m_window->findChild<QMessageBox*>(QStringLiteral("errorMessage")), nullptr);
    EXPECT_TRUE(wake::test::part<QLabel>(*m_window, "databasePath")
                    ->text()
                    .contains(QStringLiteral("ui.sqlite")));
    EXPECT_EQ(wake::test::readAll(notWake),
              QByteArray("these are not the droids you are looking for"));

    // Open takes a file that exists; a new one is File → New's.
    const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
    EXPECT_FALSE(m_window->files().openDatabase(other));
    EXPECT_FALSE(QFile::exists(other));
    EXPECT_TRUE(m_window->files().newDatabase(other, true));
    ASSERT_TRUE(wake::test::waitForSelection(*m_window));
    EXPECT_TRUE(wake::test::part<QLabel>(*m_window, "databasePath")
                    ->text()
                    .contains(QStringLiteral("other.sqlite")));
    // The title is the file; the platform adds the application's name once
    // ("other.sqlite — Wake", never "Wake — other.sqlite — Wake").
    EXPECT_EQ(m_window->windowTitle(), QStringLiteral("other.sqlite"));
    // A new database with the scenario asked for: selected as on a first start.
    ASSERT_TRUE(m_window->selection().id());
    EXPECT_TRUE(wake::test::part<QTextBrowser>(*m_window, "detailsView")
                    ->toPlainText()
                    .contains(QStringLiteral("Chong Chon Gang")));
    // And opening the first again works as well.
    EXPECT_TRUE(m_window->files().openDatabase(m_dir.filePath(QStringLiteral("ui.sqlite"))));
    ASSERT_TRUE(wake::test::waitForSelection(*m_window));
    EXPECT_TRUE(m_window->selection().id());
}

// A new database is empty unless the scenario is asked for; and a database
// opened while the list's filter matches nothing in it leaves nothing of the
// one before on screen (its vessel, events and traffic stayed).
TEST_F(MainWindowTest, AnotherDatabaseLeavesNothingOfTheOneBeforeOnScreen)
{
    ASSERT_TRUE(m_window->selection().current());
    ASSERT_GT(wake::test::part<QTableView>(*m_window, "eventsView")->model()->rowCount(), 0);
    wake::test::part<QLineEdit>(*m_window, "vesselFilter")->setText(QStringLiteral("no such ship"));
    const QString empty = m_dir.filePath(QStringLiteral("empty.sqlite"));
    ASSERT_TRUE(m_window->files().newDatabase(empty, false));
    ASSERT_TRUE(wake::test::waitForSelection(*m_window));
    EXPECT_FALSE(m_window->selection().id());
    EXPECT_EQ(wake::test::part<QTableView>(*m_window, "vesselView")->model()->rowCount(), 0);
    EXPECT_EQ(wake::test::part<QTableView>(*m_window, "eventsView")->model()->rowCount(), 0);
    EXPECT_TRUE(wake::test::part<QTextBrowser>(*m_window, "detailsView")
                    ->toPlainText()
                    .contains(QStringLiteral("No vessel is selected")));
    EXPECT_TRUE(m_window->map()->renderer().scene().tracks.empty());
    EXPECT_TRUE(m_window->map()->renderer().scene().events.empty());
    EXPECT_TRUE(wake::test::part<QLabel>(*m_window, "voyageSummary")
                    ->text()
                    .contains(QStringLiteral("No vessel")));
    // The file holds no vessel at all: the scenario was not asked for.
    auto reopened = wake::store::Database::open(empty);
    ASSERT_TRUE(reopened.ok());
    EXPECT_TRUE(reopened->listVessels()->empty());
}

// File → Open database opens a file that exists: its button says Open, not
// Save, and the file is taken without asking to overwrite it (a new one is
// File → New database's).
TEST_F(MainWindowTest, TheOpenDatabaseDialogOpens)
{
    std::unique_ptr<QFileDialog> dialog(m_window->files().makeOpenDialog());
    EXPECT_EQ(dialog->acceptMode(), QFileDialog::AcceptOpen);
    EXPECT_EQ(dialog->fileMode(), QFileDialog::ExistingFile);
    EXPECT_EQ(dialog->labelText(QFileDialog::Accept), QStringLiteral("Open"));
}

TEST_F(MainWindowTest, ThemeIsAppliedAndRemembered)
{
    auto* dark = m_window->findChild<QAction*>(QStringLiteral("theme-dark"));
    ASSERT_NE(dark, nullptr);
    const QColor before = QApplication::palette().color(QPalette::Window);
    m_window->resize(1200, 800);
    m_window->show();
    const auto grabbed = [&](const char* name) {
        QWidget* w = m_window->findChild<QWidget*>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w->grab().toImage();
    };
    // A light picture is mostly light; a dark one mostly dark.
    const auto meanLightness = [](const QImage& image) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4) {
                sum += image.pixelColor(x, y).lightness();
                ++n;
            }
        }
        return n > 0 ? sum / n : 0.0;
    };
    dark->trigger();
    QCoreApplication::processEvents(); // the palette reaches the widgets
    EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 80);
    EXPECT_EQ(QSettings().value(QStringLiteral("view/theme")).toString(), QStringLiteral("dark"));
    // The map, the timeline and the speed chart follow (they stayed light),
    // and the replay buttons are drawn in a light colour (dark on dark).
    EXPECT_TRUE(m_window->map()->renderer().isDark());
    QImage map(600, 400, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&map);
        wake::ui::MapViewport vp = m_window->map()->viewport();
        vp.setSize(QSizeF(600, 400));
        m_window->map()->renderer().paint(p, vp);
    }
    EXPECT_LT(meanLightness(map), 100.0);
    EXPECT_LT(meanLightness(grabbed("timeline")), 100.0);
    EXPECT_LT(meanLightness(grabbed("speedChart")), 100.0);
    const QImage play =
        wake::test::part<QToolButton>(*m_window, "playButton")->icon().pixmap(24).toImage();
    int lightGlyph = 0;
    for (int y = 0; y < play.height(); ++y) {
        for (int x = 0; x < play.width(); ++x) {
            const QColor c = play.pixelColor(x, y);
            lightGlyph += c.alpha() > 200 && c.lightness() > 180 ? 1 : 0;
        }
    }
    EXPECT_GT(lightGlyph, 20) << "the play glyph in a light colour";
    m_window->findChild<QAction*>(QStringLiteral("theme-system"))->trigger();
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), before);
    EXPECT_FALSE(m_window->map()->renderer().isDark());
}

// View → Text size: the window's text and the map's labels grow together,
// and the size is kept for the next start.
TEST_F(MainWindowTest, TextSizeAppliesToTheWindowAndTheMapLabelsAndIsRemembered)
{
    const double before = QApplication::font().pointSizeF();
    ASSERT_GT(before, 0);
    auto* larger = m_window->findChild<QAction*>(QStringLiteral("textScale-150"));
    ASSERT_NE(larger, nullptr);
    // Dark ink (the labels' text) in a picture of the map at the window's view.
    const auto labelInk = [&] {
        QImage map(800, 600, QImage::Format_ARGB32_Premultiplied);
        map.fill(Qt::white);
        QPainter p(&map);
        wake::ui::MapViewport vp = m_window->map()->viewport();
        vp.setSize(QSizeF(800, 600));
        vp.fit({8.0, -84.0}, {24.0, -74.0}); // Cuba to Panama, with port names
        m_window->map()->renderer().paint(p, vp);
        p.end();
        int ink = 0;
        for (int y = 0; y < map.height(); ++y) {
            for (int x = 0; x < map.width(); ++x) {
                const QColor c = map.pixelColor(x, y);
                ink += c.lightness() < 90 && c.saturation() < 140 ? 1 : 0;
            }
        }
        return ink;
    };
    const int normalInk = labelInk();
    larger->trigger();
    EXPECT_NEAR(QApplication::font().pointSizeF(), before * 1.5, 0.01);
    EXPECT_DOUBLE_EQ(m_window->map()->renderer().textScale(), 1.5);
    EXPECT_DOUBLE_EQ(QSettings().value(QStringLiteral("view/textScale")).toDouble(), 1.5);
    const int largerInk = labelInk();
    EXPECT_GT(largerInk, normalInk * 13 / 10) << normalInk << " -> " << largerInk;
    // Ctrl+- steps back down a size.
    m_window->findChild<QAction*>(QStringLiteral("textScale-100"))->trigger();
    EXPECT_NEAR(QApplication::font().pointSizeF(), before, 0.01);
    EXPECT_DOUBLE_EQ(m_window->map()->renderer().textScale(), 1.0);
}

// wake --vessel ID --time T --fit BOX: the window opens on that vessel, at
// that time, framing that box (here the seizure at Colón).
TEST_F(MainWindowTest, OpensOnAVesselAtATimeFramingABox)
{
    const auto vessels = m_window->session().db().listVessels();
    ASSERT_TRUE(vessels.ok());
    ASSERT_FALSE(vessels->empty());
    const wake::model::VesselId id = vessels->front().id;
    const std::int64_t time = utc("2013-07-15T00:00:00Z");
    const std::pair colon{wake::model::LatLon{9.34, -79.90}, wake::model::LatLon{9.38, -79.86}};
    wake::ui::openWindowOn(*m_window, {id, time, colon});
    ASSERT_TRUE(wake::test::waitFor([&] { return m_window->replay().controller()->time() == time; },
                                    30000));
    const auto centre = wake::geo::unproject(m_window->map()->viewport().center());
    EXPECT_NEAR(centre.latDeg, 9.36, 0.01);
    EXPECT_NEAR(centre.lonDeg, -79.88, 0.01);
    EXPECT_GT(m_window->map()->viewport().zoom(), 12.0);
}

TEST_F(MainWindowTest, EventSourcesCanBeCopiedWithTheirLinks)
{
    const auto& events = m_window->map()->renderer().scene().events;
    const auto seizure = std::find_if(events.begin(), events.end(), [](const auto& e) {
        return e.kind == wake::model::EventKind::Seizure;
    });
    ASSERT_NE(seizure, events.end());
    const QString text = m_window->events().sourcesText(seizure->id);
    EXPECT_TRUE(text.contains(QStringLiteral("15 Jul 2013")));
    EXPECT_TRUE(text.contains(QStringLiteral("https://")));
    EXPECT_GE(text.count(QLatin1Char('\n')),
              static_cast<int>(seizure->attribution.sourceIds.size()));
    // Each event row has its kind's glyph.
    const QModelIndex kind =
        wake::test::part<QTableView>(*m_window, "eventsView")->model()->index(0, 1);
    EXPECT_FALSE(kind.data(Qt::DecorationRole).value<QIcon>().isNull());
}

// A value that wraps is shown whole: every line of it (the longitude under
// the latitude in a narrow dock), never cut off by the row below.
TEST_F(MainWindowTest, StateValuesThatWrapAreShownWhole)
{
    m_window->resize(1400, 860);
    m_window->show();
    auto* dock = wake::test::part<QDockWidget>(*m_window, "stateDock");
    m_window->resizeDocks({dock}, {230}, Qt::Horizontal);
    QCoreApplication::processEvents();
    for (const char* when :
         {"2013-07-08T12:00:00Z", "2013-07-15T12:00:00Z", "2013-07-06T03:00:00Z"}) {
        m_window->replay().controller()->seek(utc(when));
        wake::test::waitFor([] { return false; }, 200); // layouts settle
        for (QLabel* label : dock->findChildren<QLabel*>()) {
            if (!label->wordWrap() || label->text().isEmpty()) {
                continue;
            }
            EXPECT_GE(label->height(), label->heightForWidth(label->width()))
                << when << " " << label->objectName().toStdString() << ": "
                << label->text().toStdString();
        }
    }
}

// F after Ctrl+W frames the whole voyage, from Vostochny to Colón, not the
// Caribbean leg that was replayed before.
TEST_F(MainWindowTest, FramingTheWholeTrackShowsItFromVostochnyToColon)
{
    m_window->resize(1400, 860);
    m_window->show();
    m_window->replay().showWholeTrack();
    m_window->replay().fitRange();
    const wake::ui::MapViewport& vp = m_window->map()->viewport();
    const QRectF view(QPointF(0, 0), vp.size());
    const double worldPx = vp.size().width() / vp.visibleWorld().width();
    for (const auto& [lat, lon] : {std::pair{42.75, 133.08}, std::pair{9.36, -79.88}}) {
        const QPointF s = vp.worldToScreen(wake::geo::project({lat, lon}));
        bool seen = false; // on some copy of the world
        for (int k = -2; k <= 2; ++k) {
            seen |= view.contains(s + QPointF(k * worldPx, 0));
        }
        EXPECT_TRUE(seen) << lat << "," << lon;
    }
}
