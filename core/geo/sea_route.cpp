#include "core/geo/sea_route.h"

#include "core/geo/geodesy.h"
#include "core/geo/land_grid.h"

#include <queue>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <unordered_map>

namespace wake::geo {

namespace {

// The edge index: land edges bucketed on a fixed grid of the world.
constexpr int kBuckets = 512;

using Edge = WorldEdge;

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

namespace {

// From each anchor, straight to the farthest point still in sight.
template <typename Blocked>
std::vector<WorldPoint> pullTight(const std::vector<WorldPoint>& path, Blocked&& blocked)
{
    std::vector<WorldPoint> tight{path.front()};
    std::size_t anchor = 0;
    const std::size_t last = path.size() - 1;
    while (anchor < last) {
        std::size_t next = anchor + 1;
        while (next + 1 <= last && !blocked(path[anchor], path[next + 1])) {
            ++next;
        }
        tight.push_back(path[next]);
        anchor = next;
    }
    return tight;
}

} // namespace

SeaRouter::SeaRouter(const BasemapLayer& land, std::shared_ptr<const DetailedWater> detailed)
    : m_impl(std::make_unique<Impl>(land)), m_detailed(std::move(detailed))
{}
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
    return SeaRouter(*land, DetailedWater::shared());
}

std::shared_ptr<const SeaRouter> SeaRouter::shared()
{
    static const std::shared_ptr<const SeaRouter> router =
        []() -> std::shared_ptr<const SeaRouter> {
        auto built = builtIn();
        return built ? std::make_shared<const SeaRouter>(std::move(built).value()) : nullptr;
    }();
    return router;
}

bool SeaRouter::crossesLand(WorldPoint a, WorldPoint b) const
{
    return m_impl->anyEdgeNear(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x),
                               std::max(a.y, b.y),
                               [&](const Edge& e) { return segmentsIntersect(a, b, e.a, e.b); });
}

LandGrid SeaRouter::naturalEarthGrid(double x0, double y0, double cell, int cols, int rows) const
{
    LandGrid grid(x0, y0, cell, cols, rows);
    // Every edge in the box's rows, however far east or west: the even-odd
    // fill of a row needs all the crossings left of the box too.
    const double y1 = y0 + rows * cell;
    for (int k = static_cast<int>(std::floor(x0));
         k <= static_cast<int>(std::floor(x0 + cols * cell)); ++k) {
        for (Edge e : m_impl->edges) {
            if (std::max(e.a.y, e.b.y) < y0 || std::min(e.a.y, e.b.y) > y1) {
                continue;
            }
            e.a.x += k;
            e.b.x += k;
            grid.addEdge(e);
        }
    }
    grid.fillInside();
    return grid;
}

