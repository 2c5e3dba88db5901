#pragma once

// The end-of-run report of a decode or import, in words a user can act on:
// what was read, what was decoded, and each kind of rejection with the first
// line numbers where it happened.

#include "ais/rejection.h"

#include <QString>

namespace wake::ais {

// Several lines, each ending in '\n'.
QString formatDecodeStats(const DecodeStats& stats);

} // namespace wake::ais
