#include "core/ais/bit_buffer.h"

#include <bit>
#include <cstring>

namespace wake::ais {

namespace {

// Armoured character to its six-bit value, or -1 for a character outside the
// two valid ranges.
constexpr int dearmourSlow(unsigned char c)
{
    if (c >= '0' && c <= 'W') {
        return c - '0';
    }
    if (c >= '`' && c <= 'w') {
        return c - '0' - 8;
    }
    return -1;
}

// The same as a table: one load per character instead of two range tests.
constexpr std::array<std::int8_t, 256> kDearmour = [] {
    std::array<std::int8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        t[static_cast<std::size_t>(c)] =
            static_cast<std::int8_t>(dearmourSlow(static_cast<unsigned char>(c)));
    }
    return t;
}();

inline int dearmour(unsigned char c)
{
    return kDearmour[c];
}

} // namespace

BitBuffer::Append BitBuffer::appendArmoured(std::string_view payload)
{
    if (m_bitCount + static_cast<int>(payload.size()) * 6 > kMaxBits) {
        return Append::TooLong;
    }
    // Fast path from a byte boundary: four characters make three bytes.
    std::size_t i = 0;
    if ((m_bitCount & 7) == 0) {
        for (; i + 4 <= payload.size(); i += 4) {
            const int a = dearmour(static_cast<unsigned char>(payload[i]));
            const int b = dearmour(static_cast<unsigned char>(payload[i + 1]));
            const int c = dearmour(static_cast<unsigned char>(payload[i + 2]));
            const int d = dearmour(static_cast<unsigned char>(payload[i + 3]));
            if ((a | b | c | d) < 0) {
                return Append::BadCharacter;
            }
            const unsigned word = (static_cast<unsigned>(a) << 18) |
                                  (static_cast<unsigned>(b) << 12) |
                                  (static_cast<unsigned>(c) << 6) | static_cast<unsigned>(d);
            const int byte = m_bitCount >> 3;
            m_bytes[byte] = static_cast<std::uint8_t>(word >> 16);
            m_bytes[byte + 1] = static_cast<std::uint8_t>(word >> 8);
            m_bytes[byte + 2] = static_cast<std::uint8_t>(word);
            m_bitCount += 24;
        }
    }
    for (const char ch : payload.substr(i)) {
        const int value = dearmour(static_cast<unsigned char>(ch));
        if (value < 0) {
            return Append::BadCharacter;
        }
        // Six bits land in at most two bytes.
        const int byte = m_bitCount >> 3;
        const int shift = m_bitCount & 7; // bits already used in that byte
        const unsigned widened = static_cast<unsigned>(value) << (10 - shift);
        m_bytes[byte] |= static_cast<std::uint8_t>(widened >> 8);
        m_bytes[byte + 1] |= static_cast<std::uint8_t>(widened & 0xFF);
        m_bitCount += 6;
    }
    return Append::Ok;
}

int BitBuffer::text(int start, int maxChars, char* out, Trim trim) const
{
    int n = 0;
    for (; n < maxChars && start + 6 * (n + 1) <= m_bitCount; ++n) {
        const char c = sixBitChar(u(start + 6 * n, 6));
        if (c == '@') {
            break;
        }
        out[n] = c;
    }
    while (trim == Trim::Yes && n > 0 && out[n - 1] == ' ') {
        --n;
    }
    return n;
}

} // namespace wake::ais
