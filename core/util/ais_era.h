#pragma once

// The times a position can have: from 1970 (Unix time 0) to the end of
// 2099. AIS began in the 2000s, so anything outside is a broken clock or a
// hostile line, never a fix; the PostgreSQL archive partitions by day and
// has no partition for year 292,277,026,596 (it would refuse the whole
// batch). Every importer checks each line's time against this.

#include <cstdint>

namespace wake {

inline constexpr std::int64_t kEarliestFixUtcMs = 0;                   // 1970-01-01T00:00Z
inline constexpr std::int64_t kEndOfFixTimesUtcMs = 4'102'444'800'000; // 2100-01-01T00:00Z

inline constexpr bool isFixTime(std::int64_t utcMs)
{
    return utcMs >= kEarliestFixUtcMs && utcMs < kEndOfFixTimesUtcMs;
}

} // namespace wake
