// Buffered layers, track simplification levels and vessels at the replay time.

#include "core/geo/simplify.h"
#include "core/replay/track_sampler.h"
#include "core/scenario/scenario_installer.h"
#include "ui/map/map_layer_cache.h"
#include "ui/map/map_renderer.h"
#include "ui/map/map_scene_loader.h"
#include "ui/map/map_style.h"
#include "ui/map/track_levels.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace wake;
using namespace wake::ui;

namespace {

int argc = 1;
char arg0[] = "wake_map_layers_tests";
char* argv[] = {arg0, nullptr};

class MapLayers : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        if (QGuiApplication::instance() == nullptr) {
            new QGuiApplication(argc, argv);
        }
    }
};

bool near(const QColor& a, const QColor& b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

// A noisy AIS-like track eastwards along 15 N, one fix a minute.
std::vector<geo::WorldPoint> noisyLine(std::size_t n)
{
    std::mt19937 rng(11);
    std::normal_distribution<double> noise(0.0, 2e-7);
    std::vector<geo::WorldPoint> w;
    for (std::size_t i = 0; i < n; ++i) {
        w.push_back({0.27 + i * 2e-6 + noise(rng), 0.46 + noise(rng)});
    }
    return w;
}

std::size_t differingPixels(const QImage& a, const QImage& b)
{
    std::size_t n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            n += !near(a.pixelColor(x, y), b.pixelColor(x, y), 8);
        }
    }
    return n;
}

QImage staticImage(const StaticLayers& layers, const MapViewport& vp)
{
    QImage image(vp.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    MapLayerCache cache;
    cache.store(MapLayerCache::render(layers, vp, 1.0));
    QPainter p(&image);
    EXPECT_EQ(cache.draw(p, vp, layers, 1.0), MapLayerCache::DrawResult::Exact);
    return image;
}

} // namespace

TEST(TrackLevelsTest, CoarserBandsKeepFewerPointsWithinHalfAPixel)
{
    const auto w = noisyLine(10000);
    TrackLevels levels(w, std::vector<bool>(w.size(), true));
    std::size_t previous = 0;
    for (int band : {2, 6, 10, 14}) {
        const auto& level = levels.level(band);
        EXPECT_GE(level.kept.size(), previous) << band;
        previous = level.kept.size();
        const double tolerance = TrackLevels::toleranceForBand(band);
        // Half a pixel at the band's deepest zoom.
        EXPECT_NEAR(tolerance * geo::worldSizePx(band + 1.0), 0.5, 1e-12);
        for (std::size_t k = 1; k < level.kept.size(); ++k) {
            for (auto i = level.kept[k - 1] + 1; i < level.kept[k]; ++i) {
                ASSERT_LE(geo::distanceToSegment(w[i], w[level.kept[k - 1]], w[level.kept[k]]),
                          tolerance);
            }
        }
    }
    EXPECT_LT(levels.level(2).kept.size(), 10u); // a line at world zoom
    EXPECT_GT(levels.level(17).kept.size(), 1000u);
}

TEST(TrackLevelsTest, ChunksCoverEveryKeptSegmentOnce)
{
    const auto w = noisyLine(5000);
    TrackLevels levels(w, std::vector<bool>(w.size(), true));
    const auto& level = levels.level(16);
    ASSERT_FALSE(level.chunks.empty());
    EXPECT_EQ(level.chunks.front().firstKept, 0u);
    EXPECT_EQ(level.chunks.back().lastKept, level.kept.size() - 1);
    for (std::size_t c = 1; c < level.chunks.size(); ++c) {
        EXPECT_EQ(level.chunks[c].firstKept, level.chunks[c - 1].lastKept);
    }
    for (const auto& chunk : level.chunks) {
        for (auto k = chunk.firstKept; k <= chunk.lastKept; ++k) {
            const auto& p = w[level.kept[k]];
            ASSERT_TRUE(p.x >= chunk.bounds.left() && p.x <= chunk.bounds.right() &&
                        p.y >= chunk.bounds.top() && p.y <= chunk.bounds.bottom());
        }
    }
}

