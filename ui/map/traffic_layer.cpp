#include "map/traffic_layer.h"

#include "map/map_style.h"
#include "map/map_viewport.h"
#include "map/world_copies.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace wake::ui {

void TrafficLayer::setTargets(std::vector<TrafficTarget> targets)
{
    m_targets = std::move(targets);
    m_world.clear();
    m_colours.clear();
    m_world.reserve(m_targets.size());
    m_colours.reserve(m_targets.size());
    for (const TrafficTarget& t : m_targets) {
        m_world.push_back(geo::project({t.latDeg, t.lonDeg}));
        QColor c = style::shipTypeColor(t.aisShipType);
        if (t.stale) {
            c.setAlpha(110);
        }
        m_colours.push_back(c);
    }
}

void TrafficLayer::paint(QPainter& p, const MapViewport& vp, bool withNames) const
{
    if (m_targets.empty()) {
        return;
    }
    const CopyRange copies = copyRange(vp);
    const QRectF screen(QPointF(-12, -12), vp.size() + QSizeF(24, 24));
    // Screen positions first: how many are visible decides how to draw them.
    std::vector<std::pair<QPointF, std::size_t>> visible;
    visible.reserve(std::min<std::size_t>(m_targets.size(), 200'000));
    for (std::size_t i = 0; i < m_world.size(); ++i) {
        forEachScreenCopy(m_world[i], vp, copies, [&](QPointF s) {
            if (screen.contains(s)) {
                visible.emplace_back(s, i);
            }
        });
    }
    p.save();
    if (visible.size() > kDotThreshold) {
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(Qt::NoPen);
        for (const auto& [s, i] : visible) {
            p.fillRect(QRectF(std::round(s.x()) - 1, std::round(s.y()) - 1, 3, 3), m_colours[i]);
        }
        p.restore();
        return;
    }
    for (const auto& [s, i] : visible) {
        style::drawVesselSymbol(p, s, m_targets[i].courseDeg, m_colours[i], false);
    }
    if (withNames) {
        p.setFont(style::labelFont(9, true));
        const QFontMetricsF fm(p.font());
        std::vector<QRectF> placed;
        for (const auto& [s, i] : visible) {
            const QString& name = m_targets[i].name;
            if (name.isEmpty()) {
                continue;
            }
            const QRectF r = fm.boundingRect(name).translated(s + QPointF(10, -6));
            if (std::none_of(placed.begin(), placed.end(),
                             [&](const QRectF& o) { return o.intersects(r); })) {
                style::drawHaloText(p, r.bottomLeft() - QPointF(0, fm.descent()), name,
                                    QColor(0x1b, 0x1b, 0x1b));
                placed.push_back(r);
            }
        }
    }
    p.restore();
}

const TrafficTarget* TrafficLayer::hit(QPointF screen, const MapViewport& vp) const
{
    constexpr double kRadiusPx = 8.0;
    const CopyRange copies = copyRange(vp);
    const TrafficTarget* best = nullptr;
    double bestDistance = kRadiusPx;
    for (std::size_t i = 0; i < m_world.size(); ++i) {
        forEachScreenCopy(m_world[i], vp, copies, [&](QPointF s) {
            const double d = std::hypot(s.x() - screen.x(), s.y() - screen.y());
            if (d <= bestDistance) {
                bestDistance = d;
                best = &m_targets[i];
            }
        });
    }
    return best;
}

} // namespace wake::ui
