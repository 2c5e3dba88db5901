// wake live: stores what live sources send until --for has passed or Ctrl-C,
// then prints a summary per source on standard error. wake watch: the same,
// watched with a rules file (live/live_watch.h).

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "app/commands/watch_support.h"
#include "app/interrupt.h"
#include "core/ais/decode_summary.h"
#include "core/live/live_session.h"
#include "core/live/live_watch.h"
#include "core/scenario/scenario_installer.h"
#include "core/util/number_text.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

namespace wake::app {

namespace {

QString sourceSummary(const live::SourceStatus& s, double seconds)
{
    const auto n = util::countText;
    QString out = QStringLiteral("%1 (%2): %3\n").arg(s.name, s.url, live::toString(s.state));
    out += QStringLiteral("  %1 lines, %2 messages (%3 a second), %4 position reports\n")
               .arg(n(s.counters.lines), n(s.decode.messages))
               .arg(util::decimalText(
                   seconds > 0 ? static_cast<double>(s.decode.messages) / seconds : 0.0, 1))
               .arg(n(s.positions));
    out += QStringLiteral("  %1 duplicates (%2 %), %3 reconnects, %4 stalls, %5 errors%6\n")
               .arg(n(s.duplicates))
               .arg(util::decimalText(100.0 * s.duplicateShare(), 1))
               .arg(n(s.counters.reconnects), n(s.counters.stalls), n(s.counters.errors),
                    s.counters.lastError.isEmpty()
                        ? QString()
                        : QStringLiteral(" (last: %1)").arg(s.counters.lastError));
    if (s.decode.rejected() == 0) {
        out += QStringLiteral("  rejected: none\n");
    } else {
        out += QStringLiteral("  rejected: %1\n").arg(n(s.decode.rejected()));
        for (int i = 0; i < ais::kRejectionCount; ++i) {
            const auto reason = static_cast<ais::Rejection>(i);
            if (s.decode[reason].count > 0) {
                out += QStringLiteral("  ") +
                       ais::formatRejectionLine(ais::describe(reason), s.decode[reason]);
            }
        }
    }
    return out;
}

// "NAME=URL" names a source; a plain URL is named after itself.
live::LiveSourceConfig sourceConfig(const QString& argument)
{
    live::LiveSourceConfig config;
    const int equals = argument.indexOf(QLatin1Char('='));
    const int scheme = argument.indexOf(QLatin1Char(':'));
    if (equals > 0 && (scheme < 0 || equals < scheme)) {
        config.name = argument.left(equals);
        config.url = argument.mid(equals + 1);
    } else {
        config.url = argument;
    }
    return config;
}

} // namespace

// wake live, and wake watch: the same with a rules file, each alert printed
// as it happens and kept in the alarm log.
int runLive(const QStringList& arguments, bool watching)
{
    const InterruptGuard interruptGuard;
    QCommandLineParser parser;
    const QString command = watching ? QStringLiteral("watch") : QStringLiteral("live");
    parser.setApplicationDescription(
        (watching ? QStringLiteral("Receive live AIS as wake live does, and watch it with a rules "
                                   "file: each alert is printed as it happens (--json: one JSON "
                                   "object a line) and kept in the alarm log (wake alerts log). "
                                   "Distress is always watched.\n")
                  : QString()) +
        QStringLiteral("Receive live AIS from one or more sources and store it, until --for has "
                       "passed or Ctrl-C.\nEach SOURCE is a URL, optionally named as "
                       "NAME=URL:\n%1")
            .arg(live::acceptedSourceForms()));
    addCommonOptions(parser, watching ? JsonOption::Offered : JsonOption::NotOffered);
    if (watching) {
        parser.addOption({QStringLiteral("rules"), QStringLiteral("The rules file (JSON)."),
                          QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("own-ship"),
                          QStringLiteral("Own ship's GPS: a source URL giving NMEA RMC, GGA, VTG "
                                         "and HDT (serial:, gpsd://, tcp://, file:). Without it, "
                                         "own ship comes from VDO sentences."),
                          QStringLiteral("SOURCE")});
    }
    parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("Where AIS comes from."),
                                 QStringLiteral("SOURCE..."));
    parser.addOption({QStringLiteral("for"),
                      QStringLiteral("Stop after this many seconds (exit 0)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("record"),
                      QStringLiteral("Keep every line received, stamped with its time and "
                                     "source, in a file a day under this folder."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("no-data-timeout"),
                      QStringLiteral("Seconds without data before a source counts as stalled "
                                     "(default 60)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("lost-after"),
                      QStringLiteral("A target is lost after this many missed reports at its ITU "
                                     "reporting interval (default 6)."),
                      QStringLiteral("N")});
    const QString usage =
        watching ? QStringLiteral("wake watch SOURCE... --rules FILE [--json] [--db PATH] [--for "
                                  "SECONDS] [--record DIR]")
                 : QStringLiteral("wake live SOURCE... [--db PATH] [--for SECONDS] [--record DIR]");
    if (auto exit = parseOrExit(parser, arguments, usage, true)) {
        return *exit;
    }
    const QStringList sources = parser.positionalArguments();
    if (sources.isEmpty()) {
        printError(QStringLiteral("no source: give one or more URLs. Accepted forms:\n%1")
                       .arg(live::acceptedSourceForms()));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    if (watching && !parser.isSet(QStringLiteral("rules"))) {
        printError(QStringLiteral("which rules? give --rules FILE"));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    // Every URL is checked before anything is opened.
    std::vector<live::LiveSourceConfig> configs;
    for (const QString& argument : sources) {
        live::LiveSourceConfig config = sourceConfig(argument);
        if (auto url = live::parseSourceUrl(config.url); !url) {
            printError(url.error().message);
            return kExitUsage;
        }
        configs.push_back(config);
    }
    if (watching && parser.isSet(QStringLiteral("own-ship"))) {
        live::LiveSourceConfig own;
        own.name = QStringLiteral("own-ship");
        own.url = parser.value(QStringLiteral("own-ship"));
        own.ownShip = true;
        if (auto url = live::parseSourceUrl(own.url); !url) {
            printError(QStringLiteral("--own-ship: %1").arg(url.error().message));
            return kExitUsage;
        }
        configs.push_back(own);
    }
    auto positiveSeconds = [&](const QString& option, double& out) {
        if (!parser.isSet(option)) {
            return true;
        }
        const auto seconds = parseFiniteNumber(parser.value(option));
        out = seconds.value_or(0.0);
        if (!seconds || !(out > 0.0)) {
            printError(QStringLiteral("--%1 wants a positive number of seconds, not \"%2\"")
                           .arg(option, parser.value(option)));
            return false;
        }
        return true;
    };
    double forSeconds = 0.0;
    double noDataSeconds = 60.0;
    if (!positiveSeconds(QStringLiteral("for"), forSeconds) ||
        !positiveSeconds(QStringLiteral("no-data-timeout"), noDataSeconds)) {
        return kExitUsage;
    }
    int lostAfter = live::TargetTable::kDefaultLostIntervals;
    if (parser.isSet(QStringLiteral("lost-after"))) {
        bool ok = false;
        lostAfter = parser.value(QStringLiteral("lost-after")).toInt(&ok);
        if (!ok || lostAfter <= live::TargetTable::kStaleIntervals) {
            printError(QStringLiteral("--lost-after wants a whole number above %1 (the stale "
                                      "point), not \"%2\"")
                           .arg(live::TargetTable::kStaleIntervals)
                           .arg(parser.value(QStringLiteral("lost-after"))));
            return kExitUsage;
        }
    }
    // The store opens at once; the built-in scenario a new database gets
    // (seconds) goes in on another connection while the sources already
    // read, so a feed's first seconds are not lost (their lines wait).
    const QString target = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                                              : defaultDatabasePath();
    auto db = store::Database::open(target);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    live::LiveOptions options;
    options.lostIntervals = lostAfter;
    options.recordFolder = parser.value(QStringLiteral("record"));
    options.timing.noDataTimeoutMs = static_cast<int>(noDataSeconds * 1000.0);
    live::LiveSession session(*db, options);
    QObject::connect(&session, &live::LiveSession::storeFailed, [](const QString& message) {
        printError(QStringLiteral("cannot store: %1").arg(message));
    });
    std::unique_ptr<live::LiveWatch> watcher;
    if (watching) {
        int exitCode = kExitOk;
        auto loaded = loadWatch(*db, parser.value(QStringLiteral("rules")), exitCode);
        if (!loaded) {
            return exitCode;
        }
        session.setOwnShipMmsi(loaded->rules.ownShipMmsi);
        watcher = std::make_unique<live::LiveWatch>(*db, session, std::move(loaded->rules),
                                                    std::move(loaded->matcher));
        const bool json = parser.isSet(QStringLiteral("json"));
        QObject::connect(watcher.get(), &live::LiveWatch::alertRaised,
                         [json](const watch::Alert& a) { printAlert(a, json); });
        QObject::connect(watcher.get(), &live::LiveWatch::storeFailed, [](const QString& message) {
            printError(QStringLiteral("cannot keep an alert: %1").arg(message));
        });
    }
    for (const live::LiveSourceConfig& config : configs) {
        if (Status s = session.addSource(config); !s) {
            printError(s.error().toString());
            return s.error().code == Error::Code::InvalidArgument ? kExitUsage : kExitFailure;
        }
    }
    session.holdLines();
    std::optional<Error> installError;
    std::atomic<bool> installed{false};
    const bool withScenario =
        !parser.isSet(QStringLiteral("db")) || parser.isSet(QStringLiteral("scenario"));
    std::thread installer([&] {
        auto other = openStore(target, withScenario);
        if (!other) {
            installError = other.error();
        }
        installed = true;
        QMetaObject::invokeMethod(
            &session,
            [&] {
                if (!installError) {
                    session.releaseLines();
                } else {
                    QCoreApplication::quit();
                }
            },
            Qt::QueuedConnection);
    });
    // Scripts (and the tests) wait for this line before they send.
    printErr(QStringLiteral("wake %1: receiving from %2 source(s)%3; Ctrl-C stops\n")
                 .arg(command)
                 .arg(configs.size())
                 .arg(forSeconds > 0.0 ? QStringLiteral(" for %1 s").arg(forSeconds) : QString()));
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    QTimer watch;
    watch.setInterval(100);
    QObject::connect(&watch, &QTimer::timeout, [&] {
        const double elapsed =
            static_cast<double>(QDateTime::currentMSecsSinceEpoch() - started) / 1000.0;
        if (InterruptGuard::interrupted() || (forSeconds > 0.0 && elapsed >= forSeconds)) {
            QCoreApplication::quit();
        }
    });
    watch.start();
    QCoreApplication::exec();
    if (!installed) {
        printErr(QStringLiteral("wake %1: stopping; the new database is still being set up, "
                                "and what was read is stored once it is\n")
                     .arg(command));
    }
    installer.join();
    if (installError) {
        printError(installError->toString());
        return kExitFailure;
    }
    session.releaseLines(); // when it ended before the release was delivered
    session.stop();         // the sources' last lines, then the last commit
    const double seconds =
        static_cast<double>(QDateTime::currentMSecsSinceEpoch() - started) / 1000.0;

    std::int64_t bytesReceived = 0;
    for (const live::SourceStatus& s : session.sourceStatus()) {
        printErr(sourceSummary(s, seconds));
        bytesReceived += s.counters.bytes;
    }
    const live::SessionCounts& counts = session.counts();
    printErr(
        QStringLiteral("stored %1 positions, %2 new vessels, %3 AIS gaps in %4 s%5\n")
            .arg(util::countText(counts.positionsStored), util::countText(counts.vesselsCreated),
                 util::countText(counts.gapEvents), util::decimalText(seconds, 1),
                 session.recorder() ? QStringLiteral("; recorded %1 lines in %2")
                                          .arg(util::countText(session.recorder()->linesWritten()),
                                               session.recorder()->folder())
                                    : QString()));
    if (watcher) {
        printErr(
            QStringLiteral("raised %1 alerts\n").arg(util::countText(watcher->alertsRaised())));
    }
    if (counts.heldLinesDropped > 0) {
        printError(QStringLiteral("%1 lines read while the new database was being prepared did "
                                  "not fit in memory and were dropped")
                       .arg(counts.heldLinesDropped));
    }
    if (counts.storeErrors > 0) {
        printError(QStringLiteral("%1 store errors, the last: %2")
                       .arg(counts.storeErrors)
                       .arg(counts.lastStoreError));
        return kExitFailure;
    }
    if (InterruptGuard::interrupted()) {
        return kExitInterrupted;
    }
    // A run that heard nothing is not a success a script should take for one.
    if (bytesReceived == 0) {
        printError(QStringLiteral("nothing was received from any source in %1 s")
                       .arg(util::decimalText(seconds, 1)));
        return kExitFailure;
    }
    return kExitOk;
}

int runLiveCommand(const QStringList& arguments)
{
    return runLive(arguments, false);
}

int runWatchCommand(const QStringList& arguments)
{
    return runLive(arguments, true);
}

} // namespace wake::app
