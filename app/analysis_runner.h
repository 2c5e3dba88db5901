#pragma once

// Runs analysis for a command (wake analyze, and wake import after it has
// stored what it read): progress on standard error, Ctrl-C, what changed
// against the stored results, then keeps the new results unless asked not to.

#include "analysis/analyzer.h"
#include "analysis/rules.h"
#include "model/vessel.h"
#include "store/database.h"

#include <vector>

namespace wake::app {

struct AnalysisCommandOptions
{
    analysis::AnalysisRules rules;
    std::vector<model::VesselId> vessels; // empty: all
    bool dryRun = false;                  // show what would change, store nothing
    bool listChanges = false;             // list each added and removed event
    analysis::KnownStops knownStops;      // from the import before, if any
};

// Returns the exit code: 0, 1 on failure, 130 when stopped by Ctrl-C.
int analyseAndReport(store::Database& db, const AnalysisCommandOptions& options);

} // namespace wake::app
