// Reading tracks from a PostgreSQL archive. A long one comes in two halves
// at once, on the store's connection and a second one sharing its snapshot
// (store/pg_track_read.cpp): whatever happens to the second connection, the
// track read is the whole track, in order, each position once. Analysis
// reads ahead on connections of its own (analysis/track_prefetcher.h).

#include "core/analysis/track_prefetcher.h"
#include "core/store/database.h"
#include "tests/support/pg_test_server.h"

#include <QScopeGuard>

#include <gtest/gtest.h>

#include <limits>

using namespace wake;
using store::Database;

namespace {

constexpr std::int64_t kStart = 1'700'006'400'000; // 2023-11-15 00:00 UTC
constexpr std::int64_t kDay = 86'400'000;
constexpr std::int64_t kStep = 60'000;

// A fix a minute for five days, every field set and varied, with values
// the store keeps exactly; plus one fix a millisecond after the middle of
// the span, where the halves meet.
std::vector<model::TrackPoint> fiveDays(model::VesselId vessel)
{
    std::vector<model::TrackPoint> points;
    for (std::int64_t t = kStart; t <= kStart + 5 * kDay; t += kStep) {
        const auto i = static_cast<int>((t - kStart) / kStep);
        model::TrackPoint p;
        p.vesselId = vessel;
        p.timeUtcMs = t;
        p.latDeg = static_cast<double>(100'000'000 + i) / 1e7;
        p.lonDeg = static_cast<double>(-800'000'000 - 3 * i) / 1e7;
        p.sogKnots = static_cast<float>(i % 300) / 10.0F;
        if (i % 7 != 0) {
            p.cogDeg = static_cast<float>(i % 3600) / 10.0F;
        }
        p.headingDeg = static_cast<std::int16_t>(i % 360);
        p.navStatus = static_cast<std::uint8_t>(i % 16);
        p.provenance = i % 11 == 0 ? model::Provenance::Reconstructed : model::Provenance::Observed;
        points.push_back(p);
        if (t == kStart + 5 * kDay / 2) {
            model::TrackPoint justAfter = p;
            justAfter.timeUtcMs = t + 1;
            points.push_back(justAfter);
        }
    }
    return points;
}

std::int64_t sessions(Database& db)
{
    auto n = db.connection().queryInt(
        QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                       "current_database() AND backend_type = 'client backend'"));
    return n ? *n : -1;
}

class StoreServerRead : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto server = test::PgTestDatabase::create();
        ASSERT_TRUE(server.ok()) << server.error().toString().toStdString();
        m_server.emplace(std::move(*server));
        auto db = Database::open(m_server->target());
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        m_db.emplace(std::move(*db));
        model::Vessel v;
        v.mmsi = 273000002;
        m_vessel = *m_db->upsertVessel(v);
        m_points = fiveDays(m_vessel);
    }

    std::optional<test::PgTestDatabase> m_server;
    std::optional<Database> m_db;
    model::VesselId m_vessel = 0;
    std::vector<model::TrackPoint> m_points;
};

constexpr auto kAllTime = std::numeric_limits<std::int64_t>::min();
constexpr auto kNoEnd = std::numeric_limits<std::int64_t>::max();

} // namespace

TEST_F(StoreServerRead, ALongTrackComesWholeInOrderOnTwoConnections)
{
    ASSERT_EQ(*m_db->insertTrackPoints(m_points), static_cast<std::int64_t>(m_points.size()));
    ASSERT_EQ(sessions(*m_db), 1);

    auto whole = m_db->track(m_vessel, kAllTime, kNoEnd);
    ASSERT_TRUE(whole.ok()) << whole.error().toString().toStdString();
    EXPECT_EQ(*whole, m_points);
    EXPECT_EQ(sessions(*m_db), 2) << "the later half came on a second connection";

    // A window inside the track, split on its own span.
    const std::int64_t from = kStart + kDay / 2 + 1;
    const std::int64_t to = kStart + 4 * kDay + 30'000;
    std::vector<model::TrackPoint> expected;
    for (const auto& p : m_points) {
        if (p.timeUtcMs >= from && p.timeUtcMs <= to) {
            expected.push_back(p);
        }
    }
    auto window = m_db->track(m_vessel, from, to);
    ASSERT_TRUE(window.ok());
    EXPECT_EQ(*window, expected);

    auto motion = m_db->track(m_vessel, kAllTime, kNoEnd, store::TrackFields::Motion);
    ASSERT_TRUE(motion.ok());
    ASSERT_EQ(motion->size(), m_points.size());
    EXPECT_FALSE(motion->back().headingDeg.has_value());
    EXPECT_EQ(motion->back().sogKnots, m_points.back().sogKnots);
}

