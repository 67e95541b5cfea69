#!/usr/bin/env python3
"""Chooses the untouched third of each development set (issue #15).

    python3 tools/eval/split_dev.py [EVAL_DIR]

For each of dev.jsonl and dev-lgl.jsonl in EVAL_DIR (default ../shared/eval),
shuffles the article ids with a fixed seed and writes the first third, sorted,
to tools/eval/untouched-<set>.txt: one id a line, never any text (the sets
belong to their publishers and are never copied into the repository). The
rest of each set is the tune part. Running it again gives the same files; the
lists are committed and must not be redrawn once rules have been tuned.
"""

import json
import pathlib
import random
import sys

SEED = 15  # issue #15
SETS = ("dev", "dev-lgl")


def ids_of(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["id"] for line in f if line.strip()]


def main():
    eval_dir = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval")
    here = pathlib.Path(__file__).resolve().parent
    for name in SETS:
        ids = ids_of(eval_dir / f"{name}.jsonl")
        shuffled = sorted(ids)
        random.Random(f"{SEED}-{name}").shuffle(shuffled)
        untouched = sorted(shuffled[: len(ids) // 3])
        out = here / f"untouched-{name}.txt"
        header = (
            f"# The untouched third of {name}.jsonl (issue #15): ids only, chosen by\n"
            f"# tools/eval/split_dev.py (seeded shuffle, seed {SEED}). Never read these\n"
            f"# articles one by one, never write a rule from them.\n"
        )
        out.write_text(header + "".join(f"{i}\n" for i in untouched), encoding="utf-8")
        print(f"{name}: {len(untouched)} of {len(ids)} untouched -> {out.name}")


if __name__ == "__main__":
    main()
