"""Lakes and islands by name, with their extents, for build_gazetteer.py.

The source is the Debian package r-cran-maps (the R package `maps` 3.4.1),
whose 'world' and 'lakes' databases are Natural Earth's 1:50m map (version
2.0; public domain) with a name on every polygon: "Greece:Crete",
"USA:New York:Long Island", "Lake Tanganyika", "Great Lakes:Erie".
`maps_features.R` beside this file writes those polygons as text (one line a
polygon: database, name, box, mean point, area); this module turns them into
gazetteer places of kind "lake" or "island", each with the box around it.

What is left out, and why:
  * a country's own polygon ("Finland"): countries are listed already;
  * a name that is already a country, continent or first-level division
    ("Hawaii", "Sicily", "Tasmania"): the division stands for it;
  * a bare name that is also a town or an everyday word and says nothing of
    water or an island ("Naxos", "Mainland", "South"): a feature must not take
    the name of a town it does not announce itself as ("Long Island" and
    "Lake Erie" say what they are; "Ibiza" does not);
  * lakes that 'lakes' joins into one polygon ("Superior, Huron, Michigan").
"""

from __future__ import annotations

import math
import subprocess
from collections import defaultdict

# Words that say a name is an island or islands, in the languages of the map.
ISLAND_WORDS = ("island", "islands", "isle", "isla", "islas", "ilha", "ile", "île", "ostrov",
                "ostrova", "jima", "shima", "kyun", "pulau", "otok", "ko")
# Parts of one island that the map names by direction; the island is the name before.
PART_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "mainland", "southern bight", "northern bight"}
# A feature's point finds its country and first-level division from the
# nearest town within this distance; farther out at sea it has neither.
NEAREST_TOWN_KM = 150.0


def read_polygons(path: str | None):
    """The polygons of r-cran-maps as dicts: from `path`, or from running
    maps_features.R when `path` is None."""
    if path is None:
        here = __file__.rsplit("/", 1)[0]
        text = subprocess.run(["Rscript", f"{here}/maps_features.R"], check=True,
                              capture_output=True, text=True).stdout
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    out = []
    for line in text.splitlines():
        db, name, *numbers = line.split("\t")
        west, south, east, north, lon, lat, area = map(float, numbers)
        # The 'world' map runs a little past 180 degrees east (Fiji, Chukotka).
        if west > 180.0:
            west, east, lon = west - 360.0, east - 360.0, lon - 360.0
        east, lon = min(east, 180.0), ((lon + 180.0) % 360.0) - 180.0
        out.append({"db": db, "path": name.split(":"), "box": (west, south, east, north),
                    "point": (lat, lon), "area": area})
    return out


def says_island(name: str) -> bool:
    return any(w.lower().strip(".") in ISLAND_WORDS for w in name.split())


def says_water(name: str) -> bool:
    return any(w.lower().strip(".") in ("lake", "lago", "lac", "sea", "reservoir", "res", "loch")
               for w in name.split())


def lake_names(path):
    """The English names of a polygon of the 'lakes' database, or None."""
    if path[-1].isdigit():
        path = path[:-1]
    if path[0] == "Great Lakes":
        if len(path) != 2 or "," in path[1]:
            return None
        return [f"Lake {path[1]}"]
    if len(path) != 1 or path[0] in ("?",):
        return None
    name = path[0]
    if name.startswith("Lago de "):
        return [f"Lake {name[len('Lago de '):]}", name]
    if name.startswith("Lago "):
        return [f"Lake {name[len('Lago '):]}", name]
    if name.startswith("Res. "):
        return [f"{name[len('Res. '):]} Reservoir"]
    if name.endswith(" Res."):
        return [f"{name[:-len(' Res.')]} Reservoir"]
    return [name]


def island_paths(path):
    """The island names a polygon of the 'world' database belongs to, as
    paths from the country: its own and any archipelago above it."""
    if path[-1].isdigit():
        path = path[:-1]
    while len(path) > 1 and path[-1].lower() in PART_WORDS:
        path = path[:-1]
    if len(path) < 2:
        return []
    out = [tuple(path)]
    for depth in range(2, len(path)):
        if path[depth - 1].split()[-1] in ("Islands", "Island", "Isles"):
            out.append(tuple(path[:depth]))
    return out


def bare_island_name(name):
    """The island's name without the word for island in its own language, as
    English writes it ("Ostrov Sakhalin" -> "Sakhalin", "Miyako Jima" -> "Miyako")."""
    words = name.split()
    if any(len(w) < 2 or not w[0].isupper() for w in words):
        return []
    if len(words) >= 2 and words[0].lower() in ("ostrov", "isla", "ilha", "ile", "île", "pulau", "otok", "ko"):
        return [" ".join(words[1:])]
    if len(words) >= 2 and words[-1].lower() in ("jima", "shima", "kyun"):
        return [" ".join(words[:-1])]
    return []


