#include "core/places/stop_cells.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

namespace wake::places {

namespace {

constexpr std::int64_t kColumns = 1LL << 32;

double columnDeg(std::int64_t row, double cellDeg)
{
    // A track stays in one row for many fixes: its cosine once per row.
    thread_local std::int64_t cachedRow = -1;
    thread_local double cachedCellDeg = 0.0;
    thread_local double cachedColumnDeg = 0.0;
    if (row != cachedRow || cellDeg != cachedCellDeg) {
        const double lat = -90.0 + (static_cast<double>(row) + 0.5) * cellDeg;
        cachedColumnDeg = cellDeg / std::max(std::cos(lat * std::numbers::pi / 180.0), 0.01);
        cachedRow = row;
        cachedCellDeg = cellDeg;
    }
    return cachedColumnDeg;
}

std::int64_t columnOf(double lonDeg, std::int64_t row, double cellDeg)
{
    return static_cast<std::int64_t>(std::floor((lonDeg + 180.0) / columnDeg(row, cellDeg)));
}

double knotsAt(std::span<const model::TrackPoint> track, std::size_t i)
{
    if (track[i].sogKnots) {
        return *track[i].sogKnots;
    }
    if (i == 0) {
        return 0.0;
    }
    const double hours =
        std::max<double>(static_cast<double>(track[i].timeUtcMs - track[i - 1].timeUtcMs), 1000.0) /
        3.6e6;
    const double dLat = (track[i].latDeg - track[i - 1].latDeg) * 60.0;
    const double dLon = (track[i].lonDeg - track[i - 1].lonDeg) * 60.0 *
                        std::cos(track[i].latDeg * std::numbers::pi / 180.0);
    return std::hypot(dLat, dLon) / hours;
}

} // namespace

CellKey cellOf(const model::LatLon& p, double cellDeg)
{
    const auto row = static_cast<std::int64_t>(std::floor((p.latDeg + 90.0) / cellDeg));
    return row * kColumns + columnOf(p.lonDeg, row, cellDeg);
}

model::LatLon cellCentre(CellKey key, double cellDeg)
{
    const std::int64_t row = key / kColumns;
    const std::int64_t col = key % kColumns;
    return {-90.0 + (static_cast<double>(row) + 0.5) * cellDeg,
            -180.0 + (static_cast<double>(col) + 0.5) * columnDeg(row, cellDeg)};
}

std::vector<CellKey> neighbourhood(CellKey key, double cellDeg)
{
    const std::int64_t row = key / kColumns;
    const std::int64_t col = key % kColumns;
    const double west = -180.0 + static_cast<double>(col - 1) * columnDeg(row, cellDeg);
    const double east = -180.0 + static_cast<double>(col + 2) * columnDeg(row, cellDeg);
    std::vector<CellKey> out;
    for (std::int64_t r = row - 1; r <= row + 1; ++r) {
        const std::int64_t first = columnOf(west + 1e-9, r, cellDeg);
        const std::int64_t last = columnOf(east - 1e-9, r, cellDeg);
        for (std::int64_t c = first; c <= last; ++c) {
            out.push_back(r * kColumns + c);
        }
    }
    return out;
}

namespace {

bool stationary(const model::TrackPoint& a, const model::TrackPoint& b, double limitKnots)
{
    const model::TrackPoint pair[2] = {a, b};
    return knotsAt(pair, 0) <= limitKnots && knotsAt(pair, 1) <= limitKnots;
}

void addStep(std::vector<StopCell>& cells, const model::TrackPoint& a, const model::TrackPoint& b,
             const PlaceRules& rules)
{
    const auto maxStepMs = static_cast<std::int64_t>(rules.maxStepMinutes * 60'000.0);
    const CellKey key = cellOf({a.latDeg, a.lonDeg}, rules.cellDeg);
    auto it =
        std::find_if(cells.begin(), cells.end(), [&](const StopCell& c) { return c.cell == key; });
    if (it == cells.end()) {
        cells.push_back({key, 0, a.timeUtcMs, a.timeUtcMs});
        it = cells.end() - 1;
    }
    it->stoppedMs += std::min(b.timeUtcMs - a.timeUtcMs, maxStepMs);
    it->lastUtcMs = b.timeUtcMs;
}

} // namespace

bool sameCellRules(const PlaceRules& a, const PlaceRules& b)
{
    return a.cellDeg == b.cellDeg && a.stationaryKnots == b.stationaryKnots &&
           a.minStopMinutes == b.minStopMinutes && a.maxStepMinutes == b.maxStepMinutes;
}

void StopCellAccumulator::add(model::VesselId vessel, const model::TrackPoint& fix)
{
    Vessel& v = m_vessels[vessel];
    if (v.hasLast && fix.timeUtcMs > v.last.timeUtcMs &&
        stationary(v.last, fix, m_rules.stationaryKnots)) {
        addStep(v.cells, v.last, fix, m_rules);
    }
    if (!v.hasLast || fix.timeUtcMs > v.last.timeUtcMs) {
        v.last = fix;
        v.hasLast = true;
    }
}

std::vector<std::pair<model::VesselId, StopCell>> StopCellAccumulator::cells() const
{
    const auto minMs = static_cast<std::int64_t>(m_rules.minStopMinutes * 60'000.0);
    std::vector<std::pair<model::VesselId, StopCell>> out;
    for (const auto& [id, v] : m_vessels) {
        for (const StopCell& c : v.cells) {
            if (c.stoppedMs >= minMs) {
                out.emplace_back(id, c);
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.cell < b.second.cell;
    });
    return out;
}

std::vector<StopCell> stopCells(std::span<const model::TrackPoint> track, const PlaceRules& rules)
{
    // The accumulator's own steps, so an import and a later analysis agree.
    std::vector<StopCell> cells;
    for (std::size_t i = 1; i < track.size(); ++i) {
        if (track[i].timeUtcMs > track[i - 1].timeUtcMs &&
            stationary(track[i - 1], track[i], rules.stationaryKnots)) {
            addStep(cells, track[i - 1], track[i], rules);
        }
    }
    const auto minMs = static_cast<std::int64_t>(rules.minStopMinutes * 60'000.0);
    std::erase_if(cells, [&](const StopCell& c) { return c.stoppedMs < minMs; });
    std::sort(cells.begin(), cells.end(),
              [](const StopCell& x, const StopCell& y) { return x.cell < y.cell; });
    return cells;
}

} // namespace wake::places
