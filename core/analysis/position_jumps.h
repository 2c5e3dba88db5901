#pragma once

// Position jumps: a fix that implies an impossible speed from both its
// neighbours (spoofing, jamming, a bad GPS). Jumps become position_jump
// events and are left out of every other detector.

#include "core/analysis/rules.h"
#include "core/model/track_point.h"

#include <span>
#include <vector>

namespace wake::analysis {

// A bound on what one track's jumps cost: the first this many become events
// of their own, the rest one event that counts them (a track of noise, or two
// ships on one MMSI, can make a jump of every fix).
inline constexpr std::size_t kMaxListedJumps = 200;

struct PositionJump
{
    std::size_t index = 0;        // in the track given
    double fromPreviousKnots = 0; // implied from the last accepted fix (0 for the first fix)
    double toNextKnots = 0;       // implied to the next fix (0 for the last fix)
};

// The speed moving from a to b implies once noise is allowed for: the time
// padded by rules.timePaddingMinutes, the distance less both fixes' error.
double credibleKnots(const model::TrackPoint& a, const model::TrackPoint& b,
                     const JumpRules& rules);

// Walks the track keeping the last accepted fix: a fix is a jump when the
// speed from that fix exceeds the limit and one of the next three fixes
// agrees with it again (so runs of up to three bad fixes are caught). A
// track's first or last fix has one neighbour: it is a jump when that speed
// exceeds the limit while its neighbour agrees with the fix beyond.
std::vector<PositionJump> findPositionJumps(std::span<const model::TrackPoint> track,
                                            const JumpRules& rules);

// The track without the jumps.
std::vector<model::TrackPoint> withoutJumps(std::span<const model::TrackPoint> track,
                                            const std::vector<PositionJump>& jumps);

} // namespace wake::analysis
