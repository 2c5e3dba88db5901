// Hand-overs of one hull from one MMSI to another, on hand-made track ends
// at the rules' thresholds, in a marina where boats switch off and on side by
// side (never linked), and through the store (both backends).

#include "core/investigate/mmsi_handover.h"
#include "core/investigate/same_hull.h"
#include "core/store/database.h"
#include "tests/support/pg_test_server.h"
#include "tests/support/test_files.h"

#include <gtest/gtest.h>

using namespace wake;
using namespace wake::investigate;

namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kT0 = 1'700'000'000'000;
constexpr double kMetresPerDegreeLat = 111'195.0;

// A fix north of 25 N, 80 W by metres, steaming north at sog knots.
model::TrackPoint fix(model::VesselId id, std::int64_t t, double northM, double sog,
                      std::optional<float> cog = 0.0F)
{
    model::TrackPoint p = test::fixAt(id, t, 25.0 + northM / kMetresPerDegreeLat, -80.0);
    p.sogKnots = static_cast<float>(sog);
    p.cogDeg = cog;
    return p;
}

model::Vessel hull(model::VesselId id, std::uint32_t mmsi, std::optional<double> length,
                   std::optional<double> beam = {}, std::optional<int> type = {})
{
    model::Vessel v;
    v.id = id;
    v.mmsi = mmsi;
    v.lengthM = length;
    v.beamM = beam;
    v.aisShipType = type;
    return v;
}

} // namespace

