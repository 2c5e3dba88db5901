// The rules file: the issue's example and every kind read back; each
// mistake an error naming the rule and the key; stored areas by name;
// distress always on.

#include "core/watch/watch_rules.h"

#include <gtest/gtest.h>

using namespace wake;
using namespace wake::watch;

namespace {

Result<WatchRules> parse(const char* json, const std::vector<geo::Area>& stored = {})
{
    return parseWatchRules(QByteArray(json), QStringLiteral("."), stored);
}

QString errorOf(const char* json)
{
    auto r = parse(json);
    return r ? QString() : r.error().toString();
}

} // namespace

TEST(WatchRules, TheIssuesExampleReadsWithDistressAdded)
{
    auto r = parse(R"({"areas": [{"name": "Approach", "box": [47.60, -122.40, 47.65, -122.35]}],
        "rules": [{"kind": "area_enter", "area": "Approach"}, {"kind": "area_leave", "area": "Approach"},
                  {"kind": "listed_heard", "list": "watch"}, {"kind": "cpa", "nm": 0.5, "minutes": 12}]})");
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    ASSERT_EQ(r->areas.size(), 1u);
    EXPECT_TRUE(r->areas[0].contains({47.62, -122.38}));
    ASSERT_EQ(r->rules.size(), 5u);
    EXPECT_EQ(r->rules[0].name, QStringLiteral("area_enter:Approach"));
    EXPECT_EQ(r->rules[2].list, QStringLiteral("watch"));
    EXPECT_DOUBLE_EQ(r->rules[3].nm, 0.5);
    EXPECT_DOUBLE_EQ(r->rules[3].minutes, 12.0);
    EXPECT_EQ(r->rules[4].kind, RuleKind::Distress);
    EXPECT_FALSE(r->ownShipMmsi);
}

TEST(WatchRules, EveryKindWithItsValues)
{
    auto r = parse(R"({"ownShip": {"mmsi": 366999999},
        "areas": [{"name": "P", "polygon": [[1, 1], [1, 2], [2, 2]]}],
        "rules": [{"kind": "area_dwell", "area": "P", "minutes": 90},
                  {"kind": "dark", "mmsi": [636012345], "intervals": 4},
                  {"kind": "not_authorised", "area": "P", "list": "Pilots"},
                  {"kind": "cpa", "nm": 1, "minutes": 20, "whenMoored": true, "name": "close"}]})");
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    EXPECT_EQ(r->ownShipMmsi, 366999999u);
    EXPECT_DOUBLE_EQ(r->rules[0].minutes, 90.0);
    EXPECT_EQ(r->rules[1].mmsis, std::vector<std::uint32_t>{636012345});
    EXPECT_EQ(r->rules[1].intervals, 4);
    EXPECT_EQ(r->rules[2].list, QStringLiteral("Pilots"));
    EXPECT_TRUE(r->rules[3].whenMoored);
    EXPECT_EQ(r->rules[3].name, QStringLiteral("close"));
}

TEST(WatchRules, AnAreaNotInTheFileComesFromTheStore)
{
    const std::vector<geo::Area> stored{
        geo::Area::box({9.2, -80.0}, {9.45, -79.8}, QStringLiteral("Colón approach"))};
    auto r = parse(R"({"rules": [{"kind": "area_enter", "area": "Colón approach"}]})", stored);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    ASSERT_EQ(r->areas.size(), 1u);
    EXPECT_TRUE(r->areas[0].contains({9.3, -79.9}));
    // A box more than half the world wide crosses 180, as --area reads it.
    auto across = parse(R"({"areas": [{"name": "B", "box": [50, 170, 60, -170]}],
        "rules": [{"kind": "area_enter", "area": "B"}]})");
    ASSERT_TRUE(across);
    EXPECT_TRUE(across->areas[0].contains({55, 179}));
    EXPECT_FALSE(across->areas[0].contains({55, 0}));
}

TEST(WatchRules, EachMistakeNamesTheRuleAndTheKey)
{
    EXPECT_TRUE(errorOf("{").contains(QStringLiteral("not JSON")));
    EXPECT_TRUE(errorOf(R"({"rules": [{"kind": "collision"}]})")
                    .contains(QStringLiteral("rules[0]: unknown kind \"collision\"")));
    EXPECT_TRUE(errorOf(R"({"rules": [{"kind": "cpa", "nm": 100, "minutes": 12}]})")
                    .contains(QStringLiteral("\"nm\" is 100; it must be from 0.01 to 20")));
    EXPECT_TRUE(errorOf(R"({"rules": [{"kind": "cpa", "nm": "half", "minutes": 12}]})")
                    .contains(QStringLiteral("\"nm\" must be a number")));
    EXPECT_TRUE(errorOf(R"({"rules": [{"kind": "cpa", "nm": 0.5, "minutes": 12, "guard": 1}]})")
                    .contains(QStringLiteral("\"guard\" is not a key of a cpa rule")));
    EXPECT_TRUE(errorOf(R"({"rules": [{"kind": "area_enter", "area": "Nowhere"}]})")
                    .contains(QStringLiteral("no area \"Nowhere\"")));
    EXPECT_TRUE(errorOf(R"({"rules": [{"kind": "distress"}]})")
                    .contains(QStringLiteral("distress is always watched")));
    EXPECT_TRUE(errorOf(R"({"rules": [{"kind": "dark", "mmsi": [1], "intervals": 1}]})")
                    .contains(QStringLiteral("\"intervals\" is 1")));
    EXPECT_TRUE(errorOf(R"({"rules": [{"kind": "dark", "mmsi": [12.5]}]})")
                    .contains(QStringLiteral("an MMSI is a whole number")));
    EXPECT_TRUE(
        errorOf(
            R"({"rules": [{"kind": "not_authorised", "area": "A"}], "areas": [{"name": "A", "box": [1,1,2,2]}]})")
            .contains(QStringLiteral("needs the \"list\"")));
    EXPECT_TRUE(errorOf(R"({"rules": [{"kind": "listed_heard"}, {"kind": "listed_heard"}]})")
                    .contains(QStringLiteral("two rules are called \"listed_heard\"")));
    EXPECT_TRUE(errorOf(R"({"areas": [{"name": "A", "box": [1,1,1,2]}], "rules": []})")
                    .contains(QStringLiteral("areas[0]")));
    EXPECT_TRUE(errorOf(R"({"rules": [], "alarms": []})")
                    .contains(QStringLiteral("unknown key \"alarms\"")));
    EXPECT_TRUE(
        errorOf(
            R"({"areas": [{"name": "A", "box": [1,1,2,2]}, {"name": "A", "box": [1,1,2,2]}], "rules": []})")
            .contains(QStringLiteral("\"A\" is used twice")));
}
