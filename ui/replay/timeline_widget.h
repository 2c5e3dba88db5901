#pragma once

// The timebar under the map: the replayed span, event glyphs at their times,
// the periods with the AIS off as a band, and a cursor the user drags.

#include "core/model/event.h"

#include <QWidget>

#include <vector>

namespace wake::ui {

class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget* parent = nullptr);

    void setSpan(std::int64_t startUtcMs, std::int64_t endUtcMs, std::vector<model::Event> events);
    void setTime(std::int64_t timeUtcMs);
    std::int64_t time() const { return m_time; }
    // Where an event's glyph is, for tests and tooltips.
    double xForTime(std::int64_t timeUtcMs) const;
    std::int64_t timeForX(double x) const;
    // The AIS-dark periods drawn as a band: [off, on) pairs within the span.
    const std::vector<std::pair<std::int64_t, std::int64_t>>& darkPeriods() const { return m_dark; }
    // The events drawn: the ship events within the span.
    const std::vector<model::Event>& events() const { return m_events; }

    QSize sizeHint() const override { return {600, 54}; }
    QSize minimumSizeHint() const override { return {200, 44}; }

Q_SIGNALS:
    void seekRequested(qint64 timeUtcMs);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override; // tooltips

private:
    QRectF barRect() const;

    std::int64_t m_start = 0;
    std::int64_t m_end = 1;
    std::int64_t m_time = 0;
    std::vector<model::Event> m_events;
    std::vector<std::pair<std::int64_t, std::int64_t>> m_dark;
};

} // namespace wake::ui
