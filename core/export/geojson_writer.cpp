// GeoJSON (RFC 7946): the track as a LineString, or a MultiLineString when it
// is cut at gaps or the antimeridian, with the times and provenance of its
// points in coordinateProperties (the convention QGIS, GDAL and
// mapbox/togeojson share); a part of a single fix is a Point of its own; the
// events as Points.

#include "core/export/track_export.h"
#include "core/export/track_parts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace wake::exporting {

namespace {

double rounded(double v)
{
    return std::round(v * 1e7) / 1e7; // about 1 cm: the precision AIS has and more
}

QJsonArray position(double lat, double lon)
{
    return {rounded(lon), rounded(lat)};
}

QJsonObject feature(QJsonObject geometry, QJsonObject properties)
{
    return {{QStringLiteral("type"), QStringLiteral("Feature")},
            {QStringLiteral("geometry"), geometry},
            {QStringLiteral("properties"), properties}};
}

} // namespace

QByteArray toGeoJson(const TrackExport& data)
{
    QJsonArray features;
    const auto parts = splitTrack(data.points, gapEvents(data.events));
    QJsonArray lines;
    QJsonArray times;
    QJsonArray provenance;
    for (const TrackPart& part : parts) {
        if (part.size() < 2) {
            const model::TrackPoint& p = part.front();
            features.append(feature({{QStringLiteral("type"), QStringLiteral("Point")},
                                     {QStringLiteral("coordinates"), position(p.latDeg, p.lonDeg)}},
                                    {{QStringLiteral("kind"), QStringLiteral("fix")},
                                     {QStringLiteral("time"), isoUtc(p.timeUtcMs)},
                                     {QStringLiteral("provenance"),
                                      QString::fromLatin1(model::toString(p.provenance))}}));
            continue;
        }
        QJsonArray line;
        QJsonArray partTimes;
        QJsonArray partProvenance;
        for (const model::TrackPoint& p : part) {
            line.append(position(p.latDeg, p.lonDeg));
            partTimes.append(isoUtc(p.timeUtcMs));
            partProvenance.append(QString::fromLatin1(model::toString(p.provenance)));
        }
        lines.append(line);
        times.append(partTimes);
        provenance.append(partProvenance);
    }
    if (!lines.isEmpty()) {
        const bool single = lines.size() == 1;
        QJsonObject properties{
            {QStringLiteral("kind"), QStringLiteral("track")},
            {QStringLiteral("name"), data.vessel.displayName()},
            {QStringLiteral("start"), isoUtc(data.points.front().timeUtcMs)},
            {QStringLiteral("end"), isoUtc(data.points.back().timeUtcMs)},
            {QStringLiteral("coordinateProperties"),
             QJsonObject{
                 {QStringLiteral("times"), single ? times.first() : times},
                 {QStringLiteral("provenance"), single ? provenance.first() : provenance}}}};
        if (data.vessel.mmsi) {
            properties.insert(QStringLiteral("mmsi"), static_cast<qint64>(*data.vessel.mmsi));
        }
        if (data.vessel.imo) {
            properties.insert(QStringLiteral("imo"), static_cast<qint64>(*data.vessel.imo));
        }
        features.prepend(
            feature({{QStringLiteral("type"),
                      single ? QStringLiteral("LineString") : QStringLiteral("MultiLineString")},
                     {QStringLiteral("coordinates"), single ? lines.first() : QJsonValue(lines)}},
                    properties));
    }
    for (const model::Event& e : data.events) {
        if (!e.position) {
            continue;
        }
        QJsonObject properties{{QStringLiteral("kind"), model::toString(e.kind)},
                               {QStringLiteral("title"), e.title},
                               {QStringLiteral("time"), eventTime(e)},
                               {QStringLiteral("origin"), e.origin}};
        if (!e.time.isInstant() && eventHasClockTime(e)) {
            properties.insert(QStringLiteral("end"), isoUtc(e.time.endUtcMs));
        }
        if (!e.reportedTime.isEmpty()) {
            properties.insert(QStringLiteral("reported_time"), e.reportedTime);
        }
        if (!e.place.isEmpty()) {
            properties.insert(QStringLiteral("place"), e.place);
        }
        if (!e.description.isEmpty()) {
            properties.insert(QStringLiteral("description"), e.description);
        }
        features.append(
            feature({{QStringLiteral("type"), QStringLiteral("Point")},
                     {QStringLiteral("coordinates"),
                      position(e.position->latDeg, normalisedLongitude(e.position->lonDeg))}},
                    properties));
    }
    const QJsonObject collection{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                                 {QStringLiteral("features"), features}};
    return QJsonDocument(collection).toJson(QJsonDocument::Indented);
}

} // namespace wake::exporting
