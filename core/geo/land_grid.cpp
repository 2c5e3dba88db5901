#include "core/geo/land_grid.h"

namespace wake::geo {

LandGrid::LandGrid(double x0, double y0, double cell, int cols, int rows)
    : m_x0(x0), m_y0(y0), m_cell(cell), m_cols(cols), m_rows(rows),
      m_land(static_cast<std::size_t>(cols) * rows, false),
      m_interior(static_cast<std::size_t>(cols) * rows, false), m_rowCrossings(rows)
{}

void LandGrid::addEdge(const WorldEdge& e)
{
    addInsideOnly(e);
    markEdge(e);
}

void LandGrid::addInsideOnly(const WorldEdge& e)
{
    // Inside: where the edge crosses each row's centre line.
    const double ya = (e.a.y - m_y0) / m_cell - 0.5;
    const double yb = (e.b.y - m_y0) / m_cell - 0.5;
    if (ya != yb) {
        const int r0 = std::max(0, static_cast<int>(std::ceil(std::min(ya, yb))));
        const int r1 = std::min(m_rows - 1, static_cast<int>(std::ceil(std::max(ya, yb))) - 1);
        for (int r = r0; r <= r1; ++r) {
            const double t = (r - ya) / (yb - ya);
            m_rowCrossings[r].push_back(e.a.x + t * (e.b.x - e.a.x));
        }
    }
}

void LandGrid::markEdge(const WorldEdge& e)
{
    // Every cell the edge passes through (a supercover walk).
    if (std::max(e.a.x, e.b.x) < m_x0 || std::min(e.a.x, e.b.x) > m_x0 + m_cols * m_cell ||
        std::max(e.a.y, e.b.y) < m_y0 || std::min(e.a.y, e.b.y) > m_y0 + m_rows * m_cell) {
        return;
    }
    const double ax = (e.a.x - m_x0) / m_cell;
    const double ay = (e.a.y - m_y0) / m_cell;
    const double bx = (e.b.x - m_x0) / m_cell;
    const double by = (e.b.y - m_y0) / m_cell;
    const double len = std::max(std::abs(bx - ax), std::abs(by - ay));
    const int steps = static_cast<int>(std::ceil(len * 8)) + 1;
    for (int s = 0; s <= steps; ++s) {
        const double t = static_cast<double>(s) / steps;
        mark(ax + t * (bx - ax), ay + t * (by - ay));
    }
}

void LandGrid::fillInside()
{
    for (int r = 0; r < m_rows; ++r) {
        auto& xs = m_rowCrossings[r];
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            const int c0 = std::max(0, static_cast<int>(std::ceil((xs[i] - m_x0) / m_cell - 0.5)));
            const int c1 = std::min(
                m_cols - 1, static_cast<int>(std::floor((xs[i + 1] - m_x0) / m_cell - 0.5)));
            for (int c = c0; c <= c1; ++c) {
                m_land[index(c, r)] = true;
                m_interior[index(c, r)] = true;
            }
        }
        xs = {};
    }
}

void LandGrid::mark(double gx, double gy)
{
    // Points within a hair of a cell border mark both cells: the walk is
    // sampled, and a coast along a border must block both sides.
    constexpr double kEps = 0.05;
    for (double dy : {-kEps, 0.0, kEps}) {
        for (double dx : {-kEps, 0.0, kEps}) {
            const int c = static_cast<int>(std::floor(gx + dx));
            const int r = static_cast<int>(std::floor(gy + dy));
            if (c >= 0 && c < m_cols && r >= 0 && r < m_rows) {
                m_land[index(c, r)] = true;
            }
        }
    }
}

bool LandGrid::clearLine(WorldPoint a, WorldPoint b) const
{
    const double ax = (a.x - m_x0) / m_cell;
    const double ay = (a.y - m_y0) / m_cell;
    const double bx = (b.x - m_x0) / m_cell;
    const double by = (b.y - m_y0) / m_cell;
    // Sampled like markEdge, with the same margin at cell borders, so a line
    // that grazes a land cell's corner counts as touching it.
    constexpr double kEps = 0.05;
    const double len = std::max(std::abs(bx - ax), std::abs(by - ay));
    const int steps = static_cast<int>(std::ceil(len * 8)) + 1;
    for (int s = 0; s <= steps; ++s) {
        const double t = static_cast<double>(s) / steps;
        const double gx = ax + t * (bx - ax);
        const double gy = ay + t * (by - ay);
        for (double dy : {-kEps, 0.0, kEps}) {
            for (double dx : {-kEps, 0.0, kEps}) {
                const int c = static_cast<int>(std::floor(gx + dx));
                const int r = static_cast<int>(std::floor(gy + dy));
                if (c < 0 || r < 0 || c >= m_cols || r >= m_rows || land(c, r)) {
                    return false;
                }
            }
        }
    }
    return true;
}

} // namespace wake::geo
