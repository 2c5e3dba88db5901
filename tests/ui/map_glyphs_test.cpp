#include "tests/ui/gui_application.h"
#include "ui/map/map_glyphs.h"
#include "ui/map/map_style.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include <functional>
#include <vector>

using namespace wake;
using namespace wake::ui;

namespace {

void ensureApp()
{
    test::ensureGuiApplication();
}

// Where a drawing covers the image, colour ignored: what a reader who cannot
// tell the colours apart still sees.
std::vector<bool> silhouette(const std::function<void(QPainter&, QPointF)>& draw)
{
    QImage image(40, 40, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    draw(p, QPointF(20, 20));
    p.end();
    std::vector<bool> mask;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            mask.push_back(qAlpha(image.pixel(x, y)) > 128);
        }
    }
    return mask;
}

int differingPixels(const std::vector<bool>& a, const std::vector<bool>& b)
{
    int n = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        n += a[i] != b[i] ? 1 : 0;
    }
    return n;
}

} // namespace

// Event kinds that mean different things differ in shape, not only in
// colour: on the map, the timeline and the events list (all draw these).
TEST(Glyphs, EventKindsDifferInShapeNotOnlyColour)
{
    ensureApp();
    using model::EventKind;
    const EventKind meanings[] = {
        EventKind::PortVisit,    EventKind::AisOff,     EventKind::AisOn,
        EventKind::AisGap,       EventKind::Encounter,  EventKind::Loitering,
        EventKind::PositionJump, EventKind::Inspection, EventKind::IdentityConflict,
        EventKind::Seizure,      EventKind::Other};
    std::vector<std::vector<bool>> shapes;
    for (const EventKind kind : meanings) {
        shapes.push_back(
            silhouette([&](QPainter& p, QPointF at) { style::drawEventGlyph(p, at, kind); }));
    }
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        for (std::size_t j = i + 1; j < shapes.size(); ++j) {
            EXPECT_GE(differingPixels(shapes[i], shapes[j]), 12)
                << model::displayName(meanings[i]).toStdString() << " and "
                << model::displayName(meanings[j]).toStdString() << " look alike without colour";
        }
    }
}

// The default colours are Okabe and Ito's (the seizure keeps its own red).
TEST(Glyphs, ColoursComeFromTheColourBlindSafePalette)
{
    namespace oi = style::okabe_ito;
    const QColor palette[] = {oi::kBlack,  oi::kOrange,    oi::kSkyBlue,    oi::kBluishGreen,
                              oi::kYellow, oi::kBlue,      oi::kVermillion, oi::kReddishPurple,
                              oi::kGrey,   style::kSeizure};
    auto inPalette = [&](const QColor& c) {
        return std::find(std::begin(palette), std::end(palette), c) != std::end(palette);
    };
    for (int k = 0; k <= static_cast<int>(model::EventKind::SpoofingSuspected); ++k) {
        const auto kind = static_cast<model::EventKind>(k);
        EXPECT_TRUE(inPalette(style::eventGlyph(kind).fill))
            << model::displayName(kind).toStdString();
    }
    for (const style::ShipClass c : style::kShipClasses) {
        if (c != style::ShipClass::Other) {
            EXPECT_TRUE(inPalette(style::shipClassColor(c)))
                << style::shipClassName(c).toStdString();
        }
    }
}

// Ship types differ in shape too: under way (a hull, here heading north) and
// at rest (a badge, no course known), drawn in one colour.
TEST(Glyphs, ShipTypesDifferInShapeUnderWayAndAtRest)
{
    ensureApp();
    for (const std::optional<double> course :
         {std::optional<double>(0.0), std::optional<double>()}) {
        std::vector<std::vector<bool>> shapes;
        for (const style::ShipClass c : style::kShipClasses) {
            shapes.push_back(silhouette([&](QPainter& p, QPointF at) {
                style::drawVesselSymbol(p, at, course, c, QColor(Qt::black), true);
            }));
        }
        for (std::size_t i = 0; i < shapes.size(); ++i) {
            for (std::size_t j = i + 1; j < shapes.size(); ++j) {
                EXPECT_GE(differingPixels(shapes[i], shapes[j]), 8)
                    << style::shipClassName(style::kShipClasses[i]).toStdString() << " and "
                    << style::shipClassName(style::kShipClasses[j]).toStdString()
                    << (course ? " under way" : " at rest") << " look alike without colour";
            }
        }
    }
    EXPECT_EQ(style::shipClass(84), style::ShipClass::Tanker);
    EXPECT_EQ(style::shipClass(std::nullopt), style::ShipClass::Other);
}
