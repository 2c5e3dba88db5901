#include "core/ais/nmea_decoder.h"

#include "core/ais/message_decoder.h"

#include <cstdlib>
#include <cstring>

namespace wake::ais {

namespace {

// FNV-1a, 64 bits: enough to tell messages apart within a ten-second window.
// A 64-bit hash of the payload for the duplicate filter, eight bytes at a
// time with xxHash64's round and avalanche (a byte-at-a-time FNV was a tenth
// of decoding). Kept in memory only, so its values may change between
// versions.
std::uint64_t hashPayload(std::string_view payload, int fillBits)
{
    constexpr std::uint64_t kP1 = 11400714785074694791ull;
    constexpr std::uint64_t kP2 = 14029467366897019727ull;
    constexpr std::uint64_t kP3 = 1609587929392839161ull;
    const auto rotl = [](std::uint64_t x, int r) {
        return (x << r) | (x >> (64 - r));
    };
    std::uint64_t h = kP3 + payload.size() + static_cast<std::uint64_t>(fillBits) * kP1;
    std::size_t i = 0;
    for (; i + 8 <= payload.size(); i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, payload.data() + i, sizeof w);
        h ^= rotl(w * kP2, 31) * kP1;
        h = rotl(h, 27) * kP1 + kP2;
    }
    std::uint64_t tail = 0;
    if (i < payload.size()) {
        std::memcpy(&tail, payload.data() + i, payload.size() - i);
    }
    h ^= rotl(tail * kP2, 31) * kP1;
    h ^= h >> 33;
    h *= kP2;
    h ^= h >> 29;
    h *= kP3;
    h ^= h >> 32;
    return h;
}

} // namespace

void NmeaDecoder::takeGatehouseTime(const GatehouseTime& t)
{
    // The one read ahead and already given to its sentence is done.
    const bool used = m_usedGatehouse && m_usedGatehouse->timeUtcMs == t.timeUtcMs &&
                      m_usedGatehouse->sentenceChecksum == t.sentenceChecksum;
    m_usedGatehouse.reset();
    if (!used) {
        m_gatehouse = t;
        m_gatehouseLine = m_stats.lines;
    }
}

const DecodedMessage* NmeaDecoder::decodeLine(std::string_view line)
{
    ++m_stats.lines;
    // A Gatehouse time line (half the lines of such a log) holds no sentence:
    // it is taken without parsing it as one.
    if (line.starts_with("$PGHP,1,") && line.size() <= kMaxLineBytes &&
        line.find('!') == std::string_view::npos) {
        if (const auto t = gatehouseTime(line)) {
            ++m_stats.otherNmea;
            takeGatehouseTime(*t);
            return nullptr;
        }
    }
    ParsedLine parsed = parseLine(line);
    switch (parsed.kind) {
    case ParsedLine::Kind::NotNmea:
        ++m_stats.notNmea;
        return nullptr;
    case ParsedLine::Kind::OtherNmea:
        ++m_stats.otherNmea;
        if (const auto t = gatehouseTime(line)) {
            takeGatehouseTime(*t);
        }
        return nullptr;
    case ParsedLine::Kind::Rejected:
        reject(parsed.rejection, m_stats.lines);
        return nullptr;
    case ParsedLine::Kind::Ais:
        break;
    }
    ++m_stats.sentences;
    AisSentence& s = parsed.sentence;
    if (!s.tag.timeUtcMs) {
        // A Gatehouse time stamps the sentence next to it: the one whose
        // checksum it names (for a message in several sentences, the XOR of
        // theirs; 00 when the logger did not say), else the logger's time
        // after the checksum. A Gatehouse time a day off that one is not
        // this sentence's.
        const bool gatehouseFits =
            m_gatehouse && m_stats.lines - m_gatehouseLine <= 2 &&
            (m_gatehouse->sentenceChecksum <= 0 || m_gatehouse->sentenceChecksum == s.checksum ||
             (s.fragmentCount > 1 && s.fragmentNumber == 1)) &&
            (!s.trailingTimeUtcMs ||
             std::llabs(*s.trailingTimeUtcMs - m_gatehouse->timeUtcMs) < 86'400'000);
        if (gatehouseFits) {
            s.tag.timeUtcMs = m_gatehouse->timeUtcMs;
            m_usedGatehouse = m_gatehouse;
            m_gatehouse.reset();
        } else if (s.trailingTimeUtcMs) {
            s.tag.timeUtcMs = s.trailingTimeUtcMs;
        }
    }
    return decodeSentence(s);
}

const DecodedMessage* NmeaDecoder::decodeSentence(const AisSentence& s)
{
    const std::int64_t sourceSentence = countSourceSentence(s.tag.source);
    if (s.fragmentCount > 1) {
        return assemble(s, sourceSentence);
    }
    m_out.tagTimeUtcMs = s.tag.timeUtcMs;
    m_out.source.assign(s.tag.source);
    m_out.ownShip = s.ownShip;
    m_out.channel = s.channel;
    return finishMessage(s.payload, s.fillBits, m_stats.lines);
}

const DecodedMessage* NmeaDecoder::finishMessage(std::string_view payload, int fillBits,
                                                 std::int64_t firstLine)
{
    const std::int64_t line = m_stats.lines;
    m_bits.clear();
    switch (m_bits.appendArmoured(payload)) {
    case BitBuffer::Append::Ok:
        break;
    case BitBuffer::Append::BadCharacter:
        reject(Rejection::BadPayloadCharacter, line);
        return nullptr;
    case BitBuffer::Append::TooLong:
        reject(Rejection::WrongLength, line);
        return nullptr;
    }
    m_bits.dropBits(fillBits);
    m_out.message.header = {};
    if (const auto rejection = decodeMessage(m_bits, payload, fillBits, m_out.message)) {
        reject(*rejection, line);
        return nullptr;
    }
    m_out.line = line;
    m_out.firstLine = firstLine;
    m_out.payloadHash = hashPayload(payload, fillBits);
    ++m_stats.messages;
    const int type = m_out.message.header.type;
    if (type < static_cast<int>(m_stats.byType.size())) {
        ++m_stats.byType[static_cast<std::size_t>(type)];
    }
    if (!isSupportedType(type)) {
        ++m_stats.unsupported;
    }
    return &m_out;
}

