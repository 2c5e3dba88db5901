// Track exports on a hand-made track: a gap event and an antimeridian
// crossing cut it into three parts, one point is reconstructed and one
// reported. Each format is read back with a reader of its own kind (XML,
// JSON, the CSV importer) and checked against what the track says.

#include "core/export/track_export.h"
#include "core/export/track_parts.h"
#include "core/io/ais_import.h"
#include "core/store/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

using namespace wake;
using exporting::TrackExport;
using model::Provenance;

namespace {

constexpr std::int64_t kT0 = 1'373'000'000'000; // 2013-07-05T04:53:20Z
constexpr std::int64_t kHour = 3'600'000;

model::TrackPoint point(std::int64_t t, double lat, double lon,
                        Provenance provenance = Provenance::Observed)
{
    model::TrackPoint p;
    p.vesselId = 1;
    p.timeUtcMs = t;
    p.latDeg = lat;
    p.lonDeg = lon;
    p.sogKnots = 12.5F;
    p.provenance = provenance;
    return p;
}

// Observed near the antimeridian, crossing it eastwards (179.5 -> -179.5),
// then an AIS gap, then a reported and a reconstructed point.
TrackExport sample()
{
    TrackExport data;
    data.vessel.id = 1;
    data.vessel.mmsi = 273000001u;
    data.vessel.name = QStringLiteral("Test, \"Ship\"");
    data.vessel.imo = 9074729;
    data.points = {point(kT0, 40.0, 179.0),
                   point(kT0 + kHour, 40.2, 179.5),
                   point(kT0 + 2 * kHour, 40.6, -179.5),
                   point(kT0 + 3 * kHour, 41.0, -179.0),
                   point(kT0 + 30 * kHour, 43.0, -175.0, Provenance::Reported),
                   point(kT0 + 31 * kHour, 43.5, -174.0, Provenance::Reconstructed)};
    model::Event gap;
    gap.kind = model::EventKind::AisGap;
    gap.time = {kT0 + 3 * kHour, kT0 + 30 * kHour, model::TimePrecision::Millisecond};
    gap.position = model::LatLon{41.0, -179.0};
    gap.title = QStringLiteral("AIS gap & silence");
    data.events.push_back(gap);
    model::Event seizure;
    seizure.kind = model::EventKind::Seizure;
    seizure.time = {kT0 + 31 * kHour, kT0 + 31 * kHour, model::TimePrecision::Day};
    seizure.reportedTime = QStringLiteral("2013-07-06");
    seizure.position = model::LatLon{43.5, -174.0};
    seizure.title = QStringLiteral("Seized");
    data.events.push_back(seizure);
    return data;
}

struct GpxPoint
{
    double lat = 0, lon = 0;
    QString time, type, provenance;
};

// GPX read back: the track's segments and the waypoints' names.
struct Gpx
{
    std::vector<std::vector<GpxPoint>> segments;
    QStringList waypoints;
    QStringList waypointTimes;
};

Gpx readGpx(const QByteArray& bytes)
{
    Gpx gpx;
    QXmlStreamReader xml(bytes);
    GpxPoint* current = nullptr;
    bool inWpt = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("trkseg")) {
                gpx.segments.emplace_back();
            } else if (name == QLatin1String("trkpt")) {
                gpx.segments.back().push_back({xml.attributes().value("lat").toDouble(),
                                               xml.attributes().value("lon").toDouble(),
                                               {},
                                               {},
                                               {}});
                current = &gpx.segments.back().back();
            } else if (name == QLatin1String("wpt")) {
                inWpt = true;
            } else if (name == QLatin1String("time") && current) {
                current->time = xml.readElementText();
            } else if (name == QLatin1String("type") && current) {
                current->type = xml.readElementText();
            } else if (name == QLatin1String("provenance") && current) {
                EXPECT_EQ(xml.namespaceUri(), QLatin1String("urn:x-wake:gpx-extensions:1"));
                current->provenance = xml.readElementText();
            } else if (name == QLatin1String("name") && inWpt) {
                gpx.waypoints << xml.readElementText();
            } else if (name == QLatin1String("time") && inWpt) {
                gpx.waypointTimes << xml.readElementText();
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == QLatin1String("trkpt")) {
                current = nullptr;
            } else if (xml.name() == QLatin1String("wpt")) {
                inWpt = false;
            }
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return gpx;
}

} // namespace

