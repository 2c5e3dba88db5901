// wake report: a vessel's report as PDF or self-contained HTML (ui/report).

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "app/offscreen_app.h"
#include "core/reference/flag_states.h"
#include "core/reference/port_index.h"
#include "ui/report/vessel_report.h"

#include <QFileInfo>

namespace wake::app {

int runReportCommand(int argc, char* argv[])
{
    // No display needed: the map is drawn offscreen.
    OffscreenCommandApp app(argc, argv, QStringLiteral("report"));
    const QStringList& arguments = app.arguments();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a vessel's report: identity and list matches, a map of the span, the timeline, "
        "the behaviour summary, an annex of events with their evidence and rule values, every "
        "source with its link, the data with SHA-256 sums, and what AIS can and cannot show. "
        "PDF or self-contained HTML, by the file's suffix."));
    addCommonOptions(parser, JsonOption::NotOffered);
    parser.addOption(
        {QStringLiteral("vessel"),
         QStringLiteral("The vessel id (wake vessels); the first vessel if not given."),
         QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("from"), QStringLiteral("Start of the span (UTC)."), QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("End of the span (UTC)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("FILE.pdf or FILE.html to write."),
                      QStringLiteral("FILE")});
    const QString usage = QStringLiteral(
        "wake report [--vessel ID] [--from T] [--to T] --out FILE.pdf|FILE.html [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    const QString out = parser.value(QStringLiteral("out"));
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (out.isEmpty() || (suffix != QLatin1String("pdf") && suffix != QLatin1String("html") &&
                          suffix != QLatin1String("htm"))) {
        printError(QStringLiteral("--out wants a FILE.pdf or FILE.html"));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    std::optional<model::VesselId> id;
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
    if (!parseVesselOption(parser, id) || !parseTimeWindow(parser, from, to)) {
        return kExitUsage;
    }
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    if (!id) {
        auto vessels = db->listVessels();
        if (reportedFailure(vessels)) {
            return kExitFailure;
        }
        if (vessels->empty()) {
            printError(QStringLiteral("the database has no vessel to report on"));
            return kExitFailure;
        }
        id = vessels->front().id;
    }
    auto ports = reference::PortIndex::loadBuiltIn();
    auto data = ui::gatherReport(*db, *id, from, to, ports ? &*ports : nullptr);
    if (reportedFailure(data)) {
        return kExitFailure;
    }
    auto flags = reference::FlagStates::loadBuiltIn();
    if (Status written = ui::writeReport(*data, flags ? &*flags : nullptr, out); !written) {
        printError(written.error().toString());
        return kExitFailure;
    }
    printOut(QStringLiteral("wrote %1: %2, events %3, sources %4\n")
                 .arg(out, data->profile.vessel.displayName())
                 .arg(data->events.size())
                 .arg(data->sources.size()));
    return kExitOk;
}

} // namespace wake::app
