// The watch engine on hand-made reports at its thresholds: each alert once
// per episode (areas, dwell, listed, dark, not authorised, CPA with its
// hysteresis and own ship at anchor, distress and its tests).

#include "core/watch/watch_engine.h"

#include <gtest/gtest.h>

using namespace wake;
using namespace wake::watch;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000;
constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;

WatchRules rulesOf(const char* json)
{
    auto r = parseWatchRules(QByteArray(json), QStringLiteral("."));
    EXPECT_TRUE(r) << r.error().toString().toStdString();
    return r ? std::move(r).value() : WatchRules{};
}

PositionReport at(std::uint32_t mmsi, std::int64_t t, double lat, double lon, double sog = 10,
                  double cog = 90, std::optional<int> nav = 0)
{
    PositionReport r;
    r.mmsi = mmsi;
    r.timeUtcMs = t;
    r.latDeg = lat;
    r.lonDeg = lon;
    r.sogKnots = sog;
    r.cogDeg = cog;
    r.navStatus = nav;
    return r;
}

std::vector<RuleKind> kinds(const std::vector<Alert>& alerts)
{
    std::vector<RuleKind> out;
    for (const Alert& a : alerts) {
        out.push_back(a.kind);
    }
    return out;
}

// Feeds reports and collects every alert.
struct Watch
{
    WatchEngine engine;
    std::vector<Alert> alerts;
    void feed(const PositionReport& r)
    {
        auto a = engine.report(r);
        alerts.insert(alerts.end(), a.begin(), a.end());
    }
    void advance(std::int64_t t)
    {
        auto a = engine.advanceTo(t);
        alerts.insert(alerts.end(), a.begin(), a.end());
    }
};

lists::ListMatcher matcherWith(std::uint32_t mmsi, const char* listName)
{
    lists::WatchList list;
    list.name = QString::fromLatin1(listName);
    list.snapshot = QDate(2026, 12, 1);
    lists::ListEntry e;
    e.entryId = QStringLiteral("7");
    e.name = QStringLiteral("SEA GHOST");
    e.mmsi = mmsi;
    list.entries.push_back(e);
    return lists::ListMatcher({list});
}

} // namespace

TEST(WatchEngine, AShipThroughAnAreaEntersOnceAndLeavesOnce)
{
    Watch run{WatchEngine(rulesOf(R"({"areas": [{"name": "Box", "box": [10, 10, 11, 11]}],
        "rules": [{"kind": "area_enter", "area": "Box"}, {"kind": "area_leave", "area": "Box"}]})"),
                          nullptr),
              {}};
    // West to east across the box, a report every 10 s for an hour and a half.
    for (int i = 0; i <= 540; ++i) {
        run.feed(at(1, kT0 + i * 10 * kSecond, 10.5, 9.9 + i * 0.00233));
    }
    ASSERT_EQ(kinds(run.alerts), (std::vector{RuleKind::AreaEnter, RuleKind::AreaLeave}));
    EXPECT_EQ(run.alerts[0].area, QStringLiteral("Box"));
    EXPECT_EQ(run.alerts[0].rule, QStringLiteral("area_enter:Box"));
    EXPECT_GE(run.alerts[0].position->lonDeg, 10.0);
    EXPECT_LT(run.alerts[0].position->lonDeg, 10.0 + 0.00233);
    EXPECT_GT(run.alerts[1].position->lonDeg, 11.0);
    // Back in: a second episode.
    run.feed(at(1, kT0 + 541 * 10 * kSecond, 10.5, 10.9));
    EXPECT_EQ(run.alerts.size(), 3u);
    EXPECT_EQ(run.alerts[2].kind, RuleKind::AreaEnter);
}

