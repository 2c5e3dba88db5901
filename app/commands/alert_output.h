#pragma once

// How `wake watch` and `wake alerts` print an alert: one line of text, or
// one JSON object a line (--json). Both commands print the same alert the
// same way.

#include "core/watch/alert.h"

namespace wake::app {

void printAlert(const watch::Alert& alert, bool json);

} // namespace wake::app
