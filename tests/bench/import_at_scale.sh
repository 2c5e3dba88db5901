#!/usr/bin/env bash
# Import at scale, in one run against a plain SQLite insert loop of the same
# rows (tests/bench/sqlite_insert_loop.c): generated days of N vessels
# reporting every minute for 24 h, rows in time order with the vessels
# interleaved, MarineCadastre columns (wake_make_traffic). For 2,000 and
# 7,000 vessels it prints
#   - import rows/s and its ratio to the insert loop     (target >= 0.50)
#   - bytes the import wrote (write_bytes, from getrusage) over the final
#     database size                                       (target <= 4)
#   - peak resident memory                                (target <= 1 GiB)
#   - bytes per stored position                           (aim <= 40)
# and checks that the same day zipped imports the same number of positions.
#
# usage: tests/bench/import_at_scale.sh [BUILD_DIR] [RUNS] [VESSEL_COUNTS...]
# The days are written once next to the build (about 320 MB and 1.1 GB).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-1}
shift $(($# < 2 ? $# : 2))
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(2000 7000)
wake=$build/app/wake
make=$build/tests/bench/wake_make_traffic
loop=$build/tests/bench/wake_sqlite_insert_loop
for tool in "$wake" "$make" "$loop"; do
    if [[ ! -x $tool ]]; then
        echo "import_at_scale: $tool is missing; build first (./test.sh)" >&2
        exit 1
    fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work

verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=" ? v >= t : v <= t); print (ok ? "PASS" : "FAIL") }'; }

echo "machine: $(nproc) cores, $(uname -sr)"
for n in "${counts[@]}"; do
    day=$build/tests/bench/day-$n.csv
    if [[ ! -f $day ]]; then
        echo "== writing a generated day of $n vessels to $day"
        "$make" "$day" --vessels "$n" --days 1 --fix-minutes 1 --pairs $((n / 50)) >/dev/null
    fi
    for run in $(seq 1 "$runs"); do
        db=$work/day.sqlite
        rm -f "$db" "$db"-wal "$db"-shm
        "$wake" vessels --db "$db" >/dev/null # the store: not timed
        /usr/bin/time -f "%e %M %O" -o "$work/time" "$wake" import "$day" --db "$db" --no-analysis \
            >/dev/null 2>"$work/import.log"
        read -r secs kib blocks <"$work/time"
        rows=$(grep -o 'positions: [0-9,]* read, [0-9,]* stored' "$work/import.log" | awk '{print $4}' | tr -d ,)
        size=$(stat -c %s "$db")
        loop_out=$("$loop" "$db" "$work/loop.sqlite")
        loop_rate=$(sed -E 's/.*rows_per_second=([0-9]+).*/\1/' <<<"$loop_out")
        rm -f "$work/loop.sqlite"*
        awk -v n="$n" -v run="$run" -v rows="$rows" -v s="$secs" -v kib="$kib" -v blocks="$blocks" \
            -v size="$size" -v loop="$loop_rate" 'BEGIN {
            rate = rows / s; ratio = rate / loop; amp = blocks * 512 / size
            printf "%d vessels, run %d: %d rows in %.2f s = %d rows/s; insert loop %d rows/s; ratio %.2f %s\n",
                n, run, rows, s, rate, loop, ratio, (ratio >= 0.5 ? "PASS" : "FAIL")
            printf "    written %.0f MB for a %.0f MB database: %.2fx %s; peak memory %d MiB %s; %.1f bytes per position %s\n",
                blocks * 512 / 1e6, size / 1e6, amp, (amp <= 4 ? "PASS" : "FAIL"), kib / 1024,
                (kib <= 1048576 ? "PASS" : "FAIL"), size / rows, (size / rows <= 40 ? "(aim met)" : "(aim missed)")
        }'
    done
    # The same day zipped: the same positions.
    if command -v zip >/dev/null; then
        (cd "$(dirname "$day")" && zip -q -1 "$work/day.zip" "$(basename "$day")")
        db=$work/zip.sqlite
        "$wake" vessels --db "$db" >/dev/null
        /usr/bin/time -f "%e" -o "$work/time" "$wake" import "$work/day.zip" --db "$db" --no-analysis \
            >/dev/null 2>"$work/zip.log"
        zrows=$(grep -o 'positions: [0-9,]* read, [0-9,]* stored' "$work/zip.log" | awk '{print $4}' | tr -d ,)
        echo "    zipped ($(($(stat -c %s "$work/day.zip") / 1000000)) MB): $zrows rows in $(cat "$work/time") s:" \
            "$([ "$zrows" = "$rows" ] && echo "the same positions as the plain file" || echo "DIFFERENT from the plain file ($rows)")"
        rm -f "$work/day.zip" "$db"*
    fi
done
