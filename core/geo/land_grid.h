#pragma once

// Land on a grid over a box of the world (Web Mercator units), for routing.
// A cell is land when its centre is inside land (even-odd over the rings'
// edges, so lakes and islands in them come out right) or a coastline passes
// through it: the straight line between the centres of two neighbouring
// water cells never touches land.

#include "core/geo/web_mercator.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace wake::geo {

struct WorldEdge
{
    WorldPoint a;
    WorldPoint b;
};

class LandGrid
{
public:
    LandGrid(double x0, double y0, double cell, int cols, int rows);

    int cols() const { return m_cols; }
    int rows() const { return m_rows; }
    double cell() const { return m_cell; }
    double x0() const { return m_x0; }
    double y0() const { return m_y0; }
    bool land(int c, int r) const { return m_land[index(c, r)]; }
    // The centre is inside a land polygon (not only touched by the coast).
    bool interior(int c, int r) const { return m_interior[index(c, r)]; }
    std::size_t index(int c, int r) const { return static_cast<std::size_t>(r) * m_cols + c; }
    WorldPoint centre(int c, int r) const
    {
        return {m_x0 + (c + 0.5) * m_cell, m_y0 + (r + 0.5) * m_cell};
    }
    std::pair<int, int> cellOf(WorldPoint p) const
    {
        return {std::clamp(static_cast<int>(std::floor((p.x - m_x0) / m_cell)), 0, m_cols - 1),
                std::clamp(static_cast<int>(std::floor((p.y - m_y0) / m_cell)), 0, m_rows - 1)};
    }
    bool inBox(WorldPoint p) const
    {
        return p.x >= m_x0 && p.y >= m_y0 && p.x < m_x0 + m_cols * m_cell &&
               p.y < m_y0 + m_rows * m_cell;
    }

    // Filling: every edge of the rings (addEdge: inside by even-odd, and the
    // cells the edge passes through), then fillInside once.
    void addEdge(const WorldEdge& e);
    // Only for inside and outside: an edge that closes a ring along the border
    // of a tile, not a coast.
    void addInsideOnly(const WorldEdge& e);
    // Only the cells the edge passes through (a coast whose inside is set otherwise).
    void markEdge(const WorldEdge& e);
    void fillInside();

    // Overrides after filling: a harbour drawn from another source, a canal.
    void setCell(int c, int r, bool land)
    {
        m_land[index(c, r)] = land;
        m_interior[index(c, r)] = land;
    }

    // Whether every cell the straight line a-b passes through is water.
    bool clearLine(WorldPoint a, WorldPoint b) const;

private:
    void mark(double gx, double gy);

    double m_x0, m_y0, m_cell;
    int m_cols, m_rows;
    std::vector<bool> m_land;
    std::vector<bool> m_interior;
    std::vector<std::vector<double>> m_rowCrossings;
};

} // namespace wake::geo
