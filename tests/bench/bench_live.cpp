// Headless live path: lines stamped, recorded, decoded, checked for
// duplicates and stored, as LiveSession does for every source. Target
// (issue "Live AIS"): keep up with 20,000 messages a second.

#include "core/live/live_session.h"
#include "tests/support/live_test_support.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

using namespace wake;

// One simulated second of 20,000 messages from 20,000 vessels, then a commit
// (the session commits once a second); every fifth line heard by a second source.
void BM_LiveStoreSecondsOf20k(benchmark::State& state)
{
    testing::ensureCoreApplication();
    const bool record = state.range(0) != 0;
    QTemporaryDir dir;
    auto db = store::Database::open(dir.filePath(QStringLiteral("live.sqlite")));
    live::LiveOptions options;
    options.commitIntervalMs = 3'600'000;
    if (record) {
        options.recordFolder = dir.filePath(QStringLiteral("rec"));
    }
    live::LiveSession session(*db, options);
    (void)session.addSource({QStringLiteral("a"), QStringLiteral("udp://127.0.0.1:9"), false});
    (void)session.addSource({QStringLiteral("b"), QStringLiteral("udp://127.0.0.1:9"), false});
    constexpr int kPerSecond = 20'000;
    std::int64_t t = 1'700'000'000'000;
    int round = 0;
    std::int64_t messages = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const std::vector<std::string> lines =
            testing::positionLines(kPerSecond, 250000000, kPerSecond, round++);
        state.ResumeTiming();
        for (int i = 0; i < kPerSecond; ++i) {
            const std::int64_t at = t + i * 1000 / kPerSecond;
            session.handleLine(0, lines[static_cast<std::size_t>(i)], at);
            if (i % 5 == 0) {
                session.handleLine(1, lines[static_cast<std::size_t>(i)], at + 3);
            }
        }
        if (!session.commit().ok()) {
            state.SkipWithError("commit failed");
            break;
        }
        t += 10'000; // each vessel reports every 10 s
        messages += kPerSecond + kPerSecond / 5;
    }
    state.counters["messages_per_s"] =
        benchmark::Counter(static_cast<double>(messages), benchmark::Counter::kIsRate);
    state.counters["stored"] = static_cast<double>(session.counts().positionsStored);
}
BENCHMARK(BM_LiveStoreSecondsOf20k)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(20);

} // namespace

BENCHMARK_MAIN();
