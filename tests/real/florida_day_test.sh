#!/usr/bin/env bash
# The real MarineCadastre day around south-east Florida (tests/data/real),
# imported with its analysis as a user would, then judged the way an analyst
# would: MovingPandas' stationary stops should be Wake's port visits, and
# encounters and loitering should not sit on land or at the coast (GMT's own
# GSHHG coast says where that is).
# usage: florida_day_test.sh WAKE DATA_DIR
set -euo pipefail
wake=$1
data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work # the default rules
"$wake" import "$data/marinecadastre_2020-01-01_se_florida.csv.gz" --db "$work/day.sqlite" \
    >"$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }
tail -3 "$work/import.log"
python3 "$(dirname "$0")/real_day_check.py" "$work/day.sqlite" \
    --stops "$data/movingpandas_stops_se_florida.csv" \
    --min-stop-share 0.80 --max-encounter-coast-share 0.10 --max-loitering-coast-share 0.05
# The fleet-wide filters return exactly the events inside, on real data.
python3 "$(dirname "$0")/fleet_filter_check.py" "$wake" "$work/day.sqlite"
# The watch over the same day: boats lying together in marinas and in Port
# Everglades' basins are no encounter forming at sea (60 were, before the
# harbour-patch and port checks); GFW's 500 m for 2 h finds none here.
echo '{"rules": [{"kind": "encounter_forming"}]}' >"$work/encounters.json"
"$wake" alerts --rules "$work/encounters.json" --json --db "$work/day.sqlite" \
    >"$work/alerts.jsonl" 2>"$work/alerts.log" || { cat "$work/alerts.log"; exit 1; }
forming=$(grep -c '"kind":"encounter_forming"' "$work/alerts.jsonl" || true)
echo "encounters forming over the day: $forming ($(tail -1 "$work/alerts.log"))"
[ "$forming" -eq 0 ] || { head -5 "$work/alerts.jsonl"; exit 1; }
