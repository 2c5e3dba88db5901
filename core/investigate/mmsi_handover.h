#pragma once

// A hull that changes its MMSI (reflagged, reprogrammed) goes silent under
// one number and is heard under another where and when the first stopped.
// This finds such hand-overs between where tracks end and where others
// begin. It must not link two boats in a marina, one switched off as another
// switched on: the two ends must agree in place (the earlier one carried on
// at its last speed and course), in time, and in hull (the length, known on
// both; beam and ship type where both are known), and each end may match one
// other end only. Even then it is a possible
// link, said so, never a proof: the IMO number is that.

#include "core/model/track_point.h"
#include "core/model/vessel.h"

#include <cstdint>
#include <map>
#include <vector>

namespace wake::investigate {

struct HandoverRules
{
    std::int64_t maxSilenceMs = 30LL * 60 * 1000; // the later first heard at most this long after
    std::int64_t maxOverlapMs = 60LL * 1000;      // ... or at most this long before (clocks)
    double baseDistanceM = 500.0;         // allowed off the dead-reckoned run, plus a quarter of it
    double stationaryDistanceM = 50.0;    // allowed apart when neither was moving
    double stationaryKnots = 1.0;         // at or below: not moving
    double maxCourseDifferenceDeg = 30.0; // both moving: their courses agree
    double lengthToleranceM = 5.0;        // or 10 % of the length, the larger
    double beamToleranceM = 2.0;          // or 15 % of the beam, the larger
};

struct MmsiHandover
{
    model::VesselId earlier = 0; // its track ends here ...
    model::VesselId later = 0;   // ... and this one's begins
    std::int64_t silentMs = 0;   // from the earlier's last fix to the later's first
    double distanceM = 0.0;      // between those two fixes
    model::TrackPoint lastFix;   // the earlier's
    model::TrackPoint firstFix;  // the later's
};

// Whether two vessels could be one hull by what their static data says:
// different MMSIs, the same length (known on both), and the same beam and
// class of ship where both are known.
bool hullsAgree(const model::Vessel& a, const model::Vessel& b, const HandoverRules& rules = {});

// Whether a track that ended at lastFix and one that began at firstFix
// agree in time and place.
bool endsMeet(const model::TrackPoint& lastFix, const model::TrackPoint& firstFix,
              const HandoverRules& rules = {});

// The hand-overs among tracks ending at lastFixes and beginning at
// firstFixes (the vessels' first and last fixes, vesselId set), each end
// used at most once: a pair is kept only when neither end meets any other.
std::vector<MmsiHandover> findHandovers(const std::vector<model::TrackPoint>& lastFixes,
                                        const std::vector<model::TrackPoint>& firstFixes,
                                        const std::map<model::VesselId, model::Vessel>& vessels,
                                        const HandoverRules& rules = {});

} // namespace wake::investigate
