#pragma once

// One line of an AIS log, split into its parts without copying.
//
// Grammar (IEC 61162-1 / NMEA 0183 4.0), as receivers and archives write it:
//
//   [garbage][\tag block*hh\]!ccVDM,n,m,s,c,payload,f*hh[,receiver metadata][\r]
//
//   cc       talker: AI, AB, AN, AR, BS, SA, ... (any two characters)
//   VDM/VDO  other stations / own ship
//   n, m     fragment count (1-9) and this fragment's number (1-n)
//   s        sequential message id linking fragments (may be empty)
//   c        radio channel: A, B, 1, 2 or empty
//   f        fill bits at the end of the payload (0-5)
//   hh       XOR of every character between '!' and '*', in hex
//
// Tag block fields kept: c: (UNIX time in seconds, or milliseconds when it
// has 13 digits), s: (source) and the group id of g:. Example:
//
//   \s:rORBCOMM008,c:1418169601*37\!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24

#include "core/ais/rejection.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace wake::ais {

// Longer lines are not sentences (82 characters is the NMEA limit; archives
// add tag blocks and metadata, but never kilobytes).
inline constexpr std::size_t kMaxLineBytes = 1024;

struct TagBlock
{
    std::optional<std::int64_t> timeUtcMs;
    // A c: that is not a time from 1970 to 2100 ("c:9223372036854775807"):
    // the sentence is rejected, not stored without its time or with a wrong one.
    bool badTime = false;
    std::string_view source;
    // g: "sentence-count-group": fragments of one message share the group id.
    std::optional<int> groupId;
};

struct AisSentence
{
    std::string_view formatter; // "AIVDM", "BSVDO", ...
    bool ownShip = false;       // VDO
    // A Unix time a logger wrote after the checksum (trailingUnixTime).
    std::optional<std::int64_t> trailingTimeUtcMs;
    int checksum = -1;
    int fragmentCount = 1;
    int fragmentNumber = 1;
    int sequenceId = -1; // -1 when empty
    char channel = 0;    // 0 when empty
    std::string_view payload;
    int fillBits = 0;
    TagBlock tag;
};

struct ParsedLine
{
    enum class Kind
    {
        Ais,       // sentence is valid
        OtherNmea, // a valid-looking sentence that is not AIS, skipped
        NotNmea,   // blank, comment or garbage, skipped
        Rejected,  // an AIS sentence (or an over-long line) that is broken: see rejection
    };
    Kind kind = Kind::NotNmea;
    Rejection rejection = Rejection::BadFraming;
    AisSentence sentence;
};

ParsedLine parseLine(std::string_view line);
// Where the sentence ("!ccVDM," or "!ccVDO,") starts in a line, or npos; a
// tag block is the sentence's when it ends with the backslash just before.
std::size_t findAisStart(std::string_view line);

// The Unix time (seconds or milliseconds) a logger wrote after a sentence's
// checksum, as ",1327992119173"; nullopt for anything else.
std::optional<std::int64_t> trailingUnixTime(std::string_view afterChecksum);

// A Gatehouse "$PGHP,1,YYYY,M,D,h,m,s,ms,...,CS*hh" sentence (the Danish
// Maritime Authority's and exactEarth's feeds): the time of the AIS
// sentence whose checksum is CS, which stands right before or after it.
struct GatehouseTime
{
    std::int64_t timeUtcMs = 0;
    int sentenceChecksum = -1; // -1: not given
};
// nullopt for another line or a bad checksum.
std::optional<GatehouseTime> gatehouseTime(std::string_view line);
// The checksum an AIS line ends with (the two hex digits after '*'), or -1.
int sentenceChecksum(std::string_view line);

} // namespace wake::ais
