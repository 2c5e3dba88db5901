#pragma once

// The lists a database is checked against: the built-in OFAC SDN list of
// 3 May 2024 (shipped with Wake, read once) and every list imported into
// the store.

#include "core/lists/list_matcher.h"
#include "core/lists/watch_list.h"
#include "core/model/vessel.h"
#include "core/util/result.h"

#include <map>
#include <vector>

namespace wake::store {
class Database;
}

namespace wake::lists {

// The built-in list, read from the application's resources.
Result<WatchList> builtInList();
// The built-in list, then the store's lists by name.
Result<std::vector<WatchList>> loadedLists(store::Database& db);
// A matcher over loadedLists.
Result<ListMatcher> loadedMatcher(store::Database& db);
// The store's vessels that match a list, with their matches; the former
// names the importers heard count as former names.
Result<std::map<model::VesselId, std::vector<ListMatch>>>
matchStoredVessels(store::Database& db, const ListMatcher& matcher);

} // namespace wake::lists
