// wake_feed_sim: serves AIS over TCP and UDP on 127.0.0.1 at a chosen rate,
// for the live tests and benchmarks.
//
//   wake_feed_sim [--tcp-listen PORT] [--udp-to PORT] --rate N
//                 (--lines N | --seconds S) [--vessels V] [--mmsi-base B]
//                 [--drop-after K] [--file NMEA]
//
// Lines are type 1 position reports of V generated vessels in turn (each
// report a new position, so no two are alike), or the lines of --file in a
// loop. Every line goes to each destination: the TCP client (lines are made
// only while one is connected) and UDP datagrams of up to 10 lines.
// --drop-after K closes the TCP connection once after K lines (mid-stream,
// cleanly: what was written arrives) and waits for the client to come back.
// At the end it prints JSON with the lines and position reports sent.

#include "tests/support/ais_sentence_writer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUdpSocket>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace {

struct Options
{
    std::optional<quint16> tcpPort;
    std::optional<quint16> udpPort;
    double rate = 1000.0;
    std::optional<long long> lines;
    std::optional<double> seconds;
    int vessels = 20000;
    std::uint32_t mmsiBase = 211000000;
    std::optional<long long> dropAfter;
    QString file;
};

[[noreturn]] void usage(const char* why)
{
    std::fprintf(stderr,
                 "wake_feed_sim: %s\nusage: wake_feed_sim [--tcp-listen PORT] [--udp-to PORT] "
                 "--rate N (--lines N | --seconds S) [--vessels V] [--mmsi-base B] "
                 "[--drop-after K] [--file NMEA]\n",
                 why);
    std::exit(2);
}

Options parse(const QStringList& args)
{
    Options o;
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        auto value = [&]() -> QString {
            if (i + 1 >= args.size()) {
                usage("an option lacks its value");
            }
            return args[++i];
        };
        if (a == QLatin1String("--tcp-listen")) {
            o.tcpPort = static_cast<quint16>(value().toUInt());
        } else if (a == QLatin1String("--udp-to")) {
            o.udpPort = static_cast<quint16>(value().toUInt());
        } else if (a == QLatin1String("--rate")) {
            o.rate = value().toDouble();
        } else if (a == QLatin1String("--lines")) {
            o.lines = value().toLongLong();
        } else if (a == QLatin1String("--seconds")) {
            o.seconds = value().toDouble();
        } else if (a == QLatin1String("--vessels")) {
            o.vessels = value().toInt();
        } else if (a == QLatin1String("--mmsi-base")) {
            o.mmsiBase = value().toUInt();
        } else if (a == QLatin1String("--drop-after")) {
            o.dropAfter = value().toLongLong();
        } else if (a == QLatin1String("--file")) {
            o.file = value();
        } else {
            usage("unknown option");
        }
    }
    if (!o.tcpPort && !o.udpPort) {
        usage("give --tcp-listen or --udp-to");
    }
    if (!o.lines && !o.seconds) {
        usage("give --lines or --seconds");
    }
    if (o.rate <= 0 || o.vessels <= 0) {
        usage("--rate and --vessels must be positive");
    }
    return o;
}

class Feed
{
public:
    explicit Feed(const Options& o) : m_o(o)
    {
        if (!o.file.isEmpty()) {
            QFile f(o.file);
            if (!f.open(QIODevice::ReadOnly)) {
                usage("cannot read --file");
            }
            for (const QByteArray& line : f.readAll().split('\n')) {
                if (!line.trimmed().isEmpty()) {
                    m_fileLines.push_back(line.trimmed().toStdString());
                }
            }
            if (m_fileLines.empty()) {
                usage("--file has no lines");
            }
        }
    }

