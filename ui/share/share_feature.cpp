// Sharing what was found (see share_feature.h).

#include "ui/share/share_feature.h"

#include "core/export/track_export.h"
#include "ui/map/map_widget.h"
#include "ui/replay/replay_controller.h"
#include "ui/replay/replay_feature.h"
#include "ui/report/vessel_report.h"
#include "ui/share/video_export_dialog.h"
#include "ui/shell/session.h"
#include "ui/shell/shell.h"
#include "ui/video/frame_sink.h"
#include "ui/video/replay_video.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

#include <cmath>
#include <limits>

namespace wake::ui {

namespace {

QString shareFolder()
{
    return QSettings()
        .value(QStringLiteral("share/folder"),
               QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}

void rememberFolder(const QString& path)
{
    QSettings().setValue(QStringLiteral("share/folder"), QFileInfo(path).absolutePath());
}

// A file name from a vessel's name: letters, digits and dashes.
QString fileStem(const QString& name)
{
    QString stem = name.trimmed().toLower();
    stem.replace(QRegularExpression(QStringLiteral("[^\\w]+")), QStringLiteral("-"));
    return stem.isEmpty() ? QStringLiteral("wake") : stem;
}

} // namespace

ShareFeature::ShareFeature(Shell& shell, ReplayFeature& replay)
    : QObject(shell.window()), m_shell(shell), m_replay(replay)
{
    QMenu* file = shell.menu(MenuId::File);
    QAction* exportTrack =
        file->addAction(tr("&Export track..."), this, &ShareFeature::exportTrack);
    exportTrack->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportTrack->setObjectName(QStringLiteral("exportTrackAction"));
    QAction* saveImage =
        file->addAction(tr("Save map &image..."), this, &ShareFeature::saveMapImage);
    saveImage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    saveImage->setObjectName(QStringLiteral("saveMapImageAction"));
    QAction* video =
        file->addAction(tr("Export replay &video..."), this, &ShareFeature::exportReplayVideo);
    video->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    video->setObjectName(QStringLiteral("exportVideoAction"));
    QAction* report = file->addAction(tr("&Report..."), this, &ShareFeature::writeReport);
    report->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    report->setObjectName(QStringLiteral("reportAction"));
    file->addSeparator();
}

MapViewport ShareFeature::viewportForSize(QSize size) const
{
    // The same centre and the same width of the world, at the new size.
    MapViewport vp = m_shell.map()->viewport();
    const double oldWidth = vp.size().width();
    vp.setSize(QSizeF(size));
    if (oldWidth > 0) {
        vp.setZoom(vp.zoom() + std::log2(size.width() / oldWidth));
    }
    return vp;
}

std::unique_ptr<MapRenderer> ShareFeature::rendererForExport() const
{
    auto renderer = std::make_unique<MapRenderer>();
    renderer->setScene(m_shell.map()->renderer().scene());
    for (int l = 0; l < static_cast<int>(MapLayer::Count); ++l) {
        const auto layer = static_cast<MapLayer>(l);
        renderer->setLayerVisible(layer, m_shell.map()->renderer().isLayerVisible(layer));
    }
    renderer->setTime(m_shell.map()->renderer().time());
    return renderer;
}

void ShareFeature::writeReport()
{
    const auto selection = m_shell.selection().current();
    if (!selection) {
        QMessageBox::information(m_shell.window(), tr("Report"), tr("Select a vessel first."));
        return;
    }
    const QString name = selection->vessel.displayName();
    const QString pdf = tr("PDF document (*.pdf)");
    const QString html = tr("Web page, one file (*.html)");
    QString filter = pdf;
    QString path = QFileDialog::getSaveFileName(
        m_shell.window(), tr("Write a report on %1").arg(name),
        QDir(shareFolder()).filePath(fileStem(name) + QStringLiteral("-report.pdf")),
        pdf + QStringLiteral(";;") + html, &filter);
    if (path.isEmpty()) {
        return;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("html")) {
        path += filter == html ? QStringLiteral(".html") : QStringLiteral(".pdf");
    }
    rememberFolder(path);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto data = gatherReport(m_shell.session().db(), selection->vessel.id, std::nullopt,
                             std::nullopt, m_shell.session().ports());
    Status written =
        data ? ui::writeReport(*data, m_shell.session().flags(), path) : Status(data.error());
    QApplication::restoreOverrideCursor();
    if (!written) {
        m_shell.showError(tr("Cannot write the report"), written.error());
        return;
    }
    m_shell.statusBar()->showMessage(tr("Wrote the report on %1 to %2").arg(name, path), 8000);
}

void ShareFeature::exportTrack()
{
    const auto selection = m_shell.selection().current();
    if (!selection) {
        QMessageBox::information(m_shell.window(), tr("Export track"),
                                 tr("Select a vessel first."));
        return;
    }
    const QString name = selection->vessel.displayName();
    QString filter = exporting::fileFilterOf(exporting::ExportFormat::Gpx);
    QStringList filters;
    for (const auto f : {exporting::ExportFormat::Gpx, exporting::ExportFormat::Kml,
                         exporting::ExportFormat::GeoJson, exporting::ExportFormat::Csv}) {
        filters << exporting::fileFilterOf(f);
    }
    QString path = QFileDialog::getSaveFileName(
        m_shell.window(), tr("Export the track of %1").arg(name),
        QDir(shareFolder()).filePath(fileStem(name) + QStringLiteral(".gpx")),
        filters.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty()) {
        return;
    }
    const int chosen = static_cast<int>(filters.indexOf(filter));
    auto format = exporting::exportFormatFromPath(path);
    if (!format) {
        format = static_cast<exporting::ExportFormat>(std::max(0, chosen));
        path += QLatin1Char('.') + exporting::extensionOf(*format);
    }
    rememberFolder(path);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto exported = exportTrackTo(path, *format);
    QApplication::restoreOverrideCursor();
    if (!exported) {
        m_shell.showError(tr("Cannot export the track"), exported.error());
        return;
    }
    m_shell.statusBar()->showMessage(
        tr("Exported %n point(s) and %1 event(s) to %2", nullptr, static_cast<int>(exported->first))
            .arg(exported->second)
            .arg(QDir::toNativeSeparators(path)),
        8000);
}

Result<std::pair<std::size_t, std::size_t>>
ShareFeature::exportTrackTo(const QString& path, exporting::ExportFormat format)
{
    const auto selected = m_shell.selection().id();
    if (!selected) {
        return Error{Error::Code::InvalidArgument, tr("no vessel is selected"), {}};
    }
    exporting::ExportRequest request;
    request.vesselId = *selected;
    request.fromUtcMs = std::numeric_limits<std::int64_t>::min() / 2;
    request.toUtcMs = std::numeric_limits<std::int64_t>::max() / 2;
    auto exported = exporting::loadTrackExport(m_shell.session().db(), request);
    if (!exported) {
        return exported.error();
    }
    if (Status s = exporting::writeExport(*exported, format, path); !s) {
        return s.error();
    }
    return std::make_pair(exported->points.size(), exported->events.size());
}

Status ShareFeature::saveMapImageTo(const QString& path, QSize size) const
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&image);
        rendererForExport()->paint(painter, viewportForSize(size));
    }
    if (!image.save(path, "PNG")) {
        return Error{Error::Code::Io, tr("the image could not be written"), path};
    }
    return {};
}

