// wake calls: the port-call ledger (investigate/port_calls.h), by port, by
// country and by vessel, with the possible calls AIS gaps leave open.

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/investigate/port_calls.h"
#include "core/reference/flag_states.h"
#include "core/util/number_text.h"

#include <QJsonArray>
#include <QJsonObject>

#include <map>

namespace wake::app {

namespace {

QString durationText(const std::optional<std::int64_t>& ms)
{
    if (!ms) {
        return QStringLiteral("-");
    }
    const double hours = static_cast<double>(*ms) / 3.6e6;
    return hours < 48 ? util::decimalText(hours, 1) + QStringLiteral(" h")
                      : util::decimalText(hours / 24, 1) + QStringLiteral(" d");
}

QJsonValue spanJson(const std::optional<model::TimeSpan>& t)
{
    if (!t) {
        return QJsonValue(QJsonValue::Null);
    }
    return QJsonObject{{QStringLiteral("display"), model::formatTimeSpan(*t)},
                       {QStringLiteral("precision"), model::toString(t->precision)},
                       {QStringLiteral("startUtcMs"), static_cast<double>(t->startUtcMs)},
                       {QStringLiteral("endUtcMs"), static_cast<double>(t->endUtcMs)}};
}

} // namespace

int runCallsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The port-call ledger: each call of each vessel with arrival, departure and duration. "
        "Observed calls are port visits found in AIS; reported ones a source's arrival and the "
        "next departure; possible ones the ports an AIS gap left within reach (never counted as "
        "calls)."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("port"),
                      QStringLiteral("Only calls at this port: a UN/LOCODE or part of its name."),
                      QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("country"),
                      QStringLiteral("Only calls in this country (ISO code)."),
                      QStringLiteral("CC")});
    parser.addOption({QStringLiteral("vessel"), QStringLiteral("Only calls of this vessel id."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("Only calls that end at or after this UTC time."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("Only calls that start at or before this UTC time."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("no-possible"),
                      QStringLiteral("Leave out the possible calls of AIS gaps.")});
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("Count calls by port, country or vessel instead of listing "
                                     "them."),
                      QStringLiteral("port|country|vessel")});
    const QString usage = QStringLiteral(
        "wake calls [--port UNLOCODE|NAME] [--country CC] [--vessel ID] [--from T] [--to T] "
        "[--no-possible] [--by port|country|vessel] [--json] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    investigate::CallFilter filter;
    filter.port = parser.value(QStringLiteral("port")).trimmed();
    filter.country = parser.value(QStringLiteral("country")).trimmed().toUpper();
    filter.withPossible = !parser.isSet(QStringLiteral("no-possible"));
    if (!parseVesselOption(parser, filter.vesselId) ||
        !parseTimeWindow(parser, filter.fromUtcMs, filter.toUtcMs)) {
        return kExitUsage;
    }
    const QString by = parser.value(QStringLiteral("by"));
    if (!by.isEmpty() && by != QLatin1String("port") && by != QLatin1String("country") &&
        by != QLatin1String("vessel")) {
        printError(QStringLiteral("--by is port, country or vessel, not \"%1\"").arg(by));
        return kExitUsage;
    }
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    store::EventFilter eventFilter;
    eventFilter.vesselId = filter.vesselId;
    auto events = db->events(eventFilter);
    if (reportedFailure(events)) {
        return kExitFailure;
    }
    auto flags = reference::FlagStates::loadBuiltIn();
    auto names = vesselNamesById(*db);
    if (reportedFailure(names)) {
        return kExitFailure;
    }
    std::vector<investigate::PortCall> calls;
    for (auto& c : investigate::portCalls(*events, flags ? &*flags : nullptr)) {
        if (investigate::passes(c, filter)) {
            calls.push_back(std::move(c));
        }
    }
    auto nameOf = [&](model::VesselId id) {
        const auto it = names->find(id);
        return it == names->end() ? QStringLiteral("#%1").arg(id) : it->second;
    };
    if (!by.isEmpty()) {
        struct Count
        {
            std::int64_t calls = 0;
            std::int64_t possible = 0;
            std::int64_t durationMs = 0;
        };
        std::map<QString, Count> counts;
        for (const auto& c : calls) {
            const QString key =
                by == QLatin1String("port")
                    ? c.port + (c.locode.isEmpty()
                                    ? QString()
                                    : QStringLiteral(" (") + c.locode + QLatin1Char(')'))
                : by == QLatin1String("country")
                    ? (c.country.isEmpty() ? QStringLiteral("unknown") : c.country)
                    : QStringLiteral("%1 %2").arg(c.vesselId).arg(nameOf(c.vesselId));
            Count& n = counts[key];
            if (c.basis == investigate::CallBasis::Possible) {
                ++n.possible;
            } else {
                ++n.calls;
                n.durationMs += c.durationMs().value_or(0);
            }
        }
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray out;
            for (const auto& [key, n] : counts) {
                out.append(QJsonObject{
                    {by, key},
                    {QStringLiteral("calls"), static_cast<double>(n.calls)},
                    {QStringLiteral("possible"), static_cast<double>(n.possible)},
                    {QStringLiteral("hoursInPort"), static_cast<double>(n.durationMs) / 3.6e6}});
            }
            printJson(out);
            return kExitOk;
        }
        std::vector<QStringList> rows;
        for (const auto& [key, n] : counts) {
            rows.push_back({key, util::countText(n.calls), util::countText(n.possible),
                            durationText(n.durationMs)});
        }
        printTable({by.toUpper(), QStringLiteral("CALLS"), QStringLiteral("POSSIBLE"),
                    QStringLiteral("TIME IN PORT")},
                   rows);
        return kExitOk;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const auto& c : calls) {
            out.append(QJsonObject{
                {QStringLiteral("vesselId"), static_cast<double>(c.vesselId)},
                {QStringLiteral("vessel"), nameOf(c.vesselId)},
                {QStringLiteral("port"), c.port},
                {QStringLiteral("unlocode"), c.locode},
                {QStringLiteral("country"), c.country},
                {QStringLiteral("arrival"), spanJson(c.arrival)},
                {QStringLiteral("departure"), spanJson(c.departure)},
                {QStringLiteral("durationHours"),
                 c.durationMs() ? QJsonValue(static_cast<double>(*c.durationMs()) / 3.6e6)
                                : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("durationByDate"), c.durationIsByDate()},
                {QStringLiteral("basis"), investigate::toString(c.basis)},
                {QStringLiteral("eventId"), static_cast<double>(c.eventId)},
                {QStringLiteral("detourNm"), c.basis == investigate::CallBasis::Possible
                                                 ? QJsonValue(c.detourNm)
                                                 : QJsonValue(QJsonValue::Null)},
            });
        }
        printJson(out);
        return kExitOk;
    }
    std::vector<QStringList> rows;
    for (const auto& c : calls) {
        const bool possible = c.basis == investigate::CallBasis::Possible;
        rows.push_back(
            {nameOf(c.vesselId), c.port, orDash(c.locode), orDash(c.country),
             possible    ? QStringLiteral("during the gap")
             : c.arrival ? model::formatTimeSpan(*c.arrival)
                         : QStringLiteral("not reported"),
             possible      ? model::formatTimeSpan(*c.departure)
             : c.departure ? model::formatTimeSpan(*c.departure)
                           : QStringLiteral("not reported"),
             durationText(c.durationMs()) + (c.durationIsByDate() && c.durationMs()
                                                 ? QStringLiteral(" (by date)")
                                                 : QString()),
             possible ? QStringLiteral("possible (+%1 nm)").arg(util::decimalText(c.detourNm, 1))
                      : investigate::toString(c.basis)});
    }
    printTable({QStringLiteral("VESSEL"), QStringLiteral("PORT"), QStringLiteral("LOCODE"),
                QStringLiteral("COUNTRY"), QStringLiteral("ARRIVAL"), QStringLiteral("DEPARTURE"),
                QStringLiteral("DURATION"), QStringLiteral("BASIS")},
               rows);
    return kExitOk;
}

} // namespace wake::app
