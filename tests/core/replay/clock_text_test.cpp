// The replay clock shows an hour only where an AIS fix is behind it: between
// reported ports the sources give dates, and the clock must not invent hours.

#include "core/replay/clock_text.h"

#include <gtest/gtest.h>

namespace {

using wake::model::Provenance;
using wake::model::TrackPoint;
using wake::replay::ClockStyle;
using wake::replay::clockText;
using wake::replay::sampleTrack;

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kJuly8 = 1'373'241'600'000; // 2013-07-08T00:00Z

TrackPoint fix(std::int64_t t, double lon, Provenance p)
{
    TrackPoint point;
    point.timeUtcMs = t;
    point.latDeg = 10.0;
    point.lonDeg = lon;
    point.provenance = p;
    return point;
}

TEST(ClockText, AnHourOnlyBetweenAisFixes)
{
    const std::vector<TrackPoint> ais{fix(kJuly8, -80.0, Provenance::Observed),
                                      fix(kJuly8 + 24 * kHour, -79.0, Provenance::Observed)};
    const auto observed = sampleTrack(ais, kJuly8 + 20 * kHour);
    EXPECT_EQ(clockText(kJuly8 + 20 * kHour, observed, ClockStyle::Video),
              QStringLiteral("2013-07-08 20:00 UTC"));
    EXPECT_EQ(clockText(kJuly8 + 20 * kHour, observed, ClockStyle::Window),
              QStringLiteral("Mon 8 Jul 2013  20:00 UTC"));

    // A reconstructed passage between reported ports: the date, and how the
    // position is known, never an hour.
    const std::vector<TrackPoint> reported{
        fix(kJuly8, -80.0, Provenance::Reported),
        fix(kJuly8 + 24 * kHour, -79.0, Provenance::Reconstructed),
        fix(kJuly8 + 48 * kHour, -78.0, Provenance::Reported)};
    const auto guessed = sampleTrack(reported, kJuly8 + 20 * kHour);
    ASSERT_TRUE(guessed);
    EXPECT_EQ(clockText(kJuly8 + 20 * kHour, guessed, ClockStyle::Video),
              QStringLiteral("2013-07-08"));
    const QString window = clockText(kJuly8 + 20 * kHour, guessed, ClockStyle::Window);
    EXPECT_TRUE(window.startsWith(QStringLiteral("Mon 8 Jul 2013"))) << window.toStdString();
    EXPECT_FALSE(window.contains(QStringLiteral("20:00"))) << window.toStdString();
    EXPECT_FALSE(window.contains(QStringLiteral("UTC"))) << window.toStdString();

    // No ship at that time: the date alone.
    EXPECT_EQ(clockText(kJuly8 + 20 * kHour, std::nullopt, ClockStyle::Video),
              QStringLiteral("2013-07-08"));
}

} // namespace
