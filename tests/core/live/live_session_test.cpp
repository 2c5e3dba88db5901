// The live session without sockets: lines handed to it as sources would.
// A recording re-imports to the same tracks; duplicates are stored once
// with every hearing; a lost target heard again leaves an AIS gap.

#include "core/io/ais_import.h"
#include "core/live/live_session.h"
#include "tests/support/live_test_support.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace wake::live {
namespace {

using testing::positionLines;

class LiveSessionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        testing::ensureCoreApplication();
        ASSERT_TRUE(m_dir.isValid());
        auto db = store::Database::open(m_dir.filePath(QStringLiteral("live.sqlite")));
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        m_db.emplace(std::move(*db));
    }

    std::unique_ptr<LiveSession> session(const QString& recordFolder = {})
    {
        LiveOptions options;
        options.recordFolder = recordFolder;
        options.commitIntervalMs = 60'000; // the test commits
        auto s = std::make_unique<LiveSession>(*m_db, options);
        // Sources that are never opened: the test hands their lines in.
        EXPECT_TRUE(
            s->addSource({QStringLiteral("north"), QStringLiteral("udp://127.0.0.1:9"), false})
                .ok());
        EXPECT_TRUE(
            s->addSource({QStringLiteral("south"), QStringLiteral("udp://127.0.0.1:9"), false})
                .ok());
        return s;
    }

    std::vector<model::TrackPoint> trackOf(store::Database& db, std::uint32_t mmsi)
    {
        auto id = db.findVesselByMmsi(mmsi);
        if (!id.ok() || !id->has_value()) {
            return {};
        }
        return *db.track(**id, 0, std::numeric_limits<std::int64_t>::max());
    }

    QTemporaryDir m_dir;
    std::optional<store::Database> m_db;
};

constexpr std::int64_t kT0 = 1'700'000'000'000;

TEST_F(LiveSessionTest, ARecordingReimportsToIdenticalTracks)
{
    const QString folder = m_dir.filePath(QStringLiteral("rec"));
    auto live = session(folder);
    // 40 vessels, 10 reports each, heard by north; south hears a third of
    // them again 0.5 s later; some lines bring their own time; type 5s between.
    const std::vector<std::string> lines = positionLines(400, 219000000, 40);
    std::int64_t t = kT0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        t += 250;
        live->handleLine(0, lines[i], t);
        if (i % 3 == 0) {
            live->handleLine(1, lines[i], t + 500);
        }
        if (i % 50 == 0) {
            for (const std::string& f : testing::staticSentences(
                     219000000 + static_cast<std::uint32_t>(i % 40), "VESSEL " + std::to_string(i),
                     70, static_cast<int>(i % 10))) {
                live->handleLine(0, f, t);
            }
        }
        if (i % 97 == 0) {
            // A sender's own tag block time (seconds) wins over the receive time.
            const std::string tag = "c:" + std::to_string((t + 90'000) / 1000);
            live->handleLine(
                1, "\\" + tag + testing::nmeaChecksum(tag) + "\\" + lines[(i + 1) % lines.size()],
                t);
        }
    }
    ASSERT_TRUE(live->commit().ok());
    live.reset();

    const QStringList recorded = QDir(folder).entryList({QStringLiteral("*.nmea")}, QDir::Files);
    ASSERT_EQ(recorded.size(), 1);
    auto other = store::Database::open(m_dir.filePath(QStringLiteral("reimport.sqlite")));
    ASSERT_TRUE(other.ok());
    io::AisImporter importer(*other);
    auto summary = importer.importFile(QDir(folder).filePath(recorded[0]));
    ASSERT_TRUE(summary.ok()) << summary.error().toString().toStdString();
    EXPECT_GT(summary->nmea.duplicates, 0);
    EXPECT_EQ(*other->trackPointCount(), *m_db->trackPointCount());
    for (std::uint32_t k = 0; k < 40; ++k) {
        const auto liveTrack = trackOf(*m_db, 219000000 + k);
        ASSERT_FALSE(liveTrack.empty());
        auto reimported = trackOf(*other, 219000000 + k);
        ASSERT_EQ(reimported.size(), liveTrack.size()) << "vessel " << k;
        for (std::size_t i = 0; i < liveTrack.size(); ++i) {
            model::TrackPoint a = liveTrack[i];
            model::TrackPoint b = reimported[i];
            a.vesselId = b.vesselId = 0;
            EXPECT_EQ(a, b) << "vessel " << k << " point " << i;
        }
        auto liveVessel = m_db->vessel(m_db->findVesselByMmsi(219000000 + k)->value());
        auto importedVessel = other->vessel(other->findVesselByMmsi(219000000 + k)->value());
        EXPECT_EQ(liveVessel->value().name, importedVessel->value().name);
    }
}

TEST_F(LiveSessionTest, ADuplicateAddsAHearingNotAPosition)
{
    auto live = session();
    const std::string line = positionLines(1, 220000000)[0];
    live->handleLine(0, line, kT0);
    live->handleLine(1, line, kT0 + 800);
    live->handleLine(1, line, kT0 + 900); // the same source twice: one hearing
    ASSERT_TRUE(live->commit().ok());
    EXPECT_EQ(*m_db->trackPointCount(), 1);
    auto id = m_db->findVesselByMmsi(220000000);
    auto heard = m_db->receptions(**id);
    ASSERT_TRUE(heard.ok());
    ASSERT_EQ(heard->size(), 2u);
    EXPECT_EQ((*heard)[0].heardUtcMs, kT0);
    EXPECT_EQ((*heard)[1].heardUtcMs, kT0 + 800);
    EXPECT_EQ((*heard)[1].timeUtcMs, kT0);
    const auto status = live->sourceStatus();
    EXPECT_EQ(status[1].duplicates, 2);

    // Ten seconds later the same sentence is a new message.
    live->handleLine(1, line, kT0 + 10'001);
    ASSERT_TRUE(live->commit().ok());
    EXPECT_EQ(*m_db->trackPointCount(), 2);
}

TEST_F(LiveSessionTest, ALostTargetHeardAgainLeavesALiveAisGap)
{
    auto live = session();
    // 10 kn Class A: a report every 10 s; lost after six missed (60 s).
    live->handleLine(0, positionLines(1, 221000000, 1, 0)[0], kT0);
    live->handleLine(0, positionLines(1, 221000000, 1, 1)[0], kT0 + 10'000);
    live->handleLine(0, positionLines(1, 221000000, 1, 2)[0], kT0 + 65'000); // stale, not lost
    live->handleLine(0, positionLines(1, 221000000, 1, 3)[0], kT0 + 200'000);
    ASSERT_TRUE(live->commit().ok());
    EXPECT_EQ(live->counts().gapEvents, 1);
    auto id = m_db->findVesselByMmsi(221000000);
    auto events = m_db->events(store::EventFilter::forVessel(**id));
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 1u);
    const model::Event& gap = (*events)[0];
    EXPECT_EQ(gap.kind, model::EventKind::AisGap);
    EXPECT_EQ(gap.origin, QStringLiteral("live"));
    EXPECT_EQ(gap.time.startUtcMs, kT0 + 65'000);
    EXPECT_EQ(gap.time.endUtcMs, kT0 + 200'000);
    EXPECT_EQ(live->targets().find(221000000)->messages, 4);
}

} // namespace
} // namespace wake::live
