// wake render: the window's map for a view, written to a PNG with no display,
// or a replay of it as a video (ffmpeg, run as a program) or numbered PNG
// frames. It uses the same MapRenderer and scene as the window, so the
// picture is what the window shows.

#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "app/interrupt.h"
#include "app/offscreen_app.h"
#include "core/reference/port_index.h"
#include "ui/map/map_renderer.h"
#include "ui/map/map_scene_loader.h"
#include "ui/video/frame_sink.h"
#include "ui/video/replay_video.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>

#include <algorithm>
#include <cstring>
#include <optional>

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

int renderVideo(const QCommandLineParser& parser, ui::MapRenderer& renderer,
                ui::MapViewport viewport, const ui::ReplayVideoOptions& options)
{
    // H.264 wants even sizes: round down, keep the view's centre.
    const QSize size = ui::evenVideoSize(viewport.size().toSize());
    viewport.setSize(QSizeF(size));
    std::unique_ptr<ui::FrameSink> sink;
    QString target;
    if (parser.isSet(QStringLiteral("frames"))) {
        target = parser.value(QStringLiteral("frames"));
        sink = std::make_unique<ui::PngFramesSink>(target);
    } else {
        target = parser.value(QStringLiteral("video"));
        const QString ffmpeg = ui::findFfmpeg();
        if (ffmpeg.isEmpty()) {
            printError(ui::ffmpegMissingMessage());
            return kExitFailure;
        }
        auto started = ui::FfmpegSink::start(ffmpeg, target, size, options.fps);
        if (reportedFailure(started)) {
            return kExitFailure;
        }
        sink = std::move(started).value();
    }
    InterruptGuard interrupt;
    int lastTenth = -1;
    const Status s =
        ui::renderReplayVideo(renderer, viewport, options, *sink, [&](int done, int total) {
            if (const int tenth = done * 10 / total; tenth != lastTenth) {
                lastTenth = tenth;
                printErr(QStringLiteral("wake render: frame %1 of %2\n").arg(done).arg(total));
            }
            return !InterruptGuard::interrupted();
        });
    if (InterruptGuard::interrupted()) {
        printError(QStringLiteral("stopped; %1 was not kept").arg(target));
        return kExitInterrupted;
    }
    if (!s) {
        printError(s.error().toString());
        return kExitFailure;
    }
    printOut(QStringLiteral("wrote %1 (%2x%3, %4 frames at %5 fps, %6 to %7 UTC)\n")
                 .arg(target)
                 .arg(size.width())
                 .arg(size.height())
                 .arg(options.frameCount())
                 .arg(options.fps)
                 .arg(QDateTime::fromMSecsSinceEpoch(options.fromUtcMs, Qt::UTC)
                          .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      QDateTime::fromMSecsSinceEpoch(options.toUtcMs, Qt::UTC)
                          .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    return kExitOk;
}

} // namespace

int runRenderCommand(int argc, char* argv[])
{
    // No display needed: Qt's offscreen platform unless one is chosen.
    OffscreenCommandApp app(argc, argv, QStringLiteral("render"));
    const QStringList& arguments = app.arguments();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Render the map to a PNG file, as the window shows it, or a replay of it "
        "to a video (MP4 or GIF, encoded by the ffmpeg program) with the clock "
        "(the date alone where no AIS fix gives the hour) and event captions burned in."));
    addCommonOptions(parser, JsonOption::NotOffered);
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
    parser.addOption({QStringLiteral("video"),
                      QStringLiteral("Write a replay video instead (.mp4 or .gif)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("frames"),
                      QStringLiteral("Write the replay as numbered PNG frames into DIR (no ffmpeg "
                                     "needed)."),
                      QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("from"),
         QStringLiteral("Replay start (default: the first fix of the default voyage)."),
         QStringLiteral("T")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("Replay end (default: the last fix of the default voyage)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("duration"),
                      QStringLiteral("Video length in seconds (default 20)."), QStringLiteral("S"),
                      QStringLiteral("20")});
    parser.addOption({QStringLiteral("fps"), QStringLiteral("Frames per second (default 25)."),
                      QStringLiteral("N"), QStringLiteral("25")});
    const QString usage =
        QStringLiteral("wake render --out FILE.png [--size WxH] [--fit voyage|LAT1,LON1,LAT2,LON2] "
                       "[--time ISO-8601] [--vessel ID] [--db PATH]\n"
                       "       wake render --video OUT.mp4|OUT.gif | --frames DIR [--from T] "
                       "[--to T] [--duration S] [--fps N] [--size WxH] [--fit ...]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    const bool video =
        parser.isSet(QStringLiteral("video")) || parser.isSet(QStringLiteral("frames"));
    const int outputs = static_cast<int>(parser.isSet(QStringLiteral("out"))) +
                        static_cast<int>(parser.isSet(QStringLiteral("video"))) +
                        static_cast<int>(parser.isSet(QStringLiteral("frames")));
    if (outputs != 1) {
        printError(outputs == 0 ? QStringLiteral("--out FILE.png, --video FILE or --frames DIR is "
                                                 "required")
                                : QStringLiteral("give one of --out, --video and --frames"));
        printErr(QStringLiteral("usage: %1\n").arg(usage));
        return kExitUsage;
    }
    ui::ReplayVideoOptions videoOptions;
    if (video) {
        const QString file = parser.value(QStringLiteral("video"));
        if (parser.isSet(QStringLiteral("video")) &&
            !file.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive) &&
            !file.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive)) {
            printError(QStringLiteral("--video writes .mp4 or .gif files, not \"%1\"").arg(file));
            return kExitUsage;
        }
        bool ok = false;
        const auto duration = parseFiniteNumber(parser.value(QStringLiteral("duration")));
        videoOptions.durationS = duration.value_or(0.0);
        if (!duration || videoOptions.durationS < 1 || videoOptions.durationS > 3600) {
            printError(QStringLiteral("--duration needs seconds from 1 to 3600, not \"%1\"")
                           .arg(parser.value(QStringLiteral("duration"))));
            return kExitUsage;
        }
        videoOptions.fps = parser.value(QStringLiteral("fps")).toInt(&ok);
        if (!ok || videoOptions.fps < 1 || videoOptions.fps > 60) {
            printError(QStringLiteral("--fps needs 1 to 60 frames per second, not \"%1\"")
                           .arg(parser.value(QStringLiteral("fps"))));
            return kExitUsage;
        }
    }
    std::optional<std::int64_t> videoFrom;
    std::optional<std::int64_t> videoTo;
    if (!parseTimeWindow(parser, videoFrom, videoTo)) {
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

    auto db = openDatabaseToRead(parser);
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
    if (video) {
        const auto span = vesselId ? ui::defaultVoyageSpan(*db, *vesselId) : std::nullopt;
        videoOptions.fromUtcMs = videoFrom.value_or(span ? span->first : 0);
        videoOptions.toUtcMs = videoTo.value_or(span ? span->second : 0);
        if (!videoFrom && !span) {
            printError(QStringLiteral("the vessel has no track to replay: give --from and --to"));
            return kExitUsage;
        }
        if (videoOptions.toUtcMs <= videoOptions.fromUtcMs) {
            printError(QStringLiteral("--to must come after --from"));
            return kExitUsage;
        }
        return renderVideo(parser, renderer, viewport, videoOptions);
    }
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
