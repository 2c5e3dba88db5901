// Places where ships stop, learned from the data: where several vessels
// stay stationary near the shore is a place (a marina no port list names);
// a stop there is a port visit and two boats moored side by side there are
// no encounter, while two ships meeting alone at sea still are one. And a
// stationary ship that stops transmitting is said to be just that.

#include "core/analysis/ais_gaps.h"
#include "core/analysis/analyzer.h"
#include "core/geo/geodesy.h"
#include "core/places/learned_places.h"
#include "core/store/database.h"

#include <gtest/gtest.h>

#include <cmath>

namespace wake {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kT0 = 1'577'836'800'000;

const model::LatLon kMarina{30.0, -50.0};
const model::LatLon kMeeting{30.6, -49.2}; // 95 km away, far from the coast below

model::LatLon offset(const model::LatLon& p, double northM, double eastM)
{
    return {p.latDeg + northM / 111'195.0,
            p.lonDeg + eastM / (111'195.0 * std::cos(geo::degToRad(p.latDeg)))};
}

struct Fixture
{
    store::Database db = std::move(store::Database::open(QStringLiteral(":memory:"))).value();
    reference::PortIndex ports = [] {
        model::Port far;
        far.locode = QStringLiteral("XXFAR");
        far.name = QStringLiteral("Farport");
        far.position = {10.0, -40.0};
        return reference::PortIndex::fromPorts({far});
    }();

    model::VesselId stationary(std::uint32_t mmsi, const model::LatLon& at, std::int64_t from,
                               std::int64_t to, float sog = 0.0F)
    {
        model::Vessel v;
        v.mmsi = mmsi;
        const model::VesselId id = *db.createVessel(v);
        add(id, at, from, to, sog);
        return id;
    }
    void add(model::VesselId id, const model::LatLon& at, std::int64_t from, std::int64_t to,
             float sog)
    {
        std::vector<model::TrackPoint> points;
        for (std::int64_t t = from; t <= to; t += 5 * kMinute) {
            model::TrackPoint p;
            p.vesselId = id;
            p.timeUtcMs = t;
            p.latDeg = at.latDeg;
            p.lonDeg = at.lonDeg;
            p.sogKnots = sog;
            p.cogDeg = 0.0F;
            points.push_back(p);
        }
        ASSERT_TRUE(db.insertTrackPoints(points).ok());
    }
    analysis::AnalysisOutput analyse(const model::LatLon& coast)
    {
        auto shore = std::make_shared<const analysis::ShoreDistance>(
            std::vector<model::LatLon>{coast}, nullptr);
        analysis::Analyzer analyzer(db, ports, shore, analysis::AnalysisRules{});
        auto out = analyzer.run({});
        EXPECT_TRUE(out.ok());
        EXPECT_TRUE(analyzer.keep(*out).ok());
        return *out;
    }
};

std::vector<model::Event> ofKind(const analysis::AnalysisOutput& out, model::EventKind kind)
{
    std::vector<model::Event> events;
    for (const model::Event& e : out.events) {
        if (e.kind == kind) {
            events.push_back(e);
        }
    }
    return events;
}

TEST(LearnedPlaces, BoatsMooredTogetherMakeAPlaceThatIsAPortAndNoMeetingPlace)
{
    Fixture f;
    // Four boats moored within 200 m of each other for six hours, 3 km off
    // the shore, 1,000 km from any listed port.
    std::vector<model::VesselId> moored;
    for (int i = 0; i < 4; ++i) {
        moored.push_back(
            f.stationary(367000001 + i, offset(kMarina, 50.0 * i, 30.0 * i), kT0, kT0 + 6 * kHour));
    }
    // Two ships side by side, alone at sea, for three hours.
    const auto a = f.stationary(538000001, kMeeting, kT0, kT0 + 3 * kHour, 0.5F);
    const auto b =
        f.stationary(538000002, offset(kMeeting, 120.0, 0.0), kT0, kT0 + 3 * kHour, 0.5F);
    const auto out = f.analyse(offset(kMarina, 0.0, -3000.0));

    ASSERT_EQ(out.places.size(), 1u);
    const places::LearnedPlace& place = out.places.front();
    EXPECT_EQ(place.vessels, 4);
    EXPECT_LT(geo::distanceM(place.port.position, kMarina), 500.0); // within a cell or so
    EXPECT_EQ(place.port.origin, QStringLiteral("learned"));
    EXPECT_TRUE(place.port.name.contains(QStringLiteral("Farport")))
        << place.port.name.toStdString();

    const auto visits = ofKind(out, model::EventKind::PortVisit);
    ASSERT_EQ(visits.size(), 4u);
    for (const model::Event& v : visits) {
        EXPECT_EQ(v.place, place.port.name);
    }
    // The moored boats met nobody; the two ships at sea did.
    const auto encounters = ofKind(out, model::EventKind::Encounter);
    ASSERT_EQ(encounters.size(), 1u);
    EXPECT_EQ(std::min(*encounters[0].vesselId, *encounters[0].otherVesselId), std::min(a, b));
    EXPECT_EQ(std::max(*encounters[0].vesselId, *encounters[0].otherVesselId), std::max(a, b));
    // Where they stopped, and the place, are kept with the results.
    EXPECT_GE(out.stopCells.size(), 6u);
    const auto stored = f.db.learnedPlaces();
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored->size(), 1u);
    EXPECT_EQ(stored->front().port.name, place.port.name);
    EXPECT_EQ(stored->front().vessels, 4);
    EXPECT_EQ(stored->front().kind, place.kind);
    EXPECT_DOUBLE_EQ(stored->front().port.position.latDeg, place.port.position.latDeg);
}

TEST(LearnedPlaces, TwoBoatsAreNoPlaceAndThreeShipsOffshoreAreNoneEither)
{
    Fixture f;
    f.stationary(367000001, kMarina, kT0, kT0 + 6 * kHour);
    f.stationary(367000002, offset(kMarina, 50.0, 0.0), kT0, kT0 + 6 * kHour);
    // Three ships stopped together far out at sea: a transfer, not a place.
    for (int i = 0; i < 3; ++i) {
        f.stationary(538000001 + i, offset(kMeeting, 100.0 * i, 0.0), kT0, kT0 + 6 * kHour);
    }
    const auto out = f.analyse(offset(kMarina, 0.0, -3000.0));
    EXPECT_TRUE(out.places.empty());
    EXPECT_TRUE(ofKind(out, model::EventKind::PortVisit).empty());
    // Each pair of the three at sea, and the two moored boats: two are no
    // place, and 3 km off the shore is at sea.
    EXPECT_EQ(ofKind(out, model::EventKind::Encounter).size(), 4u);
}

TEST(LearnedPlaces, MeetingsCloseToTheShoreAreNoEncounters)
{
    Fixture f;
    f.stationary(538000001, kMeeting, kT0, kT0 + 3 * kHour, 0.5F);
    f.stationary(538000002, offset(kMeeting, 120.0, 0.0), kT0, kT0 + 3 * kHour, 0.5F);
    // The same two ships, once 1.5 km and once 2.5 km off the shore.
    EXPECT_TRUE(
        ofKind(f.analyse(offset(kMeeting, 0.0, -1500.0)), model::EventKind::Encounter).empty());
    EXPECT_EQ(ofKind(f.analyse(offset(kMeeting, 0.0, -2500.0)), model::EventKind::Encounter).size(),
              1u);
}

TEST(AisGaps, AStationaryShipThatStopsTransmittingIsNoPossibleDisabling)
{
    Fixture f;
    const model::LatLon far{20.0, -30.0}; // 600 nm from the coast below
    const auto still = f.stationary(538000001, far, kT0, kT0 + 2 * kHour);
    f.add(still, far, kT0 + 16 * kHour, kT0 + 18 * kHour, 0.0F);
    const auto moving =
        f.stationary(538000002, offset(far, 0, 50'000), kT0, kT0 + 2 * kHour, 10.0F);
    f.add(moving, offset(far, 100'000, 50'000), kT0 + 16 * kHour, kT0 + 18 * kHour, 10.0F);
    const auto out = f.analyse({30.0, -50.0});
    const auto gaps = ofKind(out, model::EventKind::AisGap);
    ASSERT_EQ(gaps.size(), 2u);
    for (const model::Event& g : gaps) {
        if (*g.vesselId == still) {
            EXPECT_TRUE(g.title.contains(QStringLiteral("not transmitting while stationary")))
                << g.title.toStdString();
            EXPECT_FALSE(g.title.contains(QStringLiteral("disabling")));
        } else {
            EXPECT_TRUE(g.title.contains(QStringLiteral("possible intentional disabling")))
                << g.title.toStdString();
        }
    }
}

// Small craft switch AIS on with the engine: a boat silent at its mooring
// comes back under way from the same spot. Back at the spot and stopped at
// one end is a stationary silence; under way at both ends it is not, and
// neither is stopping 0.6 nm (past kStationaryGapNm) from where it went quiet.
TEST(AisGaps, ABoatBackAtItsMooringUnderWayWasStationary)
{
    Fixture f;
    const model::LatLon far{20.0, -30.0};
    const auto leftAtDawn = f.stationary(538000001, far, kT0, kT0 + 2 * kHour);
    f.add(leftAtDawn, offset(far, 60.0, 0.0), kT0 + 13 * kHour, kT0 + 13 * kHour, 4.9F);
    f.add(leftAtDawn, offset(far, 60.0, 3000.0), kT0 + 13 * kHour + 20 * kMinute, kT0 + 14 * kHour,
          4.9F);
    const model::LatLon there = offset(far, 0.0, 40'000.0);
    const auto passing = f.stationary(538000002, there, kT0, kT0 + 2 * kHour, 6.0F);
    f.add(passing, offset(there, 60.0, 0.0), kT0 + 13 * kHour, kT0 + 14 * kHour, 6.0F);
    const model::LatLon third = offset(far, 0.0, 80'000.0);
    const auto shifted = f.stationary(538000003, third, kT0, kT0 + 2 * kHour);
    f.add(shifted, offset(third, 0.6 * 1852.0, 0.0), kT0 + 13 * kHour, kT0 + 14 * kHour, 0.0F);
    const auto gaps = ofKind(f.analyse({30.0, -50.0}), model::EventKind::AisGap);
    ASSERT_EQ(gaps.size(), 3u);
    for (const model::Event& g : gaps) {
        const bool stationary =
            g.title.contains(QStringLiteral("not transmitting while stationary"));
        EXPECT_EQ(stationary, *g.vesselId == leftAtDawn) << g.title.toStdString();
    }
}

TEST(AisGaps, ManyShipsGoingQuietInOneAreaIsTheEdgeOfReception)
{
    // Four ships go quiet within 20 km of each other (where a receiver's
    // range ends); a fifth far away does alone.
    std::vector<analysis::AisGap> gaps(5);
    for (int i = 0; i < 5; ++i) {
        const model::LatLon start = i < 4 ? offset(kMeeting, 3000.0 * i, 0.0) : kMarina;
        gaps[i].before.latDeg = start.latDeg;
        gaps[i].before.lonDeg = start.lonDeg;
        gaps[i].after = gaps[i].before;
        gaps[i].after.latDeg += 1.0;
        gaps[i].possibleDisabling = true;
    }
    std::vector<std::pair<model::VesselId, analysis::AisGap*>> refs;
    for (int i = 0; i < 5; ++i) {
        refs.emplace_back(100 + i, &gaps[i]);
    }
    analysis::markReceptionEdges(refs);
    for (int i = 0; i < 4; ++i) {
        EXPECT_TRUE(gaps[i].receptionEdge) << i;
        EXPECT_FALSE(gaps[i].possibleDisabling) << i;
        EXPECT_EQ(gaps[i].othersQuietNearby, 3);
    }
    EXPECT_FALSE(gaps[4].receptionEdge);
    EXPECT_TRUE(gaps[4].possibleDisabling);
}

} // namespace
} // namespace wake
