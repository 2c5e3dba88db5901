#!/usr/bin/env python3
"""Writes an AIS NMEA corpus of at least N messages for the peer benchmarks.

The sentences are the real ones of tests/data/ais (gpsd, pyais and
libais corpora), repeated in file order so multi-part messages stay whole,
each under an NMEA 4.0 tag block whose c: time advances one second per line:
every position gets its own time, as in a receiver's archive.
usage: make_ais_corpus.py SHARED_AIS_DIR OUT.nmea [MESSAGES]

With --real, the corpus is a real receiver's traffic mix instead: the Danish
Maritime Authority stream of tests/data/real/aislib_stream_example.txt (types
1-3, 5, 18, 24, 27 and the rest as heard, with its $PGHP time sentences),
repeated as it is until it holds MESSAGES messages.
usage: make_ais_corpus.py --real REAL_LOG OUT.nmea [MESSAGES]
"""
import pathlib
import sys


def checksum(text):
    value = 0
    for ch in text.encode("latin-1"):
        value ^= ch
    return "%02X" % value


def sentences(root):
    out = []
    for path in sorted(root.rglob("*")):
        if path.suffix in (".chk", ".json", ".jsonl", ".md", ".py", ".csv") or not path.is_file():
            continue
        if "LICENSE" in path.name or "expected" in path.parts:
            continue
        for raw in path.read_bytes().decode("latin-1").splitlines():
            start = raw.find("!")
            if start < 0 or raw[start + 3:start + 7] not in ("VDM,", "VDO,"):
                continue
            out.append(raw[start:].rstrip("\r"))
    return out


def real_mix(log, out_path, target):
    lines = pathlib.Path(log).read_bytes().decode("latin-1").splitlines()
    per_pass = sum(1 for s in lines if s[3:7] in ("VDM,", "VDO,") and s.split(",")[2] == "1")
    passes = target // max(per_pass, 1) + 1
    with open(out_path, "w", encoding="latin-1", newline="\n") as out:
        for _ in range(passes):
            for s in lines:
                out.write(s.rstrip("\r") + "\n")
    print("%d lines, about %d messages" % (passes * len(lines), passes * per_pass))


def main():
    if sys.argv[1] == "--real":
        target = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
        real_mix(sys.argv[2], sys.argv[3], target)
        return
    root = pathlib.Path(sys.argv[1])
    target = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    lines = sentences(root)
    messages_per_pass = sum(1 for s in lines if s.split(",")[2] == s.split(",")[1])
    passes = target // max(messages_per_pass, 1) + 1
    t = 1_500_000_000
    with open(sys.argv[2], "w", encoding="latin-1", newline="\n") as out:
        for _ in range(passes):
            for s in lines:
                tag = "c:%d" % t
                out.write("\\%s*%s\\%s\n" % (tag, checksum(tag), s))
                t += 1
    print("%d lines, about %d messages" % (passes * len(lines), passes * messages_per_pass))


if __name__ == "__main__":
    main()
