#pragma once

// Speed over ground against time for the selected vessel, drawn with
// QPainter: observed AIS speeds as a solid line, speeds implied by reported
// or reconstructed legs as a dashed one (assumed, not measured), AIS-dark
// periods shaded, and a cursor at the replay time.

#include "core/model/track_point.h"

#include <QPixmap>
#include <QWidget>

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace wake::ui {

class SpeedChart : public QWidget
{
    Q_OBJECT
public:
    explicit SpeedChart(QWidget* parent = nullptr);

    void setData(std::span<const model::TrackPoint> track, std::int64_t startUtcMs,
                 std::int64_t endUtcMs,
                 std::vector<std::pair<std::int64_t, std::int64_t>> darkPeriods);
    void setTime(std::int64_t timeUtcMs);

    QSize sizeHint() const override { return {320, 130}; }
    QSize minimumSizeHint() const override { return {200, 110}; }

    // One sample of the chart: the speed over [fromUtcMs, toUtcMs].
    struct Sample
    {
        std::int64_t fromUtcMs = 0;
        std::int64_t toUtcMs = 0;
        double knots = 0.0;
        bool observed = false;
    };
    const std::vector<Sample>& samples() const { return m_samples; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    // A new palette (the dark theme) draws the cached chart again.
    void changeEvent(QEvent* event) override;

private:
    // The chart without the cursor: redrawn when the data or the size
    // changes, not on every replay tick.
    void renderChart();
    QRectF plotRect() const;
    double xFor(std::int64_t timeUtcMs) const;

    QPixmap m_chart;
    std::vector<Sample> m_samples;
    std::vector<std::pair<std::int64_t, std::int64_t>> m_dark;
    std::int64_t m_start = 0;
    std::int64_t m_end = 1;
    std::int64_t m_time = 0;
    double m_maxKnots = 1.0;
};

} // namespace wake::ui