NmeaDecoder::Pending* NmeaDecoder::findPending(const AisSentence& s, std::int64_t sourceSentence)
{
    for (Pending& p : m_pending) {
        if (!p.used || p.channel != s.channel || p.sequenceId != s.sequenceId ||
            p.fragmentCount != s.fragmentCount || p.formatter != s.formatter ||
            p.groupId != s.tag.groupId) {
            continue;
        }
        // NMEA 4.0 groups name the source and time on the first sentence
        // only; the group id links the rest.
        const bool grouped = s.tag.groupId.has_value();
        if (!grouped && p.source != s.tag.source) {
            continue;
        }
        const bool tooFar = grouped ? m_stats.lines - p.lastLine > kMaxGroupLineGap
                                    : sourceSentence - p.lastSourceSentence > kMaxLineGap;
        const bool tooLate = p.lastTimeUtcMs && s.tag.timeUtcMs &&
                             std::abs(*s.tag.timeUtcMs - *p.lastTimeUtcMs) > kMaxTimeGapMs;
        if (tooFar || tooLate) {
            dropPending(p);
            return nullptr;
        }
        return &p;
    }
    return nullptr;
}

std::int64_t NmeaDecoder::countSourceSentence(std::string_view source)
{
    for (SourceCount& c : m_sourceCounts) {
        if (c.source == source) {
            return ++c.sentences;
        }
    }
    // Bounded: a stream naming ever new sources restarts the counts; partial
    // messages then leave by slot reuse or by time.
    constexpr std::size_t kMaxSources = 256;
    if (m_sourceCounts.size() == kMaxSources) {
        m_sourceCounts.clear();
    }
    m_sourceCounts.push_back({std::string(source), 1});
    return 1;
}

void NmeaDecoder::dropPending(Pending& p)
{
    reject(Rejection::IncompleteMessage, p.firstLine);
    p.used = false;
}

const DecodedMessage* NmeaDecoder::assemble(const AisSentence& s, std::int64_t sourceSentence)
{
    const std::int64_t line = m_stats.lines;
    Pending* pending = findPending(s, sourceSentence);
    if (s.fragmentNumber == 1) {
        if (pending) {
            dropPending(*pending); // a new first fragment replaces the unfinished one
        } else {
            // A free slot, else the oldest partial message makes room.
            Pending* slot = &m_pending[0];
            for (Pending& p : m_pending) {
                if (!p.used) {
                    slot = &p;
                    break;
                }
                if (p.lastLine < slot->lastLine) {
                    slot = &p;
                }
            }
            if (slot->used) {
                dropPending(*slot);
            }
            pending = slot;
        }
        pending->used = true;
        pending->formatter.assign(s.formatter);
        pending->channel = s.channel;
        pending->sequenceId = s.sequenceId;
        pending->fragmentCount = s.fragmentCount;
        pending->nextFragment = 2;
        pending->firstLine = line;
        pending->lastLine = line;
        pending->lastSourceSentence = sourceSentence;
        pending->lastTimeUtcMs = s.tag.timeUtcMs;
        pending->groupId = s.tag.groupId;
        pending->payload.assign(s.payload);
        pending->tagTimeUtcMs = s.tag.timeUtcMs;
        pending->source.assign(s.tag.source);
        m_out.ownShip = s.ownShip;
        return nullptr;
    }
    if (!pending) {
        reject(Rejection::OrphanFragment, line);
        return nullptr;
    }
    if (s.fragmentNumber != pending->nextFragment) {
        // A repeated fragment leaves the message waiting; a skipped one breaks it.
        reject(Rejection::OrphanFragment, line);
        if (s.fragmentNumber > pending->nextFragment) {
            dropPending(*pending);
        }
        return nullptr;
    }
    if (pending->payload.size() + s.payload.size() > BitBuffer::kMaxBits / 6) {
        reject(Rejection::WrongLength, line);
        pending->used = false;
        return nullptr;
    }
    pending->payload.append(s.payload);
    pending->lastLine = line;
    pending->lastSourceSentence = sourceSentence;
    if (s.tag.timeUtcMs) {
        pending->lastTimeUtcMs = s.tag.timeUtcMs;
    }
    if (!pending->tagTimeUtcMs) {
        pending->tagTimeUtcMs = s.tag.timeUtcMs;
    }
    if (s.fragmentNumber < pending->fragmentCount) {
        ++pending->nextFragment;
        return nullptr;
    }
    pending->used = false;
    m_out.tagTimeUtcMs = pending->tagTimeUtcMs;
    m_out.source = pending->source;
    m_out.ownShip = s.ownShip;
    m_out.channel = s.channel;
    return finishMessage(pending->payload, s.fillBits, pending->firstLine);
}

void NmeaDecoder::expectGatehouseTime(const GatehouseTime& time)
{
    m_gatehouse = time;
    m_gatehouseLine = m_stats.lines; // the sentence read next is one line on
}

void NmeaDecoder::finish()
{
    for (Pending& p : m_pending) {
        if (p.used) {
            dropPending(p);
        }
    }
}

} // namespace wake::ais
