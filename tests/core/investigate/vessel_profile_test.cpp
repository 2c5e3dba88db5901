// A vessel's profile from hand-made events and fixes with known answers, and
// agreeing with the events table and the port-call ledger.

#include "core/investigate/port_calls.h"
#include "core/investigate/profile_text.h"
#include "core/investigate/vessel_profile.h"
#include "core/lists/list_library.h"
#include "core/store/database.h"
#include "tests/support/test_files.h"

#include <gtest/gtest.h>

using namespace wake;
using namespace wake::investigate;

namespace {

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kT0 = 1'700'006'400'000; // 2023-11-15T00:00Z

model::Event detected(model::VesselId vessel, model::EventKind kind, std::int64_t fromH,
                      std::int64_t toH, QString evidence = {})
{
    model::Event e;
    e.vesselId = vessel;
    e.kind = kind;
    e.time = {kT0 + fromH * kHour, kT0 + toH * kHour, model::TimePrecision::Minute};
    e.origin = QStringLiteral("analysis");
    e.evidence = std::move(evidence);
    return e;
}

} // namespace

TEST(VesselProfile, SaysWhatTheEventsAndFixesSay)
{
    auto db = store::Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(db);
    model::Vessel subject;
    subject.mmsi = 351000001;
    subject.name = QStringLiteral("SUBJECT");
    model::Vessel tanker;
    tanker.mmsi = 445000001;
    tanker.imo = 7937317; // the Chong Chon Gang's IMO: on the built-in list
    tanker.name = QStringLiteral("TANKER");
    model::Vessel yacht;
    yacht.mmsi = 366000001;
    yacht.name = QStringLiteral("YACHT");
    const auto s = db->upsertVessel(subject).value();
    const auto t = db->upsertVessel(tanker).value();
    const auto y = db->upsertVessel(yacht).value();
    // Fixes every hour on day one and day three (48 h apart): two days with AIS.
    std::vector<model::TrackPoint> points;
    for (int h = 0; h < 24; ++h) {
        points.push_back(test::fixAt(s, kT0 + h * kHour, 9.0, -79.0));
        points.push_back(test::fixAt(s, kT0 + (48 + h) * kHour, 9.0, -79.0));
    }
    ASSERT_TRUE(db->insertTrackPoints(points));
    const QString port =
        QStringLiteral(R"({"port":{"name":"Cristobal","unlocode":"PACTB","country":"PA"}})");
    const QString cuba =
        QStringLiteral(R"({"port":{"name":"Havana","unlocode":"CUHAV","country":"CU"}})");
    for (model::Event e :
         {detected(s, model::EventKind::PortVisit, 0, 5, port),
          detected(s, model::EventKind::PortVisit, 50, 60, cuba),
          detected(s, model::EventKind::PortVisit, 62, 70, port),
          detected(s, model::EventKind::AisGap, 23, 48,
                   QStringLiteral(
                       R"({"possibleCalls":[{"name":"Colon","country":"PA","detourNm":3}]})")),
          detected(s, model::EventKind::AisGap, 70, 72),
          detected(s, model::EventKind::Loitering, 10, 14),
          detected(s, model::EventKind::IdentityChange, 20, 20,
                   QStringLiteral(R"({"field":"name"})")),
          detected(y, model::EventKind::PortVisit, 0, 5, port)}) {
        ASSERT_TRUE(db->insertEvent(e));
    }
    // Two meetings with the listed tanker, one with the yacht (it is the other there).
    for (auto [a, b, h] : {std::tuple{s, t, 6}, std::tuple{s, t, 30}, std::tuple{y, s, 8}}) {
        model::Event e = detected(a, model::EventKind::Encounter, h, h + 2);
        e.otherVesselId = b;
        ASSERT_TRUE(db->insertEvent(e));
    }
    auto matcher = lists::loadedMatcher(*db);
    ASSERT_TRUE(matcher);
    auto p = buildProfile(*db, s, std::nullopt, std::nullopt, *matcher);
    ASSERT_TRUE(p) << p.error().toString().toStdString();
    EXPECT_EQ(p->calls.size(), 3u);
    EXPECT_EQ(p->callCountries, (QStringList{QStringLiteral("PA"), QStringLiteral("CU")}));
    EXPECT_EQ(p->possibleCalls, 1);
    EXPECT_EQ(p->fixes, 48);
    EXPECT_EQ(p->daysWithAis, 2);
    EXPECT_EQ(p->darkMs, 27 * kHour);
    EXPECT_EQ(p->longestDarkMs, 25 * kHour);
    ASSERT_EQ(p->meetings.size(), 2u);
    EXPECT_EQ(p->meetings[0].other, t); // the listed one first
    EXPECT_TRUE(p->meetings[0].listed);
    EXPECT_EQ(p->meetings[0].encounters, 2);
    EXPECT_EQ(p->meetings[1].other, y);
    EXPECT_EQ(p->meetings[1].encounters, 1);
    EXPECT_EQ(p->loitering, 1);
    EXPECT_EQ(p->nameChanges, 1);
    EXPECT_TRUE(p->listMatches.empty());

    // The same counts as the events table and the ledger say.
    auto events = db->events(store::EventFilter::forVessel(s));
    ASSERT_TRUE(events);
    const auto visits = std::count_if(events->begin(), events->end(), [&](const model::Event& e) {
        return e.kind == model::EventKind::PortVisit && e.vesselId == s;
    });
    EXPECT_EQ(static_cast<std::size_t>(visits), p->calls.size());
    CallFilter onlyS;
    onlyS.vesselId = s;
    onlyS.withPossible = false;
    const auto ledger = portCalls(*events, nullptr);
    EXPECT_EQ(static_cast<std::size_t>(std::count_if(
                  ledger.begin(), ledger.end(), [&](const auto& c) { return passes(c, onlyS); })),
              p->calls.size());

    // A span: day three only.
    auto day3 = buildProfile(*db, s, kT0 + 48 * kHour, kT0 + 72 * kHour, *matcher);
    ASSERT_TRUE(day3);
    EXPECT_EQ(day3->calls.size(), 2u);
    EXPECT_EQ(day3->fixes, 24);
    EXPECT_EQ(day3->daysWithAis, 1);
    EXPECT_EQ(day3->darkMs,
              2 * kHour); // the gap that ended at 48 h touches the span only at its end
    EXPECT_TRUE(day3->meetings.empty());

    const auto lines = profileLines(*p);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0].second, QStringLiteral("3 port calls in 2 countries (PA, CU); 1 possible "
                                              "during AIS gaps (not counted)"));
    EXPECT_EQ(profileJson(*p).value(QStringLiteral("darkHours")).toDouble(), 27.0);
}
