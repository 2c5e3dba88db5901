#pragma once

// A time or time range as a source reported it. Most scenario facts are local
// calendar dates ("2013-07-15") with no hour; the precision says so, and the
// UI shows only what is known. Times are absolute UTC milliseconds.
//
// Anchoring: a day-precision date D covers [D 00:00Z, D+1 00:00Z); a month
// covers the calendar month; a year the calendar year. A range "A/B" covers
// from the start of A to the end of B. Local dates are anchored in UTC: the
// offset (a few hours) is below the precision, and the precision is shown.

#include <QString>

#include <cstdint>
#include <optional>

namespace wake::model {

enum class TimePrecision
{
    Year,
    Month,
    Day,
    Minute,
    Second,
    Millisecond
};

struct TimeSpan
{
    std::int64_t startUtcMs = 0;
    std::int64_t endUtcMs = 0; // exclusive; equal to start for an instant
    TimePrecision precision = TimePrecision::Millisecond;

    bool isInstant() const { return endUtcMs == startUtcMs; }
    bool contains(std::int64_t utcMs) const
    {
        return utcMs >= startUtcMs && (isInstant() ? utcMs == startUtcMs : utcMs < endUtcMs);
    }
    friend bool operator==(const TimeSpan&, const TimeSpan&) = default;
};

// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", ISO date-times with 'Z' or an offset,
// and ranges "A/B" of those. Returns nullopt for anything else.
std::optional<TimeSpan> parseReportedTime(const QString& text);

// Text for display that shows no more than the precision: "15 Jul 2013",
// "Mar 2014", "5–10 Jul 2013", "2013-07-15 14:26 UTC".
QString formatTimeSpan(const TimeSpan& span);

QString toString(TimePrecision precision);
std::optional<TimePrecision> timePrecisionFromString(const QString& text);

} // namespace wake::model
