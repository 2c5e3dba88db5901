#pragma once

// A live session: several sources feeding one store.
//
// Each line is stamped with its receive time and source (ais/tag_stamp.h),
// recorded when a folder is set, and decoded by its source's own decoder (so
// fragments of different sources never mix). A message heard again within
// ais::DuplicateFilter::kWindowMs, from any source, is stored once; every
// source that delivered it gets a reception row. Positions and static data
// go into the store in one transaction per commit interval. Targets are kept
// in memory with their state (live/target_table.h); a lost target heard
// again adds an AIS gap event (origin "live").
//
// Everything runs in the thread that owns the session; nothing blocks.

#include "core/ais/duplicate_filter.h"
#include "core/ais/nmea_decoder.h"
#include "core/io/track_sink.h"
#include "core/live/gps_sentences.h"
#include "core/live/live_source.h"
#include "core/live/recorder.h"
#include "core/live/station_table.h"
#include "core/live/target_table.h"
#include "core/store/database.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace wake::live {

struct LiveSourceConfig
{
    QString name; // unique in the session; the tag block s: of its lines
    QString url;
    bool enabled = true;
    // Own ship's GPS (NMEA RMC/GGA/VTG/HDT, live/gps_sentences.h): its fixes
    // are own ship's; AIS sentences on it are read as from any source.
    bool ownShip = false;
};

struct LiveOptions
{
    QString recordFolder; // empty: lines are not recorded
    SourceTiming timing;
    int commitIntervalMs = 1000;
    int lostIntervals = TargetTable::kDefaultLostIntervals;
};

struct SourceStatus
{
    QString name;
    QString url;
    bool enabled = true;
    SourceState state = SourceState::Stopped;
    SourceCounters counters;
    ais::DecodeStats decode;     // lines, messages and rejections by reason
    std::int64_t positions = 0;  // position reports it delivered (duplicates included)
    std::int64_t duplicates = 0; // messages another hearing had already brought
    double messagesPerSecond = 0.0;
    double duplicateShare() const
    {
        return decode.messages > 0 ? static_cast<double>(duplicates) / decode.messages : 0.0;
    }
};

// A message the session stored, once however many sources heard it: for
// the watch (live/live_watch.h).
struct HeardMessage
{
    std::int64_t timeUtcMs = 0;
    std::uint32_t mmsi = 0;
    model::VesselId vesselId = 0;                  // 0 until the store has it
    const ais::PositionFix* fix = nullptr;         // a position report
    const ais::VesselIdentity* identity = nullptr; // static data
    const ais::SafetyBroadcast* safety = nullptr;  // a type 14 text
    bool ownShip = false;                          // a VDO sentence
};

struct SessionCounts
{
    std::int64_t positionsStored = 0; // committed, each message once
    std::int64_t vesselsCreated = 0;
    std::int64_t gapEvents = 0;
    std::int64_t storeErrors = 0;
    QString lastStoreError;
    std::int64_t heldLinesDropped = 0; // past the bound while the store was not ready
};

class LiveSession : public QObject
{
    Q_OBJECT
public:
    LiveSession(store::Database& db, LiveOptions options, QObject* parent = nullptr);
    ~LiveSession() override;

    // A bad URL or a name in use is an error; the source starts when enabled.
    Status addSource(const LiveSourceConfig& config);
    bool removeSource(const QString& name);
    bool setSourceEnabled(const QString& name, bool enabled);
    // Stops every source (their last lines are still stored) and commits.
    void stop();
    // Commits what was received so far.
    Status commit();

    std::vector<SourceStatus> sourceStatus() const;
    const TargetTable& targets() const { return m_targets; }
    // Aids to navigation, base stations and SAR aircraft heard.
    const StationTable& stations() const { return m_stations; }
    const SessionCounts& counts() const { return m_counts; }
    const Recorder* recorder() const { return m_recorder.get(); }
    // Own ship's MMSI, where it is known (the watch's rules): the fixes of
    // an own-ship source are stored under it, so the archive holds own
    // ship's track as the live watch saw it. Unset, they are only observed.
    void setOwnShipMmsi(std::optional<std::uint32_t> mmsi) { m_ownShipMmsi = mmsi; }
    // Called for every message stored, in the order they are handled.
    void setObserver(std::function<void(const HeardMessage&)> observer)
    {
        m_observer = std::move(observer);
    }
    // For tests and the listen source's free port.
    LiveSource* source(const QString& name) const;

    // One line as a source delivers it (public for tests and replaying).
    void handleLine(std::size_t sourceIndex, std::string_view line, std::int64_t receiveUtcMs);

    // While the store is not ready (a new database still getting its
    // built-in scenario on another connection), sources already read: their
    // lines are recorded and wait in memory, up to kMaxHeldBytes (beyond,
    // counted as dropped), and nothing touches the store. Released, they are
    // stored in the order they came.
    static constexpr std::size_t kMaxHeldBytes = 64u << 20; // text and bookkeeping
    void holdLines();
    // The store is ready: the held lines are stored, a bounded number a turn
    // of the event loop (new lines queue behind them), the rest by stop().
    void releaseLines();

Q_SIGNALS:
    void committed(); // after each commit that stored something
    void sourceStateChanged(const QString& name, wake::live::SourceState state);
    void storeFailed(const QString& message);

private:
    struct Source
    {
        LiveSourceConfig config;
        std::unique_ptr<LiveSource> source;
        ais::NmeaDecoder decoder;
        GpsSentences gps; // own-ship sources only
        std::int64_t storeId = 0;
        std::int64_t positions = 0;
        std::int64_t duplicates = 0;
        std::int64_t messagesAtLastRate = 0;
        std::int64_t lastRateUtcMs = 0;
        double messagesPerSecond = 0.0;
        bool removed = false;
    };

    void handleMessage(std::size_t sourceIndex, const ais::DecodedMessage& m,
                       std::int64_t receiveUtcMs, bool senderTime);
    void storeGap(const LiveTarget& target, std::int64_t silenceFromUtcMs, std::int64_t intervalMs);
    void noteStoreError(const Error& error);
    void onCommitTimer();
    void processLine(std::size_t sourceIndex, std::string_view stampedLine, bool senderTime,
                     std::int64_t receiveUtcMs);

    struct HeldLine
    {
        std::size_t source = 0;
        std::string stamped;
        bool senderTime = false;
        std::int64_t receiveUtcMs = 0;
    };
    void drainHeld(std::size_t limit);

    bool m_holding = false;   // lines are queued in m_held, not processed
    bool m_storeReady = true; // false from holdLines() to releaseLines()
    bool m_drainPending = false;
    std::deque<HeldLine> m_held;
    std::size_t m_heldBytes = 0;

    store::Database& m_db;
    LiveOptions m_options;
    io::TrackSink m_sink;
    std::vector<std::unique_ptr<Source>> m_sources; // index = decoder's source index; never shrinks
    ais::DuplicateFilter m_duplicates;
    TargetTable m_targets;
    StationTable m_stations;
    std::unique_ptr<Recorder> m_recorder;
    QTimer m_commitTimer;
    SessionCounts m_counts;
    std::int64_t m_uncommittedPositions = 0;
    std::vector<LiveTarget> m_pendingGaps;
    std::function<void(const HeardMessage&)> m_observer;
    std::optional<std::uint32_t> m_ownShipMmsi;
    void handleOwnShipFix(std::int64_t timeUtcMs, const ais::PositionFix& fix);
};

} // namespace wake::live
