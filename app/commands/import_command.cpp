// wake import: AIS files (NMEA, MarineCadastre CSV, DMA CSV) into the store,
// with progress, a clean stop on Ctrl-C and a summary of what was rejected.

#include "app/analysis_runner.h"
#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "app/interrupt.h"
#include "core/analysis/rules_settings.h"
#include "core/io/ais_import.h"
#include "core/util/number_text.h"

#include <QElapsedTimer>

#include <cstdio>
#include <optional>
#include <unistd.h>

namespace wake::app {

namespace {

QString duration(double seconds)
{
    const auto s = static_cast<long long>(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// A bar redrawn in place on a terminal; a plain line every few seconds into
// a pipe or a log file.
class ProgressPrinter
{
public:
    explicit ProgressPrinter(QString name) : m_name(std::move(name)), m_tty(isatty(STDERR_FILENO))
    {
        m_timer.start();
    }

    bool operator()(const io::ImportProgress& p)
    {
        const qint64 ms = m_timer.elapsed();
        const bool due = m_tty ? ms - m_lastMs >= 100 : ms - m_lastMs >= 5000;
        if (due) {
            m_lastMs = ms;
            print(p, ms);
        }
        return !InterruptGuard::interrupted();
    }

    void done(const io::ImportProgress& p)
    {
        if (m_tty) {
            print(p, m_timer.elapsed());
            std::fputc('\n', stderr);
        }
    }

private:
    void print(const io::ImportProgress& p, qint64 ms)
    {
        const double seconds = std::max<double>(ms, 1) / 1000.0;
        const double rate = static_cast<double>(p.lines) / seconds;
        const double fraction =
            p.totalBytes > 0 ? static_cast<double>(p.bytesRead) / static_cast<double>(p.totalBytes)
                             : 0.0;
        QString left;
        if (fraction > 0.0 && fraction < 1.0) {
            left = QStringLiteral(", %1 left").arg(duration(seconds * (1.0 - fraction) / fraction));
        }
        const QString numbers =
            QStringLiteral("%1 lines, %2 lines/s, %3 positions stored%4")
                .arg(util::countText(p.lines), util::countText(static_cast<std::int64_t>(rate)),
                     util::countText(p.positionsStored), left);
        if (m_tty) {
            constexpr int kWidth = 24;
            const int filled = static_cast<int>(fraction * kWidth);
            const QString bar =
                QString(filled, QLatin1Char('#')) + QString(kWidth - filled, QLatin1Char('.'));
            printErr(QStringLiteral("\r[%1] %2% %3\x1b[K")
                         .arg(bar)
                         .arg(static_cast<int>(fraction * 100.0), 3)
                         .arg(numbers));
        } else {
            printErr(QStringLiteral("%1: %2% %3\n")
                         .arg(m_name)
                         .arg(static_cast<int>(fraction * 100.0))
                         .arg(numbers));
        }
    }

    QString m_name;
    bool m_tty;
    QElapsedTimer m_timer;
    qint64 m_lastMs = -5000; // the first report is printed at once
};

} // namespace

int runImportCommand(const QStringList& arguments)
{
    // Ctrl-C from here on stops the import at the next batch, cleanly.
    const InterruptGuard interruptGuard;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import AIS data into the database: NMEA logs (AIVDM/AIVDO, times from NMEA 4.0 tag\n"
        "blocks), MarineCadastre CSV and Danish Maritime Authority CSV, plain, .gz or .zip\n"
        "(each file in the archive in turn). Ctrl-C stops cleanly: what was read so far is\n"
        "kept."));
    addCommonOptions(parser, JsonOption::NotOffered);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("AIS file to import."),
                                 QStringLiteral("FILE..."));
    parser.addOption(
        {QStringLiteral("start"),
         QStringLiteral("For NMEA logs without times: the UTC time of the first line."),
         QStringLiteral("ISO-TIME")});
    parser.addOption(
        {QStringLiteral("rate"),
         QStringLiteral("For NMEA logs without times: lines per second (with --start)."),
         QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("batch-rows"),
         QStringLiteral("Positions per transaction (default 2,000,000): fewer means earlier "
                        "commits and more writing."),
         QStringLiteral("N")});
    parser.addOption({QStringLiteral("no-analysis"),
                      QStringLiteral("Do not find events and voyages in what was imported.")});
    const QString usage = QStringLiteral("wake import FILE... [--db PATH] [--start ISO-TIME --rate "
                                         "LINES-PER-SECOND] [--no-analysis]");
    if (auto exit = parseOrExit(parser, arguments, usage, true)) {
        return *exit;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        printError(QStringLiteral("no input: give one or more AIS files"));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    io::ImportOptions options;
    if (parser.isSet(QStringLiteral("start")) != parser.isSet(QStringLiteral("rate"))) {
        printError(QStringLiteral("--start and --rate go together"));
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("start"))) {
        options.startUtcMs = parseUserTime(parser.value(QStringLiteral("start")));
        const auto rate = parseFiniteNumber(parser.value(QStringLiteral("rate")));
        options.linesPerSecond = rate.value_or(0.0);
        if (!options.startUtcMs) {
            printError(QStringLiteral("--start wants a time like 2013-07-08T12:00:00Z, not \"%1\"")
                           .arg(parser.value(QStringLiteral("start"))));
            return kExitUsage;
        }
        if (!rate || !(options.linesPerSecond > 0.0)) {
            printError(
                QStringLiteral("--rate wants a positive number of lines per second, not \"%1\"")
                    .arg(parser.value(QStringLiteral("rate"))));
            return kExitUsage;
        }
    }
    if (parser.isSet(QStringLiteral("batch-rows"))) {
        bool ok = false;
        const qlonglong rows = parser.value(QStringLiteral("batch-rows")).toLongLong(&ok);
        if (!ok || rows < 1) {
            printError(QStringLiteral("--batch-rows wants a positive whole number, not \"%1\"")
                           .arg(parser.value(QStringLiteral("batch-rows"))));
            return kExitUsage;
        }
        options.batchRows = static_cast<std::size_t>(rows);
    }
    auto db = openDatabase(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }

