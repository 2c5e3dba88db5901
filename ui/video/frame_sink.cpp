#include "ui/video/frame_sink.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace wake::ui {

namespace {

constexpr int kWriteTimeoutMs = 60'000; // ffmpeg taking a minute for one frame has hung

} // namespace

QString findFfmpeg()
{
    const QString configured = qEnvironmentVariable("WAKE_FFMPEG");
    if (!configured.isEmpty()) {
        return QFileInfo(configured).isExecutable() ? configured : QString();
    }
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

QString ffmpegMissingMessage()
{
    return QStringLiteral("ffmpeg is not installed; Wake runs it to encode videos. Install it "
                          "with \"sudo apt install ffmpeg\", or write numbered PNG frames instead "
                          "(wake render --frames DIR)");
}

Result<std::unique_ptr<FfmpegSink>> FfmpegSink::start(const QString& ffmpeg, const QString& out,
                                                      QSize size, int fps)
{
    if (size.width() % 2 != 0 || size.height() % 2 != 0) {
        return Error{Error::Code::InvalidArgument,
                     QStringLiteral("video sizes must be even (H.264 needs it), not %1x%2")
                         .arg(size.width())
                         .arg(size.height()),
                     {}};
    }
    const bool gif = out.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive);
    QStringList args{QStringLiteral("-hide_banner"),
                     QStringLiteral("-loglevel"),
                     QStringLiteral("error"),
                     QStringLiteral("-y"),
                     QStringLiteral("-f"),
                     QStringLiteral("rawvideo"),
                     QStringLiteral("-pix_fmt"),
                     QStringLiteral("bgra"), // QImage's 32-bit ARGB in memory on little-endian
                     QStringLiteral("-s"),
                     QStringLiteral("%1x%2").arg(size.width()).arg(size.height()),
                     QStringLiteral("-r"),
                     QString::number(fps),
                     QStringLiteral("-i"),
                     QStringLiteral("-")};
    if (gif) {
        args << QStringLiteral("-vf")
             << QStringLiteral("split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse");
    } else {
        args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-pix_fmt")
             << QStringLiteral("yuv420p") << QStringLiteral("-crf") << QStringLiteral("20")
             << QStringLiteral("-movflags") << QStringLiteral("+faststart");
    }
    args << out;
    std::unique_ptr<FfmpegSink> sink(new FfmpegSink);
    sink->m_out = out;
    sink->m_size = size;
    sink->m_process = std::make_unique<QProcess>();
    sink->m_process->setProcessChannelMode(QProcess::SeparateChannels);
    sink->m_process->start(ffmpeg, args);
    if (!sink->m_process->waitForStarted(10'000)) {
        return Error{Error::Code::Io,
                     QStringLiteral("cannot start ffmpeg: %1").arg(sink->m_process->errorString()),
                     ffmpeg};
    }
    return sink;
}

FfmpegSink::~FfmpegSink()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        cancel();
    }
}

Error FfmpegSink::failure(const QString& what)
{
    m_log += m_process->readAllStandardError();
    QString detail = QString::fromUtf8(m_log).trimmed();
    if (detail.size() > 400) {
        detail = detail.right(400);
    }
    return Error{Error::Code::Io,
                 detail.isEmpty() ? what : QStringLiteral("%1: %2").arg(what, detail), m_out};
}

Status FfmpegSink::write(const QImage& frame)
{
    if (frame.size() != m_size || frame.depth() != 32) {
        return Error{Error::Code::InvalidArgument, QStringLiteral("a frame of the wrong size"), {}};
    }
    if (m_process->state() != QProcess::Running) {
        return failure(QStringLiteral("ffmpeg stopped"));
    }
    const auto bytes = static_cast<qint64>(frame.sizeInBytes());
    if (frame.bytesPerLine() * frame.height() != bytes ||
        m_process->write(reinterpret_cast<const char*>(frame.constBits()), bytes) != bytes) {
        return failure(QStringLiteral("cannot send a frame to ffmpeg"));
    }
    // Keep at most one frame queued: memory stays flat, ffmpeg sets the pace.
    while (m_process->bytesToWrite() > 0) {
        if (!m_process->waitForBytesWritten(kWriteTimeoutMs)) {
            return failure(QStringLiteral("ffmpeg stopped taking frames"));
        }
    }
    m_log += m_process->readAllStandardError();
    return {};
}

Status FfmpegSink::finish()
{
    m_process->closeWriteChannel();
    if (!m_process->waitForFinished(10 * kWriteTimeoutMs)) {
        m_process->kill();
        m_process->waitForFinished();
        return failure(QStringLiteral("ffmpeg did not finish"));
    }
    if (m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0) {
        return failure(QStringLiteral("ffmpeg failed (exit %1)").arg(m_process->exitCode()));
    }
    return {};
}

void FfmpegSink::cancel()
{
    m_process->kill();
    m_process->waitForFinished();
    QFile::remove(m_out);
}

PngFramesSink::PngFramesSink(QString folder) : m_folder(std::move(folder)) {}

Status PngFramesSink::write(const QImage& frame)
{
    if (m_count == 0 && !QDir().mkpath(m_folder)) {
        return Error{Error::Code::Io, QStringLiteral("cannot create the folder"), m_folder};
    }
    const QString path = QDir(m_folder).filePath(
        QStringLiteral("frame-%1.png").arg(m_count + 1, 5, 10, QLatin1Char('0')));
    if (!frame.save(path, "PNG")) {
        return Error{Error::Code::Io, QStringLiteral("cannot write a frame"), path};
    }
    ++m_count;
    return {};
}

Status PngFramesSink::finish()
{
    return {};
}

} // namespace wake::ui