TEST(WatchEngine, DwellFiresOnceAtItsMinutes)
{
    Watch run{WatchEngine(rulesOf(R"({"areas": [{"name": "A", "box": [10, 10, 11, 11]}],
        "rules": [{"kind": "area_dwell", "area": "A", "minutes": 120}]})"),
                          nullptr),
              {}};
    for (int m = 0; m < 120; ++m) {
        run.feed(at(1, kT0 + m * kMinute, 10.5, 10.5, 0, 0, 1));
    }
    EXPECT_TRUE(run.alerts.empty());
    run.feed(at(1, kT0 + 120 * kMinute, 10.5, 10.5, 0, 0, 1));
    ASSERT_EQ(run.alerts.size(), 1u);
    EXPECT_EQ(run.alerts[0].timeUtcMs, kT0 + 120 * kMinute);
    for (int m = 121; m < 300; ++m) {
        run.feed(at(1, kT0 + m * kMinute, 10.5, 10.5, 0, 0, 1));
    }
    EXPECT_EQ(run.alerts.size(), 1u);
}

TEST(WatchEngine, AListedShipIsHeardOnceAPresence)
{
    const auto matcher = matcherWith(636012345, "Dark fleet");
    Watch run{WatchEngine(rulesOf(R"({"rules": [{"kind": "listed_heard", "list": "Dark fleet"}]})"),
                          &matcher),
              {}};
    run.feed(at(366000001, kT0, 1, 1)); // not listed
    for (int i = 0; i < 10; ++i) {
        run.feed(at(636012345, kT0 + i * 10 * kSecond, 1, 1));
    }
    ASSERT_EQ(run.alerts.size(), 1u);
    EXPECT_EQ(run.alerts[0].mmsi, 636012345u);
    EXPECT_EQ(run.alerts[0].list, QStringLiteral("Dark fleet"));
    EXPECT_TRUE(run.alerts[0].entry.contains(QStringLiteral("entry 7")));
    // Silent 30 min: the same presence; 31: a new one.
    run.feed(at(636012345, kT0 + 90 * kSecond + 30 * kMinute, 1, 1));
    EXPECT_EQ(run.alerts.size(), 1u);
    run.feed(at(636012345, kT0 + 90 * kSecond + 61 * kMinute + kSecond, 1, 1));
    EXPECT_EQ(run.alerts.size(), 2u);
}

TEST(WatchEngine, DarkAfterItsIntervalsOfItsOwnReportingRate)
{
    Watch run{
        WatchEngine(rulesOf(R"({"rules": [{"kind": "dark", "mmsi": [111, 222], "intervals": 6}]})"),
                    nullptr),
        {}};
    // 111 at 12 kn reports every 10 s (class A nominal); 222 every 30 s (class B).
    for (int i = 0; i <= 30; ++i) {
        run.feed(at(111, kT0 + i * 10 * kSecond, 1, 1, 12));
        if (i % 3 == 0) {
            run.feed(at(222, kT0 + i * 10 * kSecond, 2, 2, 12));
        }
        run.feed(at(333, kT0 + i * 10 * kSecond, 3, 3, 12)); // not watched
    }
    const std::int64_t last = kT0 + 300 * kSecond;
    run.advance(last + 59 * kSecond);
    EXPECT_TRUE(run.alerts.empty());
    run.advance(last + 60 * kSecond); // 111: 6 x 10 s
    ASSERT_EQ(run.alerts.size(), 1u);
    EXPECT_EQ(run.alerts[0].mmsi, 111u);
    EXPECT_EQ(run.alerts[0].timeUtcMs, last + 60 * kSecond);
    EXPECT_DOUBLE_EQ(*run.alerts[0].silentMinutes, 1.0);
    run.advance(last + 179 * kSecond);
    EXPECT_EQ(run.alerts.size(), 1u);
    run.advance(last + 10 * kMinute); // 222: 6 x 30 s, at its due time
    ASSERT_EQ(run.alerts.size(), 2u);
    EXPECT_EQ(run.alerts[1].mmsi, 222u);
    EXPECT_EQ(run.alerts[1].timeUtcMs, last + 180 * kSecond);
    // One alert a silence; heard again and silent again: another.
    run.advance(last + 20 * kMinute);
    EXPECT_EQ(run.alerts.size(), 2u);
    run.feed(at(111, last + 21 * kMinute, 1, 1, 12));
    run.advance(last + 22 * kMinute);
    EXPECT_EQ(run.alerts.size(), 3u);
}

