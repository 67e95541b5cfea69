"""Rivers by name, with their extents and a point on them, for build_gazetteer.py.

The source is the Debian package libmagics++-data 4.13.0-1, which ships
Natural Earth's 1:10m "rivers and lake centerlines" (version 3.0.0; public
domain) unmodified as a shapefile:
/usr/share/magics/10m/ne_10m_rivers_lake_centerlines.{shp,dbf}. This module
reads the two files itself (the format is small; no GDAL needed) and turns the
named lines into gazetteer places of kind "river".

Natural Earth cuts a river into segments that share its name; the segments of
one name that lie within JOIN_KM of each other are one river, and two rivers
of one name far apart stay two ("Red" in Texas and the "Red" of Vietnam's
"Hong (Red)"). A name in brackets is another name of the same river
("Rhin (Rhein)" joins the "Rhein"), and so is the data's `name_alt`
("Maas" / "Meuse"). Each river is named as a reader writes it, "Oconee
River", unless its name already says what it is ("Rio Negro", "Bahr el
Jebel"). Its point is its mouth, where GeoNames (and so the gazetteers that
news corpora are tagged with) puts a stream: always on the river, where the
middle of its box can lie far off a winding one (`middle_vertex` gives the
vertex nearest the middle of its length instead). Its country and first-level
division are those that the nearest towns of points along it agree on.

What is left out, and why:
  * a "Lake Centerline" whose name is a lake the gazetteer lists already
    (the lake stands for it);
  * a river whose name is already a place of the gazetteer's own water list
    (curated.py's "Mississippi River", "Thames"): the hand-made entry stays;
  * a river whose lines run across the antimeridian (its box would not be one);
  * a name whose accented letters this copy of the table lost ("S?o
    Francisco", "ngermanlven"): no reader writes it so.

Its examples run with `cd tools/gazetteer && python3 -m doctest rivers.py`.
"""

from __future__ import annotations

import math
import re
import struct
from collections import defaultdict

import natural_features

MAGICS_DIR = "/usr/share/magics/10m"
LAYER = "ne_10m_rivers_lake_centerlines"
# Segments of one name closer than this are one river.
JOIN_KM = 100.0
# Line ends closer than this meet (a lake centerline and the river out of it).
NODE_KM = 2.0
# Words that say a name is a river (or a stream of water) already, in the
# languages of the map: the name is kept as it is.
STREAM_WORDS = {"river", "rio", "río", "rivière", "riviere", "canal", "creek", "lake", "lago",
                "bahr", "nahr", "wadi", "gol", "ozero", "delta", "channel", "brook", "kanal"}


def read_shp_lines(path):
    """The lines of a shapefile of PolyLine shapes, one list of parts (lists of
    (lon, lat)) a record, in file order; a null shape is an empty list."""
    with open(path, "rb") as f:
        data = f.read()
    out = []
    at = 100
    while at + 8 <= len(data):
        (length_words,) = struct.unpack(">i", data[at + 4:at + 8])
        content = data[at + 8:at + 8 + 2 * length_words]
        at += 8 + 2 * length_words
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type == 0:
            out.append([])
            continue
        if shape_type not in (3, 13, 23):
            raise ValueError(f"{path}: shape type {shape_type} is not a line")
        num_parts, num_points = struct.unpack("<ii", content[36:44])
        starts = list(struct.unpack(f"<{num_parts}i", content[44:44 + 4 * num_parts]))
        points_at = 44 + 4 * num_parts
        xy = struct.unpack(f"<{2 * num_points}d", content[points_at:points_at + 16 * num_points])
        points = list(zip(xy[0::2], xy[1::2]))
        ends = starts[1:] + [num_points]
        out.append([points[s:e] for s, e in zip(starts, ends)])
    return out


def read_dbf(path):
    """The records of a dBase III table as dicts of stripped strings."""
    with open(path, "rb") as f:
        data = f.read()
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields = []
    at = 32
    while data[at] != 0x0D:
        name = data[at:at + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[at + 16]))
        at += 32
    out = []
    for i in range(count):
        rec = data[header_len + i * record_len:header_len + (i + 1) * record_len]
        pos = 1  # the deletion flag
        row = {}
        for name, length in fields:
            raw = rec[pos:pos + length]
            pos += length
            try:
                row[name] = raw.decode("utf-8").strip()
            except UnicodeDecodeError:
                row[name] = raw.decode("cp1252").strip()
        if rec[:1] != b"*":
            out.append(row)
    return out


def read_features(folder=MAGICS_DIR):
    """Natural Earth's named river lines: dicts of names, class and parts."""
    lines = read_shp_lines(f"{folder}/{LAYER}.shp")
    records = read_dbf(f"{folder}/{LAYER}.dbf")
    if len(lines) != len(records):
        raise ValueError(f"{folder}/{LAYER}: {len(lines)} shapes but {len(records)} records")
    out = []
    for rec, parts in zip(records, lines):
        names = feature_names(rec["name"], rec.get("name_alt", ""))
        if names and parts:
            out.append({"names": names, "class": rec["featurecla"], "parts": parts})
    return out


