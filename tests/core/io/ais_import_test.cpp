// Importing AIS files into the store: the shared CSV samples and NMEA
// corpora, times, identities, rejected rows, and a cancelled import.

#include "core/io/ais_import.h"
#include "core/io/utc_time.h"
#include "core/store/database.h"
#include "tests/support/test_files.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace wake::io {
namespace {

QString corpus(const char* relative)
{
    return QStringLiteral(WAKE_TEST_DATA_DIR "/ais/") + QString::fromLatin1(relative);
}

store::Database openMemory()
{
    auto db = store::Database::open(QStringLiteral(":memory:"));
    EXPECT_TRUE(db.ok());
    return std::move(db).value();
}

std::optional<model::Vessel> vesselByMmsi(store::Database& db, std::uint32_t mmsi)
{
    auto id = db.findVesselByMmsi(mmsi);
    if (!id || !*id) {
        return std::nullopt;
    }
    auto v = db.vessel(**id);
    return v && *v ? std::optional<model::Vessel>(**v) : std::nullopt;
}

TEST(UtcTime, ParsesBothCsvFormatsAndRefusesNonsense)
{
    EXPECT_EQ(*parseIsoUtc("1970-01-01T00:00:00"), 0);
    EXPECT_EQ(*parseIsoUtc("2017-12-01T00:00:01"), 1512086401000);
    EXPECT_EQ(*parseIsoUtc("2017-12-01 00:00:01.250Z"), 1512086401250);
    EXPECT_EQ(*parseDayFirstUtc("18/03/2023 00:00:00"), 1679097600000);
    EXPECT_EQ(*parseDayFirstUtc("29/02/2024 23:59:59"), 1709251199000);
    EXPECT_FALSE(parseIsoUtc("2017-12-01Txx:00:01"));
    EXPECT_FALSE(parseDayFirstUtc("29/02/2023 00:00:00"));
    EXPECT_FALSE(parseIsoUtc("2017-13-01T00:00:00"));
    EXPECT_FALSE(parseIsoUtc(""));
}

TEST(AisImport, DetectsEachFormatByItsFirstLines)
{
    EXPECT_EQ(*detectImportFormat(corpus("csv/dma_aisdk-2023-03-18_head.csv")),
              ImportFormat::DanishMaritimeCsv);
    EXPECT_EQ(*detectImportFormat(corpus("csv/fathom5_ais_testdata_ten.csv")),
              ImportFormat::MarineCadastreCsv);
    EXPECT_EQ(*detectImportFormat(corpus("csv/fathom5_ais_testdata_badMMSIData.csv")),
              ImportFormat::MarineCadastreCsv);
    EXPECT_EQ(*detectImportFormat(corpus("gpsd/daemon/ais-nmea.log")), ImportFormat::Nmea);
    const auto notAis = detectImportFormat(corpus("README.md"));
    ASSERT_FALSE(notAis.ok());
    EXPECT_EQ(notAis.error().code, Error::Code::Format);
    EXPECT_FALSE(detectImportFormat(QStringLiteral("/nonexistent/file.nmea")).ok());
}

TEST(AisImport, DanishCsvFillsPositionsAndIdentity)
{
    store::Database db = openMemory();
    AisImporter importer(db);
    auto summary = importer.importFile(corpus("csv/dma_aisdk-2023-03-18_head.csv"));
    ASSERT_TRUE(summary.ok()) << summary.error().toString().toStdString();
    EXPECT_EQ(summary->csv.rows, 9);
    EXPECT_EQ(summary->csv.skippedStations, 1); // the base station row
    EXPECT_EQ(summary->csv.rejected(), 0);
    // The row with latitude 91 has static data only.
    const auto guard = vesselByMmsi(db, 219472000);
    ASSERT_TRUE(guard);
    EXPECT_EQ(*guard->name, QStringLiteral("GUARDVESSEL ADVANCER"));
    EXPECT_EQ(*guard->imo, 9686429u);
    EXPECT_EQ(*guard->callSign, QStringLiteral("OWMI2"));
    EXPECT_DOUBLE_EQ(*guard->lengthM, 23.0);
    EXPECT_EQ(*guard->flagAlpha2, QStringLiteral("DK"));
    EXPECT_EQ(*db.trackPointCount(guard->id), 0);
    const auto ship = vesselByMmsi(db, 352002266);
    ASSERT_TRUE(ship);
    auto track = db.track(ship->id, 0, std::numeric_limits<std::int64_t>::max());
    ASSERT_TRUE(track.ok());
    ASSERT_EQ(track->size(), 1u);
    const model::TrackPoint& p = track->front();
    EXPECT_EQ(p.timeUtcMs, 1679097600000);
    EXPECT_DOUBLE_EQ(p.latDeg, 55.4921);
    EXPECT_DOUBLE_EQ(p.lonDeg, 14.7525);
    EXPECT_FLOAT_EQ(*p.sogKnots, 12.5f);
    EXPECT_FLOAT_EQ(*p.cogDeg, 241.8f);
    EXPECT_EQ(*p.headingDeg, 241);
    EXPECT_EQ(*p.navStatus, 0);
    EXPECT_EQ(summary->positionsStored, *db.trackPointCount());
}

TEST(AisImport, MarineCadastreCsvCountsBadRowsAndKeepsTheRest)
{
    store::Database db = openMemory();
    AisImporter importer(db);
    auto bad = importer.importFile(corpus("csv/fathom5_ais_testdata_badMMSIData.csv"));
    ASSERT_TRUE(bad.ok());
    EXPECT_EQ(bad->csv[CsvRejection::BadMmsi].count, 1);
    EXPECT_EQ(bad->csv[CsvRejection::BadMmsi].exampleLines[0], 3);
    EXPECT_EQ(bad->positionsStored, 9);
    auto badTime = importer.importFile(corpus("csv/fathom5_ais_testdata_badTimeData.csv"));
    ASSERT_TRUE(badTime.ok());
    EXPECT_EQ(badTime->csv[CsvRejection::BadTime].count, 1);
    // The same nine rows again: stored once.
    EXPECT_EQ(badTime->duplicatePositions, 9);
    auto ten = importer.importFile(corpus("csv/fathom5_ais_testdata_ten.csv"));
    ASSERT_TRUE(ten.ok());
    // FIRST is new; TENTH's row carries another date in this file.
    EXPECT_EQ(ten->positionsStored, 2);
    EXPECT_EQ(*db.trackPointCount(), 11);
    const auto first = vesselByMmsi(db, 477307901);
    ASSERT_TRUE(first);
    EXPECT_EQ(*first->imo, 9739666u); // written "IMO9739666"
    EXPECT_EQ(*first->name, QStringLiteral("FIRST"));
    auto track = db.track(first->id, 0, std::numeric_limits<std::int64_t>::max());
    ASSERT_EQ(track->size(), 1u);
    EXPECT_EQ(*track->front().navStatus, 5); // "moored"
    EXPECT_EQ(*track->front().headingDeg, 352);
    // Heading 511 is "not available"; a negative COG is the signed 12-bit reading.
    const auto second = vesselByMmsi(db, 338029922);
    auto secondTrack = db.track(second->id, 0, std::numeric_limits<std::int64_t>::max());
    EXPECT_FALSE(secondTrack->front().headingDeg);
}

TEST(AisImport, BrokenCsvRowsAreRejectedWithTheirLine)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.csv"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,"
            "Length,Width,Draft,Cargo,TransceiverClass\n"
            "367000001,2020-01-01T00:00:00,30.0,-80.0,10.0,90.0,90,OK ONE,,,70,0,100,20,5,,A\n"
            "367000002,2020-01-01T00:00:00,30.0\n"
            "12345678901,2020-01-01T00:00:00,30.0,-80.0,10.0,90.0,90,,,,70,0,100,20,5,,A\n"
            "367000003,yesterday,30.0,-80.0,10.0,90.0,90,,,,70,0,100,20,5,,A\n"
            "367000004,2020-01-01T00:00:00,north,-80.0,10.0,90.0,90,,,,70,0,100,20,5,,A\n"
            "\n"
            "367000001,2020-01-01T00:01:00,30.1,-80.0,10.0,90.0,90,OK ONE,,,70,0,100,20,5,,A");
    f.close();
    store::Database db = openMemory();
    AisImporter importer(db);
    auto s = importer.importFile(path);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->csv[CsvRejection::MissingColumns].exampleLines[0], 3);
    EXPECT_EQ(s->csv[CsvRejection::BadMmsi].exampleLines[0], 4);
    EXPECT_EQ(s->csv[CsvRejection::BadTime].exampleLines[0], 5);
    EXPECT_EQ(s->csv[CsvRejection::BadNumber].exampleLines[0], 6);
    EXPECT_EQ(s->positionsStored, 2); // the valid rows around them, last one without a line end
    const auto v = vesselByMmsi(db, 367000001);
    ASSERT_TRUE(v);
    EXPECT_EQ(*v->aisShipType, 70);
    EXPECT_DOUBLE_EQ(*v->lengthM, 100.0);
    EXPECT_FALSE(formatImportSummary(*s).isEmpty());
}

