// AIS decode and import throughput (Google Benchmark).
//
// Input: the file named by WAKE_AIS_CORPUS (tests/bench/compare_peers.sh makes
// one of 1 M messages), else the test corpora (tests/data/ais) read into memory. Counters:
// messages/s for decoding, rows/s for the import. The peer comparison (gpsdecode,
// a plain SQLite insert loop) is tests/bench/compare_peers.sh.

#include "core/ais/gpsd_json.h"
#include "core/ais/nmea_decoder.h"
#include "core/io/ais_import.h"
#include "core/store/database.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

struct Corpus
{
    QString path; // a file on disk, for the import benchmark
    std::vector<std::string> lines;
};

const Corpus& corpus()
{
    static const Corpus c = [] {
        Corpus out;
        static QTemporaryDir dir;
        const QByteArray env = qgetenv("WAKE_AIS_CORPUS");
        if (!env.isEmpty()) {
            out.path = QString::fromLocal8Bit(env);
        } else {
            // The test corpora, each line under a tag block time, repeated
            // to about 100,000 lines.
            QByteArray all;
            QDirIterator it(QStringLiteral(WAKE_TEST_DATA_DIR "/ais"), QDir::Files,
                            QDirIterator::Subdirectories);
            QByteArrayList raw;
            while (it.hasNext()) {
                const QString f = it.next();
                if (f.contains(QLatin1String("/expected/")) || f.endsWith(QLatin1String(".csv")) ||
                    f.endsWith(QLatin1String(".md")) || f.endsWith(QLatin1String(".py"))) {
                    continue;
                }
                QFile file(f);
                if (file.open(QIODevice::ReadOnly)) {
                    raw += file.readAll().split('\n');
                }
            }
            qint64 t = 1500000000;
            while (all.size() < 8'000'000) {
                for (const QByteArray& line : raw) {
                    if (!line.contains("VDM,") && !line.contains("VDO,")) {
                        continue;
                    }
                    const QByteArray tag = "c:" + QByteArray::number(t++);
                    unsigned sum = 0;
                    for (const char ch : tag) {
                        sum ^= static_cast<unsigned char>(ch);
                    }
                    all += "\\" + tag + "*" +
                           QByteArray::number(sum, 16).toUpper().rightJustified(2, '0') + "\\" +
                           line.mid(line.indexOf('!')) + "\n";
                }
            }
            out.path = dir.filePath(QStringLiteral("corpus.nmea"));
            QFile file(out.path);
            if (file.open(QIODevice::WriteOnly)) {
                file.write(all);
            }
        }
        QFile file(out.path);
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : file.readAll().split('\n')) {
                out.lines.emplace_back(line.constData(), static_cast<std::size_t>(line.size()));
            }
        }
        return out;
    }();
    return c;
}

void BM_DecodeOnly(benchmark::State& state)
{
    const Corpus& c = corpus();
    std::int64_t messages = 0;
    for (auto _ : state) {
        wake::ais::NmeaDecoder decoder;
        for (const std::string& line : c.lines) {
            benchmark::DoNotOptimize(decoder.decodeLine(line));
        }
        messages += decoder.stats().messages;
    }
    state.counters["messages_per_second"] =
        benchmark::Counter(static_cast<double>(messages), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DecodeOnly)->Unit(benchmark::kMillisecond);

void BM_DecodeToGpsdJson(benchmark::State& state)
{
    const Corpus& c = corpus();
    std::int64_t messages = 0;
    std::string out;
    out.reserve(1 << 21);
    for (auto _ : state) {
        wake::ais::NmeaDecoder decoder;
        for (const std::string& line : c.lines) {
            if (const auto* m = decoder.decodeLine(line)) {
                wake::ais::appendGpsdJson(out, m->message, wake::ais::JsonScale::Scaled);
                if (out.size() > (1 << 20)) {
                    benchmark::DoNotOptimize(out.data());
                    out.clear();
                }
            }
        }
        messages += decoder.stats().messages;
    }
    state.counters["messages_per_second"] =
        benchmark::Counter(static_cast<double>(messages), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DecodeToGpsdJson)->Unit(benchmark::kMillisecond);

// A whole import into a new database file, index (the primary key) included.
void BM_ImportIntoNewDatabase(benchmark::State& state)
{
    const Corpus& c = corpus();
    std::int64_t rows = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auto db = wake::store::Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
        if (!db) {
            state.SkipWithError("cannot create the database");
            return;
        }
        state.ResumeTiming();
        {
            wake::io::AisImporter importer(*db);
            auto summary = importer.importFile(c.path);
            if (!summary) {
                state.SkipWithError("import failed");
                return;
            }
            rows += summary->positionsStored;
        }
    }
    state.counters["rows_per_second"] =
        benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ImportIntoNewDatabase)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
