// The wake command line: output and exit codes, run as a real process.

#include "tests/app/cli_fixture.h"
#include "tests/support/test_files.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>
#include <sys/types.h>

namespace {

using wake::test::Cli;
using wake::test::jsonArray;
using wake::test::ProcessResult;

} // namespace

TEST_F(Cli, HelpAndVersion)
{
    const ProcessResult help = wake({QStringLiteral("--help")}, false);
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("vessels")));
    EXPECT_TRUE(help.out.contains(QStringLiteral("ports --near")));
    const ProcessResult version = wake({QStringLiteral("--version")}, false);
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(QStringLiteral("wake 0.")));
    const ProcessResult cmdHelp = wake({QStringLiteral("events"), QStringLiteral("--help")}, false);
    EXPECT_EQ(cmdHelp.exitCode, 0);
    EXPECT_TRUE(cmdHelp.out.contains(QStringLiteral("--vessel")));
}

TEST_F(Cli, VesselsListsTheScenarioShipWithoutAnMmsi)
{
    m_scenario = true;
    const ProcessResult table = wake({QStringLiteral("vessels")});
    EXPECT_EQ(table.exitCode, 0) << table.err.toStdString();
    EXPECT_TRUE(table.out.contains(QStringLiteral("Chong Chon Gang")));
    EXPECT_TRUE(table.out.contains(QStringLiteral("7937317")));

    const ProcessResult json = wake({QStringLiteral("vessels"), QStringLiteral("--json")});
    EXPECT_EQ(json.exitCode, 0);
    const QJsonArray vessels = jsonArray(json.out);
    ASSERT_EQ(vessels.size(), 1);
    const QJsonObject v = vessels.at(0).toObject();
    EXPECT_EQ(v.value(QStringLiteral("imo")).toInt(), 7937317);
    EXPECT_TRUE(v.value(QStringLiteral("mmsi")).isNull());
    EXPECT_EQ(v.value(QStringLiteral("flag")).toString(), QStringLiteral("KP"));
}

