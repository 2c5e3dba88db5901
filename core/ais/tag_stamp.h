#pragma once

// Live lines are stamped before anything else sees them: a NMEA 4.0 tag
// block with the receive time (c:, in milliseconds, 13 digits) unless the
// line already carries a time, and the source (s:, the name of the Wake
// source, followed by "/" and the sender's own s: when it had one). The
// recorder writes the stamped line and the decoder reads it, so a recording
// re-imports to exactly the tracks stored live.

#include <cstdint>
#include <string>
#include <string_view>

namespace wake::ais {

struct StampedLine
{
    std::string text;
    bool senderTime = false; // the line had its own c: time, which was kept
};

// line without its line end; an existing tag block is merged.
StampedLine stampLine(std::string_view line, std::int64_t receiveUtcMs,
                      std::string_view sourceName);

} // namespace wake::ais
