#pragma once

// The same hull under other MMSIs: vessels with its IMO number, and vessels
// whose track ended where and when its own began (or began where and when
// its own ended), a possible change of MMSI (investigate/mmsi_handover.h).

#include "core/investigate/mmsi_handover.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"
#include "core/store/database.h"
#include "core/util/result.h"

#include <optional>
#include <vector>

namespace wake::investigate {

struct SameHull
{
    model::Vessel other;
    // Set: linked by a hand-over (a possible link); unset: the same IMO number.
    std::optional<MmsiHandover> handover;
};

// The track's first and last fixes are the vessel's own (none: no track).
Result<std::vector<SameHull>> sameHullOf(store::Database& db, const model::Vessel& vessel,
                                         const std::optional<model::TrackPoint>& firstFix,
                                         const std::optional<model::TrackPoint>& lastFix,
                                         const HandoverRules& rules = {});

// Every hand-over among the tracks beginning or ending in [fromUtcMs,
// toUtcMs] (a fleet-wide check).
Result<std::vector<MmsiHandover>> handoversIn(store::Database& db, std::int64_t fromUtcMs,
                                              std::int64_t toUtcMs,
                                              const HandoverRules& rules = {});

} // namespace wake::investigate
