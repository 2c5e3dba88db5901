// wake live against the feed simulator on 127.0.0.1: a TCP source that drops
// once and a UDP source, each at 2,000 sentences a second; bad URLs; Ctrl-C.

#include "core/store/database.h"
#include "tests/app/cli_fixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUdpSocket>

#include <atomic>
#include <csignal>
#include <sys/stat.h>
#include <thread>

using namespace wake;
using wake::test::Cli;

namespace {

quint16 freePort(bool udp)
{
    if (udp) {
        QUdpSocket probe;
        probe.bind(QHostAddress::LocalHost, 0);
        return probe.localPort();
    }
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Waits until wake live says it is receiving (its store is open, its ports bound).
bool waitUntilReceiving(QProcess& live, QByteArray& err)
{
    for (int i = 0; i < 300 && !err.contains("receiving from"); ++i) {
        live.waitForReadyRead(100);
        err += live.readAllStandardError();
    }
    return err.contains("receiving from");
}

std::int64_t positionsSent(QProcess& simulator)
{
    const QJsonObject report = QJsonDocument::fromJson(simulator.readAllStandardOutput()).object();
    return report.value(QStringLiteral("positionsSent")).toInteger(-1);
}

} // namespace

TEST_F(Cli, LiveRejectsAMalformedSourceUrlAndListsTheForms)
{
    const auto r = wake({QStringLiteral("live"), QStringLiteral("tcp://127.0.0.1")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("needs a port"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("gpsd://HOST[:PORT]"))) << r.err.toStdString();
    EXPECT_EQ(wake({QStringLiteral("live")}).exitCode, 2);
    EXPECT_EQ(wake({QStringLiteral("live"), QStringLiteral("udp://127.0.0.1:1"),
                    QStringLiteral("--for"), QStringLiteral("soon")})
                  .exitCode,
              2);
    const auto lost = wake({QStringLiteral("live"), QStringLiteral("udp://127.0.0.1:1"),
                            QStringLiteral("--lost-after"), QStringLiteral("2")});
    EXPECT_EQ(lost.exitCode, 2);
    EXPECT_TRUE(lost.err.contains(QStringLiteral("--lost-after"))) << lost.err.toStdString();
}

TEST_F(Cli, LiveStoresNearlyEveryPositionFromATcpSourceThatDropsAndAUdpSource)
{
    const quint16 tcpPort = freePort(false);
    const quint16 udpPort = freePort(true);
    const QString db = m_dir.filePath(QStringLiteral("live.sqlite"));
    const QString record = m_dir.filePath(QStringLiteral("recorded"));
    QProcess live;
    live.setProcessEnvironment(environment());
    live.start(QStringLiteral(WAKE_BINARY),
               {QStringLiteral("live"), QStringLiteral("tcp://127.0.0.1:%1").arg(tcpPort),
                QStringLiteral("udp://127.0.0.1:%1").arg(udpPort), QStringLiteral("--db"), db,
                QStringLiteral("--for"), QStringLiteral("9"), QStringLiteral("--record"), record});
    ASSERT_TRUE(live.waitForStarted());
    QByteArray early;
    ASSERT_TRUE(waitUntilReceiving(live, early)) << early.toStdString();
    // 3 s at 2,000 a second each; the TCP feed closes after half and waits
    // for wake to come back (its first backoff is 1 s).
    QProcess tcp;
    tcp.start(QStringLiteral(WAKE_FEED_SIM),
              {QStringLiteral("--tcp-listen"), QString::number(tcpPort), QStringLiteral("--rate"),
               QStringLiteral("2000"), QStringLiteral("--lines"), QStringLiteral("6000"),
               QStringLiteral("--drop-after"), QStringLiteral("3000"),
               QStringLiteral("--mmsi-base"), QStringLiteral("230000000")});
    QProcess udp;
    udp.start(QStringLiteral(WAKE_FEED_SIM),
              {QStringLiteral("--udp-to"), QString::number(udpPort), QStringLiteral("--rate"),
               QStringLiteral("2000"), QStringLiteral("--lines"), QStringLiteral("6000"),
               QStringLiteral("--mmsi-base"), QStringLiteral("240000000")});
    ASSERT_TRUE(tcp.waitForFinished(20000));
    ASSERT_TRUE(udp.waitForFinished(20000));
    ASSERT_TRUE(live.waitForFinished(30000));
    const QString err = QString::fromUtf8(early + live.readAllStandardError());
    ASSERT_EQ(live.exitCode(), 0) << err.toStdString();
    const std::int64_t sent = positionsSent(tcp) + positionsSent(udp);
    ASSERT_EQ(sent, 12000);

    // The built-in scenario's positions are in every new store: count them apart.
    const QString empty = m_dir.filePath(QStringLiteral("scenario-only.sqlite"));
    ASSERT_EQ(wake({QStringLiteral("vessels"), QStringLiteral("--db"), empty}, false).exitCode, 0);
    const std::int64_t scenario = *store::Database::open(empty)->trackPointCount();
    auto store = store::Database::open(db);
    ASSERT_TRUE(store.ok());
    const std::int64_t stored = *store->trackPointCount() - scenario;
    EXPECT_GE(stored, sent * 99 / 100) << err.toStdString();
    EXPECT_LE(stored, sent);
    EXPECT_TRUE(err.contains(QStringLiteral("1 reconnects"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("rejected: none"))) << err.toStdString();

    // The recording re-imports to the same positions.
    const QStringList files = QDir(record).entryList({QStringLiteral("*.nmea")}, QDir::Files);
    ASSERT_FALSE(files.isEmpty());
    const QString again = m_dir.filePath(QStringLiteral("again.sqlite"));
    QStringList importArgs = {QStringLiteral("import")};
    for (const QString& f : files) {
        importArgs << QDir(record).filePath(f);
    }
    importArgs << QStringLiteral("--db") << again << QStringLiteral("--no-analysis");
    const auto imported = wake(importArgs, false);
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    auto reimported = store::Database::open(again);
    ASSERT_TRUE(reimported.ok());
    EXPECT_EQ(*reimported->trackPointCount() - scenario, stored);
}

TEST_F(Cli, LiveStopsOnCtrlCWithASummary)
{
    const quint16 udpPort = freePort(true);
    const QString db = m_dir.filePath(QStringLiteral("c.sqlite"));
    // A store that exists: on a new one, Ctrl-C first waits for its set-up
    // (seconds, longer under the sanitizers) so that what was read is stored.
    ASSERT_EQ(wake({QStringLiteral("vessels"), QStringLiteral("--db"), db}, false).exitCode, 0);
    QProcess live;
    live.setProcessEnvironment(environment());
    live.start(QStringLiteral(WAKE_BINARY),
               {QStringLiteral("live"), QStringLiteral("quay=udp://127.0.0.1:%1").arg(udpPort),
                QStringLiteral("--db"), db});
    ASSERT_TRUE(live.waitForStarted());
    QByteArray early;
    ASSERT_TRUE(waitUntilReceiving(live, early)) << early.toStdString();
    QUdpSocket sender;
    sender.writeDatagram(QByteArray("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\r\n"
                                    "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*00\r\n"),
                         QHostAddress::LocalHost, udpPort);
    QThread::msleep(300);
    ::kill(static_cast<pid_t>(live.processId()), SIGINT);
    ASSERT_TRUE(live.waitForFinished(10000));
    EXPECT_EQ(live.exitCode(), 130);
    const QString err = QString::fromUtf8(early + live.readAllStandardError());
    EXPECT_TRUE(err.contains(QStringLiteral("quay (udp://127.0.0.1:%1)").arg(udpPort)))
        << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("bad checksum"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("stored 1 positions"))) << err.toStdString();
}

// A feed that wants a login: the user and password go to the server after
// connecting, and appear nowhere else (not in what wake prints, not in the
// store).
TEST_F(Cli, LiveSendsALoginToATcpFeedAndNeverShowsOrStoresThePassword)
{
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    const QString db = m_dir.filePath(QStringLiteral("login.sqlite"));
    ASSERT_EQ(wake({QStringLiteral("vessels"), QStringLiteral("--db"), db}, false).exitCode, 0);
    QProcess live;
    live.setProcessEnvironment(environment());
    live.start(QStringLiteral(WAKE_BINARY),
               {QStringLiteral("live"),
                QStringLiteral("tcp://ais:s3cretPW@127.0.0.1:%1").arg(server.serverPort()),
                QStringLiteral("--for"), QStringLiteral("4"), QStringLiteral("--db"), db});
    ASSERT_TRUE(live.waitForStarted());
    QByteArray login;
    QTcpSocket* feed = nullptr;
    for (int i = 0; i < 200 && !login.contains("s3cretPW\r\n"); ++i) {
        if (feed == nullptr && server.waitForNewConnection(50)) {
            feed = server.nextPendingConnection();
        }
        if (feed != nullptr && feed->waitForReadyRead(50)) {
            login += feed->readAll();
        }
    }
    EXPECT_EQ(login, QByteArray("ais\r\ns3cretPW\r\n"));
    ASSERT_NE(feed, nullptr);
    feed->write("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\r\n");
    feed->waitForBytesWritten(1000);
    ASSERT_TRUE(live.waitForFinished(20000));
    const QString out =
        QString::fromUtf8(live.readAllStandardOutput() + live.readAllStandardError());
    EXPECT_EQ(live.exitCode(), 0) << out.toStdString();
    EXPECT_FALSE(out.contains(QStringLiteral("s3cretPW"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("tcp://ais:***@127.0.0.1"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("stored 1 positions"))) << out.toStdString();
    auto store = store::Database::open(db);
    ASSERT_TRUE(store.ok());
    auto sources = store->liveSources();
    ASSERT_TRUE(sources.ok());
    ASSERT_EQ(sources->size(), 1u);
    EXPECT_FALSE(sources->front().url.contains(QStringLiteral("s3cretPW")));
    EXPECT_FALSE(sources->front().name.contains(QStringLiteral("s3cretPW")));
    QFile file(db);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_FALSE(file.readAll().contains("s3cretPW")) << "nowhere in the file, in no column";

    const auto bad = wake({QStringLiteral("live"), QStringLiteral("udp://ais:s3cretPW@:1")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("only tcp:// sources take")))
        << bad.err.toStdString();
    EXPECT_FALSE(bad.err.contains(QStringLiteral("s3cretPW"))) << bad.err.toStdString();
}

// A sender that never ends its line once made --record write 8 GB in 10 s:
// the over-long line is now a marker in the recording, and the line after it
// is read.
TEST_F(Cli, AnEndlessLineCostsARecordingOneMarker)
{
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    const QString folder = m_dir.filePath(QStringLiteral("rec"));
    const QString endlessDb = m_dir.filePath(QStringLiteral("endless.sqlite"));
    ASSERT_EQ(wake({QStringLiteral("vessels"), QStringLiteral("--db"), endlessDb}, false).exitCode,
              0);
    QProcess live;
    live.setProcessEnvironment(environment());
    live.start(QStringLiteral(WAKE_BINARY),
               {QStringLiteral("live"),
                QStringLiteral("tcp://127.0.0.1:%1").arg(server.serverPort()),
                QStringLiteral("--for"), QStringLiteral("4"), QStringLiteral("--record"), folder,
                QStringLiteral("--db"), endlessDb});
    ASSERT_TRUE(live.waitForStarted());
    ASSERT_TRUE(server.waitForNewConnection(15000));
    QTcpSocket* feed = server.nextPendingConnection();
    const QByteArray junk(64 * 1024, 'x');
    qint64 sent = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 2500 && sent < (qint64(1) << 30)) {
        sent += feed->write(junk);
        feed->waitForBytesWritten(100);
    }
    feed->write("\n!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n");
    feed->waitForBytesWritten(1000);
    ASSERT_TRUE(live.waitForFinished(30000));
    const QString out =
        QString::fromUtf8(live.readAllStandardOutput() + live.readAllStandardError());
    EXPECT_EQ(live.exitCode(), 0) << out.toStdString();
    EXPECT_GT(sent, 1 << 20) << "the sender got megabytes out";
    EXPECT_TRUE(out.contains(QStringLiteral("line too long"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("stored 1 positions"))) << out.toStdString();
    qint64 recorded = 0;
    QByteArray text;
    for (const QFileInfo& f : QDir(folder).entryInfoList(QDir::Files)) {
        recorded += f.size();
        QFile file(f.filePath());
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        text += file.readAll();
    }
    EXPECT_LT(recorded, 4096) << "bytes recorded for " << sent << " bytes of one endless line";
    EXPECT_TRUE(text.contains("# wake: a line longer than")) << text.toStdString();
    EXPECT_TRUE(text.contains("15RTgt0PAso;90TKcjM8h6g208CQ")) << "the line after it is kept";
}

// file:/dev/zero never ended and ignored Ctrl-C; a FIFO with no writer
// blocked before anything was printed. Both now end with --for.
TEST_F(Cli, LiveOnADeviceOrAFifoWithoutWriterEndsOnTime)
{
    const QString fifo = m_dir.filePath(QStringLiteral("feed.fifo"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    ASSERT_EQ(wake({QStringLiteral("vessels")}).exitCode, 0); // the store exists: its time apart
    QElapsedTimer clock;
    clock.start();
    const auto r =
        wake({QStringLiteral("live"), QStringLiteral("file:/dev/zero"),
              QStringLiteral("file:") + fifo, QStringLiteral("--for"), QStringLiteral("1")});
    EXPECT_LT(clock.elapsed(), 15000);
    EXPECT_TRUE(r.err.contains(QStringLiteral("receiving from 2 source(s)")))
        << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("/dev/zero is a device"))) << r.err.toStdString();
    // Nothing came: said, and not a success.
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("nothing was received from any source")))
        << r.err.toStdString();
}

// A flood of 65 KB datagrams of one valid sentence starved the event loop: no
// commit, memory up 20 MB/s, --for 34 ran 39 s. Reading is bounded per turn
// and repeats queue nothing, so --for keeps its time and memory stays flat.
TEST_F(Cli, AUdpFloodKeepsTheClockAndBoundedMemory)
{
    const quint16 port = freePort(true);
    const QString db = m_dir.filePath(QStringLiteral("flood.sqlite"));
    // A store that exists: the flood, not a new store's scenario, is under test.
    ASSERT_EQ(wake({QStringLiteral("vessels"), QStringLiteral("--db"), db}, false).exitCode, 0);
    QProcess live;
    QProcessEnvironment env = environment();
    // Under AddressSanitizer freed memory waits in a quarantine of up to
    // 256 MiB before it is reused: that is the sanitizer's, not Wake's, and a
    // small one keeps the figures below about Wake.
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":quarantine_size_mb=8"));
    live.setProcessEnvironment(env);
    live.start(QStringLiteral(WAKE_BINARY),
               {QStringLiteral("live"), QStringLiteral("udp://127.0.0.1:%1").arg(port),
                QStringLiteral("--for"), QStringLiteral("4"), QStringLiteral("--db"), db});
    ASSERT_TRUE(live.waitForStarted());
    QByteArray err;
    ASSERT_TRUE(waitUntilReceiving(live, err)) << err.toStdString();
    QElapsedTimer clock;
    clock.start();
    std::atomic<bool> stop{false};
    std::atomic<long> datagrams{0};
    std::thread flood([&] {
        QUdpSocket sender;
        QByteArray datagram;
        while (datagram.size() < 65000 - 60) {
            datagram += "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\r\n";
        }
        for (int i = 0; i < 10'000'000 && !stop; ++i) {
            if (sender.writeDatagram(datagram, QHostAddress::LocalHost, port) > 0) {
                ++datagrams;
            }
        }
    });
    // The peak, and the resident size after the first second of the flood
    // and at its last reading: memory that grows with the flood (20 MB/s
    // before) shows as growth, whatever the build's own overhead.
    long peakKiB = 0;
    long rssAfterOneSecondKiB = 0;
    long lastRssKiB = 0;
    const QString status = QStringLiteral("/proc/%1/status").arg(live.processId());
    while (!live.waitForFinished(200) && clock.elapsed() < 20000) {
        QFile file(status);
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : file.readAll().split('\n')) {
                const long kib = line.mid(6).trimmed().split(' ').front().toLong();
                if (line.startsWith("VmHWM:")) {
                    peakKiB = kib;
                } else if (line.startsWith("VmRSS:") && kib > 0) {
                    lastRssKiB = kib;
                    if (rssAfterOneSecondKiB == 0 && clock.elapsed() >= 1000) {
                        rssAfterOneSecondKiB = kib;
                    }
                }
            }
        }
    }
    const qint64 ranMs = clock.elapsed();
    stop = true;
    flood.join();
    const QString out = QString::fromUtf8(err + live.readAllStandardError());
    EXPECT_EQ(live.exitCode(), 0) << out.toStdString();
    EXPECT_GT(datagrams.load(), 1000) << "a flood";
    EXPECT_LT(ranMs, 6000) << "--for 4 under the flood";
    EXPECT_GT(peakKiB, 0);
    EXPECT_LT(peakKiB, 400 * 1024) << "peak memory, KiB";
    ASSERT_GT(rssAfterOneSecondKiB, 0);
    EXPECT_LT(lastRssKiB - rssAfterOneSecondKiB, 32 * 1024)
        << "growth during the flood, KiB, from " << rssAfterOneSecondKiB;
    EXPECT_TRUE(out.contains(QStringLiteral("stored 1 positions"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("duplicates (100.0 %)"))) << out.toStdString();
}

