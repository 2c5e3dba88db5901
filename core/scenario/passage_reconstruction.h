#pragma once

// Where the ship went between two reported places, when nobody reported it:
// a sea route over water between them (geo::SeaRouter), and for the Panama
// Canal its channel (geo::panamaCanal). The points carry the provenance Reconstructed and
// times spread along the route at a constant speed between the reported
// times: the speed is an assumption and the app says so.

#include "core/geo/sea_route.h"
#include "core/model/track_point.h"

#include <span>
#include <vector>

namespace wake::scenario {

// The reconstructed points strictly between consecutive reported points (the
// reported points themselves are not returned). Legs the router cannot route
// stay a straight reconstructed line.
std::vector<model::TrackPoint> reconstructPassages(std::span<const model::TrackPoint> reported,
                                                   const geo::SeaRouter& router);

} // namespace wake::scenario
