#include "tests/support/ais_sentence_writer.h"

#include <cmath>
#include <cstdio>

namespace wake::testing {

namespace {

class BitWriter
{
public:
    void put(std::int64_t value, int bits)
    {
        for (int i = bits - 1; i >= 0; --i) {
            m_bits.push_back(static_cast<bool>((static_cast<std::uint64_t>(value) >> i) & 1u));
        }
    }
    void putText(const std::string& text, int chars)
    {
        for (int i = 0; i < chars; ++i) {
            char c = i < static_cast<int>(text.size()) ? text[static_cast<std::size_t>(i)] : '@';
            if (c >= 'a' && c <= 'z') {
                c = static_cast<char>(c - 'a' + 'A');
            }
            const int code = c >= 64 ? c - 64 : c; // the 6-bit ASCII of M.1371 Table 47
            put(code & 0x3f, 6);
        }
    }
    std::size_t size() const { return m_bits.size(); }
    // Armoured payload and the fill bits it needed.
    std::string armour(int& fillBits) const
    {
        std::string out;
        fillBits = static_cast<int>((6 - m_bits.size() % 6) % 6);
        for (std::size_t i = 0; i < m_bits.size(); i += 6) {
            int v = 0;
            for (std::size_t k = 0; k < 6; ++k) {
                v = (v << 1) | (i + k < m_bits.size() && m_bits[i + k] ? 1 : 0);
            }
            out += static_cast<char>(v < 40 ? v + 48 : v + 56);
        }
        return out;
    }

private:
    std::vector<bool> m_bits;
};

std::string sentence(int count, int number, const std::string& sequence, char channel,
                     const std::string& payload, int fillBits)
{
    const std::string body = "AIVDM," + std::to_string(count) + "," + std::to_string(number) + "," +
                             sequence + "," + std::string(1, channel) + "," + payload + "," +
                             std::to_string(fillBits);
    return "!" + body + nmeaChecksum(body);
}

} // namespace

std::string nmeaChecksum(const std::string& body)
{
    unsigned sum = 0;
    for (const char c : body) {
        sum ^= static_cast<unsigned char>(c);
    }
    char hex[4];
    std::snprintf(hex, sizeof hex, "*%02X", sum);
    return hex;
}

std::string positionSentence(const PositionReport& r, char channel)
{
    BitWriter w;
    w.put(1, 6);
    w.put(0, 2);
    w.put(r.mmsi, 30);
    w.put(r.navStatus, 4);
    w.put(-128, 8); // rate of turn: not available
    w.put(std::lround(r.sogKnots * 10.0), 10);
    w.put(0, 1);
    w.put(std::lround(r.lonDeg * 600000.0), 28);
    w.put(std::lround(r.latDeg * 600000.0), 27);
    w.put(std::lround(r.cogDeg * 10.0), 12);
    w.put(r.headingDeg, 9);
    w.put(r.second, 6);
    w.put(0, 2);
    w.put(0, 3);
    w.put(0, 1);
    w.put(0, 19);
    int fill = 0;
    const std::string payload = w.armour(fill);
    return sentence(1, 1, "", channel, payload, fill);
}

std::vector<std::string> staticSentences(std::uint32_t mmsi, const std::string& name, int shipType,
                                         int sequenceId, char channel)
{
    BitWriter w;
    w.put(5, 6);
    w.put(0, 2);
    w.put(mmsi, 30);
    w.put(0, 2);      // AIS version
    w.put(0, 30);     // IMO
    w.putText("", 7); // call sign
    w.putText(name, 20);
    w.put(shipType, 8);
    w.put(100, 9); // to bow
    w.put(50, 9);  // to stern
    w.put(10, 6);  // to port
    w.put(10, 6);  // to starboard
    w.put(1, 4);   // GPS
    w.put(0, 4);   // ETA month
    w.put(0, 5);
    w.put(24, 5);
    w.put(60, 6);
    w.put(80, 8);      // draught 8.0 m
    w.putText("", 20); // destination
    w.put(0, 1);
    w.put(0, 1);
    int fill = 0;
    const std::string payload = w.armour(fill); // 424 bits: 71 characters, fill 2
    const std::string seq = std::to_string(sequenceId);
    return {sentence(2, 1, seq, channel, payload.substr(0, 60), 0),
            sentence(2, 2, seq, channel, payload.substr(60), fill)};
}

} // namespace wake::testing
