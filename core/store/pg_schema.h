#pragma once

// The PostgreSQL schema: the same tables and columns as the SQLite one
// (store/schema.h) so the store's SQL runs on both, with positions
// partitioned by UTC day (a B-tree on (vessel, time) in each partition, BRIN
// on time) and PostGIS views that QGIS opens directly. Versioned migrations,
// like SQLite's; the version lives in the meta table.

#include <QString>

#include <cstdint>
#include <vector>

namespace wake::store {

const std::vector<QString>& pgMigrations();
int currentPgSchemaVersion();

// One day of positions: its partition's name and bounds (UTC ms).
QString pgPartitionName(std::int64_t dayStartUtcMs);
constexpr std::int64_t kPgPartitionMs = 86'400'000;

} // namespace wake::store
