#!/usr/bin/env python3
"""Writes a synthetic brief for measuring Geobrief at scale.

    tools/synthetic_brief.py --places 10000 --text-bytes 10000000 -o big.json

N places spread over the world's land-ish latitudes (one in eight a polygon of
6 to 40 vertices, the rest points of every kind), and paragraphs of filler
prose of about 600 characters until the text reaches the size asked. Each
paragraph names a few places, and every such name is a link with a
TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector in code
points, as Geobrief writes them. The output is deterministic for a seed.
Standard library only.
"""

import argparse
import json
import math
import random

WORDS = (
    "the officials said talks would resume after the ministers met near border "
    "crossing where convoys of aid trucks waited while residents described long "
    "queues for fuel and bread in a week of rain and rising prices that analysts "
    "expect to ease before the harvest season begins in earnest across region"
).split()

KINDS = ["city", "city", "city", "capital", "naval_base", "air_base", "region", "sea"]
CONTEXT = 24  # characters of prefix and suffix, as Geobrief writes them


def place_name(i):
    syllables = ["ka", "ro", "mi", "ta", "sel", "van", "dor", "lis", "qu", "ber", "an", "os"]
    rng = random.Random(i)
    word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))
    return f"{word.capitalize()} {i}"


def polygon(rng, lon, lat):
    n = rng.randint(6, 40)
    r = rng.uniform(0.2, 3.0)
    ring = []
    for k in range(n):
        a = 2 * math.pi * k / n  # counter-clockwise: the right-hand rule
        rr = r * rng.uniform(0.6, 1.0)
        ring.append([round(lon + rr * math.cos(a), 5), round(lat + rr * 0.7 * math.sin(a), 5)])
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def make_places(rng, count):
    places = []
    for i in range(count):
        lon = rng.uniform(-170, 170)
        lat = rng.uniform(-50, 70)
        is_area = i % 8 == 7
        geometry = polygon(rng, lon, lat) if is_area else {
            "type": "Point",
            "coordinates": [round(lon, 5), round(lat, 5)],
        }
        places.append({
            "id": f"p{i}",
            "name": place_name(i),
            "kind": "area" if is_area else KINDS[i % len(KINDS)],
            "geometry": geometry,
        })
    return places


def filler(rng, chars):
    out = []
    size = 0
    while size < chars:
        w = rng.choice(WORDS)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def make_article(rng, places, text_bytes, paragraph_chars):
    paragraphs = []
    links = []
    size = 0
    next_place = 0
    while size < text_bytes or not paragraphs:
        parts = []
        spans = []
        for _ in range(rng.randint(1, 4)):
            parts.append(filler(rng, paragraph_chars // 4))
            # Every place is named at least once, in order, then at random.
            if next_place < len(places):
                place = places[next_place]
                next_place += 1
            else:
                place = rng.choice(places)
            start = len(" ".join(parts)) + 1
            parts.append(place["name"])
            spans.append((place, start))
        text = " ".join(parts) + "."
        for place, start in spans:
            end = start + len(place["name"])
            links.append({
                "id": f"l{len(links) + 1}",
                "place": place["id"],
                "target": {
                    "paragraph": len(paragraphs),
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": place["name"],
                            "prefix": text[max(0, start - CONTEXT):start],
                            "suffix": text[end:end + CONTEXT],
                        },
                        {"type": "TextPositionSelector", "start": start, "end": end},
                    ],
                },
            })
        paragraphs.append(text)
        size += len(text.encode("utf-8"))
    return paragraphs, links


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=1000)
    parser.add_argument("--text-bytes", type=int, default=1_000_000)
    parser.add_argument("--paragraph-chars", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    places = make_places(rng, max(1, args.places))
    paragraphs, links = make_article(rng, places, args.text_bytes, args.paragraph_chars)
    brief = {
        "format": "geobrief/1",
        "article": {
            "title": f"Synthetic brief: {len(places)} places, {args.text_bytes} bytes of text",
            "paragraphs": paragraphs,
        },
        "places": places,
        "links": links,
    }
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(brief, f, ensure_ascii=False, separators=(",", ":"))
    print(f"{args.output}: {len(places)} places, {len(paragraphs)} paragraphs, {len(links)} links")


if __name__ == "__main__":
    main()
