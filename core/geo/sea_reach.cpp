#include "core/geo/sea_reach.h"

#include "core/geo/geodesy.h"
#include "core/geo/panama_canal.h"
#include "core/geo/sea_route.h"

#include <queue>

#include <cmath>
#include <limits>
#include <numbers>

namespace wake::geo {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// The Earth's circumference: metres per world unit at the equator.
constexpr double kEquatorM = 2.0 * std::numbers::pi * kEarthMeanRadiusM;

} // namespace

SeaReach::SeaReach(LandGrid grid, bool wraps) : m_grid(std::move(grid)), m_wraps(wraps)
{
    m_mpu.resize(static_cast<std::size_t>(m_grid.rows()));
    for (int r = 0; r < m_grid.rows(); ++r) {
        m_mpu[static_cast<std::size_t>(r)] =
            metresPerWorldUnit(unproject(m_grid.centre(0, r)).latDeg);
    }
    m_distanceM.assign(static_cast<std::size_t>(m_grid.cols()) * m_grid.rows(), kInf);
}

std::optional<SeaReach> SeaReach::from(const SeaRouter& router, const model::LatLon& from,
                                       double maxM, double snapM)
{
    if (!from.isValid()) {
        return std::nullopt;
    }
    // The box a ship can reach: maxM north and south (within the Mercator
    // world), and east and west as far as maxM goes at the box's highest
    // latitude; the whole world's width when that is further.
    const double degLat = (maxM + snapM) / (kEquatorM / 360.0);
    const double south = std::max(-85.0, from.latDeg - degLat);
    const double north = std::min(85.0, from.latDeg + degLat);
    const double widest = std::max(std::abs(south), std::abs(north));
    const double unitsX = (maxM + snapM) / (kEquatorM * std::max(0.05, std::cos(degToRad(widest))));
    const WorldPoint centre = project(from);
    const bool wraps = unitsX >= 0.5;
    const double x0 = wraps ? 0.0 : centre.x - unitsX;
    const double width = wraps ? 1.0 : 2.0 * unitsX;
    const double y0 = project({north, from.lonDeg}).y;
    const double height = project({south, from.lonDeg}).y - y0;
    // At most kMaxCells across, and no finer than kMinCellM: a night's gap
    // needs no harbour detail to tell which ports lie behind land.
    const double cell =
        std::max(std::max(width, height) / kMaxCells, kMinCellM / metresPerWorldUnit(from.latDeg));
    const int cols = std::max(1, static_cast<int>(std::ceil(width / cell)));
    const int rows = std::max(1, static_cast<int>(std::ceil(height / cell)));
    SeaReach reach(router.naturalEarthGrid(x0, y0, cell, cols, rows), wraps);
    reach.openPanamaCanal();
    const LandGrid& grid = reach.m_grid;

    // The nearest water cell to `from`, within snapM.
    const auto start = reach.cellOf(from);
    if (!start) {
        return std::nullopt;
    }
    const double startMpu = reach.metresPerUnitOfRow(start->second);
    // A harbour too narrow for the grid is land on it: its mouth is a cell
    // or two away, whatever snapM says.
    snapM = std::max(snapM, 2.5 * cell * startMpu);
    const int snapCells = static_cast<int>(std::ceil(snapM / (cell * startMpu))) + 1;
    std::optional<std::pair<int, int>> seed;
    double seedM = kInf;
    for (int r = start->second - snapCells; r <= start->second + snapCells; ++r) {
        for (int c = start->first - snapCells; c <= start->first + snapCells; ++c) {
            int cc = c;
            if (wraps) {
                cc = ((c % cols) + cols) % cols;
            }
            if (r < 0 || r >= rows || cc < 0 || cc >= cols || grid.land(cc, r)) {
                continue;
            }
            const WorldPoint q = grid.centre(c, r);
            const double m = std::hypot(q.x - centre.x, q.y - centre.y) * startMpu;
            if (m < seedM && m <= snapM) {
                seedM = m;
                seed = {cc, r};
            }
        }
    }
    if (!seed) {
        return std::nullopt;
    }
    reach.m_snapFromM = seedM;
    using Item = std::pair<double, std::int32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    const auto seedIndex = static_cast<std::int32_t>(grid.index(seed->first, seed->second));
    reach.m_distanceM[seedIndex] = seedM;
    open.emplace(seedM, seedIndex);
    while (!open.empty()) {
        const auto [d, current] = open.top();
        open.pop();
        if (d > reach.m_distanceM[current] || d > maxM) {
            continue;
        }
        const int c = current % cols;
        const int r = current / cols;
        for (int dr = -1; dr <= 1; ++dr) {
            for (int dc = -1; dc <= 1; ++dc) {
                int nc = c + dc;
                const int nr = r + dr;
                if ((dc == 0 && dr == 0) || nr < 0 || nr >= rows) {
                    continue;
                }
                if (wraps) {
                    nc = (nc + cols) % cols;
                } else if (nc < 0 || nc >= cols) {
                    continue;
                }
                if (grid.land(nc, nr)) {
                    continue;
                }
                // No cutting a land corner.
                const int sc = wraps ? (c + dc + cols) % cols : c + dc;
                if (dc != 0 && dr != 0 && (grid.land(sc, r) || grid.land(c, r + dr))) {
                    continue;
                }
                const double step = cell * std::hypot(dc, dr) * 0.5 *
                                    (reach.metresPerUnitOfRow(r) + reach.metresPerUnitOfRow(nr));
                const auto next = static_cast<std::int32_t>(grid.index(nc, nr));
                if (d + step < reach.m_distanceM[next]) {
                    reach.m_distanceM[next] = d + step;
                    open.emplace(d + step, next);
                }
            }
        }
    }
    return reach;
}

