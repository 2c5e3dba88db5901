// The store's behaviour, on both backends: an SQLite file and a database on
// the PostgreSQL test server (support/pg_test_server.h).

#include "core/io/ais_import.h"
#include "core/store/database.h"
#include "tests/support/pg_test_server.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>
#include <limits>
#include <string>

using namespace wake;
using namespace wake::model;
using wake::store::Database;

namespace {

using wake::store::Backend;

class StoreTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        QString target = m_dir.filePath(QStringLiteral("t.sqlite"));
        if (GetParam() == Backend::Postgres) {
            auto server = wake::test::PgTestDatabase::create();
            ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
            m_server.emplace(std::move(server).value());
            target = m_server->target();
        }
        auto opened = Database::open(target);
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        m_db.emplace(std::move(opened).value());
        ASSERT_EQ(m_db->backend(), GetParam());
    }
    void TearDown() override { m_db.reset(); } // before its server database is dropped
    Database& db() { return *m_db; }
    // Vessels known only by these MMSIs, in that order.
    std::vector<VesselId> vesselsWithMmsi(std::initializer_list<std::uint32_t> mmsis)
    {
        std::vector<VesselId> ids;
        for (const std::uint32_t mmsi : mmsis) {
            Vessel v;
            v.mmsi = mmsi;
            ids.push_back(*db().upsertVessel(v));
        }
        return ids;
    }

    QTemporaryDir m_dir;
    std::optional<wake::test::PgTestDatabase> m_server;
    std::optional<Database> m_db;
};

TrackPoint point(VesselId v, std::int64_t t, double lat, double lon)
{
    TrackPoint p;
    p.vesselId = v;
    p.timeUtcMs = t;
    p.latDeg = lat;
    p.lonDeg = lon;
    return p;
}

} // namespace

TEST_P(StoreTest, VesselRoundTripKeepsEveryField)
{
    Vessel v;
    v.mmsi = 445123456;
    v.imo = 7937317;
    v.name = QStringLiteral("CHONG CHON GANG");
    v.callSign = QStringLiteral("HMZF");
    v.flagAlpha2 = QStringLiteral("KP");
    v.aisShipType = 70;
    v.vesselType = QStringLiteral("General cargo ship");
    v.lengthM = 155.0;
    v.beamM = 20.0;
    v.draughtM = 8.9;
    v.grossTonnage = 9147;
    v.deadweightT = 13990;
    v.yearBuilt = 1977;
    v.owner = QStringLiteral("Owner");
    v.operatorName = QStringLiteral("Operator");
    v.crew = 35;
    const auto id = db().upsertVessel(v);
    ASSERT_TRUE(id.ok()) << id.error().toString().toStdString();
    auto back = db().vessel(*id);
    ASSERT_TRUE(back.ok() && back->has_value());
    const Vessel& b = **back;
    EXPECT_EQ(b.mmsi, v.mmsi);
    EXPECT_EQ(b.imo, v.imo);
    EXPECT_EQ(b.name, v.name);
    EXPECT_EQ(b.callSign, v.callSign);
    EXPECT_EQ(b.flagAlpha2, v.flagAlpha2);
    EXPECT_EQ(b.aisShipType, v.aisShipType);
    EXPECT_EQ(b.vesselType, v.vesselType);
    EXPECT_EQ(b.lengthM, v.lengthM);
    EXPECT_EQ(b.beamM, v.beamM);
    EXPECT_EQ(b.draughtM, v.draughtM);
    EXPECT_EQ(b.grossTonnage, v.grossTonnage);
    EXPECT_EQ(b.deadweightT, v.deadweightT);
    EXPECT_EQ(b.yearBuilt, v.yearBuilt);
    EXPECT_EQ(b.owner, v.owner);
    EXPECT_EQ(b.operatorName, v.operatorName);
    EXPECT_EQ(b.crew, v.crew);
}

