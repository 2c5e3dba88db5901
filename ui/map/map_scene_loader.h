#pragma once

// Builds what the map shows for one vessel from the database and the
// reference ports: its track, its positioned events, the scenario's places.

#include "core/store/database.h"
#include "core/util/result.h"
#include "ui/map/map_scene.h"

#include <optional>

namespace wake::reference {
class PortIndex;
}
namespace wake::lists {
class ListMatcher;
}

namespace wake::ui {

Result<MapScene> loadMapScene(store::Database& db, std::optional<model::VesselId> vesselId,
                              const reference::PortIndex* ports);
// The same for a vessel and its whole track already read. Ships on a list
// are marked; matcher, when given, is the one to check them with (else the
// database's lists are read).
Result<MapScene> loadMapScene(store::Database& db, const model::Vessel& vessel,
                              std::vector<model::TrackPoint> track,
                              const reference::PortIndex* ports,
                              const lists::ListMatcher* matcher = nullptr);

// The lat/lon box that frames a vessel's default voyage (or its whole track),
// south-west and north-east corners, with a margin of sea around it.
std::optional<std::pair<model::LatLon, model::LatLon>>
defaultVoyageBounds(store::Database& db, model::VesselId vesselId);

// The replay time a view of the vessel opens at: the first fix of its
// default voyage, or of its track. None when it has no track.
std::optional<std::int64_t> defaultReplayTime(store::Database& db, model::VesselId vesselId);

// The first and last fix of the vessel's default voyage (or of its whole
// track): what a replay video shows unless told otherwise.
std::optional<std::pair<std::int64_t, std::int64_t>> defaultVoyageSpan(store::Database& db,
                                                                       model::VesselId vesselId);

} // namespace wake::ui
