#pragma once

// Where rendered replay frames go: Debian's ffmpeg program, run as a separate
// process and fed raw 32-bit frames on its standard input (never linked:
// Debian's libavcodec is GPL, Wake is MIT), or numbered PNG files when there
// is no ffmpeg.

#include "core/util/result.h"

#include <QImage>
#include <QProcess>
#include <QString>

#include <memory>

namespace wake::ui {

class FrameSink
{
public:
    virtual ~FrameSink() = default;
    // Frames all have the size given at creation, Format_ARGB32(_Premultiplied), opaque.
    virtual Status write(const QImage& frame) = 0;
    virtual Status finish() = 0;
    // Stops early: what was written is removed or left, as the sink says.
    virtual void cancel() = 0;
};

// The ffmpeg program: $WAKE_FFMPEG, else "ffmpeg" on the PATH; empty when missing.
QString findFfmpeg();
// What to tell a user who has none.
QString ffmpegMissingMessage();

// Encodes to OUT.mp4 (H.264, yuv420p, faststart) or OUT.gif (a palette made
// for the clip). Width and height must be even.
class FfmpegSink final : public FrameSink
{
public:
    static Result<std::unique_ptr<FfmpegSink>> start(const QString& ffmpeg, const QString& out,
                                                     QSize size, int fps);
    ~FfmpegSink() override;
    Status write(const QImage& frame) override;
    Status finish() override;
    void cancel() override; // kills ffmpeg and removes the partial file

private:
    FfmpegSink() = default;
    Error failure(const QString& what);

    std::unique_ptr<QProcess> m_process;
    QString m_out;
    QSize m_size;
    QByteArray m_log; // ffmpeg's stderr, for the error message
};

// frame-00001.png, frame-00002.png ... in a folder.
class PngFramesSink final : public FrameSink
{
public:
    explicit PngFramesSink(QString folder);
    Status write(const QImage& frame) override;
    Status finish() override;
    void cancel() override {}
    int written() const { return m_count; }

private:
    QString m_folder;
    int m_count = 0;
};

} // namespace wake::ui