def union_box(boxes):
    west = min(b[0] for b in boxes)
    east = max(b[2] for b in boxes)
    # A group of polygons either side of the antimeridian keeps its biggest.
    if east - west > 180.0:
        return None
    return (west, min(b[1] for b in boxes), east, max(b[3] for b in boxes))


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class NearestTown:
    """The country and first-level division of the nearest town to a point."""

    def __init__(self, towns):
        self.cells = defaultdict(list)
        for t in towns:
            lat, lon = float(t["lat"]), float(t["lng"])
            self.cells[(int(lat // 1), int(lon // 1))].append((lat, lon, t["country"], t["admin1"]))

    def codes(self, point):
        lat, lon = point
        best, best_km = None, NEAREST_TOWN_KM
        for dlat in (-1, 0, 1):
            for dlon in (-2, -1, 0, 1, 2):
                for t in self.cells.get((int(lat // 1) + dlat, int(lon // 1) + dlon), ()):
                    d = km(point, t[:2])
                    if d < best_km:
                        best, best_km = t, d
        if best is None:
            return "", ""
        cc, admin1 = best[2], best[3]
        return cc, f"{cc}.{admin1}" if admin1 else ""


def features(polygons, towns, taken_names, everyday_words):
    """Gazetteer rows `(kind, names, point, box, cc, admin1)` of the lakes and
    islands. `taken_names` are lowercased names of places already listed, by
    kind ("area" for countries, continents and divisions, "place" for the
    rest); `everyday_words` are lowercase English words and common names."""
    groups = defaultdict(list)
    names_of = {}
    # Lakes the map joins into one polygon have no outline of their own.
    joined = {f"Lake {n.strip()}" for p in polygons if p["db"] == "lakes" and p["path"][0] == "Great Lakes"
              and len(p["path"]) == 2 and "," in p["path"][1] for n in p["path"][1].split(",")}
    for p in polygons:
        if p["db"] == "lakes":
            if p["path"][0] == "Great Lakes" and len(p["path"]) == 3 and not p["path"][2].isdigit():
                keys = [("island", (p["path"][2],))]  # an island in a lake
            else:
                names = lake_names(p["path"])
                keys = [("lake", tuple(names))] if names and names[0] not in joined else []
        else:
            keys = [("island", path) for path in island_paths(p["path"])]
        for kind, key in keys:
            groups[(kind, key)].append(p)
            names_of[(kind, key)] = list(key) if kind == "lake" else [key[-1], *bare_island_name(key[-1])]
    nearest = NearestTown(towns)
    rows = []
    for (kind, key), parts in sorted(groups.items()):
        biggest = max(parts, key=lambda p: p["area"])
        box = union_box([p["box"] for p in parts]) or biggest["box"]
        names = [n for n in names_of[(kind, key)]
                 if keep_name(n, kind, box, taken_names, everyday_words)]
        if not names:
            continue
        cc, admin1 = nearest.codes(biggest["point"])
        if kind == "lake":
            cc, admin1 = shared_codes(nearest, biggest["point"], box)
        rows.append((kind, names, biggest["point"], box, cc, admin1))
    return rows


def shared_codes(nearest, point, box):
    """The country and division of a lake when the towns around all of its
    box (corners, edges' middles and its point) agree on them; a lake between
    two countries or states ("Lake Erie", "Lake Victoria") belongs to neither."""
    west, south, east, north = box
    mid_lat, mid_lon = (south + north) / 2.0, (west + east) / 2.0
    around = [point, (south, west), (south, east), (north, west), (north, east),
              (south, mid_lon), (north, mid_lon), (mid_lat, west), (mid_lat, east)]
    codes = [c for c in map(nearest.codes, around) if c[0]]
    countries = {cc for cc, _ in codes}
    if len(countries) != 1:
        return "", ""
    admin1s = {a for _, a in codes}
    return countries.pop(), admin1s.pop() if len(admin1s) == 1 else ""


def keep_name(name, kind, box, taken_names, everyday_words):
    low = name.lower()
    if len(name) < 4 or not name[0].isupper() or "border" in low:
        return False
    # "Hawaii" the island is Hawaii the state, and "Sicily" the region: the
    # division stands for it. The Bahamas' district of Long Island is not New
    # York's island.
    if any(near_box(point, box) for point in taken_names["area"].get(low, ())):
        return False
    announced = says_island(name) if kind == "island" else says_water(name)
    if announced:
        return True
    return low not in taken_names["area"] and low not in taken_names["place"] \
        and low not in everyday_words


# How far from a feature's box a division of its name may lie and still be it.
SAME_PLACE_DEGREES = 1.5


def near_box(point, box):
    lat, lon = point
    west, south, east, north = box
    m = SAME_PLACE_DEGREES
    return west - m <= lon <= east + m and south - m <= lat <= north + m