TEST(TrackParts, CutsAtGapsAndAtTheAntimeridianWithInterpolatedEnds)
{
    const TrackExport data = sample();
    const auto parts = exporting::splitTrack(data.points, exporting::gapEvents(data.events));
    ASSERT_EQ(parts.size(), 3u);
    // 179.5 -> -179.5 is 1 degree the short way; the cut lies halfway.
    ASSERT_EQ(parts[0].size(), 3u);
    EXPECT_NEAR(parts[0].back().lonDeg, 180.0, 1e-6);
    EXPECT_LT(parts[0].back().lonDeg, 180.0);
    EXPECT_NEAR(parts[0].back().latDeg, 40.4, 1e-9);
    EXPECT_EQ(parts[0].back().timeUtcMs, kT0 + kHour + kHour / 2);
    EXPECT_EQ(parts[0].back().provenance, Provenance::Reconstructed);
    EXPECT_EQ(parts[1].front().lonDeg, -180.0);
    EXPECT_EQ(parts[1].front().latDeg, parts[0].back().latDeg);
    EXPECT_EQ(parts[1].size(), 3u);
    EXPECT_EQ(parts[2].size(), 2u); // after the gap
    EXPECT_DOUBLE_EQ(exporting::normalisedLongitude(180.0), -180.0);
    EXPECT_DOUBLE_EQ(exporting::normalisedLongitude(-190.0), 170.0);
}

TEST(TrackExport, GpxHasATimeOnEveryPointASegmentPerPartAndTheProvenance)
{
    const Gpx gpx = readGpx(exporting::toGpx(sample()));
    ASSERT_EQ(gpx.segments.size(), 3u);
    std::size_t points = 0;
    for (const auto& segment : gpx.segments) {
        for (const GpxPoint& p : segment) {
            ++points;
            EXPECT_FALSE(p.time.isEmpty());
            EXPECT_GE(p.lon, -180.0);
            EXPECT_LT(p.lon, 180.0);
            EXPECT_EQ(p.type, p.provenance);
        }
    }
    EXPECT_EQ(points, 8u); // six points and the two ends of the cut
    EXPECT_EQ(gpx.segments[0][0].time, QStringLiteral("2013-07-05T04:53:20Z"));
    EXPECT_EQ(gpx.segments[0][0].provenance, QStringLiteral("observed"));
    EXPECT_EQ(gpx.segments[0][2].provenance, QStringLiteral("reconstructed")); // the cut
    EXPECT_EQ(gpx.segments[2][0].provenance, QStringLiteral("reported"));
    EXPECT_EQ(gpx.segments[2][1].provenance, QStringLiteral("reconstructed"));
    EXPECT_EQ(gpx.waypoints,
              QStringList({QStringLiteral("AIS gap & silence"), QStringLiteral("Seized")}));
    // The seizure was reported by date only: no clock time is made up for it.
    EXPECT_EQ(gpx.waypointTimes.size(), 1);
}

TEST(TrackExport, KmlPutsEveryWhenBeforeTheCoordinatesOfEachTrack)
{
    const QByteArray kml = exporting::toKml(sample());
    QXmlStreamReader xml(kml);
    int tracks = 0;
    int whens = 0; // inside tracks
    int coords = 0;
    int values = 0;
    bool inTrack = false;
    bool coordSeen = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("Track")) {
            EXPECT_EQ(xml.namespaceUri(), QLatin1String("http://www.google.com/kml/ext/2.2"));
            ++tracks;
            inTrack = true;
            coordSeen = false;
        } else if (xml.isEndElement() && xml.name() == QLatin1String("Track")) {
            inTrack = false;
        } else if (xml.isStartElement() && xml.name() == QLatin1String("when") && inTrack) {
            EXPECT_FALSE(coordSeen) << "a <when> after a <gx:coord>";
            ++whens;
        } else if (xml.isStartElement() && xml.name() == QLatin1String("coord")) {
            coordSeen = true;
            ++coords;
            const QStringList parts = xml.readElementText().split(QLatin1Char(' '));
            ASSERT_EQ(parts.size(), 3);
            EXPECT_LT(parts[0].toDouble(), 180.0);
        } else if (xml.isStartElement() && xml.name() == QLatin1String("value") &&
                   xml.namespaceUri() == QLatin1String("http://www.google.com/kml/ext/2.2")) {
            ++values;
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_EQ(tracks, 3);
    EXPECT_EQ(coords, 8);
    EXPECT_EQ(whens, 8);
    EXPECT_EQ(values, 8); // a provenance for every point
    // Events carry their time stamp: the gap's instant, the seizure's date as reported.
    EXPECT_TRUE(kml.contains("<when>2013-07-05T07:53:20Z</when>"));
    EXPECT_TRUE(kml.contains("<when>2013-07-06</when>"));
}

