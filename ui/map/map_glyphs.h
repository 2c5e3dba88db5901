#pragma once

// The shapes and colours that tell event kinds and ship types apart. Colours
// come from Okabe and Ito's palette, which people with the common colour
// vision deficiencies still tell apart; and every kind and type also has its
// own shape, so nothing is said by colour alone (on the map, the timeline
// and in the lists).

#include "core/model/event.h"

#include <QColor>
#include <QPointF>
#include <QPolygonF>
#include <QString>

#include <optional>

class QPainter;

namespace wake::ui::style {

// Okabe, M. and Ito, K. (2002), "Color Universal Design".
namespace okabe_ito {
inline const QColor kBlack{0x00, 0x00, 0x00};
inline const QColor kOrange{0xe6, 0x9f, 0x00};
inline const QColor kSkyBlue{0x56, 0xb4, 0xe9};
inline const QColor kBluishGreen{0x00, 0x9e, 0x73};
inline const QColor kYellow{0xf0, 0xe4, 0x42};
inline const QColor kBlue{0x00, 0x72, 0xb2};
inline const QColor kVermillion{0xd5, 0x5e, 0x00};
inline const QColor kReddishPurple{0xcc, 0x79, 0xa7};
inline const QColor kGrey{0x99, 0x99, 0x99};
} // namespace okabe_ito

// The seizure keeps a red of its own (not in the palette): its callout's text
// needs a contrast of 4.5:1 on white, which vermillion does not reach.
inline const QColor kSeizure{0xc6, 0x28, 0x28};

enum class GlyphShape
{
    Square,
    Ring,
    Disc,
    Hourglass,
    Bowtie,
    Hexagon,
    TriangleUp,
    TriangleDown,
    Star,
    CircledCross,
    Diamond,
};

struct EventGlyph
{
    GlyphShape shape;
    QColor fill;
};

EventGlyph eventGlyph(model::EventKind kind);
// radius: half the glyph's height in pixels.
void drawGlyph(QPainter& p, QPointF at, GlyphShape shape, const QColor& fill, double radius = 6);
void drawEventGlyph(QPainter& p, QPointF at, model::EventKind kind);

// Ship types in the families chart plotters use (ITU-R M.1371 table 53).
enum class ShipClass
{
    Cargo,
    Tanker,
    Passenger,
    Fishing,
    Tug,
    Pleasure,
    HighSpeed,
    Other, // other and special craft, and an unknown type
};
inline constexpr ShipClass kShipClasses[] = {
    ShipClass::Cargo, ShipClass::Tanker,   ShipClass::Passenger, ShipClass::Fishing,
    ShipClass::Tug,   ShipClass::Pleasure, ShipClass::HighSpeed, ShipClass::Other};

ShipClass shipClass(std::optional<int> aisShipType);
QString shipClassName(ShipClass c); // "tanker"
QColor shipClassColor(ShipClass c);
QColor shipTypeColor(std::optional<int> aisShipType);
// The hull of a ship under way, bow up (north), about 16 px long at size 1.
QPolygonF shipHull(ShipClass c);
// A ship whose course is not known is drawn as its class's badge.
GlyphShape shipBadge(ShipClass c);

} // namespace wake::ui::style
