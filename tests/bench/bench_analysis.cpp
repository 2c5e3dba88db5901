// Google Benchmark for each detector and for a whole analysis over a store,
// on generated traffic: 300 vessels reporting every minute for two days
// (about 860,000 positions). Items are positions.
//
//   build/tests/bench/wake_bench_analysis [--benchmark_filter=...]

#include "core/analysis/ais_gaps.h"
#include "core/analysis/analyzer.h"
#include "core/analysis/encounters.h"
#include "core/analysis/loitering.h"
#include "core/analysis/port_visits.h"
#include "core/analysis/position_jumps.h"
#include "tests/support/traffic_generator.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

using namespace wake;

namespace {

struct Fixture
{
    reference::PortIndex ports;
    std::shared_ptr<const analysis::ShoreDistance> shore;
    traffic::GeneratedTraffic traffic;
    std::vector<std::vector<model::TrackPoint>> clean; // jumps removed, per vessel
    std::int64_t points = 0;
};

const Fixture& fixture()
{
    static const Fixture f = [] {
        auto ports = reference::PortIndex::loadBuiltIn();
        if (!ports) {
            std::abort();
        }
        Fixture x{std::move(ports).value(), nullptr, {}, {}, 0};
        auto shore = analysis::ShoreDistance::builtIn(x.ports);
        if (!shore) {
            std::abort();
        }
        x.shore = *shore;
        traffic::TrafficOptions options;
        options.vessels = 300;
        options.encounterPairs = 20;
        options.days = 2;
        options.fixMinutes = 1;
        x.traffic = traffic::generateTraffic(x.ports, options);
        for (const auto& v : x.traffic.vessels) {
            x.clean.push_back(
                analysis::withoutJumps(v.track, analysis::findPositionJumps(v.track, {})));
        }
        x.points = x.traffic.pointCount();
        return x;
    }();
    return f;
}

void BM_PositionJumps(benchmark::State& state)
{
    const Fixture& f = fixture();
    for (auto _ : state) {
        for (const auto& v : f.traffic.vessels) {
            benchmark::DoNotOptimize(analysis::findPositionJumps(v.track, {}));
        }
    }
    state.SetItemsProcessed(state.iterations() * f.points);
}
BENCHMARK(BM_PositionJumps)->Unit(benchmark::kMillisecond);

void BM_PortVisits(benchmark::State& state)
{
    const Fixture& f = fixture();
    for (auto _ : state) {
        for (const auto& track : f.clean) {
            analysis::PortProximity proximity(f.ports, 10.0);
            benchmark::DoNotOptimize(analysis::findPortVisits(track, {}, proximity));
        }
    }
    state.SetItemsProcessed(state.iterations() * f.points);
}
BENCHMARK(BM_PortVisits)->Unit(benchmark::kMillisecond);

void BM_AisGaps(benchmark::State& state)
{
    const Fixture& f = fixture();
    for (auto _ : state) {
        for (const auto& track : f.clean) {
            analysis::PortProximity proximity(f.ports, 10.0);
            benchmark::DoNotOptimize(
                analysis::findAisGaps(track, {}, analysis::AnalysisRules{}, proximity, *f.shore));
        }
    }
    state.SetItemsProcessed(state.iterations() * f.points);
}
BENCHMARK(BM_AisGaps)->Unit(benchmark::kMillisecond);

void BM_Loitering(benchmark::State& state)
{
    const Fixture& f = fixture();
    for (auto _ : state) {
        for (const auto& track : f.clean) {
            benchmark::DoNotOptimize(
                analysis::findLoitering(track, analysis::AnalysisRules{}, *f.shore));
        }
    }
    state.SetItemsProcessed(state.iterations() * f.points);
}
BENCHMARK(BM_Loitering)->Unit(benchmark::kMillisecond);

void BM_Encounters(benchmark::State& state)
{
    const Fixture& f = fixture();
    for (auto _ : state) {
        analysis::EncounterFinder finder({}, analysis::PortProximity(f.ports, 10.0));
        for (std::size_t v = 0; v < f.clean.size(); ++v) {
            finder.addTrack(static_cast<model::VesselId>(v + 1), f.clean[v]);
        }
        benchmark::DoNotOptimize(finder.find().value());
    }
    state.SetItemsProcessed(state.iterations() * f.points);
}
BENCHMARK(BM_Encounters)->Unit(benchmark::kMillisecond);

// The whole run as wake analyze does it: read each track from the store,
// every detector, the encounter grid; nothing written.
void BM_AnalyseStore(benchmark::State& state)
{
    const Fixture& f = fixture();
    auto db = store::Database::open(QStringLiteral(":memory:"));
    if (!db) {
        state.SkipWithError("no database");
        return;
    }
    for (const auto& v : f.traffic.vessels) {
        model::Vessel vessel;
        vessel.mmsi = v.mmsi;
        vessel.name = v.name;
        const auto id = db->upsertVessel(vessel);
        auto points = v.track;
        for (auto& p : points) {
            p.vesselId = *id;
        }
        (void)db->insertTrackPoints(points);
    }
    analysis::Analyzer analyzer(*db, f.ports, f.shore, {});
    for (auto _ : state) {
        benchmark::DoNotOptimize(analyzer.run({}));
    }
    state.SetItemsProcessed(state.iterations() * f.points);
}
BENCHMARK(BM_AnalyseStore)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