TEST(MmsiHandover, UnderWayTheNewTrackBeginsWhereTheOldOneWouldHaveGot)
{
    // 12 kn for 10 min is 3,704 m; allowed off it is 500 m and a quarter of
    // the run, 926 m: from 2,278 m to 5,130 m.
    const auto last = fix(1, kT0, 0, 12);
    EXPECT_TRUE(endsMeet(last, fix(2, kT0 + 10 * kMinute, 3'704, 12)));
    EXPECT_TRUE(endsMeet(last, fix(2, kT0 + 10 * kMinute, 5'000, 12)));
    EXPECT_FALSE(endsMeet(last, fix(2, kT0 + 10 * kMinute, 5'300, 12)));
    EXPECT_TRUE(endsMeet(last, fix(2, kT0 + 10 * kMinute, 2'400, 12)));
    // Short of it is another boat following in the same channel.
    EXPECT_FALSE(endsMeet(last, fix(2, kT0 + 10 * kMinute, 2'100, 12)));
    // Behind it, or on another course, is not where it went.
    EXPECT_FALSE(endsMeet(last, fix(2, kT0 + 10 * kMinute, -3'704, 12, 180.0F)));
    EXPECT_FALSE(endsMeet(last, fix(2, kT0 + 10 * kMinute, 3'704, 12, 90.0F)));
    EXPECT_TRUE(endsMeet(last, fix(2, kT0 + 10 * kMinute, 3'704, 12, 25.0F)));
    // Within the noise the course of the way there does not count.
    EXPECT_TRUE(endsMeet(last, fix(2, kT0 + kMinute, -100, 12)));
    // One tied up as the other leaves (or arrives) is two boats.
    EXPECT_FALSE(endsMeet(last, fix(2, kT0 + kMinute, 100, 0)));
    EXPECT_FALSE(endsMeet(fix(1, kT0, 0, 0), fix(2, kT0 + kMinute, 100, 6)));
}

TEST(MmsiHandover, TheSilenceBetweenIsBounded)
{
    // Up to 30 min; a minute of overlap is clock disagreement, more is two
    // transponders on at once.
    const auto underWay = fix(1, kT0, 0, 10);
    EXPECT_TRUE(endsMeet(underWay, fix(2, kT0 + 30 * kMinute, 9'260, 10)));
    EXPECT_FALSE(endsMeet(underWay, fix(2, kT0 + 31 * kMinute, 9'569, 10)));
    EXPECT_TRUE(endsMeet(underWay, fix(2, kT0 - kMinute, 0, 10)));
    EXPECT_FALSE(endsMeet(underWay, fix(2, kT0 - kMinute - 1'000, 0, 10)));
    // Neither moving: the same berth, within 50 m.
    const auto still = fix(1, kT0, 0, 0.5);
    EXPECT_TRUE(endsMeet(still, fix(2, kT0 + 30 * kMinute, 40, 0)));
    EXPECT_FALSE(endsMeet(still, fix(2, kT0 + 31 * kMinute, 40, 0)));
    EXPECT_FALSE(endsMeet(still, fix(2, kT0 + 10 * kMinute, 60, 0)));
}

TEST(MmsiHandover, HullsMustAgreeInWhatBothSay)
{
    EXPECT_TRUE(hullsAgree(hull(1, 111, 180.0, 30.0), hull(2, 222, 183.0, 31.0)));
    EXPECT_TRUE(hullsAgree(hull(1, 111, 180.0), hull(2, 222, 196.0))); // within 10 %
    EXPECT_FALSE(hullsAgree(hull(1, 111, 180.0), hull(2, 222, 201.0)));
    EXPECT_FALSE(hullsAgree(hull(1, 111, 180.0, 30.0), hull(2, 222, 180.0, 40.0)));
    // Small boats: 5 m either way.
    EXPECT_TRUE(hullsAgree(hull(1, 111, 12.0), hull(2, 222, 16.0)));
    EXPECT_FALSE(hullsAgree(hull(1, 111, 12.0), hull(2, 222, 18.0)));
    // Pleasure craft and sailing boats are never linked (marinas).
    EXPECT_FALSE(hullsAgree(hull(1, 111, 12.0, {}, 37), hull(2, 222, 12.0, {}, 37)));
    EXPECT_FALSE(hullsAgree(hull(1, 111, 12.0, {}, 36), hull(2, 222, 12.0)));
    // The class of ship (its tens) and not the cargo digit.
    EXPECT_TRUE(hullsAgree(hull(1, 111, 90.0, {}, 70), hull(2, 222, 90.0, {}, 79)));
    EXPECT_FALSE(hullsAgree(hull(1, 111, 90.0, {}, 70), hull(2, 222, 90.0, {}, 80)));
    EXPECT_TRUE(hullsAgree(hull(1, 111, 90.0, {}, 70), hull(2, 222, 90.0)));
    // No length on both: nothing to link by, not even the same kind of ship.
    EXPECT_FALSE(hullsAgree(hull(1, 111, {}, {}, 52), hull(2, 222, {}, {}, 52)));
    EXPECT_FALSE(hullsAgree(hull(1, 111, 180.0), hull(2, 222, {}, {}, 70)));
    EXPECT_FALSE(hullsAgree(hull(1, 111, {}), hull(2, 222, {})));
    // One MMSI told apart by its tracks is not a change of MMSI.
    EXPECT_FALSE(hullsAgree(hull(1, 111, 180.0), hull(2, 111, 180.0)));
}

TEST(MmsiHandover, OnePairIsLinkedWithWhenAndHowFar)
{
    const std::map<model::VesselId, model::Vessel> vessels{{1, hull(1, 111, 180.0, 30.0)},
                                                           {2, hull(2, 222, 181.0, 30.0)}};
    const auto found =
        findHandovers({fix(1, kT0, 0, 12)}, {fix(2, kT0 + 10 * kMinute, 3'000, 12)}, vessels);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].earlier, 1);
    EXPECT_EQ(found[0].later, 2);
    EXPECT_EQ(found[0].silentMs, 10 * kMinute);
    EXPECT_NEAR(found[0].distanceM, 3'000.0, 5.0);
}

TEST(MmsiHandover, AMarinaWhereBoatsSwitchOffAndOnSideBySideLinksNothing)
{
    // Four 12 m boats at one pontoon, 15 m apart: two switch off, two switch
    // on within half an hour. Any of the four pairings fits: none is kept.
    std::map<model::VesselId, model::Vessel> vessels;
    for (model::VesselId id = 1; id <= 4; ++id) {
        vessels.emplace(id, hull(id, 366000000 + static_cast<std::uint32_t>(id), 12.0, 4.0));
    }
    const std::vector<model::TrackPoint> lasts{fix(1, kT0, 0, 0), fix(2, kT0 + 5 * kMinute, 15, 0)};
    const std::vector<model::TrackPoint> firsts{fix(3, kT0 + 20 * kMinute, 30, 0),
                                                fix(4, kT0 + 25 * kMinute, 45, 0)};
    EXPECT_TRUE(findHandovers(lasts, firsts, vessels).empty());
    // One off and one on, but a second boat switches on beside it: still none.
    EXPECT_TRUE(findHandovers({lasts[0]}, firsts, vessels).empty());
    // Alone, the one pair is a lead.
    EXPECT_EQ(findHandovers({lasts[0]}, {firsts[0]}, vessels).size(), 1u);
}

namespace {

void throughTheStore(store::Database& db)
{
    // A (180 m tanker) sails north and stops transmitting; 20 min later B
    // (MMSI of another flag, same hull) is heard 7.4 km further on, where A
    // would have got. C is a 40 m tug whose track begins there too, under
    // way: another hull. D shares A's IMO.
    model::Vessel a = hull(0, 511000001, 180.0, 32.0, 80);
    a.imo = 9187629;
    model::Vessel b = hull(0, 636000002, 180.0, 32.0, 80);
    model::Vessel c = hull(0, 367000003, 40.0, 12.0, 52);
    model::Vessel d = hull(0, 352000004, {});
    d.imo = 9187629;
    const auto idA = db.upsertVessel(a).value();
    const auto idB = db.upsertVessel(b).value();
    const auto idC = db.upsertVessel(c).value();
    const auto idD = db.upsertVessel(d).value();
    std::vector<model::TrackPoint> points;
    for (int i = 0; i <= 10; ++i) {
        points.push_back(fix(idA, kT0 + i * kMinute, i * 370.0, 12));
        points.push_back(fix(idB, kT0 + (30 + i) * kMinute, 11'100 + i * 370.0, 12));
        points.push_back(fix(idC, kT0 + (30 + i) * kMinute, 11'200 + i * 370.0, 12));
        points.push_back(fix(idD, kT0 - 3'000 * kMinute + i * kMinute, -90'000, 0));
    }
    ASSERT_TRUE(db.insertTrackPoints(points));

    auto fleet = handoversIn(db, INT64_MIN / 2, INT64_MAX / 2);
    ASSERT_TRUE(fleet) << fleet.error().toString().toStdString();
    ASSERT_EQ(fleet->size(), 1u);
    EXPECT_EQ(fleet->front().earlier, idA);
    EXPECT_EQ(fleet->front().later, idB);
    EXPECT_EQ(fleet->front().silentMs, 20 * kMinute);

    // From B: A, by the hand-over.
    auto ofB = sameHullOf(db, *db.vessel(idB).value(), points[1], points[points.size() - 3]);
    ASSERT_TRUE(ofB) << ofB.error().toString().toStdString();
    ASSERT_EQ(ofB->size(), 1u);
    EXPECT_EQ(ofB->front().other.id, idA);
    ASSERT_TRUE(ofB->front().handover);
    // From A: D by its IMO (no hand-over needed), then B by the hand-over.
    auto ofA = sameHullOf(db, *db.vessel(idA).value(), points[0], points[points.size() - 4]);
    ASSERT_TRUE(ofA);
    ASSERT_EQ(ofA->size(), 2u);
    EXPECT_EQ(ofA->at(0).other.id, idD);
    EXPECT_FALSE(ofA->at(0).handover);
    EXPECT_EQ(ofA->at(1).other.id, idB);
    EXPECT_TRUE(ofA->at(1).handover);
    // C, a different hull, has none.
    auto ofC = sameHullOf(db, *db.vessel(idC).value(), points[2], points[points.size() - 2]);
    ASSERT_TRUE(ofC);
    EXPECT_TRUE(ofC->empty());
}

} // namespace

TEST(SameHull, Sqlite)
{
    auto db = store::Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(db);
    throughTheStore(*db);
}

TEST(SameHull, Postgres)
{
    auto server = test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    auto db = store::Database::open(server->target());
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    throughTheStore(*db);
}
