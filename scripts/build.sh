#!/usr/bin/env bash
# Configures (once) and builds Wake in build/ (or $WAKE_BUILD_DIR). Incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${WAKE_BUILD_DIR:-build}
extra=("$@")
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${extra[@]}"
elif [ ${#extra[@]} -gt 0 ]; then
    cmake "$build_dir" "${extra[@]}" >/dev/null
fi
cmake --build "$build_dir" --parallel "$(nproc)"
