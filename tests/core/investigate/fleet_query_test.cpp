// Fleet-wide questions on hand-made data with known answers: areas (boxes,
// polygons, files, across 180), the flag, type and listed filters of events
// (either ship of an encounter), and who was in an area when, on both stores.

#include "core/geo/area.h"
#include "core/investigate/fleet_query.h"
#include "core/store/database.h"
#include "tests/support/pg_test_server.h"
#include "tests/support/test_files.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace wake;
using namespace wake::investigate;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    EXPECT_TRUE(wake::test::writeAll(path, bytes)) << path.toStdString();
    return path;
}

model::Event event(model::EventId id, model::VesselId vessel, std::optional<model::LatLon> at,
                   std::optional<model::VesselId> other = {})
{
    model::Event e;
    e.id = id;
    e.vesselId = vessel;
    e.position = at;
    e.otherVesselId = other;
    e.kind = other ? model::EventKind::Encounter : model::EventKind::AisGap;
    return e;
}

model::Vessel ship(model::VesselId id, const char* flag, std::optional<int> type)
{
    model::Vessel v;
    v.id = id;
    v.flagAlpha2 = QString::fromLatin1(flag);
    v.aisShipType = type;
    return v;
}

std::vector<model::EventId> ids(const std::vector<model::Event>& events)
{
    std::vector<model::EventId> out;
    for (const auto& e : events) {
        out.push_back(e.id);
    }
    return out;
}

} // namespace

TEST(Area, ABoxHoldsItsEdgesAndNothingOutside)
{
    auto box = geo::parseArea(QStringLiteral("9.0,-80.0,9.5,-79.5"));
    ASSERT_TRUE(box);
    EXPECT_TRUE(box->contains({9.25, -79.75}));
    EXPECT_TRUE(box->contains({9.0, -80.0})); // a corner
    EXPECT_TRUE(box->contains({9.5, -79.5})); // the other
    EXPECT_FALSE(box->contains({9.5001, -79.75}));
    EXPECT_FALSE(box->contains({9.25, -79.4999}));
    // Corners in either order are the same box.
    auto flipped = geo::parseArea(QStringLiteral("9.5,-79.5,9.0,-80.0"));
    ASSERT_TRUE(flipped);
    EXPECT_TRUE(flipped->contains({9.25, -79.75}));
    EXPECT_FALSE(flipped->contains({9.25, 100.0}));
}

TEST(Area, ABoxAcrossTheAntimeridian)
{
    auto box = geo::parseArea(QStringLiteral("50,170,60,-170"));
    ASSERT_TRUE(box);
    EXPECT_TRUE(box->contains({55, 175}));
    EXPECT_TRUE(box->contains({55, -175}));
    EXPECT_TRUE(box->contains({55, 180}));
    EXPECT_FALSE(box->contains({55, 0}));
    EXPECT_FALSE(box->contains({55, -160}));
    EXPECT_FALSE(box->contains({55, 160}));
}

TEST(Area, PolygonsFromGeoJsonAndKml)
{
    QTemporaryDir dir;
    // A triangle: (0,0), (0,10), (10,0) in lat,lon; (2,2) is in, (6,6) is not.
    const QString json = writeFile(
        dir, QStringLiteral("t.geojson"),
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Triangle"},
            "geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[0,10],[0,0]]]}}]})");
    auto fromJson = geo::parseArea(json);
    ASSERT_TRUE(fromJson) << fromJson.error().toString().toStdString();
    EXPECT_EQ(fromJson->name(), QStringLiteral("Triangle"));
    EXPECT_TRUE(fromJson->contains({2, 2}));
    EXPECT_FALSE(fromJson->contains({6, 6}));
    EXPECT_FALSE(fromJson->contains({-1, 2}));

    const QString kml = writeFile(dir, QStringLiteral("t.kml"), R"(<?xml version="1.0"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Across 180</name>
<Polygon><outerBoundaryIs><LinearRing><coordinates>
170,50,0 -170,50,0 -170,60,0 170,60,0 170,50,0
</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>)");
    auto fromKml = geo::parseArea(kml);
    ASSERT_TRUE(fromKml) << fromKml.error().toString().toStdString();
    EXPECT_EQ(fromKml->name(), QStringLiteral("Across 180"));
    EXPECT_TRUE(fromKml->contains({55, 179}));
    EXPECT_TRUE(fromKml->contains({55, -179}));
    EXPECT_FALSE(fromKml->contains({55, 0}));

    // Broken files say what and where.
    const QString broken = writeFile(dir, QStringLiteral("b.geojson"), "{\"type\": ");
    auto bad = geo::parseArea(broken);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where, broken);
    const QString point =
        writeFile(dir, QStringLiteral("p.geojson"), R"({"type":"Point","coordinates":[1,2]})");
    ASSERT_FALSE(geo::parseArea(point));
    auto words = geo::parseArea(QStringLiteral("Panama"));
    ASSERT_FALSE(words);
    EXPECT_EQ(words.error().code, Error::Code::InvalidArgument);
}

