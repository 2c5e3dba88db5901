// The watch's done-when: a recorded 40-minute scenario (a ship through an
// area, an AIS-SART, a ship on a collision course with own ship, a listed
// ship far away that is renamed and then goes quiet, one clear of everything) gives
// exactly the expected alerts live through a local TCP feed (wake watch) and
// over the history that run stored (wake alerts); the alarm log keeps them,
// and an acknowledgement and a snooze survive the processes that made them.

#include "core/store/database.h"
#include "tests/app/cli_fixture.h"
#include "tests/support/ais_sentence_writer.h"
#include "tests/support/test_files.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <cmath>

using namespace wake;
using wake::test::Cli;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000; // seconds; 2023-11-14 22:13:20 UTC
constexpr std::uint32_t kOwn = 366999999;
constexpr std::uint32_t kThrough = 366000001;   // crosses the area
constexpr std::uint32_t kCollision = 366000002; // meets own ship head-on
constexpr std::uint32_t kClear = 366000004;     // far from everything
constexpr std::uint32_t kListed = 636012345;    // on the user's list, far away
constexpr std::uint32_t kSart = 970123456;

std::string tagged(std::int64_t seconds, const std::string& sentence)
{
    const std::string tag = "c:" + std::to_string(seconds);
    return "\\" + tag + wake::testing::nmeaChecksum(tag) + "\\" + sentence;
}

// The own ship's report as its transponder gives it: a VDO sentence.
std::string ownShip(const wake::testing::PositionReport& r)
{
    std::string s = wake::testing::positionSentence(r);
    s.replace(0, 6, "!AIVDO");
    const std::string body = s.substr(1, s.find('*') - 1);
    return s.substr(0, s.find('*')) + wake::testing::nmeaChecksum(body);
}

wake::testing::PositionReport report(std::uint32_t mmsi, double lat, double lon, double sog,
                                     double cog, int nav = 0)
{
    wake::testing::PositionReport r;
    r.mmsi = mmsi;
    r.latDeg = lat;
    r.lonDeg = lon;
    r.sogKnots = sog;
    r.cogDeg = cog;
    r.navStatus = nav;
    return r;
}

// 40 minutes, a report from each ship every 10 s (the SART every minute
// from minute 5 to 20; the listed ship until minute 30).
std::vector<std::string> scenarioLines()
{
    std::vector<std::string> lines;
    for (const std::string& s : wake::testing::staticSentences(kListed, "SEA GHOST", 70, 1)) {
        lines.push_back(tagged(kT0, s));
    }
    for (int i = 0; i < 240; ++i) {
        const std::int64_t t = kT0 + 10 * i;
        const double hours = 10.0 * i / 3600.0;
        // Own ship north at 10 kn from 47.5 N 122.4 W.
        lines.push_back(
            tagged(t, ownShip(report(kOwn, 47.5 + 10.0 * hours / 60.0, -122.4, 10, 0))));
        // Head-on, 10.05 nm ahead and 0.1 nm east, south at 10 kn.
        lines.push_back(
            tagged(t, wake::testing::positionSentence(
                          report(kCollision, 47.5 + (10.05 - 10.0 * hours) / 60.0,
                                 -122.4 + 0.1 / (60.0 * std::cos(47.5 * M_PI / 180.0)), 10, 180))));
        // East along 47.625 N through the box 122.30 W to 122.25 W.
        lines.push_back(tagged(t, wake::testing::positionSentence(report(
                                      kThrough, 47.625, -122.32 + 0.09 * i / 240.0, 5.5, 90))));
        lines.push_back(
            tagged(t, wake::testing::positionSentence(report(kClear, 48.3, -123.2, 8, 270))));
        if (i <= 180) {
            lines.push_back(tagged(t, wake::testing::positionSentence(
                                          report(kListed, 47.0, -123.5 - 0.0005 * i, 12, 270))));
        }
        if (i == 60) { // renamed at minute 10
            for (const std::string& s :
                 wake::testing::staticSentences(kListed, "OCEAN STAR", 70, 2)) {
                lines.push_back(tagged(t, s));
            }
        }
        if (i >= 30 && i <= 120 && i % 6 == 0) {
            lines.push_back(tagged(
                t, wake::testing::positionSentence(report(kSart, 47.55, -122.45, 0, 0, 14))));
        }
    }
    return lines;
}

