// The replay's span: whole days of the track, or a voyage to its arrival
// (and to a seizure soon after it), opening on the first fix; no span for a
// vessel without a track.

#include "core/replay/replay_span.h"

#include <gtest/gtest.h>

namespace {

using wake::replay::replaySpan;

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kJuly1 = 1'372'636'800'000; // 2013-07-01T00:00Z

wake::model::TrackPoint fix(std::int64_t t)
{
    wake::model::TrackPoint p;
    p.timeUtcMs = t;
    p.latDeg = 9.0;
    p.lonDeg = -79.9;
    return p;
}

TEST(ReplaySpan, NoneWithoutATrack)
{
    EXPECT_FALSE(replaySpan({}, nullptr, {}));
}

TEST(ReplaySpan, TheWholeTrackInWholeDaysOpensOnItsFirstFix)
{
    const std::vector<wake::model::TrackPoint> track{fix(kJuly1 + 14 * kHour),
                                                     fix(kJuly1 + 2 * kDay + 3 * kHour)};
    const auto span = replaySpan(track, nullptr, {});
    ASSERT_TRUE(span);
    EXPECT_EQ(span->startUtcMs, kJuly1);
    EXPECT_EQ(span->endUtcMs, kJuly1 + 3 * kDay);
    // Not at midnight, where there is no position yet.
    EXPECT_EQ(span->openUtcMs, kJuly1 + 14 * kHour);
}

TEST(ReplaySpan, AVoyageRunsToASeizureWithinThirtyDaysOfItsArrival)
{
    const std::vector<wake::model::TrackPoint> track{fix(kJuly1), fix(kJuly1 + 5 * kDay),
                                                     fix(kJuly1 + 20 * kDay)};
    wake::model::Voyage voyage;
    voyage.departure = wake::model::TimeSpan{kJuly1 + kDay, kJuly1 + kDay};
    voyage.arrival = wake::model::TimeSpan{kJuly1 + 9 * kDay, kJuly1 + 10 * kDay};
    wake::model::Event seizure;
    seizure.kind = wake::model::EventKind::Seizure;
    seizure.time = {kJuly1 + 14 * kDay, kJuly1 + 15 * kDay};
    wake::model::Event late = seizure;
    late.time = {kJuly1 + 50 * kDay, kJuly1 + 51 * kDay};

    const std::vector<wake::model::Event> none;
    auto span = replaySpan(track, &voyage, none);
    ASSERT_TRUE(span);
    EXPECT_EQ(span->startUtcMs, kJuly1 + kDay);
    EXPECT_EQ(span->endUtcMs, kJuly1 + 10 * kDay);
    EXPECT_EQ(span->openUtcMs, kJuly1 + 5 * kDay); // the first fix after the departure

    const std::vector<wake::model::Event> seized{seizure};
    EXPECT_EQ(replaySpan(track, &voyage, seized)->endUtcMs, kJuly1 + 15 * kDay);
    const std::vector<wake::model::Event> tooLate{late};
    EXPECT_EQ(replaySpan(track, &voyage, tooLate)->endUtcMs, kJuly1 + 10 * kDay);
}

// F frames what is replayed: after Ctrl+W (the whole voyage from
// Vostochny) it framed the Caribbean leg only; a voyage across 180 framed
// the whole world.
TEST(ReplayFrame, FramesTheFixesOfTheSpanAcrossTheAntimeridianWhenNarrower)
{
    using wake::replay::replayFrame;
    std::vector<wake::model::TrackPoint> track;
    const auto at = [&](std::int64_t day, double lat, double lon) {
        wake::model::TrackPoint p = fix(day * kDay);
        p.latDeg = lat;
        p.lonDeg = lon;
        track.push_back(p);
    };
    at(0, 42.8, 132.9);  // Vostochny
    at(10, 40.0, 175.0); // the Pacific
    at(20, 30.0, -150.0);
    at(40, 9.4, -79.9);  // Colon
    at(45, 21.2, -76.6); // Cuba
    const auto leg = replayFrame(track, 40 * kDay, 45 * kDay);
    ASSERT_TRUE(leg);
    EXPECT_FALSE(leg->crossesAntimeridian());
    EXPECT_LT(leg->westDeg, -79.9);
    EXPECT_GT(leg->eastDeg, -76.6);
    EXPECT_LT(leg->widthDeg(), 10.0);
    const auto whole = replayFrame(track, 0, 45 * kDay);
    ASSERT_TRUE(whole);
    EXPECT_TRUE(whole->crossesAntimeridian()); // 132.9 E eastwards to 76.6 W
    EXPECT_LT(whole->widthDeg(), 360.0);
    EXPECT_LT(whole->westDeg, 132.9);
    EXPECT_GT(whole->westDeg, 90.0);
    // A span with no fix in it frames the track.
    EXPECT_TRUE(replayFrame(track, 100 * kDay, 101 * kDay));
    EXPECT_FALSE(replayFrame({}, 0, 1));
}

} // namespace
