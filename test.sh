#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest, with a
# throwaway PostgreSQL cluster for the store's server tests
# (scripts/with_test_postgres.sh). Exits non-zero when any test fails. Under CI
# (CI=true) warnings are errors and the core tests also run in an
# AddressSanitizer + UBSan build.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure_deps.sh

werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
scripts/build.sh -DWAKE_WERROR=$werror
export QT_QPA_PLATFORM=offscreen
scripts/with_test_postgres.sh ctest --test-dir build --output-on-failure --parallel "$(nproc)"

if [ "${CI:-}" = "true" ] || [ "${WAKE_SANITIZE_TESTS:-}" = "1" ]; then
    echo "== core tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    WAKE_BUILD_DIR=build-sanitize scripts/build.sh -DWAKE_SANITIZE=ON -DWAKE_BUILD_GUI=OFF \
        -DWAKE_BUILD_BENCH=OFF -DWAKE_WERROR=$werror
    scripts/with_test_postgres.sh ctest --test-dir build-sanitize --output-on-failure \
        --parallel "$(nproc)"
fi

# A short libFuzzer run of every fuzz target (tests/fuzz) when clang is
# installed (the targets need clang's libFuzzer; without clang this step is
# skipped). A crash or a broken invariant fails the run.
if { [ "${CI:-}" = "true" ] || [ "${WAKE_FUZZ_TESTS:-}" = "1" ]; } && command -v clang++ >/dev/null; then
    # name:longest input (lines are short; a compressed file needs room)
    fuzzers="nmea:4096 csv_rows:4096 compressed:65536 live_lines:8192 targets:1024 rules:4096"
    echo "== fuzz targets under libFuzzer (${WAKE_FUZZ_SECONDS:-10} s each): $fuzzers"
    if [ ! -f build-fuzz/CMakeCache.txt ]; then
        CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DWAKE_FUZZ=ON \
            -DWAKE_BUILD_GUI=OFF -DWAKE_BUILD_TESTS=OFF -DWAKE_BUILD_BENCH=OFF >/dev/null
    fi
    targets=""
    for f in $fuzzers; do targets="$targets wake_fuzz_${f%%:*}"; done
    # shellcheck disable=SC2086
    cmake --build build-fuzz --target $targets --parallel "$(nproc)"
    tests/fuzz/seeds.sh build-fuzz/seeds
    for entry in $fuzzers; do
        f=${entry%%:*}
        echo "-- wake_fuzz_$f"
        mkdir -p "build-fuzz/corpus/$f"
        if ! build-fuzz/tests/fuzz/wake_fuzz_$f -max_total_time="${WAKE_FUZZ_SECONDS:-10}" \
            -max_len="${entry##*:}" -print_final_stats=1 -artifact_prefix=build-fuzz/ \
            "build-fuzz/corpus/$f" "build-fuzz/seeds/$f" \
            > "build-fuzz/$f.log" 2>&1; then
            tail -40 "build-fuzz/$f.log"
            echo "wake_fuzz_$f failed (its input is build-fuzz/crash-*; the log is above)"
            exit 1
        fi
        grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units" "build-fuzz/$f.log" | tail -2
    done
fi
