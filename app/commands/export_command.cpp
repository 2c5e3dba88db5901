#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/export/track_export.h"
#include "core/export/track_parts.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace wake::app {

int runExportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export one vessel's track and events for QGIS, Google Earth or a spreadsheet. Points "
        "Wake did not receive over AIS say so (reported, reconstructed) in every format."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("vessel"), QStringLiteral("The vessel id (wake vessels)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("Start of the window (UTC)."),
                      QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("End of the window (UTC)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("gpx, kml, geojson or csv (default: from the extension)."),
                      QStringLiteral("F")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("FILE")});
    const QString usage = QStringLiteral("wake export --vessel ID [--from T] [--to T] "
                                         "[--format gpx|kml|geojson|csv] --out FILE [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    std::optional<model::VesselId> vesselId;
    if (!parseVesselOption(parser, vesselId)) {
        return kExitUsage;
    }
    if (!vesselId) {
        printError(QStringLiteral("--vessel ID is needed (wake vessels lists them)\nusage: ") +
                   usage);
        return kExitUsage;
    }
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        printError(QStringLiteral("--out FILE is needed\nusage: ") + usage);
        return kExitUsage;
    }
    exporting::ExportFormat format = exporting::ExportFormat::Gpx;
    if (parser.isSet(QStringLiteral("format"))) {
        auto named = exporting::exportFormatFromName(parser.value(QStringLiteral("format")));
        if (!named) {
            printError(named.error().message);
            return kExitUsage;
        }
        format = *named;
    } else if (auto fromPath = exporting::exportFormatFromPath(out)) {
        format = *fromPath;
    } else {
        printError(QStringLiteral("cannot tell the format from \"%1\": give --format gpx, kml, "
                                  "geojson or csv, or a file ending so")
                       .arg(out));
        return kExitUsage;
    }
    exporting::ExportRequest request;
    request.vesselId = *vesselId;
    request.fromUtcMs = std::numeric_limits<std::int64_t>::min() / 2;
    request.toUtcMs = std::numeric_limits<std::int64_t>::max() / 2;
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
    if (!parseTimeWindow(parser, from, to)) {
        return kExitUsage;
    }
    request.fromUtcMs = from.value_or(request.fromUtcMs);
    request.toUtcMs = to.value_or(request.toUtcMs);
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    auto data = exporting::loadTrackExport(*db, request);
    if (reportedFailure(data)) {
        return kExitFailure;
    }
    if (Status s = exporting::writeExport(*data, format, out); !s) {
        printError(s.error().toString());
        return s.error().code == Error::Code::InvalidArgument ? kExitUsage : kExitFailure;
    }
    std::array<int, 3> byProvenance{};
    for (const auto& p : data->points) {
        ++byProvenance[static_cast<std::size_t>(p.provenance)];
    }
    const auto parts = exporting::splitTrack(data->points, exporting::gapEvents(data->events));
    if (parser.isSet(QStringLiteral("json"))) {
        printOut(QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{QStringLiteral("file"), out},
                            {QStringLiteral("format"), exporting::extensionOf(format)},
                            {QStringLiteral("points"), static_cast<qint64>(data->points.size())},
                            {QStringLiteral("observed"), byProvenance[0]},
                            {QStringLiteral("reported"), byProvenance[1]},
                            {QStringLiteral("reconstructed"), byProvenance[2]},
                            {QStringLiteral("parts"), static_cast<qint64>(parts.size())},
                            {QStringLiteral("events"), static_cast<qint64>(data->events.size())}})
                .toJson(QJsonDocument::Compact) +
            '\n'));
    } else {
        printOut(QStringLiteral("wrote %1: %2 points (%3 observed, %4 reported, %5 reconstructed) "
                                "in %6 parts, %7 events\n")
                     .arg(out)
                     .arg(data->points.size())
                     .arg(byProvenance[0])
                     .arg(byProvenance[1])
                     .arg(byProvenance[2])
                     .arg(parts.size())
                     .arg(data->events.size()));
    }
    if (data->points.empty()) {
        printErr(QStringLiteral("wake: warning: the vessel has no positions in that window; the "
                                "file has its events only\n"));
    }
    return kExitOk;
}

} // namespace wake::app
