#!/usr/bin/env bash
# A truly cold read on the PostgreSQL archive: one vessel's track in a one-day
# window right after the operating system's page cache is dropped and the
# cluster restarted (so neither cache holds it). Needs root (drop_caches) and
# a build; runs under a throwaway cluster (scripts/with_test_postgres.sh).
#
# usage: sudo tests/bench/store_cold_read.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$(cd "${1:-build}" && pwd)
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/bench/wake_make_traffic" "$work/traffic.csv" --vessels 300 --days 10 >/dev/null
cat >"$work/cold.sh" <<SCRIPT
#!/bin/bash
set -e
createdb cold
QT_QPA_PLATFORM=offscreen "$build/app/wake" import "$work/traffic.csv" --no-analysis \
    --db "host=127.0.0.1 dbname=cold" 2>&1 | grep "positions:" || true
for i in \$(seq $runs); do
    sync; echo 3 > /proc/sys/vm/drop_caches
    pg_ctlcluster 15 regress restart
    v=\$((100 + i * 37))   # a vessel not read before
    psql -q -d cold -c '\timing on' -c "SELECT count(*) AS fixes FROM (SELECT time_utc_ms, lat_e7, \
lon_e7, sog_dkn, cog_ddeg, heading_deg, nav_status, provenance FROM track_points WHERE \
vessel_id = \$v AND time_utc_ms BETWEEN 1688428800000 AND 1688515200000 ORDER BY time_utc_ms) t" |
        grep -E "Time|^ *[0-9]"
done
SCRIPT
chmod +x "$work/cold.sh"
scripts/with_test_postgres.sh "$work/cold.sh" 2>&1 | grep -vE " LOG: "