struct Expected
{
    std::int64_t seconds; // after kT0
    const char* kind;
    std::uint32_t mmsi;
};

// Worked out from the scenario, not from the program: the listed ship at its
// first report; the SART at minute 5; the box entered at report 54 (122.29975
// W) and left at report 187 (122.249875 W); the listed ship renamed at
// minute 10; TCPA first within 12 min at
// 1,090 s (at 1,080 s it is 12.15 min); the listed ship silent from 1,800 s
// for 6 of its 10 s intervals.
const std::vector<Expected> kExpected = {
    {0, "listed_heard", kListed},      {300, "distress", kSart},  {540, "area_enter", kThrough},
    {600, "identity_change", kListed}, {1090, "cpa", kCollision}, {1860, "dark", kListed},
    {1870, "area_leave", kThrough},
};

std::vector<QJsonObject> jsonLines(const QString& out)
{
    std::vector<QJsonObject> alerts;
    for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        alerts.push_back(QJsonDocument::fromJson(line.toUtf8()).object());
    }
    return alerts;
}

void expectTheScenariosAlerts(const std::vector<QJsonObject>& alerts, const char* how)
{
    ASSERT_EQ(alerts.size(), kExpected.size()) << how;
    for (std::size_t i = 0; i < alerts.size(); ++i) {
        const QDateTime time = QDateTime::fromSecsSinceEpoch(kT0 + kExpected[i].seconds, Qt::UTC);
        EXPECT_EQ(alerts[i].value(QStringLiteral("time")).toString(),
                  time.toString(Qt::ISODateWithMs))
            << how << " alert " << i;
        EXPECT_EQ(alerts[i].value(QStringLiteral("kind")).toString(),
                  QString::fromLatin1(kExpected[i].kind))
            << how << " alert " << i;
        EXPECT_EQ(alerts[i].value(QStringLiteral("mmsi")).toInteger(), kExpected[i].mmsi)
            << how << " alert " << i;
    }
    EXPECT_EQ(alerts[0].value(QStringLiteral("list")).toString(), QStringLiteral("Watch"));
    EXPECT_TRUE(
        alerts[0].value(QStringLiteral("text")).toString().contains(QStringLiteral("SEA GHOST")));
    EXPECT_FALSE(alerts[1].value(QStringLiteral("test")).toBool());
    EXPECT_EQ(alerts[1].value(QStringLiteral("distress")).toString(), QStringLiteral("AIS-SART"));
    EXPECT_EQ(alerts[2].value(QStringLiteral("area")).toString(), QStringLiteral("Approach"));
    EXPECT_EQ(alerts[3].value(QStringLiteral("change")).toString(),
              QStringLiteral("name SEA GHOST → OCEAN STAR"));
    EXPECT_NEAR(alerts[4].value(QStringLiteral("cpaNm")).toDouble(), 0.1, 0.01);
    EXPECT_NEAR(alerts[4].value(QStringLiteral("tcpaMinutes")).toDouble(), 11.98, 0.02);
    EXPECT_NEAR(alerts[5].value(QStringLiteral("silentMinutes")).toDouble(), 1.0, 1e-9);
}

} // namespace

