#include "core/replay/track_sampler.h"

#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>

namespace wake::replay {

namespace {

// Below this a ship is not going anywhere and its course means nothing.
constexpr double kStationaryKnots = 0.2;

model::LatLon at(const model::TrackPoint& p)
{
    return {p.latDeg, p.lonDeg};
}

model::Provenance segmentProvenance(const model::TrackPoint& a, const model::TrackPoint& b)
{
    // The weaker end decides: a segment is only as known as its least known end.
    return static_cast<model::Provenance>(
        std::max(static_cast<int>(a.provenance), static_cast<int>(b.provenance)));
}

} // namespace

std::optional<std::size_t> lastFixAtOrBefore(std::span<const model::TrackPoint> track,
                                             std::int64_t timeUtcMs)
{
    const auto it = std::upper_bound(
        track.begin(), track.end(), timeUtcMs,
        [](std::int64_t t, const model::TrackPoint& p) { return t < p.timeUtcMs; });
    if (it == track.begin()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - track.begin()) - 1;
}

std::optional<VesselState> sampleTrack(std::span<const model::TrackPoint> track,
                                       std::int64_t timeUtcMs)
{
    const auto index = lastFixAtOrBefore(track, timeUtcMs);
    if (!index || (*index + 1 == track.size() && track[*index].timeUtcMs != timeUtcMs)) {
        return std::nullopt;
    }
    VesselState state;
    state.fixIndex = *index;
    for (std::size_t i = *index + 1; i-- > 0;) {
        if (track[i].provenance == model::Provenance::Observed) {
            state.lastObservedUtcMs = track[i].timeUtcMs;
            break;
        }
    }
    // The segment that holds the time; at the very last fix, the one before it.
    const std::size_t a = *index + 1 < track.size() ? *index : (*index > 0 ? *index - 1 : *index);
    const std::size_t b = std::min(a + 1, track.size() - 1);
    const model::TrackPoint& pa = track[a];
    const model::TrackPoint& pb = track[b];
    const double span = static_cast<double>(pb.timeUtcMs - pa.timeUtcMs);
    const double f = span > 0 ? std::clamp((timeUtcMs - pa.timeUtcMs) / span, 0.0, 1.0) : 1.0;
    state.position = a == b ? at(pa) : geo::interpolateGreatCircle(at(pa), at(pb), f);
    state.provenance = a == b ? pa.provenance : segmentProvenance(pa, pb);
    state.aisOn = a != b && pa.provenance == model::Provenance::Observed &&
                  pb.provenance == model::Provenance::Observed;
    if (a != b && span > 0) {
        const double metres = geo::distanceM(at(pa), at(pb));
        const double knots = metres / geo::kMetresPerNauticalMile / (span / 3'600'000.0);
        state.speedKnots = knots;
        if (knots >= kStationaryKnots) {
            // Bearing at the interpolated point towards the segment's end, so
            // the course turns along the great circle; at the end, from the start.
            state.courseDeg =
                f < 1.0 ? geo::initialBearingDeg(state.position, at(pb))
                        : std::fmod(geo::initialBearingDeg(at(pb), at(pa)) + 180.0, 360.0);
        }
    }
    const model::TrackPoint& fix = track[*index];
    if (fix.provenance == model::Provenance::Observed && fix.timeUtcMs == timeUtcMs) {
        state.headingDeg = fix.headingDeg;
    }
    if (fix.provenance == model::Provenance::Observed) {
        state.navStatus = fix.navStatus;
    }
    return state;
}

} // namespace wake::replay