void SeaReach::openPanamaCanal()
{
    // Ships transit the canal (a day); Natural Earth draws the isthmus whole.
    // Its channel's cells are water, in steps of a quarter cell.
    const auto canal = panamaCanal();
    for (std::size_t i = 1; i < canal.size(); ++i) {
        const double metres = distanceM(canal[i - 1], canal[i]);
        const double cellM = m_grid.cell() * metresPerWorldUnit(canal[i].latDeg);
        const int steps = std::max(1, static_cast<int>(std::ceil(4.0 * metres / cellM)));
        for (int k = 0; k <= steps; ++k) {
            const double f = static_cast<double>(k) / steps;
            const model::LatLon p{canal[i - 1].latDeg + f * (canal[i].latDeg - canal[i - 1].latDeg),
                                  canal[i - 1].lonDeg +
                                      f * (canal[i].lonDeg - canal[i - 1].lonDeg)};
            if (const auto c = cellOf(p)) {
                m_grid.setCell(c->first, c->second, false);
            }
        }
    }
}

std::optional<std::pair<int, int>> SeaReach::cellOf(const model::LatLon& p) const
{
    WorldPoint w = project(p);
    if (m_wraps) {
        w.x -= std::floor(w.x);
    } else {
        // The copy of p nearest the grid's middle.
        const double mid = m_grid.x0() + 0.5 * m_grid.cols() * m_grid.cell();
        w.x += std::round(mid - w.x);
    }
    if (!m_grid.inBox(w)) {
        return std::nullopt;
    }
    return m_grid.cellOf(w);
}

double SeaReach::cellMetresAt(const model::LatLon& p) const
{
    return m_grid.cell() * metresPerWorldUnit(p.latDeg);
}

std::optional<double> SeaReach::to(const model::LatLon& p, double snapM) const
{
    const auto at = cellOf(p);
    if (!at) {
        return std::nullopt;
    }
    const auto [pc, pr] = *at;
    const int cols = m_grid.cols();
    const int rows = m_grid.rows();
    WorldPoint w = m_grid.centre(pc, pr);
    const double mpu = metresPerUnitOfRow(pr);
    // A port lies in a coast cell, which the grid makes land: its water is
    // a cell or two out.
    snapM = std::max(snapM, 2.5 * m_grid.cell() * mpu);
    const int snapCells = static_cast<int>(std::ceil(snapM / (m_grid.cell() * mpu))) + 1;
    // p itself in the grid's coordinates (its cell's centre is near enough
    // for the row; the exact point for the distance).
    WorldPoint exact = project(p);
    exact.x += std::round(w.x - exact.x);
    double best = kInf;
    for (int r = pr - snapCells; r <= pr + snapCells; ++r) {
        for (int c = pc - snapCells; c <= pc + snapCells; ++c) {
            int cc = c;
            if (m_wraps) {
                cc = ((c % cols) + cols) % cols;
            }
            if (r < 0 || r >= rows || cc < 0 || cc >= cols) {
                continue;
            }
            const double d = m_distanceM[m_grid.index(cc, r)];
            if (!std::isfinite(d)) {
                continue;
            }
            const WorldPoint q = m_grid.centre(c, r);
            const double m = std::hypot(q.x - exact.x, q.y - exact.y) * mpu;
            if (m <= snapM) {
                best = std::min(best, d + m);
            }
        }
    }
    if (!std::isfinite(best)) {
        return std::nullopt;
    }
    return best;
}

const SeaMask* SeaMask::shared(const SeaRouter& router)
{
    // One router in practice (SeaRouter::shared()): the first one asked
    // makes the mask.
    static const SeaMask mask(router.naturalEarthGrid(0.0, 0.0, 1.0 / kCells, kCells, kCells));
    return &mask;
}

bool SeaMask::nearSea(const model::LatLon& p, double withinM) const
{
    if (!p.isValid()) {
        return false;
    }
    WorldPoint w = project(p);
    w.x -= std::floor(w.x);
    if (!m_grid.inBox(w)) {
        return false;
    }
    const auto [pc, pr] = m_grid.cellOf(w);
    const double cellM = m_grid.cell() * metresPerWorldUnit(p.latDeg);
    const int reach = static_cast<int>(std::ceil(std::max(withinM, 1.5 * cellM) / cellM));
    for (int r = std::max(0, pr - reach); r <= std::min(m_grid.rows() - 1, pr + reach); ++r) {
        for (int dc = -reach; dc <= reach; ++dc) {
            const int c = ((pc + dc) % m_grid.cols() + m_grid.cols()) % m_grid.cols();
            if (!m_grid.land(c, r)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace wake::geo
