#pragma once

// The database schema as an ordered list of migrations. Migration i brings
// PRAGMA user_version from i to i+1; each runs in its own transaction. Never
// edit a released migration: append a new one.

#include <QString>

#include <cstdint>
#include <vector>

namespace wake::store {

// PRAGMA application_id of every Wake database: "WAKE" in ASCII. It tells a
// Wake database from any other SQLite file.
inline constexpr std::int32_t kApplicationId = 0x57414B45;

const std::vector<QString>& migrations();
int currentSchemaVersion();

} // namespace wake::store