TEST(WatchEngine, NotAuthorisedIsAShipInTheAreaOffTheList)
{
    const auto matcher = matcherWith(366000001, "Pilots");
    Watch run{WatchEngine(rulesOf(R"({"areas": [{"name": "A", "box": [10, 10, 11, 11]}],
        "rules": [{"kind": "not_authorised", "area": "A", "list": "Pilots"}]})"),
                          &matcher),
              {}};
    run.feed(at(366000001, kT0, 10.5, 10.5));
    run.feed(at(366000002, kT0, 10.5, 10.5));
    run.feed(at(366000002, kT0 + 10 * kSecond, 10.5, 10.51));
    ASSERT_EQ(run.alerts.size(), 1u);
    EXPECT_EQ(run.alerts[0].mmsi, 366000002u);
}

TEST(WatchEngine, ACollisionCourseIsOneAlarmAndNoneAtAnchor)
{
    const char* rules =
        R"({"ownShip": {"mmsi": 999}, "rules": [{"kind": "cpa", "nm": 0.5, "minutes": 12}]})";
    // Own ship north at 10 kn from 0,0; a target 4 nm ahead coming south at
    // 10 kn: 12 min to CPA 0 at the first report.
    Watch run{WatchEngine(rulesOf(rules), nullptr), {}};
    for (int s = 0; s <= 12 * 60; s += 10) {
        const double ownN = 10.0 * s / 3600.0;
        run.feed(at(999, kT0 + s * kSecond, ownN / 60.0, 0, 10, 0));
        run.feed(at(5, kT0 + s * kSecond, (4.0 - ownN) / 60.0, 0.0001, 10, 180));
    }
    ASSERT_EQ(run.alerts.size(), 1u);
    EXPECT_EQ(run.alerts[0].kind, RuleKind::Cpa);
    EXPECT_EQ(run.alerts[0].mmsi, 5u);
    EXPECT_LT(*run.alerts[0].cpaNm, 0.01);
    EXPECT_NEAR(*run.alerts[0].tcpaMinutes, 12.0, 0.1);
    EXPECT_EQ(run.alerts[0].timeUtcMs, kT0);
    // Passed and drawing apart: no second alarm.
    for (int s = 13 * 60; s <= 20 * 60; s += 10) {
        const double ownN = 10.0 * s / 3600.0;
        run.feed(at(999, kT0 + s * kSecond, ownN / 60.0, 0, 10, 0));
        run.feed(at(5, kT0 + s * kSecond, (4.0 - 10.0 * s / 3600.0) / 60.0, 0.0001, 10, 180));
    }
    EXPECT_EQ(run.alerts.size(), 1u);
    // Own ship at anchor: no alarm, unless the rule asks for one.
    Watch anchored{WatchEngine(rulesOf(rules), nullptr), {}};
    anchored.feed(at(999, kT0, 0, 0, 0, 0, 1));
    anchored.feed(at(5, kT0, 2.0 / 60.0, 0, 10, 180));
    EXPECT_TRUE(anchored.alerts.empty());
    Watch asked{
        WatchEngine(rulesOf(R"({"ownShip": {"mmsi": 999}, "rules": [{"kind": "cpa", "nm": 0.5,
        "minutes": 12, "whenMoored": true}]})"),
                    nullptr),
        {}};
    asked.feed(at(999, kT0, 0, 0, 0, 0, 1));
    asked.feed(at(5, kT0, 1.0 / 60.0, 0, 10, 180));
    EXPECT_EQ(asked.alerts.size(), 1u);
    // A target that will pass 0.6 nm off: none.
    Watch clear{WatchEngine(rulesOf(rules), nullptr), {}};
    clear.feed(at(999, kT0, 0, 0, 10, 0));
    clear.feed(at(5, kT0, 2.0 / 60.0, 0.6 / 60.0, 10, 180));
    EXPECT_TRUE(clear.alerts.empty());
}