TEST_P(StoreTest, MissingValuesStayMissing)
{
    Vessel v;
    v.imo = 7937317;
    const auto id = db().upsertVessel(v);
    ASSERT_TRUE(id.ok());
    const auto back = db().vessel(*id);
    ASSERT_TRUE(back.ok() && back->has_value());
    EXPECT_FALSE((*back)->mmsi);
    EXPECT_FALSE((*back)->name);
    EXPECT_FALSE((*back)->lengthM);
}

TEST_P(StoreTest, UpsertByMmsiMergesAndKeepsIdentityHistory)
{
    Vessel first;
    first.mmsi = 219472000;
    first.name = QStringLiteral("OLD NAME");
    first.lengthM = 30.0;
    const auto id = db().upsertVessel(first);
    ASSERT_TRUE(id.ok());

    Vessel renamed;
    renamed.mmsi = 219472000;
    renamed.name = QStringLiteral("GUARDVESSEL ADVANCER");
    renamed.imo = 9686429;
    const auto again = db().upsertVessel(renamed, 1678575600000);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *id);

    const auto v = db().vessel(*id);
    ASSERT_TRUE(v.ok() && v->has_value());
    EXPECT_EQ((*v)->name, QStringLiteral("GUARDVESSEL ADVANCER"));
    EXPECT_EQ((*v)->imo, 9686429u);
    EXPECT_EQ((*v)->lengthM, 30.0); // kept: the update did not carry it
    ASSERT_EQ((*v)->history.size(), 1u);
    EXPECT_EQ((*v)->history[0].field, QStringLiteral("name"));
    EXPECT_EQ((*v)->history[0].value, QStringLiteral("OLD NAME"));
    ASSERT_TRUE((*v)->history[0].to);
    EXPECT_EQ((*v)->history[0].to->startUtcMs, 1678575600000);
    EXPECT_EQ(db().listVessels()->size(), 1u);
}

TEST_P(StoreTest, FactsKeepTheirSourcesInOrder)
{
    ASSERT_TRUE(db().upsertSources({{QStringLiteral("S2"), QStringLiteral("Two"),
                                     QStringLiteral("https://two")},
                                    {QStringLiteral("S3"), QStringLiteral("Three"), QString()}})
                    .ok());
    Vessel v;
    v.imo = 7937317;
    const auto id = db().upsertVessel(v);
    ASSERT_TRUE(id.ok());
    VesselFact imo{QStringLiteral("identity"),
                   QStringLiteral("imo"),
                   QStringLiteral("IMO number"),
                   QStringLiteral("7937317"),
                   {Confidence::High, {QStringLiteral("S3"), QStringLiteral("S2")}, QString()}};
    VesselFact mmsi{QStringLiteral("identity"),
                    QStringLiteral("mmsi"),
                    QStringLiteral("MMSI"),
                    std::nullopt,
                    {Confidence::Unknown, {}, QStringLiteral("not found")}};
    ASSERT_TRUE(db().replaceVesselFacts(*id, {imo, mmsi}).ok());
    const auto back = db().vessel(*id);
    ASSERT_TRUE(back.ok() && back->has_value());
    ASSERT_EQ((*back)->facts.size(), 2u);
    EXPECT_EQ((*back)->facts[0].attribution.sourceIds,
              (std::vector<QString>{QStringLiteral("S3"), QStringLiteral("S2")}));
    EXPECT_EQ((*back)->facts[0].attribution.confidence, Confidence::High);
    EXPECT_FALSE((*back)->facts[1].value);
    EXPECT_EQ((*back)->facts[1].attribution.note, QStringLiteral("not found"));

    // A fact citing a source that is not stored is refused, and nothing changes.
    VesselFact bad = imo;
    bad.attribution.sourceIds = {QStringLiteral("S999")};
    const Status s = db().inTransaction([&] { return db().replaceVesselFacts(*id, {bad}); });
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(db().vessel(*id)->value().facts.size(), 2u);
}