def feature_names(name, name_alt):
    """A feature's own names: "Hong (Red)" is "Hong" and "Red"; `name_alt`
    ("Meuse" for "Maas") is one more. Abbreviations of the map are spelled out
    ("S. Fork" is "South Fork").

    >>> feature_names("Hong (Red)", "")
    ['Hong', 'Red']
    >>> feature_names("Maas", "Meuse")
    ['Maas', 'Meuse']
    >>> feature_names("S. Fork Republican", "")
    ['South Fork Republican']
    >>> feature_names("Nakanb? (White Volta)", "")
    ['White Volta']
    """
    out = []
    for raw in [name, name_alt]:
        m = re.fullmatch(r"(.*?)\s*\((.*)\)\s*", raw)
        for n in [m.group(1), m.group(2)] if m else [raw]:
            n = " ".join(n.split())
            for short, long in (("N. ", "North "), ("S. ", "South "), ("E. ", "East "), ("W. ", "West ")):
                if n.startswith(short):
                    n = long + n[len(short):]
            if n and n[0].isupper() and "?" not in n and n not in out:
                out.append(n)
    return out


# Where English puts "River" before the name ("River Severn").
RIVER_FIRST_COUNTRIES = ("GB", "IE")


def reader_names(name, cc):
    """"Oconee" -> "Oconee River"; in Britain and Ireland "River Severn"
    first, then "Severn River"; "Rio Negro" and "Bahr el Jebel" say what
    they are.

    >>> reader_names("Oconee", "US"), reader_names("Severn", "GB")
    (['Oconee River'], ['River Severn', 'Severn River'])
    >>> reader_names("Rio Negro", "BR")
    ['Rio Negro']
    """
    if any(w.lower() in STREAM_WORDS for w in name.split()):
        return [name]
    if cc in RIVER_FIRST_COUNTRIES:
        return [f"River {name}", f"{name} River"]
    return [f"{name} River"]


def km(a, b):
    """Kilometres between two (lon, lat) points."""
    return natural_features.km((a[1], a[0]), (b[1], b[0]))


def box_of(parts):
    xs = [x for part in parts for x, _ in part]
    ys = [y for part in parts for _, y in part]
    return (min(xs), min(ys), max(xs), max(ys))


def near(f, g):
    """Whether two features come within JOIN_KM of each other anywhere."""
    (w1, s1, e1, n1), (w2, s2, e2, n2) = f["box"], g["box"]
    margin = JOIN_KM / 111.0
    if s1 > n2 + margin or s2 > n1 + margin:
        return False
    lat = max(abs(s1), abs(n1), abs(s2), abs(n2))
    margin_lon = margin / max(0.05, math.cos(math.radians(min(lat, 87.0))))
    if w1 > e2 + margin_lon or w2 > e1 + margin_lon:
        return False
    a = [p for part in f["parts"] for p in part]
    b = [p for part in g["parts"] for p in part]
    return any(km(p, q) < JOIN_KM for p in a for q in b)