TEST(WatchEngine, OwnShipIsLearnedFromVdo)
{
    Watch run{
        WatchEngine(rulesOf(R"({"rules": [{"kind": "cpa", "nm": 0.5, "minutes": 12}]})"), nullptr),
        {}};
    PositionReport own = at(123, kT0, 0, 0, 10, 0);
    own.ownShip = true;
    run.feed(own);
    EXPECT_EQ(run.engine.ownShipMmsi(), 123u);
    run.feed(at(5, kT0, 1.0 / 60.0, 0, 10, 180));
    EXPECT_EQ(run.alerts.size(), 1u);
    EXPECT_EQ(run.engine.target(123), nullptr); // own ship is not a target
}

TEST(WatchEngine, DistressAlwaysAndTestsAsTests)
{
    Watch run{WatchEngine(rulesOf(R"({"rules": []})"), nullptr), {}};
    run.feed(at(970123456, kT0, 1, 1, 0, 0, 14)); // AIS-SART active
    run.feed(at(970123456, kT0 + kMinute, 1, 1, 0, 0, 14));
    run.feed(at(972000001, kT0, 2, 2, 0, 0, std::nullopt)); // MOB in test mode (status 15)
    run.feed(at(974000001, kT0, 3, 3, 0, 0, 14));           // EPIRB-AIS active
    run.feed(at(366000001, kT0, 4, 4, 0, 0, 14));           // a ship's own SART status
    run.feed(at(366000002, kT0, 5, 5, 0, 0, 0));            // nothing
    ASSERT_EQ(run.alerts.size(), 4u);
    EXPECT_EQ(run.alerts[0].distress, QStringLiteral("AIS-SART"));
    EXPECT_FALSE(run.alerts[0].test);
    EXPECT_TRUE(run.alerts[0].isDistress());
    EXPECT_EQ(run.alerts[1].distress, QStringLiteral("MOB"));
    EXPECT_TRUE(run.alerts[1].test);
    EXPECT_FALSE(run.alerts[1].isDistress());
    EXPECT_EQ(run.alerts[2].distress, QStringLiteral("EPIRB-AIS"));
    EXPECT_EQ(run.alerts[3].mmsi, 366000001u);
    // The MOB goes from test to active: that is news.
    run.feed(at(972000001, kT0 + kMinute, 2, 2, 0, 0, 14));
    ASSERT_EQ(run.alerts.size(), 5u);
    EXPECT_FALSE(run.alerts[4].test);
    EXPECT_TRUE(run.alerts[4].text().startsWith(QStringLiteral("DISTRESS: MOB active")));
}

TEST(WatchEngine, ASartsTextAnnouncesItAsItsPositionDoes)
{
    Watch run{WatchEngine(rulesOf(R"({"rules": []})"), nullptr), {}};
    // Heard by its text first: no position to give.
    auto a = run.engine.safetyText(970111111, kT0, QStringLiteral("SART TEST"));
    ASSERT_EQ(a.size(), 1u);
    EXPECT_TRUE(a[0].test);
    EXPECT_FALSE(a[0].position);
    EXPECT_TRUE(
        run.engine.safetyText(970111111, kT0 + kMinute, QStringLiteral("SART TEST")).empty());
    // A device with a position: the text and the status are one episode.
    run.feed(at(970222222, kT0, 1, 1, 0, 0, 14));
    ASSERT_EQ(run.alerts.size(), 1u);
    EXPECT_TRUE(
        run.engine.safetyText(970222222, kT0 + kMinute, QStringLiteral("SART ACTIVE")).empty());
    auto mob = run.engine.safetyText(972000009, kT0 + kMinute, QStringLiteral("MOB ACTIVE"));
    ASSERT_EQ(mob.size(), 1u);
    EXPECT_TRUE(mob[0].isDistress());
    EXPECT_EQ(mob[0].distress, QStringLiteral("MOB"));
    // Other safety texts are no distress.
    EXPECT_TRUE(run.engine.safetyText(351809000, kT0, QStringLiteral("RCVD YR TEST MSG")).empty());
    EXPECT_TRUE(
        run.engine.safetyText(237008900, kT0, QStringLiteral("EP228 IX48 FG3 DK7 PL56.")).empty());
}

