// The details of a vessel whose MMSI other ships transmit too, and of one
// with a placeholder MMSI, say so.

#include "ui/panels/vessel_details_html.h"

#include <gtest/gtest.h>

namespace wake::ui {
namespace {

model::Vessel vessel(model::VesselId id, std::uint32_t mmsi, const char* name)
{
    model::Vessel v;
    v.id = id;
    v.mmsi = mmsi;
    if (name != nullptr) {
        v.name = QString::fromLatin1(name);
    }
    return v;
}

TEST(VesselDetails, ASharedMmsiListsTheOtherTransmitters)
{
    const auto a = vessel(7, 303457000, "ALASKA STAR");
    const std::vector<model::Vessel> sharing{a, vessel(9, 303457000, "HURON QUEEN"),
                                             vessel(12, 303457000, nullptr)};
    const QString note = mmsiIdentityNote(a, sharing);
    EXPECT_EQ(note, QStringLiteral("MMSI shared with 2 other transmitters: #9 HURON QUEEN, #12"));
    EXPECT_TRUE(
        vesselDetailsHtml(a, {}, nullptr, sharing).contains(QStringLiteral("#9 HURON QUEEN")));
    EXPECT_TRUE(mmsiIdentityNote(a, {a}).isEmpty());
}

TEST(VesselDetails, APlaceholderMmsiIsNoUniqueIdentity)
{
    const auto v = vessel(3, 1193046, "BLUEFIN V");
    EXPECT_TRUE(mmsiIdentityNote(v, {}).startsWith(QStringLiteral("not a unique identity")));
    EXPECT_TRUE(
        vesselDetailsHtml(v, {}, nullptr).contains(QStringLiteral("not a unique identity")));
}

TEST(VesselDetails, ListMatchesSayTheListTheEntryWhatMatchedAndTheDate)
{
    lists::ListMatch strong;
    strong.list = QStringLiteral("OFAC SDN");
    strong.snapshot = QDate(2024, 5, 3);
    strong.entryId = QStringLiteral("17069");
    strong.program = QStringLiteral("DPRK");
    strong.matchedValue = QStringLiteral("IMO 7937317");
    lists::ListMatch weak = strong;
    weak.list = QStringLiteral("Case 7");
    weak.basis = lists::MatchBasis::Name;
    weak.program.clear();
    weak.entryId = QStringLiteral("line 2");
    weak.matchedValue = QStringLiteral("name CHONG CHON GANG and flag KP");
    const QString html =
        vesselDetailsHtml(vessel(1, 445114000, "CHONG CHON GANG"), {}, nullptr, {}, {strong, weak});
    EXPECT_TRUE(html.contains(QStringLiteral("On the OFAC SDN list (DPRK) as of 3 May 2024: "
                                             "entry 17069, matched by IMO 7937317")))
        << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("<b>Possible:</b> On the Case 7 list as of")));
    EXPECT_FALSE(vesselDetailsHtml(vessel(1, 445114000, "X"), {}, nullptr)
                     .contains(QStringLiteral("sanctions or watch list")));
}

TEST(VesselDetails, IdentityOverTimeSaysEachValueItsPeriodAndWhereItIsKnownFrom)
{
    auto v = vessel(5, 352000001, "OCEAN GRACE");
    v.imo = 9187629;
    const model::TimeSpan jan{1'577'836'800'000, 1'577'836'800'000, model::TimePrecision::Minute};
    v.history.push_back(
        {QStringLiteral("name"), QStringLiteral("SEA GRACE"), std::nullopt, jan, {}});
    v.history.push_back(
        {QStringLiteral("flag"), QStringLiteral("PA"), std::nullopt, jan, {QStringLiteral("S4")}});
    auto sameHull = vessel(9, 636000001, "OCEAN GRACE");
    sameHull.imo = 9187629;
    lists::ListMatch m;
    m.list = QStringLiteral("OFAC SDN");
    m.entryId = QStringLiteral("15037");
    m.entryFormerNames = {QStringLiteral("ABADEH")};
    const QString html =
        vesselDetailsHtml(v,
                          {{QStringLiteral("S4"), QStringLiteral("Registry"),
                            QStringLiteral("https://example.org/r")}},
                          nullptr, {}, {m}, {investigate::SameHull{sameHull, std::nullopt}});
    EXPECT_TRUE(html.contains(QStringLiteral("Identity over time")));
    EXPECT_TRUE(html.contains(
        QStringLiteral("SEA GRACE <small>(until 2020-01-01 00:00 UTC; AIS static data)")))
        << html.toStdString();
    EXPECT_TRUE(html.contains(QStringLiteral("<a href='https://example.org/r'>S4</a>")));
    EXPECT_TRUE(html.contains(QStringLiteral("#9 OCEAN GRACE (MMSI 636000001)")));
    EXPECT_TRUE(html.contains(QStringLiteral("OFAC SDN entry 15037: formerly or also ABADEH")));
    EXPECT_FALSE(html.contains(QStringLiteral("Possibly the same hull")));
}

TEST(VesselDetails, AHandOverReadsAsAPossibleLinkWithWhenAndHowFar)
{
    auto v = vessel(5, 352000001, "OCEAN GRACE");
    auto earlier = vessel(9, 636000001, "SEA GRACE");
    investigate::MmsiHandover h;
    h.earlier = 9;
    h.later = 5;
    h.silentMs = 14 * 60 * 1000;
    h.distanceM = 2'340.4;
    h.lastFix.timeUtcMs = 1'577'836'800'000; // 2020-01-01 00:00 UTC
    const QString html =
        vesselDetailsHtml(v, {}, nullptr, {}, {}, {investigate::SameHull{earlier, h}});
    EXPECT_TRUE(html.contains(QStringLiteral("Possibly the same hull under another MMSI")));
    EXPECT_TRUE(html.contains(QStringLiteral("a lead, not proof")));
    EXPECT_TRUE(html.contains(QStringLiteral(
        "#9 SEA GRACE (MMSI 636000001) was last heard 1 Jan 2020 00:00 UTC; this MMSI was "
        "first heard 0 h 14 min after it stopped, 2340 m away")))
        << html.toStdString();
    EXPECT_FALSE(html.contains(QStringLiteral("the same IMO number")));
}

} // namespace
} // namespace wake::ui
