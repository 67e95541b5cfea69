#!/usr/bin/env python3
"""Builds assets/default_brief.json from the seed article and the places below.

Usage: python3 tools/build_default_brief.py [path/to/article.txt]
       (default: ../shared/seed/article.txt, relative to the repository root)

The article is carried verbatim: its first line is the byline, the second
starts with the dateline ("MOSCOW — "), which is stored apart from the first
paragraph. Each place lists the phrases that speak of it; every occurrence
becomes a link with a W3C TextQuoteSelector (exact, prefix, suffix) and a
TextPositionSelector (code points within the paragraph).

Coordinates and their sources:
- Tartus naval facility: the Russian Navy's 720th Material-Technical Support
  Point on the northern quay of Tartus port, 34.9125 N 35.8725 E (Wikipedia,
  "Russian naval facility in Tartus"; satellite imagery of the port).
- Hmeimim air base: the runway midpoint of Basel Al-Assad International
  Airport / Hmeimim, ICAO OSLK, 35.4014 N 35.9486 E (AIP Syria aerodrome data).
- Cities, countries and the Mediterranean: GeoNames points (ids in sources).
- Northeastern Syria: Syria's borders with Turkey and Iraq from Natural Earth
  1:50m (the basemap's own), closed along the Euphrates by hand; approximate.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GEONAMES = "GeoNames geographical database (CC BY 4.0), id {}"


def point(lat, lon):
    return {"type": "Point", "coordinates": [lon, lat]}


NE_SYRIA_RING = [
    # Turkish border, west to east, from the Euphrates at Jarabulus: Natural
    # Earth 1:50m (world-atlas 2.0.2), so the area meets the basemap's border.
    (38.02, 36.84), (38.191, 36.901), (38.385, 36.879), (38.58, 36.788),
    (38.767, 36.693), (39.109, 36.681), (39.501, 36.701), (40.016, 36.826),
    (40.452, 37.009), (40.815, 37.108), (41.103, 37.085), (41.514, 37.089),
    (41.888, 37.156), (42.169, 37.288), (42.313, 37.229), (42.36, 37.109),
    # Iraqi border, north to south, to Abu Kamal (same source).
    (42.237, 36.962), (42.083, 36.826), (41.787, 36.597), (41.417, 36.514),
    (41.294, 36.384), (41.244, 36.073), (41.359, 35.724), (41.305, 35.551),
    (41.215, 35.288), (41.201, 35.028), (41.1, 34.613), (40.988, 34.429),
    # Up the Euphrates, by hand, back to Jarabulus.
    (40.45, 35.02), (40.14, 35.34), (39.83, 35.50), (39.01, 35.95),
    (38.56, 35.87), (38.25, 36.00), (38.10, 36.30), (38.02, 36.84),
]

PLACES = [
    {
        "id": "tartus", "name": "Tartus naval facility", "kind": "naval_base",
        "geometry": point(34.9125, 35.8725),
        "note": "Russia's only naval facility on the Mediterranean, in the port of Tartus.",
        "sources": [{"title": "Wikipedia: Russian naval facility in Tartus",
                     "url": "https://en.wikipedia.org/wiki/Russian_naval_facility_in_Tartus"}],
        "phrases": ["Tartus", "naval and air bases", "These bases", "both facilities"],
    },
    {
        "id": "hmeimim", "name": "Hmeimim air base", "kind": "air_base",
        "geometry": point(35.4014, 35.9486),
        "note": "Russia's air base south-east of Latakia, about 55 km north of Tartus.",
        "sources": [{"title": "Wikipedia: Khmeimim Air Base",
                     "url": "https://en.wikipedia.org/wiki/Khmeimim_Air_Base"}],
        "phrases": ["Hmeimim air base", "naval and air bases", "These bases", "both facilities"],
    },
    {
        "id": "moscow", "name": "Moscow", "kind": "capital",
        "geometry": point(55.75222, 37.61556),
        "note": "Capital of Russia, where Putin hosted Al-Sharaa; the Kremlin stands for the government.",
        "sources": [{"title": GEONAMES.format(524901), "url": "https://www.geonames.org/524901"}],
        "phrases": ["Moscow", "Kremlin"],
    },
    {
        "id": "northeastern-syria", "name": "Northeastern Syria", "kind": "area",
        "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in NE_SYRIA_RING]]},
        "approximate": True,
        "note": "Held by the Kurdish-led Syrian Democratic Forces east of the Euphrates; extent approximate.",
        "sources": [{"title": "Borders with Turkey and Iraq from Natural Earth 1:50m; the Euphrates traced by the editor"}],
        "phrases": ["northeastern Syria"],
    },
    {
        "id": "syria", "name": "Syria", "kind": "country",
        "geometry": point(35.0, 38.0),
        "note": "Ruled by an interim government in Damascus since Assad's fall in December 2024.",
        "sources": [{"title": GEONAMES.format(163843), "url": "https://www.geonames.org/163843"}],
        "phrases": ["Syria"],
    },
    {
        "id": "damascus", "name": "Damascus", "kind": "capital",
        "geometry": point(33.5102, 36.29128),
        "note": "Capital of Syria, seat of the interim government.",
        "sources": [{"title": GEONAMES.format(170654), "url": "https://www.geonames.org/170654"}],
        "phrases": ["Damascus"],
    },
    {
        "id": "latakia", "name": "Latakia", "kind": "city",
        "geometry": point(35.53168, 35.79011),
        "note": "Syria's main port city; the Hmeimim air base lies to its south-east.",
        "sources": [{"title": GEONAMES.format(173579), "url": "https://www.geonames.org/173579"}],
        "phrases": ["Latakia"],
    },
    {
        "id": "russia", "name": "Russia", "kind": "country",
        "geometry": point(60.0, 100.0),
        "note": "Keeps its only permanent military outposts outside the former Soviet Union in Syria.",
        "sources": [{"title": GEONAMES.format(2017370), "url": "https://www.geonames.org/2017370"}],
        "phrases": ["Russia"],
    },
    {
        "id": "ukraine", "name": "Ukraine", "kind": "country",
        "geometry": point(49.0, 32.0),
        "note": "Russia's war in Ukraine has drawn its forces away from Syria.",
        "sources": [{"title": GEONAMES.format(690791), "url": "https://www.geonames.org/690791"}],
        "phrases": ["Ukraine"],
    },
    {
        "id": "mediterranean", "name": "Mediterranean Sea", "kind": "sea",
        "geometry": point(35.0, 20.0),
        "note": "The bases give Russia's navy and air force their reach here.",
        "sources": [{"title": GEONAMES.format(363196), "url": "https://www.geonames.org/363196"}],
        "phrases": ["Mediterranean"],
    },
    {
        "id": "middle-east", "name": "Middle East", "kind": "region",
        "geometry": point(29.0, 41.0), "approximate": True,
        "note": "Russia projects influence across the region from its Syrian bases.",
        "sources": [{"title": "Centre placed by the editor"}],
        "phrases": ["Middle East"],
    },
    {
        "id": "north-africa", "name": "North Africa", "kind": "region",
        "geometry": point(27.0, 15.0), "approximate": True,
        "note": "Within reach of the Syrian bases (Libya above all).",
        "sources": [{"title": "Centre placed by the editor"}],
        "phrases": ["North Africa"],
    },
    {
        "id": "former-soviet-union", "name": "Former Soviet Union", "kind": "region",
        "geometry": point(55.0, 60.0), "approximate": True,
        "note": "The fifteen former Soviet republics; outside them, Syria hosts Russia's only permanent bases.",
        "sources": [{"title": "Centre placed by the editor"}],
        "phrases": ["former Soviet Union"],
    },
]

CONTEXT = 24  # characters of prefix and suffix kept with each quote


def links_for(paragraphs):
    links = []
    for index, text in enumerate(paragraphs):
        taken = []  # spans claimed by a longer phrase of another place
        spans = []
        for place in PLACES:
            for phrase in place["phrases"]:
                for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", text):
                    spans.append((m.start(), m.end(), place["id"]))
        # A span inside a longer span of another place ("Syria" inside
        # "northeastern Syria") is not a mention of its own.
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        for start, end, pid in spans:
            inside = any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in spans)
            if inside:
                continue
            taken.append((start, end, pid))
        for start, end, pid in taken:
            links.append({
                "id": f"l{len(links) + 1}",
                "place": pid,
                "target": {
                    "paragraph": index,
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": text[start:end],
                         "prefix": text[max(0, start - CONTEXT):start],
                         "suffix": text[end:end + CONTEXT]},
                        {"type": "TextPositionSelector", "start": start, "end": end},
                    ],
                },
            })
    return links


def counter_clockwise(ring):
    """RFC 7946's right-hand rule: exterior rings run counter-clockwise."""
    area = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))
    return ring if area > 0 else ring[::-1]


def main():
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/seed/article.txt"
    lines = [l for l in source.read_text(encoding="utf-8").splitlines() if l.strip()]
    byline, first, *rest = lines
    dateline, _, first_paragraph = first.partition(" — ")
    paragraphs = [first_paragraph, *rest]
    assert len(paragraphs) == 8, len(paragraphs)
    brief = {
        "format": "geobrief/1",
        "article": {
            "title": "Syria’s interim president in Moscow as Russia weighs the future of its bases",
            "title_by": "editor",
            "byline": byline,
            "dateline": dateline,
            "source": "HAN News Desk",
            "paragraphs": paragraphs,
        },
        "places": [{k: v for k, v in p.items() if k != "phrases"} for p in PLACES],
        "links": links_for(paragraphs),
    }
    for place in brief["places"]:
        geometry = place["geometry"]
        if geometry["type"] == "Polygon":
            geometry["coordinates"] = [counter_clockwise(geometry["coordinates"][0]),
                                       *geometry["coordinates"][1:]]
    out = ROOT / "assets/default_brief.json"
    out.write_text(json.dumps(brief, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out} with {len(brief['places'])} places and {len(brief['links'])} links")


if __name__ == "__main__":
    main()
