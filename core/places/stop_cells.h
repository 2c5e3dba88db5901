#pragma once

// Where ships stop, as data: the time one vessel spent stationary in each
// cell of a grid of about 500 m. Learned places (learned_places.h) are the
// cells where several vessels did so, in the manner of Global Fishing
// Watch's anchorages (S2 cells of about 0.5 km where distinct vessels stay
// stationary).

#include "core/model/lat_lon.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"

#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

namespace wake::places {

struct PlaceRules
{
    // Cells about 550 m north-south and as wide east-west (GFW's anchorages
    // use S2 level-14 cells, 0.3-0.6 km across).
    double cellDeg = 0.005;
    // GFW anchorages: a vessel is stationary below 0.5 kn.
    double stationaryKnots = 0.5;
    // A vessel counts for a cell once it has been stationary there this long.
    double minStopMinutes = 30.0;
    // A silence between two stationary fixes counts at most this long (a
    // moored boat that stops transmitting is still moored, but for how long
    // is not known).
    double maxStepMinutes = 60.0;
    // A place: at least this many distinct vessels stopped within a cell and
    // its neighbours. Near the shore three are enough (a marina, a fleeting
    // area, a pier); out at sea three ships stopped together may be a
    // transfer, which must stay an encounter: there it takes five.
    int minVessels = 3;
    int minVesselsOffshore = 5;
    double nearShoreKm = 5.0;
    // A place reaches at most this far from its busiest cell (a harbour
    // basin, a marina, an anchorage; a coast of them is several places).
    double maxRadiusKm = 1.5;
};

using CellKey = std::int64_t;

// The grid: rows of cellDeg latitude, each cut into columns about as wide.
CellKey cellOf(const model::LatLon& p, double cellDeg);
model::LatLon cellCentre(CellKey key, double cellDeg);
// The cells around key (itself included): the row's neighbours and the
// columns of the rows above and below that overlap them.
std::vector<CellKey> neighbourhood(CellKey key, double cellDeg);

struct StopCell
{
    CellKey cell = 0;
    std::int64_t stoppedMs = 0;
    std::int64_t firstUtcMs = 0;
    std::int64_t lastUtcMs = 0;
};

// A vessel's stationary time per cell, cells with less than minStopMinutes
// left out. (A position jump is a single fix: it adds no stationary time.)
std::vector<StopCell> stopCells(std::span<const model::TrackPoint> track, const PlaceRules& rules);

// The same, fix by fix as an import reads them, for many vessels at once:
// what analysis need not read again for vessels the import saw whole.
class StopCellAccumulator
{
public:
    explicit StopCellAccumulator(PlaceRules rules = {}) : m_rules(rules) {}
    // Fixes of one vessel in time order (others are interleaved freely).
    void add(model::VesselId vessel, const model::TrackPoint& fix);
    void forget(model::VesselId vessel) { m_vessels.erase(vessel); }
    // Each vessel's cells with at least minStopMinutes.
    std::vector<std::pair<model::VesselId, StopCell>> cells() const;
    const PlaceRules& rules() const { return m_rules; }

private:
    struct Vessel
    {
        model::TrackPoint last;
        bool hasLast = false;
        std::vector<StopCell> cells; // few: a moored boat has one
    };
    PlaceRules m_rules;
    std::unordered_map<model::VesselId, Vessel> m_vessels;
};

// Cells computed the same way, with the same rules?
bool sameCellRules(const PlaceRules& a, const PlaceRules& b);

} // namespace wake::places
