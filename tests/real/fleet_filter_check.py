#!/usr/bin/env python3
"""Checks wake events --area/--flag/--type on a real day against the same
selection made here from the unfiltered events and vessels: the filters must
return exactly the events inside, no more and no fewer."""
import json
import subprocess
import sys


def wake(binary, db, *args):
    out = subprocess.run([binary, *args, "--db", db, "--json"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    binary, db = sys.argv[1], sys.argv[2]
    events = wake(binary, db, "events")
    vessels = {v["id"]: v for v in wake(binary, db, "vessels")}
    if len(events) < 100:
        sys.exit(f"only {len(events)} events: the day was not analysed")

    def ships(e):
        return [vessels.get(e.get(k)) for k in ("vesselId", "otherVesselId") if e.get(k)]

    boxes = ["25.0,-80.5,25.5,-80.0", "26.0,-80.2,26.2,-80.0", "25.7,-80.3,25.9,-80.1"]
    failures = 0
    for box in boxes:
        s, w, n, e_ = map(float, box.split(","))
        want = sorted(e["id"] for e in events if e.get("position")
                      and s <= e["position"]["lat"] <= n and w <= e["position"]["lon"] <= e_)
        got = sorted(e["id"] for e in wake(binary, db, "events", "--area", box))
        print(f"--area {box}: {len(got)} events, {len(want)} expected")
        failures += got != want
    for flag in ["US", "BS", "KY"]:
        want = sorted(e["id"] for e in events if any(v and v.get("flag") == flag for v in ships(e)))
        got = sorted(e["id"] for e in wake(binary, db, "events", "--flag", flag))
        print(f"--flag {flag}: {len(got)} events, {len(want)} expected")
        failures += got != want
    for t in ["3", "37", "31"]:
        n = int(t)
        def fits(v):
            a = v and v.get("aisShipType")
            return a is not None and (a // 10 == n if n < 10 else a == n)
        want = sorted(e["id"] for e in events if any(fits(v) for v in ships(e)))
        got = sorted(e["id"] for e in wake(binary, db, "events", "--type", t))
        print(f"--type {t}: {len(got)} events, {len(want)} expected")
        failures += got != want
    # No ship of this day is on the built-in OFAC list.
    listed = wake(binary, db, "events", "--listed")
    print(f"--listed: {len(listed)} events")
    failures += len(listed) != 0
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