    // What analysis needs after the import is loaded while the import reads.
    std::optional<AnalysisReferenceLoader> reference;
    if (!parser.isSet(QStringLiteral("no-analysis"))) {
        reference.emplace();
    }
    io::AisImporter importer(*db, options);
    bool failed = false;
    std::vector<model::VesselId> touched;
    io::ImportSummary whole; // the vessels this command saw whole, over every file
    for (const QString& file : files) {
        ProgressPrinter printer(file);
        io::ImportProgress last;
        auto summary = importer.importFile(file, [&](const io::ImportProgress& p) {
            last = p;
            return printer(p);
        });
        printer.done(last);
        // A file that could not be opened or recognised gets its error only.
        if (summary || importer.lastSummary().lines > 0) {
            printErr(io::formatImportSummary(importer.lastSummary()));
        }
        if (reportedFailure(summary)) {
            failed = true;
        }
        if (InterruptGuard::interrupted()) {
            printErr(QStringLiteral("Stopped by Ctrl-C. Everything read before it is stored; "
                                    "the database is consistent.\n"));
            return kExitInterrupted;
        }
        touched.insert(touched.end(), importer.lastSummary().touchedVessels.begin(),
                       importer.lastSummary().touchedVessels.end());
        io::mergeCompleteVessels(whole, importer.lastSummary());
    }
    // Events and voyages follow the data: the vessels this import touched
    // are analysed again with the saved rules.
    if (!touched.empty() && !parser.isSet(QStringLiteral("no-analysis"))) {
        AnalysisCommandOptions analysis;
        analysis.rules = analysis::loadSavedRules();
        analysis.vessels = std::move(touched);
        analysis.knownStops.vessels = std::move(whole.completeVessels);
        analysis.knownStops.cells = std::move(whole.completeStops);
        const int code = analyseAndReport(*db, analysis, &*reference);
        if (code != kExitOk) {
            return code;
        }
    }
    return failed ? kExitFailure : kExitOk;
}

} // namespace wake::app
