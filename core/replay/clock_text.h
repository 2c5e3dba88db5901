#pragma once

// The replay clock's text. The sources of a reported voyage give dates, not
// hours: a clock that read "2013-07-08 20:00 UTC" between two reported ports
// would state an hour nobody reported. So the time of day is shown only when
// an AIS fix is behind the position shown (an observed segment); otherwise
// the date alone, with how the position is known. The window's clock and
// the video's burned-in clock both follow this one rule.

#include "core/replay/track_sampler.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace wake::replay {

enum class ClockStyle
{
    Window, // "Mon 8 Jul 2013  20:00 UTC", "Mon 8 Jul 2013  · reconstructed position, ..."
    Video,  // "2013-07-08 20:00 UTC", "2013-07-08"
};

// True when the state at a time has a time of day worth showing: it lies on
// a segment between AIS fixes.
bool hasTimeOfDay(const std::optional<VesselState>& state);

// The clock at timeUtcMs for the vessel state there (none: no vessel is
// shown at that time, and only the date is known).
QString clockText(std::int64_t timeUtcMs, const std::optional<VesselState>& state,
                  ClockStyle style);

} // namespace wake::replay
