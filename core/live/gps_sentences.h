#pragma once

// Own ship from an NMEA 0183 GPS (a serial port, gpsd's raw NMEA): RMC and
// GGA give the position, RMC and VTG the speed and course over ground, HDT
// the heading. Each valid RMC or GGA is a fix with the latest speed, course
// and heading; a sentence with a bad checksum, no fix (RMC status V, GGA
// quality 0) or a field out of range gives none and is counted.

#include "core/ais/messages.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace wake::live {

class GpsSentences
{
public:
    // One line, with or without a tag block before the '$'; the fix it
    // completes, if any.
    std::optional<ais::PositionFix> line(std::string_view line);

    // The c: time of the line's tag blocks (seconds, or milliseconds with
    // 13 digits): the last one before the sentence, the sender's where the
    // live stamp put its receive time in front.
    static std::optional<std::int64_t> tagTimeUtcMs(std::string_view line);

    std::int64_t fixes() const { return m_fixes; }
    std::int64_t rejected() const { return m_rejected; } // malformed or no fix
    std::int64_t ignored() const { return m_ignored; }   // other sentences

private:
    std::optional<double> m_sog;
    std::optional<double> m_cog;
    std::optional<int> m_heading;
    std::int64_t m_fixes = 0;
    std::int64_t m_rejected = 0;
    std::int64_t m_ignored = 0;
};

} // namespace wake::live
