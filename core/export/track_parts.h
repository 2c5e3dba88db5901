#pragma once

// A track cut into the parts an export draws as separate lines: a new part
// after every AIS gap (the ship was not heard, so no line is drawn across the
// silence) and at the antimeridian, where the line is cut at +-180 degrees
// with a point on each side, interpolated and marked Reconstructed.

#include "core/model/event.h"
#include "core/model/track_point.h"

#include <span>
#include <vector>

namespace wake::exporting {

using TrackPart = std::vector<model::TrackPoint>;

// Longitude in [-180, 180).
double normalisedLongitude(double lonDeg);

// Gaps: the AIS gap and AIS-off events of the track's vessel; a part ends
// before a point when such an event starts at or after the previous point
// and before this one, and after any silence of kSilenceCutMs (the AIS gap
// rule's six hours: in port such a silence is no event, yet no line is known).
inline constexpr std::int64_t kSilenceCutMs = 6LL * 3600 * 1000;
std::vector<TrackPart> splitTrack(std::span<const model::TrackPoint> points,
                                  std::span<const model::Event> gaps);

} // namespace wake::exporting