Result<SeaRouter::GridPath> SeaRouter::gridPath(WorldPoint pa, WorldPoint pb, double portReachM,
                                                GridKind kind) const
{
    const bool coarseEnds = kind == GridKind::Coarse;
    // Work in the world copy pa lies in ([0, 1)); the result goes back to pa's.
    const double copy = std::floor(pa.x);
    pa.x -= copy;
    pb.x -= copy;
    pb.x += std::round(pa.x - pb.x); // across the antimeridian when that is shorter
    const double span = std::max(std::abs(pb.x - pa.x), std::abs(pb.y - pa.y));
    // Room to go round what lies between, and a cell size that keeps the grid
    // near 700 cells across (about 2-4 km in the Caribbean, 25 km on an
    // ocean); on the detailed coast, cells of kDetailedCellM.
    const double mpuA = metresPerWorldUnit(unproject(pa).latDeg);
    double margin = std::max(span * (coarseEnds ? 0.25 : 0.5), 0.004);
    double cell = std::max(span / 900.0, 5.0e-6);
    if (kind == GridKind::Detailed) {
        // Fine cells, but not more than about 2,000 across a long stretch.
        margin = std::max(span * 0.5, kDetailedMarginM / mpuA);
        cell = std::max(kDetailedCellM / mpuA, (span + 2 * margin) / kMaxDetailedCells);
    }
    const double x0 = std::min(pa.x, pb.x) - margin;
    const double y0 = std::max(0.01, std::min(pa.y, pb.y) - margin);
    const double x1 = std::max(pa.x, pb.x) + margin;
    const double y1 = std::min(0.99, std::max(pa.y, pb.y) + margin);
    const int cols = static_cast<int>(std::ceil((x1 - x0) / cell));
    const int rows = static_cast<int>(std::ceil((y1 - y0) / cell));
    std::optional<LandGrid> built;
    if (kind == GridKind::Detailed) {
        auto detailed = m_detailed->landGrid(x0, y0, cell, cols, rows);
        if (!detailed) {
            return detailed.error();
        }
        built.emplace(std::move(*detailed));
    } else {
        built.emplace(naturalEarthGrid(x0, y0, cell, cols, rows));
    }
    const LandGrid& grid = *built;

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
    // The nearest water cell within reach of an end, in each body of water
    // it can reach. On a coarse grid the coast cells are wide: reach a few
    // cells, and let the caller refine the ends on a finer grid.
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
        std::unordered_map<std::int32_t, Candidate> nearest; // by body
        auto offer = [&](const Candidate& k) {
            const std::int32_t id = body[grid.index(k.c, k.r)];
            auto [it, added] = nearest.try_emplace(id, k);
            if (!added && k.metres < it->second.metres) {
                it->second = k;
            }
        };
        for (int r = std::max(0, pr - reachCells); r <= std::min(rows - 1, pr + reachCells); ++r) {
            for (int c = std::max(0, pc - reachCells); c <= std::min(cols - 1, pc + reachCells);
                 ++c) {
                // Flat within a port's reach: Mercator is conformal, so the
                // scale of the row between is right to well under 1 %.
                const WorldPoint q = grid.centre(c, r);
                const double m = std::hypot(q.x - p.x, q.y - p.y) * 0.5 * (mpu[pr] + mpu[r]);
                if (!grid.land(c, r)) {
                    if (m <= reachM) {
                        offer({m, c, r, std::nullopt});
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
                            offer({m, nc, nr, q});
                        }
                    }
                }
            }
        }
        return nearest;
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
    for (const auto& [id, k] : fromCells) {
        if (toCells.contains(id) && (sea < 0 || bodySize[id] > bodySize[sea])) {
            sea = id;
        }
    }
    if (sea < 0) {
        return Error{
            Error::Code::NotFound, QStringLiteral("no water path joins the two places"), {}};
    }
    const Candidate startCell = fromCells.at(sea);
    const Candidate goalCell = toCells.at(sea);
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
    if (kind == GridKind::Detailed) {
        // Pull tight on the grid itself: the detailed coast has no edge index.
        result.points = pullTight(
            result.points, [&](WorldPoint a, WorldPoint b) { return !grid.clearLine(a, b); });
    }
    for (WorldPoint& w : result.points) {
        w.x += copy;
    }
    return result;
}

std::optional<double> SeaRouter::openOceanExit(WorldPoint a, WorldPoint b, WorldPoint w) const
{
    const double copy = std::floor(w.x);
    const model::LatLon p = unproject({w.x - copy, w.y});
    const int latSouth = static_cast<int>(std::floor(p.latDeg));
    const int lonWest = static_cast<int>(std::floor(p.lonDeg));
    if (m_detailed->hasCoast(latSouth, lonWest)) {
        return std::nullopt;
    }
    // The tile's box in world units (in w's copy of the world), and where
    // the leg a-b leaves it.
    const double x0 = copy + (lonWest + 180.0) / 360.0;
    const double x1 = copy + (lonWest + 181.0) / 360.0;
    const double y0 = project({std::min(latSouth + 1.0, kMaxMercatorLatDeg), 0}).y;
    const double y1 = project({std::max(latSouth + 0.0, -kMaxMercatorLatDeg), 0}).y;
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    double t = 1.0;
    if (dx > 0) {
        t = std::min(t, (x1 - a.x) / dx);
    } else if (dx < 0) {
        t = std::min(t, (x0 - a.x) / dx);
    }
    if (dy > 0) {
        t = std::min(t, (y1 - a.y) / dy);
    } else if (dy < 0) {
        t = std::min(t, (y0 - a.y) / dy);
    }
    return std::max(0.0, t);
}