TEST(AisImport, NmeaWithTagBlocksGetsTimesAndStaticData)
{
    store::Database db = openMemory();
    AisImporter importer(db);
    auto s = importer.importFile(corpus("libais/tagblock.nmea"));
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->nmea.messages, 4);
    EXPECT_EQ(s->positionsStored, 3);
    EXPECT_EQ(s->positionsWithoutTime, 0);
    // The two-part type 5 gives the vessel its name and call sign.
    auto vessels = db.listVessels();
    ASSERT_TRUE(vessels.ok());
    bool named = false;
    for (const auto& v : *vessels) {
        named = named || (v.mmsi && v.name && !v.name->isEmpty());
    }
    EXPECT_TRUE(named);
}

TEST(AisImport, NmeaWithoutTimesSaysWhyAndUsesStartAndRateWhenGiven)
{
    const QString log = corpus("gpsd/daemon/ais-nmea-type6-fid55.log");
    store::Database db = openMemory();
    {
        AisImporter importer(db);
        auto s = importer.importFile(log);
        ASSERT_TRUE(s.ok());
        EXPECT_GT(s->positionsWithoutTime, 500);
        EXPECT_EQ(s->positionsStored, 0);
        EXPECT_TRUE(s->note.contains(QLatin1String("--start")));
    }
    ImportOptions options;
    options.startUtcMs = 1533888000000; // 2018-08-10T08:00:00Z
    options.linesPerSecond = 10.0;
    AisImporter importer(db, options);
    auto s = importer.importFile(log);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->positionsWithoutTime, 0);
    EXPECT_GT(s->positionsStored, 500);
    EXPECT_EQ(*db.trackPointCount(), s->positionsStored);
    // Line 1 is at the start; line n at start + (n - 1) / 10 s.
    auto first =
        db.connection().queryInt(QStringLiteral("SELECT min(time_utc_ms) FROM track_points"));
    EXPECT_GE(*first, 1533888000000);
    auto last =
        db.connection().queryInt(QStringLiteral("SELECT max(time_utc_ms) FROM track_points"));
    EXPECT_LE(*last, 1533888000000 + (s->lines - 1) * 100);
}

