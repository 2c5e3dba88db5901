#!/usr/bin/env python3
"""Harbour patches: OpenStreetMap land where GSHHG closes a harbour.

GSHHG 2.3.7 (resources/coast) draws some harbours as land, Havana Bay among
them. Around every World Port Index port, a box of about 6 km is sampled on a
grid; where at least MIN_SHARE of the samples are land in GSHHG but water in
OpenStreetMap (the coastline of npm @geo-maps/earth-coastlines-100m, ODbL 1.0),
GSHHG has closed the harbour, and this script cuts OSM's land polygons to
that box. Wake
draws those boxes from OSM instead of GSHHG and credits "© OpenStreetMap
contributors" whenever one is in view. Only ports decide where: nothing is
drawn by hand.

The sampling is slow in Python (about half a minute per hundred ports, far
more where continental rings are long), so --region limits the ports; the
shipped file covers the Caribbean and the Gulf of Mexico (5..31 N, 100..59 W).

usage: make_harbour_patches.py OSM.geo.json.gz WPI_PORTS.csv COAST.wkcoast OUT.json
                               [--region S,W,N,E]
"""
import csv
import gzip
import json
import math
import struct
import sys
import zlib

HALF_BOX_DEG = 0.06
SAMPLES = 24  # per side
MIN_SHARE = 0.04  # smaller disagreements (basins, breakwaters) keep GSHHG's finer coast


def coast_reader(path):
    data = open(path, 'rb').read()
    units, size = struct.unpack_from('<II', data, 8)
    index = zlib.decompress(data[16:16 + size])
    base = 16 + size

    def rings(lat, lon):
        off, n = struct.unpack_from('<II', index, ((lat + 90) * 360 + (lon + 180)) * 8)
        if n == 0:
            return []
        b = zlib.decompress(data[base + off:base + off + n])
        p = 4
        out = []
        for _ in range(struct.unpack_from('<I', b, 0)[0]):
            level, count = struct.unpack_from('<BI', b, p)
            p += 5
            x = y = 0
            pts = []
            for _ in range(count):
                vals = []
                for _ in range(2):
                    v = s = 0
                    while True:
                        c = b[p]
                        p += 1
                        v |= (c & 0x7F) << s
                        s += 7
                        if c < 0x80:
                            break
                    vals.append((v >> 1) ^ -(v & 1))
                x += vals[0]
                y += vals[1]
                pts.append((lon + x / units, lat + y / units))
            out.append((level, pts))
        return out

    cache = {}

    def tile(lat, lon):
        key = (lat, lon)
        if key not in cache:
            out = []
            for level, pts in rings(lat, lon):
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                out.append((level, (min(xs), min(ys), max(xs), max(ys)), pts))
            cache[key] = out
        return cache[key]

    def level_at(lat, lon):
        best = 0
        for level, (x0, y0, x1, y1), pts in tile(math.floor(lat), math.floor(lon)):
            if level > best and x0 <= lon <= x1 and y0 <= lat <= y1 and inside(pts, lon, lat):
                best = level
        return best

    return level_at


