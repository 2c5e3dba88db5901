#include "ui/replay/timeline_widget.h"

#include "core/replay/voyage_stats.h"
#include "ui/map/map_style.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace wake::ui {

TimelineWidget::TimelineWidget(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAccessibleName(tr("Timeline"));
    setCursor(Qt::PointingHandCursor);
}

void TimelineWidget::setSpan(std::int64_t startUtcMs, std::int64_t endUtcMs,
                             std::vector<model::Event> events)
{
    m_start = startUtcMs;
    m_end = std::max(endUtcMs, startUtcMs + 1);
    m_dark = replay::darkPeriods(events, m_end);
    m_events.clear();
    for (auto& e : events) {
        if (e.shipEvent && e.time.startUtcMs <= m_end && e.time.endUtcMs >= m_start) {
            m_events.push_back(std::move(e));
        }
    }
    update();
}

void TimelineWidget::setTime(std::int64_t timeUtcMs)
{
    m_time = timeUtcMs;
    update();
}

QRectF TimelineWidget::barRect() const
{
    return QRectF(10, 8, std::max(10, width() - 20), height() - 24);
}

double TimelineWidget::xForTime(std::int64_t t) const
{
    const QRectF bar = barRect();
    const double f = static_cast<double>(t - m_start) / static_cast<double>(m_end - m_start);
    return bar.left() + std::clamp(f, 0.0, 1.0) * bar.width();
}

std::int64_t TimelineWidget::timeForX(double x) const
{
    const QRectF bar = barRect();
    const double f = std::clamp((x - bar.left()) / bar.width(), 0.0, 1.0);
    return m_start + static_cast<std::int64_t>(f * static_cast<double>(m_end - m_start));
}

void TimelineWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF bar = barRect();
    // Colours from the palette, so the dark theme darkens the timeline too.
    const QPalette& pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    p.fillRect(rect(), pal.window());
    p.setPen(Qt::NoPen);
    p.setBrush(dark ? pal.color(QPalette::Base).lighter(140) : QColor(0xe3, 0xe8, 0xee));
    p.drawRoundedRect(bar, 3, 3);
    // AIS dark: a hatched band, labelled.
    for (const auto& [from, to] : m_dark) {
        const QRectF band(QPointF(xForTime(from), bar.top()), QPointF(xForTime(to), bar.bottom()));
        p.setBrush(QColor(0x6a, 0x1b, 0x9a, 50));
        p.drawRect(band);
        p.setBrush(QBrush(QColor(0x6a, 0x1b, 0x9a, 90), Qt::BDiagPattern));
        p.drawRect(band);
        if (band.width() > 60) {
            p.setPen(dark ? QColor(0xc9, 0xa6, 0xee) : QColor(0x4a, 0x14, 0x8c));
            p.setFont(style::labelFont(7));
            p.drawText(band.adjusted(4, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop, tr("AIS off"));
            p.setPen(Qt::NoPen);
        }
    }
    // Travelled part.
    p.setBrush(QColor(0xc2, 0x41, 0x0c, 60));
    p.drawRect(
        QRectF(QPointF(bar.left(), bar.bottom() - 4), QPointF(xForTime(m_time), bar.bottom())));
    // Events: the last one reached is highlighted.
    const model::Event* reached = nullptr;
    for (const auto& e : m_events) {
        if (e.time.startUtcMs <= m_time) {
            reached = &e;
        }
    }
    for (const auto& e : m_events) {
        const QPointF at(xForTime(e.time.startUtcMs), bar.center().y());
        if (&e == reached) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(255, 200, 0, 160));
            p.drawEllipse(at, 10, 10);
        }
        if (e.kind == model::EventKind::Seizure) {
            // The seizure a little larger: the moment the replay is about.
            style::drawGlyph(p, at, style::GlyphShape::CircledCross, style::kSeizure, 7);
        } else {
            style::drawEventGlyph(p, at, e.kind);
        }
    }
    // Month ticks under the bar.
    p.setFont(style::labelFont(7));
    p.setPen(palette().text().color());
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(m_start, Qt::UTC);
    const bool days = m_end - m_start < 40LL * 86'400'000;
    QDateTime tick =
        days ? QDateTime(first.date(), QTime(0, 0), Qt::UTC)
             : QDateTime(QDate(first.date().year(), first.date().month(), 1), QTime(0, 0), Qt::UTC);
    double lastLabel = -1e9;
    for (; tick.toMSecsSinceEpoch() <= m_end; tick = days ? tick.addDays(1) : tick.addMonths(1)) {
        if (tick.toMSecsSinceEpoch() < m_start) {
            continue;
        }
        const double x = xForTime(tick.toMSecsSinceEpoch());
        p.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + 3));
        const QString label =
            tick.toString(days ? QStringLiteral("d MMM") : QStringLiteral("MMM yyyy"));
        if (x - lastLabel > 46) {
            p.drawText(QPointF(x + 2, height() - 3), label);
            lastLabel = x;
        }
    }
    // The cursor.
    const double x = xForTime(m_time);
    const QColor cursor = pal.color(QPalette::WindowText);
    p.setPen(QPen(cursor, 2));
    p.drawLine(QPointF(x, bar.top() - 4), QPointF(x, bar.bottom() + 4));
    p.setBrush(cursor);
    const QPointF tri[3] = {{x - 5, bar.top() - 6}, {x + 5, bar.top() - 6}, {x, bar.top()}};
    p.drawPolygon(tri, 3);
    if (hasFocus()) {
        p.setPen(QPen(palette().highlight().color(), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void TimelineWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        Q_EMIT seekRequested(timeForX(event->position().x()));
    }
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton) {
        Q_EMIT seekRequested(timeForX(event->position().x()));
    }
}

bool TimelineWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        for (const auto& e : m_events) {
            if (std::abs(xForTime(e.time.startUtcMs) - help->pos().x()) <= 6) {
                QToolTip::showText(
                    help->globalPos(),
                    QStringLiteral("%1 — %2").arg(model::formatTimeSpan(e.time), e.title), this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace wake::ui
