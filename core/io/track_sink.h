#pragma once

// Where importers put what they read: positions and identities keyed by MMSI.
// Finds or creates each vessel once (cached), sorts each batch by vessel and
// time so SQLite appends to its clustered index instead of jumping around,
// and commits every batchRows positions. Identity changes are written only
// when a value differs from the last one seen for that vessel.

#include "ais/messages.h"
#include "reference/flag_states.h"
#include "store/database.h"
#include "util/result.h"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wake::io {

struct SinkCounts
{
    std::int64_t positionsStored = 0;
    std::int64_t duplicatePositions = 0;
    std::int64_t vesselsCreated = 0;
    std::int64_t identityUpdates = 0;
};

// An observed track point from a decoded or parsed fix.
model::TrackPoint observedPoint(std::int64_t vesselId, std::int64_t timeUtcMs,
                                const ais::PositionFix& fix);

class TrackSink
{
public:
    TrackSink(store::Database& db, std::size_t batchRows);
    ~TrackSink(); // rolls back what was not committed

    Status addPosition(std::uint32_t mmsi, std::int64_t timeUtcMs, const ais::PositionFix& fix);
    // vesselType is the CSV's free-text type where it has one.
    Status addIdentity(std::uint32_t mmsi, const ais::VesselIdentity& identity,
                       std::optional<std::int64_t> observedUtcMs,
                       const std::optional<QString>& vesselType = {});
    // The store id of the vessel with this MMSI, created when new (inside
    // the open transaction: gone again if it rolls back).
    Result<model::VesselId> vesselId(std::uint32_t mmsi) { return vesselFor(mmsi); }
    // A live hearing of the position stored (now or before) at positionTimeUtcMs.
    Status addReception(std::uint32_t mmsi, std::int64_t positionTimeUtcMs, std::int64_t sourceId,
                        std::int64_t heardUtcMs, store::TimeBasis basis);
    // Positions whose vesselId holds the MMSI: each gets its vessel, and the
    // whole batch is written and committed. points is reused as scratch.
    Status addBatchByMmsi(std::vector<model::TrackPoint>& points);
    // Commits everything added so far.
    Status commit();
    // Drops what was not committed.
    void rollback();

    const SinkCounts& counts() const { return m_counts; }
    // The store ids of every vessel given in the batches committed so far, in no order.
    std::vector<model::VesselId> touchedVessels() const;
    std::int64_t pendingPositions() const { return static_cast<std::int64_t>(m_batch.size()); }

private:
    // Copies committed pages from the write-ahead log into the database on a
    // second connection while the import goes on, instead of all at once
    // when the database is closed. Best effort: a checkpoint that cannot run
    // now runs later, and SQLite's own close still finishes the job.
    class Checkpointer
    {
    public:
        explicit Checkpointer(const QString& path);
        ~Checkpointer();
        void request();

    private:
        void run(store::Connection connection);
        std::mutex m_mutex;
        std::condition_variable m_wake;
        bool m_pending = false;
        bool m_stop = false;
        std::thread m_thread;
    };

    Status begin();
    Result<model::VesselId> vesselFor(std::uint32_t mmsi);
    Status flushBatch();

    store::Database& m_db;
    std::size_t m_batchRows;
    std::optional<reference::FlagStates> m_flags;
    std::unordered_map<std::uint32_t, model::VesselId> m_vessels;
    std::unordered_set<model::VesselId> m_touched; // committed

    struct KnownIdentity
    {
        ais::VesselIdentity identity;
        std::optional<QString> vesselType;
    };
    std::unordered_map<std::uint32_t, KnownIdentity> m_identities;
    std::vector<model::TrackPoint> m_batch;
    std::vector<store::Reception> m_receptions;
    bool m_inTransaction = false;
    std::unique_ptr<Checkpointer> m_checkpointer;
    // The page cache of an import, in KiB (SQLite's default is 2 MiB).
    static constexpr int kImportCacheKiB = 384 * 1024;
    std::optional<int> m_previousCacheSize;
    SinkCounts m_counts; // committed only
    std::int64_t m_uncommittedStored = 0;
    std::int64_t m_uncommittedDuplicates = 0;
    std::int64_t m_uncommittedVessels = 0;
    std::int64_t m_uncommittedIdentities = 0;
};

} // namespace wake::io