TEST_F(Cli, TheRecordedScenarioGivesTheSameAlertsLiveAndOverHistory)
{
    const QString db = m_dir.filePath(QStringLiteral("watch.sqlite"));
    const QString list = m_dir.filePath(QStringLiteral("watch.csv"));
    const QString rules = m_dir.filePath(QStringLiteral("rules.json"));
    ASSERT_TRUE(test::writeAll(list, "mmsi,name\n636012345,SEA GHOST\n"));
    ASSERT_TRUE(test::writeAll(rules, R"({"ownShip": {"mmsi": 366999999},
        "areas": [{"name": "Approach", "box": [47.60, -122.30, 47.65, -122.25]}],
        "rules": [{"kind": "area_enter", "area": "Approach"}, {"kind": "area_leave", "area": "Approach"},
                  {"kind": "listed_heard", "list": "Watch"}, {"kind": "dark", "list": "Watch"},
                  {"kind": "identity_change"},
                  {"kind": "cpa", "nm": 0.5, "minutes": 12}]})"));
    const auto imported =
        wake({QStringLiteral("lists"), QStringLiteral("import"), list, QStringLiteral("--name"),
              QStringLiteral("Watch"), QStringLiteral("--date"), QStringLiteral("2023-11-01"),
              QStringLiteral("--db"), db},
             false);
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();

    // Live: the recording through a local TCP feed.
    QTcpServer feed;
    ASSERT_TRUE(feed.listen(QHostAddress::LocalHost, 0));
    QProcess watch;
    watch.setProcessEnvironment(environment());
    watch.start(QStringLiteral(WAKE_BINARY),
                {QStringLiteral("watch"),
                 QStringLiteral("tcp://127.0.0.1:%1").arg(feed.serverPort()),
                 QStringLiteral("--rules"), rules, QStringLiteral("--json"),
                 QStringLiteral("--for"), QStringLiteral("6"), QStringLiteral("--db"), db});
    ASSERT_TRUE(watch.waitForStarted());
    QTcpSocket* socket = nullptr;
    for (int i = 0; i < 200 && socket == nullptr; ++i) {
        if (feed.waitForNewConnection(50)) {
            socket = feed.nextPendingConnection();
        }
    }
    ASSERT_NE(socket, nullptr) << "wake watch did not connect";
    for (const std::string& line : scenarioLines()) {
        socket->write(QByteArray::fromStdString(line + "\r\n"));
    }
    socket->flush();
    socket->waitForBytesWritten(5000);
    ASSERT_TRUE(watch.waitForFinished(30000));
    const QString liveOut = QString::fromUtf8(watch.readAllStandardOutput());
    const QString liveErr = QString::fromUtf8(watch.readAllStandardError());
    ASSERT_EQ(watch.exitCode(), 0) << liveErr.toStdString();
    EXPECT_TRUE(liveErr.contains(QStringLiteral("raised 7 alerts"))) << liveErr.toStdString();
    const auto live = jsonLines(liveOut);
    expectTheScenariosAlerts(live, "live");

    // Over history: the same rules over what the live run stored.
    const auto history = wake({QStringLiteral("alerts"), QStringLiteral("--rules"), rules,
                               QStringLiteral("--json"), QStringLiteral("--db"), db},
                              false);
    ASSERT_EQ(history.exitCode, 0) << history.err.toStdString();
    const auto replayed = jsonLines(history.out);
    expectTheScenariosAlerts(replayed, "history");
    ASSERT_EQ(replayed.size(), live.size());
    for (std::size_t i = 0; i < live.size(); ++i) {
        EXPECT_EQ(replayed[i], live[i])
            << "alert " << i << " differs: live " << QJsonDocument(live[i]).toJson().toStdString()
            << " history " << QJsonDocument(replayed[i]).toJson().toStdString();
    }

    // The alarm log kept them; an acknowledgement and a snooze outlive the
    // processes that made them.
    auto log = wake({QStringLiteral("alerts"), QStringLiteral("log"), QStringLiteral("--json"),
                     QStringLiteral("--db"), db},
                    false);
    ASSERT_EQ(log.exitCode, 0) << log.err.toStdString();
    const QJsonArray kept = test::jsonArray(log.out);
    ASSERT_EQ(kept.size(), 7);
    const qint64 cpaId = kept[2].toObject().value(QStringLiteral("id")).toInteger();
    EXPECT_EQ(kept[2].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("cpa"));
    const auto ack =
        wake({QStringLiteral("alerts"), QStringLiteral("ack"), QString::number(cpaId),
              QStringLiteral("--by"), QStringLiteral("officer"), QStringLiteral("--db"), db},
             false);
    ASSERT_EQ(ack.exitCode, 0) << ack.err.toStdString();
    const auto again = wake({QStringLiteral("alerts"), QStringLiteral("ack"),
                             QString::number(cpaId), QStringLiteral("--db"), db},
                            false);
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains(QStringLiteral("no unacknowledged alert")))
        << again.err.toStdString();
    const auto open =
        wake({QStringLiteral("alerts"), QStringLiteral("log"), QStringLiteral("--unacknowledged"),
              QStringLiteral("--json"), QStringLiteral("--db"), db},
             false);
    EXPECT_EQ(test::jsonArray(open.out).size(), 6);
    const auto snooze =
        wake({QStringLiteral("alerts"), QStringLiteral("snooze"), QString::number(kThrough),
              QStringLiteral("area_enter:Approach"), QStringLiteral("--minutes"),
              QStringLiteral("60"), QStringLiteral("--db"), db},
             false);
    ASSERT_EQ(snooze.exitCode, 0) << snooze.err.toStdString();
    auto store = store::Database::open(db);
    ASSERT_TRUE(store);
    EXPECT_TRUE(store
                    ->isSnoozed(kThrough, QStringLiteral("area_enter:Approach"),
                                QDateTime::currentMSecsSinceEpoch())
                    .value());
    auto acknowledged = store->alerts();
    ASSERT_TRUE(acknowledged);
    EXPECT_EQ(acknowledged->at(2).acknowledgedBy, QStringLiteral("officer"));
}

