// Right on real AIS, on hand-made data at the rules' edges: one MMSI used by
// two ships far apart is two vessels, placeholder MMSIs are never chained,
// a repeated import changes nothing, noise is not a jump, places where
// several vessels stop are learned and count as ports, and a stationary
// ship that stops transmitting is said to be just that.

#include "core/analysis/analyzer.h"
#include "core/analysis/position_jumps.h"
#include "core/export/track_export.h"
#include "core/export/track_parts.h"
#include "core/geo/geodesy.h"
#include "core/io/ais_import.h"
#include "core/store/database.h"
#include "tests/support/test_files.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <random>

namespace wake {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kT0 = 1'577'836'800'000; // 2020-01-01T00:00Z

QString isoTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

struct Row
{
    std::uint32_t mmsi;
    std::int64_t t;
    double lat;
    double lon;
    double sog;
    QString name;
};

QString csvOf(std::vector<Row> rows)
{
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.t < b.t; });
    QString out = QStringLiteral("MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,"
                                 "CallSign,VesselType\n");
    for (const Row& r : rows) {
        out += QStringLiteral("%1,%2,%3,%4,%5,90.0,511.0,%6,,,70.0\n")
                   .arg(r.mmsi)
                   .arg(isoTime(r.t))
                   .arg(r.lat, 0, 'f', 5)
                   .arg(r.lon, 0, 'f', 5)
                   .arg(r.sog, 0, 'f', 1)
                   .arg(r.name);
    }
    return out;
}

std::vector<model::Vessel> allVessels(store::Database& db)
{
    auto listed = db.listVessels();
    return listed.ok() ? std::move(listed).value() : std::vector<model::Vessel>{};
}

std::vector<model::Vessel> vesselsWithMmsi(store::Database& db, std::uint32_t mmsi)
{
    std::vector<model::Vessel> out;
    for (const model::Vessel& v : allVessels(db)) {
        if (v.mmsi == mmsi) {
            out.push_back(v);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
}

TEST(SharedMmsi, TwoShipsFarApartOnOneMmsiAreTwoVesselsWithTheirOwnNames)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.csv"));
    std::vector<Row> rows;
    for (int i = 0; i < 180; ++i) {
        rows.push_back({303457000, kT0 + i * kMinute, 53.88, -166.54 + i * 1e-5, 0.0,
                        QStringLiteral("ALASKA STAR")});
        rows.push_back({303457000, kT0 + i * kMinute + 30'000, 45.0, -82.4, 0.0,
                        QStringLiteral("HURON QUEEN")});
    }
    ASSERT_TRUE(test::writeAll(path, csvOf(rows).toUtf8()));
    auto db = store::Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(db.ok());
    io::AisImporter importer(*db);
    auto summary = importer.importFile(path);
    ASSERT_TRUE(summary.ok()) << summary.error().toString().toStdString();
    EXPECT_EQ(summary->sharedMmsiVessels, 1);
    const auto vessels = vesselsWithMmsi(*db, 303457000);
    ASSERT_EQ(vessels.size(), 2u);
    EXPECT_EQ(vessels[0].name, QStringLiteral("ALASKA STAR"));
    EXPECT_EQ(vessels[1].name, QStringLiteral("HURON QUEEN"));
    for (const model::Vessel& v : vessels) {
        const auto track = *db->track(v.id, 0, kT0 * 2);
        EXPECT_EQ(track.size(), 180u) << v.name->toStdString();
        for (const auto& p : track) {
            EXPECT_NEAR(p.latDeg, track.front().latDeg, 0.01); // never the other ship's fix
        }
    }
    // Neither name ever replaced the other.
    EXPECT_TRUE(db->observedIdentityHistory()->empty());

    // The same file again changes nothing.
    io::AisImporter again(*db);
    auto second = again.importFile(path);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->positionsStored, 0);
    EXPECT_EQ(second->vesselsCreated, 0);
    EXPECT_EQ(*db->trackPointCount(), 360);
    EXPECT_EQ(vesselsWithMmsi(*db, 303457000).size(), 2u);
}

