// MainWindow: sharing what was found. File → Export track… (GPX, KML,
// GeoJSON, CSV), Save map image… (a PNG at any size) and Export replay
// video… (ffmpeg run as a program, or numbered PNG frames without it).

#include "core/export/track_export.h"
#include "ui/mainwindow.h"
#include "ui/map/map_widget.h"
#include "ui/panels/vessel_list_model.h"
#include "ui/replay/replay_controller.h"
#include "ui/share/video_export_dialog.h"
#include "ui/video/frame_sink.h"
#include "ui/video/replay_video.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
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

MapViewport MainWindow::viewportForSize(QSize size) const
{
    // The same centre and the same width of the world, at the new size.
    MapViewport vp = m_map->viewport();
    const double oldWidth = vp.size().width();
    vp.setSize(QSizeF(size));
    if (oldWidth > 0) {
        vp.setZoom(vp.zoom() + std::log2(size.width() / oldWidth));
    }
    return vp;
}

std::unique_ptr<MapRenderer> MainWindow::rendererForExport() const
{
    auto renderer = std::make_unique<MapRenderer>();
    renderer->setScene(m_map->renderer().scene());
    for (int l = 0; l < static_cast<int>(MapLayer::Count); ++l) {
        const auto layer = static_cast<MapLayer>(l);
        renderer->setLayerVisible(layer, m_map->renderer().isLayerVisible(layer));
    }
    renderer->setTime(m_map->renderer().time());
    return renderer;
}

void MainWindow::exportTrack()
{
    if (!m_selected) {
        QMessageBox::information(this, tr("Export track"), tr("Select a vessel first."));
        return;
    }
    const model::Vessel* vessel = m_vesselModel->vesselAt(m_vesselModel->rowOf(*m_selected));
    const QString name = vessel ? vessel->displayName() : tr("the vessel");
    QString filter = exporting::fileFilterOf(exporting::ExportFormat::Gpx);
    QStringList filters;
    for (const auto f : {exporting::ExportFormat::Gpx, exporting::ExportFormat::Kml,
                         exporting::ExportFormat::GeoJson, exporting::ExportFormat::Csv}) {
        filters << exporting::fileFilterOf(f);
    }
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export the track of %1").arg(name),
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
        showError(tr("Cannot export the track"), exported.error());
        return;
    }
    statusBar()->showMessage(
        tr("Exported %n point(s) and %1 event(s) to %2", nullptr, static_cast<int>(exported->first))
            .arg(exported->second)
            .arg(QDir::toNativeSeparators(path)),
        8000);
}

Result<std::pair<std::size_t, std::size_t>>
MainWindow::exportTrackTo(const QString& path, exporting::ExportFormat format)
{
    if (!m_selected) {
        return Error{Error::Code::InvalidArgument, tr("no vessel is selected"), {}};
    }
    exporting::ExportRequest request;
    request.vesselId = *m_selected;
    request.fromUtcMs = std::numeric_limits<std::int64_t>::min() / 2;
    request.toUtcMs = std::numeric_limits<std::int64_t>::max() / 2;
    auto exported = exporting::loadTrackExport(m_db, request);
    if (!exported) {
        return exported.error();
    }
    if (Status s = exporting::writeExport(*exported, format, path); !s) {
        return s.error();
    }
    return std::make_pair(exported->points.size(), exported->events.size());
}

Status MainWindow::saveMapImageTo(const QString& path, QSize size) const
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

void MainWindow::saveMapImage()
{
    ImageSizeDialog sizeDialog(m_map->size() * m_map->devicePixelRatioF(), this);
    if (sizeDialog.exec() != QDialog::Accepted) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save map image"), QDir(shareFolder()).filePath(QStringLiteral("wake-map.png")),
        tr("PNG image (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    rememberFolder(path);
    const QSize size = sizeDialog.imageSize();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status saved = saveMapImageTo(path, size);
    QApplication::restoreOverrideCursor();
    if (!saved) {
        showError(tr("Cannot save the map image"), saved.error());
        return;
    }
    statusBar()->showMessage(
        tr("Saved a %1x%2 map image to %3").arg(size.width()).arg(size.height()).arg(path), 8000);
}

void MainWindow::exportReplayVideo()
{
    const auto& cursor = m_replay->cursor();
    VideoExportDialog dialog(cursor.start(), cursor.end(),
                             QDir(shareFolder()).filePath(QStringLiteral("wake-replay.mp4")), this);
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
                        QMessageBox::Cancel, this);
        QPushButton* frames = box.addButton(tr("Save PNG frames..."), QMessageBox::AcceptRole);
        box.exec();
        if (box.clickedButton() != frames) {
            return;
        }
        target = QFileDialog::getExistingDirectory(this, tr("Folder for the frames"),
                                                   QFileInfo(path).absolutePath());
        if (target.isEmpty()) {
            return;
        }
        sink = std::make_unique<PngFramesSink>(target);
    } else {
        auto started = FfmpegSink::start(ffmpeg, path, size, dialog.options().fps);
        if (!started) {
            showError(tr("Cannot start the video export"), started.error());
            return;
        }
        sink = std::move(started).value();
    }
    const ReplayVideoOptions options = dialog.options();
    QProgressDialog progress(tr("Rendering the replay..."), tr("Cancel"), 0, options.frameCount(),
                             this);
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
        statusBar()->showMessage(tr("Video export cancelled"), 5000);
        return;
    }
    if (!s) {
        showError(tr("Cannot export the replay video"), s.error());
        return;
    }
    statusBar()->showMessage(
        tr("Exported %n frame(s) to %1", nullptr, options.frameCount()).arg(target), 8000);
}

} // namespace wake::ui