TEST(WatchEngine, AnIdentityHeardDifferentIsAChangeOnce)
{
    const auto matcher = matcherWith(636012345, "Watch");
    Watch run{WatchEngine(rulesOf(R"({"rules": [{"kind": "identity_change"},
        {"kind": "identity_change", "list": "Watch", "name": "listed renamed"}]})"),
                          &matcher),
              {}};
    model::Vessel first;
    first.name = QStringLiteral("SEA GHOST");
    first.aisShipType = 70;
    EXPECT_TRUE(
        run.engine.identity(636012345, kT0, first).empty()); // first heard: nothing to compare
    run.feed(at(636012345, kT0, 1, 1));
    model::Vessel partB; // a class B's second half: no name, the same type
    partB.aisShipType = 70;
    partB.callSign = QStringLiteral("V3XY");
    EXPECT_TRUE(run.engine.identity(636012345, kT0 + kMinute, partB).empty());
    model::Vessel renamed;
    renamed.name = QStringLiteral("OCEAN STAR");
    renamed.aisShipType = 80;
    const auto a = run.engine.identity(636012345, kT0 + 2 * kMinute, renamed);
    ASSERT_EQ(a.size(), 2u); // both rules: the ship is on the list
    EXPECT_EQ(a[0].change, QStringLiteral("name SEA GHOST → OCEAN STAR; ship type 70 → 80"));
    EXPECT_EQ(a[1].rule, QStringLiteral("listed renamed"));
    EXPECT_EQ(a[0].timeUtcMs, kT0 + 2 * kMinute);
    EXPECT_TRUE(run.engine.identity(636012345, kT0 + 3 * kMinute, renamed).empty());
    // Another ship renamed: only the rule for every vessel.
    model::Vessel other;
    other.name = QStringLiteral("A");
    (void)run.engine.identity(366000001, kT0, other);
    other.name = QStringLiteral("B");
    EXPECT_EQ(run.engine.identity(366000001, kT0 + kMinute, other).size(), 1u);
}

TEST(WatchEngine, AnEncounterFormsAtSeaNotAtAPier)
{
    const char* rules = R"({"rules": [{"kind": "encounter_forming", "nm": 0.27, "minutes": 120}]})";
    auto lieTogether = [&](double lat, double lon, double apartM, double sog, int minutes) {
        Watch run{WatchEngine(rulesOf(rules), nullptr, MeetingPlaces::builtIn()), {}};
        const double dLat = apartM / 111'195.0;
        for (int m = 0; m <= minutes; ++m) {
            run.feed(at(111, kT0 + m * kMinute, lat, lon, sog, 0));
            run.feed(at(222, kT0 + m * kMinute + 5 * kSecond, lat + dLat, lon, sog, 0));
        }
        return run.alerts;
    };
    // South of the Florida Keys, 400 m apart, drifting: one alert at 2 h.
    const auto atSea = lieTogether(24.3, -81.0, 400, 0.5, 180);
    ASSERT_EQ(atSea.size(), 1u);
    // Together from 222's first report (5 s after 111's), two hours on, at
    // 222's report then.
    EXPECT_EQ(atSea[0].kind, RuleKind::EncounterForming);
    EXPECT_EQ(atSea[0].timeUtcMs, kT0 + 120 * kMinute + 5 * kSecond);
    EXPECT_EQ(atSea[0].mmsi, 222u);
    EXPECT_EQ(atSea[0].otherMmsi, 111u);
    // Not for 2 h yet; too far apart; too fast.
    EXPECT_TRUE(lieTogether(24.3, -81.0, 400, 0.5, 119).empty());
    EXPECT_TRUE(lieTogether(24.3, -81.0, 600, 0.5, 180).empty());
    EXPECT_TRUE(lieTogether(24.3, -81.0, 400, 3.0, 180).empty());
    // Two boats at Miami Beach Marina: lying together at a pier, no meeting.
    EXPECT_TRUE(lieTogether(25.7706, -80.1400, 30, 0.0, 180).empty());
}

