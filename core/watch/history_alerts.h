#pragma once

// The watch over the archive: the stored positions of every vessel, in time
// order, through the same engine the live watch runs (watch/watch_engine.h),
// so a recording replayed live and the store it left give the same alerts.
// The archive is read six hours at a time: memory stays bounded on a long
// one. What the store does not keep is not seen: static data is known from
// the start (live, a list match by IMO or name waits for the ship's static
// report), and an own ship must be named in the rules (ownShip.mmsi).

#include "core/lists/list_matcher.h"
#include "core/store/database.h"
#include "core/watch/alert.h"
#include "core/watch/watch_rules.h"

#include <functional>
#include <optional>

namespace wake::watch {

struct HistoryRun
{
    std::optional<std::int64_t> fromUtcMs; // none: the first stored position
    std::optional<std::int64_t> toUtcMs;   // none: the last
    std::int64_t positions = 0;            // read
    bool cancelled = false;
};

// Calls `alert` for each alert in time order. The matcher may be null.
Status runOverHistory(store::Database& db, const WatchRules& rules,
                      const lists::ListMatcher* matcher, HistoryRun& run,
                      const std::function<void(const Alert&)>& alert,
                      const std::function<bool()>& cancelled = {});

} // namespace wake::watch
