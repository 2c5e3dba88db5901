// The watch engine at the live issue's scale: 50,000 targets, 20 rules and
// own ship, at 2,000 messages a second. One iteration is one second of
// traffic (2,000 position reports, own ship's report, which re-runs CPA for
// every target, and the clock moving on for dark ships); its time over one
// second is the share of a core the watch takes (the target: at most 5 %).
//
//   build/tests/bench/wake_bench_watch --benchmark_repetitions=5

#include "core/watch/watch_engine.h"

#include <QString>

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

using namespace wake;
using namespace wake::watch;

namespace {

constexpr int kTargets = 50'000;
constexpr int kPerSecond = 2'000;
constexpr std::uint32_t kOwn = 366999999;

// Twenty rules of every kind over ten areas around the North Sea traffic.
WatchRules twentyRules()
{
    QString areas;
    QString rules;
    for (int i = 0; i < 5; ++i) {
        const double lat = 51.0 + i * 0.4;
        areas += QStringLiteral("%1{\"name\": \"A%2\", \"box\": [%3, 2.0, %4, 3.0]}")
                     .arg(i == 0 ? QString() : QStringLiteral(","))
                     .arg(i)
                     .arg(lat)
                     .arg(lat + 0.2);
        rules += QStringLiteral("{\"kind\": \"area_enter\", \"area\": \"A%1\"}, {\"kind\": "
                                "\"area_leave\", \"area\": \"A%1\"}, ")
                     .arg(i);
    }
    rules += QStringLiteral(
        "{\"kind\": \"area_dwell\", \"area\": \"A0\", \"minutes\": 60}, "
        "{\"kind\": \"area_dwell\", \"area\": \"A1\", \"minutes\": 60}, "
        "{\"kind\": \"not_authorised\", \"area\": \"A2\", \"list\": \"Pilots\"}, "
        "{\"kind\": \"not_authorised\", \"area\": \"A3\", \"list\": \"Pilots\"}, "
        "{\"kind\": \"listed_heard\", \"mmsi\": [200000001, 200000002]}, "
        "{\"kind\": \"dark\", \"mmsi\": [200000001, 200000002, 200000003], \"intervals\": 6}, "
        "{\"kind\": \"identity_change\"}, "
        "{\"kind\": \"encounter_forming\"}, "
        "{\"kind\": \"cpa\", \"nm\": 0.5, \"minutes\": 12}, "
        "{\"kind\": \"cpa\", \"nm\": 2, \"minutes\": 30, \"name\": \"wide\"}");
    const QString json =
        QStringLiteral("{\"ownShip\": {\"mmsi\": %1}, \"areas\": [%2], \"rules\": [%3]}")
            .arg(kOwn)
            .arg(areas, rules);
    auto parsed = parseWatchRules(json.toUtf8(), QStringLiteral("."));
    if (!parsed) {
        std::abort();
    }
    return std::move(parsed).value();
}

struct Fleet
{
    std::vector<PositionReport> ships;
    std::mt19937 random{42};
};

void BM_OneSecondOfTraffic(benchmark::State& state)
{
    const WatchRules rules = twentyRules();
    WatchEngine engine(rules, nullptr, MeetingPlaces::builtIn());
    Fleet fleet;
    std::uniform_real_distribution<double> lat(50.5, 53.5);
    std::uniform_real_distribution<double> lon(1.0, 4.5);
    std::uniform_real_distribution<double> sog(0.0, 20.0);
    std::uniform_real_distribution<double> cog(0.0, 360.0);
    std::int64_t now = 1'700'000'000'000;
    for (int i = 0; i < kTargets; ++i) {
        PositionReport r;
        r.mmsi = 200'000'001 + static_cast<std::uint32_t>(i);
        r.latDeg = lat(fleet.random);
        r.lonDeg = lon(fleet.random);
        r.sogKnots = sog(fleet.random);
        r.cogDeg = cog(fleet.random);
        r.navStatus = 0;
        fleet.ships.push_back(r);
    }
    // Everyone heard once (the table full), own ship in the middle of them.
    for (PositionReport& r : fleet.ships) {
        r.timeUtcMs = now;
        (void)engine.report(r);
    }
    PositionReport own;
    own.mmsi = kOwn;
    own.latDeg = 52.0;
    own.lonDeg = 2.5;
    own.sogKnots = 12.0;
    own.cogDeg = 45.0;
    own.navStatus = 0;
    std::size_t next = 0;
    std::int64_t alerts = 0;
    for (auto _ : state) {
        now += 1000;
        for (int i = 0; i < kPerSecond; ++i) {
            PositionReport& r = fleet.ships[next];
            next = (next + 1) % fleet.ships.size();
            const double hours = static_cast<double>(now - r.timeUtcMs) / 3.6e6;
            const double nm = r.sogKnots.value_or(0.0) * hours;
            r.latDeg += nm / 60.0 * std::cos(*r.cogDeg * M_PI / 180.0);
            r.lonDeg += nm / 60.0 * std::sin(*r.cogDeg * M_PI / 180.0) / 0.6;
            r.timeUtcMs = now;
            alerts += static_cast<std::int64_t>(engine.report(r).size());
        }
        own.timeUtcMs = now;
        own.latDeg += 12.0 / 3600.0 / 60.0 * 0.7;
        own.lonDeg += 12.0 / 3600.0 / 60.0 * 0.7 / 0.6;
        alerts += static_cast<std::int64_t>(engine.report(own).size());
        alerts += static_cast<std::int64_t>(engine.advanceTo(now).size());
    }
    state.counters["targets"] = kTargets;
    state.counters["messages/s"] = kPerSecond;
    state.counters["alerts"] = static_cast<double>(alerts);
    // The share of one core: seconds of work per second of traffic.
    state.counters["cpu_per_traffic_second"] =
        benchmark::Counter(static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_OneSecondOfTraffic)->Unit(benchmark::kMillisecond)->MinTime(5.0);

} // namespace

BENCHMARK_MAIN();
