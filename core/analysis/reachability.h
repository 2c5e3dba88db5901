#pragma once

// Where a ship could have been while its AIS was silent. Leaving fix A at tA
// and reaching fix B at tB at no more than speed v, the ship stayed where
// d(A, P) + d(P, B) <= v (tB - tA): an ellipse on the sphere with A and B as
// foci. The ports inside it are where it could have called unseen.
//
// The outline is found bearing by bearing from A: along a bearing, the
// distance r from A plus the distance on to B grows with r, so the edge is
// where it reaches the budget (found by bisection).

#include "core/model/lat_lon.h"
#include "core/reference/port_index.h"

#include <cstdint>
#include <vector>

namespace wake::analysis {

struct ReachabilityEnvelope
{
    model::LatLon from;
    model::LatLon to;
    double budgetM = 0.0; // the longest path the ship could have sailed
    bool contains(const model::LatLon& p) const;
};

ReachabilityEnvelope makeEnvelope(const model::LatLon& from, const model::LatLon& to,
                                  std::int64_t durationMs, double maxSpeedKnots);

// The outline as `vertices` points, closed by the caller, longitudes
// unwrapped from the first one (no jump at ±180°). Empty when the budget is
// shorter than the distance between the fixes (no path could connect them).
std::vector<model::LatLon> envelopeOutline(const ReachabilityEnvelope& envelope,
                                           int vertices = 120);

struct PossibleCall
{
    const model::Port* port = nullptr;
    double detourNm = 0.0; // the extra distance a call there costs over the direct path
};

// Reference ports inside the envelope, smallest detour first, at most limit.
std::vector<PossibleCall> portsInside(const ReachabilityEnvelope& envelope,
                                      const reference::PortIndex& ports, std::size_t limit);

} // namespace wake::analysis