TEST_F(StoreServerRead, TheCallersUncommittedPositionsAreRead)
{
    // A second connection cannot see them: inside a transaction the track
    // is read on the store's own connection.
    store::Transaction tx(m_db->connection());
    ASSERT_TRUE(tx.beginStatus().ok());
    ASSERT_EQ(*m_db->appendTrackPoints(m_points), static_cast<std::int64_t>(m_points.size()));
    auto track = m_db->track(m_vessel, kAllTime, kNoEnd);
    ASSERT_TRUE(track.ok()) << track.error().toString().toStdString();
    EXPECT_EQ(*track, m_points);
}

TEST_F(StoreServerRead, ASecondConnectionEndedByTheServerLosesNothing)
{
    ASSERT_EQ(*m_db->insertTrackPoints(m_points), static_cast<std::int64_t>(m_points.size()));
    ASSERT_EQ(m_db->track(m_vessel, kAllTime, kNoEnd)->size(), m_points.size());
    ASSERT_EQ(sessions(*m_db), 2);
    // As an administrator (or a restart of the server's workers) would.
    ASSERT_EQ(*m_db->connection().queryInt(QStringLiteral(
                  "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
                  "current_database() AND pid <> pg_backend_pid() AND backend_type = 'client "
                  "backend'")),
              1);

    auto afterLoss = m_db->track(m_vessel, kAllTime, kNoEnd);
    ASSERT_TRUE(afterLoss.ok()) << afterLoss.error().toString().toStdString();
    EXPECT_EQ(*afterLoss, m_points);

    auto reopened = m_db->track(m_vessel, kAllTime, kNoEnd);
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(*reopened, m_points);
    EXPECT_EQ(sessions(*m_db), 2) << "a new second connection";
}

TEST_F(StoreServerRead, LongRangesAreNarrowedToTheVesselsPositions)
{
    ASSERT_EQ(*m_db->insertTrackPoints(m_points), static_cast<std::int64_t>(m_points.size()));
    model::Vessel silent;
    silent.mmsi = 273000003;
    const auto silentId = *m_db->upsertVessel(silent);
    auto none = m_db->track(silentId, kAllTime, kNoEnd);
    ASSERT_TRUE(none.ok()) << none.error().toString().toStdString();
    EXPECT_TRUE(none->empty());

    auto after = m_db->track(m_vessel, kStart + 6 * kDay, kStart + 20 * kDay);
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(after->empty());

    // Three days before the first fix up to it: that fix alone.
    auto before = m_db->track(m_vessel, kStart - 3 * kDay, kStart);
    ASSERT_TRUE(before.ok());
    ASSERT_EQ(before->size(), 1u);
    EXPECT_EQ(before->front(), m_points.front());

    // The last fix and what lies beyond.
    auto end = m_db->track(m_vessel, m_points.back().timeUtcMs, kNoEnd);
    ASSERT_TRUE(end.ok());
    ASSERT_EQ(end->size(), 1u);
    EXPECT_EQ(end->front(), m_points.back());
}

TEST_F(StoreServerRead, AnalysisReadsAheadOnConnectionsOfItsOwnWithThePasswordGiven)
{
    // The login's password only in what the store was opened with (not in
    // the environment): the readers must open with it too, not with the
    // password-free name the window shows.
    const QByteArray password = qgetenv("PGPASSWORD");
    ASSERT_FALSE(password.isEmpty()) << "the test server sets PGPASSWORD";
    const auto restore = qScopeGuard([&] { qputenv("PGPASSWORD", password); });
    qunsetenv("PGPASSWORD");
    auto db = Database::open(m_server->target() + QStringLiteral(" password=") +
                             QString::fromUtf8(password));
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    ASSERT_FALSE(db->path().contains(QString::fromUtf8(password)));

    std::vector<model::VesselId> vessels;
    std::vector<std::vector<model::TrackPoint>> tracks;
    for (std::uint32_t i = 0; i < 12; ++i) {
        model::Vessel v;
        v.mmsi = 273100000 + i;
        vessels.push_back(*db->upsertVessel(v));
        tracks.emplace_back();
        for (std::int64_t k = 0; k < 50; ++k) {
            model::TrackPoint p;
            p.vesselId = vessels.back();
            p.timeUtcMs = kStart + k * kDay / 10 + i;
            p.latDeg = static_cast<double>(100'000'000 + 1000 * i + k) / 1e7;
            p.lonDeg = -70.0;
            tracks.back().push_back(p);
        }
        ASSERT_TRUE(db->insertTrackPoints(tracks.back()).ok());
    }
    const std::int64_t before = sessions(*db);
    analysis::TrackPrefetcher ahead(*db, vessels, kAllTime, kNoEnd);
    EXPECT_EQ(sessions(*db), before + 2) << "two readers of its own";
    for (const auto& expected : tracks) {
        auto track = ahead.next();
        ASSERT_TRUE(track.ok()) << track.error().toString().toStdString();
        EXPECT_EQ(*track, expected);
    }
}
