#pragma once

// Where importers put what they read: positions and identities keyed by MMSI.
// Each MMSI's fixes are split into tracks that could each come from one ship
// (tracks/track_segmenter.h); a track becomes a vessel of its own once it
// has a few fixes, unless it continues one of the MMSI's vessels that has
// gone quiet (then it is that ship again). Static data goes to the track
// heard at that time. Each batch is sorted by vessel and time so SQLite
// appends to its clustered index instead of jumping around, and committed
// every batchRows positions. Identity changes are written only when a value
// differs from the last one seen for that vessel.

#include "core/ais/messages.h"
#include "core/io/stored_fixes.h"
#include "core/places/stop_cells.h"
#include "core/reference/flag_states.h"
#include "core/store/bulk_write.h"
#include "core/store/database.h"
#include "core/tracks/mmsi_identity.h"
#include "core/tracks/track_segmenter.h"
#include "core/util/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wake::io {

struct SinkCounts
{
    std::int64_t positionsStored = 0;
    // Already stored (same vessel and time), or the same fix heard again
    // seconds later by another receiver (tracks::TrackSegmenter's repeats).
    std::int64_t duplicatePositions = 0;
    std::int64_t vesselsCreated = 0;
    std::int64_t identityUpdates = 0;
    // Vessels made for a second (third ...) ship transmitting an MMSI.
    std::int64_t sharedMmsiVessels = 0;
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
    // The store id of the vessel last heard on this MMSI (its own vessel
    // when none was), created when new (inside the open transaction: gone
    // again if it rolls back).
    Result<model::VesselId> vesselId(std::uint32_t mmsi);
    // A live hearing of the position stored (now or before) at positionTimeUtcMs.
    Status addReception(std::uint32_t mmsi, std::int64_t positionTimeUtcMs, std::int64_t sourceId,
                        std::int64_t heardUtcMs, store::TimeBasis basis);
    // Positions whose vesselId holds the MMSI: each gets its vessel, and the
    // whole batch is written and committed. points is reused as scratch.
    Status addBatchByMmsi(std::vector<model::TrackPoint>& points);
    // Commits everything added so far. Fixes of a track too short yet to be
    // a vessel stay in memory until it is one.
    Status commit();
    // The end of the input: short tracks' fixes go to their MMSI's own
    // vessel (where they read as position jumps), then commits.
    Status finish();
    // Drops what was not committed.
    void rollback();

    const SinkCounts& counts() const { return m_counts; }
    // The store ids of every vessel given in the batches committed so far, in no order.
    std::vector<model::VesselId> touchedVessels() const;
    std::int64_t pendingPositions() const { return static_cast<std::int64_t>(m_batch.size()); }
    // Vessels this sink created, whose every fix it saw, and where they
    // stopped (places/stop_cells.h, default rules): analysis need not read them.
    std::vector<model::VesselId> newVessels() const;
    std::vector<std::pair<model::VesselId, places::StopCell>> stopsOfNewVessels() const;

private:
    struct PendingIdentity
    {
        ais::VesselIdentity identity;
        std::optional<std::int64_t> observedUtcMs;
        std::optional<QString> vesselType;
    };
    // One track of an MMSI: its vessel, or (0) the fixes it has so far.
    struct TrackVessel
    {
        model::VesselId vessel = 0;
        std::vector<model::TrackPoint> pending;
        std::vector<PendingIdentity> pendingIdentities;
    };
    // What the sink knows of one MMSI.
    struct MmsiState
    {
        std::vector<StoredFixWindow> stored;
        std::unordered_map<model::VesselId, int> trackOfVessel;
        tracks::TrackSegmenter segmenter;
        std::unordered_map<int, TrackVessel> tracks;
        model::VesselId own = 0; // the MMSI's first vessel
        // Every vessel of the MMSI with its latest fix (where a track that
        // continues it would start from).
        std::vector<std::pair<model::VesselId, model::TrackPoint>> vessels;
        model::VesselId lastHeard = 0;
        std::int64_t lastHeardUtcMs = 0;
        bool unique = true; // tracks::isUniqueIdentity
    };

    Status begin();
    Result<MmsiState*> stateFor(std::uint32_t mmsi, std::int64_t firstUtcMs);
    Result<model::VesselId> newVessel(std::uint32_t mmsi);
    // Gives the point (vesselId holding the MMSI) its vessel and queues it;
    // a fix of a track that is not yet a vessel waits in the track.
    Status route(model::TrackPoint point);
    Status makeVessel(std::uint32_t mmsi, MmsiState& state, TrackVessel& track);
    // A track that opened: the MMSI's quiet vessel it continues, else 0.
    model::VesselId continuedVessel(const MmsiState& state, const model::TrackPoint& first,
                                    const std::vector<model::VesselId>& elsewhere) const;
    // Short tracks that have closed: their fixes to the MMSI's own vessel.
    Status settleClosedTracks(std::uint32_t mmsi, MmsiState& state, bool all);
    Status applyIdentity(model::VesselId id, std::uint32_t mmsi, const PendingIdentity& identity);
    Status flushBatch();
    void queue(const model::TrackPoint& point);

    store::Database& m_db;
    std::size_t m_batchRows;
    std::optional<reference::FlagStates> m_flags;
    std::unordered_map<std::uint32_t, MmsiState> m_mmsis;
    // The track each fix of the last batch went to, by MMSI and time, so the
    // static data read with a fix (a CSV row) follows it.
    struct FixKey
    {
        std::uint32_t mmsi;
        std::int64_t timeUtcMs;
        bool operator==(const FixKey&) const = default;
    };
    struct FixKeyHash
    {
        std::size_t operator()(const FixKey& k) const
        {
            return std::hash<std::int64_t>()(k.timeUtcMs * 1000003 + k.mmsi);
        }
    };
    std::unordered_map<FixKey, int, FixKeyHash> m_chunkTracks;
    std::unordered_set<model::VesselId> m_touched; // committed
    std::unordered_set<model::VesselId> m_uncommittedTouched;
    std::unordered_set<model::VesselId> m_created;
    std::unordered_map<model::VesselId, std::unordered_set<std::uint32_t>> m_invalidImos;
    places::StopCellAccumulator m_newStops;

    struct KnownIdentity
    {
        ais::VesselIdentity identity;
        std::optional<QString> vesselType;
    };
    std::unordered_map<model::VesselId, KnownIdentity> m_identities;
    std::vector<model::TrackPoint> m_batch;
    std::vector<store::Reception> m_receptions;
    std::set<std::tuple<model::VesselId, std::int64_t, std::int64_t>> m_receptionKeys; // queued

    bool m_inTransaction = false;
    std::unique_ptr<store::BulkWriteTuning> m_tuning;
    // The page cache of an import, in KiB (SQLite's default is 2 MiB).
    SinkCounts m_counts; // committed only
    std::int64_t m_uncommittedStored = 0;
    std::int64_t m_uncommittedDuplicates = 0;
    std::int64_t m_uncommittedVessels = 0;
    std::int64_t m_uncommittedIdentities = 0;
    std::int64_t m_uncommittedShared = 0;
};

// A track becomes a vessel of its own with this many fixes: one or two fixes
// that fit no track are noise (a bad GPS position), not a second ship.
inline constexpr std::size_t kFixesForSecondShip = 3;

} // namespace wake::io