TEST_F(Cli, WatchAndAlertsRefuseBadRulesSayingWhere)
{
    const QString rules = m_dir.filePath(QStringLiteral("bad.json"));
    ASSERT_TRUE(
        test::writeAll(rules, R"({"rules": [{"kind": "cpa", "nm": 0.5, "minutes": 500}]})"));
    const auto alerts = wake({QStringLiteral("alerts"), QStringLiteral("--rules"), rules});
    EXPECT_EQ(alerts.exitCode, 2);
    EXPECT_TRUE(alerts.err.contains(QStringLiteral("bad.json: rules[0]: \"minutes\" is 500")))
        << alerts.err.toStdString();
    const auto watch =
        wake({QStringLiteral("watch"), QStringLiteral("tcp://127.0.0.1:9"),
              QStringLiteral("--rules"), rules, QStringLiteral("--for"), QStringLiteral("1")});
    EXPECT_EQ(watch.exitCode, 2);
    EXPECT_TRUE(watch.err.contains(QStringLiteral("\"minutes\" is 500")))
        << watch.err.toStdString();
    const auto none = wake({QStringLiteral("alerts")});
    EXPECT_EQ(none.exitCode, 2);
    const auto missing = wake({QStringLiteral("alerts"), QStringLiteral("--rules"),
                               m_dir.filePath(QStringLiteral("nope.json"))});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("cannot read the rules")))
        << missing.err.toStdString();
}

namespace {

// "ddmm.mmmm" or "dddmm.mmmm" and its hemisphere, as a GPS writes them.
std::string nmeaCoordinate(double deg, int degreeDigits, char positive, char negative)
{
    const double a = std::abs(deg);
    const int whole = static_cast<int>(a);
    char text[32];
    std::snprintf(text, sizeof text, "%0*d%07.4f,%c", degreeDigits, whole, (a - whole) * 60.0,
                  deg >= 0 ? positive : negative);
    return text;
}

std::string rmc(double lat, double lon, double sog, double cog)
{
    const std::string body = "GPRMC,221320.00,A," + nmeaCoordinate(lat, 2, 'N', 'S') + "," +
                             nmeaCoordinate(lon, 3, 'E', 'W') + "," + std::to_string(sog) + "," +
                             std::to_string(cog) + ",141123,,,A";
    return "$" + body + wake::testing::nmeaChecksum(body);
}

} // namespace

