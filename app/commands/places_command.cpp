#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/export/track_export.h"
#include "core/util/number_text.h"

#include <QJsonArray>
#include <QJsonObject>

namespace wake::app {

int runPlacesCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the places where ships stop that Wake learned from the data: harbours, marinas, "
        "anchorages and fleeting areas where several vessels stayed stationary (from the last "
        "analysis), with the nearest listed port."));
    addCommonOptions(parser);
    const QString usage = QStringLiteral("wake places [--json] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    auto places = db->learnedPlaces();
    if (reportedFailure(places)) {
        return kExitFailure;
    }
    std::sort(places->begin(), places->end(), [](const auto& a, const auto& b) {
        return a.vessels != b.vessels ? a.vessels > b.vessels : a.port.name < b.port.name;
    });
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const places::LearnedPlace& p : *places) {
            out.append(QJsonObject{
                {QStringLiteral("name"), p.port.name},
                {QStringLiteral("kind"), places::toString(p.kind)},
                {QStringLiteral("lat"), p.port.position.latDeg},
                {QStringLiteral("lon"), p.port.position.lonDeg},
                {QStringLiteral("radiusKm"), p.port.radiusKm},
                {QStringLiteral("vessels"), p.vessels},
                {QStringLiteral("stationaryHours"), static_cast<double>(p.stoppedMs) / 3.6e6},
                {QStringLiteral("firstUtc"), exporting::isoUtc(p.firstUtcMs)},
                {QStringLiteral("lastUtc"), exporting::isoUtc(p.lastUtcMs)},
                {QStringLiteral("nearestPort"), p.nearestPort},
                {QStringLiteral("nearestPortKm"), p.nearestPortKm},
            });
        }
        printJson(out);
        return kExitOk;
    }
    if (places->empty()) {
        printErr(QStringLiteral("No learned places: import AIS with its analysis (wake import) "
                                "or run wake analyze first.\n"));
        return kExitOk;
    }
    std::vector<QStringList> rows;
    for (const places::LearnedPlace& p : *places) {
        rows.push_back({p.port.name, places::toString(p.kind), util::countText(p.vessels),
                        QString::number(p.port.position.latDeg, 'f', 4),
                        QString::number(p.port.position.lonDeg, 'f', 4),
                        util::decimalText(p.port.radiusKm, 1), p.nearestPort,
                        util::decimalText(p.nearestPortKm, 1)});
    }
    printTable({QStringLiteral("PLACE"), QStringLiteral("KIND"), QStringLiteral("VESSELS"),
                QStringLiteral("LAT"), QStringLiteral("LON"), QStringLiteral("RADIUS KM"),
                QStringLiteral("NEAREST PORT"), QStringLiteral("KM")},
               rows);
    return kExitOk;
}

} // namespace wake::app
