#!/usr/bin/env python3
"""Builds Wake's harbour-scale coastline file from GSHHG 2.3.7 (full resolution).

GSHHG's binned netCDF files (Debian: gmt-gshhg-full) hold the shorelines cut
into 1-degree bins. GMT dumps those pieces (`gmt coast -Rd -Df -M -W`) and the
level at every whole-degree corner (`gmt grdlandmask -Rd -I1 -Df`). This
script joins each bin's pieces with the bin's border into closed polygons per
level (1 land, 2 lake, 3 island in a lake, 4 pond), quantises them to 1e-4
degree (about 11 m) inside their tile, and writes one zlib-compressed blob
per 1-degree tile:

  "WKCOAST1"  magic
  u32         units per degree (10000)
  u32         size of the compressed index
  zlib(index) 180 x 360 entries, row by row from 90 S, column from 180 W:
              u32 offset of the tile's blob from the end of the index,
              u32 its compressed size (0: no coast, open ocean)
  blobs       zlib(u32 ring count, then per ring: u8 level, u32 point count,
              zigzag-varint deltas of x then y from the tile's south-west
              corner, in units)

gmt is needed only to regenerate the file, never to build or run Wake.

usage: make_coast_tiles.py OUT.bin [--dump coast.txt] [--corners corners.txt]
"""
import argparse
import struct
import subprocess
import sys
import zlib

UNITS = 10000
EPS = 1e-9


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def read_dump(text):
    """{(lat_south, lon_west): [(level, [(x, y), ...]), ...]} in tile fractions."""
    tiles = {}
    level = None
    key = None
    points = None

    def flush():
        if points:
            tiles.setdefault(key, []).append((level, points))

    for line in text.splitlines():
        if line.startswith('>'):
            flush()
            # "> Shore Bin # 29080, Level 1"
            parts = line.replace(',', ' ').split()
            bin_number = int(parts[parts.index('#') + 1])
            level = int(parts[-1])
            row, col = divmod(bin_number, 360)
            lat_south = 90 - row - 1
            lon_west = col if col < 180 else col - 360
            key = (lat_south, lon_west)
            points = []
            continue
        lon, lat = map(float, line.split()[:2])
        lon_west = key[1]
        x = lon - lon_west
        if x < -0.5:
            x += 360
        elif x > 1.5:
            x -= 360
        points.append((min(max(x, 0.0), 1.0), min(max(lat - key[0], 0.0), 1.0)))
    flush()
    return tiles


def read_corners(text):
    corners = {}
    for line in text.splitlines():
        lon, lat, level = line.split()
        lon = int(round(float(lon)))
        if lon == 180:
            lon = -180
        corners[(int(round(float(lat))), lon)] = int(round(float(level)))
    return corners


def on_border(p):
    x, y = p
    return x < EPS or x > 1 - EPS or y < EPS or y > 1 - EPS


def border_t(p):
    """Position along the tile border, counter-clockwise from the south-west corner, in [0, 4)."""
    x, y = p
    if y < EPS:
        return x
    if x > 1 - EPS:
        return 1 + y
    if y > 1 - EPS:
        return 2 + (1 - x)
    return (3 + (1 - y)) % 4


CORNERS = [(0.0, (0.0, 0.0)), (1.0, (1.0, 0.0)), (2.0, (1.0, 1.0)), (3.0, (0.0, 1.0))]


def corners_between(ta, tb):
    """Tile corners met walking counter-clockwise from ta to tb."""
    out = []
    span = (tb - ta) % 4
    for t, p in CORNERS:
        d = (t - ta) % 4
        if EPS < d < span - EPS:
            out.append((d, p))
    return [p for _, p in sorted(out)]