// One boat at A, silent for thirty hours (its track closes), then fixes
// 100 km away: for a real MMSI that is the same ship back (one vessel); for
// a transponder's default MMSI it may be any boat (a vessel of its own).
std::size_t vesselsAfterASilence(std::uint32_t mmsi)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("silence.csv"));
    std::vector<Row> rows;
    for (int i = 0; i < 60; ++i) {
        rows.push_back({mmsi, kT0 + i * kMinute, 25.0, -80.0, 0.0, QStringLiteral("A")});
        rows.push_back(
            {mmsi, kT0 + (30 * 60 + i) * kMinute, 25.9, -80.0, 0.0, QStringLiteral("A")});
    }
    test::writeAll(path, csvOf(rows).toUtf8());
    auto db = store::Database::open(QStringLiteral(":memory:"));
    io::AisImporter importer(*db);
    (void)importer.importFile(path);
    return vesselsWithMmsi(*db, mmsi).size();
}

TEST(SharedMmsi, AShipBackAfterASilenceIsTheSameVesselButPlaceholderMmsisAreNeverChained)
{
    EXPECT_EQ(vesselsAfterASilence(366614000), 1u);
    EXPECT_EQ(vesselsAfterASilence(1193046), 2u);
    EXPECT_EQ(vesselsAfterASilence(111111111), 2u);
}

TEST(Noise, AConstantCourseReportedAtAnySecondOfItsMinuteHasNoJump)
{
    // Positions of each whole minute, stamped at a random second of it (a
    // receiver's clock, a report's latency): 1 s apart, 600 m apart at 20 kn.
    std::mt19937 random(7);
    std::uniform_int_distribution<int> second(0, 59);
    std::vector<model::TrackPoint> track;
    const double stepDeg = 20.0 / 60.0 / 60.0; // 20 kn north, per minute
    for (int i = 0; i < 1440; ++i) {
        model::TrackPoint p;
        p.timeUtcMs = kT0 + i * kMinute + second(random) * 1000;
        p.latDeg = 10.0 + i * stepDeg;
        p.lonDeg = 50.0;
        p.sogKnots = 20.0F;
        track.push_back(p);
    }
    const analysis::JumpRules rules;
    EXPECT_TRUE(analysis::findPositionJumps(track, rules).empty());
    // A fix thirty miles off is still a jump.
    track[700].lonDeg += 30.0 / 60.0 / std::cos(geo::degToRad(track[700].latDeg));
    const auto jumps = analysis::findPositionJumps(track, rules);
    ASSERT_EQ(jumps.size(), 1u);
    EXPECT_EQ(jumps[0].index, 700u);
}

