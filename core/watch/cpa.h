#pragma once

// Closest point of approach between own ship and a target, each on a
// straight course at its speed: where they will be nearest (CPA, nautical
// miles) and in how long (TCPA, minutes; negative when that moment has
// passed). Over the few miles and minutes an alarm looks at, a flat local
// plane at own ship's latitude is well within the accuracy of AIS positions
// (the same approach as OpenCPN's AIS decoder and AIS-catcher).

#include "core/model/lat_lon.h"

#include <optional>

namespace wake::watch {

struct Motion
{
    model::LatLon position;
    double sogKnots = 0.0;
    double cogDeg = 0.0;
};

struct Approach
{
    double rangeNm = 0.0;    // now
    double bearingDeg = 0.0; // of the target from own ship, now
    double cpaNm = 0.0;
    double tcpaMinutes = 0.0;
};

Approach closestApproach(const Motion& own, const Motion& target);

// A motion carried on by dead reckoning for a number of seconds.
Motion deadReckon(const Motion& m, double seconds);

} // namespace wake::watch
