#include "ui/panels/voyage_summary.h"

#include "core/replay/voyage_stats.h"

#include <QLocale>

namespace wake::ui {

namespace {

QString placeName(const QString& locode, const std::vector<model::Port>& places)
{
    if (locode.isEmpty()) {
        return QObject::tr("not reported");
    }
    for (const model::Port& p : places) {
        if (p.locode == locode) {
            return QStringLiteral("%1 (%2)").arg(p.name.toHtmlEscaped(), locode);
        }
    }
    return locode;
}

QString reportedDate(const std::optional<model::TimeSpan>& span)
{
    return span ? model::formatTimeSpan(*span).toHtmlEscaped() : QObject::tr("not reported");
}

} // namespace

QString formatDuration(std::int64_t ms)
{
    const std::int64_t minutes = ms / 60000;
    const std::int64_t days = minutes / (24 * 60);
    const std::int64_t hours = minutes / 60 % 24;
    if (days > 0) {
        return QObject::tr("%1 d %2 h").arg(days).arg(hours);
    }
    return QObject::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString voyageSummaryHtml(const model::Voyage& voyage, const std::vector<model::Port>& places,
                          std::span<const model::TrackPoint> track,
                          std::span<const model::Event> events)
{
    const QLocale locale;
    QString html = QStringLiteral("<b>%1</b><br>").arg(voyage.name.toHtmlEscaped());
    html += QObject::tr("From %1, departed %2<br>To %3, arrived %4<br>")
                .arg(placeName(voyage.originLocode, places), reportedDate(voyage.departure),
                     placeName(voyage.destinationLocode, places), reportedDate(voyage.arrival));
    if (!voyage.departure || !voyage.arrival || track.empty()) {
        return html + QObject::tr("Distance and time at sea: not known (no dates or no track).");
    }
    const std::int64_t from = voyage.departure->startUtcMs;
    const std::int64_t to = voyage.arrival->endUtcMs;
    const replay::DistanceRun run = replay::distanceRun(track, from, to);
    html += QObject::tr("Distance run: %1 nm").arg(locale.toString(run.totalNm, 'f', 0));
    if (run.observedNm < run.totalNm) {
        html += QObject::tr(" (%1 nm of it a reconstructed route between reported places)")
                    .arg(locale.toString(run.totalNm - run.observedNm, 'f', 0));
    }
    html += QStringLiteral("<br>");
    const bool detected = voyage.origin == QLatin1String("analysis");
    const std::int64_t atSeaMs = voyage.arrival->startUtcMs - voyage.departure->startUtcMs;
    // Reported dates are to the day: the time at sea is as precise as they are.
    html +=
        detected
            ? QObject::tr("Time at sea: %1 (from the port visits)<br>").arg(formatDuration(atSeaMs))
            : QObject::tr("Time at sea: about %1 (from the reported dates)<br>")
                  .arg(formatDuration(atSeaMs));
    const auto dark = replay::darkPeriods(events, to);
    const std::int64_t offMs = replay::overlapMs(dark, from, to);
    html += offMs > 0  ? QObject::tr("AIS off: %1 of it").arg(formatDuration(offMs))
            : detected ? QObject::tr("AIS off: no AIS gap detected")
                       : QObject::tr("AIS off: no reported gap");
    return html;
}

} // namespace wake::ui
