#!/usr/bin/env bash
# Takes the README's window screenshots under Xvfb, each from a command line
# that opens the window on a vessel, a time and a box (wake --vessel --time
# --fit), so they can be taken again after any change:
#
#   wake-window.png   the scenario as the window opens
#   wake-colon.png    the seizure at Colón at zoom 15: the ship at the quay
#   wake-fleet.png    600 generated vessels, the selection and its encounter
#                     partner readable among them
#   wake-analysis.png detected events: AIS gaps with their envelopes
#   wake-dark.png     the dark theme
#   wake-2x.png       the window at twice the scale (QT_SCALE_FACTOR=2)
#
# Needs a build, xvfb-run and ImageMagick's import (apt-get install xvfb
# imagemagick).
#
# usage: scripts/take_screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
wake=$PWD/$build/app/wake
out=$PWD/resources/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_RUNTIME_DIR=$work/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# The scenario, and a generated fleet of 600 vessels with planted events.
"$wake" vessels --db "$work/scenario.sqlite" --scenario >/dev/null
"$PWD/$build/tests/bench/wake_make_traffic" "$work/fleet.csv" --vessels 600 --days 10 \
    --fix-minutes 10 --pairs 20 >/dev/null
"$wake" import "$work/fleet.csv" --db "$work/fleet.sqlite" >/dev/null 2>&1

# An encounter in the fleet: its vessel, its time and a box round it.
read -r fleet_vessel fleet_time fleet_box < <("$wake" events --db "$work/fleet.sqlite" \
    --kind encounter --json | python3 -c '
import json, sys
e = json.load(sys.stdin)[0]
p = e["position"]
print(e["vesselId"], e["time"]["start"], "%.3f,%.3f,%.3f,%.3f" % (
    p["lat"] - 6, p["lon"] - 10, p["lat"] + 6, p["lon"] + 10))')
# A vessel with AIS gaps, framed whole.
gap_vessel=$("$wake" events --db "$work/fleet.sqlite" --kind ais_gap --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["vesselId"])')

shot() { # PNG SCREEN_WxH THEME [wake arguments...]
    local png=$1 screen=$2 theme=$3
    shift 3
    # The window's size in Qt's (scaled) pixels fills the screen.
    local scale=${QT_SCALE_FACTOR:-1} w=${screen%x*} h=${screen#*x}
    local geometry=$((w / scale))x$((h / scale))
    rm -rf "$HOME/.config"
    mkdir -p "$HOME/.config/wake"
    printf '[view]\ntheme=%s\n' "$theme" >"$HOME/.config/wake/wake.conf"
    xvfb-run -a -s "-screen 0 ${screen}x24" bash -c '
        "$@" -qwindowgeometry '"$geometry"'+0+0 &
        pid=$!
        sleep 8
        import -window root "'"$png"'"
        kill $pid
        wait $pid 2>/dev/null || true' _ "$wake" "$@"
    echo "wrote $png"
}

shot "$out/wake-window.png" 1400x860 light --db "$work/scenario.sqlite"
shot "$out/wake-colon.png" 1400x860 light --db "$work/scenario.sqlite" --vessel 1 \
    --time 2013-07-15T12:00Z --fit 9.352,-79.900,9.376,-79.860
shot "$out/wake-fleet.png" 1400x860 light --db "$work/fleet.sqlite" --vessel "$fleet_vessel" \
    --time "$fleet_time" --fit "$fleet_box"
shot "$out/wake-analysis.png" 1400x860 light --db "$work/fleet.sqlite" --vessel "$gap_vessel"
shot "$out/wake-dark.png" 1400x860 dark --db "$work/scenario.sqlite"
QT_SCALE_FACTOR=2 shot "$out/wake-2x.png" 2800x1720 light --db "$work/scenario.sqlite"

# The report's first page, and the "All events" dock (drawn by its widget test).
"$wake" report --db "$work/scenario.sqlite" --out "$work/report.pdf" >/dev/null
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/report.pdf" "$out/wake-report-page1"
echo "wrote $out/wake-report-page1.png"
WAKE_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=offscreen "$PWD/$build/tests/wake_ui_tests" \
    --gtest_filter='FleetEvents.*:AlertsWindow.*:TargetsWindow.*' >/dev/null
echo "wrote $out/wake-all-events.png, wake-alert.png, wake-targets.png"