TEST_F(Cli, EventsJsonHasTheTimelineWithSources)
{
    m_scenario = true;
    const ProcessResult run = wake({QStringLiteral("events"), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonArray events = jsonArray(run.out);
    ASSERT_GT(events.size(), 30);
    bool sawSeizure = false;
    for (const QJsonValue& value : events) {
        const QJsonObject e = value.toObject();
        const QJsonArray sources = e.value(QStringLiteral("sources")).toArray();
        EXPECT_FALSE(sources.isEmpty())
            << e.value(QStringLiteral("title")).toString().toStdString();
        for (const QJsonValue& s : sources) {
            EXPECT_FALSE(s.toObject().value(QStringLiteral("title")).toString().isEmpty());
        }
        if (e.value(QStringLiteral("kind")).toString() == QLatin1String("seizure")) {
            sawSeizure = true;
            EXPECT_EQ(e.value(QStringLiteral("reportedTime")).toString(),
                      QStringLiteral("2013-07-15"));
            const QJsonObject time = e.value(QStringLiteral("time")).toObject();
            EXPECT_EQ(time.value(QStringLiteral("precision")).toString(), QStringLiteral("day"));
            EXPECT_EQ(time.value(QStringLiteral("display")).toString(),
                      QStringLiteral("15 Jul 2013"));
            const QJsonObject pos = e.value(QStringLiteral("position")).toObject();
            EXPECT_NEAR(pos.value(QStringLiteral("lat")).toDouble(), 9.3638, 1e-3);
            EXPECT_NEAR(pos.value(QStringLiteral("lon")).toDouble(), -79.8802, 1e-3);
        }
    }
    EXPECT_TRUE(sawSeizure);
}

TEST_F(Cli, EventsOfOneVessel)
{
    m_scenario = true;
    const ProcessResult all = wake({QStringLiteral("events"), QStringLiteral("--json")});
    const ProcessResult one = wake({QStringLiteral("events"), QStringLiteral("--vessel"),
                                    QStringLiteral("1"), QStringLiteral("--json")});
    EXPECT_EQ(one.exitCode, 0);
    EXPECT_EQ(jsonArray(one.out).size(), jsonArray(all.out).size());
    const ProcessResult missing =
        wake({QStringLiteral("events"), QStringLiteral("--vessel"), QStringLiteral("999")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no vessel with id 999")));
}

TEST_F(Cli, PortsNearColonNameTheColonPortsFirst)
{
    m_scenario = true;
    const ProcessResult run =
        wake({QStringLiteral("ports"), QStringLiteral("--near"), QStringLiteral("9.36,-79.88"),
              QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonArray ports = jsonArray(run.out);
    ASSERT_EQ(ports.size(), 3);
    for (const QJsonValue& p : ports) {
        const QString locode = p.toObject().value(QStringLiteral("locode")).toString();
        EXPECT_TRUE(locode == QLatin1String("PAMIT") || locode == QLatin1String("PAONX") ||
                    locode == QLatin1String("PACTB"))
            << locode.toStdString();
        EXPECT_LT(p.toObject().value(QStringLiteral("distanceKm")).toDouble(), 5.0);
    }
    const ProcessResult table =
        wake({QStringLiteral("ports"), QStringLiteral("--near"), QStringLiteral("9.36,-79.88")});
    EXPECT_EQ(table.exitCode, 0);
    EXPECT_EQ(table.out.count(QLatin1Char('\n')), 11); // header + the default 10
}

TEST_F(Cli, WrongUsageExitsWithTwoAndSaysWhy)
{
    struct Case
    {
        QStringList args;
        const char* message;
    };
    const std::vector<Case> cases = {
        {{QStringLiteral("--bogus")}, "bogus"},
        {{QStringLiteral("frobnicate")}, "unknown command"},
        {{QStringLiteral("vessels"), QStringLiteral("--colour")}, "colour"},
        {{QStringLiteral("ports")}, "--near"},
        {{QStringLiteral("ports"), QStringLiteral("--near"), QStringLiteral("91,0")}, "latitude"},
        {{QStringLiteral("ports"), QStringLiteral("--near"), QStringLiteral("abc")}, "LAT,LON"},
        {{QStringLiteral("ports"), QStringLiteral("--near"), QStringLiteral("1,2"),
          QStringLiteral("--limit"), QStringLiteral("0")},
         "--limit"},
        {{QStringLiteral("events"), QStringLiteral("--vessel"), QStringLiteral("x")}, "--vessel"},
        {{QStringLiteral("vessels"), QStringLiteral("extra")}, "unexpected argument"},
        // The window's own: what to open on.
        {{QStringLiteral("--vessel"), QStringLiteral("x")}, "--vessel"},
        {{QStringLiteral("--time"), QStringLiteral("yesterday")}, "--time"},
        {{QStringLiteral("--fit"), QStringLiteral("1,2")}, "--fit"},
        {{QStringLiteral("events"), QStringLiteral("--from"), QStringLiteral("2013-07-10"),
          QStringLiteral("--to"), QStringLiteral("2013-07-01")},
         "is after --to"},
        {{QStringLiteral("export"), QStringLiteral("--vessel"), QStringLiteral("1"),
          QStringLiteral("--from"), QStringLiteral("2013-07-10"), QStringLiteral("--to"),
          QStringLiteral("2013-07-01"), QStringLiteral("--out"), QStringLiteral("x.gpx")},
         "is after --to"},
        {{QStringLiteral("live"), QStringLiteral("--for"), QStringLiteral("nan"),
          QStringLiteral("udp://127.0.0.1:1")},
         "--for"},
        {{QStringLiteral("live"), QStringLiteral("--for"), QStringLiteral("inf"),
          QStringLiteral("udp://127.0.0.1:1")},
         "--for"},
#ifdef WAKE_HAS_GUI
        {{QStringLiteral("render"), QStringLiteral("--video"), QStringLiteral("x.mp4"),
          QStringLiteral("--duration"), QStringLiteral("nan")},
         "--duration"},
        {{QStringLiteral("render")}, "--out"},
        {{QStringLiteral("render"), QStringLiteral("--out"), QStringLiteral("x.png"),
          QStringLiteral("--time"), QStringLiteral("8 July 2013")},
         "--time"},
        {{QStringLiteral("render"), QStringLiteral("--out"), QStringLiteral("x.png"),
          QStringLiteral("--size"), QStringLiteral("10x10")},
         "--size"},
#endif
    };
    for (const Case& c : cases) {
        const ProcessResult run = wake(c.args, c.args.front() != QLatin1String("--bogus"));
        EXPECT_EQ(run.exitCode, 2) << c.args.join(' ').toStdString();
        EXPECT_TRUE(run.err.contains(QString::fromLatin1(c.message)))
            << c.args.join(' ').toStdString() << ": " << run.err.toStdString();
        EXPECT_TRUE(run.out.isEmpty());
    }
}

// Options before the command work as after it: "wake --db X vessels".
// A database given by --db is the user's: empty unless the scenario is asked
// for (--scenario), kept once it is there; the default database has it.
TEST_F(Cli, ANewDatabaseIsEmptyUnlessTheScenarioIsAskedFor)
{
    const auto vessels = [&](QStringList args, bool withDb) {
        const ProcessResult r =
            wake(QStringList{QStringLiteral("vessels"), QStringLiteral("--json")} + args, withDb);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return jsonArray(r.out).size();
    };
    const QString mine = m_dir.filePath(QStringLiteral("mine.sqlite"));
    EXPECT_EQ(vessels({QStringLiteral("--db"), mine}, false), 0);
    const QString withIt = m_dir.filePath(QStringLiteral("with.sqlite"));
    EXPECT_EQ(vessels({QStringLiteral("--db"), withIt, QStringLiteral("--scenario")}, false), 1);
    EXPECT_EQ(vessels({QStringLiteral("--db"), withIt}, false), 1); // kept
    EXPECT_EQ(vessels({QStringLiteral("--db"), mine}, false), 0);   // still the user's
    EXPECT_EQ(vessels({}, false), 1);                               // the default database
    const ProcessResult help = wake({QStringLiteral("vessels"), QStringLiteral("--help")}, false);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--scenario")));
}

TEST_F(Cli, OptionsMayComeBeforeTheCommand)
{
    const QString db = m_dir.filePath(QStringLiteral("before.sqlite"));
    const ProcessResult after = wake({QStringLiteral("vessels"), QStringLiteral("--db"), db,
                                      QStringLiteral("--json"), QStringLiteral("--scenario")},
                                     false);
    ASSERT_EQ(after.exitCode, 0) << after.err.toStdString();
    const ProcessResult before = wake(
        {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("vessels")}, false);
    EXPECT_EQ(before.exitCode, 0) << before.err.toStdString();
    EXPECT_EQ(before.out, after.out);
    EXPECT_TRUE(before.out.contains(QStringLiteral("Chong Chon Gang")));
}

// --json is offered only by the commands that print JSON: the others refuse
// it as any unknown option (exit 2) and do not list it.
TEST_F(Cli, JsonIsOfferedOnlyWhereItIsHonoured)
{
    for (const char* command : {"import", "analyze", "live"}) {
        const ProcessResult run = wake({QString::fromLatin1(command), QStringLiteral("--json")});
        EXPECT_EQ(run.exitCode, 2) << command << ": " << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(QStringLiteral("json"))) << run.err.toStdString();
        const ProcessResult help =
            wake({QString::fromLatin1(command), QStringLiteral("--help")}, false);
        EXPECT_FALSE(help.out.contains(QStringLiteral("--json"))) << command;
    }
    const ProcessResult help = wake({QStringLiteral("vessels"), QStringLiteral("--help")}, false);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--json")));
}

// Help is text on standard output and nothing on standard error: no Qt
// warning (render started a platform only to print help, which warned about
// a missing runtime folder where none is set, as under sudo or cron).
TEST_F(Cli, HelpPrintsNoWarnings)
{
    for (const char* command : {"", "vessels", "events", "voyages", "ports", "places", "render",
                                "decode", "import", "analyze", "live", "export"}) {
        QProcessEnvironment env = environment();
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        QProcess p;
        p.setProcessEnvironment(env);
        QStringList args;
        if (*command != '\0') {
            args << QString::fromLatin1(command);
        }
        p.start(QStringLiteral(WAKE_BINARY), args << QStringLiteral("--help"));
        ASSERT_TRUE(p.waitForFinished(60000));
        EXPECT_EQ(p.exitCode(), 0) << command;
        EXPECT_FALSE(p.readAllStandardOutput().isEmpty()) << command;
        EXPECT_EQ(p.readAllStandardError(), QByteArray()) << command;
    }
}

// A --db path into a folder that does not exist says that, not "read-only",
// and creates no folder.
TEST_F(Cli, ADatabaseInAMissingFolderSaysTheFolderIsMissing)
{
    const QString folder = m_dir.filePath(QStringLiteral("no-such-folder"));
    const QString path = folder + QStringLiteral("/x.sqlite");
    const ProcessResult run =
        wake({QStringLiteral("vessels"), QStringLiteral("--db"), path}, false);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("does not exist"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(folder)) << run.err.toStdString();
    EXPECT_FALSE(run.err.contains(QStringLiteral("read-only"))) << run.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(folder));
}

TEST_F(Cli, ForeignFileIsRefusedWithExitOneAndLeftAlone)
{
    const QString path = m_dir.filePath(QStringLiteral("thesis.docx"));
    ASSERT_TRUE(wake::test::writeAll(path, "PK\x03\x04 not a database"));
    const ProcessResult run =
        wake({QStringLiteral("vessels"), QStringLiteral("--db"), path}, false);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QStringLiteral("not a Wake database")));
    EXPECT_TRUE(run.err.contains(path));
    EXPECT_EQ(wake::test::readAll(path), QByteArray("PK\x03\x04 not a database"));
}

#ifdef WAKE_HAS_GUI
TEST_F(Cli, RenderWritesTheMapAtTheReplayTime)
{
    const QString out = m_dir.filePath(QStringLiteral("map.png"));
    const ProcessResult run = wake({QStringLiteral("render"), QStringLiteral("--out"), out,
                                    QStringLiteral("--size"), QStringLiteral("640x400"),
                                    QStringLiteral("--time"), QStringLiteral("2013-07-08T12:00Z")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("time 2013-07-08T12:00Z")))
        << run.out.toStdString();
    // A PNG of the asked size: the signature, then IHDR's big-endian width and height.
    QFile png(out);
    ASSERT_TRUE(png.open(QIODevice::ReadOnly));
    const QByteArray head = png.read(24);
    ASSERT_EQ(head.size(), 24);
    EXPECT_TRUE(head.startsWith("\x89PNG\r\n\x1a\n"));
    auto be32 = [&](int at) {
        return (quint32(quint8(head[at])) << 24) | (quint32(quint8(head[at + 1])) << 16) |
               (quint32(quint8(head[at + 2])) << 8) | quint32(quint8(head[at + 3]));
    };
    EXPECT_EQ(be32(16), 640u);
    EXPECT_EQ(be32(20), 400u);
}
#endif

namespace {
QString aisCorpus(const char* relative)
{
    return QStringLiteral(WAKE_TEST_DATA_DIR "/ais/") + QString::fromLatin1(relative);
}
} // namespace

TEST_F(Cli, DecodePrintsGpsdJsonAndASummary)
{
    const ProcessResult r =
        wake({QStringLiteral("decode"), aisCorpus("libais/tagblock.nmea")}, false);
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 4);
    const QJsonObject first = QJsonDocument::fromJson(lines.front().toUtf8()).object();
    EXPECT_EQ(first.value(QStringLiteral("class")).toString(), QStringLiteral("AIS"));
    EXPECT_TRUE(first.value(QStringLiteral("scaled")).toBool());
    EXPECT_TRUE(first.contains(QStringLiteral("lat")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("4 messages decoded")));

    const ProcessResult u = wake(
        {QStringLiteral("decode"), QStringLiteral("--unscaled"), aisCorpus("libais/tagblock.nmea")},
        false);
    EXPECT_FALSE(QJsonDocument::fromJson(u.out.split(QLatin1Char('\n')).front().toUtf8())
                     .object()
                     .value(QStringLiteral("scaled"))
                     .toBool());
}

TEST_F(Cli, DecodeReportsBadLinesAndMissingFiles)
{
    const QString path = m_dir.filePath(QStringLiteral("bad.nmea"));
    ASSERT_TRUE(wake::test::writeAll(path, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B\n"
                                           "garbage\n"
                                           "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n"));
    const ProcessResult r = wake({QStringLiteral("decode"), path}, false);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out.count(QLatin1Char('\n')), 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("bad checksum: 1 (line 1)"))) << r.err.toStdString();

    const ProcessResult missing =
        wake({QStringLiteral("decode"), m_dir.filePath(QStringLiteral("nope.nmea"))}, false);
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("nope.nmea")));
    EXPECT_EQ(wake({QStringLiteral("decode")}, false).exitCode, 2);
    EXPECT_EQ(
        wake({QStringLiteral("decode"), QStringLiteral("--frobnicate"), path}, false).exitCode, 2);
}

