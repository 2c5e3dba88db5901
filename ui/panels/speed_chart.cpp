#include "ui/panels/speed_chart.h"

#include "core/geo/geodesy.h"

#include <QDateTime>
#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace wake::ui {

namespace {

constexpr double kMetresPerNm = 1852.0;
// Implied speeds above this are jumps in the data, not a ship's speed.
constexpr double kMaxPlausibleKnots = 60.0;

} // namespace

SpeedChart::SpeedChart(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(90);
    setToolTip(tr("Speed over ground. Solid: observed over AIS. Dashed: implied by reported or "
                  "reconstructed positions (assumed). Grey bands: AIS off."));
}

void SpeedChart::setData(std::span<const model::TrackPoint> track, std::int64_t startUtcMs,
                         std::int64_t endUtcMs,
                         std::vector<std::pair<std::int64_t, std::int64_t>> darkPeriods)
{
    m_start = startUtcMs;
    m_end = std::max(endUtcMs, startUtcMs + 1);
    m_dark = std::move(darkPeriods);
    m_samples.clear();
    m_maxKnots = 1.0;
    for (std::size_t i = 0; i + 1 < track.size(); ++i) {
        const model::TrackPoint& a = track[i];
        const model::TrackPoint& b = track[i + 1];
        if (b.timeUtcMs <= m_start || a.timeUtcMs >= m_end || b.timeUtcMs <= a.timeUtcMs) {
            continue;
        }
        Sample s;
        s.fromUtcMs = a.timeUtcMs;
        s.toUtcMs = b.timeUtcMs;
        s.observed = a.provenance == model::Provenance::Observed;
        if (s.observed && a.sogKnots) {
            s.knots = *a.sogKnots;
        } else {
            const double hours = static_cast<double>(b.timeUtcMs - a.timeUtcMs) / 3.6e6;
            s.knots =
                geo::distanceM({a.latDeg, a.lonDeg}, {b.latDeg, b.lonDeg}) / kMetresPerNm / hours;
            s.observed = false;
        }
        if (!std::isfinite(s.knots) || s.knots > kMaxPlausibleKnots) {
            continue;
        }
        m_maxKnots = std::max(m_maxKnots, s.knots);
        m_samples.push_back(s);
    }
    m_chart = QPixmap();
    update();
}

void SpeedChart::setTime(std::int64_t timeUtcMs)
{
    if (timeUtcMs != m_time) {
        m_time = timeUtcMs;
        update();
    }
}

QRectF SpeedChart::plotRect() const
{
    return QRectF(rect()).adjusted(34, 14, -8, -18);
}

double SpeedChart::xFor(std::int64_t timeUtcMs) const
{
    const QRectF plot = plotRect();
    return plot.left() + plot.width() * static_cast<double>(timeUtcMs - m_start) /
                             static_cast<double>(m_end - m_start);
}

void SpeedChart::resizeEvent(QResizeEvent* event)
{
    m_chart = QPixmap();
    QWidget::resizeEvent(event);
}

void SpeedChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_chart = QPixmap();
        update();
    }
    QWidget::changeEvent(event);
}

void SpeedChart::paintEvent(QPaintEvent*)
{
    if (m_chart.isNull() || m_chart.size() != size() * devicePixelRatioF()) {
        renderChart();
    }
    QPainter p(this);
    p.drawPixmap(0, 0, m_chart);
    const QRectF plot = plotRect();
    if (m_time >= m_start && m_time <= m_end) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
        p.drawLine(QPointF(xFor(m_time), plot.top()), QPointF(xFor(m_time), plot.bottom()));
    }
}

void SpeedChart::renderChart()
{
    m_chart = QPixmap(size() * devicePixelRatioF());
    m_chart.setDevicePixelRatio(devicePixelRatioF());
    QPainter p(&m_chart);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());
    const QRectF plot = plotRect();
    auto x = [&](std::int64_t t) {
        return xFor(t);
    };
    // A round top: the next 5 knots above the fastest.
    const double top = std::ceil(m_maxKnots / 5.0) * 5.0;
    auto y = [&](double knots) {
        return plot.bottom() - plot.height() * knots / top;
    };

    for (const auto& [from, to] : m_dark) {
        const double l = std::max(plot.left(), x(from));
        const double r = std::min(plot.right(), x(to));
        if (r > l) {
            p.fillRect(QRectF(l, plot.top(), r - l, plot.height()), QColor(128, 128, 128, 60));
        }
    }
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawRect(plot);
    p.setPen(pal.color(QPalette::Text));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    for (const double knots : {0.0, top / 2.0, top}) {
        p.drawText(QRectF(0, y(knots) - 8, plot.left() - 4, 16), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(knots, 'f', 0));
    }
    p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), 16),
               Qt::AlignLeft | Qt::AlignTop,
               QDateTime::fromMSecsSinceEpoch(m_start, Qt::UTC).toString(QStringLiteral("d MMM")));
    p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), 16),
               Qt::AlignRight | Qt::AlignTop,
               QDateTime::fromMSecsSinceEpoch(m_end, Qt::UTC).toString(QStringLiteral("d MMM")));
    p.drawText(QRectF(0, 0, plot.left() - 4, plot.top() + 2), Qt::AlignRight | Qt::AlignTop,
               tr("kn"));
    if (m_samples.empty()) {
        p.drawText(plot, Qt::AlignCenter, tr("no speeds known in this period"));
    }
    p.setClipRect(plot);
    // Each sample is a step: the speed held over its interval.
    for (const Sample& s : m_samples) {
        QPen pen(QColor(0xc2, 0x41, 0x0c), s.observed ? 1.6 : 1.3);
        if (!s.observed) {
            pen.setStyle(Qt::DashLine);
        }
        p.setPen(pen);
        p.drawLine(QPointF(x(s.fromUtcMs), y(s.knots)), QPointF(x(s.toUtcMs), y(s.knots)));
    }
}

} // namespace wake::ui
