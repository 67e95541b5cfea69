#!/usr/bin/env python3
"""Writes 10 MB of news for the end-to-end speed run (issue #15).

    python3 tools/eval/news_10mb.py [EVAL_DIR] > /tmp/news10mb.jsonl

The texts of dev.jsonl then dev-lgl.jsonl, over and over with new ids, until
their text adds up to 10,000,000 bytes of UTF-8; each line is {"id", "url",
"text"}. Written to a temporary file, never into the repository.
"""

import json
import pathlib
import sys


def main():
    eval_dir = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval")
    size, round_no = 0, 0
    while size < 10_000_000:
        for name in ("dev.jsonl", "dev-lgl.jsonl"):
            for line in (eval_dir / name).read_text(encoding="utf-8").splitlines():
                if size >= 10_000_000:
                    return
                article = json.loads(line)
                record = {"id": f"{article['id']}-{round_no}", "url": article.get("url"),
                          "text": article["text"]}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                size += len(article["text"].encode("utf-8"))
        round_no += 1


if __name__ == "__main__":
    main()
