#pragma once

// Small figures over track points shared by the detectors.

#include "core/geo/geodesy.h"
#include "core/model/track_point.h"

#include <cstdint>
#include <span>

namespace wake::analysis {

inline constexpr double kMsPerHour = 3600.0 * 1000.0;

inline model::LatLon positionOf(const model::TrackPoint& p)
{
    return {p.latDeg, p.lonDeg};
}

inline double hoursBetween(std::int64_t fromUtcMs, std::int64_t toUtcMs)
{
    return static_cast<double>(toUtcMs - fromUtcMs) / kMsPerHour;
}

inline double distanceNm(const model::TrackPoint& a, const model::TrackPoint& b)
{
    return geo::distanceM(positionOf(a), positionOf(b)) / geo::kMetresPerNauticalMile;
}

// Speed in knots that moving from a to b implies. Two fixes at the same
// millisecond count as one second apart, so the result stays finite.
double impliedKnots(const model::TrackPoint& a, const model::TrackPoint& b);

// The fix's speed over ground when AIS gave one, else the speed implied from
// the fix before it (0 for the first fix of a track without SOG).
double speedKnots(std::span<const model::TrackPoint> track, std::size_t i);

// Distance along the track from fix `from` to fix `to` (indices, inclusive).
double pathNm(std::span<const model::TrackPoint> track, std::size_t from, std::size_t to);

// The value below which `percent` of the values lie (nearest rank); 0 when empty.
double percentile(std::vector<double> values, double percent);

} // namespace wake::analysis