def assemble(pieces, inside_at_corner):
    """Closed rings of the region bounded by open pieces and the tile border.
    inside_at_corner(i) tells whether corner i (0 SW, 1 SE, 2 NE, 3 NW) is inside."""
    ends = []  # (t, piece index, 0 start / 1 end)
    for i, pts in enumerate(pieces):
        ends.append((border_t(pts[0]), i, 0))
        ends.append((border_t(pts[-1]), i, 1))
    ends.sort()
    n = len(ends)
    # Arc k runs from ends[k] to ends[k+1] counter-clockwise; arcs alternate.
    def arc_of(t):
        for k in range(n):
            a = ends[k][0]
            b = ends[(k + 1) % n][0]
            span = (b - a) % 4 or 4
            if 0 <= (t - a) % 4 < span:
                return k
        return 0
    parity = None
    for c, (t, _) in enumerate(CORNERS):
        k = arc_of(t)
        if any(abs(((t - e[0]) + 2) % 4 - 2) < 1e-7 for e in ends):
            continue  # a corner exactly at a piece end says nothing
        parity = (k % 2) if inside_at_corner(c) else 1 - (k % 2)
        break
    if parity is None:
        # No corner to ask: GSHHG pieces keep the inside on their left.
        first = ends[0]
        parity = 0 if first[2] == 1 else 1
    position = {(e[1], e[2]): k for k, e in enumerate(ends)}
    used = [False] * len(pieces)
    rings = []
    for k0 in range(n):
        if k0 % 2 != parity:
            continue
        if used[ends[k0][1]]:
            continue
        ring = []
        k = k0
        for _ in range(2 * n + 2):
            a, b = ends[k], ends[(k + 1) % n]
            ring.extend(corners_between(a[0], b[0]))
            piece, which = b[1], b[2]
            if used[piece]:
                break
            used[piece] = True
            pts = pieces[piece] if which == 0 else pieces[piece][::-1]
            ring.extend(pts)
            k = position[(piece, 1 - which)]
            if k == k0:
                break
        if len(ring) >= 3:
            rings.append(ring)
    return rings


def zigzag(v):
    return (v << 1) ^ (v >> 63)


def varint(v, out):
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)


def encode_tile(rings):
    out = bytearray(struct.pack('<I', 0))
    count = 0
    for level, pts in rings:
        q = []
        for x, y in pts:
            p = (int(round(x * UNITS)), int(round(y * UNITS)))
            if not q or q[-1] != p:
                q.append(p)
        if len(q) > 1 and q[0] == q[-1]:
            q.pop()
        if len(q) < 3:
            continue
        out += struct.pack('<BI', level, len(q))
        px = py = 0
        for x, y in q:
            varint(zigzag(x - px), out)
            varint(zigzag(y - py), out)
            px, py = x, y
        count += 1
    struct.pack_into('<I', out, 0, count)
    return zlib.compress(bytes(out), 9) if count else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--dump')
    ap.add_argument('--corners')
    args = ap.parse_args()
    dump = open(args.dump).read() if args.dump else run(['gmt', 'coast', '-Rd', '-Df', '-M', '-W'])
    if args.corners:
        corner_text = open(args.corners).read()
    else:
        run(['gmt', 'grdlandmask', '-Rd', '-I1', '-Df', '-N0/1/2/3/4', '-G/tmp/wake-corners.nc'])
        corner_text = run(['gmt', 'grd2xyz', '/tmp/wake-corners.nc'])
    tiles = read_dump(dump)
    corners = read_corners(corner_text)
    blobs = {}
    points = 0
    for lat in range(-90, 90):
        for lon in range(-180, 180):
            key = (lat, lon)
            segments = tiles.get(key, [])
            corner_levels = [corners.get((lat, lon), 0), corners.get((lat, lon + 1 if lon < 179 else -180), 0),
                             corners.get((lat + 1, lon + 1 if lon < 179 else -180), 0), corners.get((lat + 1, lon), 0)]
            rings = []
            for level in (1, 2, 3, 4):
                open_pieces = [p for l, p in segments if l == level and on_border(p[0]) and on_border(p[-1])
                               and p[0] != p[-1]]
                closed = [p for l, p in segments if l == level and not (on_border(p[0]) and on_border(p[-1])
                                                                        and p[0] != p[-1])]
                if open_pieces:
                    assembled = assemble(open_pieces, lambda c, L=level: corner_levels[c] >= L)
                    rings += [(level, r) for r in assembled]
                elif corner_levels[0] >= level and all(c >= level for c in corner_levels):
                    rings.append((level, [(0, 0), (1, 0), (1, 1), (0, 1)]))
                rings += [(level, r) for r in closed]
            blob = encode_tile(rings)
            if blob:
                blobs[key] = blob
                points += sum(len(r) for _, r in rings)
    header_size = 8 + 4 + 4
    body = bytearray()
    offsets = {}
    for key, blob in blobs.items():
        offsets[key] = len(body)
        body += blob
    def build_index(base):
        idx = bytearray()
        for lat in range(-90, 90):
            for lon in range(-180, 180):
                key = (lat, lon)
                if key in offsets:
                    idx += struct.pack('<II', base + offsets[key], len(blobs[key]))
                else:
                    idx += struct.pack('<II', 0, 0)
        return zlib.compress(bytes(idx), 9)
    compressed = build_index(0)
    with open(args.out, 'wb') as f:
        f.write(b'WKCOAST1')
        f.write(struct.pack('<II', UNITS, len(compressed)))
        f.write(compressed)
        f.write(body)
    print(f'{len(blobs)} tiles, {points} points, {header_size + len(compressed) + len(body)} bytes',
          file=sys.stderr)


if __name__ == '__main__':
    main()
