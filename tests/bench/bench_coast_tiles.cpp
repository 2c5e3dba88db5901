// GSHHG tiles (issue "Harbour-scale map"): inflating one tile, from the
// mapped file, must take at most 20 ms. Colón's tile and the largest tile of
// the file (the one with the most points) are timed with the cache bypassed
// by opening the file afresh each time, plus a point's level from the cache.

#include "core/geo/coast_tiles.h"

#include <benchmark/benchmark.h>

namespace {

using namespace wake;

const QString kPath = QStringLiteral(WAKE_SOURCE_DIR "/resources/coast/gshhg-2.3.7-full.wkcoast");

void inflate(benchmark::State& state, int lat, int lon)
{
    std::size_t points = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto tiles = geo::CoastTiles::open(kPath); // a cold cache
        state.ResumeTiming();
        auto tile = (*tiles)->tile(lat, lon);
        points = (*tile)->pointCount();
        benchmark::DoNotOptimize(tile);
    }
    state.counters["points"] = static_cast<double>(points);
}

void BM_InflateColonTile(benchmark::State& state)
{
    inflate(state, 9, -80);
}

// The tile with the most points, found once.
std::pair<int, int> largestTile()
{
    static const std::pair<int, int> largest = [] {
        auto tiles = geo::CoastTiles::open(kPath);
        std::pair<int, int> best{0, 0};
        std::size_t most = 0;
        for (int lat = -90; lat < 90; ++lat) {
            for (int lon = -180; lon < 180; ++lon) {
                if ((*tiles)->hasTile(lat, lon)) {
                    const std::size_t n = (*(*tiles)->tile(lat, lon))->pointCount();
                    if (n > most) {
                        most = n;
                        best = {lat, lon};
                    }
                }
            }
        }
        return best;
    }();
    return largest;
}

void BM_InflateLargestTile(benchmark::State& state)
{
    const auto [lat, lon] = largestTile();
    state.SetLabel(std::to_string(lat) + "," + std::to_string(lon));
    inflate(state, lat, lon);
}

void BM_LevelAtColon(benchmark::State& state)
{
    auto tiles = geo::CoastTiles::open(kPath);
    for (auto _ : state) {
        benchmark::DoNotOptimize(*(*tiles)->levelAt({9.357, -79.899}));
    }
}

} // namespace

BENCHMARK(BM_InflateColonTile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_InflateLargestTile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LevelAtColon)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