def join(features):
    """Groups of features that are one river: sharing a name and lying within
    JOIN_KM of each other, step by step.

    >>> red = lambda *line: {"names": ["Red"], "parts": [list(line)]}
    >>> texas = [red((-100.0, 34.6), (-97.0, 33.9)), red((-96.9, 33.9), (-91.7, 31.0))]
    >>> [len(g) for g in join(texas + [red((103.0, 22.9), (106.5, 20.3))])]
    [2, 1]
    """
    for f in features:
        f["box"] = box_of(f["parts"])
    parent = list(range(len(features)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_name = defaultdict(list)
    for i, f in enumerate(features):
        for n in f["names"]:
            by_name[n].append(i)
    for _, members in sorted(by_name.items()):
        for a in members:
            for b in members:
                if a < b and root(a) != root(b) and near(features[a], features[b]):
                    parent[root(b)] = root(a)
    groups = defaultdict(list)
    for i in range(len(features)):
        groups[root(i)].append(features[i])
    return [groups[k] for k in sorted(groups)]


def middle_vertex(parts):
    """The vertex of the lines nearest their centre of length: on the river,
    where the middle of a winding river's box need not be."""
    total, sx, sy = 0.0, 0.0, 0.0
    for part in parts:
        for p, q in zip(part, part[1:]):
            d = km(p, q)
            total += d
            sx += d * (p[0] + q[0]) / 2.0
            sy += d * (p[1] + q[1]) / 2.0
    points = [p for part in parts for p in part]
    if total == 0.0:
        return points[0]
    centre = (sx / total, sy / total)
    return min(points, key=lambda p: km(p, centre))


def mouth_vertex(parts, directed, inflows):
    """The river's mouth, where GeoNames (and so the gazetteers news corpora
    are tagged with) puts a stream. Natural Earth draws most river lines
    downstream (its lake centerlines either way), so the mouth is a loose end
    (one no other line of the river touches): of those, the one the fewest
    other rivers flow into and the most flow out of (`inflows(point)`, the
    lines of other rivers that end there less those that begin there: the
    Angara and the upper Yenisey end where the Yenisey's line begins, which
    is drawn upstream; the Lena's delta arms begin at its mouth),
    then one a river line ends at, then the one the most of the river's
    length flows to (a delta's arms), a lake centerline carrying the flow
    both ways. `directed[i]` says whether `parts[i]` is a river line.

    >>> upper, lower = [(0.0, 1.0), (0.0, 0.5)], [(0.0, 0.5), (0.0, 0.0)]
    >>> mouth_vertex([lower, upper], [True, True], lambda p: 0)
    (0.0, 0.0)
    >>> # drawn upstream, but a tributary ends at its top: the bottom is the mouth
    >>> mouth_vertex([[(0.0, 0.0), (0.0, 1.0)]], [True], lambda p: int(p == (0.0, 1.0)))
    (0.0, 0.0)
    """
    nodes = []  # one point a node: ends within NODE_KM of it are the same node

    def node(p):
        for i, q in enumerate(nodes):
            if km(p, q) < NODE_KM:
                return i
        nodes.append(p)
        return len(nodes) - 1

    edges = [(node(part[0]), node(part[-1]), sum(km(p, q) for p, q in zip(part, part[1:])), d)
             for part, d in zip(parts, directed)]
    degree = defaultdict(int)
    into = defaultdict(list)
    for i, (a, b, _, d) in enumerate(edges):
        degree[a] += 1
        degree[b] += 1
        into[b].append((i, a))
        if not d:
            into[a].append((i, b))

    def upstream_km(n):
        total, seen, todo = 0.0, set(), [n]
        while todo:
            for i, a in into[todo.pop()]:
                if i not in seen:
                    seen.add(i)
                    total += edges[i][2]
                    todo.append(a)
        return total

    loose = [n for n in range(len(nodes)) if degree[n] == 1]
    drawn_to = {b for _, b, _, d in edges if d}
    best = min(sorted(loose), key=lambda n: (inflows(nodes[n]), n not in drawn_to, -upstream_km(n)))
    return nodes[best]


class LineEnds:
    """Where every line of the layer begins and ends, to ask how many other
    rivers flow into a point (their lines end there) and out of it (begin)."""

    def __init__(self, features):
        self.cells = defaultdict(list)
        for f in features:
            for part in f["parts"]:
                if len(part) >= 2 and f["class"] == "River":
                    self.cells[self.cell(part[-1])].append((part[-1], f["names"][0], 1))
                    self.cells[self.cell(part[0])].append((part[0], f["names"][0], -1))

    @staticmethod
    def cell(p):
        return (int(p[0] // 0.1), int(p[1] // 0.1))

    def inflows(self, point, own_names):
        cx, cy = self.cell(point)
        return sum(flow for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                   for q, name, flow in self.cells.get((cx + dx, cy + dy), ())
                   if name not in own_names and km(point, q) < NODE_KM)


def sample_points(parts, count=9):
    """`count` vertices spread along the lines, for asking the towns near them."""
    points = [p for part in parts for p in part]
    step = max(1, len(points) // count)
    return points[::step]


def river_codes(nearest, parts):
    """The country (and first-level division) that the nearest towns of points
    along a river all agree on; a river through two countries has none."""
    codes = [c for c in (nearest.codes((lat, lon)) for lon, lat in sample_points(parts)) if c[0]]
    countries = {cc for cc, _ in codes}
    if len(countries) != 1:
        return "", ""
    admin1s = {a for _, a in codes}
    return countries.pop(), admin1s.pop() if len(admin1s) == 1 else ""


def rivers(features, towns, lake_names, water_names):
    """Gazetteer rows `(names, point, box, cc, admin1)` of the rivers:
    `lake_names` are lowercased names of the gazetteer's lakes and
    `water_names` those of its hand-made seas and rivers."""
    kept = [f for f in features
            if not (f["class"] == "Lake Centerline"
                    and any(n.lower() in lake_names or f"lake {n.lower()}" in lake_names for n in f["names"]))]
    nearest = natural_features.NearestTown(towns)
    ends = LineEnds(features)
    rows = []
    for group in join(kept):
        lines = [(part, f["class"] == "River") for f in group for part in f["parts"] if len(part) >= 2]
        parts = [part for part, _ in lines]
        if not parts:
            continue
        box = natural_features.union_box([f["box"] for f in group])
        if box is None:
            continue
        cc, admin1 = river_codes(nearest, parts)
        names = []
        for f in sorted(group, key=lambda f: -sum(len(p) for p in f["parts"])):
            for n in f["names"]:
                names += [r for r in reader_names(n, cc) if r not in names]
        own = {n.lower() for f in group for n in f["names"]}
        if any(n.lower() in water_names for n in names) or own & water_names:
            continue
        own = {n for f in group for n in f["names"]}
        lon, lat = mouth_vertex(parts, [d for _, d in lines], lambda p: ends.inflows(p, own))
        rows.append((names, (lat, lon), box, cc, admin1))
    rows.sort(key=lambda r: (r[0][0], r[1]))
    return rows
