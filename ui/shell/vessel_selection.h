#pragma once

// Everything the window shows of the selected vessel, read once and shared
// by every panel: its identity and facts with their sources, the other
// vessels on its MMSI, its voyages (the default first) and what the map
// draws (its track, the traffic of its time, its events, the places).

#include "core/investigate/case_file.h"
#include "core/investigate/same_hull.h"
#include "core/lists/list_matcher.h"
#include "core/model/attribution.h"
#include "core/model/vessel.h"
#include "core/model/voyage.h"
#include "ui/map/map_scene.h"

#include <vector>

namespace wake::ui {

struct VesselSelection
{
    model::Vessel vessel;
    std::vector<model::Source> sources;          // cited by its facts and history
    std::vector<model::Vessel> sharing;          // other vessels on its MMSI (itself too)
    std::vector<investigate::SameHull> sameHull; // under another MMSI: its IMO, or a hand-over
    std::vector<model::Voyage> voyages;          // the default voyage first
    std::vector<lists::ListMatch> listMatches;   // the sanctions and watch lists it is on
    // Its behaviour over its whole track (investigate/profile_text.h), topic and text.
    std::vector<std::pair<QString, QString>> behaviour;
    std::vector<investigate::CaseNote> notes; // the case file's notes on it
    MapScene scene;                           // its track is the focus track

    const std::vector<model::TrackPoint>& track() const
    {
        static const std::vector<model::TrackPoint> kNone;
        return scene.focusTrack && *scene.focusTrack < scene.tracks.size()
                   ? scene.tracks[*scene.focusTrack].points
                   : kNone;
    }
    const std::vector<model::Event>& events() const { return scene.events; }
    bool hasTrack() const { return !track().empty(); }
};

} // namespace wake::ui
