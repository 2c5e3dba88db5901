// The detectors against a generated month of traffic with planted events:
// every kind must be found with at least 95 % recall and 90 % precision, and
// the voyages must match the planted ones.

#include "core/analysis/analyzer.h"
#include "tests/support/traffic_generator.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>

using namespace wake;

namespace {

struct Score
{
    int planted = 0;
    int found = 0;
    int truePositives = 0; // found events that match a planted one
    int recalled = 0;      // planted events that a found one matches
    double recall() const { return planted ? static_cast<double>(recalled) / planted : 1.0; }
    double precision() const { return found ? static_cast<double>(truePositives) / found : 1.0; }
};

constexpr std::int64_t kToleranceMs = 30 * 60 * 1000;

bool matches(const traffic::PlantedEvent& p, const model::Event& e,
             const std::vector<model::VesselId>& ids)
{
    if (p.kind != e.kind || !e.vesselId) {
        return false;
    }
    const model::VesselId a = ids[p.vessel];
    if (p.otherVessel) {
        const model::VesselId b = ids[*p.otherVessel];
        const bool samePair = (e.vesselId == std::min(a, b) && e.otherVesselId == std::max(a, b));
        if (!samePair) {
            return false;
        }
    } else if (*e.vesselId != a) {
        return false;
    }
    if (!p.portLocode.isEmpty() && p.portLocode != e.portLocode) {
        return false;
    }
    return e.time.startUtcMs <= p.endUtcMs + kToleranceMs &&
           p.startUtcMs <= e.time.endUtcMs + kToleranceMs;
}

class GeneratedMonth : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        auto ports = reference::PortIndex::loadBuiltIn();
        ASSERT_TRUE(ports.ok());
        s_ports = new reference::PortIndex(std::move(ports).value());
        s_traffic = new traffic::GeneratedTraffic(traffic::generateTraffic(*s_ports, {}));
    }
    static void TearDownTestSuite()
    {
        delete s_traffic;
        delete s_ports;
    }

    void SetUp() override
    {
        auto db = store::Database::open(QStringLiteral(":memory:"));
        ASSERT_TRUE(db.ok());
        m_db.emplace(std::move(db).value());
        for (const auto& v : s_traffic->vessels) {
            model::Vessel vessel;
            vessel.mmsi = v.mmsi;
            vessel.name = v.name;
            auto id = m_db->upsertVessel(vessel);
            ASSERT_TRUE(id.ok());
            m_ids.push_back(*id);
            std::vector<model::TrackPoint> points = v.track;
            for (auto& p : points) {
                p.vesselId = *id;
            }
            ASSERT_TRUE(m_db->insertTrackPoints(points).ok());
        }
        for (const auto& u : s_traffic->identityUpdates) {
            model::Vessel vessel;
            vessel.id = m_ids[u.vessel];
            vessel.mmsi = s_traffic->vessels[u.vessel].mmsi;
            vessel.name = u.newName;
            ASSERT_TRUE(m_db->upsertVessel(vessel, u.timeUtcMs).ok());
        }
    }

    Result<analysis::AnalysisOutput> analyse(const analysis::AnalysisRules& rules)
    {
        auto shore = analysis::ShoreDistance::builtIn(*s_ports);
        EXPECT_TRUE(shore.ok());
        analysis::Analyzer analyzer(*m_db, *s_ports, *shore, rules);
        auto out = analyzer.run({});
        if (out) {
            EXPECT_TRUE(analyzer.keep(*out).ok());
        }
        return out;
    }

    static reference::PortIndex* s_ports;
    static traffic::GeneratedTraffic* s_traffic;
    std::optional<store::Database> m_db;
    std::vector<model::VesselId> m_ids;
};

reference::PortIndex* GeneratedMonth::s_ports = nullptr;
traffic::GeneratedTraffic* GeneratedMonth::s_traffic = nullptr;

} // namespace

TEST_F(GeneratedMonth, EveryKindIsFoundWithHighRecallAndPrecision)
{
    ASSERT_GT(s_traffic->pointCount(), 200000);
    auto out = analyse(analysis::AnalysisRules::globalFishingWatch());
    ASSERT_TRUE(out.ok()) << out.error().toString().toStdString();

    const std::int64_t first = traffic::TrafficOptions{}.startUtcMs + 3600 * 1000;
    const std::int64_t last = first + static_cast<std::int64_t>(30 * 24 - 2) * 3600 * 1000;
    store::EventFilter filter;
    filter.detected = true;
    auto stored = m_db->events(filter);
    ASSERT_TRUE(stored.ok());
    std::map<model::EventKind, Score> scores;
    for (const auto& p : s_traffic->events) {
        Score& s = scores[p.kind];
        ++s.planted;
        for (const auto& e : *stored) {
            if (matches(p, e, m_ids)) {
                ++s.recalled;
                break;
            }
        }
    }
    for (const auto& e : *stored) {
        // The generator plants only what lies wholly inside the month.
        if (e.time.startUtcMs < first || e.time.endUtcMs > last) {
            continue;
        }
        Score& s = scores[e.kind];
        ++s.found;
        bool ok = false;
        for (const auto& p : s_traffic->events) {
            ok = ok || matches(p, e, m_ids);
        }
        if (ok) {
            ++s.truePositives;
        } else {
            ADD_FAILURE() << "not planted: " << e.title.toStdString() << " vessel " << *e.vesselId
                          << " at " << e.time.startUtcMs;
        }
    }
    for (const model::EventKind kind :
         {model::EventKind::PortVisit, model::EventKind::AisGap, model::EventKind::Encounter,
          model::EventKind::Loitering, model::EventKind::PositionJump,
          model::EventKind::IdentityChange}) {
        const Score& s = scores[kind];
        std::printf("%-16s planted %4d found %4d recall %.3f precision %.3f\n",
                    model::toString(kind).toStdString().c_str(), s.planted, s.found, s.recall(),
                    s.precision());
        EXPECT_GE(s.planted, 5) << model::toString(kind).toStdString();
        EXPECT_GE(s.recall(), 0.95) << model::toString(kind).toStdString();
        EXPECT_GE(s.precision(), 0.90) << model::toString(kind).toStdString();
    }
}

