#include "geo/sea_route.h"

#include "geo/geodesy.h"

#include <queue>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace wake::geo {

namespace {

// The edge index: land edges bucketed on a fixed grid of the world.
constexpr int kBuckets = 512;

struct Edge
{
    WorldPoint a;
    WorldPoint b;
};

double cross(WorldPoint o, WorldPoint a, WorldPoint b)
{
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

bool onSegment(WorldPoint p, WorldPoint a, WorldPoint b)
{
    return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
           p.y <= std::max(a.y, b.y);
}

// Touching counts as crossing: a route may not graze the coast either.
bool segmentsIntersect(WorldPoint p1, WorldPoint p2, WorldPoint q1, WorldPoint q2)
{
    const double d1 = cross(q1, q2, p1);
    const double d2 = cross(q1, q2, p2);
    const double d3 = cross(p1, p2, q1);
    const double d4 = cross(p1, p2, q2);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        return true;
    }
    return (d1 == 0 && onSegment(p1, q1, q2)) || (d2 == 0 && onSegment(p2, q1, q2)) ||
           (d3 == 0 && onSegment(q1, p1, p2)) || (d4 == 0 && onSegment(q2, p1, p2));
}

int bucketOf(double v)
{
    return std::clamp(static_cast<int>(std::floor(v * kBuckets)), 0, kBuckets - 1);
}

} // namespace

struct SeaRouter::Impl
{
    std::vector<Edge> edges;
    std::vector<std::vector<std::uint32_t>> buckets; // kBuckets * kBuckets

    explicit Impl(const BasemapLayer& land)
    {
        buckets.resize(static_cast<std::size_t>(kBuckets) * kBuckets);
        for (const auto& part : land.parts) {
            for (std::size_t i = 0;
                 i + 1 < part.size() || (part.size() > 2 && i + 1 == part.size()); ++i) {
                const BasemapPoint& p = part[i];
                const BasemapPoint& q = part[(i + 1) % part.size()];
                Edge e{{p.x, p.y}, {q.x, q.y}};
                const auto id = static_cast<std::uint32_t>(edges.size());
                edges.push_back(e);
                for (int by = bucketOf(std::min(e.a.y, e.b.y));
                     by <= bucketOf(std::max(e.a.y, e.b.y)); ++by) {
                    for (int bx = bucketOf(std::min(e.a.x, e.b.x));
                         bx <= bucketOf(std::max(e.a.x, e.b.x)); ++bx) {
                        buckets[static_cast<std::size_t>(by) * kBuckets + bx].push_back(id);
                    }
                }
            }
        }
    }

