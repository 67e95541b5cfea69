#!/usr/bin/env python3
"""Writes the small sample files the tests of issue #17 read, into
tests/sources/: a two-column report PDF with running headers, page numbers,
footnotes and words hyphenated at line ends; a scanned PDF (an image of a
page, no text); a PDF that needs a password; a DOCX, an ODT and an EPUB; an
.eml, an .mbox; RSS 2.0, Atom and JSON Feed files. Our own texts.

    pip install fpdf2==2.8.9        # (it brings Pillow)
    apt-get install fonts-dejavu-core   # the font embedded in report-unicode.pdf
    python3 tools/sources/make_samples.py

Dates inside the zips and PDFs are fixed; the encrypted PDF's key is not,
so it alone differs from run to run.
"""

import io
import json
import os
import zipfile
from datetime import datetime, timezone

from fpdf import FPDF
from PIL import Image, ImageDraw

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "sources")

FIXED_DATE = datetime(2025, 3, 1, tzinfo=timezone.utc)
REPORT_TITLE = "The Coast After the Withdrawal"
REPORT_PARAGRAPHS = [
    "Russian naval vessels left the port of Tartus in the first week of February, "
    "according to satellite images reviewed for this report. The departures followed "
    "talks in Moscow between the interim government in Damascus and Russian officials.",
    "At the Hmeimim air base near Latakia, transport aircraft continued to land through "
    "the month. Residents of Jableh described convoys moving north along the coastal "
    "highway towards the Turkish border.",
    "Reconstruction in Aleppo remains slow. Aid agencies in Homs reported shortages of "
    "fuel and medicine, and the crossing at Bab al-Hawa stayed open for humanitarian "
    "deliveries under the supervision of monitors.",
    "In Beirut, diplomats said the Lebanese government hoped to reopen trade routes "
    "through Qusayr before the summer harvest, while officials in Amman watched the "
    "southern border near Daraa with growing concern.",
    "The withdrawal from the northeast left the towns of Qamishli and Hasakah without "
    "the patrols that had kept rival forces apart since the ceasefire. Local councils "
    "asked the international coalition for observers.",
    "Further talks are expected in Geneva in the spring. Negotiators from Damascus, "
    "Ankara and Moscow are due to meet there with envoys of the United Nations, who "
    "have asked for a timetable for the elections.",
]
FOOTNOTES = [
    "1 Images of the port of Tartus were taken on 3 and 7 February.",
    "2 Figures from the aid agencies' monthly survey of Homs governorate.",
]


def hyphenated_lines(pdf, text, width):
    """Greedy line breaking that hyphenates long words at a line's end, so
    the reader has hyphens to undo."""
    lines, line = [], ""
    for word in text.split():
        trial = (line + " " + word).strip()
        if pdf.get_string_width(trial) <= width:
            line = trial
            continue
        if len(word) >= 8:
            for cut in range(len(word) - 3, 3, -1):
                head = (line + " " + word[:cut] + "-").strip()
                if pdf.get_string_width(head) <= width:
                    lines.append(head)
                    line = word[cut:]
                    break
            else:
                lines.append(line)
                line = word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def two_column_report(path):
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_compression(True)
    pdf.set_title(REPORT_TITLE)
    margin, gutter = 56, 24
    page_w = 595.28
    col_w = (page_w - 2 * margin - gutter) / 2
    size, leading = 10, 13
    pages = [REPORT_PARAGRAPHS[0:3], REPORT_PARAGRAPHS[3:5], REPORT_PARAGRAPHS[5:6]]
    for n, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.text(margin, 36, "Regional Security Review - Syria, March 2025")
        pdf.text(page_w - margin - 20, 812, str(n))
        y0 = 80
        if n == 1:
            pdf.set_font("Helvetica", "B", 18)
            pdf.text(margin, 86, REPORT_TITLE)
            y0 = 120
        pdf.set_font("Helvetica", size=size)
        # The page's paragraphs flow down the left column and on at the top
        # of the right one, a paragraph usually broken between them; a
        # blank line between paragraphs.
        lines = []
        for text in paragraphs:
            lines += hyphenated_lines(pdf, text, col_w) + [""]
        lines.pop()
        per_column = (len(lines) + 1) // 2
        placed = [(*divmod(k, per_column), line) for k, line in enumerate(lines) if line]
        # Drawn row by row across both columns, as some layout programs
        # write them: an extractor that keeps the drawing order interleaves
        # the columns; reading order must come from where the lines are.
        for column, row, line in sorted(placed, key=lambda p: (p[1], p[0])):
            pdf.text(margin + column * (col_w + gutter), y0 + row * leading, line)
        if n == 1:
            pdf.set_font("Helvetica", size=7)
            for k, note in enumerate(FOOTNOTES):
                pdf.text(margin, 760 + 10 * k, note)
    pdf.output(path)


DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian fonts-dejavu-core