TEST(TrackLevelsTest, ObservedAndInferredRunsAreNeverMerged)
{
    // Collinear points: any simplification would keep only the ends, except
    // that the provenance changes at 300 and 700.
    std::vector<geo::WorldPoint> w;
    std::vector<bool> observed;
    for (int i = 0; i < 1000; ++i) {
        w.push_back({0.1 + i * 1e-4, 0.5});
        observed.push_back(i > 0 && (i <= 300 || i > 700));
    }
    TrackLevels levels(w, observed);
    const auto& kept = levels.level(0).kept;
    EXPECT_EQ(kept, (std::vector<std::uint32_t>{0, 300, 700, 999}));
    for (std::size_t k = 1; k < kept.size(); ++k) {
        for (auto i = kept[k - 1] + 1; i <= kept[k]; ++i) {
            EXPECT_EQ(levels.segmentObserved(i), levels.segmentObserved(kept[k])) << i;
        }
    }
}

TEST_F(MapLayers, PanningWithinTheMarginReusesTheBufferedPicture)
{
    MapRenderer r;
    r.setLayerVisible(MapLayer::Graticule, false);
    const StaticLayers layers = r.staticLayers();
    MapViewport vp({0.5, 0.5}, 0, QSizeF(600, 400));
    vp.fit({7.0, -86.0}, {24.0, -72.0});
    MapLayerCache cache;
    cache.store(MapLayerCache::render(layers, vp, 1.0));
    MapViewport panned = vp;
    panned.panByPixels({-100, 60});
    QImage fromCache(panned.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&fromCache);
        EXPECT_EQ(cache.draw(p, panned, layers, 1.0), MapLayerCache::DrawResult::Exact);
    }
    // The copy is the picture a fresh render of the panned view makes.
    const QImage fresh = staticImage(layers, panned);
    EXPECT_LT(differingPixels(fromCache, fresh), fresh.width() * fresh.height() / 1000u);
    EXPECT_FALSE(cache.nearEdge(vp));
    panned.panByPixels({-200, 0});
    EXPECT_TRUE(cache.nearEdge(panned));
}

