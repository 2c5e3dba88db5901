#pragma once

// The map benchmark's fleet: 1,000 vessels with 10,000 AIS-like fixes each
// (10 million points), stored in a SQLite database and read back through the
// store, as the window would. Made once and kept next to the benchmark
// (WAKE_BENCH_FLEET_DB overrides the path), because writing 10 million rows
// takes longer than the frames it serves.

#include "ui/map/map_scene.h"

#include <QString>

#include <cstdint>

namespace wake::bench {

inline constexpr int kFleetVessels = 1000;
inline constexpr int kFleetPointsPerVessel = 10000;
// Replay time for the frames: every vessel is under way then.
inline constexpr std::int64_t kFleetStartUtcMs = 1'373'000'000'000; // July 2013
inline constexpr std::int64_t kFleetStepMs = 60'000;                // one fix a minute

struct Fleet
{
    ui::MapScene scene;
    std::int64_t replayTimeUtcMs = 0;
    double loadSeconds = 0; // reading the tracks from the store
};

// Builds the database when it is missing, then loads the scene from it.
Fleet loadFleet();

} // namespace wake::bench
