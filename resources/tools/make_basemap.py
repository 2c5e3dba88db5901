#!/usr/bin/env python3
"""Converts Natural Earth TopoJSON into Wake's pre-projected basemap files.

Usage: make_basemap.py NATURAL_EARTH_DIR OUT_DIR

For each resolution (110m, 50m, 10m) it writes `ne-<res>.wkb`:

  magic "WKBM", uint32 version (1), uint32 layer count, then per layer:
    uint8 kind (1 = land polygons, 2 = country border lines),
    uint32 part count, then per part: uint32 n, n x (float32 x, float32 y)

x, y are Web Mercator in normalised world coordinates (x east from -180 deg,
y south from +85.0511 deg), so the app never re-projects the data. Rings that
cross the antimeridian are unwrapped, so their x may run a little past 1.
float32 resolves 1/2^24 of the world, about 2.4 m at the equator, finer than
the data. Land rings are closed; holes are drawn with the odd-even rule.
Borders are the arcs shared by two countries (coastlines come from land).
Little-endian throughout.
"""
import json
import math
import os
import struct
import sys

MAX_LAT = 85.0511287798066


def mercator(lon, lat):
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = (lon + 180.0) / 360.0  # lon may exceed 180 for unwrapped rings
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return x, y


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(ring, arcs):
    pts = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        pts.extend(arc if not pts else arc[1:])
    return pts


def polygons_of(geometry):
    t = geometry["type"]
    if t == "Polygon":
        yield geometry["arcs"]
    elif t == "MultiPolygon":
        yield from geometry["arcs"]
    elif t == "GeometryCollection":
        for g in geometry["geometries"]:
            yield from polygons_of(g)


def unwrap(pts):
    """Makes a ring that crosses the antimeridian continuous (longitudes may go
    past +-180), so it is not drawn across the world. The app draws the world's
    copies east and west, which puts the overflow in its place. A ring that
    goes once around the globe (Antarctica) cannot be unwrapped: it is kept."""
    out = [pts[0]]
    for lon, lat in pts[1:]:
        prev = out[-1][0]
        lon += 360.0 * round((prev - lon) / 360.0)
        out.append((lon, lat))
    if abs(out[-1][0] - out[0][0]) > 180.0:
        return pts
    # Keep the ring's centre in [-180, 180): shift whole turns if unwrapping drifted.
    shift = 360.0 * math.floor((min(p[0] for p in out) + 180.0) / 360.0)
    return [(lon - shift, lat) for lon, lat in out]


def land_parts(topo, arcs):
    parts = []
    for polygon in polygons_of(topo["objects"]["land"]):
        for ring in polygon:
            pts = ring_points(ring, arcs)
            if len(pts) >= 4:
                parts.append([mercator(lon, lat) for lon, lat in unwrap(pts)])
    return parts


def border_parts(topo, arcs):
    uses = {}
    for polygon in polygons_of(topo["objects"]["countries"]):
        for ring in polygon:
            for index in ring:
                i = index if index >= 0 else ~index
                uses[i] = uses.get(i, 0) + 1
    return [[mercator(lon, lat) for lon, lat in arcs[i]] for i, n in sorted(uses.items()) if n >= 2]


def write(path, layers):
    with open(path, "wb") as f:
        f.write(b"WKBM")
        f.write(struct.pack("<II", 1, len(layers)))
        for kind, parts in layers:
            f.write(struct.pack("<BI", kind, len(parts)))
            for pts in parts:
                f.write(struct.pack("<I", len(pts)))
                f.write(b"".join(struct.pack("<ff", x, y) for x, y in pts))


def main(src, dst):
    for res, land_file in [("110m", "land-110m.json"), ("50m", "land-50m.json"), ("10m", "countries-10m.json")]:
        land = json.load(open(os.path.join(src, land_file)))
        countries = json.load(open(os.path.join(src, f"countries-{res}.json")))
        layers = [(1, land_parts(land, decode_arcs(land))),
                  (2, border_parts(countries, decode_arcs(countries)))]
        write(os.path.join(dst, f"ne-{res}.wkb"), layers)
        print(res, [len(p) for _, p in layers], sum(len(pt) for _, p in layers for pt in p), "vertices")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
