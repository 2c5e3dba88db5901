#!/usr/bin/env bash
# The window receiving live: two sources (TCP and UDP on 127.0.0.1) at RATE
# sentences a second each from VESSELS vessels per source, under Xvfb,
# following now (the map draws every target). Prints the CPU the window
# process used while receiving, in share of one core (target, issue "Live
# AIS": 2,000 a second from several sources, 50,000 targets, at most one
# core busy). With SHOT set, saves a screenshot there; with RULES set (a
# watch rules file), the window watches with it (issue "Watch": the frame
# times stay within the live issue's targets with the watch running).
#
# usage: [RULES=rules.json] tests/bench/live_window.sh [BUILD_DIR] [RATE] [VESSELS] [SHOT.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
rate=${2:-2000}
vessels=${3:-25000}
shot=${4:-}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tcp=$(free_port)
udp=$(free_port)
mkdir -p "$home/.config/wake"
cat >"$home/.config/wake/wake.conf" <<CONF
[live]
sources\\1\\name=tcp-feed
sources\\1\\url=tcp://127.0.0.1:$tcp
sources\\1\\enabled=true
sources\\2\\name=udp-feed
sources\\2\\url=udp://127.0.0.1:$udp
sources\\2\\enabled=true
sources\\size=2
sourcesDatabase=$home/w.sqlite
CONF
if [ -n "${RULES:-}" ]; then
    printf '[watch]\nrules=%s\n' "$(realpath "$RULES")" >>"$home/.config/wake/wake.conf"
fi
export HOME=$home build rate vessels shot tcp udp
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
"$build/app/wake" --db "$HOME/w.sqlite" 2>/dev/null & w=$!
sleep 6
seconds=40
"$build/tests/wake_feed_sim" --tcp-listen "$tcp" --rate "$rate" --seconds $seconds --vessels "$vessels" --mmsi-base 230000000 >/dev/null &
"$build/tests/wake_feed_sim" --udp-to "$udp" --rate "$rate" --seconds $seconds --vessels "$vessels" --mmsi-base 240000000 >/dev/null &
sleep 15 # every vessel heard once (vessels / rate seconds)
ticks() { awk "{print \$14 + \$15}" /proc/$w/stat; }
t0=$(ticks); s0=$(date +%s.%N)
sleep 15
t1=$(ticks); s1=$(date +%s.%N)
python3 -c "import sys; t0,t1,s0,s1=map(float,sys.argv[1:]); print(\"window CPU at 2 x $rate msg/s, up to 2 x $vessels targets: %.0f %% of a core\" % (100*(t1-t0)/100/(s1-s0)))" $t0 $t1 $s0 $s1
if [ -n "$shot" ]; then import -window root "$shot"; fi
kill $w; wait $w || true
pkill -f "wake_feed_sim.*(--tcp-listen $tcp|--udp-to $udp)" || true
'
