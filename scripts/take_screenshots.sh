#!/usr/bin/env bash
# Takes the README's window screenshots under Xvfb: the scenario as the window
# opens, and detected events in a generated demo day (a vessel with AIS gaps,
# their envelopes and an encounter). Needs a build, xvfb-run, xdotool and
# ImageMagick's import (apt-get install xvfb xdotool imagemagick).
#
# usage: scripts/take_screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=resources/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home
mkdir -p "$HOME"

"$build/tests/bench/wake_make_traffic" "$work/demo.csv" --vessels 30 --days 10 >/dev/null
"$build/app/wake" import "$work/demo.csv" --db "$work/demo.sqlite" >/dev/null 2>&1
# The vessel of the second planted encounter: it also has two AIS gaps.
vessel_id=$("$build/app/wake" events --db "$work/demo.sqlite" --kind encounter --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)[1]["vesselId"])')
mmsi=$("$build/app/wake" vessels --db "$work/demo.sqlite" --json |
    python3 -c "import json,sys; print([v['mmsi'] for v in json.load(sys.stdin) if v['id'] == $vessel_id][0])")

cat >"$work/shoot.sh" <<SHOOT
#!/bin/bash
set -e
shot() { # DB PNG ACTIONS...
    "$build/app/wake" --db "\$1" &
    local pid=\$!
    sleep 5
    local png=\$2
    shift 2
    "\$@"
    sleep 2
    import -window root -crop 1400x860+0+0 "\$png"
    kill \$pid
    wait \$pid 2>/dev/null || true
}
nothing() { :; }
analysis() {
    xdotool mousemove 130 52 click 1; sleep 0.3; xdotool type "$mmsi"; sleep 0.5
    xdotool mousemove 60 100 click 1; sleep 2
    xdotool mousemove 125 653 click 1; sleep 0.5; xdotool key Down Down Return; sleep 0.5
    xdotool mousemove 600 700 click 1
}
shot "$work/scenario.sqlite" "$out/wake-window.png" nothing
shot "$work/demo.sqlite" "$out/wake-analysis.png" analysis
SHOOT
chmod +x "$work/shoot.sh"
xvfb-run -a -s "-screen 0 1600x1000x24" "$work/shoot.sh"
echo "wrote $out/wake-window.png and $out/wake-analysis.png"
