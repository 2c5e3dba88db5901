// Traces the Panama Canal's channel along GSHHG's own water, for
// core/geo/panama_canal.cpp: the shortest water path on a 25 m grid of the
// detailed coast (geo::DetailedWater) from the Pacific entrance to the
// Atlantic entrance, with cells next to a bank costing four times as much so
// the line keeps off the banks where the channel allows, then thinned
// (Douglas-Peucker, 40 m) while every kept segment stays on water in the grid.
// Built with the tests (wake_trace_canal); prints the array's lines.

#include "core/geo/detailed_water.h"
#include "core/geo/web_mercator.h"

#include <queue>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

using namespace wake;

int main()
{
    constexpr double kCellM = 25.0;
    constexpr double kToleranceM = 40.0;
    const model::LatLon pacific{8.870, -79.520};
    const model::LatLon atlantic{9.390, -79.918};
    const auto water = geo::DetailedWater::shared();
    if (!water) {
        std::fprintf(stderr, "trace_canal: the detailed coast is not installed\n");
        return 1;
    }
    const geo::WorldPoint nw = geo::project({9.42, -79.96});
    const geo::WorldPoint se = geo::project({8.86, -79.50});
    const double cell = kCellM / geo::metresPerWorldUnit(9.14);
    const int cols = static_cast<int>((se.x - nw.x) / cell);
    const int rows = static_cast<int>((se.y - nw.y) / cell);
    auto built = water->landGrid(nw.x, nw.y, cell, cols, rows);
    if (!built) {
        std::fprintf(stderr, "trace_canal: %s\n", qPrintable(built.error().toString()));
        return 1;
    }
    const geo::LandGrid& g = *built;
    std::vector<char> bank(static_cast<std::size_t>(cols) * rows, 0);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            if (!g.land(c, r)) {
                continue;
            }
            for (int dr = -1; dr <= 1; ++dr) {
                for (int dc = -1; dc <= 1; ++dc) {
                    if (c + dc >= 0 && r + dr >= 0 && c + dc < cols && r + dr < rows) {
                        bank[g.index(c + dc, r + dr)] = 1;
                    }
                }
            }
        }
    }
    const auto [sc, sr] = g.cellOf(geo::project(pacific));
    const auto [gc, gr] = g.cellOf(geo::project(atlantic));
    const auto start = static_cast<int>(g.index(sc, sr));
    const auto goal = static_cast<int>(g.index(gc, gr));
    std::vector<double> cost(bank.size(), INFINITY);
    std::vector<int> parent(bank.size(), -1);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    cost[start] = 0;
    open.emplace(0, start);
    while (!open.empty()) {
        const auto [d, at] = open.top();
        open.pop();
        if (at == goal) {
            break;
        }
        if (d > cost[at]) {
            continue;
        }
        const int c = at % cols;
        const int r = at / cols;
        for (int dr = -1; dr <= 1; ++dr) {
            for (int dc = -1; dc <= 1; ++dc) {
                const int nc = c + dc;
                const int nr = r + dr;
                if ((dc == 0 && dr == 0) || nc < 0 || nr < 0 || nc >= cols || nr >= rows ||
                    g.land(nc, nr) ||
                    (dc != 0 && dr != 0 && (g.land(c + dc, r) || g.land(c, r + dr)))) {
                    continue;
                }
                const auto next = static_cast<int>(g.index(nc, nr));
                const double step = std::hypot(dc, dr) * (bank[next] ? 4.0 : 1.0);
                if (cost[at] + step < cost[next]) {
                    cost[next] = cost[at] + step;
                    parent[next] = at;
                    open.emplace(cost[next], next);
                }
            }
        }
    }
    if (parent[goal] < 0) {
        std::fprintf(stderr, "trace_canal: no water path through the canal\n");
        return 1;
    }
    std::vector<int> path;
    for (int at = goal; at >= 0; at = parent[at]) {
        path.push_back(at);
    }
    std::reverse(path.begin(), path.end());
    auto centre = [&](int at) {
        return g.centre(at % cols, at / cols);
    };
    std::vector<char> keep(path.size(), 0);
    keep.front() = keep.back() = 1;
    std::function<void(std::size_t, std::size_t)> thin = [&](std::size_t i, std::size_t j) {
        if (j <= i + 1) {
            return;
        }
        const geo::WorldPoint a = centre(path[i]);
        const geo::WorldPoint b = centre(path[j]);
        const double dx = b.x - a.x;
        const double dy = b.y - a.y;
        const double length = std::hypot(dx, dy);
        double worst = -1;
        std::size_t worstAt = i + 1;
        for (std::size_t k = i + 1; k < j; ++k) {
            const geo::WorldPoint p = centre(path[k]);
            const double off = std::abs((p.x - a.x) * dy - (p.y - a.y) * dx) / length;
            if (off > worst) {
                worst = off;
                worstAt = k;
            }
        }
        if (worst * geo::metresPerWorldUnit(9.14) > kToleranceM || !g.clearLine(a, b)) {
            keep[worstAt] = 1;
            thin(i, worstAt);
            thin(worstAt, j);
        }
    };
    thin(0, path.size() - 1);
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (keep[i]) {
            const model::LatLon p = geo::unproject(centre(path[i]));
            std::printf("    model::LatLon{%.5f, %.5f},\n", p.latDeg, p.lonDeg);
        }
    }
    return 0;
}
