#pragma once

// The Panama Canal's channel from its Pacific entrance to its Atlantic
// entrance, for routes through it: GSHHG 2.3.7 at full resolution has the
// whole canal as water (the Culebra Cut, the locks' chambers and approaches,
// Gatún Lake), but too narrow for the sea router's coarse grid to find.
//
// The points were traced along GSHHG's own water (resources/tools/
// trace_canal.cpp): the shortest water path on a 25 m grid that keeps a cell
// off the banks where the channel allows, then thinned to within 40 m while
// every segment stays on water. Derived from GSHHG, LGPL-3.0-or-later.
// tests/core/panama_canal_test.cpp checks every segment against the coast.

#include "core/model/lat_lon.h"

#include <span>

namespace wake::geo {

std::span<const model::LatLon> panamaCanal();

} // namespace wake::geo
