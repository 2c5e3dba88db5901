// Matching vessels to list entries: by IMO, MMSI, then name with flag (a
// weaker match, former names included), at the thresholds, on generated
// traffic with known answers, and through the store on both backends.

#include "core/lists/list_library.h"
#include "core/lists/list_matcher.h"
#include "core/lists/list_reader.h"
#include "core/reference/flag_states.h"
#include "core/reference/port_index.h"
#include "core/store/database.h"
#include "tests/support/pg_test_server.h"
#include "tests/support/traffic_generator.h"

#include <gtest/gtest.h>

#include <map>

using namespace wake;
using namespace wake::lists;

namespace {

const reference::FlagStates& flags()
{
    static const reference::FlagStates f = reference::FlagStates::loadBuiltIn().value();
    return f;
}

WatchList listOf(std::vector<ListEntry> entries)
{
    WatchList l;
    l.id = 7;
    l.name = QStringLiteral("Case list");
    l.snapshot = QDate(2026, 11, 30);
    l.entries = std::move(entries);
    return l;
}

ListEntry named(const QString& id, const QString& name, const QString& flag = {})
{
    ListEntry e;
    e.entryId = id;
    e.name = name;
    e.flagAlpha2 = flag;
    return e;
}

model::Vessel vessel(const QString& name, const QString& flag)
{
    model::Vessel v;
    v.name = name;
    v.flagAlpha2 = flag;
    return v;
}

// The smallest valid IMO number at or above n.
std::uint32_t validImoFrom(std::uint32_t n)
{
    while (!model::isValidImo(n)) {
        ++n;
    }
    return n;
}

} // namespace

TEST(ListMatcher, TheChongChonGangIsEntry17069ByItsImo)
{
    auto builtIn = builtInList();
    ASSERT_TRUE(builtIn);
    ListMatcher matcher({*builtIn});
    model::Vessel ccg;
    ccg.name = QStringLiteral("CHONG CHON GANG");
    ccg.imo = 7937317;
    ccg.flagAlpha2 = QStringLiteral("KP");
    const auto matches = matcher.match(ccg);
    ASSERT_EQ(matches.size(), 1u); // its name matches the same entry: one match
    EXPECT_EQ(matches[0].entryId, QStringLiteral("17069"));
    EXPECT_EQ(matches[0].basis, MatchBasis::Imo);
    EXPECT_FALSE(matches[0].weak());
    EXPECT_EQ(matches[0].describe(),
              QStringLiteral("on the OFAC SDN list (DPRK) as of 3 May 2024: entry 17069, "
                             "matched by IMO 7937317"));
}

TEST(ListMatcher, AnMmsiOnlyMatchesTheSameHull)
{
    ListEntry e = named(QStringLiteral("1"), QStringLiteral("OCEAN STAR"));
    e.mmsi = 572469210;
    e.imo = 9187629;
    ListMatcher matcher({listOf({e})});
    model::Vessel sameHull;
    sameHull.mmsi = 572469210;
    ASSERT_EQ(matcher.match(sameHull).size(), 1u);
    EXPECT_EQ(matcher.match(sameHull)[0].basis, MatchBasis::Mmsi);
    EXPECT_EQ(matcher.match(sameHull)[0].matchedValue, QStringLiteral("MMSI 572469210"));
    model::Vessel otherHull = sameHull;
    otherHull.imo = 9177806; // the MMSI now on another ship
    EXPECT_TRUE(matcher.match(otherHull).empty());
}