TEST(Noise, TwoReceiversASecondAndFiftyEightMetresApartAreNoJump)
{
    model::TrackPoint a;
    a.timeUtcMs = kT0;
    a.latDeg = 25.0;
    a.lonDeg = -80.0;
    model::TrackPoint b = a;
    b.timeUtcMs += 1000;
    b.lonDeg += 58.0 / (111'195.0 * std::cos(geo::degToRad(25.0)));
    EXPECT_LT(analysis::credibleKnots(a, b, analysis::JumpRules{}), 1.0);
}

TEST(Exports, AJumpStaysOutOfTheLineAndASilenceInPortCutsIt)
{
    auto db = store::Database::open(QStringLiteral(":memory:"));
    model::Vessel v;
    v.mmsi = 366614000;
    const model::VesselId id = *db->createVessel(v);
    std::vector<model::TrackPoint> points;
    for (int i = 0; i < 20; ++i) {
        model::TrackPoint p;
        p.vesselId = id;
        // Ten fixes, seven hours of silence in port, ten more.
        p.timeUtcMs = kT0 + i * 10 * kMinute + (i >= 10 ? 7 * 60 * kMinute : 0);
        p.latDeg = 25.0;
        p.lonDeg = -80.0;
        points.push_back(p);
    }
    points[5].latDeg = 26.5; // a bad fix 90 nm off
    ASSERT_TRUE(db->insertTrackPoints(points).ok());
    model::Event jump;
    jump.kind = model::EventKind::PositionJump;
    jump.vesselId = id;
    jump.time = {points[5].timeUtcMs, points[5].timeUtcMs, model::TimePrecision::Minute};
    jump.origin = QStringLiteral("analysis");
    jump.title = QStringLiteral("Position jump");
    ASSERT_TRUE(db->insertEvent(jump).ok());
    exporting::ExportRequest request;
    request.vesselId = id;
    request.toUtcMs = kT0 * 2;
    const auto data = exporting::loadTrackExport(*db, request);
    ASSERT_TRUE(data.ok());
    EXPECT_EQ(data->points.size(), 19u);
    for (const auto& p : data->points) {
        EXPECT_EQ(p.latDeg, 25.0);
    }
    const auto parts = exporting::splitTrack(data->points, exporting::gapEvents(data->events));
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].size(), 9u);
    EXPECT_EQ(parts[1].size(), 10u);
}

// Real logs: the Danish Maritime Authority's feed stamps each message with a
// Gatehouse $PGHP sentence before it; exactEarth's adds a Unix time after
// the checksum too (the time it arrived, later than the $PGHP's).
TEST(RealLogs, GatehouseTimesAndUnixTimesAfterTheChecksumPlaceFixesInTime)
{
    auto db = store::Database::open(QStringLiteral(":memory:"));
    io::AisImporter importer(*db);
    auto dma =
        importer.importFile(QStringLiteral(WAKE_TEST_DATA_DIR "/real/aislib_stream_example.txt"));
    ASSERT_TRUE(dma.ok()) << dma.error().toString().toStdString();
    // Four of 2,955 positions stand where no $PGHP names them (multi-part
    // messages whose stamp is further away): counted, not guessed.
    EXPECT_LE(dma->positionsWithoutTime, 4);
    EXPECT_GT(dma->positionsStored, 2900);
    const auto from = QDateTime::fromString(QStringLiteral("2010-06-11T11:46:00Z"), Qt::ISODate);
    const auto to = QDateTime::fromString(QStringLiteral("2010-06-11T11:46:40Z"), Qt::ISODate);
    std::int64_t inside = 0;
    for (const model::Vessel& v : allVessels(*db)) {
        inside += static_cast<std::int64_t>(
            db->track(v.id, from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch())->size());
    }
    EXPECT_EQ(inside, dma->positionsStored);

    auto other = store::Database::open(QStringLiteral(":memory:"));
    io::AisImporter satellite(*other);
    auto ee = satellite.importFile(
        QStringLiteral(WAKE_TEST_DATA_DIR "/real/risky_exact-earth-augmented.txt"));
    ASSERT_TRUE(ee.ok());
    EXPECT_EQ(ee->positionsWithoutTime, 0);
    EXPECT_GT(ee->positionsStored, 1000);
    // Gatehouse times where the $PGHP names its sentence, else the logger's
    // Unix time (the arrival, up to an hour and a half later): all that day.
    const auto eeFrom = QDateTime::fromString(QStringLiteral("2012-01-31T05:00:00Z"), Qt::ISODate);
    const auto eeTo = QDateTime::fromString(QStringLiteral("2012-01-31T08:00:00Z"), Qt::ISODate);
    std::int64_t eeInside = 0;
    for (const model::Vessel& v : allVessels(*other)) {
        eeInside += static_cast<std::int64_t>(
            other->track(v.id, eeFrom.toMSecsSinceEpoch(), eeTo.toMSecsSinceEpoch())->size());
    }
    EXPECT_EQ(eeInside, ee->positionsStored);
}

