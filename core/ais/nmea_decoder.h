#pragma once

// Streaming AIS decoder: feed it lines, get messages. Multi-part messages are
// assembled here; every line that does not yield a message is counted by
// reason in stats(). Nothing throws and memory stays bounded: at most
// kMaxPending partial messages are kept.
//
// A receiver writes the fragments of one message together, so a fragment
// completes only a partial message from the same source (tag block s:)
// whose previous fragment came within kMaxLineGap sentences of that source
// or, for NMEA 4.0 groups (g:), one of the same group within
// kMaxGroupLineGap lines; and, when both carry a time, within kMaxTimeGapMs. Anything older is
// dropped (counted as incomplete) rather than completed by another message's fragment with the same
// sequence id, which would make a message with mixed fields. Expiry is by sentence count and
// stamped time, never by the wall clock, so a decode gives the same result however fast it runs
// (live sources stamp their receive time).

#include "core/ais/bit_buffer.h"
#include "core/ais/messages.h"
#include "core/ais/nmea_sentence.h"
#include "core/ais/rejection.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    // A hash of the armoured payload and fill bits: equal for the same
    // message heard twice (see ais/duplicate_filter.h).
    std::uint64_t payloadHash = 0;
};

class NmeaDecoder
{
public:
    static constexpr int kMaxPending = 16;
    static constexpr int kMaxLineGap = 8;
    static constexpr int kMaxGroupLineGap = 100; // g: ids tell messages apart
    static constexpr std::int64_t kMaxTimeGapMs = 2000;

    // Decodes one line (with or without its line end). Returns the message the
    // line completes, valid until the next call; nullptr otherwise.
    const DecodedMessage* decodeLine(std::string_view line);
    // A Gatehouse time read ahead of its sentence (a $PGHP line may follow
    // the sentence it stamps): the next sentence with that checksum takes it.
    void expectGatehouseTime(const GatehouseTime& time);
    // End of input: partial messages still waiting are counted as incomplete.
    void finish();

    const DecodeStats& stats() const { return m_stats; }
    std::int64_t lineNumber() const { return m_stats.lines; }

private:
    // A $PGHP time read: kept for the sentence it stamps.
    void takeGatehouseTime(const GatehouseTime& time);

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
        std::int64_t lastSourceSentence = 0; // the source's sentence count at the last fragment
        std::optional<std::int64_t> lastTimeUtcMs;
        std::optional<int> groupId;
        std::string payload;
        std::optional<std::int64_t> tagTimeUtcMs;
        std::string source;
    };

    const DecodedMessage* decodeSentence(const AisSentence& s);
    const DecodedMessage* assemble(const AisSentence& s, std::int64_t sourceSentence);
    const DecodedMessage* finishMessage(std::string_view payload, int fillBits,
                                        std::int64_t firstLine);
    // The partial message s continues; one too old for it is dropped.
    Pending* findPending(const AisSentence& s, std::int64_t sourceSentence);
    void dropPending(Pending& p);
    // Counts the sentence for its source and returns the count.
    std::int64_t countSourceSentence(std::string_view source);
    void reject(Rejection reason, std::int64_t line) { m_stats[reason].add(line); }

    DecodeStats m_stats;
    std::optional<GatehouseTime> m_gatehouse; // the last $PGHP time, for its sentence
    std::optional<GatehouseTime> m_usedGatehouse;
    std::int64_t m_gatehouseLine = 0;
    BitBuffer m_bits;
    DecodedMessage m_out;
    std::array<Pending, kMaxPending> m_pending;
    struct SourceCount
    {
        std::string source;
        std::int64_t sentences = 0;
    };
    std::vector<SourceCount> m_sourceCounts; // few: one per receiver in the stream
};

} // namespace wake::ais
