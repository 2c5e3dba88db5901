#!/usr/bin/env bash
# The store's figures on SQLite and PostgreSQL side by side, in one run each,
# under a throwaway PostgreSQL cluster (scripts/with_test_postgres.sh).
#
# usage: tests/bench/store_backends.sh [BUILD_DIR] [RUNS]   (WAKE_BENCH_ROWS=N to size it)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-3}
for run in $(seq "$runs"); do
    echo "== run $run of $runs"
    scripts/with_test_postgres.sh "$build/tests/bench/wake_bench_store_backends" \
        --benchmark_counters_tabular=true 2>&1 | grep -E "^(Bulk|Track|Vessels|Whole|Stream|Benchmark|---)"
done
