#!/usr/bin/env bash
# Installs what is missing, builds, and starts Wake on the built-in scenario.
# Arguments are passed to the app (for example: ./run.sh --db /tmp/other.sqlite).
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure_deps.sh
scripts/build.sh
exec build/app/wake "$@"
