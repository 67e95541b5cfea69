#!/usr/bin/env python3
"""Every US town of a size, in sentences a local paper writes: which are missed or misplaced.

    cargo build --release --example geoparse
    python3 tools/eval/town_sentences.py                  # every template, counts
    python3 tools/eval/town_sentences.py --show 20        # ...and the first misses of each

Needs no annotated set: the gazetteer (assets/gazetteer.tsv) gives each town,
its state and its point, and each template puts the town in a sentence whose
words say it is a town of that state ("the city of Temple", "TEMPLE, Tex. —",
"Temple officials said", the state named). A town is right when the detector
finds it within half a degree of its point. What this finds is a bug of
reading or of data, never a rule fitted to an article: the sentences are
written here, not taken from news.
"""

import argparse
import collections
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "tools/gazetteer"))
import curated  # noqa: E402  (the AP abbreviations of the states)

TEMPLATES = [
    "{N}, {ab} — City officials approved the budget on Monday.",
    "The city of {n} approved its budget on Monday, officials in {st} said.",
    "A fire broke out Monday in downtown {n}, firefighters in {st} said.",
    "The board met on Monday. {n} officials said the road in {st} would reopen.",
    "A man from {n}, {st}, was arrested on Monday.",
]


def towns(min_people):
    states, places = {}, []
    for line in open(REPO / "assets/gazetteer.tsv", encoding="utf-8"):
        if not line.startswith("P\t"):
            continue
        f = line.rstrip("\n").split("\t")
        if f[1] == "admin1" and f[5] == "US":
            states[f[6]] = f[9].split("|")[0]
        elif f[1] in ("city", "capital", "town") and f[5] == "US" and int(f[4] or 0) >= min_people:
            places.append((f[9].split("|")[0], f[6], int(f[4] or 0), float(f[2]), float(f[3])))
    return states, places


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(REPO / "target/release/examples/geoparse"))
    ap.add_argument("--min-people", type=int, default=40_000)
    ap.add_argument("--show", type=int, default=0, help="print this many misses of each template")
    args = ap.parse_args()
    states, places = towns(args.min_people)
    abbr = {code: names[0] for code, names in curated.ADMIN1_ABBREVIATIONS.items()}
    for template in TEMPLATES:
        cases = [(name, code, people, lat, lon) for name, code, people, lat, lon in places
                 if code in states and code in abbr]
        lines = "".join(json.dumps({"id": str(i), "text": template.format(
            n=name, N=name.upper(), st=states[code], ab=abbr[code])}) + "\n"
            for i, (name, code, *_rest) in enumerate(cases))
        out = subprocess.run([args.bin, "--jsonl", "--no-publisher-home", "--explain"],
                             input=lines, capture_output=True, text=True, check=True).stdout
        tally, misses = collections.Counter(), []
        for line, (name, code, people, lat, lon) in zip(out.splitlines(), cases):
            d = json.loads(line)
            hits = [t for t in d["toponyms"] if t["name"].lower() == name.lower()]
            if not hits:
                rules = sorted({x["rule"] for x in d.get("dropped", []) if x["name"].lower() == name.lower()})
                tally["missed"] += 1
                misses.append(f"  missed {name} ({code}, {people}): {', '.join(rules) or 'not found'}")
            elif abs(hits[0]["lat"] - lat) > 0.5 or abs(hits[0]["lon"] - lon) > 0.5:
                t = hits[0]
                tally["elsewhere"] += 1
                misses.append(f"  elsewhere {name} ({code}, {people}): {t['place']}, {t['kind']}, {t['country']}")
            else:
                tally["right"] += 1
        print(f"{template}\n  {len(cases)} towns: {tally['right']} right, "
              f"{tally['elsewhere']} elsewhere, {tally['missed']} missed")
        for m in misses[:args.show]:
            print(m)


if __name__ == "__main__":
    main()
