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

# A short libFuzzer run over the AIS decoder when clang is installed (the
# target needs clang's libFuzzer; without clang this step is skipped).
if { [ "${CI:-}" = "true" ] || [ "${WAKE_FUZZ_TESTS:-}" = "1" ]; } && command -v clang++ >/dev/null; then
    echo "== AIS decoder under libFuzzer (${WAKE_FUZZ_SECONDS:-20} s)"
    if [ ! -f build-fuzz/CMakeCache.txt ]; then
        CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DWAKE_FUZZ=ON \
            -DWAKE_BUILD_GUI=OFF -DWAKE_BUILD_TESTS=OFF -DWAKE_BUILD_BENCH=OFF >/dev/null
    fi
    cmake --build build-fuzz --target wake_fuzz_nmea --parallel "$(nproc)"
    seeds=build-fuzz/fuzz-corpus
    mkdir -p "$seeds"
    cp tests/data/ais/gpsd/sample.aivdm tests/data/ais/libais/*.nmea \
        tests/data/ais/pyais/*.txt "$seeds/"
    build-fuzz/tests/fuzz/wake_fuzz_nmea -max_total_time="${WAKE_FUZZ_SECONDS:-20}" \
        -max_len=4096 -print_final_stats=1 "$seeds" 2>&1 | tail -3
fi
