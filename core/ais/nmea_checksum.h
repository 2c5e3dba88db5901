#pragma once

// The NMEA 0183 checksum: the XOR of every character between the start
// ('!', '$' or a tag block's '\') and '*', written as two hex digits.
// Shared by the sentence parser and the tag block stamping.

#include <string_view>

namespace wake::ais {

inline int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

inline unsigned xorOf(std::string_view text)
{
    unsigned sum = 0;
    for (const char c : text) {
        sum ^= static_cast<unsigned char>(c);
    }
    return sum;
}

// Whether "body*hh" (block ends with the star and two hex digits) checks out.
inline bool hasValidChecksum(std::string_view block)
{
    const std::size_t star = block.rfind('*');
    if (star == std::string_view::npos || star + 3 != block.size()) {
        return false;
    }
    const int hi = hexValue(block[star + 1]);
    const int lo = hexValue(block[star + 2]);
    return hi >= 0 && lo >= 0 &&
           xorOf(block.substr(0, star)) == static_cast<unsigned>(hi * 16 + lo);
}

} // namespace wake::ais
