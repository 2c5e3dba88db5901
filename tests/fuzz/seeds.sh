#!/usr/bin/env bash
# Lays out a seed corpus per fuzz target from tests/data, under $1
# (default build-fuzz/seeds): real AIS logs and CSV heads, the same in gzip
# and zip, source URLs and database targets as people type them, and rules
# files. Regenerated on every run; the fuzzers add what they find beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-build-fuzz/seeds}
rm -rf "$out"
mkdir -p "$out"/{nmea,csv_rows,compressed,live_lines,targets,rules}
data=tests/data/ais

cp $data/gpsd/sample.aivdm $data/libais/*.nmea $data/pyais/*.nmea "$out/nmea/"
head -c 20000 tests/data/real/aislib_stream_example.txt > "$out/nmea/pghp_and_unix_times.nmea"
cp $data/csv/*.csv "$out/csv_rows/"
for f in "$out"/nmea/*; do
    printf '\x05\x01' | cat - "$f" > "$out/live_lines/$(basename "$f")"
done
head -c 30000 $data/csv/dma_aisdk-2023-03-18_head.csv > "$out/compressed/plain.csv"
gzip -c $data/csv/fathom5_ais_testdata_ten.csv > "$out/compressed/ten.csv.gz"
python3 - "$out/compressed" $data/csv/fathom5_ais_testdata_ten.csv $data/libais/tagblock.nmea <<'PY'
import sys, zipfile
folder, *files = sys.argv[1:]
with zipfile.ZipFile(folder + "/two.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for f in files:
        z.write(f, f.split("/")[-1])
with zipfile.ZipFile(folder + "/stored.zip", "w", zipfile.ZIP_STORED) as z:
    z.write(files[0], "day.csv")
PY
i=0
while IFS= read -r line; do
    i=$((i + 1))
    printf '%s' "$line" > "$out/targets/$i"
done <<'TARGETS'
tcp://127.0.0.1:10110
tcp://ais:s3cretPW@127.0.0.1:17012
tcp://A%7CT%7Ctoken@127.0.0.1:56784
tcp-listen://:10111
udp://[::1]:10112
gpsd://localhost
serial:/dev/ttyUSB0?baud=4800
file:///var/log/ais.log
postgresql://wake:s3cret@db.example:5432/ais?sslmode=require
 POSTGRESQL://wake@127.0.0.1/ais
host=127.0.0.1 dbname=ais password='s3cret pw' user=wake
Host=127.0.0.1 password=s3cret
postgresl://wake:s3cret@h/ais
/home/me/wake.sqlite
TARGETS
printf '%s' '{"preset":"custom","gaps":{"minDurationH":8,"envelopeSpeedPercentile":95}}' \
    > "$out/rules/gaps.json"
printf '%s' '{"encounters":{"maxDistanceM":250,"minDurationH":0.5},"jumps":{"timePaddingMinutes":5}}' \
    > "$out/rules/encounters.json"
printf '%s' '{"places":{"stationaryKnots":0.5,"minStopMinutes":30,"nearShoreKm":2}}' \
    > "$out/rules/places.json"
printf '%s' '{"gaps":{"minDurationH":"six"}}' > "$out/rules/string.json"
