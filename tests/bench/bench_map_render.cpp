// Map frames at 1920x1080 into a QImage with 1,000 vessels x 10,000 track
// points (10 million) loaded from the store, plus every reference port.
//
//   build/tests/bench/wake_bench_map
//
// What is measured, per view (world, Caribbean, Colón harbour):
//   BM_Frame*      a repaint of a view that is not moving: the buffered static
//                  layers are copied and the symbols (1,000 vessels at the
//                  replay time, events, labels, scale) painted on top. The
//                  counters give the median and 95th percentile frame.
//   BM_Pan*        a drag at 60 frames a second: the view moves 6 px per
//                  frame (360 px/s). When it nears the edge of the buffered
//                  picture a new one renders on a worker thread, as in the
//                  window; the frame itself never waits. Times are the frames'
//                  own (manual time), not the pauses between them.
//   BM_Refresh*    rendering a buffered picture (the view plus its margin):
//                  the worker thread's job, off the GUI thread.
//   BM_Unbuffered* the whole map painted at once, as `wake render` does.
//   BM_BasemapLoad the Natural Earth paths for one resolution, from the resource.

#include "core/reference/port_index.h"
#include "tests/bench/fleet_fixture.h"
#include "ui/map/basemap_paths.h"
#include "ui/map/map_layer_cache.h"
#include "ui/map/map_renderer.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

