// GPX 1.1 (https://www.topografix.com/GPX/1/1/): the events with a position
// as waypoints, the track as one <trk> with a <trkseg> per part (a new one
// after each AIS gap and at the antimeridian). Every point has its time; its
// provenance is its <type> and, with speed, course and heading, in Wake's
// extension namespace.

#include "core/export/track_export.h"
#include "core/export/track_parts.h"

#include <QXmlStreamWriter>

namespace wake::exporting {

namespace {

constexpr const char* kGpxNs = "http://www.topografix.com/GPX/1/1";
constexpr const char* kWakeNs = "urn:x-wake:gpx-extensions:1";

QString number(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

QByteArray toGpx(const TrackExport& data)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QString::fromLatin1(kGpxNs));
    xml.writeNamespace(QString::fromLatin1(kWakeNs), QStringLiteral("wake"));
    xml.writeStartElement(QString::fromLatin1(kGpxNs), QStringLiteral("gpx"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1"));
    xml.writeAttribute(QStringLiteral("creator"), QStringLiteral("Wake " WAKE_VERSION));
    xml.writeStartElement(QStringLiteral("metadata"));
    xml.writeTextElement(QStringLiteral("name"), data.vessel.displayName());
    xml.writeTextElement(
        QStringLiteral("desc"),
        QStringLiteral("Track exported by Wake. Point types: observed (received over AIS), "
                       "reported (a source places the ship there), reconstructed (inferred "
                       "by Wake; the ship's path there was not reported). A point reported by "
                       "date only stands at noon UTC of that date: the hour was not reported."));
    xml.writeEndElement(); // metadata

    for (const model::Event& e : data.events) {
        if (!e.position) {
            continue;
        }
        xml.writeStartElement(QStringLiteral("wpt"));
        xml.writeAttribute(QStringLiteral("lat"), number(e.position->latDeg, 7));
        xml.writeAttribute(QStringLiteral("lon"),
                           number(normalisedLongitude(e.position->lonDeg), 7));
        // GPX times are full date-times: an event reported by date only has
        // none, and says its date in its description instead.
        if (eventHasClockTime(e)) {
            xml.writeTextElement(QStringLiteral("time"), isoUtc(e.time.startUtcMs));
        }
        xml.writeTextElement(QStringLiteral("name"), e.title);
        QString desc =
            eventHasClockTime(e)
                ? e.description
                : QStringLiteral("Reported date: %1. %2").arg(eventTime(e), e.description);
        if (!desc.trimmed().isEmpty()) {
            xml.writeTextElement(QStringLiteral("desc"), desc.trimmed());
        }
        xml.writeTextElement(QStringLiteral("type"), model::toString(e.kind));
        xml.writeEndElement(); // wpt
    }

    xml.writeStartElement(QStringLiteral("trk"));
    xml.writeTextElement(QStringLiteral("name"), data.vessel.displayName());
    for (const TrackPart& part : splitTrack(data.points, gapEvents(data.events))) {
        xml.writeStartElement(QStringLiteral("trkseg"));
        for (const model::TrackPoint& p : part) {
            xml.writeStartElement(QStringLiteral("trkpt"));
            xml.writeAttribute(QStringLiteral("lat"), number(p.latDeg, 7));
            xml.writeAttribute(QStringLiteral("lon"), number(p.lonDeg, 7));
            xml.writeTextElement(QStringLiteral("time"), isoUtc(p.timeUtcMs));
            xml.writeTextElement(QStringLiteral("type"),
                                 QString::fromLatin1(model::toString(p.provenance)));
            xml.writeStartElement(QStringLiteral("extensions"));
            xml.writeTextElement(QString::fromLatin1(kWakeNs), QStringLiteral("provenance"),
                                 QString::fromLatin1(model::toString(p.provenance)));
            if (p.sogKnots) {
                xml.writeTextElement(QString::fromLatin1(kWakeNs), QStringLiteral("sog_knots"),
                                     number(*p.sogKnots, 1));
            }
            if (p.cogDeg) {
                xml.writeTextElement(QString::fromLatin1(kWakeNs), QStringLiteral("cog_deg"),
                                     number(*p.cogDeg, 1));
            }
            if (p.headingDeg) {
                xml.writeTextElement(QString::fromLatin1(kWakeNs), QStringLiteral("heading_deg"),
                                     QString::number(*p.headingDeg));
            }
            xml.writeEndElement(); // extensions
            xml.writeEndElement(); // trkpt
        }
        xml.writeEndElement(); // trkseg
    }
    xml.writeEndElement(); // trk
    xml.writeEndElement(); // gpx
    xml.writeEndDocument();
    return out;
}

} // namespace wake::exporting
