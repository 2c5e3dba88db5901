#pragma once

// Puts a scenario into a database, once. Installing the same scenario file again
// changes nothing; a changed file replaces what the previous one added (its
// events and reported positions), leaving imported data alone.

#include "core/scenario/scenario.h"
#include "core/store/database.h"
#include "core/util/result.h"

namespace wake::scenario {

struct InstallResult
{
    model::VesselId vesselId = 0;
    bool installed = false; // false: this version was already there
};

Result<InstallResult> installScenario(store::Database& db, const Scenario& scenario);

// Opens (creating when missing) the database at path and makes sure the
// built-in scenario is in it: the default database of the GUI and the CLI,
// and a new one made with the scenario asked for.
Result<store::Database> openWithBuiltInScenario(const QString& path);

// Opens (creating when missing) the database at path; the built-in scenario
// is brought up to date where it was installed before and left out of a
// database that never had it (a user's own file stays the user's).
Result<store::Database> openKeepingScenario(const QString& path);

} // namespace wake::scenario
