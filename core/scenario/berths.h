#pragma once

// Where the scenario draws the ship at a port. A source reports the ship at
// a port or terminal on a date, and the place comes with a reference point,
// which for a terminal is often on its land (Manzanillo International
// Terminal's lies 250 m inland on the detailed coast). The berth is not
// reported; a ship at a terminal lies at its quay. So the reported position
// is drawn at the water's edge nearest the reference point, when there is
// water within reach, and the routes between ports run from quay to quay,
// on water end to end.

#include "core/geo/detailed_water.h"
#include "core/model/track_point.h"

#include <span>

namespace wake::scenario {

// How far from its reference point a port's quay may be.
inline constexpr double kMaxBerthM = 1500.0;

// The water nearest to `reference` within maxM (on rings 10 m apart), or
// `reference` itself when it is water or no water is that close.
model::LatLon berthNear(const model::LatLon& reference, const geo::DetailedWater& water,
                        double maxM = kMaxBerthM);

// Moves each reported point that stands on land to its berth.
void placeAtBerths(std::span<model::TrackPoint> reported, const geo::DetailedWater& water);

} // namespace wake::scenario
