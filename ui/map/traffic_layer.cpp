#include "ui/map/traffic_layer.h"

#include "ui/map/map_style.h"
#include "ui/map/map_viewport.h"
#include "ui/map/world_copies.h"

#include <QFontMetricsF>
#include <QObject>
#include <QPainter>

#include <cmath>

namespace wake::ui {

QString TrafficTarget::label() const
{
    const QString id = mmsi ? QStringLiteral("MMSI %1").arg(*mmsi) : QString();
    if (name.isEmpty()) {
        return id.isEmpty() ? QObject::tr("unnamed vessel") : id;
    }
    return id.isEmpty() ? name : name + QLatin1Char('\n') + id;
}

namespace {

int bucketOf(double v)
{
    return std::clamp(static_cast<int>(v * TrafficLayer::kBuckets), 0, TrafficLayer::kBuckets - 1);
}

} // namespace

std::vector<std::pair<QPointF, std::size_t>> TrafficLayer::onScreen(const MapViewport& vp,
                                                                    double marginPx) const
{
    std::vector<std::pair<QPointF, std::size_t>> out;
    // No targets yet: no buckets either (a screen reader may ask before the
    // first traffic arrives; it used to read past an empty vector).
    if (m_targets.empty() || m_buckets.empty()) {
        return out;
    }
    const QRectF screen(QPointF(-marginPx, -marginPx),
                        vp.size() + QSizeF(2 * marginPx, 2 * marginPx));
    const QRectF world = vp.visibleWorld();
    const double margin = marginPx / vp.scale();
    const int top = bucketOf(world.top() - margin);
    const int bottom = bucketOf(world.bottom() + margin);
    const CopyRange copies = copyRange(vp);
    for (int k = copies.first; k <= copies.last; ++k) {
        // The buckets this copy of the world shows, and only those.
        const double left = world.left() - margin - k;
        const double right = world.right() + margin - k;
        if (right < 0.0 || left > 1.0) {
            continue;
        }
        const int west = bucketOf(left);
        const int east = bucketOf(right);
        for (int by = top; by <= bottom; ++by) {
            for (int bx = west; bx <= east; ++bx) {
                for (const std::uint32_t i :
                     m_buckets[static_cast<std::size_t>(by * kBuckets + bx)]) {
                    const QPointF s = vp.worldToScreen({m_world[i].x + k, m_world[i].y});
                    if (screen.contains(s)) {
                        out.emplace_back(s, i);
                    }
                }
            }
        }
    }
    return out;
}

void TrafficLayer::setTargets(std::vector<TrafficTarget> targets)
{
    m_targets = std::move(targets);
    m_world.clear();
    m_colours.clear();
    m_world.reserve(m_targets.size());
    m_colours.reserve(m_targets.size());
    m_buckets.assign(static_cast<std::size_t>(kBuckets * kBuckets), {});
    for (const TrafficTarget& t : m_targets) {
        const geo::WorldPoint w = geo::project({t.latDeg, t.lonDeg});
        m_buckets[static_cast<std::size_t>(bucketOf(w.y) * kBuckets + bucketOf(w.x))].push_back(
            static_cast<std::uint32_t>(m_world.size()));
        m_world.push_back(w);
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
    // Screen positions first: how many are visible decides how to draw them.
    const std::vector<std::pair<QPointF, std::size_t>> visible = onScreen(vp, 12.0);
    p.save();
    if (visible.size() > kDotThreshold) {
        paintDensity(p, vp, visible);
        p.restore();
        return;
    }
    for (const auto& [s, i] : visible) {
        style::drawVesselSymbol(p, s, m_targets[i].courseDeg,
                                style::shipClass(m_targets[i].aisShipType), m_colours[i], false);
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
                                    style::palette().vesselText);
                placed.push_back(r);
            }
        }
    }
    p.restore();
}

void TrafficLayer::paintDensity(QPainter& p, const MapViewport& vp,
                                const std::vector<std::pair<QPointF, std::size_t>>& visible) const
{
    // Vessels per cell of kDensityCellPx, shaded by the logarithm of the count:
    // a lane of thousands reads darker than a lone ship, and nothing piles up.
    const int columns = static_cast<int>(vp.size().width()) / kDensityCellPx + 2;
    const int rows = static_cast<int>(vp.size().height()) / kDensityCellPx + 2;
    std::vector<std::uint32_t> counts(static_cast<std::size_t>(columns * rows), 0);
    for (const auto& [s, i] : visible) {
        const int c = std::clamp(static_cast<int>(s.x()) / kDensityCellPx, 0, columns - 1);
        const int r = std::clamp(static_cast<int>(s.y()) / kDensityCellPx, 0, rows - 1);
        ++counts[static_cast<std::size_t>(r * columns + c)];
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const std::uint32_t n = counts[static_cast<std::size_t>(r * columns + c)];
            if (n == 0) {
                continue;
            }
            const int alpha = std::min(235, 90 + static_cast<int>(35.0 * std::log2(n)));
            p.fillRect(
                QRect(c * kDensityCellPx, r * kDensityCellPx, kDensityCellPx, kDensityCellPx),
                QColor(0x0d, 0x3b, 0x66, alpha));
        }
    }
}

const TrafficTarget* TrafficLayer::hit(QPointF screen, const MapViewport& vp) const
{
    constexpr double kRadiusPx = 8.0;
    if (m_targets.empty()) {
        return nullptr;
    }
    const TrafficTarget* best = nullptr;
    double bestDistance = kRadiusPx;
    for (const auto& [s, i] : onScreen(vp, 0.0)) {
        const double d = std::hypot(s.x() - screen.x(), s.y() - screen.y());
        if (d <= bestDistance) {
            bestDistance = d;
            best = &m_targets[i];
        }
    }
    return best;
}

} // namespace wake::ui
