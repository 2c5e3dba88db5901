#include "core/model/event.h"
#include "core/model/time_span.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"

#include <QDateTime>

#include <gtest/gtest.h>

using namespace wake::model;

namespace {

std::int64_t utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

TEST(TimeSpan, DayCoversTheCalendarDay)
{
    const auto span = parseReportedTime(QStringLiteral("2013-07-15"));
    ASSERT_TRUE(span);
    EXPECT_EQ(span->precision, TimePrecision::Day);
    EXPECT_EQ(span->startUtcMs, utc(2013, 7, 15));
    EXPECT_EQ(span->endUtcMs, utc(2013, 7, 16));
    EXPECT_TRUE(span->contains(utc(2013, 7, 15, 23, 59)));
    EXPECT_FALSE(span->contains(utc(2013, 7, 16)));
}

TEST(TimeSpan, MonthYearAndRanges)
{
    const auto month = parseReportedTime(QStringLiteral("2014-02"));
    ASSERT_TRUE(month);
    EXPECT_EQ(month->precision, TimePrecision::Month);
    EXPECT_EQ(month->endUtcMs, utc(2014, 3, 1));

    const auto year = parseReportedTime(QStringLiteral("1996"));
    ASSERT_TRUE(year);
    EXPECT_EQ(year->precision, TimePrecision::Year);
    EXPECT_EQ(year->endUtcMs, utc(1997, 1, 1));

    const auto range = parseReportedTime(QStringLiteral("2013-07-05/2013-07-10"));
    ASSERT_TRUE(range);
    EXPECT_EQ(range->startUtcMs, utc(2013, 7, 5));
    EXPECT_EQ(range->endUtcMs, utc(2013, 7, 11)); // the whole last day
    EXPECT_EQ(range->precision, TimePrecision::Day);
}

TEST(TimeSpan, RejectsWhatIsNotATime)
{
    for (const char* bad : {"", "2013-13", "2013-02-30", "yesterday", "2013-07-10/2013-07-05",
                            "2013-07-15T10:00", "15/07/2013"}) {
        EXPECT_FALSE(parseReportedTime(QString::fromLatin1(bad))) << bad;
    }
}

TEST(TimeSpan, ExactTimesNeedAZone)
{
    const auto t = parseReportedTime(QStringLiteral("2014-02-15T14:26Z"));
    ASSERT_TRUE(t);
    EXPECT_TRUE(t->isInstant());
    EXPECT_EQ(t->startUtcMs, utc(2014, 2, 15, 14, 26));
    EXPECT_EQ(t->precision, TimePrecision::Minute);
}

TEST(TimeSpan, FormatShowsNoMoreThanIsKnown)
{
    EXPECT_EQ(formatTimeSpan(*parseReportedTime(QStringLiteral("2013-07-15"))),
              QStringLiteral("15 Jul 2013"));
    EXPECT_EQ(formatTimeSpan(*parseReportedTime(QStringLiteral("2013-07-05/2013-07-10"))),
              QStringLiteral("5–10 Jul 2013"));
    EXPECT_EQ(formatTimeSpan(*parseReportedTime(QStringLiteral("2014-03"))),
              QStringLiteral("Mar 2014"));
    EXPECT_EQ(formatTimeSpan(*parseReportedTime(QStringLiteral("1996"))), QStringLiteral("1996"));
    EXPECT_EQ(formatTimeSpan(*parseReportedTime(QStringLiteral("2014-02-15T14:26Z"))),
              QStringLiteral("2014-02-15 14:26 UTC"));
    // A day-precision date never shows an hour.
    EXPECT_FALSE(formatTimeSpan(*parseReportedTime(QStringLiteral("2013-07-15")))
                     .contains(QLatin1Char(':')));
}

TEST(Vessel, ImoCheckDigit)
{
    EXPECT_TRUE(isValidImo(7937317)); // Chong Chon Gang
    EXPECT_TRUE(isValidImo(9074729));
    EXPECT_FALSE(isValidImo(7937318));
    EXPECT_FALSE(isValidImo(123456));
    EXPECT_FALSE(isValidImo(0));
}

TEST(Vessel, DisplayNameFallsBackToIdentifiers)
{
    Vessel v;
    v.id = 7;
    EXPECT_EQ(v.displayName(), QStringLiteral("Vessel #7"));
    v.imo = 7937317;
    EXPECT_EQ(v.displayName(), QStringLiteral("IMO 7937317"));
    v.mmsi = 445123456;
    EXPECT_EQ(v.displayName(), QStringLiteral("MMSI 445123456"));
    v.name = QStringLiteral("CHONG CHON GANG");
    EXPECT_EQ(v.displayName(), QStringLiteral("CHONG CHON GANG"));
}

TEST(Event, KindNamesRoundTrip)
{
    for (auto kind :
         {EventKind::Departure, EventKind::Arrival, EventKind::PortCall, EventKind::AisOff,
          EventKind::AisOn, EventKind::Transit, EventKind::Boarding, EventKind::Seizure,
          EventKind::Inspection, EventKind::Release, EventKind::Other}) {
        EXPECT_EQ(eventKindFromString(toString(kind)), kind);
        EXPECT_FALSE(displayName(kind).isEmpty());
    }
    EXPECT_FALSE(eventKindFromString(QStringLiteral("explosion")));
}

TEST(TrackPoint, ProvenanceFromStoredInteger)
{
    EXPECT_EQ(provenanceFromInt(0), Provenance::Observed);
    EXPECT_EQ(provenanceFromInt(1), Provenance::Reported);
    EXPECT_EQ(provenanceFromInt(2), Provenance::Reconstructed);
    EXPECT_FALSE(provenanceFromInt(3));
    EXPECT_FALSE(provenanceFromInt(-1));
}
