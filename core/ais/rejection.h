#pragma once

// Why a line or message was not decoded, and the counts a decode or import
// reports at the end. Each reason keeps its first few line numbers so a user
// can look at the lines themselves.

#include <array>
#include <cstdint>
#include <string_view>

namespace wake::ais {

enum class Rejection : std::uint8_t
{
    LineTooLong,         // longer than any sentence could be; not parsed
    BadFraming,          // not the !xxVDM,n,m,s,c,payload,f*hh layout
    MissingChecksum,     // no "*hh" after the fill bits
    BadChecksum,         // checksum does not match the sentence
    BadFragment,         // fragment count or number out of range
    OrphanFragment,      // a later fragment with no first fragment before it
    IncompleteMessage,   // fragments never completed (expired, replaced or end of input)
    BadPayloadCharacter, // a payload character outside the 6-bit armour
    EmptyPayload,        // no payload bits at all
    WrongLength,         // bit count outside what the message type allows
    UnknownPart,         // type 24 with a part number other than A or B
    UnknownType,         // a message type ITU-R M.1371 does not define (0, above 27)
    BadTime,             // a tag block time (c:) that is not a time from 1970 to 2100
    Count
};

inline constexpr int kRejectionCount = static_cast<int>(Rejection::Count);

// A short English name, as printed in summaries ("bad checksum").
std::string_view describe(Rejection reason);
// A stable key for JSON summaries ("bad_checksum").
std::string_view key(Rejection reason);

struct RejectionCount
{
    static constexpr int kExampleLines = 5;
    std::int64_t count = 0;
    std::array<std::int64_t, kExampleLines> exampleLines{};

    void add(std::int64_t line)
    {
        if (count < kExampleLines) {
            exampleLines[static_cast<std::size_t>(count)] = line;
        }
        ++count;
    }
};

struct DecodeStats
{
    std::int64_t lines = 0;
    std::int64_t sentences = 0;   // AIS sentences that passed framing and checksum
    std::int64_t messages = 0;    // messages decoded (supported and unsupported types)
    std::int64_t unsupported = 0; // of those, types Wake keeps as raw payload
    std::int64_t otherNmea = 0;   // other NMEA sentences ($GPGGA, $PGHP, ...), skipped
    std::int64_t notNmea = 0;     // blank, comment and other non-NMEA lines, skipped
    // Messages heard again within ais::DuplicateFilter::kWindowMs (streams
    // whose lines name their source), kept once.
    std::int64_t duplicates = 0;
    std::array<std::int64_t, 28> byType{};
    std::array<RejectionCount, kRejectionCount> rejections{};

    RejectionCount& operator[](Rejection r) { return rejections[static_cast<std::size_t>(r)]; }
    const RejectionCount& operator[](Rejection r) const
    {
        return rejections[static_cast<std::size_t>(r)];
    }
    std::int64_t rejected() const
    {
        std::int64_t n = 0;
        for (const auto& r : rejections) {
            n += r.count;
        }
        return n;
    }
    void merge(const DecodeStats& other);
};

} // namespace wake::ais
