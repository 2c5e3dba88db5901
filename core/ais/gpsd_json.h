#pragma once

// Prints a decoded message as one line of gpsd JSON ("class":"AIS"), with
// gpsd's field names and order, as `gpsdecode -j` (scaled) or `gpsdecode -u -j`
// (raw integers) print it. Where Wake prints differently on purpose, the
// reason is next to the code; the golden tests list the same cases.

#include "core/ais/messages.h"

#include <string>
#include <string_view>

namespace wake::ais {

enum class JsonScale
{
    Scaled,   // degrees, knots, metres
    Unscaled, // the integers of the message
};

// Appends the JSON object and a newline to out. device is gpsd's "device"
// field (the input's name).
void appendGpsdJson(std::string& out, const Message& message, JsonScale scale,
                    std::string_view device = "stdin");

} // namespace wake::ais
