// Reconstructed sea routes, checked against the 10m land with code of the
// test's own: a brute-force segment test over every land edge, and the
// shortest path on a finer lon/lat grid with 16 neighbours.

#include "core/geo/geodesy.h"
#include "core/geo/sea_route.h"
#include "core/geo/web_mercator.h"

#include <queue>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace {

using wake::geo::SeaRouter;
using wake::geo::WorldPoint;
using wake::model::LatLon;

struct Land
{
    std::vector<std::pair<WorldPoint, WorldPoint>> edges; // Mercator world units
};

const Land& land()
{
    static const Land l = [] {
        Land out;
        auto map = wake::geo::loadBuiltInBasemap(QStringLiteral("10m"));
        EXPECT_TRUE(map.ok());
        for (const auto& part : map->layer(wake::geo::BasemapLayer::Kind::Land)->parts) {
            for (std::size_t i = 0; i < part.size(); ++i) {
                const auto& a = part[i];
                const auto& b = part[(i + 1) % part.size()];
                out.edges.push_back({{a.x, a.y}, {b.x, b.y}});
            }
        }
        return out;
    }();
    return l;
}

// Natural Earth alone: these tests check the router against the 10m land;
// tests/core/geo/harbour_route_test.cpp checks its harbour legs on the detailed coast.
const SeaRouter& router()
{
    static SeaRouter r = [] {
        auto map = wake::geo::loadBuiltInBasemap(QStringLiteral("10m"));
        return SeaRouter(*map.value().layer(wake::geo::BasemapLayer::Kind::Land));
    }();
    return r;
}

// Where segment p1-p2 meets q1-q2, if it does (parametric, on p).
std::optional<double> intersection(WorldPoint p1, WorldPoint p2, WorldPoint q1, WorldPoint q2)
{
    const double rx = p2.x - p1.x, ry = p2.y - p1.y;
    const double sx = q2.x - q1.x, sy = q2.y - q1.y;
    const double denom = rx * sy - ry * sx;
    if (denom == 0) {
        return std::nullopt;
    }
    const double t = ((q1.x - p1.x) * sy - (q1.y - p1.y) * sx) / denom;
    const double u = ((q1.x - p1.x) * ry - (q1.y - p1.y) * rx) / denom;
    if (t < 0 || t > 1 || u < 0 || u > 1) {
        return std::nullopt;
    }
    return t;
}

// Every place where the route meets a land edge farther than reachM from both ends.
std::vector<LatLon> landCrossings(const std::vector<LatLon>& route, double reachM)
{
    std::vector<LatLon> out;
    for (std::size_t i = 1; i < route.size(); ++i) {
        const WorldPoint a = wake::geo::project(route[i - 1]);
        WorldPoint b = wake::geo::project(route[i]);
        b.x += std::round(a.x - b.x);
        for (const auto& [e1, e2] : land().edges) {
            for (int k = -1; k <= 1; ++k) {
                const WorldPoint q1{e1.x + k, e1.y}, q2{e2.x + k, e2.y};
                if (const auto t = intersection(a, b, q1, q2)) {
                    WorldPoint w{a.x + *t * (b.x - a.x), a.y + *t * (b.y - a.y)};
                    w.x -= std::floor(w.x);
                    const LatLon at = wake::geo::unproject(w);
                    if (wake::geo::distanceM(at, route.front()) > reachM &&
                        wake::geo::distanceM(at, route.back()) > reachM) {
                        out.push_back(at);
                    }
                }
            }
        }
    }
    return out;
}

