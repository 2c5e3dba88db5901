#pragma once

// The bits of one AIS message, de-armoured from its 6-bit NMEA payload.
//
// Payload characters '0'..'W' and '`'..'w' carry six bits each (ITU-R M.1371,
// annex 8 / IEC 61162-1): subtract 48, and 8 more when the result is above 40.
// The last fragment's fill bits are dropped from the end. Every read is
// bounds-checked: a field that runs past the end reads as zero and marks the
// buffer overrun, so a decoder can reject the message instead of reading
// memory it does not own.

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace wake::ais {

class BitBuffer
{
public:
    // Long enough for the longest message (5 slots, 1,064 bits) with room to spare.
    static constexpr int kMaxBits = 2048;

    enum class Append
    {
        Ok,
        BadCharacter,
        TooLong,
    };

    void clear()
    {
        // Only the bytes the last message used (and the read slack after them) are dirty.
        const std::size_t used =
            std::min<std::size_t>(static_cast<std::size_t>(m_bitCount) / 8 + 9, m_bytes.size());
        std::fill_n(m_bytes.begin(), used, std::uint8_t{0});
        m_bitCount = 0;
        m_overrun = false;
    }

    // Appends armoured payload characters; the caller drops fill bits at the end.
    Append appendArmoured(std::string_view payload);
    // Drops the last n bits (fill bits, 0-5).
    void dropBits(int n) { m_bitCount = n < m_bitCount ? m_bitCount - n : 0; }

    int bitCount() const { return m_bitCount; }
    bool overrun() const { return m_overrun; }

    // Unsigned field of up to 32 bits starting at bit start (0 = first bit sent).
    std::uint32_t u(int start, int length) const;
    // Two's complement signed field of up to 32 bits.
    std::int32_t s(int start, int length) const;
    bool flag(int start) const { return u(start, 1) != 0; }

    // Six-bit text of up to maxChars characters, as gpsd reports it: stops at
    // the first '@' (the padding character) and at the end of the message,
    // then drops trailing spaces unless told not to. Writes into out (at least maxChars long) and
    // returns the length.
    enum class Trim
    {
        Yes,
        No
    };
    int text(int start, int maxChars, char* out, Trim trim = Trim::Yes) const;

    // Six-bit value to ASCII (the ITU table: '@', 'A'..'Z', '[', '\', ']', '^', '_', ' ', '!' ...).
    static char sixBitChar(std::uint32_t value)
    {
        return static_cast<char>(value < 32 ? value + 64 : value);
    }

private:
    // Zero-initialised bytes after the last bit let u() read 8 bytes at once.
    std::array<std::uint8_t, kMaxBits / 8 + 8> m_bytes{};
    int m_bitCount = 0;
    mutable bool m_overrun = false;
};

} // namespace wake::ais
