#pragma once

// The AIS gap a live target leaves when it is lost and heard again.

#include "core/live/target_table.h"
#include "core/model/event.h"

namespace wake::live {

model::Event liveGapEvent(model::VesselId vesselId, const LiveTarget& heardAgain,
                          std::int64_t silenceFromUtcMs, std::int64_t intervalMs,
                          int lostIntervals);

} // namespace wake::live
