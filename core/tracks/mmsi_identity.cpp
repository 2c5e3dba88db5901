#include "core/tracks/mmsi_identity.h"

#include <string>

namespace wake::tracks {

namespace {

bool allSameDigit(const std::string& digits)
{
    return digits.size() > 1 && digits.find_first_not_of(digits.front()) == std::string::npos;
}

// 12345678, 123456789, 987654321: digits counting up or down by one.
bool countingDigits(const std::string& digits)
{
    if (digits.size() < 6) {
        return false;
    }
    bool up = true;
    bool down = true;
    for (std::size_t i = 1; i < digits.size(); ++i) {
        up = up && digits[i] == digits[i - 1] + 1;
        down = down && digits[i] == digits[i - 1] - 1;
    }
    return up || down;
}

} // namespace

MmsiProblem mmsiProblem(std::uint64_t mmsi, std::optional<bool> midIsAllocated)
{
    if (mmsi == 0) {
        return MmsiProblem::Zero;
    }
    if (mmsi > 999'999'999ULL) {
        return MmsiProblem::TooManyDigits;
    }
    if (mmsi == 1193046) { // 0x123456: shipped in many class B transponders
        return MmsiProblem::Default;
    }
    const std::string digits = std::to_string(mmsi);
    if (allSameDigit(digits) || countingDigits(digits)) {
        return MmsiProblem::TestNumber;
    }
    // A ship station (nine digits, MID first): the MID must name a flag. Other
    // forms (coast stations 00MID, groups 0MID, SAR 111MID, AtoN 99MID,
    // devices 97x) are valid numbers of another kind.
    const bool shipStation = digits.size() == 9 && digits.front() >= '2' && digits.front() <= '7';
    if (shipStation && midIsAllocated && !*midIsAllocated) {
        return MmsiProblem::NoValidMid;
    }
    // Nine digits from 1 are SAR aircraft (111MID...) or nothing.
    if (digits.size() == 9 && digits.front() == '1' && digits.compare(0, 3, "111") != 0) {
        return MmsiProblem::NoValidMid;
    }
    if (digits.size() < 9) {
        // Fewer than nine digits: leading zeros lost (coast stations 00MID,
        // groups 0MID) or a number typed in; neither names one ship.
        return MmsiProblem::NoValidMid;
    }
    return MmsiProblem::None;
}

QString describe(MmsiProblem problem)
{
    switch (problem) {
    case MmsiProblem::None:
        return {};
    case MmsiProblem::Zero:
        return QStringLiteral("no MMSI configured (0)");
    case MmsiProblem::Default:
        return QStringLiteral("a transponder maker's default MMSI");
    case MmsiProblem::TestNumber:
        return QStringLiteral("a test or placeholder MMSI");
    case MmsiProblem::NoValidMid:
        return QStringLiteral("an MMSI without a valid country code (MID)");
    case MmsiProblem::TooManyDigits:
        return QStringLiteral("an MMSI of more than nine digits");
    }
    return {};
}

} // namespace wake::tracks
