#pragma once

// What a replay of a vessel covers, and where it opens: pure rules of the
// track, the chosen voyage and the events, kept out of the window so they
// can be tested (and so a selection without a track has no span at all,
// instead of the panels keeping the one before).

#include "core/geo/lat_lon_box.h"
#include "core/model/event.h"
#include "core/model/track_point.h"
#include "core/model/voyage.h"

#include <cstdint>
#include <optional>
#include <span>

namespace wake::replay {

struct ReplaySpan
{
    std::int64_t startUtcMs = 0;
    std::int64_t endUtcMs = 0;
    // The time the replay opens at: the first fix inside the span, so a
    // replay never opens on "no position" when it has one to show.
    std::int64_t openUtcMs = 0;
};

// The whole track in whole UTC days (reported places carry only a date),
// or the voyage from its departure to its arrival, extended to a seizure
// within 30 days after the arrival (a voyage that ended in one is replayed
// to it). Nothing for an empty track.
std::optional<ReplaySpan> replaySpan(std::span<const model::TrackPoint> track,
                                     const model::Voyage* voyage,
                                     std::span<const model::Event> events);

// The map's frame for a replay: the fixes of the track within the span
// (all of it when none falls inside), with sea round them; across the
// antimeridian when that is the narrower way. F frames what is replayed,
// not always the default voyage.
std::optional<geo::LatLonBox> replayFrame(std::span<const model::TrackPoint> track,
                                          std::int64_t startUtcMs, std::int64_t endUtcMs);

} // namespace wake::replay
