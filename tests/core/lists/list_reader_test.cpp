// Reading each list format: the ships, their identifiers and former names,
// what is not a ship, damaged rows, and the date the list is as of.

#include "core/lists/list_library.h"
#include "core/lists/list_reader.h"
#include "core/lists/list_text.h"
#include "core/reference/flag_states.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace wake;
using namespace wake::lists;

namespace {

const reference::FlagStates& flags()
{
    static const reference::FlagStates f = reference::FlagStates::loadBuiltIn().value();
    return f;
}

const ListEntry* entry(const WatchList& list, const QString& id)
{
    for (const ListEntry& e : list.entries) {
        if (e.entryId == id) {
            return &e;
        }
    }
    return nullptr;
}

// Two sdn.csv rows as the Treasury writes them (Latin-1 é), a person, a
// row cut short, and the file's closing end-of-file character.
const QByteArray kOfacCsv =
    "15036,\"ARTAVIL\",\"vessel\",\"IRAN] [IRGC\",-0- ,\"T2EU4\",\"Crude/Oil Products "
    "Tanker\",\"99,144\",\"56,068\",\"Iran\",-0- ,\"Vessel Registration Identification IMO "
    "9187629; MMSI 572469210; f.k.a. 'ALPHA'; a.k.a. 'ARTA'; Linked To: NATIONAL IRANIAN "
    "TANKER COMPANY.\"\r\n"
    "99001,\"CAF\xc9 DEL MAR\",\"vessel\",\"CUBA\",-0- ,-0- ,\"Tug\",-0- ,\"189\",\"Cuba\",-0- "
    ",-0- \r\n"
    "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Havana, "
    "Cuba.\"\r\n"
    "99002,\"SHORT ROW\",\"vessel\"\r\n"
    "\x1a";

} // namespace

TEST(ListText, ImoNeedsItsCheckDigit)
{
    EXPECT_EQ(parseImo(QStringLiteral("IMO 7937317")), 7937317u);
    EXPECT_EQ(parseImo(QStringLiteral("7937317")), 7937317u);
    EXPECT_FALSE(parseImo(QStringLiteral("IMO 7937318")));
    EXPECT_FALSE(parseImo(QStringLiteral("IMO 793731")));
    EXPECT_EQ(parseMmsi(QStringLiteral("MMSI 445114000")), 445114000u);
    EXPECT_FALSE(parseMmsi(QStringLiteral("44511400")));
}

TEST(ListText, NamesCompareWithoutPrefixPunctuationOrAccents)
{
    EXPECT_EQ(nameKey(QStringLiteral("M/V Chong-Chon Gang")), QStringLiteral("CHONG CHON GANG"));
    EXPECT_EQ(nameKey(QStringLiteral("MT  Café del Mar.")), QStringLiteral("CAFE DEL MAR"));
    EXPECT_EQ(nameKey(QStringLiteral("MV")), QStringLiteral("MV")); // a ship called MV keeps it
    EXPECT_EQ(editDistance(QStringLiteral("CHONG CHON GANG"), QStringLiteral("CHONG CHON GAN"), 1),
              1);
    EXPECT_GT(editDistance(QStringLiteral("CHONG CHON GANG"), QStringLiteral("CHONG CHIN GAN"), 1),
              1);
}

TEST(ListText, DateInAFileName)
{
    EXPECT_EQ(dateInFileName(QStringLiteral("/x/sdn-2024-05-03.csv")), QDate(2024, 5, 3));
    EXPECT_EQ(dateInFileName(QStringLiteral("ConList_20240503.csv")), QDate(2024, 5, 3));
    EXPECT_FALSE(dateInFileName(QStringLiteral("sdn.csv")));
    EXPECT_FALSE(dateInFileName(QStringLiteral("sdn-2024-13-45.csv")));
}

TEST(BuiltInList, IsTheOfacListOfThirdMay2024WithTheChongChonGang)
{
    auto list = builtInList();
    ASSERT_TRUE(list) << list.error().toString().toStdString();
    EXPECT_EQ(list->entries.size(), 851u); // every vessel row of that day's sdn.csv
    EXPECT_EQ(list->snapshot, QDate(2024, 5, 3));
    EXPECT_EQ(list->title(), QStringLiteral("OFAC SDN list as of 3 May 2024"));
    EXPECT_TRUE(list->builtIn);
    const ListEntry* ccg = entry(*list, QStringLiteral("17069"));
    ASSERT_NE(ccg, nullptr);
    EXPECT_EQ(ccg->name, QStringLiteral("CHONG CHON GANG"));
    EXPECT_EQ(ccg->imo, 7937317u);
    EXPECT_EQ(ccg->program, QStringLiteral("DPRK"));
    EXPECT_EQ(ccg->flagAlpha2, QStringLiteral("KP"));
    // Every flag the Treasury writes is a country Wake knows.
    for (const ListEntry& e : list->entries) {
        EXPECT_TRUE(e.flagText.isEmpty() || !e.flagAlpha2.isEmpty())
            << e.entryId.toStdString() << " " << e.flagText.toStdString();
    }
}

