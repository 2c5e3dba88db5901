#!/usr/bin/env bash
# Builds the Debian package: a release build without tests in build-package/,
# then cpack (dependencies from dpkg-shlibdeps), then lintian when it is
# installed. Prints the .deb's path. Install it with
#   sudo apt install ./build-package/wake_0.1.0_amd64.deb
#
# usage: scripts/package.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-package}
scripts/ensure_deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DWAKE_BUILD_TESTS=OFF -DWAKE_BUILD_BENCH=OFF -DWAKE_WERROR=ON >/dev/null  # as tested: -O2
cmake --build "$build" --parallel "$(nproc)"
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls -t "$build"/wake_*.deb | head -1)
if command -v lintian >/dev/null 2>&1; then
    # Errors fail the build; warnings are printed for a person to read.
    lintian --fail-on error --tag-display-limit 0 "$deb"
else
    echo "package.sh: lintian is not installed; not checked (apt install lintian)" >&2
fi
echo "$deb"
