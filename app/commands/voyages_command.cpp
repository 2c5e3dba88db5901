// wake voyages: the voyages in the database, the scenario's and those
// analysis found between port visits.

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/reference/port_index.h"
#include "core/util/number_text.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace wake::app {

namespace {

QJsonValue isoOrNull(const std::optional<model::TimeSpan>& span)
{
    if (!span) {
        return QJsonValue();
    }
    return QDateTime::fromMSecsSinceEpoch(span->startUtcMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

int runVoyagesCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List voyages: the scenario's as reported, and those analysis found between port\n"
        "visits (wake analyze), with their ports, times and distance."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("vessel"), QStringLiteral("Only voyages of this vessel id."),
                      QStringLiteral("ID")});
    const QString usage = QStringLiteral("wake voyages [--vessel ID] [--json] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    std::optional<model::VesselId> vesselId;
    if (!parseVesselOption(parser, vesselId)) {
        return kExitUsage;
    }
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    auto voyages = db->voyages(vesselId);
    if (reportedFailure(voyages)) {
        return kExitFailure;
    }
    // Port names: the database's own ports first (a scenario's), then the reference.
    auto stored = db->listPorts();
    if (reportedFailure(stored)) {
        return kExitFailure;
    }
    auto reference = reference::PortIndex::loadBuiltIn();
    auto portName = [&](const QString& locode) -> QString {
        for (const model::Port& p : *stored) {
            if (p.locode == locode) {
                return p.name;
            }
        }
        if (reference) {
            if (const model::Port* p = reference->byLocode(locode)) {
                return p->name;
            }
        }
        return {};
    };
    auto portJson = [&](const QString& locode) -> QJsonValue {
        if (locode.isEmpty()) {
            return QJsonValue();
        }
        return QJsonObject{{QStringLiteral("unlocode"), locode},
                           {QStringLiteral("name"), portName(locode)}};
    };

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const model::Voyage& v : *voyages) {
            out.append(QJsonObject{
                {QStringLiteral("id"), static_cast<double>(v.id)},
                {QStringLiteral("vesselId"), static_cast<double>(v.vesselId)},
                {QStringLiteral("name"), v.name},
                {QStringLiteral("origin"), portJson(v.originLocode)},
                {QStringLiteral("destination"), portJson(v.destinationLocode)},
                {QStringLiteral("departure"), isoOrNull(v.departure)},
                {QStringLiteral("arrival"), isoOrNull(v.arrival)},
                {QStringLiteral("distanceNm"),
                 v.distanceNm ? QJsonValue(*v.distanceNm) : QJsonValue()},
                {QStringLiteral("aisGapHours"),
                 v.aisGapMs ? QJsonValue(static_cast<double>(*v.aisGapMs) / 3.6e6) : QJsonValue()},
                {QStringLiteral("detected"), v.origin == QLatin1String("analysis")},
            });
        }
        printJson(out);
        return kExitOk;
    }
    auto names = vesselNamesById(*db);
    if (reportedFailure(names)) {
        return kExitFailure;
    }
    std::vector<QStringList> rows;
    for (const model::Voyage& v : *voyages) {
        auto port = [&](const QString& locode) {
            const QString name = portName(locode);
            return locode.isEmpty()
                       ? QStringLiteral("-")
                       : (name.isEmpty()
                              ? locode
                              : name + QStringLiteral(" (") + locode + QStringLiteral(")"));
        };
        auto when = [](const std::optional<model::TimeSpan>& s) {
            return s ? model::formatTimeSpan(*s) : QStringLiteral("-");
        };
        const auto vessel = names->find(v.vesselId);
        rows.push_back({QString::number(v.id),
                        vessel != names->end() ? vessel->second : QString::number(v.vesselId),
                        orDash(v.name), port(v.originLocode), when(v.departure),
                        port(v.destinationLocode), when(v.arrival),
                        v.distanceNm ? util::decimalText(*v.distanceNm, 1) : QStringLiteral("-"),
                        v.origin == QLatin1String("analysis") ? QStringLiteral("detected")
                                                              : QStringLiteral("reported")});
    }
    printTable({QStringLiteral("ID"), QStringLiteral("VESSEL"), QStringLiteral("NAME"),
                QStringLiteral("FROM"), QStringLiteral("DEPARTURE"), QStringLiteral("TO"),
                QStringLiteral("ARRIVAL"), QStringLiteral("NM"), QStringLiteral("SOURCE")},
               rows);
    return kExitOk;
}

} // namespace wake::app
