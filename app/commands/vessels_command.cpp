#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/ais/ais_texts.h"
#include "core/reference/ais_tables.h"
#include "core/reference/flag_states.h"

#include <QJsonArray>
#include <QJsonObject>

namespace wake::app {

namespace {

QJsonValue jsonOr(const std::optional<QString>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

template <typename T>
QJsonValue jsonOr(const std::optional<T>& v)
{
    return v ? QJsonValue(static_cast<double>(*v)) : QJsonValue(QJsonValue::Null);
}

} // namespace

int runVesselsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the vessels in the database."));
    addCommonOptions(parser);
    const QString usage = QStringLiteral("wake vessels [--json] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    auto vessels = db->listVessels();
    if (reportedFailure(vessels)) {
        return kExitFailure;
    }
    auto flags = reference::FlagStates::loadBuiltIn();
    auto flagName = [&](const std::optional<QString>& alpha2) -> std::optional<QString> {
        if (!alpha2 || !flags) {
            return std::nullopt;
        }
        return flags->countryName(*alpha2);
    };

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const auto& v : *vessels) {
            out.append(QJsonObject{
                {QStringLiteral("id"), static_cast<double>(v.id)},
                {QStringLiteral("name"), jsonOr(v.name)},
                {QStringLiteral("mmsi"), jsonOr(v.mmsi)},
                {QStringLiteral("imo"), jsonOr(v.imo)},
                {QStringLiteral("callSign"), jsonOr(v.callSign)},
                {QStringLiteral("flag"), jsonOr(v.flagAlpha2)},
                {QStringLiteral("flagName"), jsonOr(flagName(v.flagAlpha2))},
                {QStringLiteral("aisShipType"), jsonOr(v.aisShipType)},
                {QStringLiteral("vesselType"), jsonOr(v.vesselType)},
                {QStringLiteral("typeText"),
                 reference::vesselTypeText(v.vesselType, v.aisShipType)},
                {QStringLiteral("lengthM"), jsonOr(v.lengthM)},
                {QStringLiteral("beamM"), jsonOr(v.beamM)},
                {QStringLiteral("draughtM"), jsonOr(v.draughtM)},
                {QStringLiteral("grossTonnage"), jsonOr(v.grossTonnage)},
                {QStringLiteral("yearBuilt"), jsonOr(v.yearBuilt)},
            });
        }
        printJson(out);
        return kExitOk;
    }
    std::vector<QStringList> rows;
    for (const auto& v : *vessels) {
        rows.push_back({QString::number(v.id), v.displayName(),
                        v.mmsi ? QString::number(*v.mmsi) : QStringLiteral("unknown"),
                        v.imo ? QString::number(*v.imo) : QStringLiteral("-"), orDash(v.callSign),
                        v.flagAlpha2
                            ? *v.flagAlpha2 + QStringLiteral(" ") + orDash(flagName(v.flagAlpha2))
                            : QStringLiteral("-"),
                        orDash(reference::vesselTypeText(v.vesselType, v.aisShipType))});
    }
    printTable({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("MMSI"),
                QStringLiteral("IMO"), QStringLiteral("CALL SIGN"), QStringLiteral("FLAG"),
                QStringLiteral("TYPE")},
               rows);
    return kExitOk;
}

} // namespace wake::app
