// Drawing an area on the map: the sketch's shapes (a box dragged either way
// or across 180, a polygon with a double-click's repeated vertex, Backspace
// and too few or collinear corners), and the map widget turning a drag, a
// few clicks, Enter and Escape into them.

#include "tests/ui/map_input.h"
#include "ui/map/area_sketch.h"
#include "ui/map/map_widget.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>

#include <gtest/gtest.h>

using namespace wake;
using wake::ui::AreaSketch;

TEST(AreaSketch, ABoxIsDraggedEitherWay)
{
    AreaSketch box(AreaSketch::Shape::Box);
    EXPECT_FALSE(box.isComplete());
    box.begin({10.0, -79.0});
    box.hover({9.5, -79.6});
    EXPECT_FALSE(box.isComplete()); // still dragging
    EXPECT_EQ(box.outline().size(), 5u);
    box.click({9.0, -80.0});
    const auto area = box.area(QStringLiteral("Colón"));
    ASSERT_TRUE(area);
    EXPECT_TRUE(area->isBox());
    EXPECT_EQ(area->name(), QStringLiteral("Colón"));
    EXPECT_DOUBLE_EQ(area->southWest().latDeg, 9.0);
    EXPECT_DOUBLE_EQ(area->southWest().lonDeg, -80.0);
    EXPECT_DOUBLE_EQ(area->northEast().latDeg, 10.0);
    EXPECT_DOUBLE_EQ(area->northEast().lonDeg, -79.0);
    EXPECT_TRUE(area->contains({9.5, -79.5}));
    EXPECT_FALSE(area->contains({10.5, -79.5}));
}

TEST(AreaSketch, ABoxDraggedAcross180CrossesIt)
{
    // The screen's longitudes run on past 180: 175 to 185 is 175 to -175.
    AreaSketch box(AreaSketch::Shape::Box);
    box.begin({50.0, 175.0});
    box.click({55.0, 185.0});
    const auto area = box.area();
    ASSERT_TRUE(area);
    EXPECT_TRUE(area->contains({52.0, 179.5}));
    EXPECT_TRUE(area->contains({52.0, -179.5}));
    EXPECT_FALSE(area->contains({52.0, 0.0}));
    EXPECT_FALSE(area->contains({52.0, 170.0}));
}

TEST(AreaSketch, AClickIsNoBox)
{
    AreaSketch box(AreaSketch::Shape::Box);
    box.begin({10.0, -79.0});
    box.click({10.0, -79.0});
    EXPECT_FALSE(box.area());
}

TEST(AreaSketch, APolygonNeedsThreeCornersThatEncloseSomething)
{
    AreaSketch polygon(AreaSketch::Shape::Polygon);
    polygon.click({9.0, -80.0});
    polygon.click({9.0, -79.0});
    EXPECT_FALSE(polygon.isComplete());
    polygon.click({9.0, -78.0}); // on one line: no area
    EXPECT_FALSE(polygon.isComplete());
    polygon.undo();
    polygon.click({10.0, -79.5});
    polygon.click({10.0, -79.5}); // a double-click's second click
    EXPECT_EQ(polygon.vertexCount(), 3u);
    polygon.hover({9.9, -79.6});
    EXPECT_EQ(polygon.outline().size(), 5u); // three, the pointer, closed
    const auto area = polygon.area();
    ASSERT_TRUE(area);
    EXPECT_FALSE(area->isBox());
    EXPECT_TRUE(area->contains({9.3, -79.5}));
    EXPECT_FALSE(area->contains({9.9, -79.1}));
}

namespace {

int argc = 1;
char arg0[] = "wake_ui_tests";
char* argv[] = {arg0, nullptr};

model::LatLon at(const ui::MapWidget& w, QPointF p)
{
    return geo::unproject(w.viewport().screenToWorld(p));
}

struct Drawn
{
    std::vector<geo::Area> areas;
    int cancelled = 0;
};

void listen(ui::MapWidget& w, Drawn& drawn)
{
    QObject::connect(&w, &ui::MapWidget::areaSketched,
                     [&drawn](const geo::Area& a) { drawn.areas.push_back(a); });
    QObject::connect(&w, &ui::MapWidget::sketchCancelled, [&drawn] { ++drawn.cancelled; });
}

// A map over the Caribbean, listening for what is drawn.
class MapWidgetSketch : public ::testing::Test
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
        w.resize(500, 350);
        w.fitBounds({7.0, -86.0}, {24.0, -72.0});
        listen(w, drawn);
    }
    ui::MapWidget w;
    Drawn drawn;
};

} // namespace