TEST(RealLogs, AUnixTimeAfterTheChecksumAloneIsTheTime)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trailing.nmea"));
    ASSERT_TRUE(test::writeAll(path,
                               "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A,1500000000123\n"
                               "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A,1500000600\n"
                               "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A,99999999999999\n"));
    auto db = store::Database::open(QStringLiteral(":memory:"));
    io::AisImporter importer(*db);
    auto s = importer.importFile(path);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->positionsStored, 2);
    EXPECT_EQ(s->positionsWithoutTime, 1); // fourteen digits are no time
    const auto v = allVessels(*db).front();
    const auto track = *db->track(v.id, 0, 4'000'000'000'000);
    ASSERT_EQ(track.size(), 2u);
    EXPECT_EQ(track[0].timeUtcMs, 1500000000123);
    EXPECT_EQ(track[1].timeUtcMs, 1500000600000);
}

// Issue "Nothing lost": NaN and infinite numbers and positions beyond the
// globe are rejected and counted by reason, and never stored.
TEST(BadInput, NonFiniteNumbersAndPositionsOutOfRangeAreCountedAndNeverStored)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.csv"));
    ASSERT_TRUE(test::writeAll(path,
                               "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,"
                               "CallSign,VesselType\n"
                               "366614000,2020-01-01T00:00:00,25.0,-80.0,1.0,0.0,511,A,,,70\n"
                               "366614000,2020-01-01T00:01:00,nan,-80.0,1.0,0.0,511,A,,,70\n"
                               "366614000,2020-01-01T00:02:00,25.0,inf,1.0,0.0,511,A,,,70\n"
                               "366614000,2020-01-01T00:03:00,25.0,-80.0,NaN,0.0,511,A,,,70\n"
                               "366614000,2020-01-01T00:04:00,91,181,1.0,0.0,511,A,,,70\n"
                               "366614000,2020-01-01T00:05:00,-200,-80,1.0,0.0,511,A,,,70\n"
                               "366614000,2020-01-01T00:06:00,25.0,-80.0,1.0,0.0,511,A,,,70\n"));
    auto db = store::Database::open(QStringLiteral(":memory:"));
    io::AisImporter importer(*db);
    const auto s = importer.importFile(path);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->csv[io::CsvRejection::BadNumber].count, 3);
    // -200 is wrong; 91/181 is AIS's "no position": counted, not a rejection.
    EXPECT_EQ(s->csv[io::CsvRejection::OutOfRange].count, 1);
    EXPECT_EQ(s->csv[io::CsvRejection::OutOfRange].exampleLines[0], 7);
    EXPECT_EQ(s->csv.rowsWithoutPosition, 1);
    EXPECT_EQ(s->positionsStored, 2);
    const auto v = allVessels(*db).front();
    const auto stored = db->track(v.id, 0, kT0 * 2);
    ASSERT_TRUE(stored.ok());
    const std::vector<model::TrackPoint> points = *stored;
    for (const auto& p : points) {
        EXPECT_TRUE(std::isfinite(p.latDeg) && std::abs(p.latDeg) <= 90.0);
        EXPECT_TRUE(!p.sogKnots || std::isfinite(*p.sogKnots));
    }
}

TEST(RealLogs, AVesselTypeWrittenSeventyPointZeroIsSeventy)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("types.csv"));
    ASSERT_TRUE(test::writeAll(path, "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,"
                                     "CallSign,VesselType\n"
                                     "366614000,2020-01-01T00:00:00,25.0,-80.0,0.0,0.0,511.0,"
                                     "CARGO ONE,IMO9074729.0,WXYZ,70.0\n"));
    auto db = store::Database::open(QStringLiteral(":memory:"));
    io::AisImporter importer(*db);
    ASSERT_TRUE(importer.importFile(path).ok());
    const auto v = allVessels(*db).front();
    EXPECT_EQ(v.aisShipType, 70);
    EXPECT_EQ(v.imo, 9074729u);
}

} // namespace
} // namespace wake