TEST(WatchEngine, TheGuardRingIsEnteredOnceWhateverTheCourse)
{
    const char* rules = R"({"ownShip": {"mmsi": 999}, "rules": [{"kind": "guard", "nm": 1.0}]})";
    Watch run{WatchEngine(rulesOf(rules), nullptr), {}};
    // Own ship steaming north; a target crossing ahead from west to east,
    // never on a collision course: 1.5, 0.9 (in), 0.95, 1.1 (still in: the
    // ring lets go at 1.2), 1.3 (out), 0.8 nm (in again).
    int s = 0;
    for (const double range : {1.5, 0.9, 0.95, 1.1, 1.3, 0.8}) {
        const std::int64_t t = kT0 + s * 10 * kSecond;
        run.feed(at(999, t, 0, 0, 8, 0));
        run.feed(at(5, t, range / 60.0, 0, 5, 90));
        ++s;
    }
    ASSERT_EQ(run.alerts.size(), 2u);
    EXPECT_EQ(run.alerts[0].kind, RuleKind::Guard);
    EXPECT_EQ(run.alerts[0].timeUtcMs, kT0 + 10 * kSecond);
    EXPECT_NEAR(*run.alerts[0].rangeNm, 0.9, 1e-3);
    EXPECT_EQ(run.alerts[1].timeUtcMs, kT0 + 50 * kSecond);
    // At anchor: none, unless asked.
    Watch anchored{WatchEngine(rulesOf(rules), nullptr), {}};
    anchored.feed(at(999, kT0, 0, 0, 0, 0, 1));
    anchored.feed(at(5, kT0, 0.5 / 60.0, 0, 5, 90));
    EXPECT_TRUE(anchored.alerts.empty());
}

TEST(WatchEngine, OwnShipAndTargetsInAnotherOrderGiveTheSameAlarm)
{
    const char* rules =
        R"({"ownShip": {"mmsi": 999}, "rules": [{"kind": "cpa", "nm": 0.5, "minutes": 12}]})";
    auto ownAt = [](int s) {
        return at(999, kT0 + s * kSecond, 10.0 * s / 3600.0 / 60.0, 0, 10, 0);
    };
    auto targetAt = [](int s) {
        return at(5, kT0 + s * kSecond, (10.05 - 10.0 * s / 3600.0) / 60.0, 0.0001, 10, 180);
    };
    // Interleaved, own ship first at each time.
    Watch inTurn{WatchEngine(rulesOf(rules), nullptr), {}};
    for (int s = 0; s <= 1800; s += 10) {
        inTurn.feed(ownAt(s));
        inTurn.feed(targetAt(s));
    }
    // Two feeds read a minute at a time: the targets' minute, then own
    // ship's, then the next.
    Watch inChunks{WatchEngine(rulesOf(rules), nullptr), {}};
    for (int minute = 0; minute * 60 <= 1800; ++minute) {
        for (int s = minute * 60; s < (minute + 1) * 60 && s <= 1800; s += 10) {
            inChunks.feed(targetAt(s));
        }
        for (int s = minute * 60; s < (minute + 1) * 60 && s <= 1800; s += 10) {
            inChunks.feed(ownAt(s));
        }
    }
    ASSERT_EQ(inTurn.alerts.size(), 1u);
    ASSERT_EQ(inChunks.alerts.size(), 1u);
    EXPECT_EQ(inChunks.alerts[0].timeUtcMs, inTurn.alerts[0].timeUtcMs);
    EXPECT_NEAR(*inChunks.alerts[0].cpaNm, *inTurn.alerts[0].cpaNm, 1e-6);
    EXPECT_NEAR(*inChunks.alerts[0].tcpaMinutes, *inTurn.alerts[0].tcpaMinutes, 1e-6);
}
