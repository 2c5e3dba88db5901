#pragma once

// Figures about a track over a span of time, for the details panel: the
// distance run, the time with AIS off, and which of it rests on observed
// positions. Pure functions of the track, the events and the times given.

#include "core/model/event.h"
#include "core/model/track_point.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace wake::replay {

// AIS off until the next AIS on (or until endUtcMs when it never came back on),
// and each detected AIS gap, in time order.
std::vector<std::pair<std::int64_t, std::int64_t>> darkPeriods(std::span<const model::Event> events,
                                                               std::int64_t endUtcMs);

// Milliseconds of [fromUtcMs, toUtcMs] inside the periods.
std::int64_t overlapMs(const std::vector<std::pair<std::int64_t, std::int64_t>>& periods,
                       std::int64_t fromUtcMs, std::int64_t toUtcMs);

struct DistanceRun
{
    double totalNm = 0.0;
    // Of it, the part between two observed fixes; the rest is reported or
    // reconstructed (a drawn route, not a measured one).
    double observedNm = 0.0;
};

// Great-circle distance along the track from fromUtcMs to toUtcMs, with the
// positions at both ends interpolated on their segments.
DistanceRun distanceRun(std::span<const model::TrackPoint> track, std::int64_t fromUtcMs,
                        std::int64_t toUtcMs);

// The same, for many queries on one track (a replay asks on every tick):
// distances up to each fix are summed once, so each query is two samples and
// a subtraction. The track must outlive this.
class DistanceIndex
{
public:
    DistanceIndex() = default;
    explicit DistanceIndex(std::span<const model::TrackPoint> track);
    DistanceRun between(std::int64_t fromUtcMs, std::int64_t toUtcMs) const;

private:
    // Distance along the track from its first fix to the time.
    DistanceRun upTo(std::int64_t timeUtcMs) const;

    std::span<const model::TrackPoint> m_track;
    std::vector<DistanceRun> m_toFix; // from the first fix to fix i
};

} // namespace wake::replay