TEST_F(MapLayers, ZoomOrLayerChangesMakeThePictureStale)
{
    MapRenderer r;
    MapViewport vp({0.5, 0.5}, 0, QSizeF(400, 300));
    vp.fit({7.0, -86.0}, {24.0, -72.0});
    MapLayerCache cache;
    QImage image(400, 300, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    EXPECT_EQ(cache.draw(p, vp, r.staticLayers(), 1.0), MapLayerCache::DrawResult::Missing);
    cache.store(MapLayerCache::render(r.staticLayers(), vp, 1.0));
    EXPECT_EQ(cache.draw(p, vp, r.staticLayers(), 1.0), MapLayerCache::DrawResult::Exact);
    MapViewport zoomed = vp;
    zoomed.zoomAbout({200, 150}, 0.5);
    EXPECT_EQ(cache.draw(p, zoomed, r.staticLayers(), 1.0), MapLayerCache::DrawResult::Stale);
    r.setLayerVisible(MapLayer::Borders, false);
    EXPECT_EQ(cache.draw(p, vp, r.staticLayers(), 1.0), MapLayerCache::DrawResult::Stale);
    EXPECT_EQ(cache.draw(p, vp, r.staticLayers(), 2.0), MapLayerCache::DrawResult::Stale);
}

TEST_F(MapLayers, TheWorldViewKeepsItsZoomInTheGrownPicture)
{
    // The grown picture is taller than the world at this zoom; it must not be
    // clamped to a deeper zoom (the copy would then be the wrong scale).
    MapViewport vp({0.5, 0.5}, 0, QSizeF(1024, 600));
    const auto picture = MapLayerCache::render(MapRenderer().staticLayers(), vp, 1.0);
    EXPECT_EQ(picture.viewport.zoom(), vp.zoom());
    EXPECT_EQ(picture.image.size(), QSize(1024 + 512, 600 + 512));
}

// A traffic target's hover names it by name and MMSI, never by the store's
// internal id ("vessel 458" meant nothing to a reader).
TEST_F(MapLayers, ATrafficHoverSaysTheNameAndMmsiNotTheInternalId)
{
    MapRenderer r;
    r.setScene(MapScene{});
    MapViewport vp({0.5, 0.5}, 0, QSizeF(800, 600));
    vp.fit({24.0, -81.0}, {26.0, -79.0});
    TrafficTarget unnamed;
    unnamed.vesselId = 458;
    unnamed.latDeg = 25.0;
    unnamed.lonDeg = -80.0;
    unnamed.mmsi = 366'000'001;
    TrafficTarget named = unnamed;
    named.vesselId = 459;
    named.lonDeg = -79.5;
    named.name = QStringLiteral("REEF BUM");
    r.setTraffic({unnamed, named});
    const auto hover = [&](const TrafficTarget& t) {
        const auto hit = r.hitTest(vp.worldToScreen(geo::project({t.latDeg, t.lonDeg})), vp);
        return hit && hit->kind == MapHit::Kind::Traffic ? hit->text : QString();
    };
    EXPECT_EQ(hover(unnamed), QStringLiteral("MMSI 366000001"));
    EXPECT_EQ(hover(named), QStringLiteral("REEF BUM\nMMSI 366000001"));
    unnamed.mmsi.reset();
    EXPECT_EQ(unnamed.label(), QStringLiteral("unnamed vessel"));
}

TEST_F(MapLayers, VesselIsDrawnWhereTheTrackPutsItAtTheReplayTime)
{
    MapScene scene;
    MapTrack t;
    t.vesselId = 42;
    t.name = QStringLiteral("TEST SHIP");
    t.color = QColor(0, 0, 0);
    t.aisShipType = 80; // tanker: red
    for (int i = 0; i <= 10; ++i) {
        model::TrackPoint p;
        p.timeUtcMs = i * 3'600'000LL;
        p.latDeg = 15.0;
        p.lonDeg = -80.0 + i * 0.2;
        t.points.push_back(p);
    }
    scene.tracks.push_back(t);
    scene.focusTrack = 0;
    MapRenderer r;
    r.setScene(scene);
    r.setLayerVisible(MapLayer::Tracks, false);
    MapViewport vp({0.5, 0.5}, 0, QSizeF(800, 600));
    vp.fit({14.0, -81.0}, {16.0, -77.0});
    const std::int64_t time = 5 * 3'600'000LL + 1'800'000; // halfway between fixes 5 and 6
    const auto expected = replay::sampleTrack(t.points, time);
    ASSERT_TRUE(expected);
    EXPECT_NEAR(expected->position.lonDeg, -78.9, 1e-3);
    const QPointF s = vp.worldToScreen(geo::project(expected->position));

    QImage image(800, 600, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&image);
        r.paint(p, vp); // no time yet: no vessel
    }
    EXPECT_FALSE(near(image.pixelColor(s.toPoint()), style::shipTypeColor(80), 40));
    r.setTime(time);
    {
        QPainter p(&image);
        r.paint(p, vp);
    }
    EXPECT_TRUE(
        near(image.pixelColor((s + QPointF(0, -2)).toPoint()), style::shipTypeColor(80), 40));
    const auto hit = r.hitTest(s, vp);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->kind, MapHit::Kind::Vessel);
    EXPECT_EQ(r.scene().tracks[hit->index].vesselId, 42);
    // After the last fix the ship is not drawn: its position is not known.
    r.setTime(11 * 3'600'000LL);
    EXPECT_FALSE(r.hitTest(s, vp) && r.hitTest(s, vp)->kind == MapHit::Kind::Vessel);
}

