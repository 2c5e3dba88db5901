#include "core/geo/basemap.h"
#include "core/geo/web_mercator.h"

#include <QTemporaryFile>

#include <gtest/gtest.h>

using namespace wake::geo;
using wake::model::LatLon;

TEST(WebMercator, KnownPoints)
{
    EXPECT_DOUBLE_EQ(project({0, -180}).x, 0.0);
    EXPECT_DOUBLE_EQ(project({0, 0}).x, 0.5);
    EXPECT_NEAR(project({0, 0}).y, 0.5, 1e-15);
    EXPECT_NEAR(project({kMaxMercatorLatDeg, 0}).y, 0.0, 1e-12);
    EXPECT_NEAR(project({-kMaxMercatorLatDeg, 0}).y, 1.0, 1e-12);
}

TEST(WebMercator, PolesAndBeyondAreClamped)
{
    EXPECT_EQ(project({90, 10}), project({kMaxMercatorLatDeg, 10}));
    EXPECT_EQ(project({-90, 10}), project({-kMaxMercatorLatDeg, 10}));
    EXPECT_TRUE(std::isfinite(project({90, 0}).y));
}

TEST(WebMercator, RoundTripsTableDriven)
{
    const LatLon points[] = {
        {0, 0},           {9.363848, -79.88022}, {21.2, -76.6},    {-33.9, 151.2},
        {85.0511, 179.9}, {-85.0511, -179.9},    {60, 179.999999}, {0, -180}};
    for (const LatLon& p : points) {
        const LatLon back = unproject(project(p));
        EXPECT_NEAR(back.latDeg, p.latDeg, 1e-9);
        EXPECT_NEAR(back.lonDeg, p.lonDeg, 1e-9);
    }
}

TEST(WebMercator, ZoomAndScale)
{
    EXPECT_DOUBLE_EQ(worldSizePx(0), 256.0);
    EXPECT_DOUBLE_EQ(worldSizePx(16), 256.0 * 65536.0);
    EXPECT_NEAR(metresPerWorldUnit(0), 40030000.0, 50000.0); // the equator
    EXPECT_NEAR(metresPerWorldUnit(60), metresPerWorldUnit(0) / 2, 1.0);
    EXPECT_DOUBLE_EQ(wrapLongitude(190), -170);
    EXPECT_DOUBLE_EQ(wrapLongitude(-190), 170);
    EXPECT_DOUBLE_EQ(wrapLongitude(180), -180);
}

TEST(Basemap, BuiltInResolutionsLoad)
{
    std::size_t previous = 0;
    for (const char* res : {"110m", "50m", "10m"}) {
        const auto map = loadBuiltInBasemap(QString::fromLatin1(res));
        ASSERT_TRUE(map.ok()) << map.error().toString().toStdString();
        ASSERT_NE(map->layer(BasemapLayer::Kind::Land), nullptr);
        ASSERT_NE(map->layer(BasemapLayer::Kind::Borders), nullptr);
        EXPECT_GT(map->vertexCount(), previous); // finer resolutions have more detail
        previous = map->vertexCount();
        for (const auto& part : map->layer(BasemapLayer::Kind::Land)->parts) {
            for (const auto& p : part) {
                // Rings across the antimeridian are unwrapped and may run a little past x = 1.
                ASSERT_TRUE(p.x >= 0 && p.x <= 1.1 && p.y >= 0 && p.y <= 1);
            }
        }
    }
}

TEST(Basemap, NoLandEdgeIsDrawnAcrossTheWorld)
{
    // Fiji, Chukotka and Wrangel Island cross +-180: an edge from +180 to -180
    // would be a line across the whole map. Only Antarctica, which goes once
    // around the globe, keeps such edges, along its southern limit.
    const double southOf80 = project({-80.0, 0}).y;
    for (const char* res : {"110m", "50m", "10m"}) {
        const auto map = loadBuiltInBasemap(QString::fromLatin1(res));
        ASSERT_TRUE(map.ok());
        for (const auto& part : map->layer(BasemapLayer::Kind::Land)->parts) {
            for (std::size_t i = 1; i < part.size(); ++i) {
                if (std::abs(part[i].x - part[i - 1].x) > 0.5) {
                    EXPECT_GT(part[i].y, southOf80) << res;
                    EXPECT_GT(part[i - 1].y, southOf80) << res;
                }
            }
        }
    }
}

TEST(Basemap, DamagedFileIsAClearError)
{
    EXPECT_FALSE(loadBasemap(QStringLiteral("/nonexistent.wkb"), QStringLiteral("x")).ok());
    QTemporaryFile f;
    ASSERT_TRUE(f.open());
    f.write("WKBM\x01\x00\x00\x00\x01\x00\x00\x00\x01\xff\xff\xff\x7f", 17); // huge part count
    f.close();
    const auto map = loadBasemap(f.fileName(), QStringLiteral("x"));
    ASSERT_FALSE(map.ok());
    EXPECT_TRUE(map.error().message.contains(QStringLiteral("damaged")));
}
