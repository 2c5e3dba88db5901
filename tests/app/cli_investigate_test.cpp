// wake lists, calls and profile, and the list matches of wake vessels, as a user runs them.

#include "tests/app/cli_fixture.h"
#include "tests/support/test_files.h"

#include <QFile>
#include <QJsonObject>

using namespace wake::test;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    EXPECT_TRUE(wake::test::writeAll(path, bytes)) << path.toStdString();
    return path;
}

} // namespace

TEST_F(Cli, TheScenarioShipIsOnTheBuiltInOfacListByItsImo)
{
    m_scenario = true;
    const ProcessResult lists = wake({QStringLiteral("lists")});
    ASSERT_EQ(lists.exitCode, 0) << lists.err.toStdString();
    EXPECT_TRUE(lists.out.contains(QStringLiteral("OFAC SDN  2024-05-03")))
        << lists.out.toStdString();

    const ProcessResult json =
        wake({QStringLiteral("vessels"), QStringLiteral("--listed"), QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonArray vessels = jsonArray(json.out);
    ASSERT_EQ(vessels.size(), 1);
    const QJsonArray matches = vessels[0].toObject().value(QStringLiteral("lists")).toArray();
    ASSERT_EQ(matches.size(), 1);
    const QJsonObject m = matches[0].toObject();
    EXPECT_EQ(m.value(QStringLiteral("list")).toString(), QStringLiteral("OFAC SDN"));
    EXPECT_EQ(m.value(QStringLiteral("entry")).toString(), QStringLiteral("17069"));
    EXPECT_EQ(m.value(QStringLiteral("program")).toString(), QStringLiteral("DPRK"));
    EXPECT_EQ(m.value(QStringLiteral("snapshot")).toString(), QStringLiteral("2024-05-03"));
    EXPECT_EQ(m.value(QStringLiteral("matchedBy")).toString(), QStringLiteral("imo"));
}

TEST_F(Cli, AListOfOnesOwnIsImportedReplacedAndRemoved)
{
    m_scenario = true;
    const QString csv = writeFile(m_dir, QStringLiteral("case.csv"),
                                  "name,imo,flag,note\n"
                                  "CHONG CHON GANG,,KP,by name\n"
                                  "BAD,1234568,,wrong check digit\n");
    const ProcessResult imported =
        wake({QStringLiteral("lists"), QStringLiteral("import"), csv, QStringLiteral("--name"),
              QStringLiteral("Case 7"), QStringLiteral("--date"), QStringLiteral("2026-11-30")});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.err.contains(QStringLiteral("1 ship(s) as \"Case 7\"")))
        << imported.err.toStdString();
    EXPECT_TRUE(imported.err.contains(QStringLiteral("line 3: IMO \"1234568\"")))
        << imported.err.toStdString();
    EXPECT_TRUE(imported.err.contains(QStringLiteral("1 vessel in the database matches it")));

    const ProcessResult json =
        wake({QStringLiteral("vessels"), QStringLiteral("--listed"), QStringLiteral("--json")});
    const QJsonArray matches =
        jsonArray(json.out)[0].toObject().value(QStringLiteral("lists")).toArray();
    ASSERT_EQ(matches.size(), 2);
    const QJsonObject mine = matches[1].toObject();
    EXPECT_EQ(mine.value(QStringLiteral("list")).toString(), QStringLiteral("Case 7"));
    EXPECT_EQ(mine.value(QStringLiteral("matchedBy")).toString(), QStringLiteral("name"));
    EXPECT_TRUE(mine.value(QStringLiteral("weak")).toBool());
    EXPECT_EQ(mine.value(QStringLiteral("snapshot")).toString(), QStringLiteral("2026-11-30"));

    // Importing under the same name again replaces the list.
    ASSERT_EQ(
        wake({QStringLiteral("lists"), QStringLiteral("import"), csv, QStringLiteral("--name"),
              QStringLiteral("Case 7"), QStringLiteral("--date"), QStringLiteral("2026-12-01")})
            .exitCode,
        0);
    const QJsonArray loaded =
        jsonArray(wake({QStringLiteral("lists"), QStringLiteral("--json")}).out);
    ASSERT_EQ(loaded.size(), 2);
    EXPECT_EQ(loaded[1].toObject().value(QStringLiteral("snapshot")).toString(),
              QStringLiteral("2026-12-01"));

    const ProcessResult removed =
        wake({QStringLiteral("lists"), QStringLiteral("remove"), QStringLiteral("Case 7")});
    EXPECT_EQ(removed.exitCode, 0) << removed.err.toStdString();
    EXPECT_EQ(jsonArray(wake({QStringLiteral("lists"), QStringLiteral("--json")}).out).size(), 1);
    // The built-in list stays.
    const ProcessResult builtIn =
        wake({QStringLiteral("lists"), QStringLiteral("remove"), QStringLiteral("OFAC SDN")});
    EXPECT_EQ(builtIn.exitCode, 1);
    EXPECT_TRUE(builtIn.err.contains(QStringLiteral("built-in list cannot be removed")));
}

TEST_F(Cli, AListWithoutADateOrThatIsNoListIsRefusedAndNothingStored)
{
    const QString sdn = writeFile(
        m_dir, QStringLiteral("sdn.csv"),
        "17069,\"CHONG CHON GANG\",\"vessel\",\"DPRK\",-0- ,-0- ,\"General Cargo\",-0- ,-0- ,"
        "\"Democratic People's Republic of Korea\",-0- ,\"Vessel Registration Identification "
        "IMO 7937317.\"\r\n");
    const ProcessResult undated = wake({QStringLiteral("lists"), QStringLiteral("import"), sdn});
    EXPECT_EQ(undated.exitCode, 1);
    EXPECT_TRUE(undated.err.contains(sdn)) << undated.err.toStdString();
    EXPECT_TRUE(undated.err.contains(QStringLiteral("--date YYYY-MM-DD")));
    const QString ais = writeFile(m_dir, QStringLiteral("ais.csv"), "MMSI,BaseDateTime,LAT,LON\n");
    EXPECT_EQ(wake({QStringLiteral("lists"), QStringLiteral("import"), ais}).exitCode, 1);
    EXPECT_EQ(wake({QStringLiteral("lists"), QStringLiteral("import"), sdn,
                    QStringLiteral("--date"), QStringLiteral("3 May")})
                  .exitCode,
              2);
    EXPECT_EQ(jsonArray(wake({QStringLiteral("lists"), QStringLiteral("--json")}).out).size(), 1);

    // With its date it is kept under a name of its own, never the built-in's.
    const ProcessResult dated = wake({QStringLiteral("lists"), QStringLiteral("import"), sdn,
                                      QStringLiteral("--date"), QStringLiteral("2024-05-03")});
    ASSERT_EQ(dated.exitCode, 0) << dated.err.toStdString();
    EXPECT_TRUE(dated.err.contains(QStringLiteral("\"OFAC SDN 2024-05-03\"")));
}

TEST_F(Cli, TheScenarioLedgerHasItsReportedCallsAndItsProfileItsDarkTime)
{
    m_scenario = true;
    const ProcessResult calls = wake({QStringLiteral("calls"), QStringLiteral("--country"),
                                      QStringLiteral("CU"), QStringLiteral("--json")});
    ASSERT_EQ(calls.exitCode, 0) << calls.err.toStdString();
    const QJsonArray cuba = jsonArray(calls.out);
    ASSERT_EQ(cuba.size(), 4); // Havana, Mariel, Puerto Padre, Havana again in 2014
    const QJsonObject padre = cuba[2].toObject();
    EXPECT_EQ(padre.value(QStringLiteral("port")).toString(), QStringLiteral("Puerto Padre"));
    EXPECT_EQ(padre.value(QStringLiteral("basis")).toString(), QStringLiteral("reported"));
    EXPECT_EQ(padre.value(QStringLiteral("arrival"))
                  .toObject()
                  .value(QStringLiteral("display"))
                  .toString(),
              QStringLiteral("24 Jun 2013"));
    EXPECT_EQ(padre.value(QStringLiteral("departure"))
                  .toObject()
                  .value(QStringLiteral("display"))
                  .toString(),
              QStringLiteral("5 Jul 2013"));
    EXPECT_EQ(padre.value(QStringLiteral("durationHours")).toDouble(), 11 * 24.0);
    EXPECT_TRUE(padre.value(QStringLiteral("durationByDate")).toBool());

    const ProcessResult profile = wake({QStringLiteral("profile"), QStringLiteral("--vessel"),
                                        QStringLiteral("1"), QStringLiteral("--json")});
    ASSERT_EQ(profile.exitCode, 0) << profile.err.toStdString();
    const QJsonObject p = QJsonDocument::fromJson(profile.out.toUtf8()).object();
    // AIS off from Vostochny (12 Apr) to Balboa (31 May), and from the canal
    // (1 Jun) to Manzanillo (11 Jul): 49 and 40 days, as the sources date them.
    EXPECT_EQ(p.value(QStringLiteral("darkHours")).toDouble(), 89 * 24.0);
    EXPECT_EQ(p.value(QStringLiteral("longestDarkHours")).toDouble(), 49 * 24.0);
    EXPECT_EQ(p.value(QStringLiteral("lists")).toArray().size(), 1);
    const ProcessResult noVessel = wake({QStringLiteral("profile")});
    EXPECT_EQ(noVessel.exitCode, 2);
    EXPECT_TRUE(noVessel.err.contains(QStringLiteral("--vessel")));
}
