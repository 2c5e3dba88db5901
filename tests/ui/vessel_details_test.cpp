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

} // namespace
} // namespace wake::ui
