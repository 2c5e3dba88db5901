// The main window on the built-in scenario, offscreen.

#include "mainwindow.h"
#include "map/map_widget.h"
#include "scenario/scenario_installer.h"

#include <QAction>
#include <QApplication>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>

#include <gtest/gtest.h>

namespace {

int argc = 1;
char arg0[] = "wake_ui_tests";
char* argv[] = {arg0, nullptr};

class MainWindowTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        if (QApplication::instance() == nullptr) {
            new QApplication(argc, argv);
        }
    }
    void SetUp() override
    {
        auto db =
            wake::scenario::openWithBuiltInScenario(m_dir.filePath(QStringLiteral("ui.sqlite")));
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        m_window = std::make_unique<wake::ui::MainWindow>(std::move(db).value());
    }
    QTemporaryDir m_dir;
    std::unique_ptr<wake::ui::MainWindow> m_window;
};

} // namespace

TEST_F(MainWindowTest, OpensOnTheScenarioVessel)
{
    ASSERT_TRUE(m_window->selectedVessel());
    EXPECT_EQ(m_window->vesselView()->model()->rowCount(), 1);
    const QString details = m_window->detailsView()->toPlainText();
    EXPECT_TRUE(details.contains(QStringLiteral("Chong Chon Gang")));
    EXPECT_TRUE(details.contains(QStringLiteral("7937317")));
    EXPECT_TRUE(details.contains(QStringLiteral("not published"))); // the MMSI
    EXPECT_TRUE(details.contains(QStringLiteral("North Korea")));
    EXPECT_TRUE(details.contains(QStringLiteral("high")));
    EXPECT_TRUE(details.contains(QStringLiteral("Sources")));
    EXPECT_TRUE(m_window->detailsView()->toHtml().contains(QStringLiteral("https://")));
}

TEST_F(MainWindowTest, EventsOfTheSelectedVesselAreListed)
{
    auto* events = m_window->eventsView()->model();
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
    EXPECT_TRUE(m_window->mapView()->renderer().isLayerVisible(MapLayer::Ports));
    ports->trigger();
    EXPECT_FALSE(m_window->mapView()->renderer().isLayerVisible(MapLayer::Ports));
    ports->trigger();
    EXPECT_TRUE(m_window->mapView()->renderer().isLayerVisible(MapLayer::Ports));
}
