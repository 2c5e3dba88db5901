// The main window on the built-in scenario, offscreen: opening, the one
// selection across its panels, the events and the state at the replay time.

#include "core/geo/web_mercator.h"
#include "core/scenario/scenario_installer.h"
#include "tests/support/test_files.h"
#include "tests/ui/import_wait.h"
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
using wake::test::ImportResult;
using wake::test::utc;
using wake::test::waitForImport;
using wake::test::watchImport;

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