TEST_P(StoreTest, TrackPointsInBatchesWithDuplicatesSkipped)
{
    Vessel v;
    v.mmsi = 1;
    const auto id = db().upsertVessel(v);
    ASSERT_TRUE(id.ok());
    std::vector<TrackPoint> points;
    for (int i = 0; i < 2500; ++i) {
        TrackPoint p = point(*id, 1000LL * i, 9.0 + i * 1e-4, -79.0);
        if (i % 3 == 0) {
            p.sogKnots = 12.5f;
            p.cogDeg = 181.3f;
            p.headingDeg = 180;
            p.navStatus = 0;
        }
        points.push_back(p);
    }
    points.push_back(points[10]); // a duplicate reception
    const auto stored = db().insertTrackPoints(points, 700);
    ASSERT_TRUE(stored.ok()) << stored.error().toString().toStdString();
    EXPECT_EQ(*stored, 2500);
    EXPECT_EQ(*db().trackPointCount(*id), 2500);

    const auto range = db().track(*id, 1000 * 100, 1000 * 199);
    ASSERT_TRUE(range.ok());
    ASSERT_EQ(range->size(), 100u);
    EXPECT_EQ(range->front(), points[100]);
    EXPECT_EQ(range->back(), points[199]);
    EXPECT_TRUE(std::is_sorted(range->begin(), range->end(), [](const auto& a, const auto& b) {
        return a.timeUtcMs < b.timeUtcMs;
    }));
    EXPECT_TRUE(db().track(*id + 1, 0, 1LL << 40)->empty());
}

TEST_P(StoreTest, FailedBatchRollsBackAndEarlierBatchesStay)
{
    Vessel v;
    v.mmsi = 2;
    const auto id = db().upsertVessel(v);
    ASSERT_TRUE(id.ok());
    std::vector<TrackPoint> points;
    for (int i = 0; i < 10; ++i) {
        points.push_back(point(*id, i, 1.0, 1.0));
    }
    // A trigger refuses one row, so the second batch fails part-way.
    const QString trigger =
        GetParam() == Backend::Sqlite
            ? QStringLiteral("CREATE TRIGGER no_seven BEFORE INSERT ON track_points "
                             "WHEN NEW.time_utc_ms = 7 BEGIN SELECT RAISE(ABORT, "
                             "'refused'); END")
            : QStringLiteral("CREATE FUNCTION refuse_seven() RETURNS trigger LANGUAGE plpgsql AS "
                             "$$BEGIN IF NEW.time_utc_ms = 7 THEN RAISE EXCEPTION 'refused'; "
                             "END IF; RETURN NEW; END$$; "
                             "CREATE TRIGGER no_seven BEFORE INSERT ON track_points FOR EACH ROW "
                             "EXECUTE FUNCTION refuse_seven()");
    ASSERT_TRUE(db().connection().exec(trigger).ok());
    const auto stored = db().insertTrackPoints(points, 5);
    EXPECT_FALSE(stored.ok());
    EXPECT_EQ(*db().trackPointCount(*id), 5); // the first batch of five is kept
}

