#pragma once

// The rules the user chose (Analysis > Rules...), kept in QSettings so the
// window and the command line analyse alike.

#include "core/analysis/rules.h"

namespace wake::analysis {

// The saved rules; the Global Fishing Watch preset when none were saved.
AnalysisRules loadSavedRules();
void saveRules(const AnalysisRules& rules);

} // namespace wake::analysis
