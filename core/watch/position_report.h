#pragma once

// One position report as the watch reads it: from a live message, or a
// stored fix of the archive (watch/history_alerts.h).

#include "core/model/vessel.h"

#include <cstdint>
#include <optional>

namespace wake::watch {

struct PositionReport
{
    std::int64_t timeUtcMs = 0;
    std::uint32_t mmsi = 0;
    model::VesselId vesselId = 0;
    double latDeg = 0.0;
    double lonDeg = 0.0;
    std::optional<double> sogKnots;
    std::optional<double> cogDeg;
    std::optional<int> navStatus;
    bool ownShip = false; // from a VDO sentence, or the rules' own-ship MMSI
};

} // namespace wake::watch
