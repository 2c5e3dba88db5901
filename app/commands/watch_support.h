#pragma once

// What `wake watch` and `wake alerts` share: the rules file read with the
// store's kept areas and lists, and how an alert is printed (one line of
// text, or one JSON object a line with --json), the same by both.

#include "core/lists/list_matcher.h"
#include "core/store/database.h"
#include "core/watch/alert.h"
#include "core/watch/watch_rules.h"

#include <QString>

#include <optional>

namespace wake::app {

struct LoadedWatch
{
    watch::WatchRules rules;
    lists::ListMatcher matcher;
};

// The rules at path with the store's areas, and the loaded lists; nullopt
// with the error printed and the exit code (usage for bad rules) set.
std::optional<LoadedWatch> loadWatch(store::Database& db, const QString& path, int& exitCode);

void printAlert(const watch::Alert& alert, bool json);

} // namespace wake::app
