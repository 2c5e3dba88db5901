// Distance run, AIS-dark periods and their overlap with a span of time.

#include "core/geo/coordinate_format.h"
#include "core/geo/geodesy.h"
#include "core/replay/voyage_stats.h"

#include <gtest/gtest.h>

#include <vector>

namespace wake::replay {
namespace {

constexpr std::int64_t kHour = 3'600'000;

model::TrackPoint fix(std::int64_t t, double lat, double lon, model::Provenance p)
{
    model::TrackPoint tp;
    tp.timeUtcMs = t;
    tp.latDeg = lat;
    tp.lonDeg = lon;
    tp.provenance = p;
    return tp;
}

double nm(double lat1, double lon1, double lat2, double lon2)
{
    return geo::distanceM({lat1, lon1}, {lat2, lon2}) / 1852.0;
}

TEST(VoyageStats, DistanceRunSumsLegsAndSeparatesObservedFromReconstructed)
{
    using P = model::Provenance;
    // Two observed fixes one degree of latitude apart (60 nm), then a
    // reconstructed leg of another degree.
    const std::vector<model::TrackPoint> track = {fix(0, 0.0, 0.0, P::Observed),
                                                  fix(10 * kHour, 1.0, 0.0, P::Observed),
                                                  fix(20 * kHour, 2.0, 0.0, P::Reconstructed)};
    const DistanceRun whole = distanceRun(track, 0, 20 * kHour);
    EXPECT_NEAR(whole.totalNm, nm(0, 0, 2, 0), 0.01);
    EXPECT_NEAR(whole.observedNm, nm(0, 0, 1, 0), 0.01);
    // Half-way through each leg: the ends are interpolated.
    const DistanceRun middle = distanceRun(track, 5 * kHour, 15 * kHour);
    EXPECT_NEAR(middle.totalNm, nm(0.5, 0, 1.5, 0), 0.05);
    EXPECT_NEAR(middle.observedNm, nm(0.5, 0, 1, 0), 0.05);
    // Outside the track the distance stops at its ends; an empty span is zero.
    EXPECT_NEAR(distanceRun(track, -kHour, 30 * kHour).totalNm, whole.totalNm, 1e-9);
    EXPECT_EQ(distanceRun(track, 5 * kHour, 5 * kHour).totalNm, 0.0);
    // The index gives the same answers.
    const DistanceIndex index(track);
    EXPECT_NEAR(index.between(5 * kHour, 15 * kHour).totalNm, middle.totalNm, 1e-9);
}

TEST(VoyageStats, DarkPeriodsRunFromAisOffToAisOnOrTheEnd)
{
    std::vector<model::Event> events(4);
    events[0].kind = model::EventKind::AisOff;
    events[0].time.startUtcMs = 10;
    events[1].kind = model::EventKind::AisOn;
    events[1].time.startUtcMs = 20;
    events[2].kind = model::EventKind::Seizure;
    events[2].time.startUtcMs = 25;
    events[3].kind = model::EventKind::AisOff;
    events[3].time.startUtcMs = 30;
    const auto dark = darkPeriods(events, 50);
    ASSERT_EQ(dark.size(), 2u);
    EXPECT_EQ(dark[0], std::make_pair(std::int64_t{10}, std::int64_t{20}));
    EXPECT_EQ(dark[1], std::make_pair(std::int64_t{30}, std::int64_t{50}));
    EXPECT_EQ(overlapMs(dark, 15, 35), 5 + 5);
    EXPECT_EQ(overlapMs(dark, 0, 100), 10 + 20);
    EXPECT_EQ(overlapMs(dark, 21, 29), 0);
}

} // namespace
} // namespace wake::replay

TEST(CoordinateFormat, DegreesMinutesWithHemispheresAndCarry)
{
    EXPECT_EQ(wake::geo::formatLatLonMinutes(9.36, -79.88),
              QStringLiteral("09°21.600′N 079°52.800′W"));
    EXPECT_EQ(wake::geo::formatLatLonMinutes(-0.5, 180.0),
              QStringLiteral("00°30.000′S 180°00.000′E"));
    // 59.99999' rounds up into the next degree, never "60.000'".
    EXPECT_EQ(wake::geo::formatLatLonMinutes(10.9999999, 0.0),
              QStringLiteral("11°00.000′N 000°00.000′E"));
    EXPECT_EQ(wake::geo::formatLatLonDecimal(9.36, -79.88), QStringLiteral("9.36000, -79.88000"));
}