    // Calls f(edge shifted into the copy of the world at offset k) for every
    // edge whose bucket meets the box [x0,x1]x[y0,y1] (x unwrapped).
    template <typename F>
    bool anyEdgeNear(double x0, double y0, double x1, double y1, F&& f) const
    {
        for (int k = static_cast<int>(std::floor(x0)); k <= static_cast<int>(std::floor(x1)); ++k) {
            const double lx0 = std::max(0.0, x0 - k);
            const double lx1 = std::min(1.0, x1 - k);
            if (lx0 > lx1) {
                continue;
            }
            for (int by = bucketOf(y0); by <= bucketOf(y1); ++by) {
                for (int bx = bucketOf(lx0); bx <= bucketOf(lx1); ++bx) {
                    for (std::uint32_t id : buckets[static_cast<std::size_t>(by) * kBuckets + bx]) {
                        Edge e = edges[id];
                        e.a.x += k;
                        e.b.x += k;
                        if (f(e)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
};

SeaRouter::SeaRouter(const BasemapLayer& land) : m_impl(std::make_unique<Impl>(land)) {}
SeaRouter::~SeaRouter() = default;
SeaRouter::SeaRouter(SeaRouter&&) noexcept = default;
SeaRouter& SeaRouter::operator=(SeaRouter&&) noexcept = default;

Result<SeaRouter> SeaRouter::builtIn()
{
    auto map = loadBuiltInBasemap(QStringLiteral("10m"));
    if (!map) {
        return map.error();
    }
    const BasemapLayer* land = map->layer(BasemapLayer::Kind::Land);
    if (land == nullptr) {
        return Error{Error::Code::Format, QStringLiteral("the 10m basemap has no land layer"), {}};
    }
    return SeaRouter(*land);
}

bool SeaRouter::crossesLand(WorldPoint a, WorldPoint b) const
{
    return m_impl->anyEdgeNear(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x),
                               std::max(a.y, b.y),
                               [&](const Edge& e) { return segmentsIntersect(a, b, e.a, e.b); });
}

namespace {

// Land on a grid over the search box. A cell is land when its centre is inside
// a land polygon or a coastline passes through it, so the straight line between
// the centres of two neighbouring water cells never touches land.
class LandGrid
{
public:
    LandGrid(double x0, double y0, double cell, int cols, int rows)
        : m_x0(x0), m_y0(y0), m_cell(cell), m_cols(cols), m_rows(rows),
          m_land(static_cast<std::size_t>(cols) * rows, false),
          m_interior(static_cast<std::size_t>(cols) * rows, false)
    {}

    int cols() const { return m_cols; }
    int rows() const { return m_rows; }
    double cell() const { return m_cell; }
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

    void addEdge(const Edge& e, std::vector<std::vector<double>>& rowCrossings)
    {
        // Interior: where the edge crosses each row's centre line.
        const double ya = (e.a.y - m_y0) / m_cell - 0.5;
        const double yb = (e.b.y - m_y0) / m_cell - 0.5;
        if (ya != yb) {
            const int r0 = std::max(0, static_cast<int>(std::ceil(std::min(ya, yb))));
            const int r1 = std::min(m_rows - 1, static_cast<int>(std::ceil(std::max(ya, yb))) - 1);
            for (int r = r0; r <= r1; ++r) {
                const double t = (r - ya) / (yb - ya);
                rowCrossings[r].push_back(e.a.x + t * (e.b.x - e.a.x));
            }
        }
        // Boundary: every cell the edge passes through (a supercover walk).
        if (std::max(e.a.x, e.b.x) < m_x0 || std::min(e.a.x, e.b.x) > m_x0 + m_cols * m_cell) {
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

    void fillRows(std::vector<std::vector<double>>& rowCrossings)
    {
        for (int r = 0; r < m_rows; ++r) {
            auto& xs = rowCrossings[r];
            std::sort(xs.begin(), xs.end());
            for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
                const int c0 =
                    std::max(0, static_cast<int>(std::ceil((xs[i] - m_x0) / m_cell - 0.5)));
                const int c1 = std::min(
                    m_cols - 1, static_cast<int>(std::floor((xs[i + 1] - m_x0) / m_cell - 0.5)));
                for (int c = c0; c <= c1; ++c) {
                    m_land[index(c, r)] = true;
                    m_interior[index(c, r)] = true;
                }
            }
        }
    }

private:
    void mark(double gx, double gy)
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

    double m_x0, m_y0, m_cell;
    int m_cols, m_rows;
    std::vector<bool> m_land;
    std::vector<bool> m_interior;
};

} // namespace

Result<SeaRouter::GridPath> SeaRouter::gridPath(WorldPoint pa, WorldPoint pb, double portReachM,
                                                bool coarseEnds) const
{
    pb.x += std::round(pa.x - pb.x); // across the antimeridian when that is shorter
    const double span = std::max(std::abs(pb.x - pa.x), std::abs(pb.y - pa.y));
    // Room to go round what lies between, and a cell size that keeps the grid
    // near 700 cells across (about 2-4 km in the Caribbean, 25 km on an ocean).
    const double margin = std::max(span * (coarseEnds ? 0.25 : 0.5), 0.004);
    const double cell = std::max(span / 900.0, 5.0e-6);
    const double x0 = std::min(pa.x, pb.x) - margin;
    const double y0 = std::max(0.01, std::min(pa.y, pb.y) - margin);
    const double x1 = std::max(pa.x, pb.x) + margin;
    const double y1 = std::min(0.99, std::max(pa.y, pb.y) + margin);
    const int cols = static_cast<int>(std::ceil((x1 - x0) / cell));
    const int rows = static_cast<int>(std::ceil((y1 - y0) / cell));
    LandGrid grid(x0, y0, cell, cols, rows);
    // Every edge in the box's rows, however far east or west: the even-odd
    // fill of a row needs all the crossings left of the box too.
    std::vector<std::vector<double>> rowCrossings(rows);
    for (int k = static_cast<int>(std::floor(x0)); k <= static_cast<int>(std::floor(x1)); ++k) {
        for (Edge e : m_impl->edges) {
            if (std::max(e.a.y, e.b.y) < y0 || std::min(e.a.y, e.b.y) > y1) {
                continue;
            }
            e.a.x += k;
            e.b.x += k;
            grid.addEdge(e, rowCrossings);
        }
    }
    grid.fillRows(rowCrossings);

    // Metres per world unit by row: the Mercator scale at each row's latitude.
    std::vector<double> mpu(rows);
    for (int r = 0; r < rows; ++r) {
        mpu[r] = metresPerWorldUnit(unproject(grid.centre(0, r)).latDeg);
    }
    auto metres = [&](WorldPoint a, WorldPoint b) {
        return distanceM(unproject(a), unproject(b));
    };
    // Bodies of water: cells joined by the moves the search makes. A bay whose
    // narrow mouth the grid cannot resolve is a body of its own, and an end
    // must not snap into one that does not reach the other end.
    std::vector<std::int32_t> body(static_cast<std::size_t>(cols) * rows, -1);
    std::vector<std::size_t> bodySize;
    {
        std::vector<std::int32_t> queue;
        for (int r0 = 0; r0 < rows; ++r0) {
            for (int c0 = 0; c0 < cols; ++c0) {
                if (grid.land(c0, r0) || body[grid.index(c0, r0)] >= 0) {
                    continue;
                }
                const auto id = static_cast<std::int32_t>(bodySize.size());
                bodySize.push_back(0);
                queue.assign(1, static_cast<std::int32_t>(grid.index(c0, r0)));
                body[queue.front()] = id;
                while (!queue.empty()) {
                    const std::int32_t at = queue.back();
                    queue.pop_back();
                    ++bodySize[id];
                    const int c = at % cols, r = at / cols;
                    for (const auto& [dc, dr] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                        const int nc = c + dc, nr = r + dr;
                        if (nc >= 0 && nr >= 0 && nc < cols && nr < rows && !grid.land(nc, nr) &&
                            body[grid.index(nc, nr)] < 0) {
                            body[grid.index(nc, nr)] = id;
                            queue.push_back(static_cast<std::int32_t>(grid.index(nc, nr)));
                        }
                    }
                }
            }
        }
    }
    // Water cells within reach of an end, nearest first. On a coarse grid the
    // coast cells are wide: reach a few cells, and let the caller refine the
    // ends on a finer grid.
    struct Candidate
    {
        double metres;
        int c, r;                      // the water cell the search starts from
        std::optional<WorldPoint> via; // a coast cell's centre on the way to it
    };
    auto candidates = [&](WorldPoint p) {
        const auto [pc, pr] = grid.cellOf(p);
        const double cellM = cell * mpu[pr];
        const double reachM = coarseEnds ? std::max(portReachM, 10.0 * cellM) : portReachM;
        const int reachCells = static_cast<int>(std::ceil(reachM / cellM)) + 1;
        std::vector<Candidate> out;
        for (int r = std::max(0, pr - reachCells); r <= std::min(rows - 1, pr + reachCells); ++r) {
            for (int c = std::max(0, pc - reachCells); c <= std::min(cols - 1, pc + reachCells);
                 ++c) {
                const double m = metres(p, grid.centre(c, r));
                if (!grid.land(c, r)) {
                    if (m <= reachM) {
                        out.push_back({m, c, r, std::nullopt});
                    }
                    continue;
                }
                // A coast cell with its centre at sea, next to open water: a
                // harbour mouth the grid is too coarse to open. Close enough
                // that the step on to the water cell is still within reach.
                if (grid.interior(c, r) || m > reachM - 1.5 * cellM) {
                    continue;
                }
                for (int dr = -1; dr <= 1; ++dr) {
                    for (int dc = -1; dc <= 1; ++dc) {
                        const int nc = c + dc, nr = r + dr;
                        if (nc >= 0 && nr >= 0 && nc < cols && nr < rows && !grid.land(nc, nr)) {
                            out.push_back({m, nc, nr, grid.centre(c, r)});
                        }
                    }
                }
            }
        }
        std::sort(out.begin(), out.end(),
                  [](const Candidate& a, const Candidate& b) { return a.metres < b.metres; });
        return out;
    };
    const auto fromCells = candidates(pa);
    const auto toCells = candidates(pb);
    if (fromCells.empty() || toCells.empty()) {
        return Error{
            Error::Code::NotFound,
            QStringLiteral("no open water within %1 km of %2")
                .arg(portReachM / 1000.0)
                .arg(fromCells.empty() ? QStringLiteral("the start") : QStringLiteral("the end")),
            {}};
    }
    // The largest body of water both ends can reach: the sea, not a lagoon.
    std::int32_t sea = -1;
    for (const Candidate& a : fromCells) {
        const std::int32_t id = body[grid.index(a.c, a.r)];
        const bool shared = std::any_of(toCells.begin(), toCells.end(), [&](const Candidate& b) {
            return body[grid.index(b.c, b.r)] == id;
        });
        if (shared && (sea < 0 || bodySize[id] > bodySize[sea])) {
            sea = id;
        }
    }
    if (sea < 0) {
        return Error{
            Error::Code::NotFound, QStringLiteral("no water path joins the two places"), {}};
    }
    auto nearestIn = [&](const std::vector<Candidate>& cells) {
        return *std::find_if(cells.begin(), cells.end(),
                             [&](const Candidate& k) { return body[grid.index(k.c, k.r)] == sea; });
    };
    const Candidate startCell = nearestIn(fromCells);
    const Candidate goalCell = nearestIn(toCells);
    const auto start = std::make_optional(std::make_pair(startCell.c, startCell.r));
    const auto goal = std::make_optional(std::make_pair(goalCell.c, goalCell.r));

    // A* over water, 8 neighbours, no cutting a land corner.
    const double minMpu = *std::min_element(mpu.begin(), mpu.end());
    const std::size_t n = static_cast<std::size_t>(cols) * rows;
    std::vector<double> cost(n, std::numeric_limits<double>::infinity());
    std::vector<std::int32_t> parent(n, -1);
    using Item = std::pair<double, std::int32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    const WorldPoint goalCentre = grid.centre(goal->first, goal->second);
    auto heuristic = [&](int c, int r) {
        const WorldPoint p = grid.centre(c, r);
        return std::hypot(p.x - goalCentre.x, p.y - goalCentre.y) * minMpu;
    };
    const auto startIndex = static_cast<std::int32_t>(grid.index(start->first, start->second));
    const auto goalIndex = static_cast<std::int32_t>(grid.index(goal->first, goal->second));
    cost[startIndex] = 0;
    open.emplace(heuristic(start->first, start->second), startIndex);
    while (!open.empty()) {
        const auto [f, current] = open.top();
        open.pop();
        if (current == goalIndex) {
            break;
        }
        const int c = current % cols;
        const int r = current / cols;
        if (f - heuristic(c, r) > cost[current] + 1e-3) {
            continue; // a stale entry
        }
        for (int dr = -1; dr <= 1; ++dr) {
            for (int dc = -1; dc <= 1; ++dc) {
                const int nc = c + dc;
                const int nr = r + dr;
                if ((dc == 0 && dr == 0) || nc < 0 || nr < 0 || nc >= cols || nr >= rows ||
                    grid.land(nc, nr)) {
                    continue;
                }
                if (dc != 0 && dr != 0 && (grid.land(c + dc, r) || grid.land(c, r + dr))) {
                    continue;
                }
                const double step = cell * std::hypot(dc, dr) * 0.5 * (mpu[r] + mpu[nr]);
                const auto next = static_cast<std::int32_t>(grid.index(nc, nr));
                const double g = cost[current] + step;
                if (g < cost[next]) {
                    cost[next] = g;
                    parent[next] = current;
                    open.emplace(g + heuristic(nc, nr), next);
                }
            }
        }
    }
    if (start != goal && parent[goalIndex] < 0) {
        return Error{
            Error::Code::NotFound, QStringLiteral("no water path joins the two places"), {}};
    }
    GridPath result;
    result.points.push_back(pb);
    if (goalCell.via) {
        result.points.push_back(*goalCell.via);
    }
    for (std::int32_t at = goalIndex; at >= 0; at = parent[at]) {
        result.points.push_back(grid.centre(at % cols, at / cols));
    }
    if (startCell.via) {
        result.points.push_back(*startCell.via);
    }
    result.points.push_back(pa);
    std::reverse(result.points.begin(), result.points.end());
    result.startReachM = metres(pa, result.points[1]);
    result.endReachM = metres(pb, result.points[result.points.size() - 2]);
    return result;
}

Result<SeaRoute> SeaRouter::route(const model::LatLon& from, const model::LatLon& to,
                                  double portReachM) const
{
    const WorldPoint pa = project(from);
    auto coarse = gridPath(pa, project(to), portReachM, true);
    if (!coarse) {
        return coarse.error();
    }
    std::vector<WorldPoint> path = std::move(coarse->points);
    const WorldPoint pb = path.back();
    auto metres = [](WorldPoint a, WorldPoint b) {
        return distanceM(unproject(a), unproject(b));
    };
    // Ends that are farther from the coarse grid's water than a port may be:
    // route them again on a fine grid to a point a few cells out to sea.
    constexpr std::size_t kRefineCells = 8;
    if (coarse->startReachM > portReachM) {
        const std::size_t k = std::min(path.size() - 2, kRefineCells);
        auto fine = gridPath(pa, path[k], portReachM, false);
        if (!fine) {
            return fine.error();
        }
        fine->points.pop_back();
        fine->points.insert(fine->points.end(), path.begin() + static_cast<std::ptrdiff_t>(k),
                            path.end());
        path = std::move(fine->points);
    }
    if (coarse->endReachM > portReachM) {
        const std::size_t k = path.size() - 1 - std::min(path.size() - 2, kRefineCells);
        auto fine = gridPath(path[k], pb, portReachM, false);
        if (!fine) {
            return fine.error();
        }
        path.resize(k);
        path.insert(path.end(), fine->points.begin(), fine->points.end());
    }

    // Pull the path tight: from each anchor, go straight to the farthest point
    // still in sight over water. Steps between neighbouring water cells never
    // touch land, so a step that does is one of the few from a port inland of
    // the 10m coast to the water within its reach; those are kept as they are.
    std::vector<WorldPoint> tight{path.front()};
    std::size_t anchor = 0;
    const std::size_t last = path.size() - 1;
    while (anchor < last) {
        std::size_t next = anchor + 1;
        while (next + 1 <= last && !crossesLand(path[anchor], path[next + 1])) {
            ++next;
        }
        tight.push_back(path[next]);
        anchor = next;
    }

    SeaRoute result;
    result.points.push_back(from);
    for (std::size_t i = 1; i < tight.size(); ++i) {
        result.lengthM += metres(tight[i - 1], tight[i]);
        if (i + 1 < tight.size()) {
            WorldPoint w = tight[i];
            w.x -= std::floor(w.x);
            model::LatLon ll = unproject(w);
            ll.lonDeg = wrapLongitude(ll.lonDeg);
            result.points.push_back(ll);
        }
    }
    result.points.push_back(to);
    return result;
}

} // namespace wake::geo
