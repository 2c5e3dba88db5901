// The map renderer and viewport: pixels where things must (and must not) be.

#include "core/geo/web_mercator.h"
#include "core/replay/track_sampler.h"
#include "core/scenario/scenario_installer.h"
#include "tests/ui/gui_application.h"
#include "ui/map/map_glyphs.h"
#include "ui/map/map_renderer.h"
#include "ui/map/map_scene_loader.h"
#include "ui/map/map_style.h"
#include "ui/map/map_viewport.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace wake;
using namespace wake::ui;

namespace {

void ensureApp()
{
    test::ensureGuiApplication();
}

QImage render(const MapRenderer& r, const MapViewport& vp)
{
    QImage image(vp.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white); // layers switched off leave this, not last test's memory
    QPainter p(&image);
    r.paint(p, vp);
    return image;
}

QColor pixelAt(const QImage& image, const MapViewport& vp, const model::LatLon& ll)
{
    const QPointF s = vp.worldToScreen(geo::project(ll));
    return image.pixelColor(s.toPoint());
}

bool near(const QColor& a, const QColor& b, int tolerance = 12)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

TEST(MapViewport, ScreenAndWorldRoundTrip)
{
    MapViewport vp({0.3, 0.45}, 6.5, QSizeF(1000, 700));
    for (const QPointF p :
         {QPointF(0, 0), QPointF(500, 350), QPointF(999, 1), QPointF(17.5, 640.25)}) {
        const QPointF back = vp.worldToScreen(vp.screenToWorld(p));
        EXPECT_NEAR(back.x(), p.x(), 1e-6);
        EXPECT_NEAR(back.y(), p.y(), 1e-6);
    }
}

TEST(MapViewport, ZoomLimitsAndWrapping)
{
    MapViewport vp({0.5, 0.5}, 0, QSizeF(1024, 512));
    EXPECT_DOUBLE_EQ(vp.zoom(), vp.minZoom()); // zoom 0 would leave bands above and below
    EXPECT_DOUBLE_EQ(vp.minZoom(), 1.0);
    vp.setZoom(99);
    EXPECT_DOUBLE_EQ(vp.zoom(), MapViewport::kMaxZoom);
    vp.setCenter({1.25, 0.5});
    EXPECT_NEAR(vp.center().x, 0.25, 1e-12); // east-west wraps
    vp.setZoom(vp.minZoom());
    vp.setCenter({0.5, 0.0});
    EXPECT_NEAR(vp.center().y, 0.5, 1e-12); // the world fills the height: no panning off it
}

TEST(MapViewport, ZoomAboutKeepsThePointUnderTheCursor)
{
    MapViewport vp({0.3, 0.45}, 5, QSizeF(800, 600));
    const QPointF cursor(120, 480);
    const geo::WorldPoint before = vp.screenToWorld(cursor);
    vp.zoomAbout(cursor, 1.5);
    const geo::WorldPoint after = vp.screenToWorld(cursor);
    EXPECT_NEAR(after.x, before.x, 1e-12);
    EXPECT_NEAR(after.y, before.y, 1e-12);
}

TEST(MapViewport, FitAcrossTheAntimeridian)
{
    MapViewport vp({0.5, 0.5}, 2, QSizeF(800, 600));
    vp.fit({-20, 170}, {10, -170}); // 20 degrees wide, across 180
    const auto c = geo::unproject(vp.center());
    EXPECT_NEAR(std::abs(geo::wrapLongitude(c.lonDeg)), 180.0, 1e-6);
    EXPECT_GT(vp.zoom(), 4.0); // a 20-degree box, not the whole world
}

class MapRender : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { ensureApp(); }
};

TEST_F(MapRender, LandWhereCubaAndPanamaAreSeaAroundThem)
{
    MapRenderer r;
    r.setLayerVisible(MapLayer::Graticule, false);
    r.setLayerVisible(MapLayer::Overlays, false);
    MapViewport vp({0.5, 0.5}, 0, QSizeF(1200, 800));
    vp.fit({7.0, -86.0}, {24.0, -72.0});
    const QImage image = render(r, vp);
    EXPECT_TRUE(near(pixelAt(image, vp, {21.5, -78.5}), style::kLand)); // central Cuba
    EXPECT_TRUE(near(pixelAt(image, vp, {8.6, -80.4}), style::kLand));  // Panama, Coclé
    EXPECT_TRUE(near(pixelAt(image, vp, {15.0, -78.0}), style::kSea));  // Caribbean Sea
    EXPECT_TRUE(near(pixelAt(image, vp, {24.0, -80.0}), style::kSea));  // Straits of Florida
}

