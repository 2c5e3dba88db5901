#include "ui/map/area_sketch.h"

#include "core/geo/web_mercator.h"

#include <algorithm>
#include <cmath>

namespace wake::ui {

namespace {

// Twice the signed area in degrees squared: zero for a line or a point.
double ringArea2(const std::vector<model::LatLon>& ring)
{
    double sum = 0.0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const auto& a = ring[i];
        const auto& b = ring[(i + 1) % ring.size()];
        sum += a.lonDeg * b.latDeg - b.lonDeg * a.latDeg;
    }
    return sum;
}

bool same(model::LatLon a, model::LatLon b)
{
    return std::abs(a.latDeg - b.latDeg) < 1e-9 && std::abs(a.lonDeg - b.lonDeg) < 1e-9;
}

} // namespace

void AreaSketch::begin(model::LatLon at)
{
    if (m_shape == Shape::Box) {
        m_points = {at};
        m_corner.reset();
    }
    m_pointer = at;
}

void AreaSketch::hover(model::LatLon at)
{
    m_pointer = at;
}

void AreaSketch::click(model::LatLon at)
{
    m_pointer = at;
    if (m_shape == Shape::Box) {
        if (!m_points.empty()) {
            m_corner = at;
        }
        return;
    }
    // A double-click clicks twice on one spot: one vertex.
    if (m_points.empty() || !same(m_points.back(), at)) {
        m_points.push_back(at);
    }
}

void AreaSketch::undo()
{
    if (!m_points.empty() && m_shape == Shape::Polygon) {
        m_points.pop_back();
    }
}

bool AreaSketch::isComplete() const
{
    return area().has_value();
}

std::optional<geo::Area> AreaSketch::area(const QString& name) const
{
    if (m_shape == Shape::Box) {
        if (m_points.empty() || !m_corner) {
            return std::nullopt;
        }
        const model::LatLon a = m_points.front();
        const model::LatLon b = *m_corner;
        const double width = std::abs(a.lonDeg - b.lonDeg);
        if (std::abs(a.latDeg - b.latDeg) < 1e-9 || width < 1e-9 || width >= 360.0) {
            return std::nullopt;
        }
        // Dragged either way; west is the corner further left on the screen
        // (its unwrapped longitude the smaller), so a drag across 180 makes
        // a box whose west is east of its east: one across 180.
        return geo::Area::box(
            {std::min(a.latDeg, b.latDeg), geo::wrapLongitude(std::min(a.lonDeg, b.lonDeg))},
            {std::max(a.latDeg, b.latDeg), geo::wrapLongitude(std::max(a.lonDeg, b.lonDeg))}, name);
    }
    if (m_points.size() < 3 || std::abs(ringArea2(m_points)) < 1e-12) {
        return std::nullopt;
    }
    std::vector<model::LatLon> ring = m_points;
    for (model::LatLon& p : ring) {
        p.lonDeg = geo::wrapLongitude(p.lonDeg); // Area::polygon keeps the ring continuous
    }
    return geo::Area::polygon(std::move(ring), name);
}

std::vector<model::LatLon> AreaSketch::outline() const
{
    if (m_shape == Shape::Box) {
        if (m_points.empty()) {
            return {};
        }
        const model::LatLon a = m_points.front();
        const model::LatLon b = m_corner ? *m_corner : m_pointer.value_or(a);
        return {a, {a.latDeg, b.lonDeg}, b, {b.latDeg, a.lonDeg}, a};
    }
    std::vector<model::LatLon> out = m_points;
    if (m_pointer && !out.empty()) {
        out.push_back(*m_pointer);
    }
    if (out.size() > 2) {
        out.push_back(out.front());
    }
    return out;
}

} // namespace wake::ui
