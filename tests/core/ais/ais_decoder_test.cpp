// The AIS decoder on its own: framing, fragments, not-available values and
// bad input. Every bad line must be counted under its reason, and the valid
// lines around it must still decode.

#include "core/ais/nmea_decoder.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace wake::ais {
namespace {

// Real sentences from the shared corpora (gpsd sample.aivdm, libais tagblock.nmea).
const std::string kType1 = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
const std::string kType5a =
    "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
const std::string kType5b = "!AIVDM,2,2,1,A,88888888880,2*25";
const std::string kTagged = "\\g:1-2-1604,s:rORBCOMM008,c:1418169601,T:2014-12-10 00.00.01*37\\"
                            "!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24";

struct DecodeRun
{
    std::vector<DecodedMessage> messages;
    DecodeStats stats;
};

DecodeRun decodeAll(const std::vector<std::string>& lines)
{
    DecodeRun run;
    NmeaDecoder decoder;
    for (const std::string& line : lines) {
        if (const DecodedMessage* m = decoder.decodeLine(line)) {
            run.messages.push_back(*m);
        }
    }
    decoder.finish();
    run.stats = decoder.stats();
    return run;
}

std::int64_t count(const DecodeRun& run, Rejection r)
{
    return run.stats[r].count;
}

// Rewrites the checksum so an edited sentence is still well formed.
std::string withChecksum(std::string body)
{
    unsigned sum = 0;
    for (const char c : body.substr(1)) {
        sum ^= static_cast<unsigned char>(c);
    }
    char hex[4];
    std::snprintf(hex, sizeof hex, "*%02X", sum);
    return body + hex;
}

TEST(AisDecoder, DecodesAPositionReportWithNotAvailableValues)
{
    const DecodeRun run = decodeAll({kType1});
    ASSERT_EQ(run.messages.size(), 1u);
    const Message& m = run.messages[0].message;
    EXPECT_EQ(m.header.type, 1);
    EXPECT_EQ(m.header.mmsi, 371798000u);
    const auto fix = vesselPosition(m);
    ASSERT_TRUE(fix);
    EXPECT_NEAR(fix->latDeg, 48.381633, 1e-6);
    EXPECT_NEAR(fix->lonDeg, -123.395383, 1e-6);
    EXPECT_DOUBLE_EQ(*fix->sogKnots, 12.3);
    EXPECT_DOUBLE_EQ(*fix->cogDeg, 224.0);
    EXPECT_EQ(*fix->headingDeg, 215);
    // ROT -127 is "turning left faster than 5° per 30 s": no number.
    EXPECT_FALSE(turnDegPerMin(std::get<PositionReportA>(m.body).turn));
}

TEST(AisDecoder, NotAvailableCodesBecomeEmpty)
{
    EXPECT_FALSE(latitudeDeg(91 * 600000));
    EXPECT_FALSE(longitudeDeg(181 * 600000));
    EXPECT_TRUE(latitudeDeg(-90 * 600000));
    EXPECT_FALSE(speedKnots(1023));
    EXPECT_DOUBLE_EQ(*speedKnots(1022), 102.2);
    EXPECT_FALSE(courseDeg(3600));
    EXPECT_FALSE(headingDeg(511));
    EXPECT_FALSE(turnDegPerMin(-128));
    EXPECT_NEAR(*turnDegPerMin(-10), -4.464, 1e-3);
    EXPECT_FALSE(navStatus(15));
    EXPECT_FALSE(imoNumber(0));
    EXPECT_FALSE(draughtM(0));
    EXPECT_FALSE(shipType(0));
    EXPECT_FALSE(longRangeLatitudeDeg(91 * 600));
}

TEST(AisDecoder, AssemblesTwoFragmentsAndReadsIdentity)
{
    const DecodeRun run = decodeAll({kType5a, kType5b});
    ASSERT_EQ(run.messages.size(), 1u);
    EXPECT_EQ(run.messages[0].firstLine, 1);
    EXPECT_EQ(run.messages[0].line, 2);
    const auto id = vesselIdentity(run.messages[0].message);
    ASSERT_TRUE(id);
    EXPECT_EQ(*id->name, "EVER DIADEM");
    EXPECT_EQ(*id->callSign, "3FOF8");
    EXPECT_EQ(*id->imo, 9134270u);
    EXPECT_EQ(*id->shipType, 70);
    EXPECT_DOUBLE_EQ(*id->lengthM, 225.0 + 70.0);
    EXPECT_EQ(*id->destination, "NEW YORK");
}

TEST(AisDecoder, KeepsTagBlockTimeAndSource)
{
    const DecodeRun run = decodeAll({kTagged});
    ASSERT_EQ(run.messages.size(), 1u);
    EXPECT_EQ(*run.messages[0].tagTimeUtcMs, 1418169601000);
    EXPECT_EQ(run.messages[0].source, "rORBCOMM008");
    // Milliseconds (13 digits) are kept as they are.
    std::string ms = kTagged;
    const std::string block = "c:1418169601123";
    std::string tagBody = "s:x," + block;
    unsigned sum = 0;
    for (const char c : tagBody) {
        sum ^= static_cast<unsigned char>(c);
    }
    char hex[4];
    std::snprintf(hex, sizeof hex, "%02X", sum);
    const DecodeRun msRun = decodeAll({"\\" + tagBody + "*" + hex + "\\" + kType1});
    ASSERT_EQ(msRun.messages.size(), 1u);
    EXPECT_EQ(*msRun.messages[0].tagTimeUtcMs, 1418169601123);
    // A tag block with a bad checksum gives no time, but the sentence decodes.
    const DecodeRun bad = decodeAll({"\\s:x,c:1418169601*00\\" + kType1});
    ASSERT_EQ(bad.messages.size(), 1u);
    EXPECT_FALSE(bad.messages[0].tagTimeUtcMs);
}

TEST(AisDecoder, ToleratesLineEndsGarbageAndMetadata)
{
    const DecodeRun run = decodeAll(
        {kType1 + "\r", "xyz" + kType1,
         kType1 + ",d-109,S2105,t050056.00,T56.13718694,r003669946,1325394060",
         "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47", "# a comment", ""});
    EXPECT_EQ(run.messages.size(), 3u);
    EXPECT_EQ(run.stats.otherNmea, 1);
    EXPECT_EQ(run.stats.notNmea, 2);
    EXPECT_EQ(run.stats.rejected(), 0);
}

TEST(AisDecoder, EveryPrefixOfAValidSentenceIsRejectedOrSkipped)
{
    for (const std::string& sentence : {kType1, kType5a, kTagged}) {
        for (std::size_t n = 0; n < sentence.size(); ++n) {
            const std::string prefix = sentence.substr(0, n);
            const DecodeRun run = decodeAll({prefix, kType1});
            // The prefix never decodes; the valid line after it always does.
            ASSERT_EQ(run.messages.size(), 1u) << prefix;
            EXPECT_EQ(run.messages[0].line, 2) << prefix;
            const std::int64_t accounted = run.stats.rejected() + run.stats.otherNmea +
                                           run.stats.notNmea + run.stats.sentences - 1;
            EXPECT_EQ(accounted, 1) << "every line is counted once: " << prefix;
        }
    }
}

TEST(AisDecoder, FlippedChecksumDigitsAreCountedAsBadChecksum)
{
    std::vector<std::string> lines;
    for (const std::size_t pos : {kType1.size() - 1, kType1.size() - 2}) {
        for (const char c : std::string("0123456789ABCDEF")) {
            std::string flipped = kType1;
            if (flipped[pos] == c) {
                continue;
            }
            flipped[pos] = c;
            lines.push_back(flipped);
        }
    }
    lines.push_back(kType1);
    const DecodeRun run = decodeAll(lines);
    EXPECT_EQ(count(run, Rejection::BadChecksum), 30);
    ASSERT_EQ(run.messages.size(), 1u);
    EXPECT_EQ(run.messages[0].line, 31);
    EXPECT_EQ(run.stats[Rejection::BadChecksum].exampleLines[0], 1);
}

TEST(AisDecoder, RejectsAnOverlongLineAndGoesOn)
{
    const std::string huge = "!AIVDM,1,1,,A," + std::string(10000, '0') + ",0*00";
    const DecodeRun run = decodeAll({kType1, huge, kType1});
    EXPECT_EQ(run.messages.size(), 2u);
    EXPECT_EQ(count(run, Rejection::LineTooLong), 1);
}

TEST(AisDecoder, CountsOrphanAndDuplicateFragments)
{
    const DecodeRun orphan = decodeAll({kType5b, kType1});
    EXPECT_EQ(count(orphan, Rejection::OrphanFragment), 1);
    EXPECT_EQ(orphan.messages.size(), 1u);

    // A repeated first fragment replaces the unfinished one; a repeated second
    // fragment after completion is an orphan.
    const DecodeRun dup = decodeAll({kType5a, kType5a, kType5b, kType5b});
    ASSERT_EQ(dup.messages.size(), 1u);
    EXPECT_EQ(count(dup, Rejection::IncompleteMessage), 1);
    EXPECT_EQ(count(dup, Rejection::OrphanFragment), 1);

    // A first fragment that never completes is counted at the end of input.
    const DecodeRun incomplete = decodeAll({kType5a});
    EXPECT_EQ(count(incomplete, Rejection::IncompleteMessage), 1);
    EXPECT_TRUE(incomplete.messages.empty());
}

TEST(AisDecoder, InterleavedMessagesOnTwoChannelsBothComplete)
{
    std::string aFirst = kType5a;
    std::string aSecond = kType5b;
    // The same message sent as sequence 2 on channel B.
    std::string bFirst = kType5a.substr(0, kType5a.find('*'));
    bFirst.replace(bFirst.find(",1,A,"), 5, ",2,B,");
    std::string bSecond = kType5b.substr(0, kType5b.find('*'));
    bSecond.replace(bSecond.find(",1,A,"), 5, ",2,B,");
    const DecodeRun run =
        decodeAll({aFirst, withChecksum(bFirst), kType1, aSecond, withChecksum(bSecond)});
    ASSERT_EQ(run.messages.size(), 3u);
    EXPECT_EQ(run.messages[1].channel, 'A');
    EXPECT_EQ(run.messages[2].channel, 'B');
    EXPECT_EQ(run.messages[1].message.header.mmsi, run.messages[2].message.header.mmsi);
    EXPECT_EQ(run.stats.rejected(), 0);
}

TEST(AisDecoder, PendingFragmentsExpireByLineDistanceAndStayBounded)
{
    std::vector<std::string> lines = {kType5a};
    for (int i = 0; i < NmeaDecoder::kMaxLineGap + 1; ++i) {
        lines.push_back(kType1);
    }
    lines.push_back(kType5b);
    const DecodeRun run = decodeAll(lines);
    EXPECT_EQ(count(run, Rejection::IncompleteMessage), 1);
    EXPECT_EQ(count(run, Rejection::OrphanFragment), 1);

    // More first fragments than slots: the oldest are dropped and counted.
    std::vector<std::string> many;
    for (int i = 0; i < NmeaDecoder::kMaxPending + 5; ++i) {
        std::string first = kType5a.substr(0, kType5a.find('*'));
        first.replace(first.find(",1,A,"), 5,
                      "," + std::to_string(i % 10) + (i < 10 ? ",A," : ",B,"));
        many.push_back(withChecksum(first));
    }
    const DecodeRun bounded = decodeAll(many);
    EXPECT_EQ(count(bounded, Rejection::IncompleteMessage), NmeaDecoder::kMaxPending + 5);
}

TEST(AisDecoder, BadPayloadAndLengthAreRejectedWithTheirReason)
{
    std::string badChar = kType1.substr(0, kType1.find('*'));
    badChar[20] = '!';
    std::string shortPayload = "!AIVDM,1,1,,A,15RTgt0PAso;90TK,0";
    std::string empty = "!AIVDM,1,1,,B,,0";
    std::string badFill = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,7";
    std::string zeroFragments = "!AIVDM,0,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0";
    const DecodeRun run =
        decodeAll({withChecksum(badChar), withChecksum(shortPayload), withChecksum(empty),
                   withChecksum(badFill), withChecksum(zeroFragments),
                   kType1.substr(0, kType1.find('*')), kType1});
    EXPECT_EQ(count(run, Rejection::BadPayloadCharacter), 1);
    EXPECT_EQ(count(run, Rejection::WrongLength), 1);
    EXPECT_EQ(count(run, Rejection::EmptyPayload), 1);
    EXPECT_EQ(count(run, Rejection::BadFraming), 1);
    EXPECT_EQ(count(run, Rejection::BadFragment), 1);
    EXPECT_EQ(count(run, Rejection::MissingChecksum), 1);
    ASSERT_EQ(run.messages.size(), 1u);
    EXPECT_EQ(run.messages[0].line, 7);
}

TEST(AisDecoder, RandomBytesNeverDecodeAndNeverCrash)
{
    std::mt19937 rng(1234);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 200);
    NmeaDecoder decoder;
    for (int i = 0; i < 20000; ++i) {
        std::string line(static_cast<std::size_t>(length(rng)), '\0');
        for (char& c : line) {
            c = static_cast<char>(byte(rng));
        }
        // Half the lines look like AIS sentences with random payloads.
        if (i % 2 == 0) {
            line = withChecksum("!AIVDM,1,1,,A," + line.substr(0, line.size() / 2) + ",0");
        }
        decoder.decodeLine(line);
    }
    const DecodedMessage* m = decoder.decodeLine(kType1);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->message.header.mmsi, 371798000u);
    EXPECT_EQ(decoder.stats().lines, 20001);
}

} // namespace

