#!/usr/bin/env python3
"""A saved news page for the #17 budget (a page over a loopback link as fast
as the same page from disk plus the transfer), not committed:

    python3 tools/sources/news_page.py 40 /tmp/news-page.html
    cargo run --release --example fetch_page -- /tmp/news-page.html 20

An article of PARAGRAPHS of our own paragraphs naming places, inside what a
news site wraps round one: a head with meta tags and a script, navigation,
a list of other stories, a footer. Nothing on it is loaded but the page.
"""

import html
import random
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from make_samples import REPORT_PARAGRAPHS  # noqa: E402


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(17)
    nav = "".join(f'<li><a href="/section/{k}">Section {k}</a></li>' for k in range(40))
    others = "".join(
        f'<li><a href="/story/{k}"><img src="/img/{k}.jpg" alt="">Another story {k}</a></li>'
        for k in range(60))
    body = "".join(f"<p>{html.escape(rng.choice(REPORT_PARAGRAPHS))}</p>\n" for _ in range(count))
    script = "var analytics = {" + ",".join(f'"k{k}": {k}' for k in range(2000)) + "};"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>The Coast After the Withdrawal - The Example Times</title>
<meta property="og:title" content="The Coast After the Withdrawal">
<meta property="article:published_time" content="2025-03-01T08:00:00Z">
<link rel="canonical" href="https://news.example/2025/03/coast">
<script>{script}</script>
<style>body {{ font-family: serif; }}</style>
</head><body>
<header><nav><ul>{nav}</ul></nav></header>
<main><article>
<h1>The Coast After the Withdrawal</h1>
<p class="byline">By a Correspondent in Latakia</p>
<time datetime="2025-03-01">1 March 2025</time>
{body}</article>
<aside><h2>More stories</h2><ul>{others}</ul></aside></main>
<footer><p>The Example Times. All rights reserved.</p><ul>{nav}</ul></footer>
</body></html>
"""
    with open(out, "w", newline="\n") as f:
        f.write(page)


if __name__ == "__main__":
    main()
