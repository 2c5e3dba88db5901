#include "app/analysis_runner.h"

#include "app/cli_support.h"
#include "app/interrupt.h"
#include "core/analysis/analyzer.h"
#include "core/util/number_text.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <future>
#include <optional>
#include <unistd.h>

namespace wake::app {

namespace {

QString eventLine(QChar sign, const model::Event& e)
{
    return QStringLiteral("  %1 %2  vessel %3  %4  %5\n")
        .arg(sign)
        .arg(QDateTime::fromMSecsSinceEpoch(e.time.startUtcMs, Qt::UTC)
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
        .arg(e.vesselId.value_or(0))
        .arg(model::toString(e.kind), e.title);
}

} // namespace

struct AnalysisReferenceLoader::State
{
    std::future<Result<reference::PortIndex>> future;
    std::optional<Result<reference::PortIndex>> ports;
};

AnalysisReferenceLoader::AnalysisReferenceLoader() : m_state(std::make_unique<State>())
{
    m_state->future = std::async(std::launch::async, [] {
        auto ports = reference::PortIndex::loadBuiltIn();
        if (ports) {
            // The coasts are process-wide caches, built on first use: a
            // question about a point at sea builds them here.
            if (auto shore = analysis::ShoreDistance::builtIn(*ports)) {
                (void)(*shore)->nauticalMiles({0.0, -30.0});
            }
        }
        return ports;
    });
}

AnalysisReferenceLoader::~AnalysisReferenceLoader()
{
    if (m_state->future.valid()) {
        m_state->future.wait();
    }
}

Result<reference::PortIndex>& AnalysisReferenceLoader::ports()
{
    if (!m_state->ports) {
        m_state->ports.emplace(m_state->future.get());
    }
    return *m_state->ports;
}

int analyseAndReport(store::Database& db, const AnalysisCommandOptions& options,
                     AnalysisReferenceLoader* loader)
{
    const InterruptGuard interruptGuard;
    std::optional<Result<reference::PortIndex>> loaded;
    if (loader == nullptr) {
        loaded.emplace(reference::PortIndex::loadBuiltIn());
    }
    Result<reference::PortIndex>& ports = loader != nullptr ? loader->ports() : *loaded;
    if (reportedFailure(ports)) {
        return kExitFailure;
    }
    auto shore = analysis::ShoreDistance::builtIn(*ports);
    if (reportedFailure(shore)) {
        return kExitFailure;
    }
    analysis::Analyzer analyzer(db, *ports, *shore, options.rules);
    const bool tty = isatty(STDERR_FILENO) != 0;
    QElapsedTimer timer;
    timer.start();
    qint64 lastPrintMs = -5000;
    auto output = analyzer.run(
        options.vessels,
        [&](const analysis::AnalysisProgress& p) {
            const qint64 ms = timer.elapsed();
            if (ms - lastPrintMs >= (tty ? 100 : 5000)) {
                lastPrintMs = ms;
                printErr(QStringLiteral("%1analysing: %2 of %3 vessels (%4), %5 positions read%6")
                             .arg(tty ? QStringLiteral("\r") : QString())
                             .arg(p.vesselsDone)
                             .arg(p.vesselsTotal)
                             .arg(p.phase)
                             .arg(p.pointsRead)
                             .arg(tty ? QStringLiteral("\x1b[K") : QStringLiteral("\n")));
            }
            return !InterruptGuard::interrupted();
        },
        options.knownStops.vessels.empty() ? nullptr : &options.knownStops);
    if (tty) {
        printErr(QStringLiteral("\n"));
    }
    if (reportedFailure(output)) {
        return kExitFailure;
    }
    if (output->cancelled) {
        printErr(QStringLiteral("Analysis stopped by Ctrl-C; nothing was changed in the "
                                "database.\n"));
        return kExitInterrupted;
    }
    auto changes = analyzer.compare(*output);
    if (reportedFailure(changes)) {
        return kExitFailure;
    }
    printErr(QStringLiteral("Analysis (%1 rules): %2 vessel(s), %3 positions in %4 s: %5; %6 "
                            "voyage(s).\n")
                 .arg(options.rules.preset,
                      util::countText(static_cast<std::int64_t>(output->vessels.size())),
                      util::countText(output->pointsRead),
                      util::decimalText(static_cast<double>(timer.elapsed()) / 1000.0, 1),
                      analysis::describeCounts(output->countByKind()),
                      util::countText(static_cast<std::int64_t>(output->voyages.size()))));
    printErr(QStringLiteral("Against the stored results: %1 added, %2 removed, %3 unchanged.\n")
                 .arg(util::countText(static_cast<std::int64_t>(changes->added.size())),
                      util::countText(static_cast<std::int64_t>(changes->removed.size())),
                      util::countText(static_cast<std::int64_t>(changes->unchanged))));
    if (options.listChanges || options.dryRun) {
        constexpr std::size_t kMaxListed = 50;
        for (std::size_t i = 0; i < changes->added.size() && i < kMaxListed; ++i) {
            printErr(eventLine(QLatin1Char('+'), changes->added[i]));
        }
        for (std::size_t i = 0; i < changes->removed.size() && i < kMaxListed; ++i) {
            printErr(eventLine(QLatin1Char('-'), changes->removed[i]));
        }
        if (changes->added.size() > kMaxListed || changes->removed.size() > kMaxListed) {
            printErr(QStringLiteral("  (the first %1 of each are listed)\n").arg(kMaxListed));
        }
    }
    if (options.dryRun) {
        printErr(QStringLiteral("Dry run: nothing was stored.\n"));
        return kExitOk;
    }
    if (Status s = analyzer.keep(*output); !s) {
        printError(s.error().toString());
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace wake::app
