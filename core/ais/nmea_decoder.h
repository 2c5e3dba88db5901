#pragma once

// Streaming AIS decoder: feed it lines, get messages. Multi-part messages are
// assembled here; every line that does not yield a message is counted by
// reason in stats(). Nothing throws and memory stays bounded: at most
// kMaxPending partial messages are kept, and a partial message whose next
// fragment has not arrived within kMaxLineGap lines is dropped (counted as
// incomplete). Expiry is by line distance, not wall time, so a decode gives
// the same result however fast it runs.

#include "ais/bit_buffer.h"
#include "ais/messages.h"
#include "ais/nmea_sentence.h"
#include "ais/rejection.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wake::ais {

struct DecodedMessage
{
    Message message;
    std::int64_t line = 0;      // line number (1-based) of the last fragment
    std::int64_t firstLine = 0; // of the first fragment
    std::optional<std::int64_t> tagTimeUtcMs;
    std::string source; // tag block s:
    bool ownShip = false;
    char channel = 0;
};

class NmeaDecoder
{
public:
    static constexpr int kMaxPending = 16;
    static constexpr int kMaxLineGap = 100;

    // Decodes one line (with or without its line end). Returns the message the
    // line completes, valid until the next call; nullptr otherwise.
    const DecodedMessage* decodeLine(std::string_view line);
    // End of input: partial messages still waiting are counted as incomplete.
    void finish();

    const DecodeStats& stats() const { return m_stats; }
    std::int64_t lineNumber() const { return m_stats.lines; }

private:
    struct Pending
    {
        bool used = false;
        std::string formatter;
        char channel = 0;
        int sequenceId = -1;
        int fragmentCount = 0;
        int nextFragment = 0;
        std::int64_t firstLine = 0;
        std::int64_t lastLine = 0;
        std::string payload;
        std::optional<std::int64_t> tagTimeUtcMs;
        std::string source;
    };

    const DecodedMessage* decodeSentence(const AisSentence& s);
    const DecodedMessage* assemble(const AisSentence& s);
    const DecodedMessage* finishMessage(std::string_view payload, int fillBits,
                                        std::int64_t firstLine);
    Pending* findPending(const AisSentence& s);
    void dropPending(Pending& p);
    void expirePending();
    void reject(Rejection reason, std::int64_t line) { m_stats[reason].add(line); }

    DecodeStats m_stats;
    BitBuffer m_bits;
    DecodedMessage m_out;
    std::array<Pending, kMaxPending> m_pending;
};

} // namespace wake::ais
