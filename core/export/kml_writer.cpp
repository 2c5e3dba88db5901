// KML 2.2 for Google Earth and GDAL: the track as a gx:MultiTrack of one
// gx:Track per part (in each, every <when> before the first <gx:coord>, as
// some readers require), each point's provenance in a gx:SimpleArrayData, the
// track's time span on its placemark, and the events as placemarks with their
// time stamp.

#include "core/export/track_export.h"
#include "core/export/track_parts.h"

#include <QXmlStreamWriter>

namespace wake::exporting {

namespace {

constexpr const char* kKmlNs = "http://www.opengis.net/kml/2.2";
constexpr const char* kGxNs = "http://www.google.com/kml/ext/2.2";

QString coord(double lat, double lon, QChar separator)
{
    return QString::number(lon, 'f', 7) + separator + QString::number(lat, 'f', 7) + separator +
           QLatin1Char('0');
}

} // namespace

QByteArray toKml(const TrackExport& data)
{
    const QString gx = QString::fromLatin1(kGxNs);
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QString::fromLatin1(kKmlNs));
    xml.writeNamespace(gx, QStringLiteral("gx"));
    xml.writeStartElement(QString::fromLatin1(kKmlNs), QStringLiteral("kml"));
    xml.writeStartElement(QStringLiteral("Document"));
    xml.writeTextElement(QStringLiteral("name"), data.vessel.displayName());
    xml.writeTextElement(
        QStringLiteral("description"),
        QStringLiteral("Exported by Wake %1. Each point's provenance: observed (received over "
                       "AIS), reported (a source places the ship there) or reconstructed "
                       "(inferred by Wake).")
            .arg(QStringLiteral(WAKE_VERSION)));
    xml.writeStartElement(QStringLiteral("Schema"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("wakePoint"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("wakePoint"));
    xml.writeStartElement(gx, QStringLiteral("SimpleArrayField"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("provenance"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("string"));
    xml.writeTextElement(QStringLiteral("displayName"), QStringLiteral("Provenance"));
    xml.writeEndElement(); // SimpleArrayField
    xml.writeEndElement(); // Schema

    const auto parts = splitTrack(data.points, gapEvents(data.events));
    if (!parts.empty()) {
        xml.writeStartElement(QStringLiteral("Placemark"));
        xml.writeTextElement(QStringLiteral("name"), data.vessel.displayName());
        xml.writeStartElement(QStringLiteral("TimeSpan"));
        xml.writeTextElement(QStringLiteral("begin"), isoUtc(parts.front().front().timeUtcMs));
        xml.writeTextElement(QStringLiteral("end"), isoUtc(parts.back().back().timeUtcMs));
        xml.writeEndElement(); // TimeSpan
        xml.writeStartElement(gx, QStringLiteral("MultiTrack"));
        xml.writeTextElement(gx, QStringLiteral("interpolate"), QStringLiteral("0"));
        for (const TrackPart& part : parts) {
            xml.writeStartElement(gx, QStringLiteral("Track"));
            for (const model::TrackPoint& p : part) {
                xml.writeTextElement(QStringLiteral("when"), isoUtc(p.timeUtcMs));
            }
            for (const model::TrackPoint& p : part) {
                xml.writeTextElement(gx, QStringLiteral("coord"),
                                     coord(p.latDeg, p.lonDeg, QLatin1Char(' ')));
            }
            xml.writeStartElement(QStringLiteral("ExtendedData"));
            xml.writeStartElement(QStringLiteral("SchemaData"));
            xml.writeAttribute(QStringLiteral("schemaUrl"), QStringLiteral("#wakePoint"));
            xml.writeStartElement(gx, QStringLiteral("SimpleArrayData"));
            xml.writeAttribute(QStringLiteral("name"), QStringLiteral("provenance"));
            for (const model::TrackPoint& p : part) {
                xml.writeTextElement(gx, QStringLiteral("value"),
                                     QString::fromLatin1(model::toString(p.provenance)));
            }
            xml.writeEndElement(); // SimpleArrayData
            xml.writeEndElement(); // SchemaData
            xml.writeEndElement(); // ExtendedData
            xml.writeEndElement(); // Track
        }
        xml.writeEndElement(); // MultiTrack
        xml.writeEndElement(); // Placemark
    }

    for (const model::Event& e : data.events) {
        if (!e.position) {
            continue;
        }
        xml.writeStartElement(QStringLiteral("Placemark"));
        xml.writeTextElement(QStringLiteral("name"), e.title);
        if (!e.description.isEmpty()) {
            xml.writeTextElement(QStringLiteral("description"), e.description);
        }
        xml.writeStartElement(QStringLiteral("TimeStamp"));
        xml.writeTextElement(QStringLiteral("when"), eventTime(e)); // KML takes a bare date too
        xml.writeEndElement();
        xml.writeStartElement(QStringLiteral("ExtendedData"));
        for (const auto& [name, value] :
             {std::pair{QStringLiteral("kind"), model::toString(e.kind)},
              std::pair{QStringLiteral("origin"), e.origin},
              std::pair{QStringLiteral("place"), e.place}}) {
            xml.writeStartElement(QStringLiteral("Data"));
            xml.writeAttribute(QStringLiteral("name"), name);
            xml.writeTextElement(QStringLiteral("value"), value);
            xml.writeEndElement();
        }
        xml.writeEndElement(); // ExtendedData
        xml.writeStartElement(QStringLiteral("Point"));
        xml.writeTextElement(
            QStringLiteral("coordinates"),
            coord(e.position->latDeg, normalisedLongitude(e.position->lonDeg), QLatin1Char(',')));
        xml.writeEndElement(); // Point
        xml.writeEndElement(); // Placemark
    }
    xml.writeEndElement(); // Document
    xml.writeEndElement(); // kml
    xml.writeEndDocument();
    return out;
}

} // namespace wake::exporting