TEST(FleetFilter, AreaFlagTypeAndListedSelectExactlyTheEventsPlanted)
{
    FleetFacts facts;
    facts.vessels.emplace(1, ship(1, "PA", 70));
    facts.vessels.emplace(2, ship(2, "KP", 80));
    facts.vessels.emplace(3, ship(3, "US", 37));
    facts.listed = {2};
    const model::LatLon inside{9.2, -79.9};
    const model::LatLon outside{20.0, -79.9};
    const std::vector<model::Event> events{
        event(10, 1, inside),       // Panama cargo in the box
        event(11, 1, outside),      // the same ship elsewhere
        event(12, 3, inside, 2),    // a US yacht meets the listed tanker in the box
        event(13, 3, inside),       // the yacht alone
        event(14, 2, std::nullopt), // the tanker, no position
        event(15, 3, outside, 1),   // yacht meets the cargo ship outside
    };
    FleetFilter area;
    area.area = geo::Area::box({9.0, -80.0}, {9.5, -79.5});
    EXPECT_EQ(ids(filterEvents(events, area, facts)), (std::vector<model::EventId>{10, 12, 13}));
    FleetFilter flag;
    flag.flag = QStringLiteral("kp");
    EXPECT_EQ(ids(filterEvents(events, flag, facts)), (std::vector<model::EventId>{12, 14}));
    FleetFilter cargo;
    cargo.shipType = 7;
    EXPECT_EQ(ids(filterEvents(events, cargo, facts)), (std::vector<model::EventId>{10, 11, 15}));
    FleetFilter exactType;
    exactType.shipType = 37;
    EXPECT_EQ(ids(filterEvents(events, exactType, facts)),
              (std::vector<model::EventId>{12, 13, 15}));
    FleetFilter listed;
    listed.listed = true;
    EXPECT_EQ(ids(filterEvents(events, listed, facts)), (std::vector<model::EventId>{12, 14}));
    FleetFilter notListed;
    notListed.listed = false;
    EXPECT_EQ(ids(filterEvents(events, notListed, facts)),
              (std::vector<model::EventId>{10, 11, 13, 15}));
    // "Which ships met a listed ship in this box?"
    FleetFilter both = area;
    both.listed = true;
    EXPECT_EQ(ids(filterEvents(events, both, facts)), (std::vector<model::EventId>{12}));
}

namespace {

void whoWasThere(store::Database& db)
{
    model::Vessel a;
    a.mmsi = 351000001;
    model::Vessel b;
    b.mmsi = 351000002;
    const auto idA = db.upsertVessel(a).value();
    const auto idB = db.upsertVessel(b).value();
    const std::int64_t t0 = 1'700'000'000'000;
    const std::int64_t minute = 60'000;
    std::vector<model::TrackPoint> points;
    // A sails east along 9.2 N through the box (-80.0 .. -79.5) from -80.5 to
    // -79.0, one fix a minute, 0.05 degrees apart; B stays outside, north of it.
    for (int i = 0; i <= 30; ++i) {
        points.push_back(test::fixAt(idA, t0 + i * minute, 9.2, -80.5 + 0.05 * i));
        points.push_back(test::fixAt(idB, t0 + i * minute, 9.8, -80.5 + 0.05 * i));
    }
    ASSERT_TRUE(db.insertTrackPoints(points));
    const geo::Area box = geo::Area::box({9.0, -80.0}, {9.5, -79.5});
    auto all = vesselsInArea(db, box, INT64_MIN, INT64_MAX);
    ASSERT_TRUE(all) << all.error().toString().toStdString();
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->front().vesselId, idA);
    // Fixes 10 (-80.0) to 20 (-79.5), edges included.
    EXPECT_EQ(all->front().firstUtcMs, t0 + 10 * minute);
    EXPECT_EQ(all->front().lastUtcMs, t0 + 20 * minute);
    EXPECT_EQ(all->front().fixes, 11);
    // Only from minute 15 to 17.
    auto window = vesselsInArea(db, box, t0 + 15 * minute, t0 + 17 * minute);
    ASSERT_TRUE(window);
    ASSERT_EQ(window->size(), 1u);
    EXPECT_EQ(window->front().fixes, 3);
    // Before A came: nobody.
    auto before = vesselsInArea(db, box, t0, t0 + 9 * minute);
    ASSERT_TRUE(before);
    EXPECT_TRUE(before->empty());

    // Kept by name, a box and a polygon across 180, and found by name.
    ASSERT_TRUE(
        db.storeArea(geo::Area::box({9.0, -80.0}, {9.5, -79.5}, QStringLiteral("Approach"))));
    ASSERT_TRUE(db.storeArea(geo::Area::polygon({{50, 170}, {50, -170}, {60, -170}, {60, 170}},
                                                QStringLiteral("Bering"))));
    // The same name again replaces it.
    ASSERT_TRUE(
        db.storeArea(geo::Area::box({9.0, -80.0}, {9.5, -79.5}, QStringLiteral("Approach"))));
    auto areas = db.areas();
    ASSERT_TRUE(areas) << areas.error().toString().toStdString();
    ASSERT_EQ(areas->size(), 2u);
    EXPECT_TRUE(areas->at(0).isBox());
    EXPECT_TRUE(areas->at(1).contains({55, 179}));
    EXPECT_TRUE(areas->at(1).contains({55, -179}));
    EXPECT_FALSE(areas->at(1).contains({55, 0}));
    auto byName = findArea(db, QStringLiteral("Approach"));
    ASSERT_TRUE(byName);
    auto stored = vesselsInArea(db, *byName, INT64_MIN, INT64_MAX);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->size(), 1u);
    EXPECT_FALSE(findArea(db, QStringLiteral("Nowhere")));
    ASSERT_TRUE(db.removeArea(QStringLiteral("Approach")));
    EXPECT_EQ(db.areas()->size(), 1u);
}

} // namespace

TEST(VesselsInArea, Sqlite)
{
    auto db = store::Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(db);
    whoWasThere(*db);
}

TEST(VesselsInArea, Postgres)
{
    auto server = test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    auto db = store::Database::open(server->target());
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    whoWasThere(*db);
}
