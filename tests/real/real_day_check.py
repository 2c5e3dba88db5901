#!/usr/bin/env python3
"""What Wake found on a real day of AIS, read the way an analyst would check it.

usage: real_day_check.py DB [--stops MOVINGPANDAS_STOPS.csv] [--json]

DB is a Wake SQLite store after `wake import` (with its analysis). Prints:
- vessels, and those that share an MMSI with another transmitter;
- events by kind;
- with --stops (MovingPandas' stop detection on the same rows: mmsi, start,
  end, sog_median): how many of its stationary stops (median speed at most
  0.5 kn) a Wake port visit of a vessel with that MMSI overlaps;
- encounters and loitering on land or within 1 and 2 km of the coast, by
  GMT's own GSHHG full-resolution coast (gmt select), an independent check
  of Wake's land and sea.

Needs Debian's gmt and gmt-gshhg-full for the coast figures (skipped, and
said so, without them).
"""

import argparse
import csv
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime, timezone


def utc_ms(text):
    return int(datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
               .replace(tzinfo=timezone.utc).timestamp() * 1000)


def gmt_flags(points, region):
    """For each (lat, lon): (on_land, within_1km, within_2km) by GMT's GSHHG full."""
    if not points or shutil.which("gmt") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        pts = f"{tmp}/pts.txt"
        with open(pts, "w") as f:
            for i, (lat, lon) in enumerate(points):
                f.write(f"{lon} {lat} {i}\n")
        coast = f"{tmp}/coast.txt"
        with open(coast, "w") as f:
            subprocess.run(["gmt", "coast", f"-R{region}", "-Df", "-W", "-M"], stdout=f,
                           check=True, stderr=subprocess.DEVNULL)

        def ids(args):
            out = subprocess.run(["gmt", "select", pts, "-fg", f"-R{region}"] + args,
                                 capture_output=True, text=True, check=True).stdout
            return {int(line.split()[2]) for line in out.splitlines()
                    if line and not line.startswith(">")}

        land = ids(["-Df", "-Ns/k"])
        near1 = ids([f"-L{coast}+d1k"])
        near2 = ids([f"-L{coast}+d2k"])
    return [(i in land, i in near1, i in near2) for i in range(len(points))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--stops")
    ap.add_argument("--json", action="store_true")
    # Targets: exit 1 when one is missed (what the ctest asks on the real day).
    ap.add_argument("--min-stop-share", type=float)
    ap.add_argument("--max-encounter-coast-share", type=float)
    ap.add_argument("--max-loitering-coast-share", type=float)
    args = ap.parse_args()
    db = sqlite3.connect(args.db)
    out = {}
    out["vessels"] = db.execute("SELECT count(*) FROM vessels WHERE mmsi IS NOT NULL").fetchone()[0]
    out["vesselsSharingAnMmsi"] = db.execute(
        "SELECT count(*) FROM vessels WHERE mmsi IN "
        "(SELECT mmsi FROM vessels GROUP BY mmsi HAVING count(*) > 1)").fetchone()[0]
    out["events"] = dict(db.execute(
        "SELECT kind, count(*) FROM events WHERE origin = 'analysis' GROUP BY kind").fetchall())
    out["voyages"] = db.execute("SELECT count(*) FROM voyages WHERE origin = 'analysis'").fetchone()[0]

    if args.stops:
        visits = {}
        for mmsi, start, end in db.execute(
                "SELECT v.mmsi, e.start_utc_ms, e.end_utc_ms FROM events e "
                "JOIN vessels v ON v.id = e.vessel_id WHERE e.kind = 'port_visit'"):
            visits.setdefault(mmsi, []).append((start, end))
        total = anyOverlap = halfOverlap = 0
        with open(args.stops) as f:
            for row in csv.DictReader(f):
                if float(row["sog_median"]) > 0.5:
                    continue
                total += 1
                a, b = utc_ms(row["start"]), utc_ms(row["end"])
                best = 0
                for s, e in visits.get(int(row["mmsi"]), []):
                    best = max(best, min(b, e) - max(a, s))
                anyOverlap += best > 0
                halfOverlap += best >= 0.5 * (b - a)
        out["stationaryStops"] = total
        out["stopsOverlappedByAVisit"] = anyOverlap
        out["stopsHalfCoveredByAVisit"] = halfOverlap

    for kind in ("encounter", "loitering"):
        rows = db.execute("SELECT lat, lon FROM events WHERE kind = ? AND lat IS NOT NULL",
                          (kind,)).fetchall()
        if not rows:
            out[kind + "Coast"] = {"count": 0}
            continue
        lats = [r[0] for r in rows]
        lons = [r[1] for r in rows]
        region = f"{min(lons) - 0.5}/{max(lons) + 0.5}/{min(lats) - 0.5}/{max(lats) + 0.5}"
        flags = gmt_flags(rows, region)
        if flags is None:
            out[kind + "Coast"] = {"count": len(rows), "note": "gmt not installed"}
            continue
        out[kind + "Coast"] = {
            "count": len(rows),
            "onLand": sum(f[0] for f in flags),
            "within1km": sum(f[1] or f[0] for f in flags),
            "within2km": sum(f[2] or f[0] for f in flags),
        }
    if args.json:
        print(json.dumps(out, indent=1, sort_keys=True))
    else:
        for k, v in out.items():
            print(f"{k}: {v}")
    failures = []
    if args.min_stop_share is not None:
        share = out["stopsOverlappedByAVisit"] / max(1, out["stationaryStops"])
        if share < args.min_stop_share:
            failures.append(f"{share:.1%} of MovingPandas' stationary stops are Wake stops "
                            f"(want at least {args.min_stop_share:.0%})")
    for kind, limit in (("encounter", args.max_encounter_coast_share),
                        ("loitering", args.max_loitering_coast_share)):
        if limit is None:
            continue
        coast = out[kind + "Coast"]
        if coast["count"] == 0:
            continue
        if "within2km" not in coast:
            failures.append(f"{kind}: cannot check the coast without gmt (apt install gmt "
                            "gmt-gshhg-full)")
            continue
        share = coast["within2km"] / coast["count"]
        if share > limit:
            failures.append(f"{share:.1%} of {kind} events are on land or within 2 km of the "
                            f"coast (want at most {limit:.0%})")
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