namespace {

using namespace wake;

const QSizeF kFrameSize(1920, 1080);

struct Fixture
{
    Fixture()
    {
        bench::Fleet fleet = bench::loadFleet();
        std::fprintf(stderr, "fleet: %zu tracks loaded from the store in %.2f s\n",
                     fleet.scene.tracks.size(), fleet.loadSeconds);
        if (auto ports = reference::PortIndex::loadBuiltIn()) {
            fleet.scene.ports = ports->ports();
        }
        renderer.setScene(std::move(fleet.scene));
        renderer.setTime(fleet.replayTimeUtcMs);
    }
    ui::MapRenderer renderer;
};

Fixture& fixture()
{
    static Fixture f;
    return f;
}

ui::MapViewport worldView()
{
    return ui::MapViewport({0.5, 0.5}, 0, kFrameSize);
}

ui::MapViewport caribbeanView()
{
    ui::MapViewport vp({0.5, 0.5}, 0, kFrameSize);
    vp.fit({7.0, -86.0}, {24.0, -72.0});
    return vp;
}

ui::MapViewport colonView()
{
    ui::MapViewport vp({0.5, 0.5}, 0, kFrameSize);
    vp.fit({9.30, -79.95}, {9.42, -79.82});
    return vp;
}

// Times each frame so the median and tail can be reported, not just the mean.
class FrameTimes
{
public:
    void add(std::chrono::steady_clock::duration d)
    {
        m_ms.push_back(std::chrono::duration<double, std::milli>(d).count());
    }
    void report(benchmark::State& state)
    {
        if (m_ms.empty()) {
            return;
        }
        std::sort(m_ms.begin(), m_ms.end());
        state.counters["median_ms"] = m_ms[m_ms.size() / 2];
        state.counters["p95_ms"] = m_ms[std::min(m_ms.size() - 1, m_ms.size() * 95 / 100)];
        state.counters["max_ms"] = m_ms.back();
    }

private:
    std::vector<double> m_ms;
};

void stillFrames(benchmark::State& state, const ui::MapViewport& vp)
{
    auto& r = fixture().renderer;
    QImage image(vp.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    const ui::StaticLayers layers = r.staticLayers();
    ui::MapLayerCache cache;
    cache.store(ui::MapLayerCache::render(layers, vp, 1.0));
    FrameTimes times;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        QPainter p(&image);
        if (cache.draw(p, vp, layers, 1.0) != ui::MapLayerCache::DrawResult::Exact) {
            state.SkipWithError("the buffered picture should cover a still view");
            break;
        }
        r.paintDynamic(p, vp);
        p.end();
        times.add(std::chrono::steady_clock::now() - t0);
    }
    times.report(state);
}

void panFrames(benchmark::State& state, ui::MapViewport vp, ui::MapRenderer& r)
{
    QImage image(vp.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    const ui::StaticLayers layers = r.staticLayers();
    ui::MapLayerCache cache;
    cache.store(ui::MapLayerCache::render(layers, vp, 1.0));
    std::future<ui::MapLayerCache::Picture> refresh;
    FrameTimes times;
    int refreshes = 0;
    int staleFrames = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        vp.panByPixels({-6, -2});
        if (refresh.valid() &&
            refresh.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
            cache.store(refresh.get());
            ++refreshes;
        }
        QPainter p(&image);
        const auto drawn = cache.draw(p, vp, layers, 1.0);
        staleFrames += drawn != ui::MapLayerCache::DrawResult::Exact;
        if (!refresh.valid() &&
            (drawn != ui::MapLayerCache::DrawResult::Exact || cache.nearEdge(vp))) {
            refresh = std::async(std::launch::async, [layers, vp] {
                return ui::MapLayerCache::render(layers, vp, 1.0);
            });
        }
        r.paintDynamic(p, vp);
        p.end();
        const auto frame = std::chrono::steady_clock::now() - t0;
        times.add(frame);
        state.SetIterationTime(std::chrono::duration<double>(frame).count());
        std::this_thread::sleep_until(t0 + std::chrono::microseconds(16667));
    }
    if (refresh.valid()) {
        refresh.wait();
    }
    times.report(state);
    state.counters["refreshes"] = refreshes;
    state.counters["stale_frames"] = staleFrames;
}

void refreshes(benchmark::State& state, const ui::MapViewport& vp)
{
    const ui::StaticLayers layers = fixture().renderer.staticLayers();
    ui::MapLayerCache::render(layers, vp, 1.0); // builds the band's track levels once
    for (auto _ : state) {
        benchmark::DoNotOptimize(ui::MapLayerCache::render(layers, vp, 1.0));
    }
}

void unbuffered(benchmark::State& state, const ui::MapViewport& vp)
{
    auto& r = fixture().renderer;
    QImage image(vp.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter p(&image);
        r.paint(p, vp);
    }
}

void BM_FrameWorld(benchmark::State& s)
{
    stillFrames(s, worldView());
}
void BM_FrameCaribbean(benchmark::State& s)
{
    stillFrames(s, caribbeanView());
}
void BM_FrameColon(benchmark::State& s)
{
    stillFrames(s, colonView());
}
void BM_PanWorld(benchmark::State& s)
{
    panFrames(s, worldView(), fixture().renderer);
}
void BM_PanCaribbean(benchmark::State& s)
{
    panFrames(s, caribbeanView(), fixture().renderer);
}
void BM_RefreshWorld(benchmark::State& s)
{
    refreshes(s, worldView());
}
void BM_RefreshCaribbean(benchmark::State& s)
{
    refreshes(s, caribbeanView());
}
void BM_RefreshColon(benchmark::State& s)
{
    refreshes(s, colonView());
}
void BM_UnbufferedCaribbean(benchmark::State& s)
{
    unbuffered(s, caribbeanView());
}

// 50,000 live targets (issue "Live AIS"), most of them in the Caribbean,
// drawn over the basemap with no tracks: the cost of the traffic layer.
ui::MapRenderer makeTrafficRenderer(int count)
{
    ui::MapRenderer out;
    {
        std::vector<ui::TrafficTarget> targets;
        std::uint32_t seed = 12345;
        auto next = [&] {
            seed = seed * 1664525u + 1013904223u;
            return static_cast<double>(seed >> 8) / static_cast<double>(1u << 24);
        };
        for (int i = 0; i < count; ++i) {
            ui::TrafficTarget t;
            t.vesselId = i + 1;
            const bool caribbean = i % 10 < 7;
            t.latDeg = caribbean ? 7.0 + 17.0 * next() : -60.0 + 130.0 * next();
            t.lonDeg = caribbean ? -86.0 + 14.0 * next() : -180.0 + 360.0 * next();
            t.courseDeg = 360.0 * next();
            t.aisShipType = 30 + 10 * (i % 6);
            t.name = QStringLiteral("TARGET %1").arg(i);
            t.stale = i % 13 == 0;
            targets.push_back(std::move(t));
        }
        out.setTraffic(std::move(targets));
        out.setTime(0);
    }
    return out;
}

ui::MapRenderer& liveTrafficRenderer()
{
    static ui::MapRenderer r = makeTrafficRenderer(50'000);
    return r;
}

// The traffic picture of issue "Harbour-scale map": 100,000 vessels at the
// replay time, over GSHHG's detailed coast at harbour zoom.
ui::MapRenderer& trafficPictureRenderer()
{
    static ui::MapRenderer r = makeTrafficRenderer(100'000);
    return r;
}

void trafficFrames(benchmark::State& state, ui::MapRenderer& r, const ui::MapViewport& vp)
{
    QImage image(vp.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    const ui::StaticLayers layers = r.staticLayers();
    ui::MapLayerCache cache;
    cache.store(ui::MapLayerCache::render(layers, vp, 1.0));
    FrameTimes times;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        QPainter p(&image);
        cache.draw(p, vp, layers, 1.0);
        r.paintDynamic(p, vp);
        p.end();
        times.add(std::chrono::steady_clock::now() - t0);
    }
    times.report(state);
}

void BM_Live50kWorld(benchmark::State& s)
{
    trafficFrames(s, liveTrafficRenderer(), worldView());
}
void BM_Live50kCaribbean(benchmark::State& s)
{
    trafficFrames(s, liveTrafficRenderer(), caribbeanView());
}
void BM_Live50kColon(benchmark::State& s)
{
    trafficFrames(s, liveTrafficRenderer(), colonView());
}
void BM_Traffic100kWorld(benchmark::State& s)
{
    trafficFrames(s, trafficPictureRenderer(), worldView());
}
void BM_Traffic100kCaribbean(benchmark::State& s)
{
    trafficFrames(s, trafficPictureRenderer(), caribbeanView());
}
void BM_Traffic100kColon(benchmark::State& s)
{
    trafficFrames(s, trafficPictureRenderer(), colonView());
}
// Panning over the harbour with 100,000 vessels and the detailed coast.
void BM_Traffic100kPanColon(benchmark::State& s)
{
    panFrames(s, colonView(), trafficPictureRenderer());
}
// Rendering the buffered static layers at the harbour: GSHHG tiles, from cold.
void BM_DetailedCoastRefreshColon(benchmark::State& s)
{
    const ui::StaticLayers layers = trafficPictureRenderer().staticLayers();
    for (auto _ : s) {
        benchmark::DoNotOptimize(ui::MapLayerCache::render(layers, colonView(), 1.0));
    }
}
// A new snapshot every half second replaces the layer: its cost, on the GUI thread.
void BM_Live50kUpdate(benchmark::State& state)
{
    const std::vector<ui::TrafficTarget> targets = liveTrafficRenderer().traffic().targets();
    ui::MapRenderer r;
    for (auto _ : state) {
        r.setTraffic(targets);
    }
}

void BM_BasemapLoad(benchmark::State& state)
{
    const double zoom = static_cast<double>(state.range(0));
    for (auto _ : state) {
        ui::BasemapPaths paths;
        benchmark::DoNotOptimize(paths.forZoom(zoom).land.size());
    }
    state.SetLabel(ui::BasemapPaths::resolutionForZoom(zoom).toStdString());
}

BENCHMARK(BM_BasemapLoad)->Arg(0)->Arg(4)->Arg(8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameWorld)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameCaribbean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameColon)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PanWorld)->Unit(benchmark::kMillisecond)->Iterations(300)->UseManualTime();
BENCHMARK(BM_PanCaribbean)->Unit(benchmark::kMillisecond)->Iterations(300)->UseManualTime();
BENCHMARK(BM_RefreshWorld)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RefreshCaribbean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RefreshColon)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_UnbufferedCaribbean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Live50kWorld)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Live50kCaribbean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Live50kColon)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Live50kUpdate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Traffic100kWorld)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Traffic100kCaribbean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Traffic100kColon)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Traffic100kPanColon)->Unit(benchmark::kMillisecond)->Iterations(300)->UseManualTime();
BENCHMARK(BM_DetailedCoastRefreshColon)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
