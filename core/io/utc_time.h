#pragma once

// UTC calendar times to milliseconds since 1970 without the C library's time
// zone machinery (timegm is not portable, QDateTime is slow per row). Field
// ranges are checked; nothing here reads the clock.

#include <cstdint>
#include <optional>
#include <string_view>

namespace wake::io {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t daysFromCivil(int year, int month, int day);

std::optional<std::int64_t> utcMs(int year, int month, int day, int hour, int minute, int second,
                                  int millisecond = 0);

// "2017-12-01T00:00:01" or "2017-12-01 00:00:01", optional ".fff" and "Z".
std::optional<std::int64_t> parseIsoUtc(std::string_view text);
// "18/03/2023 00:00:00" (day first, as the Danish Maritime Authority writes it).
std::optional<std::int64_t> parseDayFirstUtc(std::string_view text);

} // namespace wake::io