// A new database gets the built-in scenario (seconds) while the sources
// already read: a feed that starts with wake loses only what comes before
// the port is bound, not the first seconds (2,300 of 11,000 datagrams were).
TEST_F(Cli, ANewDatabaseDoesNotCostAFeedItsFirstSeconds)
{
    const quint16 udpPort = freePort(true);
    QProcess live;
    live.setProcessEnvironment(environment());
    live.start(QStringLiteral(WAKE_BINARY),
               {QStringLiteral("live"), QStringLiteral("udp://127.0.0.1:%1").arg(udpPort),
                QStringLiteral("--db"), m_dir.filePath(QStringLiteral("new.sqlite")),
                QStringLiteral("--for"), QStringLiteral("6")});
    ASSERT_TRUE(live.waitForStarted());
    QProcess udp; // at once: not waiting for wake to say it is receiving
    udp.start(QStringLiteral(WAKE_FEED_SIM),
              {QStringLiteral("--udp-to"), QString::number(udpPort), QStringLiteral("--rate"),
               QStringLiteral("2000"), QStringLiteral("--lines"), QStringLiteral("8000"),
               QStringLiteral("--mmsi-base"), QStringLiteral("250000000")});
    ASSERT_TRUE(udp.waitForFinished(20000));
    ASSERT_TRUE(live.waitForFinished(90000)); // a new store's set-up is slow under the sanitizers
    const QString err = QString::fromUtf8(live.readAllStandardError());
    ASSERT_EQ(live.exitCode(), 0) << err.toStdString();
    const std::int64_t sent = positionsSent(udp);
    ASSERT_EQ(sent, 8000);
    static const QRegularExpression storedRe(QStringLiteral("stored ([\\d,]+) positions"));
    const auto m = storedRe.match(err);
    ASSERT_TRUE(m.hasMatch()) << err.toStdString();
    const std::int64_t stored = m.captured(1).remove(QLatin1Char(',')).toLongLong();
    EXPECT_GE(stored, sent * 85 / 100)
        << "only the moments before the bind may be lost: " << err.toStdString();
}
