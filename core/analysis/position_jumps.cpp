#include "analysis/position_jumps.h"

#include "analysis/track_math.h"

#include <optional>

namespace wake::analysis {

std::vector<PositionJump> findPositionJumps(std::span<const model::TrackPoint> track,
                                            const JumpRules& rules)
{
    std::vector<PositionJump> jumps;
    const std::size_t n = track.size();
    if (n < 3) {
        return jumps; // two fixes cannot say which of them is wrong
    }
    const double limit = rules.maxImpliedSpeedKnots;
    // The first fix: far from the second while the second agrees with the third.
    std::size_t accepted = 0;
    if (impliedKnots(track[0], track[1]) > limit && impliedKnots(track[1], track[2]) <= limit) {
        jumps.push_back({0, 0.0, impliedKnots(track[0], track[1])});
        accepted = 1;
    }
    std::optional<std::size_t> beforeAccepted;
    for (std::size_t i = accepted + 1; i < n; ++i) {
        const double fromPrevious = impliedKnots(track[accepted], track[i]);
        double toNext = 0.0;
        bool jump = false;
        if (i + 1 < n) {
            toNext = impliedKnots(track[i], track[i + 1]);
            jump = fromPrevious > limit && toNext > limit;
        } else {
            // The last fix: far from the accepted fix, which agrees with the one before it.
            jump = fromPrevious > limit && beforeAccepted &&
                   impliedKnots(track[*beforeAccepted], track[accepted]) <= limit;
        }
        if (jump) {
            jumps.push_back({i, fromPrevious, toNext});
            continue;
        }
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
