#include "ui/map/gap_overlay.h"

#include "core/analysis/reachability.h"
#include "ui/map/map_style.h"
#include "ui/map/map_viewport.h"
#include "ui/map/world_copies.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>

#include <cmath>

namespace wake::ui {

namespace {

std::optional<model::LatLon> latLon(const QJsonObject& o)
{
    if (!o.value(QStringLiteral("lat")).isDouble() || !o.value(QStringLiteral("lon")).isDouble()) {
        return std::nullopt;
    }
    return model::LatLon{o.value(QStringLiteral("lat")).toDouble(),
                         o.value(QStringLiteral("lon")).toDouble()};
}

// The world x of w moved by whole worlds to lie nearest `near`.
geo::WorldPoint nearTo(geo::WorldPoint w, double nearX)
{
    w.x += std::round(nearX - w.x);
    return w;
}

} // namespace

std::vector<GapOverlay> gapOverlays(const std::vector<model::Event>& events)
{
    std::vector<GapOverlay> out;
    for (const model::Event& e : events) {
        if (e.kind != model::EventKind::AisGap || e.evidence.isEmpty()) {
            continue;
        }
        const QJsonObject ev = QJsonDocument::fromJson(e.evidence.toUtf8()).object();
        const auto a = latLon(ev.value(QStringLiteral("before")).toObject());
        const auto b = latLon(ev.value(QStringLiteral("after")).toObject());
        if (!a || !b) {
            continue;
        }
        GapOverlay g;
        g.reconstruction = e.origin == QLatin1String("reconstruction");
        g.before = geo::project(*a);
        g.after = nearTo(geo::project(*b), g.before.x);
        const auto durationMs =
            static_cast<std::int64_t>(ev.value(QStringLiteral("durationH")).toDouble() * 3.6e6);
        const double knots = ev.value(QStringLiteral("envelopeKnots")).toDouble();
        const auto envelope = analysis::makeEnvelope(*a, *b, durationMs, knots);
        // An envelope over most of an ocean is no shape worth drawing: its
        // dashed edge ran round the world (across Africa and Australia in
        // every world view). The card says "anywhere within N nm" instead.
        if (!analysis::isVast(envelope)) {
            for (const model::LatLon& p : analysis::envelopeOutline(envelope, 96)) {
                const geo::WorldPoint w = nearTo(geo::project(p), g.before.x);
                g.envelope << QPointF(w.x, w.y);
            }
        }
        for (const QJsonValue& call : ev.value(QStringLiteral("possibleCalls")).toArray()) {
            if (const auto p = latLon(call.toObject())) {
                g.possibleCalls.push_back(nearTo(geo::project(*p), g.before.x));
            }
        }
        out.push_back(std::move(g));
    }
    return out;
}

void paintGapEnvelopes(QPainter& p, const MapViewport& vp, const std::vector<GapOverlay>& gaps)
{
    const CopyRange copies = copyRange(vp);
    p.save();
    QPen edge(
        QColor(style::kEnvelope.red(), style::kEnvelope.green(), style::kEnvelope.blue(), 170), 1.4,
        Qt::DashLine);
    edge.setCosmetic(true);
    p.setPen(edge);
    for (int k = copies.first; k <= copies.last; ++k) {
        const QPointF origin = vp.worldToScreen({static_cast<double>(k), 0.0});
        p.setTransform(QTransform(vp.scale(), 0, 0, vp.scale(), origin.x(), origin.y()));
        for (const GapOverlay& g : gaps) {
            if (!g.envelope.isEmpty()) {
                // Detected gaps are filled; a reconstruction over weeks would
                // tint a whole ocean, so it keeps only its edge.
                p.setBrush(g.reconstruction ? QBrush(Qt::NoBrush)
                                            : QBrush(QColor(0x8e, 0x24, 0xaa, 46)));
                p.drawPolygon(g.envelope);
            }
        }
    }
    p.restore();
}

void paintGapLines(QPainter& p, const MapViewport& vp, const std::vector<GapOverlay>& gaps)
{
    const CopyRange copies = copyRange(vp);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    for (int k = copies.first; k <= copies.last; ++k) {
        auto screen = [&](const geo::WorldPoint& w) {
            return vp.worldToScreen({w.x + static_cast<double>(k), w.y});
        };
        for (const GapOverlay& g : gaps) {
            p.setPen(QPen(style::kEnvelope, 2.0, Qt::DashLine, Qt::RoundCap));
            p.drawLine(screen(g.before), screen(g.after));
            p.setPen(QPen(style::kEnvelope, 1.2));
            p.setBrush(Qt::white);
            for (const geo::WorldPoint& call : g.possibleCalls) {
                const QPointF s = screen(call);
                p.drawRect(QRectF(s.x() - 3, s.y() - 3, 6, 6));
            }
        }
    }
    p.restore();
}

} // namespace wake::ui