void ShareFeature::saveMapImage()
{
    ImageSizeDialog sizeDialog(m_shell.map()->size() * m_shell.map()->devicePixelRatioF(),
                               m_shell.window());
    if (sizeDialog.exec() != QDialog::Accepted) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        m_shell.window(), tr("Save map image"),
        QDir(shareFolder()).filePath(QStringLiteral("wake-map.png")), tr("PNG image (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    rememberFolder(path);
    const QSize size = sizeDialog.imageSize();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status saved = saveMapImageTo(path, size);
    QApplication::restoreOverrideCursor();
    if (!saved) {
        m_shell.showError(tr("Cannot save the map image"), saved.error());
        return;
    }
    m_shell.statusBar()->showMessage(
        tr("Saved a %1x%2 map image to %3").arg(size.width()).arg(size.height()).arg(path), 8000);
}

void ShareFeature::exportReplayVideo()
{
    const auto& cursor = m_replay.controller()->cursor();
    VideoExportDialog dialog(cursor.start(), cursor.end(),
                             QDir(shareFolder()).filePath(QStringLiteral("wake-replay.mp4")),
                             m_shell.window());
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const QString path = dialog.path();
    rememberFolder(path);
    const QSize size = dialog.frameSize();
    std::unique_ptr<FrameSink> sink;
    QString target = path;
    const QString ffmpeg = findFfmpeg();
    if (ffmpeg.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Export replay video"), ffmpegMissingMessage(),
                        QMessageBox::Cancel, m_shell.window());
        QPushButton* frames = box.addButton(tr("Save PNG frames..."), QMessageBox::AcceptRole);
        box.exec();
        if (box.clickedButton() != frames) {
            return;
        }
        target = QFileDialog::getExistingDirectory(m_shell.window(), tr("Folder for the frames"),
                                                   QFileInfo(path).absolutePath());
        if (target.isEmpty()) {
            return;
        }
        sink = std::make_unique<PngFramesSink>(target);
    } else {
        auto started = FfmpegSink::start(ffmpeg, path, size, dialog.options().fps);
        if (!started) {
            m_shell.showError(tr("Cannot start the video export"), started.error());
            return;
        }
        sink = std::move(started).value();
    }
    const ReplayVideoOptions options = dialog.options();
    QProgressDialog progress(tr("Rendering the replay..."), tr("Cancel"), 0, options.frameCount(),
                             m_shell.window());
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    auto renderer = rendererForExport();
    const Status s =
        renderReplayVideo(*renderer, viewportForSize(size), options, *sink, [&](int done, int) {
            progress.setValue(done); // also lets the window and Cancel respond
            return !progress.wasCanceled();
        });
    progress.reset();
    if (progress.wasCanceled()) {
        m_shell.statusBar()->showMessage(tr("Video export cancelled"), 5000);
        return;
    }
    if (!s) {
        m_shell.showError(tr("Cannot export the replay video"), s.error());
        return;
    }
    m_shell.statusBar()->showMessage(
        tr("Exported %n frame(s) to %1", nullptr, options.frameCount()).arg(target), 8000);
}

} // namespace wake::ui
