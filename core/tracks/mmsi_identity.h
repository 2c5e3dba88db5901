#pragma once

// Whether an MMSI can stand for one ship. Transponders leave the factory
// with a default MMSI (1193046 is 0x123456), installers type test numbers
// (123456789, 111111111), and an MMSI without a valid MID belongs to no
// flag: several boats then transmit the same number at once. Such a number
// is "not a unique identity": its tracks are never chained into one vessel.

#include <QString>

#include <cstdint>
#include <optional>

namespace wake::tracks {

enum class MmsiProblem
{
    None,
    Zero,          // 0: no MMSI configured
    Default,       // a transponder maker's default (1193046 = 0x123456)
    TestNumber,    // 12345678, 123456789, 111111111, 999999999 ... (repeated or counting digits)
    NoValidMid,    // a ship station's first three digits are no ITU MID (201-775)
    TooManyDigits, // ten digits or more (only nine fit the ITU format)
};

// midIsAllocated: whether the MID (the first three digits of a ship
// station's nine) names a flag; empty when the caller has no MID table.
MmsiProblem mmsiProblem(std::uint64_t mmsi, std::optional<bool> midIsAllocated = {});

// "no MMSI (0)", "a transponder's default MMSI" ...; empty for None.
QString describe(MmsiProblem problem);

inline bool isUniqueIdentity(MmsiProblem p)
{
    return p == MmsiProblem::None;
}

} // namespace wake::tracks