TEST_F(Cli, ImportFillsTheStoreAndVesselsListsThem)
{
    const ProcessResult r =
        wake({QStringLiteral("import"), aisCorpus("csv/dma_aisdk-2023-03-18_head.csv"),
              aisCorpus("libais/tagblock.nmea")});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("Danish Maritime Authority CSV")));
    EXPECT_TRUE(r.err.contains(QStringLiteral("positions: 3 read, 3 stored")))
        << r.err.toStdString();
    const ProcessResult vessels = wake({QStringLiteral("vessels")});
    EXPECT_TRUE(vessels.out.contains(QStringLiteral("GUARDVESSEL ADVANCER")));
    EXPECT_TRUE(vessels.out.contains(QStringLiteral("219472000")));
}

TEST_F(Cli, ImportRejectsWrongFlagsClearly)
{
    const QString log = aisCorpus("gpsd/daemon/ais-nmea.log");
    const ProcessResult onlyStart = wake(
        {QStringLiteral("import"), log, QStringLiteral("--start"), QStringLiteral("2020-01-01")});
    EXPECT_EQ(onlyStart.exitCode, 2);
    EXPECT_TRUE(onlyStart.err.contains(QStringLiteral("--start and --rate go together")));
    const ProcessResult badRate =
        wake({QStringLiteral("import"), log, QStringLiteral("--start"),
              QStringLiteral("2020-01-01"), QStringLiteral("--rate"), QStringLiteral("fast")});
    EXPECT_EQ(badRate.exitCode, 2);
    EXPECT_TRUE(badRate.err.contains(QStringLiteral("--rate")));
    const ProcessResult notAis = wake({QStringLiteral("import"), aisCorpus("README.md")});
    EXPECT_EQ(notAis.exitCode, 1);
    EXPECT_TRUE(notAis.err.contains(QStringLiteral("not an AIS file")));
    const ProcessResult noTimes = wake({QStringLiteral("import"), log});
    EXPECT_EQ(noTimes.exitCode, 0);
    EXPECT_TRUE(noTimes.err.contains(QStringLiteral("--start ISO-TIME --rate N")));
}

