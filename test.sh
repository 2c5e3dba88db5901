#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through ctest.
# Exits non-zero when any test fails. Under CI (CI=true) warnings are errors and
# the core tests also run in an AddressSanitizer + UBSan build.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure_deps.sh

werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
scripts/build.sh -DWAKE_WERROR=$werror
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure --parallel "$(nproc)"

if [ "${CI:-}" = "true" ] || [ "${WAKE_SANITIZE_TESTS:-}" = "1" ]; then
    echo "== core tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    WAKE_BUILD_DIR=build-sanitize scripts/build.sh -DWAKE_SANITIZE=ON -DWAKE_BUILD_GUI=OFF \
        -DWAKE_BUILD_BENCH=OFF -DWAKE_WERROR=$werror
    ctest --test-dir build-sanitize --output-on-failure --parallel "$(nproc)"
fi
