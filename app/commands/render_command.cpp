// wake render: the window's map for a view, written to a PNG with no display.
// It uses the same MapRenderer and scene as the window, so the picture is what
// the window shows.

#include "cli_support.h"
#include "commands/commands.h"
#include "map/map_renderer.h"
#include "map/map_scene_loader.h"
#include "reference/port_index.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>

#include <algorithm>

namespace wake::app {

namespace {

std::optional<QSize> parseSize(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const QSize s(m.captured(1).toInt(), m.captured(2).toInt());
    if (s.width() < 64 || s.height() < 64 || s.width() > 8000 || s.height() > 8000) {
        return std::nullopt;
    }
    return s;
}

std::optional<std::pair<model::LatLon, model::LatLon>> parseBox(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4) {
        return std::nullopt;
    }
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok) {
            return std::nullopt;
        }
    }
    const model::LatLon a{std::min(v[0], v[2]), v[1]};
    const model::LatLon b{std::max(v[0], v[2]), v[3]};
    if (!a.isValid() || !b.isValid() || a.latDeg == b.latDeg || v[1] == v[3]) {
        return std::nullopt;
    }
    return std::make_pair(a, b);
}

} // namespace

int runRenderCommand(int argc, char* argv[])
{
    // No display needed: use Qt's offscreen platform unless one is chosen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeAt(1);
    arguments[0] = QStringLiteral("wake render");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Render the map to a PNG file, as the window shows it."));
    addCommonOptions(parser);
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("PNG file to write."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("size"),
                      QStringLiteral("Image size in pixels (default 1600x900)."),
                      QStringLiteral("WxH"), QStringLiteral("1600x900")});
    parser.addOption(
        {QStringLiteral("fit"),
         QStringLiteral("What to frame: \"voyage\" (the default voyage of the first vessel) "
                        "or a box LAT1,LON1,LAT2,LON2."),
         QStringLiteral("WHAT"), QStringLiteral("voyage")});
    parser.addOption({QStringLiteral("time"),
                      QStringLiteral("Replay time to show, ISO 8601 in UTC, e.g. 2013-07-08T12:00Z "
                                     "(default: the start of the default voyage)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("vessel"),
                      QStringLiteral("The vessel to show (default: the first in the list)."),
                      QStringLiteral("ID")});
    const QString usage =
        QStringLiteral("wake render --out FILE.png [--size WxH] [--fit voyage|LAT1,LON1,LAT2,LON2] "
                       "[--time ISO-8601] [--vessel ID] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    if (!parser.isSet(QStringLiteral("out"))) {
        printError(QStringLiteral("--out FILE.png is required"));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    const auto size = parseSize(parser.value(QStringLiteral("size")));
    if (!size) {
        printError(
            QStringLiteral("--size needs WIDTHxHEIGHT in pixels, 64 to 8000 each, not \"%1\"")
                .arg(parser.value(QStringLiteral("size"))));
        return kExitUsage;
    }
    const QString fit = parser.value(QStringLiteral("fit"));
    std::optional<std::pair<model::LatLon, model::LatLon>> box;
    if (fit != QLatin1String("voyage")) {
        box = parseBox(fit);
        if (!box) {
            printError(
                QStringLiteral(
                    "--fit needs \"voyage\" or LAT1,LON1,LAT2,LON2 in decimal degrees, not \"%1\"")
                    .arg(fit));
            return kExitUsage;
        }
    }

    std::optional<std::int64_t> time;
    if (parser.isSet(QStringLiteral("time"))) {
        time = parseUserTime(parser.value(QStringLiteral("time")));
        if (!time) {
            printError(QStringLiteral("--time needs an ISO 8601 time such as 2013-07-08T12:00Z, "
                                      "not \"%1\"")
                           .arg(parser.value(QStringLiteral("time"))));
            return kExitUsage;
        }
    }

    auto db = openDatabase(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    auto vessels = db->listVessels();
    if (reportedFailure(vessels)) {
        return kExitFailure;
    }
    std::optional<model::VesselId> vesselId;
    if (parser.isSet(QStringLiteral("vessel"))) {
        bool ok = false;
        const qint64 id = parser.value(QStringLiteral("vessel")).toLongLong(&ok);
        const bool known = std::any_of(vessels->begin(), vessels->end(),
                                       [&](const model::Vessel& v) { return v.id == id; });
        if (!ok || !known) {
            printError(QStringLiteral("no vessel with id \"%1\" (see 'wake vessels')")
                           .arg(parser.value(QStringLiteral("vessel"))));
            return kExitFailure;
        }
        vesselId = id;
    } else if (!vessels->empty()) {
        vesselId = vessels->front().id;
    }
    auto ports = reference::PortIndex::loadBuiltIn();
    auto scene = ui::loadMapScene(*db, vesselId, ports ? &ports.value() : nullptr);
    if (reportedFailure(scene)) {
        return kExitFailure;
    }
    if (!box && vesselId) {
        box = ui::defaultVoyageBounds(*db, *vesselId);
    }
    ui::MapViewport viewport({0.5, 0.5}, 0, QSizeF(*size));
    if (box) {
        viewport.fit(box->first, box->second);
    }
    if (!time && vesselId) {
        time = ui::defaultReplayTime(*db, *vesselId);
    }
    ui::MapRenderer renderer;
    renderer.setScene(std::move(scene).value());
    renderer.setTime(time);
    QImage image(*size, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&image);
        renderer.paint(painter, viewport);
    }
    if (!image.save(parser.value(QStringLiteral("out")), "PNG")) {
        printError(QStringLiteral("cannot write %1").arg(parser.value(QStringLiteral("out"))));
        return kExitFailure;
    }
    printOut(QStringLiteral("wrote %1 (%2x%3, zoom %4%5)\n")
                 .arg(parser.value(QStringLiteral("out")))
                 .arg(size->width())
                 .arg(size->height())
                 .arg(viewport.zoom(), 0, 'f', 2)
                 .arg(time ? QStringLiteral(", time ") +
                                 QDateTime::fromMSecsSinceEpoch(*time, Qt::UTC)
                                     .toString(QStringLiteral("yyyy-MM-ddTHH:mmZ"))
                           : QString()));
    return kExitOk;
}

} // namespace wake::app
