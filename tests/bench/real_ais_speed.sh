#!/usr/bin/env bash
# The speed and memory targets of "Right on real AIS", in one run:
# - a generated day of N vessels (2,000 and 7,000 by default) reporting every
#   minute at any second of it: `wake import` with its analysis against
#   `wake import --no-analysis` of the same file (target: at most 1.3 times),
#   and how many position jumps the analysis reports (target: none but the
#   planted ones);
# - two such files whose ships share every MMSI, imported one after the
#   other with analysis: peak memory (target: under 1 GiB).
#
# usage: tests/bench/real_ais_speed.sh [BUILD_DIR] [RUNS] [VESSELS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-3}
shift 2 || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 7000)
wake=$build/app/wake
make=$build/tests/bench/wake_make_traffic
for tool in "$wake" "$make"; do
    [[ -x $tool ]] || { echo "real_ais_speed: $tool is missing; build first" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work # default rules

measure() { # NAME CMD...: "seconds MiB"
    local name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"
    read -r secs kib <"$work/$name.time"
    printf '%s %s\n' "$secs" "$((kib / 1024))"
}

for n in "${sizes[@]}"; do
    day=$build/tests/bench/jitter-day-$n.csv
    other=$build/tests/bench/jitter-day-$n-other.csv
    if [[ ! -f $day ]]; then
        "$make" "$day" --vessels "$n" --days 1 --fix-minutes 1 --pairs $((n / 50)) \
            --jitter-seconds 59 >/dev/null
    fi
    if [[ ! -f $other ]]; then
        # Other ships (another seed, other routes) on the very same MMSIs.
        "$make" "$other" --vessels "$n" --days 1 --fix-minutes 1 --pairs $((n / 50)) \
            --jitter-seconds 59 --seed 77 >/dev/null
    fi
    rows=$(($(wc -l <"$day") - 1))
    echo "== $n vessels, $rows rows, each fix at any second of its minute"
    for run in $(seq 1 "$runs"); do
        rm -f "$work"/*.sqlite*
        read -r plainS plainMiB < <(measure plain "$wake" import "$day" --db "$work/plain.sqlite" --no-analysis)
        read -r fullS fullMiB < <(measure full "$wake" import "$day" --db "$work/full.sqlite")
        jumps=$(sqlite3 "$work/full.sqlite" "SELECT count(*) FROM events WHERE kind = 'position_jump'")
        awk -v p="$plainS" -v f="$fullS" -v pm="$plainMiB" -v fm="$fullMiB" -v j="$jumps" -v r="$run" 'BEGIN {
            printf "run %d: import --no-analysis %.1f s (%d MiB), import with analysis %.1f s (%d MiB): %.2f times %s; %d position jumps\n",
                r, p, pm, f, fm, f / p, (f / p <= 1.3 ? "PASS (<= 1.3)" : "FAIL (> 1.3)"), j
        }'
    done
    rm -f "$work"/*.sqlite*
    read -r aS aMiB < <(measure first "$wake" import "$day" --db "$work/shared.sqlite")
    read -r bS bMiB < <(measure second "$wake" import "$other" --db "$work/shared.sqlite")
    vessels=$(sqlite3 "$work/shared.sqlite" "SELECT count(*) FROM vessels WHERE mmsi IS NOT NULL")
    jumps=$(sqlite3 "$work/shared.sqlite" "SELECT count(*) FROM events WHERE kind = 'position_jump'")
    awk -v a="$aS" -v b="$bS" -v am="$aMiB" -v bm="$bMiB" -v v="$vessels" -v j="$jumps" 'BEGIN {
        printf "two files sharing every MMSI: %.1f s + %.1f s, peak %d / %d MiB %s; %d vessels, %d position jumps\n",
            a, b, am, bm, (bm < 1024 && am < 1024 ? "PASS (< 1 GiB)" : "FAIL"), v, j
    }'
done
