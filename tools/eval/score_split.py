#!/usr/bin/env python3
"""Scores place detection on both parts of both development sets (issue #15).

    python3 tools/eval/score_split.py [--bin PATH] [--keep DIR] [-- GEOPARSE FLAGS...]

Runs `PATH --jsonl SET` (default target/release/examples/geoparse; build it
with `cargo build --release --example geoparse`) over the whole of each set in
file order, so the publisher memory sees the articles as it would in a batch,
then scores the tune part and the untouched part (tools/eval/untouched-*.txt)
apart with ../shared/eval/geoeval.py. dev-lgl is scored with and without
`--no-publisher-home`. Flags after `--` go to every run (e.g. `--without RULE`).
With --keep DIR the predictions are written there (to compare two builds).
Prints one table: loose F1, acc@161 of matched names, and end to end (share of
gold names with coordinates found and placed within 161 km).
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent


def load_ids(name):
    text = (HERE / f"untouched-{name}.txt").read_text(encoding="utf-8")
    return {line for line in text.splitlines() if line and not line.startswith("#")}


def split_lines(lines, untouched):
    parts = {"tune": [], "untouched": []}
    for line in lines:
        if not line.strip():
            continue
        part = "untouched" if json.loads(line)["id"] in untouched else "tune"
        parts[part].append(line)
    return parts


def score(geoeval, gold_lines, pred_lines, tmp):
    gold = pathlib.Path(tmp) / "gold.jsonl"
    pred = pathlib.Path(tmp) / "pred.jsonl"
    gold.write_text("\n".join(gold_lines) + "\n", encoding="utf-8")
    pred.write_text("\n".join(pred_lines) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, geoeval, "--gold", gold, "--pred", pred, "--json"],
        check=True, capture_output=True, text=True,
    ).stdout
    overall = json.loads(out)["overall"]
    res = overall["resolution"]
    return {
        "articles": overall["articles"],
        "gold": overall["gold"],
        "f1": overall["loose"]["f1"],
        "acc": res["acc161_matched"],
        "e2e": res["acc161_end_to_end"],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(REPO / "target/release/examples/geoparse"))
    ap.add_argument("--eval-dir", default=os.environ.get("GEOBRIEF_EVAL_DIR", str(REPO.parent / "shared/eval")))
    ap.add_argument("--keep", help="folder to keep the predictions in")
    ap.add_argument("extra", nargs="*", help="flags for every geoparse run (after --)")
    args = ap.parse_args()
    eval_dir = pathlib.Path(args.eval_dir)
    geoeval = eval_dir / "geoeval.py"
    runs = [("dev", []), ("dev-lgl", ["--no-publisher-home"]), ("dev-lgl", [])]
    print(f"{'set':<9} {'publisher':<9} {'part':<9} {'n':>4} {'gold':>5} {'F1':>6} {'acc161':>7} {'e2e':>6}")
    for name, flags in runs:
        gold_path = eval_dir / f"{name}.jsonl"
        proc = subprocess.run(
            [args.bin, "--jsonl", *flags, *args.extra, gold_path],
            capture_output=True, text=True,
        )
        if proc.returncode != 0:
            sys.exit(f"{args.bin} failed on {name}: {proc.stderr}")
        pred_lines = proc.stdout.splitlines()
        publisher = "no" if flags else "yes"
        if args.keep:
            keep = pathlib.Path(args.keep)
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"{name}-publisher-{publisher}.jsonl").write_text(proc.stdout, encoding="utf-8")
        untouched = load_ids(name)
        gold = split_lines(gold_path.read_text(encoding="utf-8").splitlines(), untouched)
        pred = split_lines(pred_lines, untouched)
        pub = publisher if name == "dev-lgl" else "-"
        with tempfile.TemporaryDirectory() as tmp:
            for part in ("tune", "untouched"):
                s = score(geoeval, gold[part], pred[part], tmp)
                print(f"{name:<9} {pub:<9} {part:<9} {s['articles']:>4} {s['gold']:>5} "
                      f"{s['f1']:>6.4f} {s['acc']:>7.4f} {s['e2e']:>6.4f}")


if __name__ == "__main__":
    main()
