// The map at harbour zoom draws GSHHG's full-resolution coast, and
// OpenStreetMap's where GSHHG closes a harbour: pixel checks of the rendered
// picture where the scenario begins and ends (water in Havana Bay, the bays
// of Colón and Gatún Lake, land under the cities) and the credits.

#include "core/geo/panama_canal.h"
#include "core/geo/web_mercator.h"
#include "tests/ui/test_application.h"
#include "ui/map/map_renderer.h"
#include "ui/map/map_style.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

using namespace wake;

namespace {

struct Picture
{
    QImage image;
    ui::MapViewport viewport;
};

// Only the basemap, as `wake render` paints it, over a box.
Picture render(model::LatLon southWest, model::LatLon northEast)
{
    ui::MapRenderer renderer;
    for (int l = 0; l < static_cast<int>(ui::MapLayer::Count); ++l) {
        renderer.setLayerVisible(static_cast<ui::MapLayer>(l), false);
    }
    renderer.setLayerVisible(ui::MapLayer::Basemap, true);
    ui::MapViewport vp({0.5, 0.5}, 0, QSizeF(1200, 800));
    vp.fit(southWest, northEast);
    QImage image(1200, 800, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    renderer.paint(p, vp);
    p.end();
    return {image, vp};
}

double distance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
           std::abs(a.blue() - b.blue());
}

// "sea" or "land": the nearer of the two colours at a place.
std::string surfaceAt(const Picture& pic, double lat, double lon)
{
    const QPointF s = pic.viewport.worldToScreen(geo::project({lat, lon}));
    const QColor c = pic.image.pixelColor(s.toPoint());
    return distance(c, ui::style::kSea) < distance(c, ui::style::kLand) ? "sea" : "land";
}

} // namespace

TEST(HarbourMap, ColonAndItsBaysAreDrawnAsTheyAre)
{
    wake::test::ensureApplication();
    const Picture colon = render({9.30, -79.95}, {9.42, -79.80});
    EXPECT_GE(colon.viewport.zoom(), 12.5);
    EXPECT_EQ(surfaceAt(colon, 9.392, -79.830), "sea") << "Bahía Las Minas";
    EXPECT_EQ(surfaceAt(colon, 9.350, -79.915), "sea") << "Cristóbal";
    EXPECT_EQ(surfaceAt(colon, 9.357, -79.899), "land") << "Colón city";
    EXPECT_EQ(surfaceAt(colon, 9.38, -79.92), "sea") << "Limón Bay";

    const Picture lake = render({9.15, -79.95}, {9.30, -79.80});
    EXPECT_EQ(surfaceAt(lake, 9.20, -79.90), "sea") << "Gatún Lake";
    EXPECT_EQ(surfaceAt(lake, 9.27, -79.93), "land");
}

TEST(HarbourMap, HavanaBayAndItsChannelAreWaterFromOpenStreetMap)
{
    // GSHHG closes Havana Bay; the harbour patch draws OSM's coast there.
    wake::test::ensureApplication();
    const Picture havana = render({23.10, -82.40}, {23.17, -82.30});
    EXPECT_EQ(surfaceAt(havana, 23.135, -82.340), "sea") << "Havana Bay";
    EXPECT_EQ(surfaceAt(havana, 23.147, -82.357), "sea") << "the entrance channel";
    EXPECT_EQ(surfaceAt(havana, 23.125, -82.370), "land") << "Centro Habana";
    EXPECT_EQ(surfaceAt(havana, 23.160, -82.380), "sea") << "the Straits of Florida";
    ui::MapViewport vp({0.5, 0.5}, 0, QSizeF(1200, 800));
    vp.fit({23.10, -82.40}, {23.17, -82.30});
    EXPECT_TRUE(ui::StaticLayers::drawsHarbourPatch(vp));
}

TEST(HarbourMap, ThePanamaCanalReadsAsWaterAtZoomFourteen)
{
    // The Culebra Cut, Pedro Miguel and Miraflores, and the Gatún Locks: every
    // point of the channel the routes sail, and the middle of each of its
    // legs, is drawn as water.
    wake::test::ensureApplication();
    const auto canal = geo::panamaCanal();
    int checked = 0;
    for (const auto& [sw, ne] :
         {std::pair<model::LatLon, model::LatLon>{{8.99, -79.66}, {9.06, -79.58}},
          {{9.25, -79.94}, {9.31, -79.90}}}) {
        const Picture pic = render(sw, ne);
        EXPECT_GE(pic.viewport.zoom(), 13.5);
        for (std::size_t i = 1; i < canal.size(); ++i) {
            const model::LatLon a = canal[i - 1];
            const model::LatLon b = canal[i];
            const model::LatLon mid{(a.latDeg + b.latDeg) / 2, (a.lonDeg + b.lonDeg) / 2};
            for (const model::LatLon& p : {a, mid}) {
                if (p.latDeg > sw.latDeg && p.latDeg < ne.latDeg && p.lonDeg > sw.lonDeg &&
                    p.lonDeg < ne.lonDeg) {
                    EXPECT_EQ(surfaceAt(pic, p.latDeg, p.lonDeg), "sea")
                        << "canal at " << p.latDeg << "," << p.lonDeg;
                    ++checked;
                }
            }
        }
    }
    EXPECT_GT(checked, 20);
}

TEST(HarbourMap, TheCreditNamesTheCoastDrawn)
{
    wake::test::ensureApplication();
    ui::MapViewport harbour({0.5, 0.5}, 0, QSizeF(1200, 800));
    harbour.fit({9.30, -79.95}, {9.42, -79.80});
    EXPECT_TRUE(ui::StaticLayers::drawsDetailedCoast(harbour));
    ui::MapViewport region({0.5, 0.5}, 0, QSizeF(1200, 800));
    region.fit({7.0, -86.0}, {24.0, -72.0});
    EXPECT_FALSE(ui::StaticLayers::drawsDetailedCoast(region));
    EXPECT_FALSE(ui::StaticLayers::drawsHarbourPatch(harbour)); // Colón needs none
}