TEST(ListMatcher, NamesMatchWithTheFlagAndOneLetterOffOnlyWhenLong)
{
    ListMatcher matcher(
        {listOf({named(QStringLiteral("1"), QStringLiteral("SEA BREEZE"), QStringLiteral("PA")),
                 named(QStringLiteral("2"), QStringLiteral("ARK III"), QStringLiteral("IR")),
                 named(QStringLiteral("3"), QStringLiteral("GOLDEN DAWN"))})});
    // Exact name, same flag: a weaker match, saying what matched.
    auto m = matcher.match(vessel(QStringLiteral("M/V Sea Breeze"), QStringLiteral("PA")));
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].basis, MatchBasis::Name);
    EXPECT_TRUE(m[0].weak());
    EXPECT_TRUE(
        m[0].describe().contains(QStringLiteral("matched by name M/V Sea Breeze and flag PA")));
    EXPECT_TRUE(m[0].describe().contains(QStringLiteral("weaker match")));
    // Another flag: another ship.
    EXPECT_TRUE(matcher.match(vessel(QStringLiteral("SEA BREEZE"), QStringLiteral("LR"))).empty());
    // One letter off, ten letters long, same flag: matched; seven letters: not.
    EXPECT_EQ(matcher.match(vessel(QStringLiteral("SEA BREZE"), QStringLiteral("PA"))).size(), 1u);
    EXPECT_TRUE(matcher.match(vessel(QStringLiteral("ARK IIII"), QStringLiteral("IR"))).size() ==
                1u)
        << "eight letters with the space is at the threshold";
    EXPECT_TRUE(matcher.match(vessel(QStringLiteral("ARK II"), QStringLiteral("IR"))).empty());
    // One digit off is another ship of a numbered series.
    ListMatcher series({listOf(
        {named(QStringLiteral("5"), QStringLiteral("TEST VESSEL 21"), QStringLiteral("US"))})});
    EXPECT_TRUE(
        series.match(vessel(QStringLiteral("TEST VESSEL 2"), QStringLiteral("US"))).empty());
    EXPECT_TRUE(
        series.match(vessel(QStringLiteral("TEST VESSEL 27"), QStringLiteral("US"))).empty());
    EXPECT_EQ(series.match(vessel(QStringLiteral("TEST VESEL 21"), QStringLiteral("US"))).size(),
              1u);
    // Two letters off: not.
    EXPECT_TRUE(matcher.match(vessel(QStringLiteral("SEA BRZE"), QStringLiteral("PA"))).empty());
    // The list gives no flag: a name alone is no match (as LUCKY STAR, a US
    // pleasure boat on the real Florida day, is not OFAC's DPRK cargo ship).
    EXPECT_TRUE(matcher.match(vessel(QStringLiteral("GOLDEN DAWN"), QStringLiteral("MT"))).empty());
    model::Vessel noFlag = vessel(QStringLiteral("SEA BREEZE"), {});
    noFlag.flagAlpha2.reset();
    EXPECT_TRUE(matcher.match(noFlag).empty());
    // Different IMO numbers are different hulls whatever the name.
    model::Vessel other = vessel(QStringLiteral("GOLDEN DAWN"), QStringLiteral("MT"));
    other.imo = 9177806;
    ListEntry withImo =
        named(QStringLiteral("4"), QStringLiteral("GOLDEN DAWN"), QStringLiteral("MT"));
    EXPECT_EQ(ListMatcher({listOf({withImo})})
                  .match(vessel(QStringLiteral("GOLDEN DAWN"), QStringLiteral("MT")))
                  .size(),
              1u);
    withImo.imo = 9187629;
    EXPECT_TRUE(ListMatcher({listOf({withImo})}).match(other).empty());
}

TEST(ListMatcher, FormerNamesOnEitherSide)
{
    ListEntry e = named(QStringLiteral("15037"), QStringLiteral("ARK III"), QStringLiteral("IR"));
    e.formerNames = {QStringLiteral("ABADEH")};
    ListMatcher matcher({listOf({e})});
    auto m = matcher.match(vessel(QStringLiteral("ABADEH"), QStringLiteral("IR")));
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].basis, MatchBasis::FormerName);
    model::Vessel renamed = vessel(QStringLiteral("NEW NAME"), QStringLiteral("IR"));
    renamed.history.push_back({QStringLiteral("name"), QStringLiteral("ARK III"), {}, {}, {}});
    m = matcher.match(renamed);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].basis, MatchBasis::FormerName);
    EXPECT_TRUE(m[0].matchedValue.startsWith(QStringLiteral("former name ARK III")));
}

