// wake: the GUI by default; headless subcommands for scripts and tests.
// Subcommands are dispatched before any application object exists, so they
// run with QCoreApplication and need no display.

#include "cli_support.h"
#include "commands/commands.h"
#include "geo/coast_tiles.h"
#include "gui_main.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <functional>
#include <map>

namespace {

const char* const kVersion = WAKE_VERSION;

QString globalHelp()
{
    return QStringLiteral(
               "Wake %1: track ships and replay their voyages on a map.\n"
               "\n"
               "usage: wake [--db PATH]              open the window (the default)\n"
               "       wake COMMAND [OPTIONS]         run a command without a window\n"
               "\n"
               "commands:\n"
               "  vessels                     list the vessels in the database\n"
               "  events [--vessel ID]        list events with their dates and sources\n"
               "                              [--kind K] [--from T] [--to T]\n"
               "  voyages [--vessel ID]       list voyages, reported and detected\n"
               "  ports --near LAT,LON        the ports nearest a position [--limit N]\n"
               "  places                      where ships stop, learned from the data\n"
               "  render --out FILE.png       draw the map headless [--size WxH] [--fit "
               "voyage|BOX]\n"
               "  decode FILE...              AIS NMEA to JSON, gpsd's fields "
               "[--unscaled]\n"
               "  import FILE...              AIS NMEA or CSV into the database "
               "[--start T --rate N]\n"
               "  analyze                     find port visits, voyages, AIS gaps, "
               "encounters ...\n"
               "                              [--preset gfw|skylight] [--vessel ID] "
               "[--dry-run]\n"
               "  live SOURCE...              store live AIS from tcp://, udp://, gpsd://, "
               "serial:, file:\n"
               "                              [--for SECONDS] [--record DIR]\n"
               "  export --vessel ID --out FILE  a track and its events as GPX, KML, GeoJSON "
               "or CSV\n"
               "                              [--from T] [--to T] [--format F]\n"
               "\n"
               "options for every command (before or after it):\n"
               "  --db PATH                   database file (default: %2)\n"
               "  -h, --help                  help for a command: wake COMMAND --help\n"
               "  -v, --version               print the version\n"
               "  --json                      print JSON instead of a table (vessels, "
               "events,\n"
               "                              voyages, ports, places, export)\n"
               "\n"
               "Exit codes: 0 success, 1 failure (a message says why), 2 wrong usage,\n"
               "130 stopped by Ctrl-C.\n")
        .arg(QString::fromLatin1(kVersion), wake::app::defaultDatabasePath());
}

} // namespace

int main(int argc, char* argv[])
{
    wake::app::startTimer();
    using Command = std::function<int(const QStringList&)>;
    const std::map<QString, Command> commands = {
        {QStringLiteral("vessels"), wake::app::runVesselsCommand},
        {QStringLiteral("events"), wake::app::runEventsCommand},
        {QStringLiteral("ports"), wake::app::runPortsCommand},
        {QStringLiteral("places"), wake::app::runPlacesCommand},
        {QStringLiteral("decode"), wake::app::runDecodeCommand},
        {QStringLiteral("import"), wake::app::runImportCommand},
        {QStringLiteral("analyze"), wake::app::runAnalyzeCommand},
        {QStringLiteral("voyages"), wake::app::runVoyagesCommand},
        {QStringLiteral("live"), wake::app::runLiveCommand},
        {QStringLiteral("export"), wake::app::runExportCommand},
    };
    // Options may come before the command ("wake --db X vessels" is "wake
    // vessels --db X"): the command found after them moves to the front. An
    // option's value is any word after it that is not a command.
    const auto isCommand = [&](const QString& word) {
        return commands.contains(word) || word == QLatin1String("render");
    };
    if (argc > 2 && QString::fromLocal8Bit(argv[1]).startsWith(QLatin1String("--"))) {
        for (int i = 1; i < argc; ++i) {
            const QString word = QString::fromLocal8Bit(argv[i]);
            if (isCommand(word)) {
                std::rotate(argv + 1, argv + i, argv + i + 1);
                break;
            }
            const bool takesNext =
                word.startsWith(QLatin1String("--")) && !word.contains(QLatin1Char('=')) &&
                i + 1 < argc && !QString::fromLocal8Bit(argv[i + 1]).startsWith(QLatin1Char('-')) &&
                !isCommand(QString::fromLocal8Bit(argv[i + 1]));
            if (!word.startsWith(QLatin1Char('-'))) {
                break; // a word that is neither an option nor a command: leave it
            }
            i += takesNext ? 1 : 0;
        }
    }
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    QCoreApplication::setApplicationName(QStringLiteral("wake"));
    QCoreApplication::setOrganizationName(QStringLiteral("wake"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        QCoreApplication app(argc, argv);
        wake::app::printOut(globalHelp());
        return wake::app::kExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        QCoreApplication app(argc, argv);
        // Where the harbour-scale coast was found: what a packager or a user
        // with a plain Natural Earth harbour map wants to know.
        const QString coast = wake::geo::CoastTiles::defaultPath();
        wake::app::printOut(
            QStringLiteral("wake %1\ncoast data: %2\n")
                .arg(QString::fromLatin1(kVersion),
                     QFileInfo::exists(coast)
                         ? coast
                         : QStringLiteral("not found (harbours are drawn from Natural Earth)")));
        return wake::app::kExitOk;
    }
    if (const auto it = commands.find(first); it != commands.end()) {
        QCoreApplication app(argc, argv);
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1);
        arguments[0] = QStringLiteral("wake ") + first;
        return it->second(arguments);
    }
#ifdef WAKE_HAS_GUI
    if (first == QLatin1String("render")) {
        return wake::app::runRenderCommand(argc, argv);
    }
#endif
    if (!first.isEmpty() && !first.startsWith(QLatin1Char('-'))) {
        wake::app::printError(
            QStringLiteral("unknown command \"%1\" (commands: vessels, events, "
                           "voyages, ports, render, decode, import, analyze, live, export; "
                           "see wake --help)")
                .arg(first));
        return wake::app::kExitUsage;
    }
    return wake::app::runGui(argc, argv);
}