    // The next line and whether it is a position report.
    std::string next(bool& isPosition)
    {
        const long long i = m_index++;
        if (!m_fileLines.empty()) {
            isPosition = false;
            return m_fileLines[static_cast<std::size_t>(
                i % static_cast<long long>(m_fileLines.size()))];
        }
        const int k = static_cast<int>(i % m_o.vessels);
        const long long round = i / m_o.vessels;
        wake::testing::PositionReport r;
        r.mmsi = m_o.mmsiBase + static_cast<std::uint32_t>(k);
        // Each vessel on its own line of latitude, moving east a little each report.
        r.latDeg = -60.0 + 120.0 * (k + 0.5) / m_o.vessels;
        r.lonDeg = -170.0 + std::fmod(static_cast<double>(round) * 0.001 + k * 0.37, 340.0);
        r.sogKnots = 10.0;
        r.cogDeg = 90.0;
        r.second = static_cast<int>(round % 60);
        isPosition = true;
        return wake::testing::positionSentence(r, (i & 1) ? 'B' : 'A');
    }

private:
    const Options& m_o;
    std::vector<std::string> m_fileLines;
    long long m_index = 0;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const Options o = parse(QCoreApplication::arguments());
    Feed feed(o);
    QTcpServer server;
    QTcpSocket* client = nullptr;
    if (o.tcpPort && !server.listen(QHostAddress::LocalHost, *o.tcpPort)) {
        usage("cannot listen on the TCP port");
    }
    QUdpSocket udp;
    long long sent = 0;
    long long positions = 0;
    bool dropped = false;
    QElapsedTimer clock;
    long long sentAtStart = 0;
    QObject::connect(&server, &QTcpServer::newConnection, [&] {
        while (QTcpSocket* s = server.nextPendingConnection()) {
            if (client) {
                s->deleteLater(); // one client at a time
                continue;
            }
            client = s;
            QObject::connect(s, &QTcpSocket::disconnected, [&, s] {
                if (client == s) {
                    client = nullptr;
                }
                s->deleteLater();
            });
            if (!clock.isValid()) {
                clock.start();
            }
            sentAtStart = sent;
            clock.restart();
        }
    });
    if (!o.tcpPort) {
        clock.start();
    }
    const long long total = o.lines ? *o.lines : static_cast<long long>(*o.seconds * o.rate);
    QTimer tick;
    tick.setInterval(2);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const bool tcpReady = !o.tcpPort || client != nullptr;
        if (!tcpReady || !clock.isValid()) {
            return;
        }
        // Lines due since the (re)connection, at the rate.
        const long long due =
            sentAtStart + static_cast<long long>(clock.elapsed() * o.rate / 1000.0);
        std::string tcpBuffer;
        std::string datagram;
        int inDatagram = 0;
        auto flushDatagram = [&] {
            if (inDatagram > 0) {
                udp.writeDatagram(datagram.data(), static_cast<qint64>(datagram.size()),
                                  QHostAddress::LocalHost, *o.udpPort);
                datagram.clear();
                inDatagram = 0;
            }
        };
        while (sent < due && sent < total) {
            bool isPosition = false;
            const std::string line = feed.next(isPosition) + "\r\n";
            if (o.tcpPort) {
                tcpBuffer += line;
            }
            if (o.udpPort) {
                datagram += line;
                if (++inDatagram == 10) {
                    flushDatagram();
                }
            }
            ++sent;
            positions += isPosition ? 1 : 0;
            if (o.dropAfter && !dropped && sent == *o.dropAfter) {
                break;
            }
        }
        flushDatagram();
        if (client && !tcpBuffer.empty()) {
            client->write(tcpBuffer.data(), static_cast<qint64>(tcpBuffer.size()));
        }
        const bool dropNow = o.dropAfter && !dropped && sent == *o.dropAfter && client;
        if (dropNow || sent >= total) {
            if (client) {
                client->disconnectFromHost(); // writes what is buffered, then closes
                if (client && client->state() != QAbstractSocket::UnconnectedState) {
                    client->waitForDisconnected(5000);
                }
            }
            dropped = dropped || dropNow;
            if (sent >= total) {
                tick.stop();
                std::printf("{\"linesSent\": %lld, \"positionsSent\": %lld}\n", sent, positions);
                std::fflush(stdout);
                QCoreApplication::quit();
            }
        }
    });
    tick.start();
    return QCoreApplication::exec();
}
