// `wake render --video` and `--frames`: a replay encoded by the ffmpeg program
// (checked with ffprobe), numbered PNG frames without it, and what a user
// without ffmpeg is told.

#include "tests/app/cli_fixture.h"

#include <gtest/gtest.h>

#ifdef WAKE_HAS_GUI // render exists only in the GUI build

#include <QDir>
#include <QImage>
#include <QStandardPaths>

namespace {

using wake::test::Cli;
using wake::test::ProcessResult;

const QStringList kShortReplay = {QStringLiteral("--from"),     QStringLiteral("2013-07-05T12:00Z"),
                                  QStringLiteral("--to"),       QStringLiteral("2013-07-11T12:00Z"),
                                  QStringLiteral("--duration"), QStringLiteral("2"),
                                  QStringLiteral("--fps"),      QStringLiteral("10"),
                                  QStringLiteral("--size"),     QStringLiteral("321x241")};

} // namespace

TEST_F(Cli, RenderVideoWritesAnMp4ThatFfprobeReads)
{
    const QString out = m_dir.filePath(QStringLiteral("replay.mp4"));
    const ProcessResult r =
        wake(QStringList{QStringLiteral("render"), QStringLiteral("--video"), out} + kShortReplay);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("320x240, 20 frames at 10 fps")))
        << r.out.toStdString();
    const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
    ASSERT_FALSE(ffprobe.isEmpty()) << "ffprobe is missing: scripts/ensure_deps.sh installs ffmpeg";
    const ProcessResult probe =
        run(ffprobe, {QStringLiteral("-v"), QStringLiteral("error"),
                      QStringLiteral("-count_frames"), QStringLiteral("-show_entries"),
                      QStringLiteral("stream=codec_name,width,height,nb_read_frames,pix_fmt"),
                      QStringLiteral("-of"), QStringLiteral("default=noprint_wrappers=1"), out});
    ASSERT_EQ(probe.exitCode, 0) << probe.err.toStdString();
    EXPECT_TRUE(probe.out.contains(QStringLiteral("codec_name=h264"))) << probe.out.toStdString();
    EXPECT_TRUE(probe.out.contains(QStringLiteral("width=320")));
    EXPECT_TRUE(probe.out.contains(QStringLiteral("height=240")));
    EXPECT_TRUE(probe.out.contains(QStringLiteral("pix_fmt=yuv420p")));
    EXPECT_TRUE(probe.out.contains(QStringLiteral("nb_read_frames=20")));
}

TEST_F(Cli, RenderVideoWritesAGifToo)
{
    const QString out = m_dir.filePath(QStringLiteral("replay.gif"));
    const ProcessResult r =
        wake(QStringList{QStringLiteral("render"), QStringLiteral("--video"), out} + kShortReplay);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(6).startsWith("GIF8"));
}

TEST_F(Cli, RenderFramesWritesNumberedPngsWithTheClockBurnedIn)
{
    const QString dir = m_dir.filePath(QStringLiteral("frames"));
    const ProcessResult r =
        wake(QStringList{QStringLiteral("render"), QStringLiteral("--frames"), dir} + kShortReplay);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList frames =
        QDir(dir).entryList({QStringLiteral("frame-*.png")}, QDir::Files, QDir::Name);
    ASSERT_EQ(frames.size(), 20);
    EXPECT_EQ(frames.front(), QStringLiteral("frame-00001.png"));
    const QImage first(QDir(dir).filePath(frames.front()));
    ASSERT_EQ(first.size(), QSize(320, 240));
    // The clock's dark box sits in the top left corner, over the sea.
    const QColor clock = first.pixelColor(16, 16);
    EXPECT_LT(clock.lightness(), 90) << clock.name().toStdString();
    // Frames differ: the ship moves and the clock runs.
    const QImage last(QDir(dir).filePath(frames.back()));
    EXPECT_NE(first, last);
}

TEST_F(Cli, RenderVideoWithoutFfmpegSaysHowToGetIt)
{
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("WAKE_FFMPEG"), m_dir.filePath(QStringLiteral("no-ffmpeg-here")));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(WAKE_BINARY),
            QStringList{QStringLiteral("render"), QStringLiteral("--video"),
                        m_dir.filePath(QStringLiteral("x.mp4")), QStringLiteral("--db"),
                        m_dir.filePath(QStringLiteral("cli.sqlite"))} +
                kShortReplay);
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    EXPECT_TRUE(err.contains(QStringLiteral("apt install ffmpeg"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("--frames")));
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("x.mp4"))));

    const ProcessResult wrongKind = wake({QStringLiteral("render"), QStringLiteral("--video"),
                                          m_dir.filePath(QStringLiteral("x.avi"))});
    EXPECT_EQ(wrongKind.exitCode, 2);
    const ProcessResult both =
        wake({QStringLiteral("render"), QStringLiteral("--out"), QStringLiteral("a.png"),
              QStringLiteral("--video"), QStringLiteral("b.mp4")});
    EXPECT_EQ(both.exitCode, 2);
}

#endif