def unicode_report(path):
    """One two-column page in an embedded (subset) TrueType font, as word
    processors write them: a CID font with a ToUnicode map, curly quotes,
    dashes and accented letters."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_font("DejaVu", fname=DEJAVU)
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    left = [
        "Al-Ḥasakah’s councils – and those of",
        "Qāmishlī – asked for observers.",
    ]
    right = [
        "In Dayr az-Zawr, “nothing moved”, a",
        "resident said of the bridge.",
    ]
    for row, (l, r) in enumerate(zip(left, right)):
        pdf.text(56, 100 + 13 * row, l)
        pdf.text(320, 100 + 13 * row, r)
    pdf.output(path)


def scanned_pdf(path):
    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    for row in range(40, 760, 18):
        draw.line((40, row, 560, row), fill=90, width=6)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_creation_date(FIXED_DATE)
    for _ in range(2):
        pdf.add_page()
        pdf.image(buf, x=0, y=0, w=595)
    pdf.output(path)


def encrypted_pdf(path):
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(56, 80, "Talks in Damascus and Moscow continued through the month.")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    pdf.output(path)


def fixed_zip(path, files, first_stored=None):
    """A zip with fixed dates; `first_stored` is written first, uncompressed
    (EPUB's mimetype)."""
    with zipfile.ZipFile(path, "w") as z:
        if first_stored:
            name, data = first_stored
            info = zipfile.ZipInfo(name, date_time=(2025, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            z.writestr(info, data)
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(2025, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def docx(path):
    body = [
        ("Heading1", "Convoys on the coastal highway"),
        (None, "Trucks carrying equipment from the Hmeimim air base were seen near "
               "Latakia and Jableh on Tuesday, heading north."),
        ("Heading2", "Talks"),
        (None, "Officials in Damascus said talks with Moscow would continue in Geneva."),
    ]
    paras = []
    for style, text in body:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        # A run split in two, as word processors do.
        half = len(text) // 2
        paras.append(
            f"<w:p>{ppr}<w:r><w:t>{text[:half]}</w:t></w:r>"
            f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text[half:]}</w:t></w:r></w:p>'
        )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{''.join(paras)}<w:sectPr/></w:body></w:document>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Convoys leave Hmeimim</dc:title><dc:creator>A. Analyst</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2025-02-11T08:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    fixed_zip(path, [("[Content_Types].xml", types), ("word/document.xml", document),
                     ("docProps/core.xml", core)])


def odt(path):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        "<office:body><office:text>"
        '<text:h text:outline-level="1">Aid reaches Homs</text:h>'
        "<text:p>Fuel and medicine reached <text:span>Homs</text:span> on Monday through the "
        "crossing at Bab al-Hawa,<text:s/>aid agencies said.</text:p>"
        "<text:p>More deliveries are planned for Aleppo and Idlib.</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">'
        "<office:meta><dc:title>Aid reaches Homs</dc:title><dc:date>2025-02-20T10:00:00</dc:date></office:meta>"
        "</office:document-meta>"
    )
    fixed_zip(path, [("content.xml", content), ("meta.xml", meta)],
              first_stored=("mimetype", "application/vnd.oasis.opendocument.text"))


def epub(path):
    chapters = [
        ("c1.xhtml", "The Port",
         ["Tartus was a fishing town before it was a naval base.",
          "Ships from Novorossiysk called there through the long war."]),
        ("c2.xhtml", "The Air Base",
         ["Hmeimim lies south of Latakia, beside the civilian airport.",
          "From there aircraft flew to Aleppo, Homs and Palmyra."]),
        ("c3.xhtml", "The Talks",
         ["In Moscow the delegation from Damascus asked for the bases to stay."]),
    ]
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    # The manifest lists the chapters backwards: the spine's order wins.
    manifest = "".join(
        f'<item id="{n[:-6]}" href="text/{n}" media-type="application/xhtml+xml"/>'
        for n, _, _ in reversed(chapters)
    )
    spine = "".join(f'<itemref idref="{n}"/>' for n in ["c1", "c2", "c3"])
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>Bases on the Coast</dc:title><dc:creator>A. Historian</dc:creator>"
        "<dc:date>2024-11-05</dc:date><dc:identifier id=\"id\">geobrief-sample</dc:identifier>"
        "</metadata>"
        f'<manifest>{manifest}<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/></manifest>'
        f"<spine>{spine}</spine></package>"
    )
    files = [("META-INF/container.xml", container), ("OEBPS/content.opf", opf),
             ("OEBPS/nav.xhtml", "<html><body><nav><ol><li>Contents</li></ol></nav></body></html>")]
    for name, title, paras in chapters:
        body = "".join(f"<p>{p}</p>" for p in paras)
        files.append((f"OEBPS/text/{name}",
                      '<?xml version="1.0" encoding="UTF-8"?>'
                      '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>'
                      f"{title}</title></head><body><h1>{title}</h1>{body}</body></html>"))
    fixed_zip(path, files, first_stored=("mimetype", "application/epub+zip"))


EML = """From: Desk <desk@coast.example>
To: reader@example.org
Subject: Ships leave Tartus
Date: Mon, 10 Feb 2025 09:30:00 +0000
Message-ID: <1@coast.example>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Two frigates left Tartus on Sunday for the Mediterranean.

The port of Latakia stayed closed to civilian traffic.

On Sun, 9 Feb 2025, Reader wrote:
> Is the port of Beirut open?
> Thanks

--b1
Content-Type: text/html; charset=utf-8

<html><body><p>Two frigates left <b>Tartus</b> on Sunday for the Mediterranean.</p>
<p>The port of Latakia stayed closed to civilian traffic.</p>
<blockquote>Is the port of Beirut open?</blockquote></body></html>
--b1--
"""

MBOX_MESSAGES = [
    ("Briefing <brief@news.example>", "Convoys near Jableh", "Tue, 11 Feb 2025 07:00:00 +0000",
     "Convoys were seen near Jableh and Baniyas heading north.\n\n"
     ">From the archive: earlier convoys passed Homs.\n"),
    ("Briefing <brief@news.example>", "Aid reaches Homs", "Thu, 20 Feb 2025 12:15:00 +0000",
     "Aid reached Homs through Bab al-Hawa.\n\nOn Wed, Reader wrote:\n> and Idlib?\n"),
    ("Other Desk <other@desk.example>", "Talks in Geneva", "Mon, 3 Mar 2025 16:45:00 +0000",
     "Negotiators from Damascus and Ankara will meet in Geneva.\n"),
]


def mbox(path):
    parts = []
    for sender, subject, date, body in MBOX_MESSAGES:
        address = sender.split("<")[1].rstrip(">")
        # mboxrd: a body line starting with "From " is quoted with ">".
        body = body.replace("\nFrom ", "\n>From ")
        parts.append(
            f"From {address} {date}\nFrom: {sender}\nSubject: {subject}\nDate: {date}\n"
            f"Content-Type: text/plain; charset=utf-8\n\n{body}\n"
        )
    with open(path, "w", newline="\n") as f:
        f.write("".join(parts))


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Coast Dispatches</title><link>https://coast.example/</link>
<description>News of the Syrian coast</description>
<item><title>Ships leave Tartus</title><link>https://coast.example/2025/02/ships</link>
<pubDate>Mon, 10 Feb 2025 09:30:00 GMT</pubDate>
<description>Two frigates left Tartus.</description>
<content:encoded><![CDATA[<p>Two frigates left Tartus on Sunday for the Mediterranean.</p><p>The port of Latakia stayed closed.</p>]]></content:encoded>
</item>
<item><title>Aid reaches Homs</title><link>https://coast.example/2025/02/aid</link>
<pubDate>Thu, 20 Feb 2025 12:15:00 GMT</pubDate>
<description>Aid reached Homs through Bab al-Hawa on Thursday.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Coast Dispatches</title><id>urn:coast</id><updated>2025-03-03T16:45:00Z</updated>
<entry><title>Talks in Geneva</title><id>urn:coast:3</id>
<link rel="alternate" href="https://coast.example/2025/03/geneva"/>
<published>2025-03-03T16:45:00Z</published><updated>2025-03-04T08:00:00Z</updated>
<content type="html">&lt;p&gt;Negotiators from Damascus and Ankara will meet in Geneva.&lt;/p&gt;&lt;p&gt;Envoys from Moscow will attend.&lt;/p&gt;</content>
</entry>
<entry><title type="text">Convoys near Jableh</title><id>urn:coast:4</id>
<link href="https://coast.example/2025/02/convoys"/>
<updated>2025-02-11T07:00:00Z</updated>
<summary>Convoys were seen near Jableh and Baniyas.</summary>
</entry>
</feed>
"""

JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Coast Dispatches",
    "home_page_url": "https://coast.example/",
    "items": [
        {"id": "5", "url": "https://coast.example/2025/03/aleppo",
         "title": "Rebuilding Aleppo", "date_published": "2025-03-10T10:00:00Z",
         "content_html": "<p>Work on the old city of Aleppo resumed.</p><p>Engineers came from Damascus.</p>"},
        {"id": "6", "url": "https://coast.example/2025/03/daraa",
         "title": "Daraa border", "date_published": "2025-03-12T10:00:00Z",
         "summary": "Officials in Amman watched the border near Daraa."},
    ],
}


def main():
    os.makedirs(OUT, exist_ok=True)
    two_column_report(os.path.join(OUT, "report-two-columns.pdf"))
    unicode_report(os.path.join(OUT, "report-unicode.pdf"))
    scanned_pdf(os.path.join(OUT, "scanned.pdf"))
    encrypted_pdf(os.path.join(OUT, "encrypted.pdf"))
    docx(os.path.join(OUT, "convoys.docx"))
    odt(os.path.join(OUT, "aid.odt"))
    epub(os.path.join(OUT, "bases.epub"))
    with open(os.path.join(OUT, "ships.eml"), "w", newline="\r\n") as f:
        f.write(EML)
    mbox(os.path.join(OUT, "briefings.mbox"))
    with open(os.path.join(OUT, "dispatches.rss"), "w") as f:
        f.write(RSS)
    with open(os.path.join(OUT, "dispatches.atom"), "w") as f:
        f.write(ATOM)
    with open(os.path.join(OUT, "dispatches.json"), "w") as f:
        json.dump(JSON_FEED, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
