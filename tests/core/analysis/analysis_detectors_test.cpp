// Each detector on hand-made tracks just below and just above its thresholds.

#include "core/analysis/ais_gaps.h"
#include "core/analysis/encounters.h"
#include "core/analysis/identity_changes.h"
#include "core/analysis/loitering.h"
#include "core/analysis/port_visits.h"
#include "core/analysis/position_jumps.h"
#include "core/analysis/reachability.h"
#include "core/analysis/rules.h"
#include "core/geo/geodesy.h"
#include "core/geo/sea_route.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

using namespace wake;
using namespace wake::analysis;

namespace {

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kT0 = 1'700'000'000'000; // 2023-11-14T22:13:20Z

// A point `metres` north (bearing 0) or east (bearing 90) of p.
model::LatLon offset(const model::LatLon& p, double northM, double eastM)
{
    return {p.latDeg + northM / 111'195.0,
            p.lonDeg + eastM / (111'195.0 * std::cos(geo::degToRad(p.latDeg)))};
}

model::TrackPoint fix(std::int64_t t, const model::LatLon& p, std::optional<float> sog = 0.0F)
{
    model::TrackPoint tp;
    tp.timeUtcMs = t;
    tp.latDeg = p.latDeg;
    tp.lonDeg = p.lonDeg;
    tp.sogKnots = sog;
    return tp;
}

// Fixes every `stepMin` minutes from `from` to `to` (inclusive), moving in a
// straight line from a to b, reporting `sog`.
void append(std::vector<model::TrackPoint>& track, std::int64_t from, std::int64_t to,
            const model::LatLon& a, const model::LatLon& b, float sog, int stepMin = 5)
{
    for (std::int64_t t = from; t <= to; t += stepMin * kMinute) {
        const double f =
            to == from ? 0.0 : static_cast<double>(t - from) / static_cast<double>(to - from);
        track.push_back(fix(
            t, {a.latDeg + f * (b.latDeg - a.latDeg), a.lonDeg + f * (b.lonDeg - a.lonDeg)}, sog));
    }
}

const model::LatLon kPort{10.0, -40.0};
const model::LatLon kSea{30.0, -50.0}; // far from the hand-made coast and port

reference::PortIndex onePort()
{
    model::Port p;
    p.locode = QStringLiteral("XXPRT");
    p.name = QStringLiteral("Testport");
    p.position = kPort;
    return reference::PortIndex::fromPorts({p});
}

// A coast of one point 60 nm west of kSea's longitude line.
ShoreDistance coastAt(const model::LatLon& p)
{
    return ShoreDistance(std::vector<model::LatLon>{p}, nullptr);
}

// A ship that comes in from 10 km, stays `stayMs` within `closestM` at `stopKnots`, and leaves.
std::vector<model::TrackPoint> portCall(double closestM, std::int64_t stayMs, float stopKnots)
{
    std::vector<model::TrackPoint> t;
    append(t, kT0, kT0 + 30 * kMinute, offset(kPort, 10'000, 0), offset(kPort, closestM, 0), 10.0F);
    append(t, kT0 + 35 * kMinute, kT0 + 35 * kMinute + stayMs, offset(kPort, closestM, 0),
           offset(kPort, closestM, 0), stopKnots);
    const std::int64_t leave = t.back().timeUtcMs + 5 * kMinute;
    append(t, leave, leave + 30 * kMinute, offset(kPort, closestM, 0), offset(kPort, 10'000, 0),
           10.0F);
    return t;
}

} // namespace

TEST(PositionJumps, AFixThatImpliesMoreThanTheLimitFromBothNeighboursIsAJump)
{
    const JumpRules rules; // 50 kn, times padded by 5 min, 100 m of error per fix
    for (const double knots : {49.0, 51.0}) {
        // Fix 2 is off the line by a distance that takes `knots` for the 5
        // minutes between fixes plus the padding, beyond both fixes' error.
        const double metres =
            knots * geo::kMetresPerNauticalMile * ((5.0 + rules.timePaddingMinutes) / 60.0) +
            2.0 * rules.positionErrorM;
        std::vector<model::TrackPoint> t;
        for (int i = 0; i < 5; ++i) {
            t.push_back(fix(kT0 + i * 5 * kMinute, offset(kSea, 0, i * 10.0)));
        }
        t[2] = fix(t[2].timeUtcMs, offset(kSea, metres, 20.0));
        const auto jumps = findPositionJumps(t, rules);
        if (knots < 50.0) {
            EXPECT_TRUE(jumps.empty());
        } else {
            ASSERT_EQ(jumps.size(), 1u);
            EXPECT_EQ(jumps[0].index, 2u);
            EXPECT_NEAR(jumps[0].fromPreviousKnots, 51.0, 0.5);
            EXPECT_EQ(withoutJumps(t, jumps).size(), 4u);
        }
    }
}

TEST(PositionJumps, TwoBadFixesInARowAndABadLastFix)
{
    std::vector<model::TrackPoint> t;
    for (int i = 0; i < 8; ++i) {
        t.push_back(fix(kT0 + i * 5 * kMinute, offset(kSea, 0, i * 100.0)));
    }
    t[3] = fix(t[3].timeUtcMs, offset(kSea, 50'000, 300));
    t[4] = fix(t[4].timeUtcMs, offset(kSea, 50'100, 400));
    t[7] = fix(t[7].timeUtcMs, offset(kSea, -80'000, 700));
    const auto jumps = findPositionJumps(t, {});
    ASSERT_EQ(jumps.size(), 3u);
    EXPECT_EQ(jumps[0].index, 3u);
    EXPECT_EQ(jumps[1].index, 4u);
    EXPECT_EQ(jumps[2].index, 7u);
}

TEST(PortVisits, EntryWithinThreeKilometres)
{
    auto ports = onePort();
    for (const double closest : {2900.0, 3100.0}) {
        PortProximity proximity(ports, 4.0);
        const auto visits = findPortVisits(portCall(closest, 3 * kHour, 0.0F), {}, proximity);
        EXPECT_EQ(visits.size(), closest < 3000.0 ? 1u : 0u) << closest;
    }
}

TEST(PortVisits, AVisitIsTheStopAndLastsAnHour)
{
    auto ports = onePort();
    PortProximity proximity(ports, 4.0);
    // The visit is the stay itself: 55 minutes stopped is too short, 65 is a visit.
    EXPECT_TRUE(findPortVisits(portCall(500.0, 55 * kMinute, 0.0F), {}, proximity).empty());
    const auto visits = findPortVisits(portCall(500.0, 65 * kMinute, 0.0F), {}, proximity);
    ASSERT_EQ(visits.size(), 1u);
    EXPECT_EQ(visits[0].startUtcMs, kT0 + 35 * kMinute);
    EXPECT_EQ(visits[0].endUtcMs, kT0 + 100 * kMinute);
    // Below 0.2 kn starts a stop; 0.21 kn never does.
    EXPECT_EQ(findPortVisits(portCall(500.0, 3 * kHour, 0.19F), {}, proximity).size(), 1u);
    EXPECT_TRUE(findPortVisits(portCall(500.0, 3 * kHour, 0.21F), {}, proximity).empty());
}

TEST(PortVisits, UnderWayForTenMinutesOrOutOfItsPortEndsTheStay)
{
    auto ports = onePort();
    const std::int64_t stopEnd = kT0 + 35 * kMinute + 3 * kHour;
    for (const int movingMinutes : {10, 20}) { // first to last fix under way: 5 and 15 min
        // Stopped for three hours, then under way at 1 kn inside the port.
        std::vector<model::TrackPoint> t;
        append(t, kT0 + 35 * kMinute, stopEnd, offset(kPort, 500, 0), offset(kPort, 500, 0), 0.0F);
        append(t, stopEnd + 5 * kMinute, stopEnd + movingMinutes * kMinute, offset(kPort, 520, 0),
               offset(kPort, 600, 0), 1.0F);
        append(t, stopEnd + (movingMinutes + 5) * kMinute, stopEnd + 2 * kHour,
               offset(kPort, 600, 0), offset(kPort, 600, 0), 0.0F);
        PortProximity proximity(ports, 4.0);
        const auto visits = findPortVisits(t, {}, proximity);
        if (movingMinutes < 20) {
            // GPS drift or a short shift: one stay.
            ASSERT_EQ(visits.size(), 1u);
            EXPECT_EQ(visits[0].endUtcMs, stopEnd + 2 * kHour);
        } else {
            // A berth shift: two stays, the first ending at its last stopped fix.
            ASSERT_EQ(visits.size(), 2u);
            EXPECT_EQ(visits[0].endUtcMs, stopEnd);
        }
    }
    // Leaving the port's 4 km exit radius ends it even when slow.
    std::vector<model::TrackPoint> drift;
    append(drift, kT0, kT0 + 2 * kHour, offset(kPort, 500, 0), offset(kPort, 500, 0), 0.0F);
    append(drift, kT0 + 2 * kHour + 5 * kMinute, kT0 + 4 * kHour, offset(kPort, 4100, 0),
           offset(kPort, 6000, 0), 0.1F);
    PortProximity proximity(ports, 4.0);
    const auto visits = findPortVisits(drift, {}, proximity);
    ASSERT_EQ(visits.size(), 1u);
    EXPECT_EQ(visits[0].endUtcMs, kT0 + 2 * kHour);
    ASSERT_NE(visits[0].port, nullptr);
    EXPECT_EQ(visits[0].port->locode, QStringLiteral("XXPRT"));
}

TEST(PortVisits, AReceptionGapInPortNeverSplitsTheStay)
{
    auto ports = onePort();
    for (const double gapH : {3.9, 4.1, 12.0}) {
        auto t = portCall(500.0, 20 * kHour, 0.0F);
        const std::int64_t from = kT0 + 3 * kHour;
        const std::int64_t to = from + static_cast<std::int64_t>(gapH * kHour);
        std::erase_if(
            t, [&](const model::TrackPoint& p) { return p.timeUtcMs > from && p.timeUtcMs < to; });
        PortProximity proximity(ports, 4.0);
        const auto visits = findPortVisits(t, {}, proximity);
        ASSERT_EQ(visits.size(), 1u) << gapH;
        EXPECT_EQ(visits[0].gapsInside, 1) << gapH;
    }
}

TEST(PortVisits, AJumpInsideIsExcludedAndDoesNotSplitTheVisit)
{
    auto ports = onePort();
    auto t = portCall(500.0, 6 * kHour, 0.0F);
    t[40] = fix(t[40].timeUtcMs, offset(kPort, 90'000, 0)); // 90 km off in five minutes
    PortProximity proximity(ports, 4.0);
    EXPECT_EQ(findPortVisits(t, {}, proximity).size(), 2u); // what a naive reading would give
    const auto clean = withoutJumps(t, findPositionJumps(t, {}));
    EXPECT_EQ(findPortVisits(clean, {}, proximity).size(), 1u);
}

TEST(AisGaps, SixHoursAwayFromPortAndTheDisablingFlag)
{
    auto ports = onePort();
    const AnalysisRules rules;
    const ShoreDistance shore = coastAt(offset(kSea, 0, -60.0 * geo::kMetresPerNauticalMile));
    for (const double hours : {5.9, 6.1, 11.9, 12.1}) {
        std::vector<model::TrackPoint> t;
        t.push_back(fix(kT0, kSea, 10.0F));
        t.push_back(fix(kT0 + static_cast<std::int64_t>(hours * kHour),
                        offset(kSea, 0, hours * 5.0 * geo::kMetresPerNauticalMile), 10.0F));
        PortProximity proximity(ports, 4.0);
        const auto gaps = findAisGaps(t, {}, rules, proximity, shore);
        if (hours < 6.0) {
            EXPECT_TRUE(gaps.empty());
            continue;
        }
        ASSERT_EQ(gaps.size(), 1u) << hours;
        EXPECT_NEAR(gaps[0].shoreNm, 60.0, 0.5);
        EXPECT_NEAR(gaps[0].impliedKnots, 5.0, 0.05);
        EXPECT_EQ(gaps[0].possibleDisabling, hours >= 12.0) << hours;
    }
    // 12.1 h but only 40 nm from shore: a gap, not a possible disabling.
    const ShoreDistance nearShore = coastAt(offset(kSea, 0, -40.0 * geo::kMetresPerNauticalMile));
    std::vector<model::TrackPoint> t{fix(kT0, kSea, 10.0F),
                                     fix(kT0 + 121 * kHour / 10, kSea, 10.0F)};
    PortProximity proximity(ports, 4.0);
    const auto gaps = findAisGaps(t, {}, rules, proximity, nearShore);
    ASSERT_EQ(gaps.size(), 1u);
    EXPECT_FALSE(gaps[0].possibleDisabling);
}

TEST(AisGaps, InPortIsNotAGapAndMidnightAndTheAntimeridianChangeNothing)
{
    auto ports = onePort();
    const AnalysisRules rules;
    const ShoreDistance shore = coastAt({0.0, 0.0});
    PortProximity proximity(ports, 4.0);
    // Silent for 8 h at the quay.
    std::vector<model::TrackPoint> atQuay{fix(kT0, offset(kPort, 300, 0)),
                                          fix(kT0 + 8 * kHour, offset(kPort, 300, 0))};
    EXPECT_TRUE(findAisGaps(atQuay, {}, rules, proximity, shore).empty());
    // From 179.9°E at 20:00 to 179.9°W at 04:00 the next day: 8 h, about 11 nm.
    const std::int64_t evening = 1'689'710'400'000; // 2023-07-18T20:00Z
    std::vector<model::TrackPoint> t{fix(evening, {10.0, 179.9}, 1.0F),
                                     fix(evening + 8 * kHour, {10.0, -179.9}, 1.0F)};
    const auto gaps = findAisGaps(t, {}, rules, proximity, shore);
    ASSERT_EQ(gaps.size(), 1u);
    EXPECT_EQ(gaps[0].durationMs, 8 * kHour);
    EXPECT_NEAR(gaps[0].distanceNm, 11.8, 0.1);
    EXPECT_NEAR(gaps[0].impliedKnots, 11.8 / 8.0, 0.02);
}

TEST(Reachability, TheEnvelopeHoldsBothFixesAndThePortsWithinReach)
{
    const model::LatLon a{10.0, 179.5};
    const model::LatLon b{10.0, -179.5}; // 59 nm east, across the antimeridian
    // 12 h at 10 kn: 120 nm of path for 59 nm of distance.
    const ReachabilityEnvelope env = makeEnvelope(a, b, 12 * kHour, 10.0);
    EXPECT_TRUE(env.contains(a));
    EXPECT_TRUE(env.contains(b));
    EXPECT_TRUE(env.contains({10.5, 180.0}));  // 30 nm north of the midpoint
    EXPECT_FALSE(env.contains({11.0, 180.0})); // 60 nm north: too far
    const auto outline = envelopeOutline(env, 72);
    ASSERT_EQ(outline.size(), 72u);
    for (std::size_t i = 1; i < outline.size(); ++i) {
        EXPECT_LT(std::abs(outline[i].lonDeg - outline[i - 1].lonDeg), 5.0); // unwrapped
    }
    for (const auto& p : outline) {
        const double path = geo::distanceM(a, p) + geo::distanceM(p, b);
        EXPECT_NEAR(path, env.budgetM, 50.0);
    }
    model::Port inside;
    inside.locode = QStringLiteral("XXIN");
    inside.position = {10.4, 179.9};
    model::Port outside;
    outside.locode = QStringLiteral("XXOUT");
    outside.position = {11.2, 180.0};
    const auto ports = reference::PortIndex::fromPorts({inside, outside});
    const auto calls = portsInside(env, ports, 10);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].port->locode, QStringLiteral("XXIN"));
    EXPECT_GT(calls[0].detourNm, 0.0);
    // A budget shorter than the distance (a ship faster than ever seen) reaches nothing.
    EXPECT_TRUE(envelopeOutline(makeEnvelope(a, b, kHour, 10.0)).empty());
}

// Reach is by sea: a port across an isthmus is out of reach when the way
// round is too long (Limon to Puntarenas, Costa Rica: 120 km as the crow
// flies, round by the Panama Canal by sea), and an envelope over most of an ocean keeps the
// ports on the sea and drops the inland towns (the 89-day dark period
// listed the Great Plains, Oklahoma, Alberta and the Yukon).
TEST(Reachability, PortsAreWithinReachBySeaAndNeverInland)
{
    const auto sea = geo::SeaRouter::shared();
    ASSERT_NE(sea, nullptr);
    const auto port = [](const char* code, double lat, double lon) {
        model::Port p;
        p.locode = QString::fromLatin1(code);
        p.position = {lat, lon};
        return p;
    };
    const auto ports = reference::PortIndex::fromPorts(
        {port("CRPAS", 9.97, -84.83), port("CRLIO", 10.0, -83.03), port("USOKC", 35.47, -97.52),
         port("CAYXY", 60.72, -135.05), port("USGLS", 29.31, -94.79), port("ZACPT", -33.9, 18.43)});
    const model::LatLon colon{9.40, -79.95};
    const model::LatLon limon{10.05, -82.95};
    const model::LatLon offshore{10.3, -82.8};
    // A day at 10 kn off Limon: Limon by sea; Puntarenas only as the crow flies.
    const ReachabilityEnvelope day = makeEnvelope(limon, offshore, 24 * kHour, 10.0);
    const auto crow = portsInside(day, ports, 10);
    const auto bySea = portsInside(day, ports, 10, sea.get());
    const auto has = [](const std::vector<PossibleCall>& calls, const char* code) {
        return std::any_of(calls.begin(), calls.end(), [&](const PossibleCall& c) {
            return c.port->locode == QLatin1String(code);
        });
    };
    EXPECT_TRUE(has(crow, "CRPAS"));
    EXPECT_FALSE(has(bySea, "CRPAS"));
    EXPECT_TRUE(has(bySea, "CRLIO"));
    // 89 days at 10 kn from Cuba to Colon: vast; Galveston and Cape Town are
    // on the sea, Oklahoma City and Whitehorse are not.
    const ReachabilityEnvelope dark = makeEnvelope({21.2, -76.6}, colon, 89 * 24 * kHour, 10.0);
    EXPECT_TRUE(isVast(dark));
    EXPECT_FALSE(isVast(day));
    EXPECT_NEAR(reachNm(dark), (89 * 24 * 10.0 + geo::distanceM({21.2, -76.6}, colon) / 1852.0) / 2,
                1.0);
    std::size_t total = 0;
    const auto far = portsInside(dark, ports, 10, sea.get(), &total);
    EXPECT_TRUE(has(far, "USGLS"));
    EXPECT_TRUE(has(far, "ZACPT"));
    EXPECT_FALSE(has(far, "USOKC"));
    EXPECT_FALSE(has(far, "CAYXY"));
    EXPECT_EQ(total, far.size());
}

namespace {

// Two ships side by side `apartM` for `duration` at `knots`, `portKm` from the port.
std::vector<Encounter> meeting(double apartM, std::int64_t duration, float knotsA, float knotsB,
                               double portKm, const EncounterRules& rules)
{
    auto ports = onePort();
    const model::LatLon here = offset(kPort, portKm * 1000.0, 0);
    EncounterFinder finder(rules, PortProximity(ports, 20.0));
    std::vector<model::TrackPoint> a;
    std::vector<model::TrackPoint> b;
    const auto drift = [&](float knots) {
        return knots * geo::kMetresPerNauticalMile * duration / kHour;
    };
    append(a, kT0, kT0 + duration, here, offset(here, 0, drift(knotsA)), knotsA, 2);
    append(b, kT0, kT0 + duration, offset(here, apartM, 0), offset(here, apartM, drift(knotsB)),
           knotsB, 2);
    finder.addTrack(1, a);
    finder.addTrack(2, b);
    return finder.find().value();
}

} // namespace

TEST(Encounters, GlobalFishingWatchThresholds)
{
    const EncounterRules gfw;
    const std::int64_t longEnough = 2 * kHour + 20 * kMinute;
    EXPECT_EQ(meeting(480, longEnough, 1.0F, 1.0F, 20, gfw).size(), 1u);
    EXPECT_TRUE(meeting(520, longEnough, 1.0F, 1.0F, 20, gfw).empty());
    EXPECT_TRUE(meeting(200, 100 * kMinute, 1.0F, 1.0F, 20, gfw).empty());
    EXPECT_TRUE(meeting(200, longEnough, 1.9F, 2.1F, 20, gfw).empty());
    EXPECT_EQ(meeting(200, longEnough, 1.9F, 1.9F, 20, gfw).size(), 1u);
    EXPECT_TRUE(meeting(200, longEnough, 1.0F, 1.0F, 9, gfw).empty());
    EXPECT_EQ(meeting(200, longEnough, 1.0F, 1.0F, 11, gfw).size(), 1u);
    const auto found = meeting(300, 3 * kHour, 0.5F, 0.5F, 20, gfw);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].vesselId, 1);
    EXPECT_EQ(found[0].otherVesselId, 2);
    EXPECT_NEAR(found[0].medianDistanceM, 300.0, 5.0);
    // Measured on the 10-minute grid: within one step of the true duration.
    EXPECT_NEAR(static_cast<double>(found[0].endUtcMs - found[0].startUtcMs), 3.0 * kHour,
                10.0 * kMinute);
}

TEST(Encounters, SkylightPresetTakesShorterCloserMeetings)
{
    const EncounterRules skylight = AnalysisRules::skylight().encounters;
    EXPECT_EQ(meeting(240, 40 * kMinute, 1.0F, 1.0F, 20, skylight).size(), 1u);
    EXPECT_TRUE(meeting(260, 40 * kMinute, 1.0F, 1.0F, 20, skylight).empty());
    EXPECT_TRUE(meeting(240, 40 * kMinute, 1.0F, 1.0F, 20, EncounterRules{}).empty());
}

TEST(Encounters, ThreeVesselsMeetingAtOnceMakeThreePairs)
{
    auto ports = onePort();
    EncounterFinder finder(EncounterRules{}, PortProximity(ports, 20.0));
    for (int v = 1; v <= 3; ++v) {
        std::vector<model::TrackPoint> t;
        const model::LatLon p = offset(kSea, v * 150.0, 0);
        append(t, kT0, kT0 + 3 * kHour, p, offset(p, 0, 1000), 0.2F);
        finder.addTrack(v, t);
    }
    // Asked at every grid time whether to go on: stopped, it returns nothing.
    int asked = 0;
    EXPECT_FALSE(finder.find([&] { return ++asked < 5; }));
    EXPECT_EQ(asked, 5);
    const auto found = finder.find().value();
    ASSERT_EQ(found.size(), 3u);
    std::set<std::pair<model::VesselId, model::VesselId>> pairs;
    for (const auto& e : found) {
        pairs.insert({e.vesselId, e.otherVesselId});
    }
    EXPECT_EQ(pairs,
              (std::set<std::pair<model::VesselId, model::VesselId>>{{1, 2}, {1, 3}, {2, 3}}));
}

TEST(Loitering, MeanSpeedDurationAndShore)
{
    const AnalysisRules rules;
    auto run = [&](float knots, std::int64_t duration, double shoreNm) {
        std::vector<model::TrackPoint> t;
        append(t, kT0 - kHour, kT0 - 5 * kMinute, offset(kSea, -20'000, 0), kSea, 11.0F);
        const double metres = knots * geo::kMetresPerNauticalMile * duration / kHour;
        append(t, kT0, kT0 + duration, kSea, offset(kSea, metres, 0), knots);
        const model::LatLon end =
            t.back().latDeg ? model::LatLon{t.back().latDeg, t.back().lonDeg} : kSea;
        append(t, kT0 + duration + 5 * kMinute, kT0 + duration + kHour, end, offset(end, 20'000, 0),
               11.0F);
        const ShoreDistance shore =
            coastAt(offset(kSea, 0, -shoreNm * geo::kMetresPerNauticalMile));
        return findLoitering(t, rules, shore);
    };
    EXPECT_EQ(run(1.9F, 3 * kHour, 30).size(), 1u);
    EXPECT_TRUE(run(2.1F, 3 * kHour, 30).empty());
    EXPECT_TRUE(run(1.0F, 115 * kMinute, 30).empty());
    EXPECT_EQ(run(1.0F, 125 * kMinute, 30).size(), 1u);
    EXPECT_TRUE(run(1.0F, 3 * kHour, 19).empty());
    const auto found = run(1.0F, 3 * kHour, 21);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NEAR(found[0].meanKnots, 1.0, 0.05);
    EXPECT_EQ(found[0].endUtcMs - found[0].startUtcMs, 3 * kHour);
}

TEST(IdentityChanges, OldAndNewValuesFromTheAisHistory)
{
    model::Vessel v;
    v.name = QStringLiteral("NEW NAME");
    v.imo = 9074729;
    model::IdentityRecord first;
    first.field = QStringLiteral("name");
    first.value = QStringLiteral("FIRST NAME");
    first.to = model::TimeSpan{kT0, kT0, model::TimePrecision::Millisecond};
    model::IdentityRecord second = first;
    second.value = QStringLiteral("SECOND NAME");
    second.to = model::TimeSpan{kT0 + kHour, kT0 + kHour, model::TimePrecision::Millisecond};
    model::IdentityRecord imo;
    imo.field = QStringLiteral("imo");
    imo.value = QStringLiteral("9074717");
    imo.to = model::TimeSpan{kT0 + 2 * kHour, kT0 + 2 * kHour, model::TimePrecision::Millisecond};
    model::IdentityRecord reported; // a scenario's former name, with its source
    reported.field = QStringLiteral("name");
    reported.value = QStringLiteral("OLD SOURCED NAME");
    reported.to = model::TimeSpan{kT0 - kHour, kT0, model::TimePrecision::Day};
    reported.sourceIds = {QStringLiteral("S1")};
    v.history = {second, imo, reported, first};
    const auto changes = findIdentityChanges(v);
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0].oldValue, QStringLiteral("FIRST NAME"));
    EXPECT_EQ(changes[0].newValue, QStringLiteral("SECOND NAME"));
    EXPECT_EQ(changes[1].oldValue, QStringLiteral("SECOND NAME"));
    EXPECT_EQ(changes[1].newValue, QStringLiteral("NEW NAME"));
    EXPECT_EQ(changes[2].field, QStringLiteral("imo"));
    EXPECT_EQ(changes[2].newValue, QStringLiteral("9074729"));
}

TEST(Rules, PresetsAndJsonRoundTrip)
{
    const AnalysisRules gfw = AnalysisRules::globalFishingWatch();
    EXPECT_EQ(gfw.encounters.maxDistanceM, 500.0);
    const AnalysisRules sky = *AnalysisRules::fromPreset(QStringLiteral("skylight"));
    EXPECT_EQ(sky.encounters.maxDistanceM, 250.0);
    EXPECT_EQ(sky.encounters.minDurationH, 0.5);
    EXPECT_FALSE(AnalysisRules::fromPreset(QStringLiteral("nope")));
    AnalysisRules custom = gfw;
    custom.preset = QStringLiteral("custom");
    custom.loitering.minShoreNm = 33.5;
    const AnalysisRules back = AnalysisRules::fromJson(custom.toJson());
    EXPECT_EQ(back, custom);
    EXPECT_EQ(back.loitering.minShoreNm, 33.5);
    EXPECT_NE(back, gfw);
    // Every value of every detector, and the places the data teaches.
    EXPECT_EQ(AnalysisRules::fieldList().size(), 26u);
}

TEST(AnalysisRules, ARulesFileIsCheckedValueByValue)
{
    for (const AnalysisRules& preset :
         {AnalysisRules::globalFishingWatch(), AnalysisRules::skylight()}) {
        auto back = AnalysisRules::parse(preset.toJson());
        ASSERT_TRUE(back.ok()) << back.error().message.toStdString();
        EXPECT_EQ(*back, preset);
    }
    auto partial = AnalysisRules::parse(
        QJsonObject{{QStringLiteral("gaps"), QJsonObject{{QStringLiteral("minDurationH"), 8.0}}}});
    ASSERT_TRUE(partial.ok());
    EXPECT_EQ(partial->gaps.minDurationH, 8.0);
    EXPECT_EQ(partial->encounters.maxDistanceM, 500.0) << "missing values keep their defaults";

    struct Case
    {
        QJsonObject json;
        const char* message;
    };
    const auto one = [](const char* group, const char* key, QJsonValue value) {
        return QJsonObject{
            {QString::fromLatin1(group), QJsonObject{{QString::fromLatin1(key), value}}}};
    };
    const std::vector<Case> cases = {
        {one("gaps", "minDurationH", QStringLiteral("6")), "gaps.minDurationH must be a number"},
        {one("gaps", "minDurationH", 0.0), "gaps.minDurationH must be from 0.1 to 720 h, not 0"},
        {one("gaps", "envelopeSpeedPercentile", 1000.0), "from 1 to 100 %, not 1000"},
        {one("encounters", "maxDistanceM", -5.0), "encounters.maxDistanceM must be from 1"},
        {one("encounters", "maxDistanceMetres", 300.0),
         "unknown rule \"encounters.maxDistanceMetres\""},
        {one("encounter", "maxDistanceM", 300.0), "unknown group \"encounter\""},
        {QJsonObject{{QStringLiteral("gaps"), 6.0}}, "\"gaps\" must be an object"},
        {QJsonObject{{QStringLiteral("preset"), 1.0}}, "\"preset\" must be a name"},
    };
    for (const Case& c : cases) {
        auto parsed = AnalysisRules::parse(c.json);
        ASSERT_FALSE(parsed.ok()) << c.message;
        EXPECT_TRUE(parsed.error().message.contains(QString::fromUtf8(c.message)))
            << parsed.error().message.toStdString();
    }
    for (const auto& f : AnalysisRules::fieldList()) {
        EXPECT_LT(f.min, f.max) << f.key.toStdString();
    }
}