TEST_P(StoreTest, EventsWithSourcesInTimeOrder)
{
    ASSERT_TRUE(
        db().upsertSources({{QStringLiteral("S1"), QStringLiteral("One"), QString()}}).ok());
    Vessel v;
    v.imo = 7937317;
    const auto id = db().upsertVessel(v);
    ASSERT_TRUE(id.ok());
    Event later;
    later.vesselId = *id;
    later.kind = EventKind::Seizure;
    later.time = *parseReportedTime(QStringLiteral("2013-07-15"));
    later.reportedTime = QStringLiteral("2013-07-15");
    later.position = LatLon{9.363848, -79.88022};
    later.coordBasis = CoordBasis::PortReference;
    later.title = QStringLiteral("Seizure");
    later.attribution = {Confidence::High, {QStringLiteral("S1")}, QString()};
    Event earlier = later;
    earlier.kind = EventKind::Departure;
    earlier.time = *parseReportedTime(QStringLiteral("2013-07-05"));
    earlier.position.reset();
    ASSERT_TRUE(db().insertEvent(later).ok());
    ASSERT_TRUE(db().insertEvent(earlier).ok());

    const auto events = db().events(store::EventFilter::forVessel(*id));
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[0].kind, EventKind::Departure);
    EXPECT_FALSE((*events)[0].position);
    const Event& s = (*events)[1];
    EXPECT_EQ(s.kind, EventKind::Seizure);
    EXPECT_EQ(s.time, later.time);
    EXPECT_EQ(s.reportedTime, QStringLiteral("2013-07-15"));
    ASSERT_TRUE(s.position);
    EXPECT_DOUBLE_EQ(s.position->latDeg, 9.363848);
    EXPECT_EQ(s.coordBasis, CoordBasis::PortReference);
    EXPECT_EQ(s.attribution.sourceIds, std::vector<QString>{QStringLiteral("S1")});
    EXPECT_TRUE(db().events(store::EventFilter::forVessel(*id + 100))->empty());
}

TEST_P(StoreTest, VoyagesWithLegsAndPorts)
{
    Vessel v;
    v.imo = 7937317;
    const auto id = db().upsertVessel(v);
    ASSERT_TRUE(id.ok());
    Port mit;
    mit.locode = QStringLiteral("PAMIT");
    mit.name = QStringLiteral("Manzanillo International Terminal");
    mit.position = {9.363848, -79.88022};
    mit.kind = PortKind::Terminal;
    const auto portId = db().upsertPort(mit);
    ASSERT_TRUE(portId.ok());
    mit.name = QStringLiteral("MIT");
    EXPECT_EQ(*db().upsertPort(mit), *portId); // same LOCODE: updated, not duplicated
    EXPECT_EQ(db().listPorts()->size(), 1u);
    EXPECT_EQ(db().listPorts()->front().kind, PortKind::Terminal);

    Voyage voyage;
    voyage.vesselId = *id;
    voyage.key = QStringLiteral("cuba-panama");
    voyage.name = QStringLiteral("Cuba → Panama");
    voyage.originLocode = QStringLiteral("CUPPA");
    voyage.destinationLocode = QStringLiteral("PAMIT");
    voyage.departure = parseReportedTime(QStringLiteral("2013-07-05"));
    voyage.arrival = parseReportedTime(QStringLiteral("2013-07-11"));
    voyage.isDefault = true;
    voyage.legs.push_back({QStringLiteral("CUPPA"), QStringLiteral("PAMIT"), voyage.departure,
                           voyage.arrival, QStringLiteral("route not reported")});
    const auto vid = db().upsertVoyage(voyage);
    ASSERT_TRUE(vid.ok()) << vid.error().toString().toStdString();
    EXPECT_EQ(*db().upsertVoyage(voyage), *vid);
    const auto voyages = db().voyages(*id);
    ASSERT_TRUE(voyages.ok());
    ASSERT_EQ(voyages->size(), 1u);
    EXPECT_TRUE(voyages->front().isDefault);
    EXPECT_EQ(voyages->front().departure, voyage.departure);
    ASSERT_EQ(voyages->front().legs.size(), 1u);
    EXPECT_EQ(voyages->front().legs[0].note, QStringLiteral("route not reported"));
}

TEST_P(StoreTest, MetaValues)
{
    EXPECT_FALSE(db().meta(QStringLiteral("k"))->has_value());
    ASSERT_TRUE(db().setMeta(QStringLiteral("k"), QStringLiteral("v1")).ok());
    ASSERT_TRUE(db().setMeta(QStringLiteral("k"), QStringLiteral("v2")).ok());
    EXPECT_EQ(db().meta(QStringLiteral("k"))->value(), QStringLiteral("v2"));
}

