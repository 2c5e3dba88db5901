#pragma once

// Reachability for reported dark periods: a scenario says when a ship's AIS
// went off and came back on, not where it went. From the track's positions
// at those two times and a speed a source gives (the ship's service speed),
// the same envelope as for a detected AIS gap says where it could have been
// and which ports it could have called at. The result is a reconstruction
// and says so: transient AIS-gap events for the map and the card, never
// stored.

#include "core/geo/sea_route.h"
#include "core/model/event.h"
#include "core/model/track_point.h"
#include "core/reference/port_index.h"

#include <span>
#include <vector>

namespace wake::analysis {

// events: the vessel's, in time order; track: its positions of any provenance.
std::vector<model::Event> darkPeriodGaps(std::span<const model::Event> events,
                                         std::span<const model::TrackPoint> track,
                                         double speedKnots, const reference::PortIndex& ports,
                                         std::size_t maxListedPorts = 25,
                                         const geo::SeaRouter* sea = nullptr);

// The leading number of a fact value such as "12.5 kn"; nullopt when there is none.
std::optional<double> leadingNumber(const QString& text);

} // namespace wake::analysis
