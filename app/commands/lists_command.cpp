// wake lists: the sanctions and watch lists vessels are checked against (the
// built-in OFAC list and those imported), importing one, removing one.

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/lists/list_library.h"
#include "core/lists/list_reader.h"
#include "core/reference/flag_states.h"
#include "core/util/number_text.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace wake::app {

namespace {

QJsonObject listJson(const lists::WatchList& l)
{
    return QJsonObject{{QStringLiteral("name"), l.name},
                       {QStringLiteral("title"), l.title()},
                       {QStringLiteral("format"), lists::toString(l.format)},
                       {QStringLiteral("snapshot"), l.snapshot.toString(Qt::ISODate)},
                       {QStringLiteral("snapshotBasis"), l.snapshotBasis},
                       {QStringLiteral("ships"), static_cast<double>(l.entries.size())},
                       {QStringLiteral("origin"), l.origin},
                       {QStringLiteral("sha256"), l.sha256},
                       {QStringLiteral("builtIn"), l.builtIn}};
}

int showLists(const QCommandLineParser& parser)
{
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    auto loaded = lists::loadedLists(*db);
    if (reportedFailure(loaded)) {
        return kExitFailure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray out;
        for (const lists::WatchList& l : *loaded) {
            out.append(listJson(l));
        }
        printJson(out);
        return kExitOk;
    }
    std::vector<QStringList> rows;
    for (const lists::WatchList& l : *loaded) {
        rows.push_back({l.name, l.snapshot.toString(Qt::ISODate), l.snapshotBasis,
                        util::countText(static_cast<std::int64_t>(l.entries.size())),
                        lists::displayName(l.format), l.origin});
    }
    printTable({QStringLiteral("LIST"), QStringLiteral("AS OF"), QStringLiteral("DATE FROM"),
                QStringLiteral("SHIPS"), QStringLiteral("FORMAT"), QStringLiteral("ORIGIN")},
               rows);
    return kExitOk;
}

int importList(const QCommandLineParser& parser, const QString& file, const QString& usage)
{
    lists::ListReadOptions options;
    options.name = parser.value(QStringLiteral("name")).trimmed();
    if (parser.isSet(QStringLiteral("date"))) {
        const QDate date = QDate::fromString(parser.value(QStringLiteral("date")), Qt::ISODate);
        if (!date.isValid()) {
            printError(QStringLiteral("--date wants a day like 2024-05-03, not \"%1\"")
                           .arg(parser.value(QStringLiteral("date"))));
            printErr(QStringLiteral("usage: %1\n").arg(usage));
            return kExitUsage;
        }
        options.snapshot = date;
    }
    if (options.name.compare(QLatin1String("OFAC SDN"), Qt::CaseInsensitive) == 0) {
        printError(QStringLiteral("\"OFAC SDN\" is the built-in list's name: give another with "
                                  "--name (for example \"OFAC SDN 2025-01-10\")"));
        return kExitUsage;
    }
    auto flags = reference::FlagStates::loadBuiltIn();
    if (reportedFailure(flags)) {
        return kExitFailure;
    }
    lists::ListReadReport report;
    auto list = lists::readListFile(file, options, *flags, &report);
    if (reportedFailure(list)) {
        return kExitFailure;
    }
    // Without --name an official list would take the built-in list's name.
    if (options.name.isEmpty() && list->name == QLatin1String("OFAC SDN")) {
        list->name = QStringLiteral("OFAC SDN %1").arg(list->snapshot.toString(Qt::ISODate));
    }
    auto db = openDatabase(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    if (reportedFailure(db->storeWatchList(*list))) {
        return kExitFailure;
    }
    printErr(QStringLiteral("%1: %2 ship(s) as \"%3\" (%4), as of %5 (%6); %7 records read, %8 not "
                            "ships, %9 left out\n")
                 .arg(file, util::countText(static_cast<std::int64_t>(list->entries.size())),
                      list->name, lists::displayName(list->format),
                      list->snapshot.toString(Qt::ISODate), list->snapshotBasis,
                      util::countText(report.records), util::countText(report.notShips),
                      util::countText(report.skipped)));
    for (const QString& problem : report.problems) {
        printErr(QStringLiteral("  %1\n").arg(problem));
    }
    if (report.skipped > report.problems.size()) {
        printErr(QStringLiteral("  and %1 more\n").arg(report.skipped - report.problems.size()));
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(listJson(*list));
    }
    if (auto matched = lists::matchStoredVessels(*db, lists::ListMatcher({*list}))) {
        const auto n = static_cast<std::int64_t>(matched->size());
        printErr(QStringLiteral("%1 in the database %2 it (wake vessels --listed)\n")
                     .arg(n == 1 ? QStringLiteral("1 vessel")
                                 : util::countText(n) + QStringLiteral(" vessels"),
                          n == 1 ? QStringLiteral("matches") : QStringLiteral("match")));
    }
    return kExitOk;
}

} // namespace

int runListsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The sanctions and watch lists vessels are checked against: the built-in OFAC SDN list "
        "of 3 May 2024 and those imported. A match says which list, which entry, matched by "
        "what, and the date the list is as of.\n"
        "  wake lists                 what is loaded\n"
        "  wake lists import FILE     OFAC sdn.csv or sdn.xml, the UK consolidated CSV,\n"
        "                             OpenSanctions JSON, or a CSV whose header names\n"
        "                             name, imo, mmsi, callsign, flag, note\n"
        "  wake lists remove NAME     forget an imported list"));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("name"),
                      QStringLiteral("The name to keep the imported list under (a list of that "
                                     "name is replaced)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("date"),
                      QStringLiteral("The day the list is as of, for a file that does not say "
                                     "(OFAC's sdn.csv)."),
                      QStringLiteral("YYYY-MM-DD")});
    const QString usage = QStringLiteral(
        "wake lists [--json] | wake lists import FILE [--name N] [--date YYYY-MM-DD] | "
        "wake lists remove NAME");
    if (auto exit = parseOrExit(parser, arguments, usage, true)) {
        return *exit;
    }
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        return showLists(parser);
    }
    if (words[0] == QLatin1String("import") && words.size() == 2) {
        return importList(parser, words[1], usage);
    }
    if (words[0] == QLatin1String("remove") && words.size() == 2) {
        auto db = openDatabase(parser);
        if (reportedFailure(db)) {
            return kExitFailure;
        }
        auto stored = db->watchLists();
        if (reportedFailure(stored)) {
            return kExitFailure;
        }
        const bool known = std::any_of(stored->begin(), stored->end(),
                                       [&](const auto& l) { return l.name == words[1]; });
        if (!known) {
            printError(QStringLiteral("no imported list is called \"%1\" (wake lists shows them; "
                                      "the built-in list cannot be removed)")
                           .arg(words[1]));
            return kExitFailure;
        }
        if (Status removed = db->removeWatchList(words[1]); !removed) {
            printError(removed.error().toString());
            return kExitFailure;
        }
        printErr(QStringLiteral("removed \"%1\"\n").arg(words[1]));
        return kExitOk;
    }
    printError(QStringLiteral("unknown lists command \"%1\"").arg(words.join(QLatin1Char(' '))));
    printErr(QStringLiteral("usage: %1\n").arg(usage));
    return kExitUsage;
}

} // namespace wake::app
