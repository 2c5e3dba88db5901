#pragma once

// A vessel's behaviour over a span, in the terms analysts summarise a ship
// with ("no port calls in 12 months, 27 days dark, 55 meetings"): its port
// calls and their countries, days with AIS, time dark and the longest gap,
// its meetings and with whom (listed counterparts first), loitering, name and
// flag changes, and its list matches. Built from the stored events and fixes,
// so it agrees with the events table and the port-call ledger.

#include "core/investigate/port_calls.h"
#include "core/lists/list_matcher.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"
#include "core/util/result.h"

#include <QStringList>

#include <optional>
#include <span>
#include <vector>

namespace wake::store {
class Database;
}

namespace wake::investigate {

struct Meeting
{
    model::VesselId other = 0;
    QString otherName;
    int encounters = 0;
    bool listed = false;
};

struct VesselProfile
{
    model::Vessel vessel;
    std::int64_t fromUtcMs = 0;
    std::int64_t toUtcMs = 0;
    std::vector<PortCall> calls; // observed and reported (possible ones counted apart)
    int possibleCalls = 0;
    QStringList callCountries;    // ISO codes, in order of first call
    std::int64_t fixes = 0;       // observed AIS fixes
    std::int64_t otherPoints = 0; // reported places and reconstructions (a scenario's track)
    int daysWithAis = 0;          // UTC days with at least one observed fix
    std::int64_t darkMs = 0;      // AIS gaps and reported AIS-off periods
    std::int64_t longestDarkMs = 0;
    std::vector<Meeting> meetings; // listed counterparts first, then by count
    int loitering = 0;
    int nameChanges = 0;
    int flagChanges = 0;
    int identityConflicts = 0;
    std::vector<lists::ListMatch> listMatches;
};

// The whole track when from/to are not given.
Result<VesselProfile> buildProfile(store::Database& db, model::VesselId id,
                                   std::optional<std::int64_t> fromUtcMs,
                                   std::optional<std::int64_t> toUtcMs,
                                   const lists::ListMatcher& matcher);
// The same for a vessel and its fixes in the span already read (the window's
// selection reads them once for every panel).
Result<VesselProfile> buildProfile(store::Database& db, const model::Vessel& vessel,
                                   std::span<const model::TrackPoint> track,
                                   std::optional<std::int64_t> fromUtcMs,
                                   std::optional<std::int64_t> toUtcMs,
                                   const lists::ListMatcher& matcher);

} // namespace wake::investigate