// A world view shows the world several times over: the seizure's marker is on
// each copy, its callout ("Seized — ...") on one only, not three.
TEST_F(MapLayers, TheSeizureCalloutIsDrawnOnceOnAWrappedWorldView)
{
    QTemporaryDir dir;
    auto db = scenario::openWithBuiltInScenario(dir.filePath(QStringLiteral("s.sqlite")));
    ASSERT_TRUE(db.ok());
    auto scene = loadMapScene(*db, db->listVessels()->front().id, nullptr);
    ASSERT_TRUE(scene.ok());
    const auto seizure =
        std::find_if(scene->events.begin(), scene->events.end(), [](const model::Event& e) {
            return e.kind == model::EventKind::Seizure && e.position;
        });
    ASSERT_NE(seizure, scene->events.end());
    const geo::WorldPoint w = geo::project(*seizure->position);
    MapRenderer r;
    r.setScene(std::move(scene).value());
    for (const MapLayer layer : {MapLayer::Tracks, MapLayer::Vessels, MapLayer::Ports}) {
        r.setLayerVisible(layer, false);
    }
    MapViewport vp({0.5, 0.5}, 0, QSizeF(1000, 500)); // the world twice over
    QImage image(1000, 500, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&image);
        r.paint(p, vp);
    }
    int markers = 0;
    int callouts = 0;
    for (int k = -4; k <= 4; ++k) {
        const QPointF s = vp.worldToScreen({w.x + k, w.y});
        if (s.x() < 20 || s.x() > 980) {
            continue;
        }
        markers += near(image.pixelColor((s + QPointF(0, 7)).toPoint()), style::kSeizure, 40);
        // The callout's white box stands 38 px above the marker, 18 px to one
        // side of it (the left near the view's right edge).
        const auto whiteRun = [&](int from, int to) {
            int white = 0;
            for (int x = from; x <= to; ++x) {
                const QPoint at(x, static_cast<int>(s.y()) - 36); // above the text
                white += image.rect().contains(at) && near(image.pixelColor(at), Qt::white, 8);
            }
            return white;
        };
        const int x = static_cast<int>(s.x());
        callouts += whiteRun(x + 20, x + 120) > 80 || whiteRun(x - 120, x - 20) > 80;
    }
    EXPECT_GE(markers, 2);
    EXPECT_EQ(callouts, 1);
}

TEST_F(MapLayers, OnTheEighthOfJulyTheShipIsAtSeaOnTheReconstructedLeg)
{
    QTemporaryDir dir;
    auto db = scenario::openWithBuiltInScenario(dir.filePath(QStringLiteral("s.sqlite")));
    ASSERT_TRUE(db.ok());
    const auto vesselId = db->listVessels()->front().id;
    auto scene = loadMapScene(*db, vesselId, nullptr);
    ASSERT_TRUE(scene.ok());
    const auto time = QDateTime::fromString(QStringLiteral("2013-07-08T12:00:00Z"), Qt::ISODate)
                          .toMSecsSinceEpoch();
    const auto state = replay::sampleTrack(scene->tracks.front().points, time);
    ASSERT_TRUE(state);
    EXPECT_NE(state->provenance, model::Provenance::Observed);
    EXPECT_FALSE(state->aisOn);
    // Between Cuba and Panama, south of Cuba and north of Panama.
    EXPECT_GT(state->position.latDeg, 10.0);
    EXPECT_LT(state->position.latDeg, 20.5);
    MapRenderer r;
    r.setScene(std::move(scene).value());
    r.setLayerVisible(MapLayer::Tracks, false);
    r.setLayerVisible(MapLayer::Vessels, false);
    MapViewport vp({0.5, 0.5}, 0, QSizeF(1000, 700));
    vp.fit({7.0, -86.0}, {24.0, -72.0});
    QImage image(1000, 700, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&image);
        r.paint(p, vp);
    }
    const QPointF s = vp.worldToScreen(geo::project(state->position));
    EXPECT_TRUE(near(image.pixelColor(s.toPoint()), style::kSea, 12)); // at sea
    r.setLayerVisible(MapLayer::Vessels, true);
    r.setTime(time);
    {
        QPainter p(&image);
        r.paint(p, vp);
    }
    EXPECT_FALSE(near(image.pixelColor((s + QPointF(0, -2)).toPoint()), style::kSea, 12));
}