bool SeaRouter::detailedLandAt(WorldPoint w, const model::LatLon& from, const model::LatLon& to,
                               double portReachM) const
{
    w.x -= std::floor(w.x);
    const model::LatLon p = unproject(w);
    auto isWater = m_detailed->isWater(p);
    if (!isWater || *isWater) {
        return false;
    }
    // An end may lie inland (a port's reference point): not land to go round.
    return distanceM(p, from) > portReachM && distanceM(p, to) > portReachM;
}

std::vector<WorldPoint> SeaRouter::aroundDetailedLand(std::vector<WorldPoint> path,
                                                      double portReachM) const
{
    // Natural Earth misses capes, islets and breakwaters the detailed coast
    // has. Walk the route in steps of kLandCheckStepM; where it meets detailed
    // land, route again on the detailed grid from kDetailedMarginM before the
    // land to kDetailedMarginM of water after it (over as many legs as that
    // takes). A new stretch is water on its grid and is not looked at again;
    // one that cannot be routed stays as it was.
    const model::LatLon from =
        unproject({path.front().x - std::floor(path.front().x), path.front().y});
    const model::LatLon to = unproject({path.back().x - std::floor(path.back().x), path.back().y});
    auto at = [&](std::size_t i, double t) {
        const WorldPoint a = path[i - 1];
        WorldPoint b = path[i];
        b.x += std::round(a.x - b.x);
        return WorldPoint{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
    };
    // Steps in leg i, asked for at every sample: kept for the leg last asked
    // about, forgotten when the path changes.
    std::size_t stepsLeg = 0;
    int stepsCount = 0;
    auto steps = [&](std::size_t i) {
        if (i != stepsLeg) {
            const double m =
                distanceM(unproject({path[i - 1].x - std::floor(path[i - 1].x), path[i - 1].y}),
                          unproject({path[i].x - std::floor(path[i].x), path[i].y}));
            stepsCount = std::max(1, static_cast<int>(std::ceil(m / kLandCheckStepM)));
            stepsLeg = i;
        }
        return stepsCount;
    };
    int repairs = 0;
    std::size_t i = 1;
    int k = 0; // the step within leg i to look at next
    while (i < path.size() && repairs < kMaxDetailedRepairs) {
        const int n = steps(i);
        if (k > n) {
            ++i;
            k = 0;
            continue;
        }
        const WorldPoint w = at(i, static_cast<double>(k) / n);
        if (const auto exit = openOceanExit(path[i - 1], at(i, 1.0), w)) {
            // No coast in this 1-degree tile: on to where the leg leaves it.
            k = std::max(k + 1, static_cast<int>(std::floor(*exit * n)));
            continue;
        }
        if (!detailedLandAt(w, from, to, portReachM)) {
            ++k;
            continue;
        }
        // Land at step k of leg i: back off along this leg, then walk on
        // until kDetailedMarginM of water lie behind the land.
        ++repairs;
        const int pad = static_cast<int>(std::ceil(kDetailedMarginM / kLandCheckStepM));
        const int k0 = std::max(0, k - pad);
        const WorldPoint u = at(i, static_cast<double>(k0) / n);
        std::size_t j = i;
        int kj = k;
        int water = 0;
        while (j < path.size() && water < pad) {
            const int nj = steps(j);
            if (kj > nj) {
                ++j;
                kj = 1; // step 0 is the last step of the leg before
                continue;
            }
            water = detailedLandAt(at(j, static_cast<double>(kj) / nj), from, to, portReachM)
                        ? 0
                        : water + 1;
            ++kj;
        }
        if (j >= path.size()) { // the route's end came first
            j = path.size() - 1;
            kj = steps(j) + 1;
        }
        const int nj = steps(j);
        const double tv = std::min(1.0, static_cast<double>(kj - 1) / nj);
        const WorldPoint v = at(j, tv);
        auto leg = gridPath(u, v, portReachM, GridKind::Detailed);
        if (!leg) {
            i = j; // leave this stretch as it is and look on after it
            k = kj;
            continue;
        }
        // Keep path[0 .. i-1], then u (unless it is path[i-1]), the new
        // stretch, v, then path[j ..] (unless v is path[j]).
        std::vector<WorldPoint> out(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(i));
        if (k0 > 0) {
            out.push_back(u);
        }
        const double shift = u.x - leg->points.front().x; // the copy of the world u is in
        for (std::size_t q = 1; q + 1 < leg->points.size(); ++q) {
            out.push_back({leg->points[q].x + shift, leg->points[q].y});
        }
        out.push_back({v.x, v.y});
        const std::size_t resume = out.size(); // the leg from v on is looked at next
        out.insert(out.end(), path.begin() + static_cast<std::ptrdiff_t>(tv < 1.0 ? j : j + 1),
                   path.end());
        path = std::move(out);
        stepsLeg = 0; // legs moved
        i = resume;
        k = 1;
    }
    return path;
}

Result<SeaRoute> SeaRouter::route(const model::LatLon& from, const model::LatLon& to,
                                  double portReachM) const
{
    const WorldPoint pa = project(from);
    auto coarse = gridPath(pa, project(to), portReachM, GridKind::Coarse);
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
        auto fine = gridPath(pa, path[k], portReachM, GridKind::NaturalEarth);
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
        auto fine = gridPath(path[k], pb, portReachM, GridKind::NaturalEarth);
        if (!fine) {
            return fine.error();
        }
        path.resize(k);
        path.insert(path.end(), fine->points.begin(), fine->points.end());
    }

    // At harbour scale, the detailed coast: each end on to the first point
    // of the path more than kHarbourRadiusM away, routed again on its grid.
    // Where that fails (no detailed coast there, an end too far inland), the
    // Natural Earth path stays.
    std::vector<WorldPoint> startLeg{path.front()};
    std::vector<WorldPoint> endLeg{path.back()};
    if (m_detailed) {
        auto beyond = [&](WorldPoint end, auto first, auto last) {
            return std::find_if(first, last,
                                [&](WorldPoint p) { return metres(end, p) > kHarbourRadiusM; });
        };
        const auto k =
            static_cast<std::size_t>(beyond(pa, path.begin(), path.end() - 1) - path.begin());
        if (auto leg = gridPath(pa, path[k], portReachM, GridKind::Detailed)) {
            leg->points.back() = path[k];
            startLeg = std::move(leg->points);
            path.erase(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(k));
        }
        if (path.size() > 1) {
            const auto j = path.size() - 1 -
                           static_cast<std::size_t>(beyond(pb, path.rbegin(), path.rend() - 1) -
                                                    path.rbegin());
            if (auto leg = gridPath(path[j], pb, portReachM, GridKind::Detailed)) {
                leg->points.front() = path[j];
                endLeg = std::move(leg->points);
                path.resize(j + 1);
            }
        }
    }

    // Pull the rest tight over Natural Earth. Steps between neighbouring
    // water cells never touch land, so a step that does is one of the few
    // from a port inland of the 10m coast to the water within its reach;
    // those are kept as they are.
    std::vector<WorldPoint> tight = startLeg;
    auto middle = pullTight(path, [&](WorldPoint a, WorldPoint b) { return crossesLand(a, b); });
    tight.insert(tight.end(), middle.begin() + 1, middle.end());
    if (endLeg.size() > 1) {
        tight.insert(tight.end(), endLeg.begin() + 1, endLeg.end());
    }
    if (m_detailed) {
        tight = aroundDetailedLand(std::move(tight), portReachM);
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