TEST_F(MapWidgetSketch, ADragDrawsABoxInsteadOfPanning)
{
    const auto centre = w.viewport().center();
    w.startSketch(AreaSketch::Shape::Box);
    EXPECT_TRUE(w.isSketching());
    test::sendMouse(w, QEvent::MouseButtonPress, {300, 100});
    test::sendMouse(w, QEvent::MouseMove, {200, 180});
    test::sendMouse(w, QEvent::MouseButtonRelease, {100, 250});
    EXPECT_FALSE(w.isSketching());
    EXPECT_EQ(w.viewport().center().x, centre.x); // the map did not move
    ASSERT_EQ(drawn.areas.size(), 1u);
    const auto sw = at(w, {100, 250});
    const auto ne = at(w, {300, 100});
    EXPECT_NEAR(drawn.areas[0].southWest().latDeg, sw.latDeg, 1e-9);
    EXPECT_NEAR(drawn.areas[0].southWest().lonDeg, sw.lonDeg, 1e-9);
    EXPECT_NEAR(drawn.areas[0].northEast().latDeg, ne.latDeg, 1e-9);
    EXPECT_NEAR(drawn.areas[0].northEast().lonDeg, ne.lonDeg, 1e-9);
    // After it, a drag pans again.
    test::sendMouse(w, QEvent::MouseButtonPress, {300, 100});
    test::sendMouse(w, QEvent::MouseMove, {200, 100});
    test::sendMouse(w, QEvent::MouseButtonRelease, {200, 100});
    EXPECT_NE(w.viewport().center().x, centre.x);
    EXPECT_EQ(drawn.areas.size(), 1u);
}

TEST_F(MapWidgetSketch, ClicksMakeAPolygonThatEnterClosesAndADragStillPans)
{
    w.startSketch(AreaSketch::Shape::Polygon);
    const QPointF corners[] = {{100, 100}, {300, 120}, {200, 250}};
    std::vector<model::LatLon> expected;
    for (const QPointF& c : corners) {
        test::sendMouse(w, QEvent::MouseButtonPress, c);
        test::sendMouse(w, QEvent::MouseButtonRelease, c);
        expected.push_back(at(w, c));
    }
    // Enter with two corners and a stray one taken back: not yet a shape.
    test::sendMouse(w, QEvent::MouseButtonPress, {400, 300});
    test::sendMouse(w, QEvent::MouseButtonRelease, {400, 300});
    test::sendKey(w, Qt::Key_Backspace);
    EXPECT_EQ(w.sketch()->vertexCount(), 3u);
    // A drag pans and adds no corner.
    const auto centre = w.viewport().center();
    test::sendMouse(w, QEvent::MouseButtonPress, {250, 200});
    test::sendMouse(w, QEvent::MouseMove, {230, 200});
    test::sendMouse(w, QEvent::MouseButtonRelease, {230, 200});
    EXPECT_NE(w.viewport().center().x, centre.x);
    EXPECT_EQ(w.sketch()->vertexCount(), 3u);
    test::sendKey(w, Qt::Key_Return);
    ASSERT_EQ(drawn.areas.size(), 1u);
    ASSERT_EQ(drawn.areas[0].ring().size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_NEAR(drawn.areas[0].ring()[i].latDeg, expected[i].latDeg, 1e-9);
        EXPECT_NEAR(drawn.areas[0].ring()[i].lonDeg, expected[i].lonDeg, 1e-9);
    }
    EXPECT_FALSE(w.isSketching());
}

TEST_F(MapWidgetSketch, EscapeGivesUpAndSaysSo)
{
    w.startSketch(AreaSketch::Shape::Polygon);
    test::sendMouse(w, QEvent::MouseButtonPress, {100, 100});
    test::sendMouse(w, QEvent::MouseButtonRelease, {100, 100});
    test::sendKey(w, Qt::Key_Escape);
    EXPECT_FALSE(w.isSketching());
    EXPECT_EQ(drawn.cancelled, 1);
    EXPECT_TRUE(drawn.areas.empty());
}
