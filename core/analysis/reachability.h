#pragma once

// Where a ship could have been while its AIS was silent. Leaving fix A at tA
// and reaching fix B at tB at no more than speed v, the ship stayed where
// d(A, P) + d(P, B) <= v (tB - tA): an ellipse on the sphere with A and B as
// foci. The ports inside it are where it could have called unseen.
//
// The outline is found bearing by bearing from A: along a bearing, the
// distance r from A plus the distance on to B grows with r, so the edge is
// where it reaches the budget (found by bisection).

#include "core/geo/sea_route.h"
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

// Reference ports the ship could have called at, smallest detour first, at
// most limit (total: how many there are in all). With a sea router the way
// there and on is by sea (geo/sea_reach.h): a port behind a peninsula
// costs the way round it, and one inland (the Great Plains, the Yukon) is
// out of reach whatever the envelope. Without one, as the crow flies.
std::vector<PossibleCall> portsInside(const ReachabilityEnvelope& envelope,
                                      const reference::PortIndex& ports, std::size_t limit,
                                      const geo::SeaRouter* sea = nullptr,
                                      std::size_t* total = nullptr);

// An envelope that covers most of an ocean (a ship that could have sailed
// kVastEnvelopeNm and more) is no useful shape: it is said as "anywhere
// within N nm" (reachNm) and not drawn.
inline constexpr double kVastEnvelopeNm = 5000.0;
bool isVast(const ReachabilityEnvelope& envelope);
// How far from where it went quiet the ship could have been: half what it
// could sail beyond the direct way, plus half the direct way.
double reachNm(const ReachabilityEnvelope& envelope);

} // namespace wake::analysis