TEST_F(GeneratedMonth, VoyagesMatchThePlantedOnes)
{
    auto out = analyse(analysis::AnalysisRules::globalFishingWatch());
    ASSERT_TRUE(out.ok());
    auto voyages = m_db->voyages();
    ASSERT_TRUE(voyages.ok());
    int matched = 0;
    constexpr std::int64_t kHour = 3600 * 1000;
    for (const auto& p : s_traffic->voyages) {
        bool found = false;
        for (const auto& v : *voyages) {
            found =
                found || (v.vesselId == m_ids[p.vessel] && v.originLocode == p.originLocode &&
                          v.destinationLocode == p.destinationLocode && v.departure && v.arrival &&
                          std::llabs(v.departure->startUtcMs - p.departureUtcMs) < kHour &&
                          std::llabs(v.arrival->startUtcMs - p.arrivalUtcMs) < kHour &&
                          v.distanceNm && *v.distanceNm > 0);
        }
        EXPECT_TRUE(found) << "voyage of vessel " << p.vessel << " " << p.originLocode.toStdString()
                           << " -> " << p.destinationLocode.toStdString();
        matched += found ? 1 : 0;
    }
    std::printf("voyages: planted %zu, matched %d, detected %zu\n", s_traffic->voyages.size(),
                matched, voyages->size());
    EXPECT_GE(s_traffic->voyages.size(), 50u);
    // Every detected voyage is a planted one (those cut by the month's ends excepted).
    EXPECT_LE(voyages->size(), s_traffic->voyages.size() + 2 * s_traffic->vessels.size());
}

TEST_F(GeneratedMonth, ReanalysisWithOtherRulesReportsTheChangesAndKeepsScenarioEvents)
{
    model::Event known;
    known.vesselId = m_ids.front();
    known.kind = model::EventKind::Seizure;
    known.time = {1'689'000'000'000, 1'689'000'000'000, model::TimePrecision::Day};
    known.title = QStringLiteral("A sourced event");
    known.origin = QStringLiteral("scenario:test");
    ASSERT_TRUE(m_db->insertEvent(known).ok());

    ASSERT_TRUE(analyse(analysis::AnalysisRules::globalFishingWatch()).ok());
    auto shore = analysis::ShoreDistance::builtIn(*s_ports);
    ASSERT_TRUE(shore.ok());
    // Stricter encounters (Skylight's 250 m) and gaps from 10 h instead of 6 h.
    analysis::AnalysisRules rules = analysis::AnalysisRules::skylight();
    rules.gaps.minDurationH = 10.0;
    analysis::Analyzer analyzer(*m_db, *s_ports, *shore, rules);
    auto out = analyzer.run({});
    ASSERT_TRUE(out.ok());
    auto changes = analyzer.compare(*out);
    ASSERT_TRUE(changes.ok());
    int removedGaps = 0;
    for (const auto& e : changes->removed) {
        EXPECT_EQ(e.origin, QStringLiteral("analysis"));
        removedGaps += e.kind == model::EventKind::AisGap ? 1 : 0;
    }
    EXPECT_GT(removedGaps, 0); // the planted gaps of 8-10 h
    EXPECT_GT(changes->unchanged, 100);
    ASSERT_TRUE(analyzer.keep(*out).ok());

    store::EventFilter scenario;
    scenario.detected = false;
    auto kept = m_db->events(scenario);
    ASSERT_TRUE(kept.ok());
    ASSERT_EQ(kept->size(), 1u);
    EXPECT_EQ(kept->front().title, known.title);
    // The stored events now name the rules that made them.
    store::EventFilter gaps;
    gaps.kind = model::EventKind::AisGap;
    auto stored = m_db->events(gaps);
    ASSERT_TRUE(stored.ok());
    ASSERT_FALSE(stored->empty());
    for (const auto& e : *stored) {
        EXPECT_GE(e.time.endUtcMs - e.time.startUtcMs, 10 * 3600 * 1000);
        ASSERT_TRUE(e.rulesId);
        auto text = m_db->analysisRules(*e.rulesId);
        ASSERT_TRUE(text.ok() && text->has_value());
        EXPECT_TRUE((*text)->contains(QStringLiteral("\"preset\":\"skylight\"")));
    }
}
