// Nearest-port queries over every built-in port (WPI + UN/LOCODE), against a
// brute-force scan of the same ports for scale.
//   build/tests/bench/wake_bench_reference

#include "core/geo/geodesy.h"
#include "core/reference/port_index.h"

#include <QRandomGenerator>

#include <benchmark/benchmark.h>

namespace {

using wake::model::LatLon;
using wake::reference::PortIndex;

const PortIndex& index()
{
    static const auto loaded = PortIndex::loadBuiltIn();
    return loaded.value();
}

std::vector<LatLon> queries()
{
    QRandomGenerator rng(42);
    std::vector<LatLon> q(4096);
    for (auto& p : q) {
        p = {rng.bounded(150.0) - 70.0, rng.bounded(360.0) - 180.0};
    }
    return q;
}

void BM_NearestPort(benchmark::State& state)
{
    const auto& idx = index();
    const auto q = queries();
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            idx.nearest(q[i++ % q.size()], static_cast<std::size_t>(state.range(0))));
    }
    state.counters["ports"] = static_cast<double>(idx.ports().size());
}
BENCHMARK(BM_NearestPort)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);

void BM_NearestPortBruteForce(benchmark::State& state)
{
    const auto& ports = index().ports();
    const auto q = queries();
    std::size_t i = 0;
    for (auto _ : state) {
        const LatLon& p = q[i++ % q.size()];
        double best = 1e300;
        for (const auto& port : ports) {
            best = std::min(best, wake::geo::distanceM(p, port.position));
        }
        benchmark::DoNotOptimize(best);
    }
}
BENCHMARK(BM_NearestPortBruteForce)->Unit(benchmark::kMicrosecond);

void BM_LoadPortIndex(benchmark::State& state)
{
    for (auto _ : state) {
        benchmark::DoNotOptimize(PortIndex::loadBuiltIn());
    }
}
BENCHMARK(BM_LoadPortIndex)->Unit(benchmark::kMillisecond);

} // namespace