// The Chong Chon Gang is on the built-in OFAC list: its ship carries the
// vermillion ring; unmarked, the same pixel is not vermillion.
TEST_F(MapRender, AListedShipCarriesTheListedMark)
{
    QTemporaryDir dir;
    auto db = scenario::openWithBuiltInScenario(dir.filePath(QStringLiteral("m.sqlite")));
    ASSERT_TRUE(db.ok());
    auto scene = loadMapScene(*db, db->listVessels()->front().id, nullptr);
    ASSERT_TRUE(scene.ok());
    ASSERT_TRUE(scene->focusTrack);
    ASSERT_TRUE(scene->tracks[*scene->focusTrack].listed);
    const auto& points = scene->tracks[*scene->focusTrack].points;
    const std::int64_t time = points[points.size() / 2].timeUtcMs;
    const auto state = replay::sampleTrack(points, time);
    ASSERT_TRUE(state);
    auto ringPixel = [&](bool listed) {
        MapScene s = *scene;
        s.tracks[*s.focusTrack].listed = listed;
        MapRenderer r;
        r.setScene(std::move(s));
        r.setTime(time);
        MapViewport vp({0.5, 0.5}, 0, QSizeF(800, 600));
        vp.fit({state->position.latDeg - 2, state->position.lonDeg - 2},
               {state->position.latDeg + 2, state->position.lonDeg + 2});
        const QImage image = render(r, vp);
        const QPointF at = vp.worldToScreen(geo::project(state->position));
        return image.pixelColor((at + QPointF(-17, 0)).toPoint());
    };
    EXPECT_TRUE(near(ringPixel(true), style::okabe_ito::kVermillion, 40));
    EXPECT_FALSE(near(ringPixel(false), style::okabe_ito::kVermillion, 40));
}

// A named area is outlined in blue with its name.
TEST_F(MapRender, AnAreaOfInterestIsOutlined)
{
    MapScene scene;
    scene.areas.push_back(geo::Area::box({9.2, -80.0}, {9.45, -79.8}, QStringLiteral("Colón")));
    MapRenderer r;
    r.setScene(scene);
    MapViewport vp({0.5, 0.5}, 0, QSizeF(800, 600));
    vp.fit({8.9, -80.4}, {9.7, -79.4});
    const QImage image = render(r, vp);
    // Along the west edge, the dashes are blue.
    int blue = 0;
    for (double lat = 9.22; lat < 9.43; lat += 0.005) {
        const QPointF s = vp.worldToScreen(geo::project({lat, -80.0}));
        blue += near(image.pixelColor(s.toPoint()), style::okabe_ito::kBlue, 50) ? 1 : 0;
    }
    EXPECT_GE(blue, 10);
    // Without the area, none.
    MapRenderer bare;
    bare.setScene(MapScene{});
    const QImage plain = render(bare, vp);
    const QPointF s = vp.worldToScreen(geo::project({9.3, -80.0}));
    EXPECT_FALSE(near(plain.pixelColor(s.toPoint()), style::okabe_ito::kBlue, 50));
}

TEST_F(MapRender, SeizureMarkerAtManzanilloInternationalTerminal)
{
    QTemporaryDir dir;
    auto db = scenario::openWithBuiltInScenario(dir.filePath(QStringLiteral("m.sqlite")));
    ASSERT_TRUE(db.ok());
    const auto vessels = db->listVessels();
    auto scene = loadMapScene(*db, vessels->front().id, nullptr);
    ASSERT_TRUE(scene.ok());
    MapRenderer r;
    r.setScene(std::move(scene).value());
    MapViewport vp({0.5, 0.5}, 0, QSizeF(1000, 700));
    vp.fit({8.5, -81.0}, {10.2, -78.8});
    const QImage image = render(r, vp);
    const model::LatLon mit{9.363848, -79.88022};
    const QPointF s = vp.worldToScreen(geo::project(mit));
    // Red disc around the point, white cross through it.
    EXPECT_TRUE(near(image.pixelColor((s + QPointF(0, 8)).toPoint()), style::kSeizure, 30));
    EXPECT_TRUE(near(image.pixelColor((s + QPointF(-8, 0)).toPoint()), style::kSeizure, 30));
    EXPECT_TRUE(near(image.pixelColor(s.toPoint()), Qt::white, 40));
    // Hit testing uses the same projection: clicking the marker finds the seizure.
    const auto hit = r.hitTest(s, vp);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->kind, MapHit::Kind::Event);
    EXPECT_EQ(r.scene().events[hit->index].kind, model::EventKind::Seizure);
    EXPECT_FALSE(r.hitTest(s + QPointF(200, 200), vp) &&
                 r.hitTest(s + QPointF(200, 200), vp)->kind == MapHit::Kind::Event);
}