TEST(AisImport, AllSharedCorporaImportAndTheirVesselsAreListed)
{
    store::Database db = openMemory();
    ImportOptions options;
    options.startUtcMs = 1533888000000;
    options.linesPerSecond = 1.0;
    AisImporter importer(db, options);
    std::int64_t stored = 0;
    for (const char* f :
         {"gpsd/sample.aivdm", "gpsd/daemon/ais-18-27.log", "gpsd/daemon/ais-nmea-type6-fid55.log",
          "gpsd/daemon/ais-nmea.log", "gpsd/daemon/ais-raw-messages.log",
          "gpsd/daemon/ais_unpack_sixbit.log", "gpsd/daemon/ait250.log", "gpsd/daemon/saab-r4.log",
          "pyais/nmea_data_sample.txt", "pyais/mixed.txt", "pyais/examples_sample.ais",
          "pyais/examples_gatehouse.nmea", "pyais/test_decode_sentences.nmea",
          "libais/typeexamples.nmea", "libais/tagblock.nmea", "libais/test.aivdm"}) {
        auto s = importer.importFile(corpus(f));
        ASSERT_TRUE(s.ok()) << f << ": " << s.error().toString().toStdString();
        stored += s->positionsStored;
    }
    EXPECT_EQ(*db.trackPointCount(), stored);
    EXPECT_GT(stored, 2000);
    EXPECT_GT(db.listVessels()->size(), 300u);
}

TEST(AisImport, CancelKeepsWhatWasReadAndTheStoreConsistent)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long.nmea"));
    // 40,000 timed copies of one position report, ten seconds apart (within
    // a few seconds the same position is one transmission heard twice).
    ASSERT_TRUE(test::writeAll(
        path, test::taggedSentences("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n", 40000,
                                    1500000000, 10)));
    store::Database db = openMemory();
    ImportOptions options;
    options.batchRows = 5000;
    AisImporter importer(db, options);
    int calls = 0;
    auto s = importer.importFile(path, [&](const ImportProgress& p) {
        ++calls;
        EXPECT_LE(p.bytesRead, p.totalBytes);
        return calls < 2; // stop at the second report
    });
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(s->cancelled);
    EXPECT_GE(s->positionsStored, 10000); // the two batches reported
    EXPECT_LT(s->positionsStored, 40000);
    EXPECT_EQ(*db.trackPointCount(), s->positionsStored);
    EXPECT_EQ(*db.connection().queryInt(QStringLiteral("SELECT count(*) FROM pragma_quick_check "
                                                       "WHERE quick_check <> 'ok'")),
              0);
    // Importing the whole file afterwards adds only what was missing.
    AisImporter again(db, options);
    auto full = again.importFile(path);
    ASSERT_TRUE(full.ok());
    EXPECT_EQ(*db.trackPointCount(), 40000);
    EXPECT_EQ(full->duplicatePositions, s->positionsStored);
}

} // namespace
} // namespace wake::io
