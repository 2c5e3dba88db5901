#pragma once

// A map scene prepared for drawing: everything projected once, tracks with
// their simplification levels. Immutable once made and shared by pointer, so
// the window can draw its buffered layers on a worker thread while the GUI
// thread hit-tests and paints the symbols.

#include "ui/map/gap_overlay.h"
#include "ui/map/map_scene.h"
#include "ui/map/track_levels.h"

#include <memory>
#include <optional>
#include <vector>

namespace wake::ui {

struct MapSceneData
{
    MapScene scene;
    std::vector<geo::WorldPoint> ports;
    std::vector<geo::WorldPoint> places;
    std::vector<geo::WorldPoint> learned;
    std::vector<std::optional<geo::WorldPoint>> events; // nullopt: not drawn
    std::vector<std::unique_ptr<TrackLevels>> tracks;   // longitudes unwrapped
    // Per track, the fixes a source reported (drawn as dots); AIS fixes are not.
    std::vector<std::vector<std::uint32_t>> reportedFixes;
    bool hasInferredSegments = false;
    std::vector<GapOverlay> gaps; // AIS gaps with their reachability envelopes
    // Encounters: from one ship to the other, in the middle of the meeting,
    // where the other ship's track is in the scene.
    std::vector<std::pair<geo::WorldPoint, geo::WorldPoint>> encounterLinks;
    // What each track is to the selection, and the order they are painted
    // in (the others first, the selected vessel's last, on top).
    enum class TrackRole
    {
        Selected,
        Partner, // met the selected vessel (an encounter event names it)
        Other,
    };
    std::vector<TrackRole> trackRoles;
    std::vector<std::size_t> trackPaintOrder;
};

std::shared_ptr<const MapSceneData> prepareMapScene(MapScene scene);

} // namespace wake::ui
