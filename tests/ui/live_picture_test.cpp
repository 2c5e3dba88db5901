// The live picture over the traffic: a target's course vector drawn where
// it will be in N minutes, own ship with its range rings, and the map's
// measuring tool (range and bearing between two clicked points).

#include "core/geo/geodesy.h"
#include "tests/ui/map_input.h"
#include "ui/map/map_widget.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>

#include <gtest/gtest.h>

using namespace wake;

namespace {

int argc = 1;
char arg0[] = "wake_ui_tests";
char* argv[] = {arg0, nullptr};

void ensureApp()
{
    if (QApplication::instance() == nullptr) {
        new QApplication(argc, argv);
    }
}

QImage grab(ui::MapWidget& w)
{
    w.waitForBufferedLayers();
    return w.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// Pixels that differ between two pictures along a screen segment.
int differingAlong(const QImage& a, const QImage& b, QPointF from, QPointF to)
{
    int n = 0;
    for (int i = 0; i <= 100; ++i) {
        const QPointF p = from + (to - from) * (i / 100.0);
        bool differs = false;
        for (int dy = -1; dy <= 1; ++dy) {
            for (int dx = -1; dx <= 1; ++dx) {
                const int x = static_cast<int>(p.x()) + dx;
                const int y = static_cast<int>(p.y()) + dy;
                if (x >= 0 && y >= 0 && x < a.width() && y < a.height() &&
                    a.pixel(x, y) != b.pixel(x, y)) {
                    differs = true;
                }
            }
        }
        n += differs ? 1 : 0;
    }
    return n;
}

} // namespace

TEST(LivePicture, ACourseVectorAndRangeRingsAreDrawnWhereTheyBelong)
{
    ensureApp();
    ui::MapWidget w;
    w.resize(600, 400);
    w.fitBounds({47.3, -122.8}, {47.7, -122.0});
    w.setTime(1'700'000'000'000);
    ui::TrafficTarget t;
    t.vesselId = 1;
    t.latDeg = 47.5;
    t.lonDeg = -122.6;
    t.courseDeg = 90.0;
    t.cogDeg = 90.0;
    t.sogKnots = 12.0;
    w.renderer().setTraffic({t});
    const QImage none = grab(w);
    ui::LivePicture picture;
    picture.vectorMinutes = 30; // 6 nm east
    w.renderer().setLivePicture(picture);
    w.update();
    const QImage vectors = grab(w);
    const QPointF at = w.viewport().worldToScreen(geo::project({47.5, -122.6}));
    const double sixNmEast = 6.0 / (60.0 * std::cos(47.5 * M_PI / 180.0));
    const QPointF end = w.viewport().worldToScreen(geo::project({47.5, -122.6 + sixNmEast}));
    // Along the vector beyond the symbol, and not past its end.
    EXPECT_GE(differingAlong(none, vectors, at + (end - at) * 0.2, end), 95);
    EXPECT_EQ(differingAlong(none, vectors, end + (end - at) * 0.1, end + (end - at) * 0.5), 0);

    // Own ship at 47.5 N 122.3 W with 1 nm rings: the second ring 2 nm north.
    picture.vectorMinutes = 0;
    picture.ownShip = model::LatLon{47.5, -122.3};
    picture.ringSpacingNm = 1.0;
    w.renderer().setLivePicture(picture);
    w.update();
    const QImage rings = grab(w);
    const QPointF own = w.viewport().worldToScreen(geo::project({47.5, -122.3}));
    const QPointF twoNm = w.viewport().worldToScreen(geo::project({47.5 + 2.0 / 60.0, -122.3}));
    EXPECT_EQ(QColor(rings.pixel(own.toPoint())).red() > 150 ||
                  QColor(rings.pixel(own.toPoint() + QPoint(7, 0))).red() > 150,
              true);
    EXPECT_GT(differingAlong(none, rings, twoNm - QPointF(3, 0), twoNm + QPointF(3, 0)), 0);
    // Half-way between rings, nothing.
    const QPointF between = w.viewport().worldToScreen(geo::project({47.5 + 1.5 / 60.0, -122.3}));
    EXPECT_EQ(differingAlong(none, rings, between - QPointF(0, 1), between + QPointF(0, 1)), 0);
}

TEST(LivePicture, TheMeasuringToolGivesRangeAndBearing)
{
    ensureApp();
    ui::MapWidget w;
    w.resize(600, 400);
    w.fitBounds({47.3, -122.8}, {47.7, -122.0});
    EXPECT_FALSE(w.measured());
    w.startMeasure();
    EXPECT_TRUE(w.isMeasuring());
    const QPointF a(150, 300);
    const QPointF b(450, 100);
    test::sendMouse(w, QEvent::MouseButtonPress, a);
    test::sendMouse(w, QEvent::MouseButtonRelease, a);
    test::sendMouse(w, QEvent::MouseMove, {300, 200}); // the line follows
    ASSERT_TRUE(w.measured());
    test::sendMouse(w, QEvent::MouseButtonPress, b);
    test::sendMouse(w, QEvent::MouseButtonRelease, b);
    EXPECT_FALSE(w.isMeasuring());
    const auto m = w.measured();
    ASSERT_TRUE(m);
    const auto la = geo::unproject(w.viewport().screenToWorld(a));
    const auto lb = geo::unproject(w.viewport().screenToWorld(b));
    EXPECT_NEAR(m->first, geo::distanceM(la, lb) / 1852.0, 1e-9);
    EXPECT_NEAR(m->second, geo::initialBearingDeg(la, lb), 1e-9);
    EXPECT_GT(m->second, 0.0);
    EXPECT_LT(m->second, 90.0); // up and to the right: north-east
    QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
    QApplication::sendEvent(&w, &escape);
    EXPECT_FALSE(w.measured());
}

TEST(LivePicture, StationsThatAreNotShipsHaveSymbolsOfTheirOwn)
{
    ensureApp();
    ui::MapWidget w;
    w.resize(600, 400);
    w.fitBounds({47.3, -122.8}, {47.7, -122.0});
    w.setTime(1'700'000'000'000);
    const QImage none = grab(w);
    ui::LivePicture picture;
    auto station = [](live::Station::Kind kind, double lon, bool isVirtual) {
        live::Station s;
        s.kind = kind;
        s.latDeg = 47.45;
        s.lonDeg = lon;
        s.virtualAid = isVirtual;
        s.courseDeg = 90.0;
        return s;
    };
    picture.stations = {station(live::Station::Kind::AidToNavigation, -122.7, false),
                        station(live::Station::Kind::AidToNavigation, -122.5, true),
                        station(live::Station::Kind::BaseStation, -122.3, false),
                        station(live::Station::Kind::SarAircraft, -122.1, false)};
    w.renderer().setLivePicture(picture);
    w.update();
    const QImage drawn = grab(w);
    auto at = [&](double lon) {
        return w.viewport().worldToScreen(geo::project({47.45, lon})).toPoint();
    };
    // A real aid is a filled reddish-purple diamond; a virtual one only its
    // dashed outline (its centre shows the map, bar the V).
    const QColor real(drawn.pixel(at(-122.7)));
    EXPECT_GT(real.red(), 150);
    EXPECT_LT(real.green(), 160);
    EXPECT_GT(differingAlong(none, drawn, at(-122.5) + QPointF(-6, 0), at(-122.5) + QPointF(0, -7)),
              0);
    auto purple = [](const QColor& c) {
        return c.red() > 150 && c.green() < 160 && c.blue() > 120;
    };
    auto purpleAround = [&](QPoint c) {
        int n = 0;
        for (int dy = -4; dy <= 4; ++dy) {
            for (int dx = -4; dx <= 4; ++dx) {
                n += purple(QColor(drawn.pixel(c + QPoint(dx, dy)))) ? 1 : 0;
            }
        }
        return n;
    };
    EXPECT_GT(purpleAround(at(-122.7)), 40); // filled
    EXPECT_LT(purpleAround(at(-122.5)), 30); // outline and V only
    // The base station's mast above it, the aircraft in orange.
    EXPECT_GT(differingAlong(none, drawn, at(-122.3) + QPointF(0, -8), at(-122.3) + QPointF(0, -2)),
              0);
    const QColor plane(drawn.pixel(at(-122.1)));
    EXPECT_GT(plane.red(), 200);
    EXPECT_GT(plane.green(), 120);
    EXPECT_LT(plane.blue(), 80);
}
