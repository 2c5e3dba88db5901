// The store on its two backends in one run, on the same synthetic positions:
// SQLite (a file) and PostgreSQL (the server tests/bench/store_backends.sh
// starts). Bulk import with the indexes, one vessel's track in a one-day
// window (first read on a fresh connection, then warm), every vessel in a
// map box at a time, one vessel's whole track once the archive spans a
// year, rows streamed to Wake (200 tracks of 1,000 fixes, and one track of
// 432,000), and bytes per position.
//
// usage (under a PostgreSQL server, as the script does):
//   wake_bench_store_backends [--benchmark_repetitions=N]
// WAKE_BENCH_ROWS sets the positions (default 2,000,000: 2,000 vessels x 1,000).

#include "core/store/database.h"
#include "tests/support/pg_test_server.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>

using namespace wake;
using store::Backend;
using store::Database;

namespace {

constexpr std::int64_t kStart = 1'688'169'600'000; // 2023-07-01
constexpr std::int64_t kDay = 86'400'000;
constexpr int kDays = 10;

std::int64_t rowsWanted()
{
    const QByteArray v = qgetenv("WAKE_BENCH_ROWS");
    return v.isEmpty() ? 2'000'000 : v.toLongLong();
}

// Vessel v's i-th fix: spread over ten days, moving along a line.
model::TrackPoint fix(model::VesselId v, std::int64_t i, std::int64_t perVessel)
{
    model::TrackPoint p;
    p.vesselId = v;
    p.timeUtcMs = kStart + i * (kDays * kDay / perVessel) + v * 1000;
    p.latDeg = 20.0 + static_cast<double>(v % 40) * 0.5 + static_cast<double>(i) * 1e-4;
    p.lonDeg = -90.0 + static_cast<double>(v / 40) * 0.5 + static_cast<double>(i) * 1e-4;
    p.sogKnots = 12.3F;
    p.cogDeg = 45.0F;
    p.headingDeg = 44;
    p.navStatus = 0;
    return p;
}

struct Store
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<test::PgTestDatabase> server;
    QString target;
    std::optional<Database> db;
    std::vector<model::VesselId> vessels;
    std::int64_t rows = 0;
    double importSeconds = 0;
    model::VesselId longTrackVessel = 0;
    bool yearLong = false; // a vessel with a fix a day for a year added
};

std::map<Backend, Store>& stores()
{
    static std::map<Backend, Store> s;
    return s;
}

Store& store(Backend backend, benchmark::State& state)
{
    Store& s = stores()[backend];
    if (s.db) {
        return s;
    }
    s.dir = std::make_unique<QTemporaryDir>();
    if (backend == Backend::Sqlite) {
        s.target = s.dir->filePath(QStringLiteral("bench.sqlite"));
    } else {
        auto server = test::PgTestDatabase::create();
        if (!server) {
            state.SkipWithError(server.error().toString().toStdString().c_str());
            return s;
        }
        s.server = std::make_unique<test::PgTestDatabase>(std::move(*server));
        s.target = s.server->target();
    }
    auto db = Database::open(s.target);
    if (!db) {
        state.SkipWithError(db.error().toString().toStdString().c_str());
        return s;
    }
    s.db.emplace(std::move(*db));
    return s;
}