TEST(TrackExport, GeoJsonHasTimesForEveryCoordinateAndTheEventsAsPoints)
{
    const QJsonDocument doc = QJsonDocument::fromJson(exporting::toGeoJson(sample()));
    ASSERT_TRUE(doc.isObject());
    const QJsonArray features = doc.object().value("features").toArray();
    ASSERT_EQ(features.size(), 3); // the track and two events
    const QJsonObject track = features[0].toObject();
    EXPECT_EQ(track["geometry"].toObject()["type"].toString(), QStringLiteral("MultiLineString"));
    const QJsonArray lines = track["geometry"].toObject()["coordinates"].toArray();
    const QJsonObject props = track["properties"].toObject()["coordinateProperties"].toObject();
    const QJsonArray times = props["times"].toArray();
    const QJsonArray provenance = props["provenance"].toArray();
    ASSERT_EQ(lines.size(), 3);
    ASSERT_EQ(times.size(), 3);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].toArray().size(), times[i].toArray().size());
        EXPECT_EQ(lines[i].toArray().size(), provenance[i].toArray().size());
        for (const QJsonValue& position : lines[i].toArray()) {
            EXPECT_LT(position.toArray()[0].toDouble(), 180.0);
        }
    }
    EXPECT_EQ(provenance[2].toArray()[1].toString(), QStringLiteral("reconstructed"));
    EXPECT_EQ(times[0].toArray()[0].toString(), QStringLiteral("2013-07-05T04:53:20Z"));
    EXPECT_EQ(track["properties"].toObject()["mmsi"].toInt(), 273000001);
    const QJsonObject seizure = features[2].toObject();
    EXPECT_EQ(seizure["geometry"].toObject()["type"].toString(), QStringLiteral("Point"));
    EXPECT_EQ(seizure["properties"].toObject()["time"].toString(), QStringLiteral("2013-07-06"));
}

TEST(TrackExport, CsvReimportsTheObservedRowsAndCountsTheOthers)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("track.csv"));
    ASSERT_TRUE(exporting::writeExport(sample(), exporting::ExportFormat::Csv, path).ok());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    EXPECT_EQ(lines[0], QByteArray("MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,"
                                   "CallSign,VesselType,Status,Length,Width,Draft,Cargo,"
                                   "TransceiverClass,Provenance"));
    EXPECT_TRUE(lines[1].startsWith("273000001,2013-07-05T04:53:20,40.0000000,179.0000000,12.5,"))
        << lines[1].toStdString();
    EXPECT_TRUE(lines[1].contains("\"Test, \"\"Ship\"\"\",IMO9074729"));

    auto db = store::Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(db.ok());
    io::AisImporter importer(*db);
    auto summary = importer.importFile(path);
    ASSERT_TRUE(summary.ok()) << summary.error().toString().toStdString();
    EXPECT_EQ(summary->positionsStored, 4);
    EXPECT_EQ(summary->csv[io::CsvRejection::NotObserved].count, 2);
    EXPECT_EQ(summary->csv[io::CsvRejection::NotObserved].exampleLines[0], 6);
}

