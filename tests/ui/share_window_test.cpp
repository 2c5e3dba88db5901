// Sharing from the window: the File menu's actions, the track export of the
// selected vessel, a map image at another size than the window's, and the
// video dialog's checks.

#include "core/scenario/scenario_installer.h"
#include "tests/support/pg_test_server.h"
#include "tests/ui/scenario_window.h"
#include "tests/ui/test_application.h"
#include "tests/ui/window_parts.h"
#include "ui/app_icon.h"
#include "ui/mainwindow.h"
#include "ui/map/map_style.h"
#include "ui/map/map_widget.h"
#include "ui/share/video_export_dialog.h"
#include "ui/video/replay_video.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

class ShareTest : public wake::test::ScenarioWindowTest
{
protected:
    void SetUp() override
    {
        ScenarioWindowTest::SetUp();
        m_window->resize(1000, 700);
        m_window->show();
    }
};

} // namespace

TEST_F(ShareTest, TheFileMenuOffersTheExportsWithShortcuts)
{
    for (const auto& [name, keys] :
         {std::pair{"exportTrackAction", "Ctrl+E"}, std::pair{"saveMapImageAction", "Ctrl+Shift+S"},
          std::pair{"exportVideoAction", "Ctrl+Shift+E"}}) {
        auto* action = m_window->findChild<QAction*>(QString::fromLatin1(name));
        ASSERT_NE(action, nullptr) << name;
        EXPECT_EQ(action->shortcut().toString(), QString::fromLatin1(keys));
    }
}

TEST_F(ShareTest, ExportsTheSelectedVesselsTrack)
{
    const QString path = m_dir.filePath(QStringLiteral("ccg.geojson"));
    auto written = m_window->share().exportTrackTo(path, wake::exporting::ExportFormat::GeoJson);
    ASSERT_TRUE(written.ok()) << written.error().toString().toStdString();
    EXPECT_GT(written->first, 100u); // reported and reconstructed points
    EXPECT_GT(written->second, 30u); // the scenario's events
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    EXPECT_TRUE(json.contains("\"Chong Chon Gang\""));
    EXPECT_TRUE(json.contains("\"reconstructed\""));
}

