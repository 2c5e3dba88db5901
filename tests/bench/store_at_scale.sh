#!/usr/bin/env bash
# Figures on a large store (tests/bench/build_100m_store.sh makes one of
# about 100 M positions and 70,000 vessels): the window's start to its first
# drawn frame, `wake vessels`, one vessel's whole track (target <= 20 ms),
# every vessel at a time (target <= 100 ms) and the vessel list scrolling.
# STORE may be a PostgreSQL archive (tests/bench/archive_at_scale.sh).
#
# usage: tests/bench/store_at_scale.sh [BUILD_DIR] [STORE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
store=${2:-$build/tests/bench/store-100m.sqlite}
runs=${3:-3}
wake=$build/app/wake
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work QT_QPA_PLATFORM=offscreen
if [[ -f $store ]]; then
    echo "store: $store ($(($(stat -c %s "$store") / 1000000)) MB)"
else
    echo "store: $store ($(psql "$store" -Atc "SELECT pg_database_size(current_database()) / 1000000") MB)"
fi
for run in $(seq 1 "$runs"); do
    frame=$(WAKE_FIRST_FRAME_EXIT=1 "$wake" --db "$store" 2>&1 | grep -o 'first frame after [0-9]* ms')
    /usr/bin/time -f "%e" -o "$work/time" "$wake" vessels --db "$store" >"$work/vessels.txt"
    echo "run $run: window $frame; wake vessels $(cat "$work/time") s ($(($(wc -l <"$work/vessels.txt") - 1)) vessels)"
done
"$build/tests/bench/wake_store_at_scale" "$store" 2>/dev/null
