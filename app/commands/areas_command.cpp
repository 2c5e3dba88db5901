// wake areas: named areas of interest kept in the database, drawn on the map
// and usable by name wherever --area is taken.

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/geo/area.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace wake::app {

int runAreasCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Named areas of interest, kept in the database and drawn on the map; wake events and "
        "wake vessels take their names with --area.\n"
        "  wake areas                      the areas kept\n"
        "  wake areas add NAME AREA        AREA: LAT1,LON1,LAT2,LON2 or a .geojson/.kml file\n"
        "  wake areas remove NAME"));
    addCommonOptions(parser);
    const QString usage =
        QStringLiteral("wake areas [--json] | wake areas add NAME AREA | wake areas remove NAME");
    if (auto exit = parseOrExit(parser, arguments, usage, true)) {
        return *exit;
    }
    const QStringList words = parser.positionalArguments();
    const QString verb = words.value(0);
    const bool add = verb == QLatin1String("add") && words.size() == 3;
    const bool remove = verb == QLatin1String("remove") && words.size() == 2;
    if (!words.isEmpty() && !add && !remove) {
        printError(
            QStringLiteral("unknown areas command \"%1\"").arg(words.join(QLatin1Char(' '))));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    std::optional<geo::Area> area;
    if (add) {
        if (words[1].trimmed().isEmpty()) {
            printError(QStringLiteral("an area needs a name"));
            return kExitUsage;
        }
        auto parsed = geo::parseArea(words[2]);
        if (!parsed) {
            printError(parsed.error().toString());
            return parsed.error().code == Error::Code::InvalidArgument ? kExitUsage : kExitFailure;
        }
        area = parsed->isBox()
                   ? geo::Area::box(parsed->southWest(), parsed->northEast(), words[1].trimmed())
                   : geo::Area::polygon(parsed->ring(), words[1].trimmed());
    }
    auto db = words.isEmpty() ? openDatabaseToRead(parser) : openDatabase(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    if (add) {
        if (Status s = db->storeArea(*area); !s) {
            printError(s.error().toString());
            return kExitFailure;
        }
        printErr(QStringLiteral("kept the area \"%1\" (%2 corners)\n")
                     .arg(area->name())
                     .arg(area->ring().size()));
        return kExitOk;
    }
    auto stored = db->areas();
    if (reportedFailure(stored)) {
        return kExitFailure;
    }
    if (remove) {
        if (std::none_of(stored->begin(), stored->end(),
                         [&](const geo::Area& a) { return a.name() == words[1]; })) {
            printError(
                QStringLiteral("no area is called \"%1\" (wake areas lists them)").arg(words[1]));
            return kExitFailure;
        }
        if (Status s = db->removeArea(words[1]); !s) {
            printError(s.error().toString());
            return kExitFailure;
        }
        printErr(QStringLiteral("removed the area \"%1\"\n").arg(words[1]));
        return kExitOk;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const geo::Area& a : *stored) {
            QJsonArray ring;
            for (const auto& p : a.ring()) {
                ring.append(QJsonArray{p.latDeg, p.lonDeg});
            }
            out.append(QJsonObject{{QStringLiteral("name"), a.name()},
                                   {QStringLiteral("box"), a.isBox()},
                                   {QStringLiteral("ring"), ring}});
        }
        printJson(out);
        return kExitOk;
    }
    std::vector<QStringList> rows;
    for (const geo::Area& a : *stored) {
        rows.push_back({a.name(), a.isBox() ? QStringLiteral("box") : QStringLiteral("polygon"),
                        QString::number(a.ring().size()),
                        QStringLiteral("%1,%2 to %3,%4")
                            .arg(a.southWest().latDeg)
                            .arg(a.southWest().lonDeg)
                            .arg(a.northEast().latDeg)
                            .arg(a.northEast().lonDeg)});
    }
    if (rows.empty()) {
        printErr(
            QStringLiteral("No areas: wake areas add NAME LAT1,LON1,LAT2,LON2 (or a file).\n"));
        return kExitOk;
    }
    printTable({QStringLiteral("AREA"), QStringLiteral("SHAPE"), QStringLiteral("CORNERS"),
                QStringLiteral("BOUNDS")},
               rows);
    return kExitOk;
}

} // namespace wake::app
