#include "core/analysis/position_jumps.h"

#include "core/analysis/track_math.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace wake::analysis {

namespace {
// The longest run of consecutive bad fixes recognised as jumps.
constexpr std::size_t kMaxJumpRun = 3;
} // namespace

double credibleKnots(const model::TrackPoint& a, const model::TrackPoint& b, const JumpRules& rules)
{
    const double hours = (static_cast<double>(std::llabs(b.timeUtcMs - a.timeUtcMs)) +
                          rules.timePaddingMinutes * 60'000.0) /
                         kMsPerHour;
    const double metres =
        std::max(0.0, geo::distanceM(positionOf(a), positionOf(b)) - 2.0 * rules.positionErrorM);
    return metres / geo::kMetresPerNauticalMile / std::max(hours, 1.0 / 3600.0);
}

std::vector<PositionJump> findPositionJumps(std::span<const model::TrackPoint> track,
                                            const JumpRules& rules)
{
    std::vector<PositionJump> jumps;
    const std::size_t n = track.size();
    if (n < 3) {
        return jumps; // two fixes cannot say which of them is wrong
    }
    const double limit = rules.maxImpliedSpeedKnots;
    const auto implied = [&](const model::TrackPoint& a, const model::TrackPoint& b) {
        return credibleKnots(a, b, rules);
    };
    // The first fix: far from the second while the second agrees with the third.
    std::size_t accepted = 0;
    if (implied(track[0], track[1]) > limit && implied(track[1], track[2]) <= limit) {
        jumps.push_back({0, 0.0, implied(track[0], track[1])});
        accepted = 1;
    }
    std::optional<std::size_t> beforeAccepted;
    for (std::size_t i = accepted + 1; i < n; ++i) {
        const double fromPrevious = implied(track[accepted], track[i]);
        if (fromPrevious <= limit) {
            beforeAccepted = accepted;
            accepted = i;
            continue;
        }
        // Too far from the last good fix. If one of the next few fixes agrees
        // with that fix again, everything in between is off (a run of bad
        // fixes agrees with itself, so the next neighbour alone cannot tell).
        std::optional<std::size_t> backOnTrack;
        for (std::size_t j = i + 1; j < n && j <= i + kMaxJumpRun; ++j) {
            if (implied(track[accepted], track[j]) <= limit) {
                backOnTrack = j;
                break;
            }
        }
        if (backOnTrack) {
            for (std::size_t k = i; k < *backOnTrack; ++k) {
                const double toNext = implied(track[k], track[k + 1]);
                jumps.push_back({k, implied(track[accepted], track[k]), toNext});
            }
            i = *backOnTrack - 1; // the loop accepts backOnTrack next
            continue;
        }
        // The last fix: off while the last good fix agrees with the one before it.
        if (i + 1 == n && beforeAccepted &&
            implied(track[*beforeAccepted], track[accepted]) <= limit) {
            jumps.push_back({i, fromPrevious, 0.0});
            continue;
        }
        // Nothing ahead agrees with the last good fix: the ship is really
        // elsewhere now (or that fix was the bad one); go on from here.
        beforeAccepted = accepted;
        accepted = i;
    }
    return jumps;
}

std::vector<model::TrackPoint> withoutJumps(std::span<const model::TrackPoint> track,
                                            const std::vector<PositionJump>& jumps)
{
    std::vector<model::TrackPoint> clean;
    clean.reserve(track.size() - jumps.size());
    std::size_t j = 0;
    for (std::size_t i = 0; i < track.size(); ++i) {
        if (j < jumps.size() && jumps[j].index == i) {
            ++j;
            continue;
        }
        clean.push_back(track[i]);
    }
    return clean;
}

} // namespace wake::analysis