// The shortest water path on a lon/lat grid of `stepDeg`, cells whose centre is
// not inside land (even-odd scanline over the land edges), 16 neighbours.
double fineGridShortestM(LatLon from, LatLon to, double stepDeg)
{
    const double west = std::min(from.lonDeg, to.lonDeg) - 6;
    const double east = std::max(from.lonDeg, to.lonDeg) + 6;
    const double south = std::min(from.latDeg, to.latDeg) - 6;
    const double north = std::max(from.latDeg, to.latDeg) + 6;
    const int cols = static_cast<int>((east - west) / stepDeg);
    const int rows = static_cast<int>((north - south) / stepDeg);
    std::vector<char> isLand(static_cast<std::size_t>(cols) * rows, 0);
    std::vector<std::vector<double>> crossings(rows);
    for (const auto& [e1, e2] : land().edges) {
        const LatLon a = wake::geo::unproject(e1);
        const LatLon b = wake::geo::unproject(e2);
        if (std::abs(a.lonDeg - b.lonDeg) > 180) {
            continue;
        }
        for (int r = 0; r < rows; ++r) {
            const double lat = south + (r + 0.5) * stepDeg;
            if ((a.latDeg <= lat) != (b.latDeg <= lat)) {
                crossings[r].push_back(a.lonDeg + (lat - a.latDeg) / (b.latDeg - a.latDeg) *
                                                      (b.lonDeg - a.lonDeg));
            }
        }
    }
    for (int r = 0; r < rows; ++r) {
        std::sort(crossings[r].begin(), crossings[r].end());
        for (std::size_t i = 0; i + 1 < crossings[r].size(); i += 2) {
            for (int c = 0; c < cols; ++c) {
                const double lon = west + (c + 0.5) * stepDeg;
                if (lon >= crossings[r][i] && lon <= crossings[r][i + 1]) {
                    isLand[static_cast<std::size_t>(r) * cols + c] = 1;
                }
            }
        }
    }
    auto centre = [&](int c, int r) {
        return LatLon{south + (r + 0.5) * stepDeg, west + (c + 0.5) * stepDeg};
    };
    auto nearestWater = [&](LatLon p) {
        double best = 1e18;
        int bi = -1;
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < cols; ++c) {
                if (!isLand[static_cast<std::size_t>(r) * cols + c]) {
                    const double d = wake::geo::distanceM(p, centre(c, r));
                    if (d < best) {
                        best = d;
                        bi = r * cols + c;
                    }
                }
            }
        }
        return std::make_pair(bi, best);
    };
    const auto [s, sd] = nearestWater(from);
    const auto [g, gd] = nearestWater(to);
    std::vector<double> dist(isLand.size(), 1e18);
    std::priority_queue<std::pair<double, int>, std::vector<std::pair<double, int>>, std::greater<>>
        open;
    dist[s] = 0;
    open.emplace(0, s);
    static const int moves[16][2] = {{1, 0},  {-1, 0},  {0, 1},  {0, -1}, {1, 1},  {1, -1},
                                     {-1, 1}, {-1, -1}, {2, 1},  {2, -1}, {-2, 1}, {-2, -1},
                                     {1, 2},  {1, -2},  {-1, 2}, {-1, -2}};
    while (!open.empty()) {
        const auto [d, i] = open.top();
        open.pop();
        if (i == g) {
            return d + sd + gd;
        }
        if (d > dist[i]) {
            continue;
        }
        const int c = i % cols, r = i / cols;
        for (const auto& m : moves) {
            const int nc = c + m[0], nr = r + m[1];
            if (nc < 0 || nr < 0 || nc >= cols || nr >= rows ||
                isLand[static_cast<std::size_t>(nr) * cols + nc]) {
                continue;
            }
            // Knight moves need both cells they pass beside to be water.
            if (std::abs(m[0]) + std::abs(m[1]) == 3 &&
                (isLand[static_cast<std::size_t>(r + m[1] / 2) * cols + c + m[0] / 2] ||
                 isLand[static_cast<std::size_t>(r + (m[1] - m[1] / 2)) * cols + c +
                        (m[0] - m[0] / 2)])) {
                continue;
            }
            const int ni = nr * cols + nc;
            const double nd = d + wake::geo::distanceM(centre(c, r), centre(nc, nr));
            if (nd < dist[ni]) {
                dist[ni] = nd;
                open.emplace(nd, ni);
            }
        }
    }
    return -1;
}

struct Leg
{
    const char* name;
    LatLon from;
    LatLon to;
};

