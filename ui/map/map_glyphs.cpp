#include "ui/map/map_glyphs.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <numbers>

namespace wake::ui::style {

using namespace okabe_ito;

EventGlyph eventGlyph(model::EventKind kind)
{
    using model::EventKind;
    switch (kind) {
    case EventKind::Departure:
    case EventKind::Arrival:
    case EventKind::PortCall:
    case EventKind::PortVisit:
        return {GlyphShape::Square, kBlue};
    case EventKind::AisOff:
        return {GlyphShape::Ring, kReddishPurple};
    case EventKind::AisOn:
        return {GlyphShape::Disc, kBluishGreen};
    case EventKind::AisGap:
        return {GlyphShape::Hourglass, kReddishPurple};
    case EventKind::Encounter:
        return {GlyphShape::Bowtie, kVermillion};
    case EventKind::Loitering:
        return {GlyphShape::Hexagon, kOrange};
    case EventKind::PositionJump:
        return {GlyphShape::TriangleUp, kSkyBlue};
    case EventKind::Inspection:
    case EventKind::Boarding:
    case EventKind::Release:
        return {GlyphShape::TriangleDown, kYellow};
    case EventKind::IdentityChange:
    case EventKind::IdentityConflict:
    case EventKind::SpoofingSuspected:
        return {GlyphShape::Star, kBlack};
    case EventKind::Seizure:
        return {GlyphShape::CircledCross, kSeizure};
    case EventKind::Transit:
    case EventKind::Other:
        break;
    }
    return {GlyphShape::Diamond, kGrey};
}

namespace {

QPolygonF regular(QPointF at, int sides, double radius, double startDeg)
{
    QPolygonF polygon;
    for (int i = 0; i < sides; ++i) {
        const double a = (startDeg + 360.0 * i / sides) * std::numbers::pi / 180.0;
        polygon << at + QPointF(radius * std::cos(a), radius * std::sin(a));
    }
    return polygon;
}

QPolygonF star(QPointF at, double radius)
{
    QPolygonF polygon;
    for (int i = 0; i < 10; ++i) {
        const double r = i % 2 == 0 ? radius : radius * 0.45;
        const double a = (-90.0 + 36.0 * i) * std::numbers::pi / 180.0;
        polygon << at + QPointF(r * std::cos(a), r * std::sin(a));
    }
    return polygon;
}

} // namespace

void drawGlyph(QPainter& p, QPointF at, GlyphShape shape, const QColor& fill, double radius)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    // A white edge keeps every glyph readable on land, sea and the dark
    // theme; yellow, light on white, gets a dark one.
    const QColor edge = fill == kYellow ? QColor(0x5c, 0x52, 0x00) : QColor(Qt::white);
    p.setPen(QPen(edge, 1.2));
    p.setBrush(fill);
    const double r = radius;
    switch (shape) {
    case GlyphShape::Square:
        p.drawRect(QRectF(at - QPointF(r * 0.8, r * 0.8), QSizeF(r * 1.6, r * 1.6)));
        break;
    case GlyphShape::Ring:
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(edge, 4.4));
        p.drawEllipse(at, r * 0.75, r * 0.75);
        p.setPen(QPen(fill, 2.4));
        p.drawEllipse(at, r * 0.75, r * 0.75);
        break;
    case GlyphShape::Disc:
        p.drawEllipse(at, r * 0.85, r * 0.85);
        break;
    case GlyphShape::Hourglass:
        p.drawPolygon(QPolygonF({at + QPointF(-r * 0.8, -r), at + QPointF(r * 0.8, -r),
                                 at + QPointF(-r * 0.8, r), at + QPointF(r * 0.8, r)}));
        break;
    case GlyphShape::Bowtie:
        p.drawPolygon(QPolygonF({at + QPointF(-r, -r * 0.8), at + QPointF(r, r * 0.8),
                                 at + QPointF(r, -r * 0.8), at + QPointF(-r, r * 0.8)}));
        break;
    case GlyphShape::Hexagon:
        p.drawPolygon(regular(at, 6, r, 0));
        break;
    case GlyphShape::TriangleUp:
        p.drawPolygon(regular(at + QPointF(0, r * 0.15), 3, r * 1.1, -90));
        break;
    case GlyphShape::TriangleDown:
        p.drawPolygon(regular(at - QPointF(0, r * 0.15), 3, r * 1.1, 90));
        break;
    case GlyphShape::Star:
        p.drawPolygon(star(at, r * 1.15));
        break;
    case GlyphShape::CircledCross: {
        p.drawEllipse(at, r, r);
        const double c = r * 0.45;
        p.setPen(QPen(Qt::white, std::max(1.5, r * 0.25), Qt::SolidLine, Qt::RoundCap));
        p.drawLine(at + QPointF(-c, -c), at + QPointF(c, c));
        p.drawLine(at + QPointF(-c, c), at + QPointF(c, -c));
        break;
    }
    case GlyphShape::Diamond:
        p.drawPolygon(QPolygonF(
            {at + QPointF(0, -r), at + QPointF(r, 0), at + QPointF(0, r), at + QPointF(-r, 0)}));
        break;
    }
    p.restore();
}

