// wake profile: one vessel's behaviour over a span (investigate/vessel_profile.h).

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/export/track_export.h"
#include "core/investigate/profile_text.h"
#include "core/lists/list_library.h"

namespace wake::app {

int runProfileCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A vessel's behaviour over a span: port calls and their countries, days with AIS, time "
        "dark and the longest gap, meetings and with whom (listed ships first), loitering, name "
        "and flag changes, and list matches. The whole track unless --from or --to is given."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("vessel"), QStringLiteral("The vessel id (wake vessels)."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("from"), QStringLiteral("Start of the span (UTC)."), QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("End of the span (UTC)."), QStringLiteral("T")});
    const QString usage =
        QStringLiteral("wake profile --vessel ID [--from T] [--to T] [--json] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    std::optional<model::VesselId> id;
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
    if (!parseVesselOption(parser, id) || !parseTimeWindow(parser, from, to)) {
        return kExitUsage;
    }
    if (!id) {
        printError(QStringLiteral("which vessel? give --vessel ID (wake vessels lists them)"));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    auto matcher = lists::loadedMatcher(*db);
    if (reportedFailure(matcher)) {
        return kExitFailure;
    }
    auto profile = investigate::buildProfile(*db, *id, from, to, *matcher);
    if (reportedFailure(profile)) {
        return kExitFailure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(investigate::profileJson(*profile));
        return kExitOk;
    }
    printOut(QStringLiteral("%1 (#%2), %3 to %4\n")
                 .arg(profile->vessel.displayName())
                 .arg(profile->vessel.id)
                 .arg(exporting::isoUtc(profile->fromUtcMs), exporting::isoUtc(profile->toUtcMs)));
    std::vector<QStringList> rows;
    for (const auto& [topic, text] : investigate::profileLines(*profile)) {
        rows.push_back({topic, text});
    }
    printTable({QStringLiteral("TOPIC"), QStringLiteral("SUMMARY")}, rows);
    return kExitOk;
}

} // namespace wake::app
