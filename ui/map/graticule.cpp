#include "ui/map/graticule.h"

#include "ui/map/map_style.h"

#include <QPainter>

#include <array>
#include <cmath>

namespace wake::ui {

namespace {

double stepFor(const MapViewport& vp)
{
    static constexpr std::array<double, 10> kSteps = {30, 10, 5, 2, 1, 0.5, 0.25, 0.1, 0.05, 0.02};
    // About four to eight lines across the view.
    const double spanDeg = vp.visibleWorld().width() * 360.0;
    for (double candidate : kSteps) {
        if (spanDeg / candidate >= 3.0) {
            return candidate;
        }
    }
    return kSteps.back();
}

// Calls f(screen coordinate, label) for each meridian (vertical) or parallel.
template <typename F>
void forEachLine(const MapViewport& vp, bool meridians, F&& f)
{
    const double step = stepFor(vp);
    const int decimals = step >= 1 ? 0 : (step >= 0.1 ? 1 : 2);
    const auto tl = geo::unproject(vp.screenToWorld({0, 0}));
    const auto br = geo::unproject(vp.screenToWorld({vp.size().width(), vp.size().height()}));
    if (meridians) {
        for (double lon = std::floor(tl.lonDeg / step) * step; lon <= br.lonDeg; lon += step) {
            const double x = vp.worldToScreen({(lon + 180.0) / 360.0, 0}).x();
            const double wrapped = geo::wrapLongitude(lon + 1e-9);
            f(x, QStringLiteral("%1°%2")
                     .arg(std::abs(wrapped), 0, 'f', decimals)
                     .arg(wrapped < 0 ? QLatin1Char('W') : QLatin1Char('E')));
        }
        return;
    }
    for (double lat = std::floor(br.latDeg / step) * step; lat <= tl.latDeg; lat += step) {
        if (std::abs(lat) > geo::kMaxMercatorLatDeg) {
            continue;
        }
        const double y = vp.worldToScreen(geo::project({lat, 0})).y();
        f(y, QStringLiteral("%1°%2")
                 .arg(std::abs(lat), 0, 'f', decimals)
                 .arg(lat < 0 ? QLatin1Char('S') : QLatin1Char('N')));
    }
}

} // namespace

void paintGraticuleLines(QPainter& p, const MapViewport& vp)
{
    p.setPen(QPen(style::palette().graticule, 0.6));
    const double w = vp.size().width();
    const double h = vp.size().height();
    forEachLine(vp, true,
                [&](double x, const QString&) { p.drawLine(QPointF(x, 0), QPointF(x, h)); });
    forEachLine(vp, false,
                [&](double y, const QString&) { p.drawLine(QPointF(0, y), QPointF(w, y)); });
}

void paintGraticuleLabels(QPainter& p, const MapViewport& vp)
{
    p.setPen(QPen(style::palette().graticuleText, 0.6));
    p.setFont(style::labelFont(8));
    forEachLine(vp, true,
                [&](double x, const QString& label) { p.drawText(QPointF(x + 3, 11), label); });
    forEachLine(vp, false,
                [&](double y, const QString& label) { p.drawText(QPointF(3, y - 3), label); });
}

} // namespace wake::ui
