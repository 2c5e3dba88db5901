#pragma once

// Runs analysis for a command (wake analyze, and wake import after it has
// stored what it read): progress on standard error, Ctrl-C, what changed
// against the stored results, then keeps the new results unless asked not to.

#include "core/analysis/analyzer.h"
#include "core/analysis/rules.h"
#include "core/model/vessel.h"
#include "core/store/database.h"

#include <memory>
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

// The reference data analysis needs (ports, the coasts), loaded on another
// thread while the caller does something else first: an import gets it
// ready while it reads, instead of after (half a second of a short import).
class AnalysisReferenceLoader
{
public:
    AnalysisReferenceLoader();
    ~AnalysisReferenceLoader();
    AnalysisReferenceLoader(const AnalysisReferenceLoader&) = delete;
    AnalysisReferenceLoader& operator=(const AnalysisReferenceLoader&) = delete;
    // Waits for the load; the ports, or why they could not be read.
    Result<reference::PortIndex>& ports();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Returns the exit code: 0, 1 on failure, 130 when stopped by Ctrl-C. Takes
// the reference data from loader when one is given.
int analyseAndReport(store::Database& db, const AnalysisCommandOptions& options,
                     AnalysisReferenceLoader* loader = nullptr);

} // namespace wake::app