// Names as a hostile sender or a careless operator types them: none runs as
// a formula in a spreadsheet, none splits a row, and wake import reads each
// back exactly (quotes not doubled again, the apostrophe taken off again).
TEST(TrackExport, CsvCellsAreSafeInASpreadsheetAndReadBackExactly)
{
    const QStringList names = {QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"),
                               QStringLiteral("+1+2"),
                               QStringLiteral("-3"),
                               QStringLiteral("@SUM(A1)"),
                               QStringLiteral("'=already"),
                               QStringLiteral("'plain"),
                               QStringLiteral("TWO\rROWS"),
                               QStringLiteral("SAY \"\"HI\"\""),
                               QStringLiteral("A-OK")};
    QTemporaryDir dir;
    for (const QString& name : names) {
        TrackExport data = sample();
        data.vessel.name = name;
        data.vessel.callSign = QStringLiteral("=CALL");
        const QByteArray csv = exporting::toMarineCadastreCsv(data);
        const QList<QByteArray> rows = csv.split('\n');
        ASSERT_EQ(rows.size(), 8) << name.toStdString(); // header, six points, the end
        const QByteArray row = rows[1];
        if (name.contains(QLatin1Char('\r'))) {
            EXPECT_TRUE(row.contains(",\"TWO\rROWS\",")) << "a bare CR is quoted";
        }
        for (const char* formula : {",=", ",+", ",-3", ",@", ",\"="}) {
            EXPECT_FALSE(row.contains(formula)) << row.toStdString();
        }
        EXPECT_TRUE(row.contains(",'=CALL,")) << row.toStdString();

        const QString path = dir.filePath(QStringLiteral("round.csv"));
        ASSERT_TRUE(exporting::writeExport(data, exporting::ExportFormat::Csv, path).ok());
        auto db = store::Database::open(QStringLiteral(":memory:"));
        ASSERT_TRUE(db.ok());
        io::AisImporter importer(*db);
        auto summary = importer.importFile(path);
        ASSERT_TRUE(summary.ok()) << summary.error().toString().toStdString();
        auto vessels = db->listVessels();
        ASSERT_TRUE(vessels.ok());
        ASSERT_EQ(vessels->size(), 1u);
        EXPECT_EQ(vessels->front().name.value_or(QString()), name);
        EXPECT_EQ(vessels->front().callSign.value_or(QString()), QStringLiteral("=CALL"));
    }
}

TEST(TrackExport, NeverWritesOverADatabase)
{
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("store.sqlite"));
    {
        auto db = store::Database::open(store);
        ASSERT_TRUE(db.ok());
    }
    const auto readHead = [](const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.read(16) : QByteArray();
    };
    ASSERT_TRUE(readHead(store).startsWith("SQLite format 3"));
    const QString link = dir.filePath(QStringLiteral("track.csv"));
    ASSERT_TRUE(QFile::link(store, link));
    for (const QString& out : {store, link}) {
        const Status s = exporting::writeExport(sample(), exporting::ExportFormat::Csv, out);
        ASSERT_FALSE(s.ok()) << out.toStdString();
        EXPECT_EQ(s.error().code, Error::Code::InvalidArgument);
        EXPECT_TRUE(s.error().message.contains(QStringLiteral("is a database")));
    }
    QFile wal(store + QStringLiteral("-wal"));
    ASSERT_TRUE(wal.open(QIODevice::WriteOnly));
    wal.write(QByteArray("\x37\x7f\x06\x82", 4) + QByteArray(28, '\0'));
    wal.close();
    EXPECT_FALSE(exporting::writeExport(sample(), exporting::ExportFormat::Gpx,
                                        store + QStringLiteral("-wal"))
                     .ok());
    EXPECT_FALSE(exporting::writeExport(sample(), exporting::ExportFormat::Gpx,
                                        store + QStringLiteral("-journal"))
                     .ok())
        << "beside a database, whatever is in it";
    EXPECT_TRUE(readHead(store).startsWith("SQLite format 3"));
    EXPECT_TRUE(
        exporting::writeExport(sample(), exporting::ExportFormat::Gpx, dir.filePath("ok.gpx"))
            .ok());
}

TEST(TrackExport, AFailedWriteLeavesTheOldFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing-dir/track.gpx"));
    const Status s = exporting::writeExport(sample(), exporting::ExportFormat::Gpx, path);
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("cannot write")));
}

TEST(ExportFormat, FollowsTheNameOrTheExtension)
{
    EXPECT_EQ(*exporting::exportFormatFromName(QStringLiteral("GeoJSON")),
              exporting::ExportFormat::GeoJson);
    EXPECT_FALSE(exporting::exportFormatFromName(QStringLiteral("shp")).ok());
    EXPECT_EQ(exporting::exportFormatFromPath(QStringLiteral("/tmp/a.KML")),
              exporting::ExportFormat::Kml);
    EXPECT_FALSE(exporting::exportFormatFromPath(QStringLiteral("/tmp/a.txt")));
}