TEST(OfacCsv, ReadsShipsAndCountsTheRest)
{
    ListReadReport report;
    ListReadOptions options;
    options.snapshot = QDate(2024, 5, 3);
    auto list = readListData(kOfacCsv, QStringLiteral("sdn.csv"), options, flags(), &report);
    ASSERT_TRUE(list) << list.error().toString().toStdString();
    EXPECT_EQ(list->format, ListFormat::OfacSdnCsv);
    EXPECT_EQ(list->name, QStringLiteral("OFAC SDN"));
    EXPECT_EQ(list->snapshotBasis, QStringLiteral("given with --date"));
    ASSERT_EQ(list->entries.size(), 2u);
    const ListEntry& artavil = list->entries[0];
    EXPECT_EQ(artavil.program, QStringLiteral("IRAN; IRGC"));
    EXPECT_EQ(artavil.imo, 9187629u);
    EXPECT_EQ(artavil.mmsi, 572469210u);
    EXPECT_EQ(artavil.callSign, QStringLiteral("T2EU4"));
    EXPECT_EQ(artavil.flagAlpha2, QStringLiteral("IR"));
    EXPECT_EQ(artavil.formerNames, QStringList{QStringLiteral("ALPHA")});
    EXPECT_EQ(artavil.aliases, QStringList{QStringLiteral("ARTA")});
    EXPECT_EQ(list->entries[1].name, QStringLiteral("CAFÉ DEL MAR")); // Latin-1 read as such
    EXPECT_FALSE(list->entries[1].imo);
    EXPECT_EQ(report.records, 4);
    EXPECT_EQ(report.notShips, 1);
    EXPECT_EQ(report.skipped, 1);
    ASSERT_EQ(report.problems.size(), 1);
    EXPECT_TRUE(report.problems[0].startsWith(QStringLiteral("line 4:")));
}

TEST(OfacCsv, WithoutADateIsRefusedNotGivenOne)
{
    auto list = readListData(kOfacCsv, QStringLiteral("sdn.csv"), {}, flags());
    ASSERT_FALSE(list);
    EXPECT_TRUE(list.error().message.contains(QStringLiteral("--date")));
    EXPECT_EQ(list.error().where, QStringLiteral("sdn.csv"));
    // A date in the file's name is enough.
    auto named = readListData(kOfacCsv, QStringLiteral("sdn-20240503.csv"), {}, flags());
    ASSERT_TRUE(named);
    EXPECT_EQ(named->snapshot, QDate(2024, 5, 3));
}

TEST(OfacXml, ReadsPublishDateIdsAndFormerNames)
{
    const QByteArray xml = R"(<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="http://tempuri.org/sdnList.xsd">
  <publshInformation><Publish_Date>05/03/2024</Publish_Date><Record_Count>2</Record_Count></publshInformation>
  <sdnEntry><uid>17069</uid><lastName>CHONG CHON GANG</lastName><sdnType>Vessel</sdnType>
    <programList><program>DPRK</program></programList>
    <idList><id><uid>9000</uid><idType>Vessel Registration Identification</idType><idNumber>IMO 7937317</idNumber></id>
            <id><uid>9001</uid><idType>MMSI</idType><idNumber>445114000</idNumber></id></idList>
    <akaList><aka><uid>9002</uid><type>f.k.a.</type><category>strong</category><lastName>AMNOK GANG</lastName></aka></akaList>
    <vesselInfo><callSign>HMZF</callSign><vesselType>General Cargo</vesselType><vesselFlag>Korea, North</vesselFlag></vesselInfo>
  </sdnEntry>
  <sdnEntry><uid>36</uid><lastName>AEROCARIBBEAN AIRLINES</lastName><sdnType>Entity</sdnType>
    <programList><program>CUBA</program></programList></sdnEntry>
</sdnList>)";
    ListReadReport report;
    auto list = readListData(xml, QStringLiteral("sdn.xml"), {}, flags(), &report);
    ASSERT_TRUE(list) << list.error().toString().toStdString();
    EXPECT_EQ(list->format, ListFormat::OfacSdnXml);
    EXPECT_EQ(list->snapshot, QDate(2024, 5, 3));
    EXPECT_EQ(list->snapshotBasis, QStringLiteral("published in the file"));
    ASSERT_EQ(list->entries.size(), 1u);
    const ListEntry& e = list->entries[0];
    EXPECT_EQ(e.entryId, QStringLiteral("17069"));
    EXPECT_EQ(e.imo, 7937317u);
    EXPECT_EQ(e.mmsi, 445114000u);
    EXPECT_EQ(e.formerNames, QStringList{QStringLiteral("AMNOK GANG")});
    EXPECT_EQ(e.flagAlpha2, QStringLiteral("KP"));
    EXPECT_EQ(e.callSign, QStringLiteral("HMZF"));
    EXPECT_EQ(report.notShips, 1);

    // Cut short, it is refused whole rather than read in part.
    auto cut =
        readListData(xml.left(xml.indexOf("<akaList>")), QStringLiteral("sdn.xml"), {}, flags());
    ASSERT_FALSE(cut);
    EXPECT_TRUE(cut.error().message.contains(QStringLiteral("line")))
        << cut.error().message.toStdString();
}

