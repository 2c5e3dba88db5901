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

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace wake::io {

struct SinkCounts
{
    std::int64_t positionsStored = 0;
    std::int64_t duplicatePositions = 0;
    std::int64_t vesselsCreated = 0;
    std::int64_t identityUpdates = 0;
};

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
    // Commits everything added so far.
    Status commit();
    // Drops what was not committed.
    void rollback();

    const SinkCounts& counts() const { return m_counts; }
    std::int64_t pendingPositions() const { return static_cast<std::int64_t>(m_batch.size()); }

private:
    Status begin();
    Result<model::VesselId> vesselFor(std::uint32_t mmsi);
    Status flushBatch();

    store::Database& m_db;
    std::size_t m_batchRows;
    std::optional<reference::FlagStates> m_flags;
    std::unordered_map<std::uint32_t, model::VesselId> m_vessels;
    struct KnownIdentity
    {
        ais::VesselIdentity identity;
        std::optional<QString> vesselType;
    };
    std::unordered_map<std::uint32_t, KnownIdentity> m_identities;
    std::vector<model::TrackPoint> m_batch;
    bool m_inTransaction = false;
    SinkCounts m_counts; // committed only
    std::int64_t m_uncommittedStored = 0;
    std::int64_t m_uncommittedDuplicates = 0;
};

} // namespace wake::io
