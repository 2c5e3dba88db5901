#include "core/reference/ais_tables.h"
#include "core/reference/flag_states.h"
#include "tests/support/test_files.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using wake::reference::AisTables;
using wake::reference::FlagStates;

namespace {

const FlagStates& flags()
{
    static const auto table = FlagStates::loadBuiltIn();
    EXPECT_TRUE(table.ok()) << table.error().toString().toStdString();
    return table.value();
}

QString flagOf(std::uint32_t mmsi)
{
    const auto* state = flags().forMmsi(mmsi);
    return state != nullptr ? state->alpha2 : QStringLiteral("unknown");
}

} // namespace

TEST(FlagStates, LoadsTheWholeMidTable)
{
    EXPECT_EQ(flags().midCount(), 292u);
}

TEST(FlagStates, ShipStationMmsiToFlag)
{
    EXPECT_EQ(flagOf(445123456), QStringLiteral("KP")); // North Korea
    EXPECT_EQ(flagOf(323000001), QStringLiteral("CU")); // Cuba
    for (std::uint32_t mid : {351u, 352u, 353u, 354u, 355u, 356u, 357u, 370u, 371u, 372u, 373u}) {
        EXPECT_EQ(flagOf(mid * 1000000u + 123456u), QStringLiteral("PA")) << mid;
    }
    EXPECT_EQ(flagOf(219472000), QStringLiteral("DK"));
    EXPECT_EQ(flagOf(366999999), QStringLiteral("US"));
}

TEST(FlagStates, NonShipStationsAndUnassignedMidsAreUnknown)
{
    EXPECT_EQ(flagOf(3669999), QStringLiteral("unknown"));   // 7 digits: a coast station 00MID...
    EXPECT_EQ(flagOf(111232500), QStringLiteral("unknown")); // SAR aircraft
    EXPECT_EQ(flagOf(992351000), QStringLiteral("unknown")); // aid to navigation
    EXPECT_EQ(flagOf(970123456), QStringLiteral("unknown")); // AIS-SART
    EXPECT_EQ(flagOf(800000000), QStringLiteral("unknown"));
    EXPECT_EQ(flagOf(0), QStringLiteral("unknown"));
    EXPECT_EQ(flagOf(200000000), QStringLiteral("unknown")); // MID 200 is not assigned
}

TEST(FlagStates, ShipStationMidBoundaries)
{
    EXPECT_FALSE(FlagStates::shipStationMid(199999999));
    EXPECT_EQ(FlagStates::shipStationMid(200000000), 200);
    EXPECT_EQ(FlagStates::shipStationMid(799999999), 799);
    EXPECT_FALSE(FlagStates::shipStationMid(800000000));
}

TEST(FlagStates, NamesAndSubdivisions)
{
    EXPECT_EQ(flags().countryName(QStringLiteral("cu")), QStringLiteral("Cuba"));
    EXPECT_EQ(flags().alpha2ForNumeric(QStringLiteral("591")), QStringLiteral("PA"));
    const auto* azores = flags().midEntry(204);
    ASSERT_NE(azores, nullptr);
    EXPECT_EQ(azores->alpha2, QStringLiteral("PT"));
    EXPECT_EQ(azores->subdivision, QStringLiteral("PT-20"));
    const auto* panama = flags().byAlpha2(QStringLiteral("PA"));
    ASSERT_NE(panama, nullptr);
    EXPECT_GE(panama->mids.size(), 11u);
    const auto* ascension = flags().midEntry(608); // not an ISO 3166-1 code
    ASSERT_NE(ascension, nullptr);
    EXPECT_NE(flags().byAlpha2(ascension->alpha2), nullptr);
}

TEST(FlagStates, BrokenTableIsAClearError)
{
    QTemporaryDir dir;
    const QString mids = dir.filePath(QStringLiteral("mids.csv"));
    const QString iso = dir.filePath(QStringLiteral("iso.csv"));
    ASSERT_TRUE(wake::test::writeAll(
        iso, "alpha2,alpha3,numeric,name_en,flag_svg\nCU,CUB,192,Cuba,cu.svg\n"));
    ASSERT_TRUE(wake::test::writeAll(mids, "mid,alpha2\n323,CU\n"));
    auto missingColumn = FlagStates::load(mids, iso);
    ASSERT_FALSE(missingColumn.ok());
    EXPECT_TRUE(
        missingColumn.error().message.contains(QStringLiteral("missing column \"alpha3\"")));

    ASSERT_TRUE(wake::test::writeAll(
        mids,
        "mid,alpha2,alpha3,iso3166_2_subdivision,itu_name,flag_svg\nabc,CU,CUB,,Cuba,cu.svg\n"));
    auto badMid = FlagStates::load(mids, iso);
    ASSERT_FALSE(badMid.ok());
    EXPECT_TRUE(badMid.error().where.endsWith(QStringLiteral(":2")));
}

TEST(AisTables, ShipTypesAndNavigationalStatus)
{
    const auto tables = AisTables::loadBuiltIn();
    ASSERT_TRUE(tables.ok());
    ASSERT_TRUE(tables->shipType(70));
    EXPECT_EQ(tables->shipType(70)->displayGroup, QStringLiteral("Cargo"));
    EXPECT_EQ(tables->shipType(80)->displayGroup, QStringLiteral("Tanker"));
    EXPECT_FALSE(tables->shipType(100));
    EXPECT_FALSE(tables->shipType(-1));
    ASSERT_TRUE(tables->navStatus(1));
    EXPECT_EQ(*tables->navStatus(1), QStringLiteral("At anchor"));
    EXPECT_FALSE(tables->navStatus(16));
}
