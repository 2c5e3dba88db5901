// How the main window looks: the legend, its size on the screen, the theme
// and the text size, each remembered.

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