TEST(UkConsolidatedCsv, GroupsTheNamesOfAShip)
{
    // The layout of OFSI's ConList.csv (hand-made rows, the columns it names).
    const QByteArray csv =
        "Last Updated,03/05/2024\r\n"
        "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Country,Other Information,Group Type,"
        "Alias Type,Regime,Listed On,Group ID,IMO Number,Current believed flag of ship\r\n"
        "SUN ROSE,,,,,,,,\"Previously known as ...\",Ship,Primary name,Russia,01/02/2024,15001,"
        "9298222,Cameroon\r\n"
        "SUNROSE,,,,,,,,,Ship,AKA,Russia,01/02/2024,15001,,\r\n"
        "SOVCOMFLOT,,,,,,,Russia,,Entity,Primary name,Russia,01/02/2024,15002,,\r\n"
        "ASTRA,,,,,,,,\"IMO: 9177806\",Ship,Primary name,Russia,01/02/2024,15003,,Gabon\r\n";
    ListReadReport report;
    auto list = readListData(csv, QStringLiteral("ConList.csv"), {}, flags(), &report);
    ASSERT_TRUE(list) << list.error().toString().toStdString();
    EXPECT_EQ(list->format, ListFormat::UkConsolidatedCsv);
    EXPECT_EQ(list->snapshot, QDate(2024, 5, 3));
    ASSERT_EQ(list->entries.size(), 2u);
    const ListEntry* sun = entry(*list, QStringLiteral("15001"));
    ASSERT_NE(sun, nullptr);
    EXPECT_EQ(sun->name, QStringLiteral("SUN ROSE"));
    EXPECT_EQ(sun->aliases, QStringList{QStringLiteral("SUNROSE")});
    EXPECT_EQ(sun->imo, 9298222u);
    EXPECT_EQ(sun->flagAlpha2, QStringLiteral("CM"));
    EXPECT_EQ(sun->program, QStringLiteral("Russia"));
    const ListEntry* astra = entry(*list, QStringLiteral("15003"));
    ASSERT_NE(astra, nullptr);
    EXPECT_EQ(astra->imo, 9177806u); // from Other Information
    EXPECT_EQ(report.notShips, 1);
}