namespace {

// A straight track along a parallel, one fix an hour, in the open Atlantic.
MapTrack trackAlong(model::VesselId id, double lat, const QColor& color)
{
    MapTrack t;
    t.vesselId = id;
    t.color = color;
    for (int i = 0; i <= 20; ++i) {
        model::TrackPoint p;
        p.vesselId = id;
        p.timeUtcMs = 1'600'000'000'000LL + i * 3'600'000LL;
        p.latDeg = lat;
        p.lonDeg = -40.0 + 0.5 * i;
        t.points.push_back(p);
    }
    return t;
}

} // namespace

// With hundreds of vessels their full tracks buried the selection and its
// encounter partner, and the only control (Tracks) hid the selected track
// too. Now the others are faint by default or hidden on their own, the
// partner is drawn in its own colour, and the selected track stays.
TEST_F(MapLayers, OtherTracksAreFaintOrHiddenWithoutTheSelectionOrItsPartner)
{
    MapScene scene;
    scene.tracks = {trackAlong(1, 10.0, style::kTrack), trackAlong(2, 12.0, style::kOtherTrack),
                    trackAlong(3, 14.0, style::kOtherTrack)};
    scene.focusTrack = 0;
    model::Event met;
    met.id = 9;
    met.kind = model::EventKind::Encounter;
    met.vesselId = 1;
    met.otherVesselId = 2;
    met.time = {1'600'000'000'000LL, 1'600'007'200'000LL, model::TimePrecision::Millisecond};
    scene.events = {met};
    MapRenderer r;
    r.setScene(scene);
    r.setLayerVisible(MapLayer::Graticule, false);
    r.setLayerVisible(MapLayer::Overlays, false);
    r.setLayerVisible(MapLayer::Legend, false);
    MapViewport vp({0.5, 0.5}, 0, QSizeF(800, 600));
    vp.fit({8.0, -41.0}, {16.0, -29.0});
    const auto pixel = [&](double lat) {
        QImage image(800, 600, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        r.paint(p, vp);
        p.end();
        // The pixel nearest the line round the point, least like the sea
        // (a thin line's antialiasing spreads it over two rows).
        const QPoint at = vp.worldToScreen(geo::project({lat, -35.0})).toPoint();
        QColor best = image.pixelColor(at);
        const auto away = [](const QColor& c) {
            return std::abs(c.red() - style::kSea.red()) +
                   std::abs(c.green() - style::kSea.green()) +
                   std::abs(c.blue() - style::kSea.blue());
        };
        for (int dy = -1; dy <= 1; ++dy) {
            const QColor c = image.pixelColor(at + QPoint(0, dy));
            if (away(c) > away(best)) {
                best = c;
            }
        }
        return best;
    };
    EXPECT_EQ(r.otherTracks(), OtherTracks::Faint);
    EXPECT_TRUE(near(pixel(10.0), style::kTrack, 40));        // the selection
    EXPECT_TRUE(near(pixel(12.0), style::kPartnerTrack, 40)); // its partner
    const QColor faint = pixel(14.0);
    EXPECT_FALSE(near(faint, style::kSea, 4)) << "faint, but drawn";
    EXPECT_TRUE(near(faint, style::kSea, 60)) << "faint, not a thick grey line";
    r.setOtherTracks(OtherTracks::Hidden);
    EXPECT_TRUE(near(pixel(14.0), style::kSea, 4));
    EXPECT_TRUE(near(pixel(10.0), style::kTrack, 40));
    EXPECT_TRUE(near(pixel(12.0), style::kPartnerTrack, 40));
    r.setOtherTracks(OtherTracks::Full);
    EXPECT_FALSE(near(pixel(14.0), style::kSea, 40));
    // The Tracks layer is the selected vessel's (and its partners').
    r.setLayerVisible(MapLayer::Tracks, false);
    EXPECT_TRUE(near(pixel(10.0), style::kSea, 4));
    EXPECT_FALSE(near(pixel(14.0), style::kSea, 40));
}
