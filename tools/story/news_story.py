#!/usr/bin/env python3
"""Writes a story of N news articles as JSON Lines for the story budgets of
issue #16 (BENCHMARKS.md): the texts of ../shared/eval/dev.jsonl then
dev-lgl.jsonl, over and over with new ids, each dated by its place in the
list across one year and given one of five outlets. Written to a temporary
file, never into the repository (the evaluation texts are for measuring).

    python3 tools/story/news_story.py 10000 > /tmp/news10k.jsonl
"""

import json
import pathlib
import sys


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    eval_dir = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/eval")
    texts = []
    for name in ("dev.jsonl", "dev-lgl.jsonl"):
        for line in (eval_dir / name).read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            texts.append((article["id"], article.get("title") or "", article["text"]))
    outlets = ["Wire A", "Wire B", "Daily C", "Weekly D", "Radio E"]
    for n in range(count):
        source_id, title, text = texts[n % len(texts)]
        day = n * 365 // count
        month, dom = 1, day + 1
        lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        while dom > lengths[month - 1]:
            dom -= lengths[month - 1]
            month += 1
        record = {
            "id": f"{source_id}-{n}",
            "title": title or f"Article {n + 1}",
            "date": f"2025-{month:02d}-{dom:02d}",
            "source": outlets[n % len(outlets)],
            "text": text,
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
