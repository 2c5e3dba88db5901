#pragma once

// Wake's database: vessels, ports, voyages, track points and events, in one
// SQLite file (embedded, the default) or on a PostgreSQL + PostGIS server (a
// team archive). One interface over both: the same calls, the same results.
// Opening checks that the file or database is Wake's and migrates an older
// schema; one that is not, or is damaged, is reported and left untouched.
// Nothing here throws; every call returns a Result or Status.

#include "core/geo/area.h"
#include "core/investigate/case_file.h"
#include "core/lists/watch_list.h"
#include "core/model/attribution.h"
#include "core/model/event.h"
#include "core/model/port.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"
#include "core/model/voyage.h"
#include "core/places/learned_places.h"
#include "core/places/stop_cells.h"
#include "core/store/reception.h"
#include "core/store/sql_connection.h"
#include "core/util/result.h"
#include "core/watch/alert.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <vector>

namespace wake::store {

// What of each position to read: all of it, or only time, place, speed,
// course and provenance (what analysis uses; a quarter less to decode).
enum class TrackFields
{
    All,
    Motion,
};

struct EventFilter
{
    std::optional<model::VesselId> vesselId; // its own events and encounters it is the other of
    std::optional<model::VoyageId> voyageId;
    std::optional<model::EventKind> kind;
    std::optional<std::int64_t> fromUtcMs; // events that end at or after
    std::optional<std::int64_t> toUtcMs;   // events that start at or before
    std::optional<bool> detected;          // true: only analysis's; false: only the others

    static EventFilter forVessel(model::VesselId id)
    {
        EventFilter f;
        f.vesselId = id;
        return f;
    }
};

struct LiveSourceRow
{
    std::int64_t id = 0;
    QString name;
    QString url;
};

// Which alerts of the alarm log to read.
struct AlertFilter
{
    std::optional<std::int64_t> fromUtcMs;
    std::optional<std::int64_t> toUtcMs;
    std::optional<watch::RuleKind> kind;
    bool unacknowledgedOnly = false;
    std::int64_t limit = 10'000;
};

class Database
{
public:
    // Opens (creating when missing) and migrates. A SQLite file path (in
    // memory when ":memory:"), or a PostgreSQL server: a postgresql:// URI,
    // "service=NAME" or libpq's key=value pairs (see isServerTarget).
    static Result<Database> open(const QString& target);
    // An SQLite file Wake may not write (its file, folder or disk read-only),
    // opened to read only: no migration, no scenario, no log beside it. A
    // file that would need a migration is refused saying so.
    static Result<Database> openReadOnly(const QString& path);
    // True for an existing SQLite file that cannot be written where it is.
    static bool isReadOnlyFile(const QString& target);
    static bool isServerTarget(const QString& target);

    Backend backend() const { return m_connection.backend(); }
    bool isServer() const { return backend() == Backend::Postgres; }

    // The file, or the server as postgresql://user@host:port/db (never a password).
    const QString& path() const { return m_path; }
    // What it was opened with, to open it again on another thread (in memory
    // only: it may hold a password, which Wake never writes anywhere).
    const QString& target() const { return m_target.isEmpty() ? m_path : m_target; }
    Result<int> schemaVersion();

    // Meta key/value pairs (for example which scenario has been loaded).
    Result<std::optional<QString>> meta(const QString& key);
    Status setMeta(const QString& key, const QString& value);

    // Runs body inside one transaction; rolls back when it fails.
    Status inTransaction(const std::function<Status()>& body);

    // Sources
    Status upsertSources(const std::vector<model::Source>& sources);
    Result<std::vector<model::Source>> sources(const std::vector<QString>& ids);

    // Vessels. upsertVessel matches an existing vessel by id, else by MMSI, else
    // by IMO; it fills the fields given and keeps the others. When a known
    // name, call sign or flag changes, the old value goes to the identity
    // history with observedUtcMs as its end.
    Result<model::VesselId> upsertVessel(const model::Vessel& vessel,
                                         std::optional<std::int64_t> observedUtcMs = {});
    // Replaces the vessel's facts and identity history with these.
    Status replaceVesselFacts(model::VesselId id, const std::vector<model::VesselFact>& facts);
    Status replaceIdentityHistory(model::VesselId id,
                                  const std::vector<model::IdentityRecord>& history);
    // Every vessel, ordered by name (identity fields only).
    Result<std::vector<model::Vessel>> listVessels();
    // One vessel with its history and facts; nullopt when there is none.
    Result<std::optional<model::Vessel>> vessel(model::VesselId id);
    // The MMSI's own vessel: the first one created with it.
    Result<std::optional<model::VesselId>> findVesselByMmsi(std::uint32_t mmsi);
    // Every vessel with this MMSI (ships that share it), in id order.
    Result<std::vector<model::VesselId>> vesselsWithMmsi(std::uint32_t mmsi);
    // One observed identity record (an importer's: a value heard at `to`).
    Status addIdentityRecord(model::VesselId id, const model::IdentityRecord& record);
    // Per identity field ("name", "imo" ...), the time of its last recorded change.
    Result<std::map<QString, std::int64_t>> latestIdentityChanges(model::VesselId id);
    // A new vessel even when another has its MMSI (a second ship on it).
    Result<model::VesselId> createVessel(const model::Vessel& vessel);
    // Every value an importer replaced (name, call sign, IMO, type, flag),
    // by vessel and time, for all vessels at once.
    Result<std::vector<std::pair<model::VesselId, model::IdentityRecord>>>
    observedIdentityHistory();
    Result<std::optional<model::VesselId>> findVesselByImo(std::uint32_t imo);
    // Every vessel with this IMO number (one hull under several MMSIs), in id order.
    Result<std::vector<model::VesselId>> vesselsWithImo(std::uint32_t imo);

