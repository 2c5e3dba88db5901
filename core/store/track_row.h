#pragma once

// How a position is kept on disk: latitude and longitude as whole numbers of
// 1e-7 degree (about 1 cm), speed and course as whole tenths (the resolution
// AIS sends them in), heading and status as they come. SQLite stores small
// integers in 1 to 4 bytes instead of 8 for a REAL, which takes a stored
// position from about 60 to about 35 bytes, and keeps every value AIS carries.

#include <cmath>
#include <cstdint>

namespace wake::store::track_row {

inline constexpr double kDegreeScale = 1e7;
inline constexpr double kTenthScale = 10.0;

inline std::int64_t degrees(double value)
{
    return std::llround(value * kDegreeScale);
}
inline double degrees(std::int64_t stored)
{
    return static_cast<double>(stored) / kDegreeScale;
}
inline std::int64_t tenths(float value)
{
    return std::llround(static_cast<double>(value) * kTenthScale);
}
inline float tenths(std::int64_t stored)
{
    return static_cast<float>(static_cast<double>(stored) / kTenthScale);
}

} // namespace wake::store::track_row