TEST(OpenSanctionsJson, ReadsVesselsOnePerLineOrAsAnArray)
{
    const QByteArray lines =
        R"({"id":"ofac-17069","schema":"Vessel","properties":{"name":["CHONG CHON GANG"],"imoNumber":["IMO 7937317"],"flag":["kp"],"previousName":["AMNOK GANG"],"programId":["US-DPRK"]},"last_seen":"2024-05-02T10:00:00","last_change":"2023-01-01T00:00:00"})"
        "\n"
        R"({"id":"p-1","schema":"Person","properties":{"name":["Someone"]},"last_seen":"2024-05-03T00:00:00"})"
        "\n"
        "{broken\n"
        R"({"id":"x-2","schema":"Vessel","properties":{"name":["ARTAVIL"],"mmsi":["572469210"]},"last_seen":"2024-04-30T00:00:00"})"
        "\n";
    ListReadReport report;
    auto list = readListData(lines, QStringLiteral("entities.ftm.json"), {}, flags(), &report);
    ASSERT_TRUE(list) << list.error().toString().toStdString();
    EXPECT_EQ(list->format, ListFormat::OpenSanctionsJson);
    EXPECT_EQ(list->snapshot, QDate(2024, 5, 2)); // the latest a vessel was seen listed
    ASSERT_EQ(list->entries.size(), 2u);
    EXPECT_EQ(list->entries[0].imo, 7937317u);
    EXPECT_EQ(list->entries[0].flagAlpha2, QStringLiteral("KP"));
    EXPECT_EQ(list->entries[0].formerNames, QStringList{QStringLiteral("AMNOK GANG")});
    EXPECT_EQ(list->entries[0].program, QStringLiteral("US-DPRK"));
    EXPECT_EQ(list->entries[1].mmsi, 572469210u);
    EXPECT_EQ(report.notShips, 1);
    EXPECT_EQ(report.skipped, 1);
    ASSERT_FALSE(report.problems.isEmpty());
    EXPECT_TRUE(report.problems[0].startsWith(QStringLiteral("line 3:")));

    const QByteArray array = "[" + lines.split('\n')[0] + "]";
    auto fromArray = readListData(array, QStringLiteral("x.json"), {}, flags());
    ASSERT_TRUE(fromArray);
    EXPECT_EQ(fromArray->entries.size(), 1u);
}

TEST(UserCsv, ReadsItsColumnsAndSaysWhichRowsItLeftOut)
{
    const QByteArray csv = "Note,MMSI,Name,IMO,Flag,Call Sign\n"
                           "ours,,Chong Chon Gang,7937317,North Korea,\n"
                           "by mmsi,366000008,,,,\n"
                           "bad imo,,X,7937318,,\n"
                           "bad flag,,Y,,Atlantis,\n"
                           ",,,,,\n"
                           "name only,,SEA BREEZE,,St. Kitts & Nevis,V4AB\n";
    ListReadReport report;
    ListReadOptions options;
    options.name = QStringLiteral("Case 7");
    options.snapshot = QDate(2026, 11, 30);
    auto list = readListData(csv, QStringLiteral("mine.csv"), options, flags(), &report);
    ASSERT_TRUE(list) << list.error().toString().toStdString();
    EXPECT_EQ(list->name, QStringLiteral("Case 7"));
    ASSERT_EQ(list->entries.size(), 3u);
    EXPECT_EQ(list->entries[0].imo, 7937317u);
    EXPECT_EQ(list->entries[0].flagAlpha2, QStringLiteral("KP"));
    EXPECT_EQ(list->entries[0].note, QStringLiteral("ours"));
    EXPECT_EQ(list->entries[1].mmsi, 366000008u);
    EXPECT_EQ(list->entries[2].flagAlpha2, QStringLiteral("KN"));
    EXPECT_EQ(list->entries[2].callSign, QStringLiteral("V4AB"));
    EXPECT_EQ(report.skipped, 2);
    ASSERT_EQ(report.problems.size(), 2);
    EXPECT_TRUE(report.problems[0].startsWith(QStringLiteral("line 4:")));
    EXPECT_TRUE(report.problems[1].contains(QStringLiteral("Atlantis")));
}

TEST(UserCsv, FromAFileIsAsOfItsLastChange)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("watch.csv"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("name,flag\nSEA BREEZE,PA\n");
    f.close();
    auto list = readListFile(path, {}, flags());
    ASSERT_TRUE(list) << list.error().toString().toStdString();
    EXPECT_EQ(list->name, QStringLiteral("watch"));
    EXPECT_EQ(list->snapshot, QFileInfo(path).lastModified().toUTC().date());
    EXPECT_EQ(list->snapshotBasis, QStringLiteral("the file's last change"));
}

TEST(ListFiles, WhatIsNoListIsRefusedSayingWhere)
{
    for (const QByteArray& bad :
         {QByteArray("MMSI,BaseDateTime,LAT,LON\n1,2,3,4\n"), QByteArray("<html></html>"),
          QByteArray(), QByteArray("\x00\x01\x02garbage", 10)}) {
        auto list = readListData(bad, QStringLiteral("f.bin"), {}, flags());
        ASSERT_FALSE(list);
        EXPECT_EQ(list.error().where, QStringLiteral("f.bin"));
    }
    auto missing = readListFile(QStringLiteral("/nonexistent/sdn.csv"), {}, flags());
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().where, QStringLiteral("/nonexistent/sdn.csv"));
}
