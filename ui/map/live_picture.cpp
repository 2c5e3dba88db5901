#include "ui/map/live_picture.h"

#include "core/geo/web_mercator.h"
#include "core/watch/cpa.h"
#include "ui/map/map_glyphs.h"
#include "ui/map/map_style.h"
#include "ui/map/map_viewport.h"
#include "ui/map/traffic_layer.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace wake::ui {

namespace {

constexpr double kMovingKnots = 0.5; // slower: no vector (drift and noise)

QPointF screenOf(const MapViewport& vp, model::LatLon at)
{
    return vp.worldToScreen(geo::project(at));
}

// Where a motion puts a point after the vector's minutes.
model::LatLon ahead(model::LatLon from, double sog, double cog, int minutes)
{
    return watch::deadReckon({from, sog, cog}, minutes * 60.0).position;
}

void paintStation(QPainter& p, QPointF at, const live::Station& s, bool withName)
{
    using Kind = live::Station::Kind;
    p.save();
    p.translate(at);
    switch (s.kind) {
    case Kind::AidToNavigation: {
        const QColor colour = style::okabe_ito::kReddishPurple;
        const QPolygonF diamond({QPointF(0, -7), QPointF(6, 0), QPointF(0, 7), QPointF(-6, 0)});
        if (s.virtualAid) {
            p.setPen(QPen(colour, 1.5, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawPolygon(diamond);
            p.setFont(style::labelFont(7, true));
            style::drawHaloText(p, QPointF(-3, 3.5), QStringLiteral("V"), colour);
        } else {
            p.setPen(QPen(Qt::white, 1.0));
            p.setBrush(colour);
            p.drawPolygon(diamond);
        }
        break;
    }
    case Kind::BaseStation: {
        const QColor colour = style::okabe_ito::kBlue;
        p.setPen(QPen(colour, 1.5));
        p.setBrush(Qt::white);
        p.drawRect(QRectF(-5, -1, 10, 7));
        p.drawLine(QPointF(0, -1), QPointF(0, -9));
        p.drawLine(QPointF(-3, -9), QPointF(3, -9));
        break;
    }
    case Kind::SarAircraft: {
        const QColor colour = style::okabe_ito::kOrange;
        p.rotate(s.courseDeg.value_or(0.0));
        p.setPen(QPen(Qt::black, 0.8));
        p.setBrush(colour);
        // Fuselage, wings and tail, nose up (north) before the rotation.
        QPainterPath fuselage;
        fuselage.addRect(QRectF(-1.5, -8, 3, 15));
        QPainterPath wings;
        wings.addPolygon(
            QPolygonF({QPointF(-9, 1), QPointF(9, 1), QPointF(1.5, -3), QPointF(-1.5, -3)}));
        wings.closeSubpath();
        QPainterPath tail;
        tail.addRect(QRectF(-4, 5, 8, 2));
        p.drawPath(fuselage.united(wings).united(tail));
        break;
    }
    }
    p.restore();
    if (withName && !s.name.isEmpty()) {
        p.setFont(style::labelFont(8, false));
        style::drawHaloText(p, at + QPointF(9, 4), s.name, style::palette().vesselText);
    }
}

} // namespace

void paintLivePicture(QPainter& p, const MapViewport& vp, const TrafficLayer& traffic,
                      const LivePicture& picture)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    if (picture.vectorMinutes > 0 && traffic.targets().size() <= TrafficLayer::kDotThreshold) {
        QPen pen(style::palette().vesselText, 1.2);
        p.setPen(pen);
        for (const auto& [at, i] : traffic.onScreen(vp, 12.0)) {
            const TrafficTarget& t = traffic.targets()[i];
            if (!t.sogKnots || !t.cogDeg || *t.sogKnots < kMovingKnots) {
                continue;
            }
            const QPointF to = screenOf(
                vp, ahead({t.latDeg, t.lonDeg}, *t.sogKnots, *t.cogDeg, picture.vectorMinutes));
            // The same world copy as the symbol: the offset of the projection.
            const QPointF here = screenOf(vp, {t.latDeg, t.lonDeg});
            p.drawLine(at, at + (to - here));
        }
    }
    const QRectF view(QPointF(-20, -20), vp.size() + QSizeF(40, 40));
    for (const live::Station& s : picture.stations) {
        const QPointF at = screenOf(vp, {s.latDeg, s.lonDeg});
        if (view.contains(at)) {
            paintStation(p, at, s, vp.zoom() >= 12.0);
        }
    }
    if (picture.ownShip) {
        const QPointF at = screenOf(vp, *picture.ownShip);
        const QColor colour = style::okabe_ito::kVermillion;
        p.setPen(QPen(colour, 1.6));
        p.setBrush(Qt::NoBrush);
        if (picture.ringSpacingNm > 0.0) {
            QPen dashed(colour, 1.0, Qt::DashLine);
            p.setPen(dashed);
            p.setFont(style::labelFont(8, false));
            for (int k = 1; k <= picture.rings; ++k) {
                const double nm = k * picture.ringSpacingNm;
                // A ring's radius in pixels at own ship: a point nm north.
                const QPointF north =
                    screenOf(vp, {picture.ownShip->latDeg + nm / 60.0, picture.ownShip->lonDeg});
                const double r = std::abs(at.y() - north.y());
                p.drawEllipse(at, r, r);
                style::drawHaloText(p, at + QPointF(3, -r - 2),
                                    QStringLiteral("%1 nm").arg(nm, 0, 'g', 3), colour);
            }
            p.setPen(QPen(colour, 1.6));
        }
        // Own ship: a circle with a cross, its vector in its colour.
        p.drawEllipse(at, 7.0, 7.0);
        p.drawLine(at + QPointF(-10, 0), at + QPointF(10, 0));
        p.drawLine(at + QPointF(0, -10), at + QPointF(0, 10));
        if (picture.vectorMinutes > 0 && picture.ownSogKnots && picture.ownCogDeg &&
            *picture.ownSogKnots >= kMovingKnots) {
            p.setPen(QPen(colour, 2.0));
            p.drawLine(at, screenOf(vp, ahead(*picture.ownShip, *picture.ownSogKnots,
                                              *picture.ownCogDeg, picture.vectorMinutes)));
        }
    }
    p.restore();
}

} // namespace wake::ui
