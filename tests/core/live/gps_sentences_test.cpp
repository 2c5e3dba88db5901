// Own ship's GPS sentences: RMC and GGA fixes with the latest VTG and HDT,
// hemispheres, and every broken or fixless sentence counted, never a fix.

#include "core/live/gps_sentences.h"
#include "tests/support/ais_sentence_writer.h"

#include <gtest/gtest.h>

using wake::live::GpsSentences;

namespace {

std::string withChecksum(const std::string& body)
{
    return "$" + body + wake::testing::nmeaChecksum(body);
}

} // namespace

TEST(GpsSentences, RmcIsAFixWithSpeedAndCourse)
{
    GpsSentences gps;
    const auto fix =
        gps.line(withChecksum("GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W"));
    ASSERT_TRUE(fix);
    EXPECT_NEAR(fix->latDeg, 48.1173, 1e-4);
    EXPECT_NEAR(fix->lonDeg, 11.516667, 1e-6);
    EXPECT_DOUBLE_EQ(*fix->sogKnots, 22.4);
    EXPECT_DOUBLE_EQ(*fix->cogDeg, 84.4);
    EXPECT_FALSE(fix->headingDeg);
    // With a tag block before it, as a live source stamps it.
    EXPECT_TRUE(gps.line("\\c:1700000000*5B\\" +
                         withChecksum("GNRMC,123519,A,3351.000,S,15112.000,W,0.0,,230394,,")));
    EXPECT_EQ(gps.fixes(), 2);
    EXPECT_EQ(GpsSentences::tagTimeUtcMs("\\c:1700000000*5B\\$GPRMC"), 1'700'000'000'000);
    EXPECT_EQ(GpsSentences::tagTimeUtcMs("\\s:gps,c:1700000000123*00\\$GPRMC"), 1'700'000'000'123);
    EXPECT_FALSE(GpsSentences::tagTimeUtcMs("$GPRMC"));
    // The live stamp in front, the sender's own block after it: the sender's.
    EXPECT_EQ(GpsSentences::tagTimeUtcMs("\\s:gps,c:1765000000000*00\\\\c:1700000000*5B\\$GPRMC"),
              1'700'000'000'000);
}

TEST(GpsSentences, GgaTakesTheLatestVtgAndHdtAndTheHemispheres)
{
    GpsSentences gps;
    EXPECT_FALSE(gps.line(withChecksum("GPVTG,054.7,T,034.4,M,005.5,N,010.2,K")));
    EXPECT_FALSE(gps.line(withChecksum("GPHDT,052.3,T")));
    const auto fix =
        gps.line(withChecksum("GPGGA,123519,3351.000,S,15112.000,W,1,08,0.9,545.4,M,46.9,M,,"));
    ASSERT_TRUE(fix);
    EXPECT_NEAR(fix->latDeg, -33.85, 1e-9);
    EXPECT_NEAR(fix->lonDeg, -151.2, 1e-9);
    EXPECT_DOUBLE_EQ(*fix->sogKnots, 5.5);
    EXPECT_DOUBLE_EQ(*fix->cogDeg, 54.7);
    EXPECT_EQ(fix->headingDeg, 52);
}

TEST(GpsSentences, NoFixAndBrokenSentencesAreCountedNotFixes)
{
    GpsSentences gps;
    // Status V: the receiver has no fix.
    EXPECT_FALSE(gps.line(withChecksum("GPRMC,123519,V,4807.038,N,01131.000,E,,,230394,,")));
    // GGA quality 0.
    EXPECT_FALSE(gps.line(withChecksum("GPGGA,123519,4807.038,N,01131.000,E,0,00,,,M,,M,,")));
    // A wrong checksum.
    EXPECT_FALSE(gps.line("$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,,*00"));
    // Minutes past 60, a latitude past 90, a hemisphere that is none.
    EXPECT_FALSE(gps.line(withChecksum("GPRMC,123519,A,4867.038,N,01131.000,E,1,1,230394,,")));
    EXPECT_FALSE(gps.line(withChecksum("GPRMC,123519,A,9107.038,N,01131.000,E,1,1,230394,,")));
    EXPECT_FALSE(gps.line(withChecksum("GPRMC,123519,A,4807.038,X,01131.000,E,1,1,230394,,")));
    EXPECT_FALSE(gps.line("$GP"));
    EXPECT_EQ(gps.rejected(), 7);
    // Other sentences and AIS are not its business.
    EXPECT_FALSE(
        gps.line(withChecksum("GPGSV,3,1,11,03,03,111,00,04,15,270,00,06,01,010,00,13,06,292,00")));
    EXPECT_FALSE(gps.line("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A"));
    EXPECT_EQ(gps.ignored(), 2);
    EXPECT_EQ(gps.fixes(), 0);
}
