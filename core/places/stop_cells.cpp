#include "places/stop_cells.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

namespace wake::places {

namespace {

constexpr std::int64_t kColumns = 1LL << 32;

double columnDeg(std::int64_t row, double cellDeg)
{
    const double lat = -90.0 + (static_cast<double>(row) + 0.5) * cellDeg;
    return cellDeg / std::max(std::cos(lat * std::numbers::pi / 180.0), 0.01);
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

std::vector<StopCell> stopCells(std::span<const model::TrackPoint> track, const PlaceRules& rules)
{
    std::unordered_map<CellKey, StopCell> cells;
    const auto maxStepMs = static_cast<std::int64_t>(rules.maxStepMinutes * 60'000.0);
    for (std::size_t i = 1; i < track.size(); ++i) {
        if (knotsAt(track, i - 1) > rules.stationaryKnots ||
            knotsAt(track, i) > rules.stationaryKnots) {
            continue;
        }
        const CellKey key = cellOf({track[i - 1].latDeg, track[i - 1].lonDeg}, rules.cellDeg);
        StopCell& c = cells[key];
        if (c.stoppedMs == 0 && c.firstUtcMs == 0) {
            c.cell = key;
            c.firstUtcMs = track[i - 1].timeUtcMs;
        }
        c.stoppedMs += std::min(track[i].timeUtcMs - track[i - 1].timeUtcMs, maxStepMs);
        c.lastUtcMs = track[i].timeUtcMs;
    }
    const auto minMs = static_cast<std::int64_t>(rules.minStopMinutes * 60'000.0);
    std::vector<StopCell> out;
    for (const auto& [key, c] : cells) {
        if (c.stoppedMs >= minMs) {
            out.push_back(c);
        }
    }
    std::sort(out.begin(), out.end(),
              [](const StopCell& a, const StopCell& b) { return a.cell < b.cell; });
    return out;
}

} // namespace wake::places
