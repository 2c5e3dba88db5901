#include "core/live/live_gap_event.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wake::live {

model::Event liveGapEvent(model::VesselId vesselId, const LiveTarget& t,
                          std::int64_t silenceFromUtcMs, std::int64_t intervalMs, int lostIntervals)
{
    model::Event e;
    e.vesselId = vesselId;
    e.kind = model::EventKind::AisGap;
    e.time = {silenceFromUtcMs, t.lastHeardUtcMs, model::TimePrecision::Second};
    e.position = model::LatLon{t.latDeg, t.lonDeg};
    e.coordBasis = model::CoordBasis::Observed;
    const double minutes = static_cast<double>(t.lastHeardUtcMs - silenceFromUtcMs) / 60000.0;
    e.title = QStringLiteral("AIS gap of %1 min (live reception)").arg(minutes, 0, 'f', 1);
    e.description =
        QStringLiteral("Not heard for %1 min, more than %2 reporting intervals of %3 s; heard "
                       "again here. A gap in reception: the ship may have been out of range.")
            .arg(minutes, 0, 'f', 1)
            .arg(lostIntervals)
            .arg(static_cast<double>(intervalMs) / 1000.0, 0, 'f', 0);
    e.category = QStringLiteral("detected");
    e.attribution.confidence = model::Confidence::Medium;
    e.origin = QStringLiteral("live");
    e.evidence = QString::fromUtf8(
        QJsonDocument(
            QJsonObject{{QStringLiteral("lostIntervals"), lostIntervals},
                        {QStringLiteral("intervalS"), static_cast<double>(intervalMs) / 1000.0},
                        {QStringLiteral("mmsi"), static_cast<qint64>(t.mmsi)}})
            .toJson(QJsonDocument::Compact));
    return e;
}

} // namespace wake::live
