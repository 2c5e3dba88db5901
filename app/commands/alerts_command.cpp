// wake alerts: the watch's rules over the stored history (watch/history_alerts.h),
// printed as `wake watch` prints them live; and the alarm log the live watch
// keeps: listed, acknowledged, snoozed.

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "app/commands/watch_support.h"
#include "app/interrupt.h"
#include "core/export/track_export.h"
#include "core/investigate/case_file.h"
#include "core/watch/history_alerts.h"

#include <QDateTime>
#include <QJsonArray>

namespace wake::app {

namespace {

int overHistory(const QCommandLineParser& parser)
{
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
    if (!parseTimeWindow(parser, from, to)) {
        return kExitUsage;
    }
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    int exitCode = kExitOk;
    auto loaded = loadWatch(*db, parser.value(QStringLiteral("rules")), exitCode);
    if (!loaded) {
        return exitCode;
    }
    const watch::WatchRules& rules = loaded->rules;
    const bool json = parser.isSet(QStringLiteral("json"));
    bool needsOwnShip = false;
    for (const watch::WatchRule& r : rules.rules) {
        needsOwnShip =
            needsOwnShip || r.kind == watch::RuleKind::Cpa || r.kind == watch::RuleKind::Guard;
    }
    if (needsOwnShip && !rules.ownShipMmsi) {
        printErr(QStringLiteral(
            "note: the cpa and guard rules need an own ship; over history it is named "
            "in the rules: \"ownShip\": {\"mmsi\": N}\n"));
    }
    watch::HistoryRun run;
    run.fromUtcMs = from;
    run.toUtcMs = to;
    std::int64_t count = 0;
    const Status status = watch::runOverHistory(
        *db, rules, &loaded->matcher, run,
        [&](const watch::Alert& a) {
            printAlert(a, json);
            ++count;
        },
        [] { return InterruptGuard::interrupted(); });
    if (!status) {
        printError(status.error().toString());
        return kExitFailure;
    }
    if (run.cancelled) {
        printErr(QStringLiteral("Stopped: %1 alerts over %2 positions so far.\n")
                     .arg(count)
                     .arg(run.positions));
        return kExitInterrupted;
    }
    printErr(QStringLiteral("%1 alerts over %2 positions.\n").arg(count).arg(run.positions));
    return kExitOk;
}

int showLog(const QCommandLineParser& parser)
{
    store::AlertFilter filter;
    if (!parseTimeWindow(parser, filter.fromUtcMs, filter.toUtcMs)) {
        return kExitUsage;
    }
    filter.unacknowledgedOnly = parser.isSet(QStringLiteral("unacknowledged"));
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    auto alerts = db->alerts(filter);
    if (reportedFailure(alerts)) {
        return kExitFailure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const watch::Alert& a : *alerts) {
            QJsonObject o = watch::alertJson(a);
            o.insert(QStringLiteral("id"), static_cast<qint64>(a.id));
            o.insert(QStringLiteral("snoozed"), a.snoozed);
            out.append(o);
        }
        printJson(out);
        return kExitOk;
    }
    std::vector<QStringList> rows;
    for (const watch::Alert& a : *alerts) {
        rows.push_back({QString::number(a.id), exporting::isoUtc(a.timeUtcMs), a.rule, a.text(),
                        a.isAcknowledged()
                            ? QStringLiteral("%1, %2").arg(a.acknowledgedBy,
                                                           exporting::isoUtc(*a.acknowledgedUtcMs))
                            : (a.snoozed ? QStringLiteral("snoozed") : QStringLiteral("-"))});
    }
    if (rows.empty()) {
        printErr(QStringLiteral("No alerts in the log (wake watch keeps them).\n"));
        return kExitOk;
    }
    printTable({QStringLiteral("id"), QStringLiteral("time"), QStringLiteral("rule"),
                QStringLiteral("alert"), QStringLiteral("acknowledged")},
               rows);
    return kExitOk;
}

int acknowledge(const QCommandLineParser& parser, const QStringList& words)
{
    bool ok = false;
    const std::int64_t id = words.value(1).toLongLong(&ok);
    if (words.size() != 2 || !ok) {
        printError(QStringLiteral("usage: wake alerts ack ID (the id wake alerts log shows)"));
        return kExitUsage;
    }
    auto db = openDatabase(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    const QString by = parser.value(QStringLiteral("by")).isEmpty()
                           ? investigate::defaultAuthor()
                           : parser.value(QStringLiteral("by"));
    auto done = db->acknowledgeAlert(id, by, QDateTime::currentMSecsSinceEpoch());
    if (reportedFailure(done)) {
        return kExitFailure;
    }
    if (!*done) {
        printError(QStringLiteral("no unacknowledged alert %1 (wake alerts log --unacknowledged)")
                       .arg(id));
        return kExitFailure;
    }
    printErr(QStringLiteral("Alert %1 acknowledged by %2.\n").arg(id).arg(by));
    return kExitOk;
}

int snooze(const QCommandLineParser& parser, const QStringList& words)
{
    bool ok = false;
    const std::uint32_t mmsi = words.value(1).toUInt(&ok);
    const auto minutes = parseFiniteNumber(parser.value(QStringLiteral("minutes")));
    if (words.size() != 3 || !ok || mmsi == 0 || !minutes || *minutes <= 0 || *minutes > 10'080) {
        printError(QStringLiteral("usage: wake alerts snooze MMSI RULE --minutes N (1 to 10080)"));
        return kExitUsage;
    }
    auto db = openDatabase(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    const std::int64_t until =
        QDateTime::currentMSecsSinceEpoch() + static_cast<std::int64_t>(*minutes * 60'000.0);
    const QString by = parser.value(QStringLiteral("by")).isEmpty()
                           ? investigate::defaultAuthor()
                           : parser.value(QStringLiteral("by"));
    if (const Status s = db->snoozeAlerts(mmsi, words[2], until, by); !s) {
        printError(s.error().toString());
        return kExitFailure;
    }
    printErr(QStringLiteral("%1 alerts for MMSI %2 snoozed until %3.\n")
                 .arg(words[2])
                 .arg(mmsi)
                 .arg(exporting::isoUtc(until)));
    return kExitOk;
}

} // namespace

int runAlertsCommand(const QStringList& arguments)
{
    const InterruptGuard interruptGuard;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The watch over history: the rules file's alerts over the stored positions, printed "
        "as wake watch prints them live (--json: one JSON object a line). Or the alarm log "
        "wake watch keeps: log, ack ID, snooze MMSI RULE --minutes N."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("rules"), QStringLiteral("The rules file (JSON)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("Start (UTC)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("to"), QStringLiteral("End (UTC)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("unacknowledged"),
                      QStringLiteral("log: only alerts not yet acknowledged.")});
    parser.addOption(
        {QStringLiteral("minutes"), QStringLiteral("snooze: for how long."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("ack, snooze: who (default: the user's name)."),
                      QStringLiteral("NAME")});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("log | ack | snooze"));
    const QString usage =
        QStringLiteral("wake alerts --rules FILE [--from T] [--to T] [--json] [--db PATH]\n"
                       "       wake alerts log [--unacknowledged] [--json] | ack ID | snooze MMSI "
                       "RULE --minutes N");
    if (auto exit = parseOrExit(parser, arguments, usage, true)) {
        return *exit;
    }
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        if (!parser.isSet(QStringLiteral("rules"))) {
            printError(QStringLiteral("which rules? give --rules FILE, or log, ack or snooze"));
            printErr(QStringLiteral("usage: %1\n").arg(usage));
            return kExitUsage;
        }
        return overHistory(parser);
    }
    if (words[0] == QLatin1String("log") && words.size() == 1) {
        return showLog(parser);
    }
    if (words[0] == QLatin1String("ack")) {
        return acknowledge(parser, words);
    }
    if (words[0] == QLatin1String("snooze")) {
        return snooze(parser, words);
    }
    printError(QStringLiteral("unknown action \"%1\" (log, ack, snooze)")
                   .arg(words.join(QLatin1Char(' '))));
    printErr(QStringLiteral("usage: %1\n").arg(usage));
    return kExitUsage;
}

} // namespace wake::app
