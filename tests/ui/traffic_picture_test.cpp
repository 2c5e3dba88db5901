// The traffic picture: at the replay time the map draws every vessel the
// store has a recent fix for, not only those with a track in the scene;
// hover names one, a click selects it everywhere.

#include "core/geo/web_mercator.h"
#include "core/scenario/scenario_installer.h"
#include "tests/ui/test_application.h"
#include "tests/ui/window_parts.h"
#include "ui/mainwindow.h"
#include "ui/map/map_viewport.h"
#include "ui/map/map_widget.h"
#include "ui/map/traffic_layer.h"
#include "ui/replay/replay_controller.h"

#include <QElapsedTimer>
#include <QMouseEvent>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace wake;

namespace {

using wake::test::waitFor;

constexpr std::int64_t kT0 = 1'688'212'800'000; // 2023-07-01T12:00Z
constexpr std::int64_t kMinute = 60'000;

model::VesselId addVessel(store::Database& db, std::uint32_t mmsi, const QString& name,
                          std::vector<std::pair<std::int64_t, model::LatLon>> fixes)
{
    model::Vessel v;
    v.mmsi = mmsi;
    v.name = name;
    v.aisShipType = 70;
    const model::VesselId id = *db.upsertVessel(v);
    std::vector<model::TrackPoint> points;
    for (const auto& [t, p] : fixes) {
        model::TrackPoint tp;
        tp.vesselId = id;
        tp.timeUtcMs = t;
        tp.latDeg = p.latDeg;
        tp.lonDeg = p.lonDeg;
        tp.sogKnots = 10.0f;
        tp.cogDeg = 90.0f;
        points.push_back(tp);
    }
    EXPECT_TRUE(db.insertTrackPoints(points).ok());
    return id;
}

} // namespace

// Before any traffic arrives there is none on screen (a screen reader asked
// for the map's items then, and the layer read past its empty buckets).
TEST(TrafficPicture, NoTrafficYetIsNoneOnScreen)
{
    const wake::ui::TrafficLayer empty;
    wake::ui::MapViewport vp({0.5, 0.5}, 3, QSizeF(800, 600));
    EXPECT_TRUE(empty.onScreen(vp, 0.0).empty());
}

TEST(TrafficPicture, EveryVesselWithARecentFixIsDrawnAndOneClickSelectsIt)
{
    wake::test::ensureApplication();
    QTemporaryDir dir;
    wake::test::useSettingsIn(dir.filePath(QStringLiteral("settings")));
    auto db = scenario::openWithBuiltInScenario(dir.filePath(QStringLiteral("t.sqlite")));
    ASSERT_TRUE(db.ok());
    std::vector<std::pair<std::int64_t, model::LatLon>> track;
    for (int m = 0; m <= 60; ++m) {
        track.push_back({kT0 + m * kMinute, {9.5, -79.6 + 0.003 * m}});
    }
    const model::VesselId a = addVessel(*db, 235000001, QStringLiteral("ALPHA"), track);
    // One fix 20 minutes before A's track starts: no track in the scene, still there at T0.
    const model::VesselId b =
        addVessel(*db, 235000002, QStringLiteral("BRAVO"), {{kT0 - 20 * kMinute, {9.45, -79.55}}});
    // Two hours old by then: gone from the picture.
    addVessel(*db, 235000003, QStringLiteral("CHARLIE"), {{kT0 - 120 * kMinute, {9.40, -79.50}}});

    ui::MainWindow window(std::move(*db));
    window.resize(1200, 800);
    window.show();
    wake::test::selectAndWait(window, a);
    ASSERT_EQ(window.selection().id(), a);
    window.map()->fitBounds({9.35, -79.70}, {9.60, -79.35});
    window.replay().controller()->seek(kT0 + kMinute);
    auto targets = [&] {
        return window.map()->renderer().traffic().targets();
    };
    ASSERT_TRUE(waitFor([&] { return targets().size() == 1; })) << targets().size();
    EXPECT_EQ(targets()[0].vesselId, b);
    EXPECT_EQ(targets()[0].name, QStringLiteral("BRAVO"));

    // Hover names it; a click on it selects it in the list, the details and the map.
    ui::MapWidget* map = window.map();
    const QPointF at = map->viewport().worldToScreen(geo::project({9.45, -79.55}));
    const auto hit = map->renderer().hitTest(at, map->viewport());
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->kind, ui::MapHit::Kind::Traffic);
    EXPECT_TRUE(hit->text.contains(QStringLiteral("BRAVO")));
    QMouseEvent press(QEvent::MouseButtonPress, at, map->mapToGlobal(at), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, at, map->mapToGlobal(at), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(map, &press);
    QCoreApplication::sendEvent(map, &release);
    EXPECT_TRUE(waitFor([&] { return window.selection().id() == b; }));
}