TEST_F(Cli, OwnShipFromAGpsFeedGivesTheCpaAlarmLiveAndOverHistory)
{
    const QString db = m_dir.filePath(QStringLiteral("gps.sqlite"));
    const QString rules = m_dir.filePath(QStringLiteral("cpa.json"));
    ASSERT_TRUE(test::writeAll(rules, R"({"ownShip": {"mmsi": 366999999},
        "rules": [{"kind": "cpa", "nm": 0.5, "minutes": 12}]})"));
    ASSERT_EQ(wake({QStringLiteral("vessels"), QStringLiteral("--db"), db}, false).exitCode, 0);
    QTcpServer ais;
    QTcpServer gps;
    ASSERT_TRUE(ais.listen(QHostAddress::LocalHost, 0));
    ASSERT_TRUE(gps.listen(QHostAddress::LocalHost, 0));
    QProcess watch;
    watch.setProcessEnvironment(environment());
    watch.start(
        QStringLiteral(WAKE_BINARY),
        {QStringLiteral("watch"), QStringLiteral("tcp://127.0.0.1:%1").arg(ais.serverPort()),
         QStringLiteral("--own-ship"), QStringLiteral("tcp://127.0.0.1:%1").arg(gps.serverPort()),
         QStringLiteral("--rules"), rules, QStringLiteral("--json"), QStringLiteral("--for"),
         QStringLiteral("8"), QStringLiteral("--db"), db});
    ASSERT_TRUE(watch.waitForStarted());
    QTcpSocket* aisFeed = nullptr;
    QTcpSocket* gpsFeed = nullptr;
    for (int i = 0; i < 200 && (aisFeed == nullptr || gpsFeed == nullptr); ++i) {
        if (aisFeed == nullptr && ais.waitForNewConnection(25)) {
            aisFeed = ais.nextPendingConnection();
        }
        if (gpsFeed == nullptr && gps.waitForNewConnection(25)) {
            gpsFeed = gps.nextPendingConnection();
        }
    }
    ASSERT_NE(aisFeed, nullptr);
    ASSERT_NE(gpsFeed, nullptr);
    // The collision course of the scenario, own ship from its GPS this time:
    // each ten seconds of data in turn, GPS first, 10 ms apart (two sockets
    // are read in whatever order they come; within two minutes of data the
    // engine carries either to the other's time).
    for (int i = 0; i < 240; ++i) {
        const std::int64_t t = kT0 + 10 * i;
        const double hours = 10.0 * i / 3600.0;
        gpsFeed->write(QByteArray::fromStdString(
            tagged(t, rmc(47.5 + 10.0 * hours / 60.0, -122.4, 10.0, 0.0)) + "\r\n"));
        gpsFeed->flush();
        gpsFeed->waitForBytesWritten(1000);
        aisFeed->write(QByteArray::fromStdString(
            tagged(t, wake::testing::positionSentence(
                          report(kCollision, 47.5 + (10.05 - 10.0 * hours) / 60.0,
                                 -122.4 + 0.1 / (60.0 * std::cos(47.5 * M_PI / 180.0)), 10, 180))) +
            "\r\n"));
        aisFeed->flush();
        aisFeed->waitForBytesWritten(1000);
        QThread::msleep(10);
    }
    ASSERT_TRUE(watch.waitForFinished(30000));
    const QString err = QString::fromUtf8(watch.readAllStandardError());
    ASSERT_EQ(watch.exitCode(), 0) << err.toStdString();
    const auto live = jsonLines(QString::fromUtf8(watch.readAllStandardOutput()));
    ASSERT_EQ(live.size(), 1u) << err.toStdString();
    EXPECT_EQ(live[0].value(QStringLiteral("kind")).toString(), QStringLiteral("cpa"));
    EXPECT_EQ(live[0].value(QStringLiteral("time")).toString(),
              QDateTime::fromSecsSinceEpoch(kT0 + 1090, Qt::UTC).toString(Qt::ISODateWithMs));
    // Own ship's fixes were stored under its MMSI: the archive gives the same.
    const auto history = wake({QStringLiteral("alerts"), QStringLiteral("--rules"), rules,
                               QStringLiteral("--json"), QStringLiteral("--db"), db},
                              false);
    ASSERT_EQ(history.exitCode, 0) << history.err.toStdString();
    const auto replayed = jsonLines(history.out);
    ASSERT_EQ(replayed.size(), 1u);
    // Two sockets bring the GPS and the AIS of one instant in either order:
    // the alarm is the same, its position the target's report then or the
    // one before it (docs/watch.md), 10 s and 0.03 nm apart here.
    QJsonObject liveRest = live[0];
    QJsonObject historyRest = replayed[0];
    const QJsonObject livePosition = liveRest.take(QStringLiteral("position")).toObject();
    const QJsonObject historyPosition = historyRest.take(QStringLiteral("position")).toObject();
    EXPECT_EQ(historyRest, liveRest)
        << "live " << QJsonDocument(live[0]).toJson().toStdString() << " history "
        << QJsonDocument(replayed[0]).toJson().toStdString();
    EXPECT_NEAR(historyPosition.value(QStringLiteral("lat")).toDouble(),
                livePosition.value(QStringLiteral("lat")).toDouble(), 0.001);
    EXPECT_NEAR(historyPosition.value(QStringLiteral("lon")).toDouble(),
                livePosition.value(QStringLiteral("lon")).toDouble(), 0.001);
}
