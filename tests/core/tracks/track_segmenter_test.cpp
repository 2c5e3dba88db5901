// One ship per track: the segmenter against hand-made tracks at its
// thresholds, and against Global Fishing Watch's own split of its test MMSI
// 416000000 (real positions of several boats off Taiwan).

#include "core/geo/geodesy.h"
#include "core/tracks/mmsi_identity.h"
#include "core/tracks/track_segmenter.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace wake::tracks {
namespace {

constexpr std::int64_t kT0 = 1'577'836'800'000; // 2020-01-01
constexpr std::int64_t kMinute = 60'000;

SegmenterFix at(std::int64_t t, double lat, double lon, float sog = NAN, float cog = NAN)
{
    return {t, lat, lon, sog, cog};
}

TEST(TrackSegmenter, ASpeedJustUnderTheLimitStaysOneTrackJustOverOpensAnother)
{
    const SegmenterRules rules; // 25 kn, padded by 10 min
    for (const double knots : {24.0, 26.0}) {
        TrackSegmenter s;
        // No speed reported: the distance alone counts. One hour apart.
        const double nm = knots * (1.0 + rules.paddingHours);
        const double dLat = nm / 60.0;
        EXPECT_EQ(s.add(at(kT0, 10.0, 50.0)).track, 0);
        const auto a = s.add(at(kT0 + 60 * kMinute, 10.0 + dLat, 50.0));
        EXPECT_EQ(a.opened, knots > 25.0) << knots;
    }
}

TEST(TrackSegmenter, TwoShipsFarApartAtOnceAreTwoTracks)
{
    TrackSegmenter s;
    std::vector<int> tracks;
    for (int i = 0; i < 30; ++i) {
        // One in the Bering Sea, one on Lake Huron, reporting alternately.
        tracks.push_back(s.add(at(kT0 + i * kMinute, 53.88, -166.54, 0.0F, 0.0F)).track);
        tracks.push_back(s.add(at(kT0 + i * kMinute + 20'000, 45.0, -82.4, 0.0F, 0.0F)).track);
    }
    for (std::size_t i = 0; i < tracks.size(); ++i) {
        EXPECT_EQ(tracks[i], static_cast<int>(i % 2));
    }
    EXPECT_EQ(s.trackCount(), 2);
}

TEST(TrackSegmenter, NoiseSecondsApartIsNoNewTrackAndARepeatIsOneFix)
{
    TrackSegmenter s;
    s.add(at(kT0, 25.0, -80.0, 12.0F, 90.0F));
    // Two receivers, one second and 58 m apart: 112 kn without the padding.
    const auto b = s.add(at(kT0 + 1000, 25.0, -80.0 + 58.0 / 100'800.0, 12.0F, 90.0F));
    EXPECT_FALSE(b.opened);
    EXPECT_FALSE(b.repeat);
    // The same position again two seconds later: one transmission heard twice.
    const auto c = s.add(at(kT0 + 3000, 25.0, -80.0 + 58.0 / 100'800.0, 12.0F, 90.0F));
    EXPECT_TRUE(c.repeat);
    // Ten seconds later the same position is a new report.
    EXPECT_FALSE(s.add(at(kT0 + 13'000, 25.0, -80.0 + 58.0 / 100'800.0, 12.0F, 90.0F)).repeat);
}

TEST(TrackSegmenter, AShipThatReportsNoMotionButAppearsElsewhereIsAnotherTrack)
{
    // GFW's shape factor: 3 nm in ten minutes is easy for a ship that says
    // it makes 12 kn that way, not for two reports of standing still (the
    // limit is 25 kn over the ten minutes and the padding: 8.3 nm).
    TrackSegmenter still;
    still.add(at(kT0, 10.0, 50.0, 0.0F, 0.0F));
    EXPECT_TRUE(still.add(at(kT0 + 10 * kMinute, 10.0 + 3.0 / 60.0, 50.0, 0.0F, 0.0F)).opened);
    TrackSegmenter moving;
    moving.add(at(kT0, 10.0, 50.0, 12.0F, 0.0F));
    EXPECT_FALSE(moving.add(at(kT0 + 10 * kMinute, 10.0 + 3.0 / 60.0, 50.0, 12.0F, 0.0F)).opened);
}

TEST(TrackSegmenter, ATrackSilentForMoreThanADayIsClosed)
{
    TrackSegmenter s;
    s.add(at(kT0, 10.0, 50.0));
    EXPECT_EQ(s.openTracks().size(), 1u);
    EXPECT_TRUE(s.add(at(kT0 + 25 * 60 * kMinute, 10.0, 50.0)).opened);
    EXPECT_EQ(s.openTracks().size(), 1u);
}

TEST(TrackSegmenter, OpenTracksPerMmsiAreBounded)
{
    SegmenterRules rules;
    rules.maxOpenTracks = 4;
    TrackSegmenter s(rules);
    for (int i = 0; i < 100; ++i) {
        s.add(at(kT0 + i * 1000, -60.0 + i, 10.0 * (i % 30))); // every fix somewhere else
    }
    EXPECT_EQ(s.openTracks().size(), 4u);
}

// GFW's own segmentation of its test MMSI: the share of fixes that sit in
// the track (of one side) that holds most of their track (on the other).
double agreement(const std::vector<std::string>& from, const std::vector<int>& to)
{
    std::map<std::string, std::map<int, int>> counts;
    for (std::size_t i = 0; i < from.size(); ++i) {
        ++counts[from[i]][to[i]];
    }
    int agree = 0;
    for (const auto& [key, c] : counts) {
        int best = 0;
        for (const auto& [k, n] : c) {
            best = std::max(best, n);
        }
        agree += best;
    }
    return static_cast<double>(agree) / static_cast<double>(from.size());
}

TEST(TrackSegmenter, GfwTestMmsiSplitsLikeGfwsSegmenter)
{
    QFile file(QStringLiteral(WAKE_TEST_DATA_DIR "/identity/segmented-416000000.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    struct Row
    {
        SegmenterFix fix;
        std::string segment;
    };
    std::vector<Row> rows;
    while (!file.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
        if (o.isEmpty()) {
            continue;
        }
        const QDateTime t = QDateTime::fromString(o.value(QStringLiteral("timestamp")).toString(),
                                                  Qt::ISODateWithMs);
        rows.push_back({at(t.toMSecsSinceEpoch(), o.value(QStringLiteral("lat")).toDouble(),
                           o.value(QStringLiteral("lon")).toDouble(),
                           static_cast<float>(o.value(QStringLiteral("speed")).toDouble()),
                           static_cast<float>(o.value(QStringLiteral("course")).toDouble())),
                        o.value(QStringLiteral("segment")).toString().toStdString()});
    }
    ASSERT_EQ(rows.size(), 1668u);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.fix.timeUtcMs < b.fix.timeUtcMs; });
    TrackSegmenter s;
    std::vector<int> mine;
    std::vector<std::string> gfw;
    std::map<int, std::set<std::string>> segmentsOf;
    for (const Row& r : rows) {
        const auto a = s.add(r.fix);
        mine.push_back(a.track);
        gfw.push_back(r.segment);
    }
    std::vector<std::string> mineAsText;
    for (const int t : mine) {
        mineAsText.push_back(std::to_string(t));
    }
    std::vector<int> gfwAsNumber;
    std::map<std::string, int> numbers;
    for (const auto& g : gfw) {
        gfwAsNumber.push_back(numbers.emplace(g, static_cast<int>(numbers.size())).first->second);
    }
    if (qEnvironmentVariableIsSet("WAKE_DUMP_SEGMENTS")) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::cout << "SEG " << mine[i] << " " << gfwAsNumber[i] << " " << rows[i].fix.timeUtcMs
                      << " " << rows[i].fix.latDeg << " " << rows[i].fix.lonDeg << "\n";
        }
    }
    // Per fix: does it continue the same earlier fix in both splits (or
    // start a track in both)?
    auto previous = [](const auto& labels) {
        std::map<std::string, std::size_t> last;
        std::vector<std::ptrdiff_t> out;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            std::ostringstream key;
            key << labels[i];
            const auto it = last.find(key.str());
            out.push_back(it == last.end() ? -1 : static_cast<std::ptrdiff_t>(it->second));
            last[key.str()] = i;
        }
        return out;
    };
    const auto mineBefore = previous(mine);
    const auto gfwBefore = previous(gfw);
    std::size_t sameLink = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        sameLink += mineBefore[i] == gfwBefore[i];
    }
    const double linkAgreement = static_cast<double>(sameLink) / static_cast<double>(rows.size());
    const double mineInGfw = agreement(mineAsText, gfwAsNumber);
    const double gfwInMine = agreement(gfw, mine);
    std::cout << "416000000: " << s.trackCount() << " tracks (GFW: " << numbers.size()
              << "); fixes agreeing, Wake's tracks in GFW's: " << mineInGfw
              << ", GFW's in Wake's: " << gfwInMine
              << "; each fix continuing the same fix as in GFW's: " << linkAgreement << "\n";
    // What matters for a ship: no track of Wake's joins fixes of boats that
    // GFW keeps apart at the same time (Kaohsiung and Keelung, the Indian
    // Ocean) at a speed no boat makes.
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> span;
    for (const Row& r : rows) {
        auto [it, fresh] =
            span.emplace(r.segment, std::make_pair(r.fix.timeUtcMs, r.fix.timeUtcMs));
        it->second.first = std::min(it->second.first, r.fix.timeUtcMs);
        it->second.second = std::max(it->second.second, r.fix.timeUtcMs);
    }
    std::map<int, std::size_t> lastOf;
    int simultaneousMixes = 0;
    int pairs = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (const auto it = lastOf.find(mine[i]); it != lastOf.end()) {
            ++pairs;
            const auto& a = span[gfw[it->second]];
            const auto& b = span[gfw[i]];
            const bool overlap = a.first <= b.second && b.first <= a.second;
            const double metres =
                geo::distanceM({rows[it->second].fix.latDeg, rows[it->second].fix.lonDeg},
                               {rows[i].fix.latDeg, rows[i].fix.lonDeg});
            const double hours =
                static_cast<double>(rows[i].fix.timeUtcMs - rows[it->second].fix.timeUtcMs) / 3.6e6;
            const bool mix = gfw[it->second] != gfw[i] && overlap && metres > 50'000.0 &&
                             metres / geo::kMetresPerNauticalMile > 30.0 * hours;
            if (mix) {
                ++simultaneousMixes;
                std::cout << "mixed: " << rows[it->second].fix.latDeg << ","
                          << rows[it->second].fix.lonDeg << " at " << rows[it->second].fix.timeUtcMs
                          << " then " << rows[i].fix.latDeg << "," << rows[i].fix.lonDeg << " at "
                          << rows[i].fix.timeUtcMs << "\n";
            }
        }
        lastOf[mine[i]] = i;
    }
    EXPECT_EQ(simultaneousMixes, 0) << "of " << pairs << " consecutive fixes";
    EXPECT_GE(linkAgreement, 0.95);
    EXPECT_GE(mineInGfw, 0.85);
    EXPECT_GE(gfwInMine, 0.75);
}

TEST(MmsiIdentity, PlaceholderAndDefaultMmsisAreNoUniqueIdentity)
{
    EXPECT_EQ(mmsiProblem(0), MmsiProblem::Zero);
    EXPECT_EQ(mmsiProblem(1193046), MmsiProblem::Default);
    for (const std::uint64_t test :
         {12345678ULL, 123456789ULL, 111111111ULL, 999999999ULL, 987654321ULL}) {
        EXPECT_EQ(mmsiProblem(test), MmsiProblem::TestNumber) << test;
    }
    EXPECT_EQ(mmsiProblem(1234567890ULL), MmsiProblem::TooManyDigits);
    EXPECT_EQ(mmsiProblem(1056261), MmsiProblem::NoValidMid); // seven digits
    EXPECT_EQ(mmsiProblem(199000001), MmsiProblem::NoValidMid);
    EXPECT_EQ(mmsiProblem(200000001, false), MmsiProblem::NoValidMid);
    EXPECT_EQ(mmsiProblem(366614000, true), MmsiProblem::None);
    EXPECT_EQ(mmsiProblem(416000000, true), MmsiProblem::None);
    EXPECT_TRUE(isUniqueIdentity(mmsiProblem(303457000, true)));
    EXPECT_FALSE(describe(MmsiProblem::Default).isEmpty());
}

} // namespace
} // namespace wake::tracks
