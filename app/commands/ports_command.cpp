#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/geo/geodesy.h"
#include "core/reference/port_index.h"
#include "core/util/number_text.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace wake::app {

namespace {

std::optional<model::LatLon> parseLatLon(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 2) {
        return std::nullopt;
    }
    bool okLat = false;
    bool okLon = false;
    const model::LatLon p{parts[0].trimmed().toDouble(&okLat), parts[1].trimmed().toDouble(&okLon)};
    if (!okLat || !okLon || !p.isValid()) {
        return std::nullopt;
    }
    return p;
}

} // namespace

int runPortsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Find the ports nearest to a position (World Port Index, UN/LOCODE and the database's own "
        "ports)."));
    addCommonOptions(parser);
    parser.addOption(
        {QStringLiteral("near"),
         QStringLiteral("Position in decimal degrees, e.g. 9.36,-79.88 (north and east "
                        "positive)."),
         QStringLiteral("LAT,LON")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("How many ports (1-1000, default 10)."), QStringLiteral("N"),
                      QStringLiteral("10")});
    const QString usage =
        QStringLiteral("wake ports --near LAT,LON [--limit N] [--json] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    if (!parser.isSet(QStringLiteral("near"))) {
        printError(QStringLiteral("--near LAT,LON is required"));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    const auto position = parseLatLon(parser.value(QStringLiteral("near")));
    if (!position) {
        printError(
            QStringLiteral("--near needs LAT,LON in decimal degrees with latitude -90..90 and "
                           "longitude -180..180, not \"%1\"")
                .arg(parser.value(QStringLiteral("near"))));
        return kExitUsage;
    }
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > 1000) {
        printError(QStringLiteral("--limit needs a whole number from 1 to 1000, not \"%1\"")
                       .arg(parser.value(QStringLiteral("limit"))));
        return kExitUsage;
    }

    auto reference = reference::PortIndex::loadBuiltIn();
    if (reportedFailure(reference)) {
        return kExitFailure;
    }
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    auto own = db->listPorts();
    if (reportedFailure(own)) {
        return kExitFailure;
    }
    // The reference ports, plus database ports they do not already have (the
    // scenario's terminal and canal locks).
    std::vector<model::Port> ports = reference->ports();
    for (const model::Port& p : *own) {
        if (p.locode.isEmpty() || reference->byLocode(p.locode) == nullptr) {
            ports.push_back(p);
        }
    }
    const auto index = reference::PortIndex::fromPorts(std::move(ports));
    const auto nearest = index.nearest(*position, static_cast<std::size_t>(limit));

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const auto& n : nearest) {
            out.append(QJsonObject{
                {QStringLiteral("locode"),
                 n.port->locode.isEmpty() ? QJsonValue() : QJsonValue(n.port->locode)},
                {QStringLiteral("name"), n.port->name},
                {QStringLiteral("country"), n.port->countryAlpha2},
                {QStringLiteral("lat"), n.port->position.latDeg},
                {QStringLiteral("lon"), n.port->position.lonDeg},
                {QStringLiteral("kind"), model::toString(n.port->kind)},
                {QStringLiteral("distanceKm"), n.distanceM / 1000.0},
                {QStringLiteral("distanceNm"), n.distanceM / geo::kMetresPerNauticalMile},
                {QStringLiteral("origin"), n.port->origin},
            });
        }
        printJson(out);
        return kExitOk;
    }
    std::vector<QStringList> rows;
    for (const auto& n : nearest) {
        rows.push_back(
            {n.port->locode.isEmpty() ? QStringLiteral("-") : n.port->locode, n.port->name,
             n.port->countryAlpha2, QString::number(n.port->position.latDeg, 'f', 4),
             QString::number(n.port->position.lonDeg, 'f', 4),
             util::decimalText(n.distanceM / 1000.0, 1),
             util::decimalText(n.distanceM / geo::kMetresPerNauticalMile, 1), n.port->origin});
    }
    printTable({QStringLiteral("LOCODE"), QStringLiteral("NAME"), QStringLiteral("COUNTRY"),
                QStringLiteral("LAT"), QStringLiteral("LON"), QStringLiteral("KM"),
                QStringLiteral("NM"), QStringLiteral("SOURCE")},
               rows);
    return kExitOk;
}

} // namespace wake::app
