// Frames of the map at 1920x1080 into a QImage: the scenario's vessel, events
// and places, plus every reference port, at the world view and the Caribbean
// view the app opens on.
//   build/tests/bench/wake_bench_map

#include "map/map_renderer.h"
#include "map/map_scene_loader.h"
#include "reference/port_index.h"
#include "scenario/scenario_installer.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

using namespace wake;

struct Fixture
{
    Fixture()
    {
        auto db = scenario::openWithBuiltInScenario(dir.filePath(QStringLiteral("bench.sqlite")));
        auto ports = reference::PortIndex::loadBuiltIn();
        const auto vessels = db->listVessels();
        renderer.setScene(ui::loadMapScene(*db, vessels->front().id, &ports.value()).value());
    }
    QTemporaryDir dir;
    ui::MapRenderer renderer;
};

Fixture& fixture()
{
    static Fixture f;
    return f;
}

void renderFrames(benchmark::State& state, const ui::MapViewport& viewport)
{
    auto& f = fixture();
    QImage image(viewport.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    {
        QPainter warm(&image); // the first frame at a zoom band loads its basemap
        f.renderer.paint(warm, viewport);
    }
    for (auto _ : state) {
        QPainter p(&image);
        f.renderer.paint(p, viewport);
    }
}

void BM_FrameWorld(benchmark::State& state)
{
    ui::MapViewport vp({0.5, 0.5}, 0, QSizeF(1920, 1080));
    renderFrames(state, vp);
}
BENCHMARK(BM_FrameWorld)->Unit(benchmark::kMillisecond);

void BM_FrameCaribbean(benchmark::State& state)
{
    ui::MapViewport vp({0.5, 0.5}, 0, QSizeF(1920, 1080));
    vp.fit({7.0, -86.0}, {24.0, -72.0});
    renderFrames(state, vp);
}
BENCHMARK(BM_FrameCaribbean)->Unit(benchmark::kMillisecond);

void BM_FrameColonHarbour(benchmark::State& state)
{
    ui::MapViewport vp({0.5, 0.5}, 0, QSizeF(1920, 1080));
    vp.fit({9.30, -79.95}, {9.42, -79.82});
    renderFrames(state, vp);
}
BENCHMARK(BM_FrameColonHarbour)->Unit(benchmark::kMillisecond);

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