void drawEventGlyph(QPainter& p, QPointF at, model::EventKind kind)
{
    const EventGlyph g = eventGlyph(kind);
    drawGlyph(p, at, g.shape, g.fill);
}

ShipClass shipClass(std::optional<int> type)
{
    if (!type) {
        return ShipClass::Other;
    }
    const int t = *type;
    if (t >= 70 && t <= 79) {
        return ShipClass::Cargo;
    }
    if (t >= 80 && t <= 89) {
        return ShipClass::Tanker;
    }
    if (t >= 60 && t <= 69) {
        return ShipClass::Passenger;
    }
    if (t == 30) {
        return ShipClass::Fishing;
    }
    if (t == 31 || t == 32 || t == 52) {
        return ShipClass::Tug;
    }
    if (t == 36 || t == 37) {
        return ShipClass::Pleasure;
    }
    if (t >= 40 && t <= 49) {
        return ShipClass::HighSpeed;
    }
    return ShipClass::Other;
}

QString shipClassName(ShipClass c)
{
    switch (c) {
    case ShipClass::Cargo:
        return QStringLiteral("cargo");
    case ShipClass::Tanker:
        return QStringLiteral("tanker");
    case ShipClass::Passenger:
        return QStringLiteral("passenger");
    case ShipClass::Fishing:
        return QStringLiteral("fishing");
    case ShipClass::Tug:
        return QStringLiteral("tug or towing");
    case ShipClass::Pleasure:
        return QStringLiteral("sailing or pleasure craft");
    case ShipClass::HighSpeed:
        return QStringLiteral("high-speed craft");
    case ShipClass::Other:
        break;
    }
    return QStringLiteral("other or unknown type");
}

QColor shipClassColor(ShipClass c)
{
    switch (c) {
    case ShipClass::Cargo:
        return kBluishGreen;
    case ShipClass::Tanker:
        return kVermillion;
    case ShipClass::Passenger:
        return kBlue;
    case ShipClass::Fishing:
        return kOrange;
    case ShipClass::Tug:
        return kSkyBlue;
    case ShipClass::Pleasure:
        return kReddishPurple;
    case ShipClass::HighSpeed:
        return kYellow;
    case ShipClass::Other:
        break;
    }
    return QColor(0x60, 0x6c, 0x78);
}

QColor shipTypeColor(std::optional<int> aisShipType)
{
    return shipClassColor(shipClass(aisShipType));
}

QPolygonF shipHull(ShipClass c)
{
    switch (c) {
    case ShipClass::Cargo: // the classic notched arrow
        return QPolygonF({{0, -8}, {4.5, 5}, {0, 3}, {-4.5, 5}});
    case ShipClass::Tanker: // long, square stern
        return QPolygonF({{0, -9}, {3.5, -3}, {3.5, 6}, {-3.5, 6}, {-3.5, -3}});
    case ShipClass::Passenger: // a kite
        return QPolygonF({{0, -8}, {4.5, 0}, {0, 6}, {-4.5, 0}});
    case ShipClass::Fishing: // a plain triangle
        return QPolygonF({{0, -8}, {4.5, 6}, {-4.5, 6}});
    case ShipClass::Tug: // short and broad
        return QPolygonF({{0, -5}, {5, -1}, {5, 5}, {-5, 5}, {-5, -1}});
    case ShipClass::Pleasure: // slender, pointed at both ends
        return QPolygonF({{0, -8}, {3, -3}, {3, 4}, {0, 7}, {-3, 4}, {-3, -3}});
    case ShipClass::HighSpeed: // a swallow tail
        return QPolygonF({{0, -8}, {4.5, 6}, {0, 0}, {-4.5, 6}});
    case ShipClass::Other:
        break;
    }
    return QPolygonF({{0, -7}, {3, -3}, {4, 1}, {2, 5}, {-2, 5}, {-4, 1}, {-3, -3}});
}

GlyphShape shipBadge(ShipClass c)
{
    switch (c) {
    case ShipClass::Cargo:
        return GlyphShape::Square;
    case ShipClass::Tanker:
        return GlyphShape::Diamond;
    case ShipClass::Passenger:
        return GlyphShape::Disc;
    case ShipClass::Fishing:
        return GlyphShape::TriangleDown;
    case ShipClass::Tug:
        return GlyphShape::Hexagon;
    case ShipClass::Pleasure:
        return GlyphShape::TriangleUp;
    case ShipClass::HighSpeed:
        return GlyphShape::Hourglass;
    case ShipClass::Other:
        break;
    }
    return GlyphShape::Ring;
}

} // namespace wake::ui::style
