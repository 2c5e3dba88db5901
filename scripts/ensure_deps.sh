#!/usr/bin/env bash
# Installs the Debian 12 packages Wake needs to build, run and test, if any are
# missing. Shared by run.sh and test.sh; does nothing when all are present.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config ccache
    qt6-base-dev qt6-positioning-dev qt6-svg-dev libgl-dev
    libsqlite3-dev libgtest-dev libgmock-dev libbenchmark-dev zlib1g-dev libzip-dev
    qt6-serialport-dev python3
    gdal-bin ffmpeg lintian desktop-file-utils appstream gmt gmt-gshhg-full sqlite3
    libpq-dev postgresql-15 postgresql-15-postgis-3 postgresql-common
    xvfb xauth fonts-dejavu-core fonts-wqy-microhei poppler-utils
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "wake: installing missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    apt_get=(sudo apt-get)
elif command -v sudo >/dev/null 2>&1; then
    echo "wake: sudo will ask for your password to install packages."
    apt_get=(sudo apt-get)
else
    echo "wake: error: these packages are missing and I cannot install them" >&2
    echo "      (not root, and no sudo): ${missing[*]}" >&2
    echo "      Ask an administrator to run: apt-get install ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${apt_get[@]}" install -y -q --no-install-recommends "${missing[@]}"; then
    # A fresh machine may have no package lists yet.
    "${apt_get[@]}" update -q
    "${apt_get[@]}" install -y -q --no-install-recommends "${missing[@]}"
fi