    // Ports (the ports a database knows by itself, e.g. from a scenario).
    Result<std::int64_t> upsertPort(const model::Port& port);
    Result<std::vector<model::Port>> listPorts();

    // Voyages
    Result<model::VoyageId> upsertVoyage(const model::Voyage& voyage);
    Result<std::vector<model::Voyage>> voyages(std::optional<model::VesselId> vesselId = {});

    // Track points, inserted in transactions of batchSize rows. A point whose
    // vessel and time are already stored is skipped (a duplicate reception).
    // Returns the number of points stored.
    Result<std::int64_t> insertTrackPoints(std::span<const model::TrackPoint> points,
                                           std::size_t batchSize = 50000);
    // The same, inside the caller's transaction (see inTransaction).
    Result<std::int64_t> appendTrackPoints(std::span<const model::TrackPoint> points);
    // A vessel's points with fromUtcMs <= time <= toUtcMs, in time order.
    Result<std::vector<model::TrackPoint>> track(model::VesselId vesselId, std::int64_t fromUtcMs,
                                                 std::int64_t toUtcMs,
                                                 TrackFields fields = TrackFields::All);
    // PostgreSQL: a long track is read in two halves on two connections at
    // once (on by default; off where readers already run side by side).
    void setTwoConnectionReads(bool on) { m_twoConnectionReads = on; }
    // The vessel's stored fix nearest in time to timeUtcMs; nullopt without any.
    Result<std::optional<model::TrackPoint>> fixNearest(model::VesselId vesselId,
                                                        std::int64_t timeUtcMs);
    Result<std::int64_t> trackPointCount(std::optional<model::VesselId> vesselId = {});
    // Where every vessel was at a time: its last fix in [time - maxAge, time],
    // for each vessel that has one.
    Result<std::vector<model::TrackPoint>> positionsAt(std::int64_t timeUtcMs,
                                                       std::int64_t maxAgeMs);
    // Vessels with at least one point in [fromUtcMs, toUtcMs], in id order,
    // at most limit of them.
    Result<std::vector<model::VesselId>>
    vesselsWithTrackIn(std::int64_t fromUtcMs, std::int64_t toUtcMs, std::int64_t limit);
    // Where tracks begin or end: the first (or last) fix of each vessel whose
    // first (or last) fix lies in [fromUtcMs, toUtcMs], vesselId set.
    enum class TrackEnd
    {
        First,
        Last
    };
    Result<std::vector<model::TrackPoint>> trackEndsIn(TrackEnd end, std::int64_t fromUtcMs,
                                                       std::int64_t toUtcMs);

    // Named areas of interest, by name; one stored under a name already taken
    // replaces it.
    Status storeArea(const geo::Area& area);
    Result<std::vector<geo::Area>> areas();
    Status removeArea(const QString& name);

    // Every fix in [fromUtcMs, toUtcMs] inside the box (west > east crosses
    // 180), in no particular order, handed to visit one at a time.
    Status
    forEachFixInBox(std::int64_t fromUtcMs, std::int64_t toUtcMs, model::LatLon southWest,
                    model::LatLon northEast,
                    const std::function<void(model::VesselId, std::int64_t, model::LatLon)>& visit);

    // Events
    Result<model::EventId> insertEvent(const model::Event& event);

    // Live sources by name (created or given their new URL) and who heard
    // each live position (store/reception.h).
    Result<std::int64_t> liveSourceId(const QString& name, const QString& url);
    Result<std::vector<LiveSourceRow>> liveSources();
    Status insertReceptions(std::span<const Reception> receptions);
    Result<std::vector<Reception>> receptions(model::VesselId vesselId);
    // Events matching the filter, in time order.
    Result<std::vector<model::Event>> events(const EventFilter& filter = {});

    // Analysis results. The rule values are stored once and events point at
    // them; deleting removes only what analysis made (origin "analysis").
    Result<std::int64_t> storeAnalysisRules(const QString& preset, const QString& rulesJson);
    Result<std::optional<QString>> analysisRules(std::int64_t rulesId);
    // The analysis events (theirs and encounters they are the other of) and
    // voyages of these vessels.
    Status deleteDetectedResults(std::span<const model::VesselId> vessels);

