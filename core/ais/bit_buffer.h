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
#include <bit>
#include <cstdint>
#include <cstring>
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
    // Inline: the decoders read about 20 fields a message at constant
    // offsets, which the compiler folds once it sees this.
    std::uint32_t u(int start, int length) const
    {
        if (start < 0 || length <= 0 || length > 32 || start + length > m_bitCount) {
            m_overrun = true;
            return 0;
        }
        // Load the 8 bytes that hold the field (the buffer has slack after the
        // last bit) as one big-endian word, then cut the field out: one
        // unaligned load and a byte swap (the bytes are in sending order).
        std::uint64_t word = 0;
        std::memcpy(&word, m_bytes.data() + (start >> 3), sizeof word);
        if constexpr (std::endian::native == std::endian::little) {
            word = __builtin_bswap64(word);
        }
        const int shift = 64 - (start & 7) - length;
        return static_cast<std::uint32_t>((word >> shift) & ((std::uint64_t{1} << length) - 1));
    }
    // Two's complement signed field of up to 32 bits.
    std::int32_t s(int start, int length) const
    {
        const std::uint32_t raw = u(start, length);
        const std::uint32_t sign = std::uint32_t{1} << (length - 1);
        return static_cast<std::int32_t>((raw ^ sign) - sign);
    }
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