namespace {

// A second type 5 (pyais mixed.txt, MMSI 366989380) re-sent as sequence 1 on
// channel A, so its fragments look like those of kType5a/kType5b.
const std::string kOther5a =
    withChecksum("!AIVDM,2,1,1,A,55Mw@A7J1adAL@?;7WPl58F0U<h4pB222222220t1PN5553fN4g?`4iSp5Rc,0");
const std::string kOther5b = withChecksum("!AIVDM,2,2,1,A,iP`88888880,2");

std::string tagged(const std::string& sentence, const std::string& fields)
{
    unsigned sum = 0;
    for (const char c : fields) {
        sum ^= static_cast<unsigned char>(c);
    }
    char hex[4];
    std::snprintf(hex, sizeof hex, "*%02X", sum);
    return "\\" + fields + hex + "\\" + sentence;
}

// A tag block time that is no time from 1970 to 2100 (an overflowing
// number, a negative one, the year 2200, letters) rejects its own sentence
// only, under its own reason: it is never stored without a time or with a
// wrong one, and the lines around it keep theirs.
TEST(AisDecoder, ATagTimeOutsideTheAisEraRejectsItsSentenceOnly)
{
    const std::vector<std::string> absurd = {
        "c:9223372036854775807", "c:99999999999999999999", "c:-1418169601",
        "c:7258118400",          "c:4102444800000",        "c:14181696O1",
    };
    for (const std::string& time : absurd) {
        const DecodeRun run = decodeAll(
            {tagged(kType1, "c:1418169601"), tagged(kType1, time), tagged(kType1, "c:1418169602")});
        ASSERT_EQ(run.messages.size(), 2u) << time;
        EXPECT_EQ(*run.messages[0].tagTimeUtcMs, 1418169601000);
        EXPECT_EQ(*run.messages[1].tagTimeUtcMs, 1418169602000);
        EXPECT_EQ(run.stats[Rejection::BadTime].count, 1) << time;
        EXPECT_EQ(run.stats[Rejection::BadTime].exampleLines[0], 2);
    }
    // The last millisecond of 2099 is a time; the first of 2100 is not.
    EXPECT_EQ(decodeAll({tagged(kType1, "c:4102444799999")}).messages.size(), 1u);
    EXPECT_EQ(decodeAll({tagged(kType1, "c:0")}).messages.size(), 1u);
}

std::vector<std::uint32_t> type5Mmsis(const DecodeRun& run)
{
    std::vector<std::uint32_t> out;
    for (const DecodedMessage& m : run.messages) {
        if (m.message.header.type == 5) {
            out.push_back(m.message.header.mmsi);
        }
    }
    return out;
}

} // namespace

