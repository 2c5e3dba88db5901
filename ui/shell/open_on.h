#pragma once

// Opening the window on a vessel, at a time, framing a box (wake --vessel ID
// --time T --fit BOX): a link from the command line's output into the window.

#include "core/model/lat_lon.h"
#include "core/model/vessel.h"

#include <cstdint>
#include <optional>
#include <utility>

namespace wake::ui {

class MainWindow;

struct OpenOn
{
    std::optional<model::VesselId> vessel;
    std::optional<std::int64_t> timeUtcMs;
    std::optional<std::pair<model::LatLon, model::LatLon>> fit; // south-west, north-east
};

// Selects the vessel; once it is read and shown (the replay then starts at
// its first fix), moves the replay to the time and frames the box.
void openWindowOn(MainWindow& window, const OpenOn& on);

} // namespace wake::ui