TEST_P(StoreTest, PositionsAtATimeTakeEachVesselsLastFixWithinTheAge)
{
    const std::vector<VesselId> ids = vesselsWithMmsi({211000001u, 211000002u, 211000003u});
    auto fixAt = [](VesselId id, std::int64_t t, double lat) {
        TrackPoint p;
        p.vesselId = id;
        p.timeUtcMs = t;
        p.latDeg = lat;
        p.lonDeg = 4.5;
        p.sogKnots = 10.5F;
        return p;
    };
    constexpr std::int64_t kMin = 60'000;
    std::vector<TrackPoint> points = {
        fixAt(ids[0], 10 * kMin, 50.0), fixAt(ids[0], 20 * kMin, 50.1),
        fixAt(ids[0], 40 * kMin, 50.2),                                 // after t
        fixAt(ids[1], 5 * kMin, 51.0),                                  // too old at t = 30
        fixAt(ids[2], 29 * kMin, 52.0), fixAt(ids[2], 30 * kMin, 52.5), // exactly at t
    };
    ASSERT_TRUE(db().insertTrackPoints(points).ok());
    auto at = db().positionsAt(30 * kMin, 15 * kMin);
    ASSERT_TRUE(at.ok());
    ASSERT_EQ(at->size(), 2u);
    std::sort(at->begin(), at->end(),
              [](const TrackPoint& a, const TrackPoint& b) { return a.vesselId < b.vesselId; });
    EXPECT_EQ((*at)[0], points[1]);
    EXPECT_EQ((*at)[1], points[5]);
}

TEST_P(StoreTest, PositionsAtATimeLookBackAcrossMidnight)
{
    // On a server the day before is another partition.
    const std::vector<VesselId> ids = vesselsWithMmsi({211000011u, 211000012u, 211000013u});
    constexpr std::int64_t kMin = 60'000;
    constexpr std::int64_t kMidnight = 1'700'006'400'000; // 2023-11-15 00:00 UTC
    auto fixAt = [](VesselId id, std::int64_t t) {
        TrackPoint p;
        p.vesselId = id;
        p.timeUtcMs = t;
        p.latDeg = 10.0;
        p.lonDeg = -80.0;
        return p;
    };
    const std::vector<TrackPoint> points = {
        fixAt(ids[0], kMidnight - 5 * kMin),                                       // day before
        fixAt(ids[1], kMidnight - 3 * kMin),  fixAt(ids[1], kMidnight + 2 * kMin), // both days
        fixAt(ids[2], kMidnight - 20 * kMin), // too old at 00:05 with 15 min
        fixAt(ids[2], kMidnight + 6 * kMin),  // after 00:05
    };
    ASSERT_TRUE(db().insertTrackPoints(points).ok());
    auto at = db().positionsAt(kMidnight + 5 * kMin, 15 * kMin);
    ASSERT_TRUE(at.ok());
    std::sort(at->begin(), at->end(),
              [](const TrackPoint& a, const TrackPoint& b) { return a.vesselId < b.vesselId; });
    ASSERT_EQ(at->size(), 2u);
    EXPECT_EQ((*at)[0], points[0]);
    EXPECT_EQ((*at)[1], points[2]);
}