TEST(AisDecoder, AFirstFragmentWhoseSecondWasLostIsNotCompletedByAnotherMessage)
{
    // Fragment 2 of the first message is lost; later the second message's
    // fragment 2 arrives before its fragment 1 (same sequence id and channel).
    std::vector<std::string> lines = {kType5a};
    for (int i = 0; i < 20; ++i) {
        lines.push_back(kType1);
    }
    lines.push_back(kOther5b);
    lines.push_back(kOther5a);
    const DecodeRun run = decodeAll(lines);
    EXPECT_TRUE(type5Mmsis(run).empty()) << "a type 5 with mixed fields was made";
    EXPECT_EQ(count(run, Rejection::IncompleteMessage), 2);
    EXPECT_EQ(count(run, Rejection::OrphanFragment), 1);

    // At the limit the pairing still holds; one sentence beyond, it does not.
    std::vector<std::string> atLimit = {kType5a};
    for (int i = 0; i < NmeaDecoder::kMaxLineGap - 1; ++i) {
        atLimit.push_back(kType1);
    }
    atLimit.push_back(kType5b);
    EXPECT_EQ(type5Mmsis(decodeAll(atLimit)).size(), 1u);
    std::vector<std::string> beyond = atLimit;
    beyond.insert(beyond.begin() + 1, kType1);
    EXPECT_TRUE(type5Mmsis(decodeAll(beyond)).empty());
}

