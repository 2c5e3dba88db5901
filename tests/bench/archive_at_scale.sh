#!/usr/bin/env bash
# The large-store figures on a PostgreSQL archive: a throwaway cluster with
# its default settings (scripts/with_test_postgres.sh), DAYS generated days
# of 7,000 vessels (10 M positions a day) imported by `wake import` through
# the binary COPY path into day partitions, then tests/bench/store_at_scale.sh
# on it (the window's first frame, `wake vessels`, tracks, every vessel at a
# time, the vessel list) and the bytes each position takes on the server.
# Ten days need about 12 GB of disk where the cluster lives.
#
# usage: tests/bench/archive_at_scale.sh [BUILD_DIR] [DAYS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
days=${2:-10}
runs=${3:-3}
exec scripts/with_test_postgres.sh bash -c '
set -euo pipefail
build=$1 days=$2 runs=$3
createdb wake_at_scale
target="host=127.0.0.1 dbname=wake_at_scale"
tests/bench/build_100m_store.sh "$build" "$target" "$days"
psql "$target" -c "VACUUM ANALYZE" >/dev/null
psql "$target" -Atc "SELECT format(\$\$positions: %s, %s bytes each (partitions with their indexes)\$\$,
    sum(c.reltuples)::bigint, round(sum(pg_total_relation_size(c.oid)) / sum(c.reltuples)))
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = \$\$track_points\$\$::regclass"
tests/bench/store_at_scale.sh "$build" "$target" "$runs"
' archive_at_scale "$build" "$days" "$runs"
