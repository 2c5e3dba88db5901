#include "app/commands/command_table.h"

#include "app/commands/commands.h"

#include <algorithm>

namespace wake::app {

const std::vector<CommandEntry>& commandTable()
{
    static const std::vector<CommandEntry> table = {
        {QStringLiteral("vessels"),
         QStringLiteral("vessels [--listed]"),
         {QStringLiteral("list the vessels in the database, with list matches"),
          QStringLiteral("[--area A [--from T] [--to T]]: who was there when")},
         runVesselsCommand},
        {QStringLiteral("events"),
         QStringLiteral("events [--vessel ID]"),
         {QStringLiteral("list events with their dates and sources"),
          QStringLiteral("[--kind K] [--from T] [--to T] [--area A]"),
          QStringLiteral("[--flag CC] [--type N] [--listed]")},
         runEventsCommand},
        {QStringLiteral("voyages"),
         QStringLiteral("voyages [--vessel ID]"),
         {QStringLiteral("list voyages, reported and detected")},
         runVoyagesCommand},
        {QStringLiteral("calls"),
         QStringLiteral("calls [--port P] [--country CC]"),
         {QStringLiteral("the port-call ledger: observed, reported, possible"),
          QStringLiteral("[--vessel ID] [--from T] [--to T] [--by port|country|vessel]")},
         runCallsCommand},
        {QStringLiteral("profile"),
         QStringLiteral("profile --vessel ID"),
         {QStringLiteral("a vessel's behaviour: calls, dark time, meetings ..."),
          QStringLiteral("[--from T] [--to T]")},
         runProfileCommand},
        {QStringLiteral("areas"),
         QStringLiteral("areas [add NAME AREA]"),
         {QStringLiteral("named areas of interest, drawn on the map"),
          QStringLiteral("| remove NAME")},
         runAreasCommand},
        {QStringLiteral("case"),
         QStringLiteral("case [note|review|export|import]"),
         {QStringLiteral("notes, bookmarks and review states; the case file")},
         runCaseCommand},
        {QStringLiteral("ports"),
         QStringLiteral("ports --near LAT,LON"),
         {QStringLiteral("the ports nearest a position [--limit N]")},
         runPortsCommand},
        {QStringLiteral("places"),
         QStringLiteral("places"),
         {QStringLiteral("where ships stop, learned from the data")},
         runPlacesCommand},
        {QStringLiteral("lists"),
         QStringLiteral("lists [import FILE]"),
         {QStringLiteral("sanctions and watch lists: OFAC, UK, OpenSanctions, CSV"),
          QStringLiteral("[--name N] [--date YYYY-MM-DD] | remove NAME")},
         runListsCommand},
        {QStringLiteral("watch"),
         QStringLiteral("watch SOURCE... --rules FILE"),
         {QStringLiteral("live AIS watched: areas, lists, dark, CPA, distress"),
          QStringLiteral("[--for S] [--record DIR]: each alert as it happens")},
         runWatchCommand},
        {QStringLiteral("alerts"),
         QStringLiteral("alerts --rules FILE"),
         {QStringLiteral("the watch's rules over the stored history [--from T] [--to T]"),
          QStringLiteral("| log [--unacknowledged] | ack ID | snooze MMSI RULE --minutes N")},
         runAlertsCommand},
        {QStringLiteral("render"),
         QStringLiteral("render --out FILE.png"),
         {QStringLiteral("draw the map headless [--size WxH] [--fit voyage|BOX]")},
         nullptr,
         runRenderCommand},
        {QStringLiteral("report"),
         QStringLiteral("report --out FILE.pdf|.html"),
         {QStringLiteral("a vessel's sourced report [--vessel ID] [--from T] [--to T]")},
         nullptr,
         runReportCommand},
        {QStringLiteral("decode"),
         QStringLiteral("decode FILE..."),
         {QStringLiteral("AIS NMEA to JSON, gpsd's fields [--unscaled]")},
         runDecodeCommand},
        {QStringLiteral("import"),
         QStringLiteral("import FILE..."),
         {QStringLiteral("AIS NMEA or CSV into the database [--start T --rate N]")},
         runImportCommand},
        {QStringLiteral("analyze"),
         QStringLiteral("analyze"),
         {QStringLiteral("find port visits, voyages, AIS gaps, encounters ..."),
          QStringLiteral("[--preset gfw|skylight] [--vessel ID] [--dry-run]")},
         runAnalyzeCommand},
        {QStringLiteral("live"),
         QStringLiteral("live SOURCE..."),
         {QStringLiteral("store live AIS from tcp://, udp://, gpsd://, serial:, file:"),
          QStringLiteral("[--for SECONDS] [--record DIR]")},
         runLiveCommand},
        {QStringLiteral("export"),
         QStringLiteral("export --vessel ID --out FILE"),
         {QStringLiteral("a track and its events as GPX, KML, GeoJSON or CSV"),
          QStringLiteral("[--from T] [--to T] [--format F]")},
         runExportCommand},
    };
    return table;
}

const CommandEntry* findCommand(const QString& name)
{
    const auto& table = commandTable();
    const auto it = std::find_if(table.begin(), table.end(),
                                 [&](const CommandEntry& c) { return c.name == name; });
    return it == table.end() ? nullptr : &*it;
}

QString commandNames()
{
    QStringList names;
    for (const CommandEntry& c : commandTable()) {
        names << c.name;
    }
    return names.join(QStringLiteral(", "));
}

QString globalHelp(const QString& version, const QString& defaultDatabase)
{
    constexpr int kColumn = 30; // where the descriptions start
    QString commands;
    for (const CommandEntry& c : commandTable()) {
        QString first = QStringLiteral("  ") + c.synopsis;
        if (first.size() + 1 > kColumn) {
            // A long synopsis gets its own line, its description under it.
            commands += first + QLatin1Char('\n');
            first.clear();
        }
        for (const QString& line : c.description) {
            commands += first.leftJustified(kColumn) + line + QLatin1Char('\n');
            first.clear();
        }
    }
    return QStringLiteral(
               "Wake %1: track ships and replay their voyages on a map.\n"
               "\n"
               "usage: wake [--db PATH] [--scenario]  open the window (the default)\n"
               "            [--vessel ID] [--time T] [--fit LAT1,LON1,LAT2,LON2]\n"
               "                                      on a vessel, at a time, framing a box\n"
               "       wake COMMAND [OPTIONS]         run a command without a window\n"
               "\n"
               "commands:\n"
               "%3"
               "\n"
               "options for every command (before or after it):\n"
               "  --db PATH                   database file; a new one is empty unless\n"
               "                              --scenario is given (default, with it:\n"
               "                              %2)\n"
               "  --scenario                  put the built-in Chong Chon Gang scenario in it\n"
               "  -h, --help                  help for a command: wake COMMAND --help\n"
               "  -v, --version               print the version\n"
               "  --json                      print JSON instead of a table (vessels, events,\n"
               "                              voyages, calls, profile, case, areas, ports,\n"
               "                              places, lists, export, watch, alerts)\n"
               "\n"
               "Exit codes: 0 success, 1 failure (a message says why), 2 wrong usage,\n"
               "130 stopped by Ctrl-C.\n")
        .arg(version, defaultDatabase, commands);
}

} // namespace wake::app