TEST_F(ShareTest, SavesTheMapAtAnySizeShowingTheSameArea)
{
    // What the window shows is what is saved: with the legend, labels and
    // events turned off in the View menu, only land, sea and lines remain.
    for (const auto layer :
         {wake::ui::MapLayer::Overlays, wake::ui::MapLayer::Legend, wake::ui::MapLayer::Events,
          wake::ui::MapLayer::Ports, wake::ui::MapLayer::Vessels}) {
        m_window->findChild<QAction*>(QStringLiteral("layer%1").arg(static_cast<int>(layer)))
            ->trigger();
    }
    const QString small = m_dir.filePath(QStringLiteral("small.png"));
    const QString large = m_dir.filePath(QStringLiteral("large.png"));
    ASSERT_TRUE(m_window->share().saveMapImageTo(small, QSize(400, 300)).ok());
    ASSERT_TRUE(m_window->share().saveMapImageTo(large, QSize(1600, 1200)).ok());
    const QImage a(small);
    const QImage b(large);
    ASSERT_EQ(a.size(), QSize(400, 300));
    ASSERT_EQ(b.size(), QSize(1600, 1200));
    // The same part of the world: land and sea agree at most places once
    // the large one is scaled down (labels and lines differ in size).
    const QImage scaled = b.scaled(a.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    auto isSea = [](QColor c) {
        const QColor sea = wake::ui::style::kSea;
        return std::abs(c.red() - sea.red()) + std::abs(c.green() - sea.green()) +
                   std::abs(c.blue() - sea.blue()) <
               30;
    };
    int same = 0;
    int sea = 0;
    for (int y = 5; y < a.height(); y += 10) {
        for (int x = 5; x < a.width(); x += 10) {
            const bool s = isSea(a.pixelColor(x, y));
            sea += s;
            same += s == isSea(scaled.pixelColor(x, y));
        }
    }
    const int samples = (a.height() / 10) * (a.width() / 10);
    EXPECT_GT(sea, samples / 5);         // the Caribbean is mostly sea
    EXPECT_GT(same, samples * 90 / 100); // about 66 % when the area is not kept
}

// The video's clock of the reported voyage carries dates only: the sources
// give no hours, so a frame must not say "2013-07-08 20:00 UTC".
TEST_F(ShareTest, TheVideoClockOfTheReportedVoyageHasNoHour)
{
    const auto& scene = m_window->map()->renderer().scene();
    const std::int64_t july8at20 = 1'373'313'600'000; // 2013-07-08T20:00Z
    EXPECT_EQ(wake::ui::videoClockAt(scene, july8at20), QStringLiteral("2013-07-08"));
    EXPECT_EQ(wake::ui::videoClockAt(scene, july8at20 + 3 * 86'400'000),
              QStringLiteral("2013-07-11"));
}

TEST_F(ShareTest, TheVideoDialogWantsAnMp4OrGifAndAnEvenSize)
{
    wake::ui::VideoExportDialog dialog(1'373'025'600'000, 1'373'544'000'000,
                                       m_dir.filePath(QStringLiteral("replay.mp4")));
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    auto* path = dialog.findChild<QLineEdit*>(QStringLiteral("videoPath"));
    ASSERT_NE(path, nullptr);
    EXPECT_TRUE(ok->isEnabled());
    path->setText(m_dir.filePath(QStringLiteral("replay.avi")));
    EXPECT_FALSE(ok->isEnabled());
    path->setText(m_dir.filePath(QStringLiteral("replay.GIF")));
    EXPECT_TRUE(ok->isEnabled());
    EXPECT_EQ(dialog.options().frameCount(), 500); // 20 s at 25 frames/s
    EXPECT_EQ(dialog.options().fromUtcMs, 1'373'025'600'000);
    EXPECT_EQ(dialog.frameSize(), QSize(1280, 720));
}

TEST(AppIcon, IsCompiledInForTheWindows)
{
    wake::test::ensureApplication();
    const QIcon icon = wake::ui::appIcon();
    ASSERT_FALSE(icon.isNull());
    const QImage image = icon.pixmap(64, 64).toImage();
    EXPECT_EQ(image.size(), QSize(64, 64));
    // The sea blue of its background at the middle of the left edge.
    EXPECT_GT(image.pixelColor(6, 32).blue(), image.pixelColor(6, 32).red() + 40);
}

TEST_F(ShareTest, OpensAnArchiveOnThePostgresServer)
{
    auto server = wake::test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    ASSERT_NE(m_window->findChild<QAction*>(QStringLiteral("connectServerAction")), nullptr);
    // A team's archive gets no scenario of its own: the test puts it there.
    ASSERT_TRUE(wake::scenario::openWithBuiltInScenario(server->target()).ok());
    ASSERT_TRUE(m_window->files().openDatabase(server->target()));
    ASSERT_TRUE(wake::test::waitForSelection(*m_window));
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("databasePath"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().contains(QStringLiteral("postgresql://")))
        << label->text().toStdString();
    EXPECT_TRUE(label->text().contains(server->name()));
    // The scenario was installed there, and exports read from the server.
    const QString path = m_dir.filePath(QStringLiteral("server.gpx"));
    auto written = m_window->share().exportTrackTo(path, wake::exporting::ExportFormat::Gpx);
    ASSERT_TRUE(written.ok()) << written.error().toString().toStdString();
    EXPECT_GT(written->first, 100u);
    // A server that is not there leaves the open database as it was.
    EXPECT_FALSE(m_window->files().openDatabase(QStringLiteral("host=127.0.0.1 port=1 dbname=x")));
    EXPECT_TRUE(label->text().contains(server->name()));
}
