// What one vessel's analysis may cost whatever its data: a track that is all
// noise (two ships far apart on one id, fix after fix) makes a jump of nearly
// every fix, and those must not each become an event.

#include "core/analysis/analyzer.h"
#include "core/analysis/position_jumps.h"
#include "core/reference/port_index.h"

#include <gtest/gtest.h>

namespace wake::analysis {
namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kT0 = 1'577'836'800'000; // 2020-01-01

TEST(AnalysisBounds, ATrackOfNoiseListsAtMostTheJumpLimitAndCountsTheRest)
{
    auto ports = std::move(reference::PortIndex::loadBuiltIn()).value();
    auto shore = std::move(ShoreDistance::builtIn(ports)).value();
    auto db = std::move(store::Database::open(QStringLiteral(":memory:"))).value();
    model::Vessel v;
    v.name = QStringLiteral("NOISE");
    const model::VesselId id = db.upsertVessel(v).value();
    // One ship at sea and, every third minute, a fix 600 km away: each of
    // those is a jump (about 12,000 kn) and the ship itself is not.
    constexpr int kFixes = 6000;
    std::vector<model::TrackPoint> track;
    int planted = 0;
    for (int i = 0; i < kFixes; ++i) {
        model::TrackPoint p;
        p.vesselId = id;
        p.timeUtcMs = kT0 + i * kMinute;
        const bool far = i % 3 == 1;
        planted += far ? 1 : 0;
        p.latDeg = far ? 30.0 : 25.0;
        p.lonDeg = far ? -60.0 + i * 1e-5 : -65.0 + i * 1e-5;
        p.sogKnots = 0.5F;
        track.push_back(p);
    }
    ASSERT_TRUE(db.appendTrackPoints(track));

    Analyzer analyzer(db, ports, shore, AnalysisRules{});
    const auto out = analyzer.run({id});
    ASSERT_TRUE(out) << out.error().message.toStdString();
    std::size_t single = 0;
    std::vector<const model::Event*> summaries;
    for (const model::Event& e : out->events) {
        if (e.kind == model::EventKind::PositionJump) {
            if (e.time.startUtcMs == e.time.endUtcMs) {
                ++single;
            } else {
                summaries.push_back(&e);
            }
        }
    }
    EXPECT_EQ(single, kMaxListedJumps);
    ASSERT_EQ(summaries.size(), 1u);
    const model::Event& rest = *summaries.front();
    const std::size_t notListed = static_cast<std::size_t>(planted) - kMaxListedJumps;
    EXPECT_TRUE(rest.title.startsWith(QString::number(notListed) + QStringLiteral(" more")))
        << rest.title.toStdString();
    EXPECT_TRUE(rest.evidence.contains(QStringLiteral("\"notListed\":%1").arg(notListed)))
        << rest.evidence.toStdString();
    // It spans the unlisted jumps: from the first one after the listed ones
    // (fix 3 * 200 + 1) to the last planted one.
    EXPECT_EQ(rest.time.startUtcMs, kT0 + (3 * kMaxListedJumps + 1) * kMinute);
    EXPECT_EQ(rest.time.endUtcMs, kT0 + (kFixes - 2) * kMinute);
}

// Ctrl-C (a progress callback saying no) is heard inside the search for
// encounters too, not only between vessels: once every vessel is read, the
// run stops at the next grid time and says it was cancelled.
TEST(AnalysisBounds, AStopAskedDuringTheEncounterSearchStopsTheRun)
{
    auto ports = std::move(reference::PortIndex::loadBuiltIn()).value();
    auto shore = std::move(ShoreDistance::builtIn(ports)).value();
    auto db = std::move(store::Database::open(QStringLiteral(":memory:"))).value();
    std::vector<model::VesselId> ids;
    for (int v = 0; v < 2; ++v) {
        model::Vessel vessel;
        vessel.name = QStringLiteral("DRIFTER %1").arg(v);
        const model::VesselId id = db.upsertVessel(vessel).value();
        ids.push_back(id);
        std::vector<model::TrackPoint> track;
        for (int i = 0; i <= 6 * 60; i += 2) { // six hours side by side, far out at sea
            model::TrackPoint p;
            p.vesselId = id;
            p.timeUtcMs = kT0 + i * kMinute;
            p.latDeg = 28.0 + v * 0.002;
            p.lonDeg = -60.0 + i * 1e-5;
            p.sogKnots = 0.3F;
            track.push_back(p);
        }
        ASSERT_TRUE(db.appendTrackPoints(track));
    }
    Analyzer analyzer(db, ports, shore, AnalysisRules{});
    const auto whole = analyzer.run(ids);
    ASSERT_TRUE(whole);
    const auto counts = whole->countByKind();
    ASSERT_TRUE(counts.contains(model::EventKind::Encounter));
    EXPECT_EQ(counts.at(model::EventKind::Encounter), 1);
    EXPECT_FALSE(whole->cancelled);

    int askedWhileSearching = 0;
    const auto stopped = analyzer.run(ids, [&](const AnalysisProgress& p) {
        if (p.phase == QStringLiteral("encounters") && p.vesselsDone == p.vesselsTotal) {
            ++askedWhileSearching;
            return false;
        }
        return true;
    });
    ASSERT_TRUE(stopped);
    EXPECT_TRUE(stopped->cancelled);
    EXPECT_EQ(askedWhileSearching, 1);
}

} // namespace
} // namespace wake::analysis
