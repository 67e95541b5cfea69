#!/usr/bin/env python3
"""A long two-column report PDF for the #17 budget (a 300-page text PDF to
its first complete frame in under 3 s), not committed:

    python3 tools/sources/long_report.py 300 /tmp/report300.pdf [/tmp/report300.txt]

With a third path, the words on the pages are also written as plain text
(the title, then each paragraph as drawn, hyphens undone; no headers or page
numbers): the baseline of the budget, the same text opened as .txt.

Each page: a running header, two columns of 10 pt text drawn row by row
across both, hyphenated words, a page number. Our own sentences, with places.
"""

import random
import sys

from fpdf import FPDF

sys.path.insert(0, __import__("os").path.dirname(__file__))
from make_samples import FIXED_DATE, REPORT_PARAGRAPHS, hyphenated_lines  # noqa: E402


def main():
    pages, out = int(sys.argv[1]), sys.argv[2]
    paragraphs = ["A Long Report on the Coast"]
    rng = random.Random(17)
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title("A Long Report on the Coast")
    margin, gutter, leading = 56, 24, 13
    col_w = (595.28 - 2 * margin - gutter) / 2
    rows = 52
    for n in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.text(margin, 36, "Regional Security Review - Syria, March 2025")
        pdf.text(595.28 - margin - 20, 812, str(n))
        pdf.set_font("Helvetica", size=10)
        lines = []
        while len(lines) < 2 * rows:
            lines += hyphenated_lines(pdf, rng.choice(REPORT_PARAGRAPHS), col_w) + [""]
        lines = lines[: 2 * rows]
        paragraphs += [unbroken(p) for p in "\n".join(lines).split("\n\n") if p.strip()]
        placed = [(*divmod(k, rows), line) for k, line in enumerate(lines) if line]
        for column, row, line in sorted(placed, key=lambda p: (p[1], p[0])):
            pdf.text(margin + column * (col_w + gutter), 80 + row * leading, line)
    pdf.output(out)
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w", newline="\n") as f:
            f.write("\n\n".join(paragraphs) + "\n")


def unbroken(lines):
    """A paragraph's drawn lines as one line, hyphens at line ends undone."""
    text = ""
    for line in lines.strip("\n").split("\n"):
        text = text[:-1] + line if text.endswith("-") else (text + " " + line).strip()
    return text


if __name__ == "__main__":
    main()