TEST(AisDecoder, FragmentsPairOnlyWithinTheirSourceAndTime)
{
    // Two receivers interleaved in one stream, same sequence id and channel:
    // each message completes from its own source.
    const DecodeRun interleaved =
        decodeAll({tagged(kType5a, "s:north"), tagged(kOther5a, "s:south"),
                   tagged(kType5b, "s:north"), tagged(kOther5b, "s:south")});
    ASSERT_EQ(interleaved.messages.size(), 2u);
    EXPECT_EQ(interleaved.messages[0].message.header.mmsi, 351759000u);
    EXPECT_EQ(interleaved.messages[1].message.header.mmsi, 366989380u);
    EXPECT_EQ(interleaved.stats.rejected(), 0);

    // Stamped times more than kMaxTimeGapMs apart do not pair.
    const DecodeRun late =
        decodeAll({tagged(kType5a, "c:1418169601"), tagged(kOther5b, "c:1418169605"), kOther5a});
    EXPECT_TRUE(type5Mmsis(late).empty());
    EXPECT_EQ(count(late, Rejection::OrphanFragment), 1);
}

// A Gatehouse $PGHP time: seven fields of one to four digits, each followed
// by a comma, a checksum that matches, and a calendar time in the AIS era.
TEST(AisDecoder, GatehouseTimeFieldsAreReadAtTheirEdges)
{
    const auto time = [](const std::string& fields) {
        return gatehouseTime(withChecksum("$PGHP,1," + fields));
    };
    const auto t = time("2010,6,11,11,46,11,929,,219,,219,0,33");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->timeUtcMs, 1276256771929); // 2010-06-11T11:46:11.929Z
    EXPECT_EQ(t->sentenceChecksum, 0x33);
    // Leading zeros and four-digit fields are digits like any other.
    EXPECT_EQ(time("2010,06,011,0011,46,11,0929,,33")->timeUtcMs, 1276256771929);
    EXPECT_TRUE(time("1970,1,1,0,0,0,0,")->timeUtcMs == 0);

    EXPECT_FALSE(time("2010,6,11,11,46,11,929").has_value());   // no comma after the last
    EXPECT_FALSE(time("2010,6,,11,46,11,929,").has_value());    // an empty field
    EXPECT_FALSE(time("20100,6,11,11,46,11,929,").has_value()); // five digits
    EXPECT_FALSE(time("2010,6,1a,11,46,11,929,").has_value());
    EXPECT_FALSE(time("2010,6,11,11,46,11").has_value()); // six fields
    EXPECT_FALSE(time("2100,1,1,0,0,0,0,").has_value());  // outside the AIS era
    EXPECT_FALSE(time("2010,13,1,0,0,0,0,").has_value());
    EXPECT_FALSE(time("2010,6,11,24,0,0,0,").has_value());
    EXPECT_FALSE(time("2010,6,11,11,46,11,1000,").has_value());
    std::string bad = withChecksum("$PGHP,1,2010,6,11,11,46,11,929,");
    bad.back() = bad.back() == '0' ? '1' : '0';
    EXPECT_FALSE(gatehouseTime(bad).has_value());
}

TEST(AisDecoder, MessageTypesTheStandardDoesNotDefineAreRejected)
{
    // 'L' is type 28, 'w' type 63, '0' type 0; the rest is a valid type 1 body.
    const DecodeRun run =
        decodeAll({withChecksum("!AIVDM,1,1,,A,L5RTgt0PAso;90TKcjM8h6g208CQ,0"),
                   withChecksum("!AIVDM,1,1,,A,w5RTgt0PAso;90TKcjM8h6g208CQ,0"),
                   withChecksum("!AIVDM,1,1,,A,05RTgt0PAso;90TKcjM8h6g208CQ,0"), kType1});
    EXPECT_EQ(count(run, Rejection::UnknownType), 3);
    ASSERT_EQ(run.messages.size(), 1u);
    EXPECT_EQ(run.messages[0].message.header.type, 1);
}

} // namespace wake::ais
