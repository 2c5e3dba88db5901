#include "ui/map/track_levels.h"

#include "core/geo/simplify.h"

#include <algorithm>
#include <cmath>

namespace wake::ui {

namespace {

QRectF boundsOf(std::span<const geo::WorldPoint> points, std::span<const std::uint32_t> indices)
{
    double x0 = points[indices.front()].x, x1 = x0;
    double y0 = points[indices.front()].y, y1 = y0;
    for (std::uint32_t i : indices) {
        x0 = std::min(x0, points[i].x);
        x1 = std::max(x1, points[i].x);
        y0 = std::min(y0, points[i].y);
        y1 = std::max(y1, points[i].y);
    }
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

} // namespace

TrackLevels::TrackLevels(std::vector<geo::WorldPoint> points, std::vector<bool> observed)
    : m_points(std::move(points)), m_observed(std::move(observed))
{
    m_observed.resize(m_points.size(), false);
    if (!m_points.empty()) {
        std::vector<std::uint32_t> all(m_points.size());
        for (std::uint32_t i = 0; i < all.size(); ++i) {
            all[i] = i;
        }
        m_bounds = boundsOf(m_points, all);
    }
}

int TrackLevels::bandForZoom(double zoom)
{
    return std::clamp(static_cast<int>(std::floor(zoom)), 0, kBands - 1);
}

double TrackLevels::toleranceForBand(int band)
{
    return 0.5 / geo::worldSizePx(band + 1.0);
}

const TrackLevels::Level& TrackLevels::level(int band) const
{
    band = std::clamp(band, 0, kBands - 1);
    std::call_once(m_once[band], [&] { m_levels[band] = build(band); });
    return m_levels[band];
}

TrackLevels::Level TrackLevels::build(int band) const
{
    Level level;
    if (m_points.empty()) {
        return level;
    }
    // Simplify each run of segments with the same provenance on its own.
    const double tolerance = toleranceForBand(band);
    const std::span<const geo::WorldPoint> all(m_points);
    level.kept.push_back(0);
    std::size_t runStart = 0;
    for (std::size_t end = 1; end <= m_points.size(); ++end) {
        const bool runEnds =
            end == m_points.size() || (end > 1 && m_observed[end] != m_observed[runStart + 1]);
        if (!runEnds || end - 1 == runStart) {
            continue;
        }
        const auto run = all.subspan(runStart, end - runStart);
        const auto kept = geo::simplifyDouglasPeucker(run, tolerance);
        for (std::size_t k = 1; k < kept.size(); ++k) {
            level.kept.push_back(static_cast<std::uint32_t>(runStart + kept[k]));
        }
        runStart = end - 1;
    }
    const std::span<const std::uint32_t> kept(level.kept);
    for (std::uint32_t first = 0; first + 1 < kept.size(); first += kChunkPoints - 1) {
        const std::uint32_t last =
            std::min<std::uint32_t>(first + kChunkPoints - 1, kept.size() - 1);
        level.chunks.push_back(
            {first, last, boundsOf(m_points, kept.subspan(first, last - first + 1))});
    }
    if (kept.size() == 1) {
        level.chunks.push_back({0, 0, boundsOf(m_points, kept)});
    }
    return level;
}

} // namespace wake::ui
