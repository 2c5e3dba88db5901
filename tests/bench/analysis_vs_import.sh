#!/usr/bin/env bash
# Imports a generated day of AIS and analyses it, in one run, and prints both
# times: the analysis target (issue "Voyages and events") is at most 30 % of
# the import time of the same day, in bounded memory.
#
# The day: N vessels (default 7,000) reporting every minute for 24 h, rows in
# time order with the vessels interleaved, MarineCadastre columns, with
# planted port visits, gaps, encounters, loitering, jumps and identity
# changes (tests/support/traffic_generator.cpp). It is written once next to
# the build (about 1.1 GB for 7,000 vessels) and reused.
#
# usage: tests/bench/analysis_vs_import.sh [BUILD_DIR] [VESSELS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
vessels=${2:-7000}
runs=${3:-1}
wake=$build/app/wake
make=$build/tests/bench/wake_make_traffic
for tool in "$wake" "$make"; do
    if [[ ! -x $tool ]]; then
        echo "analysis_vs_import: $tool is missing; build first (./test.sh)" >&2
        exit 1
    fi
done
day=$build/tests/bench/day-$vessels.csv
if [[ ! -f $day ]]; then
    echo "== writing a generated day of $vessels vessels to $day"
    "$make" "$day" --vessels "$vessels" --days 1 --fix-minutes 1 --pairs $((vessels / 50)) >/dev/null
fi
rows=$(($(wc -l <"$day") - 1))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work # the saved analysis rules of this run only: the defaults

# measure NAME CMD...: wall seconds and peak resident memory (MiB) of CMD
measure() {
    local name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"
    read -r secs kib <"$work/$name.time"
    printf '%s %s\n' "$secs" "$((kib / 1024))"
}

echo "rows: $rows from $vessels vessels"
for run in $(seq 1 "$runs"); do
    db=$work/run$run.sqlite
    read -r importS importMiB < <(measure import "$wake" import "$day" --db "$db" --no-analysis)
    read -r analyseS analyseMiB < <(measure analyse "$wake" analyze --db "$db")
    tail -2 "$work/analyse.err"
    awk -v r="$rows" -v i="$importS" -v a="$analyseS" -v im="$importMiB" -v am="$analyseMiB" -v n="$run" 'BEGIN {
        ratio = a / i
        printf "run %d: import %.1f s (%d rows/s, %d MiB peak), analyse %.1f s (%d rows/s, %d MiB peak): analysis = %.0f%% of import %s\n",
            n, i, r / i, im, a, r / a, am, 100 * ratio, (ratio <= 0.30 ? "PASS (<= 30%)" : "FAIL (> 30%)")
    }'
    rm -f "$db" "$db"-wal "$db"-shm
done
