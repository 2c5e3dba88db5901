#pragma once

// The end-of-run report of a decode or import, in words a user can act on:
// what was read, what was decoded, and each kind of rejection with the first
// line numbers where it happened.

#include "core/ais/rejection.h"

#include <QString>

#include <string_view>

namespace wake::ais {

// Several lines, each ending in '\n'.
QString formatDecodeStats(const DecodeStats& stats);

// "    bad checksum: 14 (lines 3, 7, 9, 12, 20, ...)\n"
QString formatRejectionLine(std::string_view reason, const RejectionCount& count);

} // namespace wake::ais
