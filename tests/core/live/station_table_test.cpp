// Stations that are not ships, from real sentences (gpsd's and pyais' test
// files, with gpsd's decode): a base station, a SAR aircraft and an aid to
// navigation, each with its position; ships are not stations.

#include "core/ais/nmea_decoder.h"
#include "core/live/station_table.h"

#include <gtest/gtest.h>

using namespace wake;
using live::Station;

namespace {

bool feed(live::StationTable& table, const char* sentence)
{
    ais::NmeaDecoder decoder;
    const ais::DecodedMessage* m = decoder.decodeLine(sentence);
    EXPECT_NE(m, nullptr) << sentence;
    return m != nullptr && table.update(m->message, 1'700'000'000'000);
}

const Station& find(const std::vector<Station>& all, std::uint32_t mmsi)
{
    for (const Station& s : all) {
        if (s.mmsi == mmsi) {
            return s;
        }
    }
    static const Station none;
    ADD_FAILURE() << "no station " << mmsi;
    return none;
}

} // namespace

TEST(StationTable, BaseStationSarAircraftAndAidToNavigation)
{
    live::StationTable table;
    EXPECT_TRUE(feed(table, "!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D"));
    EXPECT_TRUE(feed(table, "!AIVDM,1,1,,A,91b77=h3h00nHt0Q3r@@07000<0b,0*69"));
    EXPECT_TRUE(feed(table, "!AIVDM,1,1,,B,E>jKuN@1:WdhHP0000000000000@ln4;:n:6p30HHHgfR?,4*3A"));
    // A ship's position report is not a station's.
    EXPECT_FALSE(feed(table, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A"));
    const auto all = table.snapshot();
    ASSERT_EQ(all.size(), 3u);
    const Station& base = find(all, 3669702);
    EXPECT_EQ(base.kind, Station::Kind::BaseStation);
    EXPECT_NEAR(base.latDeg, 36.883767, 1e-6);
    EXPECT_NEAR(base.lonDeg, -76.352362, 1e-6);
    const Station& sar = find(all, 111265591);
    EXPECT_EQ(sar.kind, Station::Kind::SarAircraft);
    EXPECT_NEAR(sar.latDeg, 57.778455, 1e-6);
    EXPECT_EQ(sar.altitudeM, 15);
    EXPECT_EQ(sar.courseDeg, 0.0);
    const Station& aton = find(all, 992411001);
    EXPECT_EQ(aton.kind, Station::Kind::AidToNavigation);
    EXPECT_EQ(aton.name, QStringLiteral("BUOY 1"));
    EXPECT_FALSE(aton.virtualAid);
    EXPECT_NEAR(aton.lonDeg, 23.088232, 1e-6);
}