TEST_F(Cli, CtrlCStopsAnImportCleanlyAndKeepsWhatWasRead)
{
    const QString log = m_dir.filePath(QStringLiteral("long.nmea"));
    ASSERT_TRUE(wake::test::writeAll(
        log,
        wake::test::taggedSentences("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n", 1500000)));
    const QString db = m_dir.filePath(QStringLiteral("cli.sqlite"));
    ASSERT_EQ(wake({QStringLiteral("vessels")}).exitCode, 0); // creates the store first
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(WAKE_BINARY),
            {QStringLiteral("import"), log, QStringLiteral("--db"), db});
    ASSERT_TRUE(p.waitForStarted());
    p.setReadChannel(QProcess::StandardError);
    // The first progress line says the import is under way (its handler is in place).
    QByteArray err0;
    while (!err0.contains("lines/s") && p.waitForReadyRead(20000)) {
        err0 += p.readAllStandardError();
    }
    ASSERT_TRUE(err0.contains("lines/s")) << err0.toStdString();
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    ASSERT_TRUE(p.waitForFinished(30000));
    const QString err = QString::fromUtf8(err0 + p.readAllStandardError());
    EXPECT_EQ(p.exitCode(), 130) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("Stopped by Ctrl-C"))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("stopped before the end")));
    // What was stored is readable and whole.
    const ProcessResult vessels = wake({QStringLiteral("vessels")});
    EXPECT_EQ(vessels.exitCode, 0);
    EXPECT_TRUE(vessels.out.contains(QStringLiteral("371798000")));
}
