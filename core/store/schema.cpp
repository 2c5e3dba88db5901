#include "core/store/schema.h"

namespace wake::store {

const std::vector<QString>& migrations()
{
    static const std::vector<QString> kMigrations = {
        // 0 -> 1: the first schema.
        QStringLiteral(R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sources (
    id    TEXT PRIMARY KEY,          -- "S2", or an importer's file id
    title TEXT NOT NULL,
    url   TEXT
);

CREATE TABLE vessels (
    id            INTEGER PRIMARY KEY,
    mmsi          INTEGER UNIQUE,
    imo           INTEGER,
    name          TEXT,
    call_sign     TEXT,
    flag          TEXT,              -- ISO 3166-1 alpha-2
    ais_ship_type INTEGER,
    vessel_type   TEXT,
    length_m      REAL,
    beam_m        REAL,
    draught_m     REAL,
    gross_tonnage INTEGER,
    deadweight_t  INTEGER,
    year_built    INTEGER,
    owner         TEXT,
    operator      TEXT,
    crew          INTEGER
);
CREATE INDEX vessels_imo ON vessels(imo);

-- Former and current names, call signs, flags ... with their periods.
CREATE TABLE vessel_identity_history (
    id              INTEGER PRIMARY KEY,
    vessel_id       INTEGER NOT NULL REFERENCES vessels(id) ON DELETE CASCADE,
    field           TEXT NOT NULL,
    value           TEXT NOT NULL,
    from_utc_ms     INTEGER,
    from_end_utc_ms INTEGER,
    from_precision  TEXT,
    to_utc_ms       INTEGER,
    to_end_utc_ms   INTEGER,
    to_precision    TEXT
);
CREATE INDEX vessel_identity_history_vessel ON vessel_identity_history(vessel_id);
CREATE TABLE identity_sources (
    history_id INTEGER NOT NULL REFERENCES vessel_identity_history(id) ON DELETE CASCADE,
    source_id  TEXT NOT NULL REFERENCES sources(id),
    ord        INTEGER NOT NULL,
    PRIMARY KEY (history_id, ord)
);

-- Displayed statements about a vessel with their confidence (identity, cargo, legal).
CREATE TABLE vessel_facts (
    id         INTEGER PRIMARY KEY,
    vessel_id  INTEGER NOT NULL REFERENCES vessels(id) ON DELETE CASCADE,
    section    TEXT NOT NULL,
    key        TEXT NOT NULL,
    label      TEXT NOT NULL,
    value      TEXT,                 -- NULL: unknown
    confidence TEXT NOT NULL,
    note       TEXT,
    ord        INTEGER NOT NULL,
    UNIQUE (vessel_id, section, key)
);
CREATE TABLE fact_sources (
    fact_id   INTEGER NOT NULL REFERENCES vessel_facts(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES sources(id),
    ord       INTEGER NOT NULL,
    PRIMARY KEY (fact_id, ord)
);

CREATE TABLE ports (
    id          INTEGER PRIMARY KEY,
    locode      TEXT UNIQUE,
    name        TEXT NOT NULL,
    country     TEXT,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'port',
    radius_km   REAL NOT NULL,
    origin      TEXT
);

CREATE TABLE voyages (
    id                  INTEGER PRIMARY KEY,
    vessel_id           INTEGER NOT NULL REFERENCES vessels(id) ON DELETE CASCADE,
    key                 TEXT,
    name                TEXT NOT NULL,
    origin_locode       TEXT,
    destination_locode  TEXT,
    departure_utc_ms    INTEGER,
    departure_end_utc_ms INTEGER,
    departure_precision TEXT,
    arrival_utc_ms      INTEGER,
    arrival_end_utc_ms  INTEGER,
    arrival_precision   TEXT,
    is_default          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (vessel_id, key)
);
CREATE TABLE voyage_legs (
    voyage_id           INTEGER NOT NULL REFERENCES voyages(id) ON DELETE CASCADE,
    ord                 INTEGER NOT NULL,
    from_locode         TEXT,
    to_locode           TEXT,
    departure_utc_ms    INTEGER,
    departure_end_utc_ms INTEGER,
    departure_precision TEXT,
    arrival_utc_ms      INTEGER,
    arrival_end_utc_ms  INTEGER,
    arrival_precision   TEXT,
    note                TEXT,
    PRIMARY KEY (voyage_id, ord)
);

-- Positions. Clustered on (vessel, time) so a vessel's track in a time range is
-- one contiguous range scan. Provenance: 0 observed, 1 reported, 2 reconstructed.
CREATE TABLE track_points (
    vessel_id   INTEGER NOT NULL,
    time_utc_ms INTEGER NOT NULL,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    sog_knots   REAL,
    cog_deg     REAL,
    heading_deg INTEGER,
    nav_status  INTEGER,
    provenance  INTEGER NOT NULL,
    PRIMARY KEY (vessel_id, time_utc_ms)
) WITHOUT ROWID;

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    vessel_id      INTEGER REFERENCES vessels(id) ON DELETE CASCADE,
    voyage_id      INTEGER REFERENCES voyages(id) ON DELETE SET NULL,
    kind           TEXT NOT NULL,
    start_utc_ms   INTEGER NOT NULL,
    end_utc_ms     INTEGER NOT NULL,
    time_precision TEXT NOT NULL,
    reported_time  TEXT,
    lat            REAL,
    lon            REAL,
    coord_basis    TEXT NOT NULL,
    place          TEXT,
    title          TEXT NOT NULL,
    description    TEXT,
    category       TEXT,
    ship_event     INTEGER NOT NULL,
    confidence     TEXT NOT NULL,
    note           TEXT,
    origin         TEXT              -- what added it: "scenario:<id>", "import", "analysis"
);
CREATE INDEX events_vessel_time ON events(vessel_id, start_utc_ms);
CREATE INDEX events_voyage ON events(voyage_id);
CREATE TABLE event_sources (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES sources(id),
    ord       INTEGER NOT NULL,
    PRIMARY KEY (event_id, ord)
);
)sql"),
        // 1 -> 2: detected events and voyages (core/analysis) with their evidence
        // and the rule values that produced them; identity changes of AIS vessels.
        QStringLiteral(R"sql(
CREATE TABLE analysis_rules (
    id     INTEGER PRIMARY KEY,
    preset TEXT NOT NULL,             -- "gfw", "skylight" or "custom"
    rules  TEXT NOT NULL UNIQUE       -- every rule value, as compact JSON
);
ALTER TABLE events ADD COLUMN other_vessel_id INTEGER REFERENCES vessels(id) ON DELETE CASCADE;
ALTER TABLE events ADD COLUMN port_locode TEXT;
ALTER TABLE events ADD COLUMN evidence TEXT;   -- compact JSON: fixes used, values that fired
ALTER TABLE events ADD COLUMN rules_id INTEGER REFERENCES analysis_rules(id);
CREATE INDEX events_origin_vessel ON events(origin, vessel_id);
CREATE INDEX events_other_vessel ON events(other_vessel_id);
ALTER TABLE voyages ADD COLUMN origin TEXT;        -- "analysis" for detected voyages
ALTER TABLE voyages ADD COLUMN distance_nm REAL;
ALTER TABLE voyages ADD COLUMN ais_gap_ms INTEGER; -- time inside AIS gaps
)sql"),
        // 2 -> 3: compact positions (store/track_row.h): whole numbers of 1e-7
        // degree and of tenths of a knot and degree instead of 8-byte REALs.
        QStringLiteral(R"sql(
CREATE TABLE track_points_compact (
    vessel_id   INTEGER NOT NULL,
    time_utc_ms INTEGER NOT NULL,
    lat_e7      INTEGER NOT NULL,     -- degrees x 1e7
    lon_e7      INTEGER NOT NULL,
    sog_dkn     INTEGER,              -- knots x 10
    cog_ddeg    INTEGER,              -- degrees x 10
    heading_deg INTEGER,
    nav_status  INTEGER,
    provenance  INTEGER NOT NULL,
    PRIMARY KEY (vessel_id, time_utc_ms)
) WITHOUT ROWID;
INSERT INTO track_points_compact
    SELECT vessel_id, time_utc_ms, CAST(round(lat * 1e7) AS INTEGER),
           CAST(round(lon * 1e7) AS INTEGER), CAST(round(sog_knots * 10) AS INTEGER),
           CAST(round(cog_deg * 10) AS INTEGER), heading_deg, nav_status, provenance
    FROM track_points;
DROP TABLE track_points;
ALTER TABLE track_points_compact RENAME TO track_points;
)sql"),
        // 3 -> 4: each vessel's first and last position time, so "where was
        // everyone at t" seeks only the vessels that have positions then.
        QStringLiteral(R"sql(
CREATE TABLE vessel_spans (
    vessel_id INTEGER PRIMARY KEY,
    first_ms  INTEGER NOT NULL,
    last_ms   INTEGER NOT NULL
);
INSERT INTO vessel_spans
    SELECT v.id, (SELECT min(time_utc_ms) FROM track_points WHERE vessel_id = v.id),
           (SELECT max(time_utc_ms) FROM track_points WHERE vessel_id = v.id)
    FROM vessels v WHERE EXISTS (SELECT 1 FROM track_points WHERE vessel_id = v.id);
)sql"),
        // 4 -> 5: live sources and who heard each live position. A message
        // heard by several receivers is stored once; every hearing is a row.
        QStringLiteral(R"sql(
CREATE TABLE live_sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    url  TEXT NOT NULL
);
CREATE TABLE receptions (
    vessel_id    INTEGER NOT NULL,
    time_utc_ms  INTEGER NOT NULL,    -- the stored position's time
    source_id    INTEGER NOT NULL REFERENCES live_sources(id),
    heard_utc_ms INTEGER NOT NULL,    -- when this source delivered it
    time_basis   INTEGER NOT NULL,    -- 0: receive time, 1: the sender's tag block c:
    PRIMARY KEY (vessel_id, time_utc_ms, source_id)
) WITHOUT ROWID;
)sql"),
        // 5 -> 6: one MMSI, several ships. A track that cannot come from the
        // same ship as the others of its MMSI is a vessel of its own, so the
        // MMSI is no longer unique (the table is rebuilt without that
        // constraint; Database::migrate turns foreign keys off around it).
        // Where ships stop: time each vessel spent stationary in each cell
        // of a ~500 m grid (places/stop_cells.h), and the places learned from them.
        QStringLiteral(R"sql(
CREATE TABLE vessels_v6 (
    id            INTEGER PRIMARY KEY,
    mmsi          INTEGER,
    imo           INTEGER,
    name          TEXT,
    call_sign     TEXT,
    flag          TEXT,
    ais_ship_type INTEGER,
    vessel_type   TEXT,
    length_m      REAL,
    beam_m        REAL,
    draught_m     REAL,
    gross_tonnage INTEGER,
    deadweight_t  INTEGER,
    year_built    INTEGER,
    owner         TEXT,
    operator      TEXT,
    crew          INTEGER
);
INSERT INTO vessels_v6 SELECT id, mmsi, imo, name, call_sign, flag, ais_ship_type, vessel_type,
    length_m, beam_m, draught_m, gross_tonnage, deadweight_t, year_built, owner, operator, crew
    FROM vessels;
DROP TABLE vessels;
ALTER TABLE vessels_v6 RENAME TO vessels;
CREATE INDEX vessels_imo ON vessels(imo);
CREATE INDEX vessels_mmsi ON vessels(mmsi);
CREATE TABLE stop_cells (
    cell       INTEGER NOT NULL,
    vessel_id  INTEGER NOT NULL REFERENCES vessels(id) ON DELETE CASCADE,
    stopped_ms INTEGER NOT NULL,
    first_ms   INTEGER NOT NULL,
    last_ms    INTEGER NOT NULL,
    PRIMARY KEY (cell, vessel_id)
) WITHOUT ROWID;
-- The places the last analysis learned from every vessel's stops
-- (places/learned_places.h), so the map and wake places need not learn them.
CREATE TABLE learned_places (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    country         TEXT,
    lat             REAL NOT NULL,
    lon             REAL NOT NULL,
    radius_km       REAL NOT NULL,
    vessels         INTEGER NOT NULL,
    cells           INTEGER NOT NULL,
    stopped_ms      INTEGER NOT NULL,
    first_ms        INTEGER NOT NULL,
    last_ms         INTEGER NOT NULL,
    nearest_port    TEXT,
    nearest_port_km REAL
);
)sql"),
        // 6 -> 7: sanctions and watch lists the user imported (lists/watch_list.h);
        // the built-in OFAC list is read from the application, not stored.
        QStringLiteral(R"sql(
CREATE TABLE watch_lists (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    format         TEXT NOT NULL,
    snapshot       TEXT NOT NULL,  -- ISO date the content is as of
    snapshot_basis TEXT NOT NULL,
    origin         TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    imported_ms    INTEGER NOT NULL
);
CREATE TABLE watch_list_entries (
    list_id      INTEGER NOT NULL REFERENCES watch_lists(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL, -- the entry's place in the list
    entry_id     TEXT NOT NULL,
    name         TEXT NOT NULL,
    former_names TEXT NOT NULL,    -- one per line
    aliases      TEXT NOT NULL,    -- one per line
    imo          INTEGER,
    mmsi         INTEGER,
    call_sign    TEXT NOT NULL,
    flag         TEXT NOT NULL,
    flag_text    TEXT NOT NULL,
    program      TEXT NOT NULL,
    note         TEXT NOT NULL
);
CREATE INDEX watch_list_entries_list ON watch_list_entries(list_id, position);
)sql"),
        // 7 -> 8: the case file (investigate/case_file.h): notes and bookmarks,
        // and review states of events, held by an event key analysis gives the
        // same event again.
        QStringLiteral(R"sql(
CREATE TABLE case_notes (
    id         INTEGER PRIMARY KEY,
    bookmark   INTEGER NOT NULL,
    vessel_id  INTEGER,
    event_key  TEXT NOT NULL,
    at_ms      INTEGER,
    text       TEXT NOT NULL,
    author     TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE INDEX case_notes_vessel ON case_notes(vessel_id);
CREATE TABLE event_reviews (
    event_key TEXT PRIMARY KEY,
    vessel_id INTEGER,
    state     TEXT NOT NULL,
    author    TEXT NOT NULL,
    at_ms     INTEGER NOT NULL
);
)sql"),
        // 8 -> 9: named areas of interest (geo/area.h): a box's two corners or
        // a polygon's ring, as JSON [[lat, lon], ...].
        QStringLiteral(R"sql(
CREATE TABLE areas (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    is_box     INTEGER NOT NULL,
    ring       TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
)sql"),
        // 9 -> 10: the watch's alarm log (watch/alert.h): each alert with
        // what fired it as JSON, who acknowledged it when; and snoozes, per
        // vessel (MMSI) and rule, until a time.
        QStringLiteral(R"sql(
CREATE TABLE alerts (
    id              INTEGER PRIMARY KEY,
    time_utc_ms     INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    rule            TEXT NOT NULL,
    mmsi            INTEGER NOT NULL,
    vessel_id       INTEGER,
    details         TEXT NOT NULL,
    snoozed         INTEGER NOT NULL,
    acknowledged_by TEXT,
    acknowledged_ms INTEGER
);
CREATE INDEX alerts_time ON alerts(time_utc_ms);
CREATE TABLE alert_snoozes (
    mmsi       INTEGER NOT NULL,
    rule       TEXT NOT NULL,
    until_ms   INTEGER NOT NULL,
    snoozed_by TEXT NOT NULL,
    PRIMARY KEY (mmsi, rule)
);
)sql"),
    };
    return kMigrations;
}

int currentSchemaVersion()
{
    return static_cast<int>(migrations().size());
}

} // namespace wake::store