// Two event markers a few pixels apart (an encounter inside a loitering):
// a click opens the one under the pointer, whichever comes first in the list
// (the first in the list was taken: a click on an encounter opened the
// loitering).
TEST_F(MapRender, AClickOnOverlappingMarkersFindsTheNearest)
{
    MapScene scene;
    const auto event = [](model::EventId id, model::EventKind kind, double lon) {
        model::Event e;
        e.id = id;
        e.kind = kind;
        e.title = model::toString(kind);
        e.position = model::LatLon{20.0, lon};
        e.shipEvent = true;
        return e;
    };
    scene.events = {event(1, model::EventKind::Loitering, -60.0),
                    event(2, model::EventKind::Encounter, -59.995)};
    MapRenderer r;
    r.setScene(scene);
    MapViewport vp({0.5, 0.5}, 0, QSizeF(800, 600));
    vp.fit({19.99, -60.01}, {20.01, -59.985});
    const QPointF loitering = vp.worldToScreen(geo::project({20.0, -60.0}));
    const QPointF encounter = vp.worldToScreen(geo::project({20.0, -59.995}));
    ASSERT_LT(std::hypot(loitering.x() - encounter.x(), loitering.y() - encounter.y()), 300.0);
    vp.setZoom(vp.zoom() - std::log2(std::hypot(loitering.x() - encounter.x(),
                                                loitering.y() - encounter.y()) /
                                     6.0)); // six pixels apart
    const QPointF a = vp.worldToScreen(geo::project({20.0, -60.0}));
    const QPointF b = vp.worldToScreen(geo::project({20.0, -59.995}));
    ASSERT_LT(std::hypot(a.x() - b.x(), a.y() - b.y()), 8.0);
    const auto onEncounter = r.hitTest(b + (b - a) * 0.3, vp);
    ASSERT_TRUE(onEncounter);
    EXPECT_EQ(r.scene().events[onEncounter->index].id, 2);
    const auto onLoitering = r.hitTest(a - (b - a) * 0.3, vp);
    ASSERT_TRUE(onLoitering);
    EXPECT_EQ(r.scene().events[onLoitering->index].id, 1);
}

TEST_F(MapRender, TrackAcrossTheAntimeridianIsNotDrawnAcrossTheMap)
{
    MapScene scene;
    MapTrack t;
    t.color = QColor(255, 0, 255);
    for (const double lon : {170.0, 179.0, -179.0, -170.0}) {
        model::TrackPoint p;
        p.latDeg = 0;
        p.lonDeg = lon;
        p.timeUtcMs = static_cast<std::int64_t>(lon * 1000);
        t.points.push_back(p);
    }
    scene.tracks.push_back(t);
    scene.focusTrack = 0; // the selected vessel's, drawn in full
    MapRenderer r;
    r.setScene(scene);
    for (auto layer : {MapLayer::Basemap, MapLayer::Graticule, MapLayer::Overlays}) {
        r.setLayerVisible(layer, false);
    }
    MapViewport vp({0.5, 0.5}, 0, QSizeF(1024, 1024)); // the whole world, 0 deg in the middle
    vp.setZoom(2);
    const QImage image = render(r, vp);
    // Near 0 deg longitude (far from the track) the equator has no track colour.
    for (double lon = -150; lon <= 150; lon += 5) {
        const QColor c = pixelAt(image, vp, {0, lon});
        EXPECT_FALSE(near(c, t.color, 60)) << lon;
    }
    // At the track itself, both sides of 180 are drawn.
    EXPECT_TRUE(near(pixelAt(image, vp, {0, 175}), t.color, 90) ||
                near(pixelAt(image, vp, {0, -175}), t.color, 90));
}

// On a narrow map the seizure's callout gives way to the legend: it moves or shortens to a
// wording that still says what and when, and never runs under the legend or off the map.
TEST(SeizureCallout, KeepsClearOfTheLegendAndInsideTheView)
{
    ensureApp(); // fonts need the application
    const QStringList callouts = {QStringLiteral("Seized — 15 Jul 2013, Manzanillo International "
                                                 "Terminal"),
                                  QStringLiteral("Seized — 15 Jul 2013")};
    const QRectF noRoom;

    // Room to the right: the whole wording, above right.
    const QSizeF wide(1400, 800);
    const style::CalloutPlacement open =
        style::placeSeizureCallout(QPointF(300, 400), callouts, wide, noRoom);
    EXPECT_EQ(open.text, callouts.front());
    EXPECT_FALSE(open.toLeft);
    EXPECT_FALSE(open.below);

    // A narrow view with the legend beside the marker (the layout at 144 dpi).
    const QSizeF narrow(830, 560);
    const QRectF legend = style::legendBox(narrow, true);
    ASSERT_FALSE(legend.isEmpty());
    const QPointF marker(legend.left() - 60, legend.top() + 60);
    const style::CalloutPlacement c = style::placeSeizureCallout(marker, callouts, narrow, legend);
    EXPECT_FALSE(c.box.intersects(legend)) << "callout under the legend";
    EXPECT_TRUE(QRectF(QPointF(0, 0), narrow).contains(c.box)) << "callout off the map";
    EXPECT_TRUE(c.text.startsWith(QStringLiteral("Seized — 15 Jul 2013")));

    // The legend stays inside the view and clear of the attribution's bottom line.
    EXPECT_TRUE(QRectF(QPointF(0, 0), narrow).contains(legend));
    EXPECT_LT(legend.bottom(), narrow.height() - 10);
}