def inside(ring, x, y):
    c = False
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[i - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    return c


def clip(ring, box):
    """Sutherland-Hodgman against the box (w, s, e, n)."""
    w, s, e, n = box
    edges = [(lambda p: p[0] >= w, lambda a, b: cut_x(a, b, w)),
             (lambda p: p[0] <= e, lambda a, b: cut_x(a, b, e)),
             (lambda p: p[1] >= s, lambda a, b: cut_y(a, b, s)),
             (lambda p: p[1] <= n, lambda a, b: cut_y(a, b, n))]
    out = ring
    for keep, cut in edges:
        src, out = out, []
        for i in range(len(src)):
            cur, prev = src[i], src[i - 1]
            if keep(cur):
                if not keep(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif keep(prev):
                out.append(cut(prev, cur))
        if not out:
            return []
    return out


def cut_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def cut_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def main():
    osm_path, ports_path, coast_path, out_path = sys.argv[1:5]
    region = (-90.0, -180.0, 90.0, 180.0)
    if len(sys.argv) > 6 and sys.argv[5] == '--region':
        region = tuple(float(v) for v in sys.argv[6].split(','))
    doc = json.load(gzip.open(osm_path))
    polygons = doc['geometries'][0]['coordinates'] if 'geometries' in doc else doc['coordinates']
    rings = []
    by_cell = {}
    for poly in polygons:
        for ring in poly:
            xs = [p[0] for p in ring]
            ys = [p[1] for p in ring]
            bbox = (min(xs), min(ys), max(xs), max(ys))
            rings.append((bbox, ring))
            for cx in range(math.floor(bbox[0]), math.floor(bbox[2]) + 1):
                for cy in range(math.floor(bbox[1]), math.floor(bbox[3]) + 1):
                    by_cell.setdefault((cx, cy), []).append(len(rings) - 1)
    level_at = coast_reader(coast_path)

    def rings_near(box):
        found = set()
        for cx in range(math.floor(box[0]), math.floor(box[2]) + 1):
            for cy in range(math.floor(box[1]), math.floor(box[3]) + 1):
                found.update(by_cell.get((cx, cy), ()))
        out = []
        for i in sorted(found):
            (x0, y0, x1, y1), ring = rings[i]
            if not (x1 < box[0] or x0 > box[2] or y1 < box[1] or y0 > box[3]):
                out.append(rings[i])
        return out

    def osm_land(near, lat, lon):
        n = 0
        for (x0, y0, x1, y1), ring in near:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and inside(ring, lon, lat):
                n += 1
        return n % 2 == 1

    patches = []
    for row in csv.DictReader(open(ports_path, encoding='utf-8-sig')):
        lat, lon = float(row['lat']), float(row['lon'])
        if abs(lat) > 85 or not (region[0] <= lat <= region[2] and region[1] <= lon <= region[3]):
            continue
        half_lon = HALF_BOX_DEG / max(math.cos(math.radians(lat)), 0.2)
        box = (lon - half_lon, lat - HALF_BOX_DEG, lon + half_lon, lat + HALF_BOX_DEG)
        near = rings_near(box)
        if not near:
            continue
        # Cheap first look: a port whose box GSHHG shows as all water or all
        # land at the corners and centre is checked on the whole grid only if
        # OSM disagrees somewhere on a coarse grid.
        coarse = [(box[1] + (i + 0.5) * (box[3] - box[1]) / 6, box[0] + (j + 0.5) * (box[2] - box[0]) / 6)
                  for i in range(6) for j in range(6)]
        if not any(level_at(y, x) % 2 == 1 and not osm_land(near, y, x) for y, x in coarse):
            continue
        closed = 0
        for i in range(SAMPLES):
            for j in range(SAMPLES):
                y = box[1] + (i + 0.5) * (box[3] - box[1]) / SAMPLES
                x = box[0] + (j + 0.5) * (box[2] - box[0]) / SAMPLES
                if level_at(y, x) % 2 == 1 and not osm_land(near, y, x):
                    closed += 1
        if closed < MIN_SHARE * SAMPLES * SAMPLES:
            continue  # GSHHG and OSM agree closely enough here
        land = []
        for (x0, y0, x1, y1), ring in near:
            cut = clip([tuple(p) for p in ring], box)
            if len(cut) >= 3:
                land.append([[round(x, 5), round(y, 5)] for x, y in cut])
        patches.append({'port': row['name'], 'unlocode': row.get('unlocode', ''),
                        'closedShare': round(closed / (SAMPLES * SAMPLES), 3),
                        'box': [round(v, 5) for v in (box[1], box[0], box[3], box[2])], 'land': land})
    json.dump({'source': 'OpenStreetMap coastline via npm @geo-maps/earth-coastlines-100m 0.6.0',
               'licence': 'ODbL-1.0', 'credit': '© OpenStreetMap contributors',
               'boxes': 'south, west, north, east', 'region': list(region), 'patches': patches},
              open(out_path, 'w'), separators=(',', ':'))
    print(f'{len(patches)} patches', file=sys.stderr)


if __name__ == '__main__':
    main()
