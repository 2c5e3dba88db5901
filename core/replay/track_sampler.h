#pragma once

// A vessel's state at any time, from its track alone: the position on the
// great circle between the fixes around that time, the course and speed that
// segment implies, and how we know it (observed, reported, reconstructed).
// Pure functions of the track and a time; the replay cursor and the map share them.

#include "core/model/lat_lon.h"
#include "core/model/track_point.h"

#include <cstdint>
#include <optional>
#include <span>

namespace wake::replay {

struct VesselState
{
    model::LatLon position;
    std::optional<double> courseDeg;        // over ground, from the segment; none when stationary
    std::optional<double> speedKnots;       // over ground, from the segment
    std::optional<std::int16_t> headingDeg; // only from an observed fix at that time
    std::optional<std::uint8_t> navStatus;  // the last fix's, when observed
    model::Provenance provenance = model::Provenance::Observed;
    // AIS was heard on this segment: both ends observed.
    bool aisOn = false;
    // Index of the last fix at or before the time (the segment's start).
    std::size_t fixIndex = 0;
    // The time of the last observed fix at or before the time, if any.
    std::optional<std::int64_t> lastObservedUtcMs;
};

// The state at timeUtcMs, or nothing before the first fix or after the last.
// Every segment is interpolated, however long: the state's provenance says
// how much that position is worth.
std::optional<VesselState> sampleTrack(std::span<const model::TrackPoint> track,
                                       std::int64_t timeUtcMs);

// Index of the last point at or before timeUtcMs, or nothing when the time is
// before the first point.
std::optional<std::size_t> lastFixAtOrBefore(std::span<const model::TrackPoint> track,
                                             std::int64_t timeUtcMs);

} // namespace wake::replay
