#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/ais/ais_texts.h"
#include "core/export/track_export.h"
#include "core/investigate/fleet_query.h"
#include "core/lists/list_library.h"
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

QJsonArray listsJson(const std::vector<lists::ListMatch>& matches)
{
    QJsonArray out;
    for (const lists::ListMatch& m : matches) {
        out.append(QJsonObject{{QStringLiteral("list"), m.list},
                               {QStringLiteral("entry"), m.entryId},
                               {QStringLiteral("entryName"), m.entryName},
                               {QStringLiteral("program"), m.program},
                               {QStringLiteral("snapshot"), m.snapshot.toString(Qt::ISODate)},
                               {QStringLiteral("matchedBy"), lists::toString(m.basis)},
                               {QStringLiteral("matchedValue"), m.matchedValue},
                               {QStringLiteral("weak"), m.weak()},
                               {QStringLiteral("text"), m.describe()}});
    }
    return out;
}

// "OFAC SDN 17069 (imo)", one per match.
QString listsText(const std::vector<lists::ListMatch>& matches)
{
    QStringList parts;
    for (const lists::ListMatch& m : matches) {
        parts << QStringLiteral("%1 %2 (%3)").arg(m.list, m.entryId, lists::toString(m.basis));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

int runVesselsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the vessels in the database."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("listed"),
                      QStringLiteral("Only vessels that match a sanctions or watch list (wake "
                                     "lists).")});
    parser.addOption({QStringLiteral("area"),
                      QStringLiteral("Only vessels with a fix inside: LAT1,LON1,LAT2,LON2 (two "
                                     "corners), a .geojson or .kml file with a polygon, or a "
                                     "stored area's name; with their first and last fix there."),
                      QStringLiteral("AREA")});
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("Only fixes at or after this UTC time count."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("Only fixes at or before this UTC time count."),
                      QStringLiteral("T")});
    const QString usage = QStringLiteral(
        "wake vessels [--listed] [--area AREA [--from T] [--to T]] [--json] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
    if (!parseTimeWindow(parser, from, to)) {
        return kExitUsage;
    }
    if ((from || to) && !parser.isSet(QStringLiteral("area"))) {
        printError(QStringLiteral("--from and --to go with --area: who was in an area when"));
        return kExitUsage;
    }
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    std::optional<geo::Area> area;
    if (auto exit = readAreaOption(*db, parser, area)) {
        return *exit;
    }
    auto vessels = db->listVessels();
    if (reportedFailure(vessels)) {
        return kExitFailure;
    }
    auto matcher = lists::loadedMatcher(*db);
    if (reportedFailure(matcher)) {
        return kExitFailure;
    }
    auto matches = lists::matchStoredVessels(*db, *matcher);
    if (reportedFailure(matches)) {
        return kExitFailure;
    }
    if (parser.isSet(QStringLiteral("listed"))) {
        std::erase_if(*vessels, [&](const model::Vessel& v) { return !matches->count(v.id); });
    }
    std::map<model::VesselId, investigate::AreaPresence> presence;
    if (area) {
        auto inArea = investigate::vesselsInArea(*db, *area, from.value_or(INT64_MIN),
                                                 to.value_or(INT64_MAX));
        if (reportedFailure(inArea)) {
            return kExitFailure;
        }
        for (const auto& p : *inArea) {
            presence.emplace(p.vesselId, p);
        }
        std::erase_if(*vessels, [&](const model::Vessel& v) { return !presence.count(v.id); });
        // In the order they came into the area.
        std::sort(vessels->begin(), vessels->end(), [&](const auto& a, const auto& b) {
            return presence.at(a.id).firstUtcMs != presence.at(b.id).firstUtcMs
                       ? presence.at(a.id).firstUtcMs < presence.at(b.id).firstUtcMs
                       : a.id < b.id;
        });
    }
    auto matchesOf = [&](model::VesselId id) {
        const auto it = matches->find(id);
        return it == matches->end() ? std::vector<lists::ListMatch>() : it->second;
    };
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
                {QStringLiteral("lists"), listsJson(matchesOf(v.id))},
            });
            if (const auto it = presence.find(v.id); it != presence.end()) {
                QJsonObject o = out.last().toObject();
                o.insert(QStringLiteral("inArea"),
                         QJsonObject{
                             {QStringLiteral("firstUtc"), exporting::isoUtc(it->second.firstUtcMs)},
                             {QStringLiteral("lastUtc"), exporting::isoUtc(it->second.lastUtcMs)},
                             {QStringLiteral("fixes"), static_cast<double>(it->second.fixes)}});
                out.replace(out.size() - 1, o);
            }
        }
        printJson(out);
        return kExitOk;
    }
    std::vector<QStringList> rows;
    for (const auto& v : *vessels) {
        QStringList inArea;
        if (const auto it = presence.find(v.id); it != presence.end()) {
            inArea << exporting::isoUtc(it->second.firstUtcMs)
                   << exporting::isoUtc(it->second.lastUtcMs);
        }
        rows.push_back(
            inArea +
            QStringList{QString::number(v.id), v.displayName(),
                        v.mmsi ? QString::number(*v.mmsi) : QStringLiteral("unknown"),
                        v.imo ? QString::number(*v.imo) : QStringLiteral("-"), orDash(v.callSign),
                        v.flagAlpha2
                            ? *v.flagAlpha2 + QStringLiteral(" ") + orDash(flagName(v.flagAlpha2))
                            : QStringLiteral("-"),
                        orDash(reference::vesselTypeText(v.vesselType, v.aisShipType)),
                        orDash(listsText(matchesOf(v.id)))});
    }
    const QStringList areaHeader =
        area ? QStringList{QStringLiteral("FIRST IN AREA"), QStringLiteral("LAST IN AREA")}
             : QStringList();
    printTable(areaHeader + QStringList{QStringLiteral("ID"), QStringLiteral("NAME"),
                                        QStringLiteral("MMSI"), QStringLiteral("IMO"),
                                        QStringLiteral("CALL SIGN"), QStringLiteral("FLAG"),
                                        QStringLiteral("TYPE"), QStringLiteral("LISTS")},
               rows);
    return kExitOk;
}

} // namespace wake::app
