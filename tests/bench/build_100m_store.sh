#!/usr/bin/env bash
# Builds a store of about 100 M positions: ten generated days of 7,000
# vessels each (each day its own vessels, so the store lists 70,000), one
# fix a minute, imported one after the other. Prints each day's import time.
# The store is what tests/bench/store_at_scale.sh measures. STORE may be a
# PostgreSQL archive (anything --db takes; an empty database):
# tests/bench/archive_at_scale.sh does that.
#
# usage: tests/bench/build_100m_store.sh [BUILD_DIR] [STORE] [DAYS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
store=${2:-$build/tests/bench/store-100m.sqlite}
days=${3:-10}
wake=$build/app/wake
make=$build/tests/bench/wake_make_traffic
if [[ $store == postgres://* || $store == postgresql://* || $store == *=* ]]; then
    work=$(mktemp -d)
else
    work=$(mktemp -d -p "$(dirname "$store")")
    rm -f "$store" "$store"-wal "$store"-shm
fi
trap 'rm -rf "$work"' EXIT
export HOME=$work
"$wake" vessels --db "$store" >/dev/null
for day in $(seq 0 $((days - 1))); do
    date=$(date -u -d "2023-07-01 + $day days" +%F)
    csv=$work/day.csv
    "$make" "$csv" --vessels 7000 --days 1 --fix-minutes 1 --pairs 140 --start "$date" \
        --mmsi-base $((300000000 + day * 100000)) --seed $((1000 + day)) >/dev/null 2>&1
    /usr/bin/time -f "%e" -o "$work/time" "$wake" import "$csv" --db "$store" --no-analysis \
        >/dev/null 2>"$work/import.log"
    stored=$(grep -o '[0-9,]* stored' "$work/import.log" | tail -1)
    echo "day $((day + 1)) ($date): $stored in $(cat "$work/time") s"
    rm -f "$csv"
done
if [[ -f $store ]]; then
    echo "store: $store, $(($(stat -c %s "$store") / 1000000)) MB"
fi
