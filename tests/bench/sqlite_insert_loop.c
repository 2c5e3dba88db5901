/* The peer for Wake's import benchmark: a plain SQLite C insert loop.
 *
 * Reads the rows Wake stored (track_points of a Wake database) into memory,
 * untimed, then times inserting the same rows into a new database file with
 * one prepared statement in one transaction: no parsing, no decoding, no
 * index but the rowid, the same journal settings as Wake (WAL, synchronous
 * NORMAL) and the same compact values (whole 1e-7 degrees and tenths). This
 * is the ceiling an importer could reach with SQLite.
 *
 * usage: sqlite_insert_loop WAKE.sqlite OUT.sqlite
 * prints: rows=N seconds=S rows_per_second=R
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct
{
    int64_t vessel, time;
    int64_t lat, lon, sog, cog; /* as Wake stores them: 1e-7 degree, tenths */
    int heading, status;
    int hasSog, hasCog, hasHeading, hasStatus;
} Row;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int fail(sqlite3 *db, const char *what)
{
    fprintf(stderr, "sqlite_insert_loop: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s WAKE.sqlite OUT.sqlite\n", argv[0]);
        return 2;
    }
    sqlite3 *in = NULL;
    if (sqlite3_open_v2(argv[1], &in, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return fail(in, "open input");
    sqlite3_stmt *select = NULL;
    if (sqlite3_prepare_v2(in,
                           "SELECT vessel_id, time_utc_ms, lat_e7, lon_e7, sog_dkn, cog_ddeg, "
                           "heading_deg, nav_status FROM track_points WHERE provenance = 0",
                           -1, &select, NULL) != SQLITE_OK)
        return fail(in, "select");
    size_t n = 0, capacity = 1 << 20;
    Row *rows = malloc(capacity * sizeof(Row));
    while (sqlite3_step(select) == SQLITE_ROW) {
        if (n == capacity) {
            capacity *= 2;
            rows = realloc(rows, capacity * sizeof(Row));
        }
        Row *r = &rows[n++];
        r->vessel = sqlite3_column_int64(select, 0);
        r->time = sqlite3_column_int64(select, 1);
        r->lat = sqlite3_column_int64(select, 2);
        r->lon = sqlite3_column_int64(select, 3);
        r->hasSog = sqlite3_column_type(select, 4) != SQLITE_NULL;
        r->sog = sqlite3_column_int64(select, 4);
        r->hasCog = sqlite3_column_type(select, 5) != SQLITE_NULL;
        r->cog = sqlite3_column_int64(select, 5);
        r->hasHeading = sqlite3_column_type(select, 6) != SQLITE_NULL;
        r->heading = sqlite3_column_int(select, 6);
        r->hasStatus = sqlite3_column_type(select, 7) != SQLITE_NULL;
        r->status = sqlite3_column_int(select, 7);
    }
    sqlite3_finalize(select);
    sqlite3_close(in);

    remove(argv[2]);
    sqlite3 *db = NULL;
    if (sqlite3_open(argv[2], &db) != SQLITE_OK)
        return fail(db, "open output");
    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", NULL, NULL, NULL);
    if (sqlite3_exec(db,
                     "CREATE TABLE points (vessel INTEGER, time INTEGER, lat INTEGER, lon INTEGER, "
                     "sog INTEGER, cog INTEGER, heading INTEGER, status INTEGER)",
                     NULL, NULL, NULL) != SQLITE_OK)
        return fail(db, "create");

    const double start = now();
    sqlite3_stmt *insert = NULL;
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO points VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1, &insert, NULL);
    for (size_t i = 0; i < n; ++i) {
        const Row *r = &rows[i];
        sqlite3_bind_int64(insert, 1, r->vessel);
        sqlite3_bind_int64(insert, 2, r->time);
        sqlite3_bind_int64(insert, 3, r->lat);
        sqlite3_bind_int64(insert, 4, r->lon);
        if (r->hasSog) sqlite3_bind_int64(insert, 5, r->sog); else sqlite3_bind_null(insert, 5);
        if (r->hasCog) sqlite3_bind_int64(insert, 6, r->cog); else sqlite3_bind_null(insert, 6);
        if (r->hasHeading) sqlite3_bind_int(insert, 7, r->heading); else sqlite3_bind_null(insert, 7);
        if (r->hasStatus) sqlite3_bind_int(insert, 8, r->status); else sqlite3_bind_null(insert, 8);
        if (sqlite3_step(insert) != SQLITE_DONE)
            return fail(db, "insert");
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return fail(db, "commit");
    sqlite3_close(db);
    const double seconds = now() - start;
    printf("rows=%zu seconds=%.3f rows_per_second=%.0f\n", n, seconds, (double)n / seconds);
    free(rows);
    return 0;
}
