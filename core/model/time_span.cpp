#include "core/model/time_span.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>

namespace wake::model {

namespace {

std::int64_t startOfDayUtcMs(QDate date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

std::optional<TimeSpan> parseSingle(const QString& text)
{
    static const QRegularExpression year(QStringLiteral("^(\\d{4})$"));
    static const QRegularExpression month(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression day(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));

    if (const auto m = year.match(text); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), 1, 1);
        return TimeSpan{startOfDayUtcMs(d), startOfDayUtcMs(d.addYears(1)), TimePrecision::Year};
    }
    if (const auto m = month.match(text); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), 1);
        if (!d.isValid()) {
            return std::nullopt;
        }
        return TimeSpan{startOfDayUtcMs(d), startOfDayUtcMs(d.addMonths(1)), TimePrecision::Month};
    }
    if (const auto m = day.match(text); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!d.isValid()) {
            return std::nullopt;
        }
        return TimeSpan{startOfDayUtcMs(d), startOfDayUtcMs(d.addDays(1)), TimePrecision::Day};
    }
    if (!text.contains(QLatin1Char('T'))) {
        return std::nullopt;
    }
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid() || dt.timeSpec() == Qt::LocalTime) {
        return std::nullopt; // a date-time without a zone is ambiguous
    }
    const std::int64_t ms = dt.toMSecsSinceEpoch();
    TimePrecision p = TimePrecision::Millisecond;
    if (dt.time().msec() == 0) {
        p = dt.time().second() == 0 &&
                    !text.contains(QRegularExpression(QStringLiteral("T\\d{2}:\\d{2}:\\d{2}")))
                ? TimePrecision::Minute
                : TimePrecision::Second;
    }
    return TimeSpan{ms, ms, p};
}

} // namespace

std::optional<TimeSpan> parseReportedTime(const QString& input)
{
    const QString text = input.trimmed();
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0) {
        return parseSingle(text);
    }
    const auto first = parseSingle(text.left(slash));
    const auto last = parseSingle(text.mid(slash + 1));
    if (!first || !last || last->endUtcMs < first->startUtcMs) {
        return std::nullopt;
    }
    const TimePrecision p = first->precision < last->precision ? first->precision : last->precision;
    return TimeSpan{first->startUtcMs, last->isInstant() ? last->startUtcMs : last->endUtcMs, p};
}

QString formatTimeSpan(const TimeSpan& span)
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(span.startUtcMs, Qt::UTC);
    const QLocale c = QLocale::c();
    switch (span.precision) {
    case TimePrecision::Year: {
        const QDateTime last = QDateTime::fromMSecsSinceEpoch(span.endUtcMs - 1, Qt::UTC);
        return last.date().year() == start.date().year()
                   ? QString::number(start.date().year())
                   : QStringLiteral("%1–%2").arg(start.date().year()).arg(last.date().year());
    }
    case TimePrecision::Month: {
        const QDateTime last = QDateTime::fromMSecsSinceEpoch(span.endUtcMs - 1, Qt::UTC);
        const QString a = c.toString(start.date(), QStringLiteral("MMM yyyy"));
        const QString b = c.toString(last.date(), QStringLiteral("MMM yyyy"));
        return a == b ? a : a + QStringLiteral(" – ") + b;
    }
    case TimePrecision::Day: {
        const QDate first = start.date();
        const QDate last = QDateTime::fromMSecsSinceEpoch(span.endUtcMs - 1, Qt::UTC).date();
        if (span.isInstant() || first == last) {
            return c.toString(first, QStringLiteral("d MMM yyyy"));
        }
        if (first.year() == last.year() && first.month() == last.month()) {
            return QStringLiteral("%1–%2")
                .arg(first.day())
                .arg(c.toString(last, QStringLiteral("d MMM yyyy")));
        }
        return c.toString(first, QStringLiteral("d MMM yyyy")) + QStringLiteral(" – ") +
               c.toString(last, QStringLiteral("d MMM yyyy"));
    }
    case TimePrecision::Minute:
        return start.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    case TimePrecision::Second:
        return start.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    case TimePrecision::Millisecond:
        break;
    }
    return start.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
}

QString toString(TimePrecision precision)
{
    switch (precision) {
    case TimePrecision::Year:
        return QStringLiteral("year");
    case TimePrecision::Month:
        return QStringLiteral("month");
    case TimePrecision::Day:
        return QStringLiteral("day");
    case TimePrecision::Minute:
        return QStringLiteral("minute");
    case TimePrecision::Second:
        return QStringLiteral("second");
    case TimePrecision::Millisecond:
        break;
    }
    return QStringLiteral("millisecond");
}

std::optional<TimePrecision> timePrecisionFromString(const QString& text)
{
    for (auto p : {TimePrecision::Year, TimePrecision::Month, TimePrecision::Day,
                   TimePrecision::Minute, TimePrecision::Second, TimePrecision::Millisecond}) {
        if (toString(p) == text) {
            return p;
        }
    }
    return std::nullopt;
}

} // namespace wake::model
