#pragma once

// The NMEA 0183 checksum: the XOR of every character between the start
// ('!', '$' or a tag block's '\') and '*', written as two hex digits.
// Shared by the sentence parser and the tag block stamping.

#include <cstdint>
#include <cstring>
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
    // Eight bytes at a time, folded at the end: the XOR of all bytes is the
    // XOR of the words' bytes, whatever the byte order.
    std::uint64_t words = 0;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, text.data() + i, sizeof w);
        words ^= w;
    }
    words ^= words >> 32;
    words ^= words >> 16;
    words ^= words >> 8;
    unsigned sum = static_cast<unsigned>(words & 0xFF);
    for (; i < text.size(); ++i) {
        sum ^= static_cast<unsigned char>(text[i]);
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
