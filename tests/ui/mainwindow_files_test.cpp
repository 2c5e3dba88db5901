// The main window's files: the dock layout kept, imports off the window
// thread, switching databases.

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
using wake::test::waitForImport;
using wake::test::watchImport;

} // namespace

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