TEST_P(StoreTest, VesselsWithTrackInARangeHaveAPointInIt)
{
    const std::vector<VesselId> ids =
        vesselsWithMmsi({211000021u, 211000022u, 211000023u, 211000024u});
    constexpr std::int64_t kMin = 60'000;
    constexpr std::int64_t kDay = 86'400'000;
    auto fixAt = [](VesselId id, std::int64_t t) {
        TrackPoint p;
        p.vesselId = id;
        p.timeUtcMs = t;
        return p;
    };
    // ids[1] spans the window below without a point in it; ids[3] has none.
    ASSERT_TRUE(db().insertTrackPoints(std::vector<TrackPoint>{
                                           fixAt(ids[0], 10 * kMin),
                                           fixAt(ids[0], 20 * kMin),
                                           fixAt(ids[1], 0),
                                           fixAt(ids[1], 3 * kDay),
                                           fixAt(ids[2], 50 * kMin),
                                       })
                    .ok());
    const auto in = [&](std::int64_t from, std::int64_t to, std::int64_t limit = 100) {
        auto found = db().vesselsWithTrackIn(from, to, limit);
        EXPECT_TRUE(found.ok());
        return found.ok() ? *found : std::vector<VesselId>{};
    };
    EXPECT_EQ(in(40 * kMin, 60 * kMin), (std::vector<VesselId>{ids[2]}));
    EXPECT_EQ(in(0, 4 * kDay), (std::vector<VesselId>{ids[0], ids[1], ids[2]}));
    EXPECT_EQ(
        in(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()),
        (std::vector<VesselId>{ids[0], ids[1], ids[2]}));
    EXPECT_EQ(in(0, 4 * kDay, 2), (std::vector<VesselId>{ids[0], ids[1]}));
    EXPECT_TRUE(in(15 * kMin, 15 * kMin).empty());
    EXPECT_EQ(in(20 * kMin, 2 * kDay), (std::vector<VesselId>{ids[0], ids[2]}));
}

// One absurd time in a file of good lines rejects that line only: on
// PostgreSQL it once failed the whole file (no day partition for it).
TEST_P(StoreTest, ATimeOutsideTheAisEraRejectsItsLineNotTheFile)
{
    const auto tagged = [](const std::string& fields) {
        unsigned sum = 0;
        for (const char c : fields) {
            sum ^= static_cast<unsigned char>(c);
        }
        char hex[4];
        std::snprintf(hex, sizeof hex, "*%02X", sum);
        return "\\" + fields + hex + "\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n";
    };
    QFile nmea(m_dir.filePath(QStringLiteral("absurd.nmea")));
    ASSERT_TRUE(nmea.open(QIODevice::WriteOnly));
    std::string text;
    for (int i = 0; i < 30; ++i) {
        text += tagged("c:" + std::to_string(1418169601 + 60 * i));
        if (i == 10) {
            text += tagged("c:9223372036854775807");
        }
    }
    nmea.write(text.data(), static_cast<qint64>(text.size()));
    nmea.close();
    wake::io::AisImporter importer(db());
    auto fromNmea = importer.importFile(nmea.fileName());
    ASSERT_TRUE(fromNmea.ok()) << fromNmea.error().toString().toStdString();
    EXPECT_EQ(fromNmea->positionsStored, 30);
    EXPECT_EQ(fromNmea->nmea[wake::ais::Rejection::BadTime].count, 1);

    QFile csv(m_dir.filePath(QStringLiteral("absurd.csv")));
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write("MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,"
              "Status,Length,Width,Draft,Cargo,TransceiverClass\n"
              "366000001,2020-01-01T00:00:00,25.0,-80.0,10.0,90.0,90,A,,,,,,,,,A\n"
              "366000001,1900-01-01T00:10:00,25.0,-79.9,10.0,90.0,90,A,,,,,,,,,A\n"
              "366000001,2150-01-01T00:20:00,25.0,-79.8,10.0,90.0,90,A,,,,,,,,,A\n"
              "366000001,2020-01-01T00:30:00,25.0,-79.7,10.0,90.0,90,A,,,,,,,,,A\n");
    csv.close();
    auto fromCsv = importer.importFile(csv.fileName());
    ASSERT_TRUE(fromCsv.ok()) << fromCsv.error().toString().toStdString();
    EXPECT_EQ(fromCsv->positionsStored, 2);
    EXPECT_EQ(fromCsv->csv[wake::io::CsvRejection::BadTime].count, 2);
    EXPECT_EQ(fromCsv->csv[wake::io::CsvRejection::BadTime].exampleLines[0], 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const ::testing::TestParamInfo<Backend>& param) {
                             return param.param == Backend::Sqlite ? "Sqlite" : "Postgres";
                         });