    // Where vessels stopped (places/stop_cells.h): every vessel's cells, and
    // those of these vessels replaced (analysis keeps them with its results).
    Result<std::vector<std::pair<model::VesselId, places::StopCell>>> stopCells();
    Status replaceStopCells(std::span<const model::VesselId> vessels,
                            std::span<const std::pair<model::VesselId, places::StopCell>> cells);
    // The places the last analysis learned from every vessel's stops.
    Result<std::vector<places::LearnedPlace>> learnedPlaces();
    Status replaceLearnedPlaces(std::span<const places::LearnedPlace> places);

    // Sanctions and watch lists the user imported, with their ships. A list
    // stored under a name already taken replaces that one (a newer snapshot).
    Result<std::vector<lists::WatchList>> watchLists();
    Result<std::int64_t> storeWatchList(const lists::WatchList& list);
    Status removeWatchList(const QString& name);

    // The case file (investigate/case_file.h): notes, bookmarks and reviews.
    // A note identical to one stored (same subject, text, author and time) is
    // not added twice, so importing a case file again changes nothing.
    Result<std::int64_t> addCaseNote(const investigate::CaseNote& note);
    Status removeCaseNote(std::int64_t id);
    // Every note, or those about one vessel, oldest first.
    Result<std::vector<investigate::CaseNote>>
    caseNotes(std::optional<model::VesselId> vessel = {});
    // The latest review of the event replaces any earlier one; Unreviewed removes it.
    Status setEventReview(const investigate::EventReview& review);
    Result<std::vector<investigate::EventReview>> eventReviews();

    // The watch's alarm log (watch/alert.h), newest first; and snoozes.
    Result<std::int64_t> storeAlert(const watch::Alert& alert);
    Result<std::vector<watch::Alert>> alerts(const AlertFilter& filter = {});
    Result<std::int64_t> unacknowledgedAlertCount();
    // False when there is no such alert or it was acknowledged already.
    Result<bool> acknowledgeAlert(std::int64_t id, const QString& by, std::int64_t atUtcMs);
    // Alerts of the rule for the vessel are kept but not notified until then.
    Status snoozeAlerts(std::uint32_t mmsi, const QString& rule, std::int64_t untilUtcMs,
                        const QString& by);
    Result<bool> isSnoozed(std::uint32_t mmsi, const QString& rule, std::int64_t atUtcMs);

    Connection& connection() { return m_connection; }

private:
    Database(QString path, Connection connection)
        : m_path(std::move(path)), m_connection(std::move(connection))
    {}
    static Result<Database> openSqlite(const QString& path);
    Result<model::VesselId> writeVessel(const model::Vessel& vessel,
                                        std::optional<std::int64_t> observedUtcMs,
                                        bool matchExisting);
    static Result<Database> openServer(const QString& conninfo);
    // Creates or migrates the server's schema (hasSchema: Wake's meta table is there).
    Status migratePg(bool hasSchema);
    // Runs steps[fromVersion..] one transaction each; recordVersion notes each.
    Status applyMigrations(const std::vector<QString>& steps, int fromVersion,
                           const std::function<Status(int)>& recordVersion);
    // PostgreSQL: positions through binary COPY into their day partitions.
    Result<std::int64_t> copyTrackPoints(std::span<const model::TrackPoint> points);
    Status ensurePartitions(std::span<const model::TrackPoint> points);
    // PostgreSQL: a track through binary COPY TO STDOUT, parsed as it
    // arrives; a long one in two halves at once (store/pg_track_read.cpp).
    Result<std::vector<model::TrackPoint>>
    copyOutTrack(model::VesselId vesselId, std::int64_t fromUtcMs, std::int64_t toUtcMs, bool all);
    // PostgreSQL: the second connection long reads use, opened when first
    // needed; null when the server refused it.
    Connection* partnerConnection();
    // The id an INSERT ... RETURNING id gave.
    static Result<std::int64_t> insertedId(Statement& stmt);
    Status migrate(int fromVersion);
    // Keeps vessel_spans covering the points (sorted by vessel, or not).
    Status widenVesselSpans(std::span<const model::TrackPoint> points);
    Status insertSourceLinks(const QString& table, const QString& ownerColumn, std::int64_t ownerId,
                             const std::vector<QString>& sourceIds);
    Result<std::vector<QString>> sourceLinks(const QString& table, const QString& ownerColumn,
                                             std::int64_t ownerId);

    QString m_path;
    QString m_target;
    Connection m_connection;
    std::set<std::int64_t> m_partitionDays; // PostgreSQL: day partitions known to exist
    std::optional<Connection> m_partner;    // PostgreSQL: see partnerConnection()
    bool m_partnerUnavailable = false;
    bool m_twoConnectionReads = true;
};

} // namespace wake::store
