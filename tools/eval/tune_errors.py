#!/usr/bin/env python3
"""Lists the detector's mistakes on the TUNE part of a dev set only (issue #15).

    python3 tools/eval/tune_errors.py dev-lgl PRED.jsonl [--kind far|missed|extra]

Reads the untouched ids (tools/eval/untouched-<set>.txt) and never prints an
article of the untouched part: rules are written from the tune part alone.
A gold name matched (loose overlap) by a prediction more than 161 km off is
"far"; a gold name with no overlapping prediction "missed"; a prediction
overlapping no gold name "extra".
"""

import argparse
import json
import math
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.009 * math.asin(min(1, math.sqrt(h)))


def load_predictions(path):
    """The toponyms of each article of a predictions file, by article id."""
    preds = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            p = json.loads(line)
            preds[p["id"]] = p["toponyms"]
    return preds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set", choices=["dev", "dev-lgl"])
    ap.add_argument("pred")
    ap.add_argument("--kind", choices=["far", "missed", "extra"], default="far")
    ap.add_argument("--eval-dir", default=str(HERE.parent.parent.parent / "shared/eval"))
    args = ap.parse_args()
    untouched = {l for l in (HERE / f"untouched-{args.set}.txt").read_text().splitlines()
                 if l and not l.startswith("#")}
    preds = load_predictions(args.pred)
    for line in open(pathlib.Path(args.eval_dir) / f"{args.set}.jsonl", encoding="utf-8"):
        art = json.loads(line)
        if art["id"] in untouched:
            continue
        pred = preds.get(art["id"], [])
        for g in art["toponyms"]:
            over = [p for p in pred if min(p["end"], g["end"]) - max(p["start"], g["start"]) > 0]
            if args.kind == "missed" and not over:
                ctx = art["text"][max(0, g["start"] - 60):g["end"] + 40].replace("\n", " ")
                print(f"{art['id']}\t{g['name']}\t{ctx}")
            if args.kind == "far" and over and g["lat"] is not None and over[0]["lat"] is not None:
                d = km((g["lat"], g["lon"]), (over[0]["lat"], over[0]["lon"]))
                if d > 161:
                    print(f"{art['id']}\t{g['name']}\t{d:.0f} km\t-> {over[0].get('place')} "
                          f"{over[0].get('country')}\t{over[0].get('reason', '')[:100]}")
        if args.kind == "extra":
            for p in pred:
                if not any(min(p["end"], g["end"]) - max(p["start"], g["start"]) > 0 for g in art["toponyms"]):
                    ctx = art["text"][max(0, p["start"] - 50):p["end"] + 30].replace("\n", " ")
                    print(f"{art['id']}\t{p['name']}\t{p.get('kind')}\t{ctx}")


if __name__ == "__main__":
    main()