void fill(Store& s, benchmark::State& state)
{
    const std::int64_t total = rowsWanted();
    const std::int64_t perVessel = 1000;
    const auto vesselCount = static_cast<int>(total / perVessel);
    s.vessels.clear();
    for (int v = 0; v < vesselCount; ++v) {
        model::Vessel vessel;
        vessel.mmsi = 200000000u + static_cast<std::uint32_t>(v);
        auto id = s.db->upsertVessel(vessel);
        if (!id) {
            state.SkipWithError(id.error().toString().toStdString().c_str());
            return;
        }
        s.vessels.push_back(*id);
    }
    // Time order across vessels, as feeds and daily files come, in batches
    // of 100,000 (one transaction each, as the importer commits).
    std::vector<model::TrackPoint> batch;
    batch.reserve(100'000);
    const auto t0 = std::chrono::steady_clock::now();
    for (std::int64_t i = 0; i < perVessel; ++i) {
        for (const model::VesselId v : s.vessels) {
            batch.push_back(fix(v, i, perVessel));
            if (batch.size() == batch.capacity()) {
                std::sort(batch.begin(), batch.end(),
                          [](const auto& a, const auto& b) { return a.vesselId < b.vesselId; });
                auto n = s.db->insertTrackPoints(batch, batch.size());
                if (!n) {
                    state.SkipWithError(n.error().toString().toStdString().c_str());
                    return;
                }
                s.rows += *n;
                batch.clear();
            }
        }
    }
    if (!batch.empty()) {
        s.rows += *s.db->insertTrackPoints(batch, batch.size());
    }
    // One vessel with a long track (a fix every two seconds for ten days):
    // what streaming is for.
    model::Vessel longer;
    longer.mmsi = 299999999u;
    s.longTrackVessel = *s.db->upsertVessel(longer);
    constexpr std::int64_t kLongFixes = 432'000;
    for (std::int64_t i = 0; i < kLongFixes; ++i) {
        model::TrackPoint p = fix(s.longTrackVessel, i, kLongFixes);
        p.timeUtcMs = kStart + i * 2000;
        batch.push_back(p);
        if (batch.size() == batch.capacity() || i + 1 == kLongFixes) {
            s.rows += *s.db->insertTrackPoints(batch, batch.size());
            batch.clear();
        }
    }
    if (s.db->isServer()) {
        (void)s.db->connection().exec(QStringLiteral("ANALYZE"));
    }
    s.importSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double bytesPerPosition(Store& s)
{
    if (s.db->isServer()) {
        auto bytes = s.db->connection().queryInt(
            QStringLiteral("SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits "
                           "WHERE inhparent = 'track_points'::regclass"));
        return bytes ? static_cast<double>(*bytes) / static_cast<double>(s.rows) : 0;
    }
    (void)s.db->connection().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return static_cast<double>(QFileInfo(s.target).size()) / static_cast<double>(s.rows);
}

// The store BulkImport filled, or nothing (and the benchmark says why).
Store* builtStore(Backend backend, benchmark::State& state)
{
    Store& s = stores()[backend];
    if (!s.db) {
        state.SkipWithError("no store: run BulkImport first");
        return nullptr;
    }
    return &s;
}

// Times reading the track of the vessel pick() gives, once per iteration.
template <typename PickVessel>
void readTracks(benchmark::State& state, Store& s, PickVessel pick, std::int64_t fromUtcMs,
                std::int64_t toUtcMs)
{
    std::size_t points = 0;
    for (auto _ : state) {
        auto track = s.db->track(pick(), fromUtcMs, toUtcMs);
        points = track->size();
        benchmark::DoNotOptimize(track);
    }
    state.counters["points"] = static_cast<double>(points);
}

void BM_BulkImport(benchmark::State& state, Backend backend)
{
    for (auto _ : state) {
        Store& s = store(backend, state);
        if (!s.db) {
            return;
        }
        fill(s, state);
        state.SetIterationTime(s.importSeconds);
    }
    Store& s = stores()[backend];
    state.counters["rows"] = static_cast<double>(s.rows);
    state.counters["rows_per_s"] = static_cast<double>(s.rows) / s.importSeconds;
    state.counters["bytes_per_position"] = bytesPerPosition(s);
}

void BM_TrackOneDayFirstRead(benchmark::State& state, Backend backend)
{
    Store* built = builtStore(backend, state);
    if (built == nullptr) {
        return;
    }
    Store& s = *built;
    std::size_t next = 0;
    std::size_t points = 0;
    for (auto _ : state) {
        // A fresh connection and a vessel not read before: nothing cached by
        // this session (the server's and the OS's caches may still be warm).
        state.PauseTiming();
        auto db = Database::open(s.target);
        const model::VesselId v = s.vessels[(next++ * 7919) % s.vessels.size()];
        state.ResumeTiming();
        auto track = db->track(v, kStart + 3 * kDay, kStart + 4 * kDay);
        points = track->size();
        benchmark::DoNotOptimize(track);
    }
    state.counters["points"] = static_cast<double>(points);
}

void BM_TrackOneDayWarm(benchmark::State& state, Backend backend)
{
    Store* built = builtStore(backend, state);
    if (built == nullptr) {
        return;
    }
    Store& s = *built;
    const model::VesselId v = s.vessels[s.vessels.size() / 2];
    readTracks(
        state, s, [v] { return v; }, kStart + 3 * kDay, kStart + 4 * kDay);
}

void BM_VesselsInABoxAtATime(benchmark::State& state, Backend backend)
{
    Store* built = builtStore(backend, state);
    if (built == nullptr) {
        return;
    }
    Store& s = *built;
    std::size_t inBox = 0;
    for (auto _ : state) {
        auto at = s.db->positionsAt(kStart + 5 * kDay, 30 * 60'000);
        inBox = 0;
        for (const auto& p : *at) {
            inBox += p.latDeg > 25 && p.latDeg < 30 && p.lonDeg > -90 && p.lonDeg < -80;
        }
        benchmark::DoNotOptimize(inBox);
    }
    state.counters["vessels_in_box"] = static_cast<double>(inBox);
}

// One vessel's whole track (all time asked) once the archive spans a year:
// a vessel with a fix a day for 365 days makes 365 day partitions on the
// server, which a read of all time must not plan and search one by one.
void BM_WholeTrackInAYear(benchmark::State& state, Backend backend)
{
    Store* built = builtStore(backend, state);
    if (built == nullptr) {
        return;
    }
    Store& s = *built;
    if (!s.yearLong) {
        model::Vessel calendar;
        calendar.mmsi = 299999998u;
        const model::VesselId id = *s.db->upsertVessel(calendar);
        std::vector<model::TrackPoint> days;
        for (std::int64_t d = -355; d < 10; ++d) {
            model::TrackPoint p = fix(id, 0, 1);
            p.timeUtcMs = kStart + d * kDay + kDay / 2;
            days.push_back(p);
        }
        if (!s.db->insertTrackPoints(days).ok()) {
            state.SkipWithError("cannot add the year-long vessel");
            return;
        }
        s.yearLong = true;
    }
    std::size_t next = 0;
    readTracks(
        state, s, [&] { return s.vessels[(next++ * 7919) % s.vessels.size()]; },
        std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
}

void BM_StreamRows(benchmark::State& state, Backend backend)
{
    Store* built = builtStore(backend, state);
    if (built == nullptr) {
        return;
    }
    Store& s = *built;
    std::int64_t rows = 0;
    for (auto _ : state) {
        rows = 0;
        for (std::size_t i = 0; i < std::min<std::size_t>(s.vessels.size(), 200); ++i) {
            rows += static_cast<std::int64_t>(
                s.db->track(s.vessels[i], kStart, kStart + kDays * kDay)->size());
        }
    }
    state.counters["rows_per_s"] = benchmark::Counter(
        static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_StreamLongTrack(benchmark::State& state, Backend backend)
{
    Store* built = builtStore(backend, state);
    if (built == nullptr) {
        return;
    }
    Store& s = *built;
    std::int64_t rows = 0;
    for (auto _ : state) {
        rows = static_cast<std::int64_t>(
            s.db->track(s.longTrackVessel, kStart, kStart + kDays * kDay)->size());
    }
    state.counters["rows"] = static_cast<double>(rows);
    state.counters["rows_per_s"] = benchmark::Counter(
        static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    for (const auto& [backend, name] :
         {std::pair{Backend::Sqlite, "Sqlite"}, std::pair{Backend::Postgres, "Postgres"}}) {
        const std::string n(name);
        benchmark::RegisterBenchmark(("BulkImport/" + n).c_str(), BM_BulkImport, backend)
            ->Iterations(1)
            ->UseManualTime()
            ->Unit(benchmark::kSecond);
        benchmark::RegisterBenchmark(("TrackOneDayFirstRead/" + n).c_str(), BM_TrackOneDayFirstRead,
                                     backend)
            ->Iterations(20)
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("TrackOneDayWarm/" + n).c_str(), BM_TrackOneDayWarm, backend)
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("VesselsInABoxAtATime/" + n).c_str(), BM_VesselsInABoxAtATime,
                                     backend)
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("WholeTrackInAYear/" + n).c_str(), BM_WholeTrackInAYear,
                                     backend)
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("StreamRows/" + n).c_str(), BM_StreamRows, backend)
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("StreamLongTrack/" + n).c_str(), BM_StreamLongTrack, backend)
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    stores().clear();
    return 0;
}
