#!/usr/bin/env python3
"""How many far-placed names could be placed right at all (issue #15).

    python3 tools/eval/far_coverage.py SET PRED.jsonl [-v]

A gold name matched by a prediction more than 161 km off is "far". For each,
looks in assets/gazetteer.tsv for any place spelled like the gold name (names
and alternates, case-insensitive) within 161 km of the gold point: if there is
none, no choice among the candidates could place it right ("unreachable").
It also counts the far names placed at an area (a country, state, region or
sea) less than 1,500 km from the gold point: the place is the gold's (or
holds it), and the sets disagree on where an area's point is (dev-lgl puts
Canada at 60 N 96 W, dev at 60.1 N 113.6 W). Prints counts for both parts;
with -v lists the far names of the TUNE part only (the untouched part is
never printed name by name).
"""

import argparse
import json
import math
import pathlib
from collections import defaultdict

from score_split import load_ids
from tune_errors import load_predictions

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent


AREA_KINDS = ("continent", "country", "admin1", "region", "sea")
AREA_KM = 1500


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.009 * math.asin(min(1, math.sqrt(h)))


def gazetteer():
    index = defaultdict(list)
    for line in open(REPO / "assets/gazetteer.tsv", encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] != "P":
            continue
        point = (float(f[2]), float(f[3]))
        for name in f[9].split("|") + f[10].split("|"):
            if name:
                index[name.lower()].append((point, f[1]))
    return index


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set", choices=["dev", "dev-lgl"])
    ap.add_argument("pred")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--eval-dir", default=str(REPO.parent / "shared/eval"))
    args = ap.parse_args()
    untouched = load_ids(args.set)
    preds = load_predictions(args.pred)
    index = gazetteer()
    counts = {part: defaultdict(int) for part in ("tune", "untouched")}
    for line in open(pathlib.Path(args.eval_dir) / f"{args.set}.jsonl", encoding="utf-8"):
        art = json.loads(line)
        part = "untouched" if art["id"] in untouched else "tune"
        for g in art["toponyms"]:
            over = [p for p in preds.get(art["id"], [])
                    if min(p["end"], g["end"]) - max(p["start"], g["start"]) > 0]
            if not over or g["lat"] is None or over[0]["lat"] is None:
                continue
            counts[part]["matched"] += 1
            gold = (g["lat"], g["lon"])
            d = km(gold, (over[0]["lat"], over[0]["lon"]))
            if d <= 161:
                continue
            counts[part]["far"] += 1
            near = [(km(gold, pt), kind) for pt, kind in index.get(g["name"].lower(), [])]
            best = min(near, default=None)
            reachable = best is not None and best[0] <= 161
            counts[part]["reachable" if reachable else "unreachable"] += 1
            # An area (a country, state, region or sea) chosen as the gold's
            # place or its part, whose point lies elsewhere than the gold's:
            # a question of where an area's point is, not of which place.
            if over[0].get("kind") in AREA_KINDS and d < AREA_KM:
                counts[part]["area"] += 1
            if args.v and part == "tune":
                tag = "REACH" if reachable else "unreach"
                got = over[0].get("place", "")
                print(f"{tag}\t{art['id']}\t{g['name']}\t{d:.0f} km\tgold {gold[0]:.2f},{gold[1]:.2f}"
                      f"\tnearest same-name {best[0]:.0f} km {best[1]}" if best else
                      f"{tag}\t{art['id']}\t{g['name']}\t{d:.0f} km\tgold {gold[0]:.2f},{gold[1]:.2f}\tno same-name place"
                      , f"\t-> {got}")
    for part, c in counts.items():
        m = c["matched"] or 1
        print(f"{part}: matched {c['matched']}, far {c['far']} (reachable {c['reachable']}, "
              f"unreachable {c['unreachable']}); acc {1 - c['far'] / m:.4f}, "
              f"bound if every reachable one were right {1 - c['unreachable'] / m:.4f}; "
              f"far areas within {AREA_KM} km {c['area']} (acc {1 - (c['far'] - c['area']) / m:.4f} "
              f"if an area's point were the gold's)")


if __name__ == "__main__":
    main()
