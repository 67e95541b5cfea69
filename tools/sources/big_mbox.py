#!/usr/bin/env python3
"""A mailbox of many messages for the #17 budget (an .mbox of 5,000
messages into a story in under 20 s), not committed:

    python3 tools/sources/big_mbox.py 5000 /tmp/briefings5000.mbox [/tmp/briefings5000.jsonl]

With a third path, the same messages are also written as a JSON Lines
archive (id, title, date, source, text; the quoted replies left out, as the
mailbox reader leaves them out): the baseline `geobrief collect --jsonl`.

Each message: a sender of five, a subject, a date a day apart, two or three
of our own paragraphs naming places, and now and then a quoted reply.
"""

import json
import random
import sys
from datetime import datetime, timedelta, timezone

sys.path.insert(0, __import__("os").path.dirname(__file__))
from make_samples import REPORT_PARAGRAPHS  # noqa: E402

SENDERS = ["Briefing <brief@news.example>", "Coast Desk <desk@coast.example>",
           "Analyst <a@think.example>", "Wire <wire@agency.example>", "Monitor <m@ngo.example>"]


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(17)
    start = datetime(2024, 1, 1, 8, 0, tzinfo=timezone.utc)
    archive = open(sys.argv[3], "w", newline="\n") if len(sys.argv) > 3 else None
    with open(out, "w", newline="\n") as f:
        for k in range(count):
            sender = rng.choice(SENDERS)
            when = start + timedelta(hours=7 * k)
            date = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
            body = "\n\n".join(rng.sample(REPORT_PARAGRAPHS, rng.randint(2, 3)))
            if archive:
                archive.write(json.dumps({
                    "id": f"m{k + 1}", "title": f"Briefing {k + 1}",
                    "date": when.strftime("%Y-%m-%d"), "source": sender.split(" <")[0],
                    "text": body}) + "\n")
            if k % 7 == 0:
                body += "\n\nOn Monday, Reader wrote:\n> Is the road to Homs open?\n"
            f.write(f"From {sender.split('<')[1][:-1]} {date}\nFrom: {sender}\n"
                    f"Subject: Briefing {k + 1}\nDate: {date}\n"
                    f"Content-Type: text/plain; charset=utf-8\n\n{body}\n\n")
    if archive:
        archive.close()


if __name__ == "__main__":
    main()