// A list of one's own written as a user would, against generated ships whose
// answers are known: which ship each row names, and by what.
TEST(ListMatcher, AUserCsvMatchesGeneratedShipsExactlyAsPlanted)
{
    auto ports = reference::PortIndex::loadBuiltIn();
    ASSERT_TRUE(ports);
    traffic::TrafficOptions options;
    options.vessels = 60;
    options.days = 1;
    const auto traffic = traffic::generateTraffic(*ports, options);
    std::vector<model::Vessel> fleet;
    std::uint32_t nextImo = 9000000;
    for (std::size_t i = 0; i < traffic.vessels.size(); ++i) {
        model::Vessel v;
        v.id = static_cast<model::VesselId>(i + 1);
        v.mmsi = traffic.vessels[i].mmsi;
        v.name = traffic.vessels[i].name;
        v.flagAlpha2 = flags().forMmsi(*v.mmsi)->alpha2;
        v.imo = nextImo = validImoFrom(nextImo + 1);
        fleet.push_back(v);
    }
    // Row by row: by IMO (vessel 3), by MMSI (vessel 10), by name and flag
    // written as a country name (vessel 20, whatever its name's length), one
    // letter off (vessel 30, a long name), a decoy with the right name and
    // another flag (vessel 40), and an IMO with a wrong check digit.
    const auto& v3 = fleet[3];
    const auto& v10 = fleet[10];
    const auto& v20 = fleet[20];
    std::size_t longNamed = 30;
    while (fleet[longNamed].name->size() < 9) {
        ++longNamed;
    }
    const auto& v30 = fleet[longNamed];
    QString typo = *v30.name;
    typo.remove(typo.size() / 2, 1);
    const QByteArray csv = QStringLiteral("name,imo,mmsi,flag,note\n"
                                          ",%1,,,by imo\n"
                                          ",,%2,,by mmsi\n"
                                          "%3,,,%4,by name\n"
                                          "%5,,,%6,one letter off\n"
                                          "%7,,,Panama,another flag\n"
                                          ",%8,,,bad check digit\n")
                               .arg(*v3.imo)
                               .arg(*v10.mmsi)
                               .arg(*v20.name, flags().countryName(*v20.flagAlpha2))
                               .arg(typo, *v30.flagAlpha2)
                               .arg(*fleet[40].name)
                               .arg(*fleet[41].imo + 1)
                               .toUtf8();
    ListReadReport report;
    ListReadOptions read;
    read.snapshot = QDate(2026, 12, 1);
    auto list = readListData(csv, QStringLiteral("case.csv"), read, flags(), &report);
    ASSERT_TRUE(list) << list.error().toString().toStdString();
    EXPECT_EQ(report.skipped, 1);
    ListMatcher matcher({*list});
    std::map<model::VesselId, MatchBasis> found;
    for (const model::Vessel& v : fleet) {
        for (const ListMatch& m : matcher.match(v)) {
            EXPECT_FALSE(found.count(v.id)) << "two rows for vessel " << v.id;
            found[v.id] = m.basis;
        }
    }
    const std::map<model::VesselId, MatchBasis> expected{{v3.id, MatchBasis::Imo},
                                                         {v10.id, MatchBasis::Mmsi},
                                                         {v20.id, MatchBasis::Name},
                                                         {v30.id, MatchBasis::Name}};
    EXPECT_EQ(found, expected);
}

namespace {

void storesAndReadsBack(store::Database& db)
{
    auto builtIn = builtInList();
    ASSERT_TRUE(builtIn);
    WatchList copy = *builtIn;
    copy.name = QStringLiteral("OFAC copy");
    copy.builtIn = false;
    copy.sha256 = QStringLiteral("abc");
    ASSERT_TRUE(db.storeWatchList(copy));
    auto lists = db.watchLists();
    ASSERT_TRUE(lists) << lists.error().toString().toStdString();
    ASSERT_EQ(lists->size(), 1u);
    const WatchList& back = lists->front();
    EXPECT_EQ(back.name, copy.name);
    EXPECT_EQ(back.snapshot, copy.snapshot);
    EXPECT_EQ(back.format, copy.format);
    ASSERT_EQ(back.entries.size(), copy.entries.size());
    for (std::size_t i = 0; i < back.entries.size(); ++i) {
        const ListEntry& a = copy.entries[i];
        const ListEntry& b = back.entries[i];
        ASSERT_EQ(a.entryId, b.entryId);
        EXPECT_EQ(a.name, b.name);
        EXPECT_EQ(a.formerNames, b.formerNames);
        EXPECT_EQ(a.aliases, b.aliases);
        EXPECT_EQ(a.imo, b.imo);
        EXPECT_EQ(a.mmsi, b.mmsi);
        EXPECT_EQ(a.flagAlpha2, b.flagAlpha2);
        EXPECT_EQ(a.program, b.program);
    }
    // The same name again replaces it (a newer snapshot), never doubles it.
    copy.snapshot = QDate(2024, 6, 1);
    copy.entries.resize(3);
    ASSERT_TRUE(db.storeWatchList(copy));
    lists = db.watchLists();
    ASSERT_TRUE(lists);
    ASSERT_EQ(lists->size(), 1u);
    EXPECT_EQ(lists->front().snapshot, QDate(2024, 6, 1));
    EXPECT_EQ(lists->front().entries.size(), 3u);
    // Loaded with the built-in list, first.
    auto loaded = loadedLists(db);
    ASSERT_TRUE(loaded);
    ASSERT_EQ(loaded->size(), 2u);
    EXPECT_TRUE(loaded->front().builtIn);
    ASSERT_TRUE(db.removeWatchList(copy.name));
    EXPECT_TRUE(db.watchLists()->empty());
}

} // namespace

TEST(ListStore, SqliteKeepsAListWhole)
{
    auto db = store::Database::open(QStringLiteral(":memory:"));
    ASSERT_TRUE(db);
    storesAndReadsBack(*db);
}

TEST(ListStore, PostgresKeepsAListWhole)
{
    auto server = test::PgTestDatabase::create();
    ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
    auto db = store::Database::open(server->target());
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    storesAndReadsBack(*db);
}
