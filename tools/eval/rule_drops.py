#!/usr/bin/env python3
"""Which rule drops the names the gold marks, on the TUNE part of a dev set only (issue #15).

    cargo build --release --example geoparse
    python3 tools/eval/rule_drops.py dev-lgl            # a count per rule
    python3 tools/eval/rule_drops.py dev-lgl --show TailOfLongerName

Runs the detector with --explain over the whole set (in file order, as
score_split.py does; --no-publisher-home for dev-lgl unless --home), then, for
the articles of the tune part alone, counts the spans each rule dropped: those
a gold name overlaps with nothing kept over it (a name lost), and the others
(a right drop, or a word the gold leaves alone). --show prints the sentence
around each lost name of the rules given. The untouched part
(tools/eval/untouched-<set>.txt) is never printed: rules are written from the
tune part alone.
"""

import argparse
import collections
import json
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set", choices=["dev", "dev-lgl"])
    ap.add_argument("--bin", default=str(REPO / "target/release/examples/geoparse"))
    ap.add_argument("--home", action="store_true", help="dev-lgl: learn the publisher's home")
    ap.add_argument("--show", nargs="*", metavar="RULE", help="print the lost names of these rules")
    ap.add_argument("--eval-dir", default=str(REPO.parent / "shared/eval"))
    args = ap.parse_args()
    untouched = {l for l in (HERE / f"untouched-{args.set}.txt").read_text().splitlines()
                 if l and not l.startswith("#")}
    articles = [json.loads(l) for l in open(pathlib.Path(args.eval_dir) / f"{args.set}.jsonl",
                                            encoding="utf-8") if l.strip()]
    flags = ["--jsonl", "--explain"]
    if args.set == "dev-lgl" and not args.home:
        flags.append("--no-publisher-home")
    lines = "".join(json.dumps({k: a[k] for k in ("id", "text", "url") if k in a}) + "\n"
                    for a in articles)
    out = subprocess.run([args.bin, *flags], input=lines, capture_output=True, text=True,
                         check=True).stdout
    explained = {d["id"]: d for d in map(json.loads, out.splitlines())}
    lost, other = collections.Counter(), collections.Counter()
    shown = []
    for a in articles:
        if a["id"] in untouched:
            continue
        d = explained.get(a["id"], {})
        kept = [(t["start"], t["end"]) for t in d.get("toponyms", [])]
        for x in d.get("dropped", []):
            s, e = x["start"], x["end"]
            gold = any(g["start"] < e and g["end"] > s for g in a["toponyms"])
            covered = any(ks < e and ke > s for ks, ke in kept)
            if gold and not covered:
                lost[x["rule"]] += 1
                if args.show is not None and (not args.show or x["rule"] in args.show):
                    context = a["text"][max(0, s - 50):e + 40].replace("\n", " ")
                    shown.append(f'{x["rule"]}\t{a["id"]}\t{x["name"]}\t{context}')
            elif not gold:
                other[x["rule"]] += 1
    print(f"{args.set}, tune part: spans each rule dropped")
    print(f"{'rule':32} {'gold lost':>9} {'other':>7}")
    for rule in sorted(set(lost) | set(other), key=lambda r: (-lost[r], r)):
        print(f"{rule:32} {lost[rule]:>9} {other[rule]:>7}")
    for row in shown:
        print(row)


if __name__ == "__main__":
    main()