const Leg kLegs[] = {
    {"Puerto Padre to Manzanillo International Terminal", {21.2, -76.6}, {9.363848, -79.88022}},
    {"Mariel to Puerto Padre", {23.0, -82.75}, {21.2, -76.6}},
    // From the canal's Atlantic entrance: the scenario reaches it from Gatun
    // Locks along the canal's own via-points.
    {"Panama Canal Atlantic entrance to Havana", {9.385, -79.918}, {23.1167, -82.35}},
    {"Havana to Mariel", {23.1167, -82.35}, {23.0, -82.75}},
};

class SeaRouteLegs : public ::testing::TestWithParam<Leg>
{};

} // namespace

TEST_P(SeaRouteLegs, StaysAtSeaAndIsNearTheShortestWaterPath)
{
    const Leg& leg = GetParam();
    const auto route = router().route(leg.from, leg.to);
    ASSERT_TRUE(route.ok()) << route.error().toString().toStdString();
    ASSERT_GE(route->points.size(), 2u);
    EXPECT_EQ(route->points.front(), leg.from);
    EXPECT_EQ(route->points.back(), leg.to);
    const auto crossings = landCrossings(route->points, SeaRouter::kDefaultPortReachM);
    EXPECT_TRUE(crossings.empty()) << leg.name << ": crosses land at " << crossings.front().latDeg
                                   << ", " << crossings.front().lonDeg;
    const double shortest = fineGridShortestM(leg.from, leg.to, 0.03);
    ASSERT_GT(shortest, 0) << leg.name;
    EXPECT_LE(route->lengthM, 1.15 * shortest) << leg.name;
    EXPECT_GE(route->lengthM, wake::geo::distanceM(leg.from, leg.to) - 1.0);
    RecordProperty("route_km", static_cast<int>(route->lengthM / 1000));
    RecordProperty("fine_grid_km", static_cast<int>(shortest / 1000));
}

INSTANTIATE_TEST_SUITE_P(Caribbean, SeaRouteLegs, ::testing::ValuesIn(kLegs));

TEST(SeaRoute, ColonToHavanaGoesRoundTheWesternTipOfCuba)
{
    const auto route = router().route({9.385, -79.918}, {23.1167, -82.35});
    ASSERT_TRUE(route.ok());
    const auto west =
        std::min_element(route->points.begin(), route->points.end(),
                         [](const LatLon& a, const LatLon& b) { return a.lonDeg < b.lonDeg; });
    EXPECT_LT(west->lonDeg, -84.5); // Cabo San Antonio is at 84.95 W
}

TEST(SeaRoute, PuertoPadreToColonPassesTheWindwardPassageSide)
{
    // Puerto Padre is on Cuba's north coast: the route rounds eastern Cuba.
    const auto route = router().route({21.2, -76.6}, {9.363848, -79.88022});
    ASSERT_TRUE(route.ok());
    const auto east =
        std::max_element(route->points.begin(), route->points.end(),
                         [](const LatLon& a, const LatLon& b) { return a.lonDeg < b.lonDeg; });
    EXPECT_GT(east->lonDeg, -74.6); // Punta de Maisí is at 74.13 W
}

TEST(SeaRoute, CrossesTheAntimeridianOverThePacific)
{
    const auto route = router().route({42.77, 133.05}, {8.9613962, -79.5631537});
    ASSERT_TRUE(route.ok()) << route.error().toString().toStdString();
    // No leg runs the long way round: every step is short in longitude.
    bool crossed = false;
    for (std::size_t i = 1; i < route->points.size(); ++i) {
        const double dLon = route->points[i].lonDeg - route->points[i - 1].lonDeg;
        crossed |= std::abs(dLon) > 180;
    }
    EXPECT_TRUE(crossed);
    EXPECT_LT(route->lengthM, 16'500'000.0); // the great circle is about 13,700 km
    EXPECT_TRUE(landCrossings(route->points, SeaRouter::kDefaultPortReachM).empty());
}

TEST(SeaRoute, SaysWhyWhenAnEndIsFarInland)
{
    const auto route = router().route({21.5, -78.5}, {9.363848, -79.88022}); // central Cuba
    ASSERT_FALSE(route.ok());
    EXPECT_TRUE(route.error().message.contains(QStringLiteral("open water")));
}
