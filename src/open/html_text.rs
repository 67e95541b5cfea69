//! The text of an HTML or XHTML fragment as paragraphs: an e-book's
//! chapter, a feed item's content, a mail's HTML part, what a browser put on
//! the clipboard. Not a Readability pass (that is for whole pages, see
//! `html.rs`): every paragraph, heading, list item and quote becomes a
//! paragraph, line breaks inside a paragraph become spaces (two in a row end
//! it), scripts, styles, the head and navigation are left out. A tolerant
//! scanner, linear in the length: unclosed and misnested tags are fine.

/// One paragraph of a fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub heading: bool,
}

/// Elements whose content is never text of the article.
const SKIPPED: &[&str] = &[
    "script", "style", "head", "noscript", "template", "svg", "nav", "button", "select", "object",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "pre",
    "figcaption",
    "caption",
    "table",
    "ul",
    "ol",
    "dl",
    "aside",
    "main",
    "body",
    "hr",
    "address",
    "center",
];

/// The paragraphs of `html`; with `skip_quotes`, `<blockquote>`s are left
/// out (a mail's quoted reply).
pub fn blocks_of_html(html: &str, skip_quotes: bool) -> Vec<Block> {
    let mut out = Blocks::default();
    let bytes = html.as_bytes();
    // Lower-cased once: byte for byte where the original is.
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while at < html.len() {
        let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|i| at + i) else {
            out.text(&html[at..]);
            break;
        };
        out.text(&html[at..lt]);
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
            let end = cdata.find("]]>").unwrap_or(cdata.len());
            out.raw_text(&cdata[..end]);
            at = (lt + 9 + end + 3).min(html.len());
            continue;
        }
        let close = memchr::memchr(b'>', &bytes[lt..]).map(|e| lt + e);
        let tag = &html[lt + 1..close.unwrap_or(html.len())];
        at = close.map_or(html.len(), |c| c + 1);
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        // An XHTML name may carry a prefix ("xhtml:p").
        let name = name.rsplit(':').next().unwrap_or("").to_string();
        if name.is_empty() {
            continue;
        }
        if !closing && (SKIPPED.contains(&name.as_str()) || (skip_quotes && name == "blockquote")) {
            if !tag.ends_with('/') {
                at = end_of_element(&lower, &name, at);
            }
            out.end_block();
            continue;
        }
        if name == "br" {
            out.line_break();
        } else if BLOCKS.contains(&name.as_str()) {
            out.end_block();
            if !closing {
                out.heading = name.len() == 2 && name.starts_with('h') && name != "hr";
                out.pre = name == "pre";
            }
        }
    }
    out.end_block();
    out.blocks
}

/// `html` without its `<blockquote>` elements (a mail's quoted reply).
pub fn without_quotes(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while let Some(start) = lower[at..].find("<blockquote").map(|i| at + i) {
        out.push_str(&html[at..start]);
        let open_end = lower[start..]
            .find('>')
            .map_or(lower.len(), |e| start + e + 1);
        at = end_of_element(&lower, "blockquote", open_end);
    }
    out.push_str(&html[at..]);
    out
}

/// The text of `<title>`, if the page has one.
pub fn title_of_html(html: &str) -> Option<String> {
    let lower = html.get(..html.len().min(64 * 1024))?.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = lower[start..].find('>')? + start + 1;
    let end = lower[open_end..].find("</title")? + open_end;
    let title = collapse_spaces(&decode_entities(&html[open_end..end]));
    (!title.is_empty()).then_some(title)
}

/// Where the element `name` opened just before `from` ends (after its end
/// tag, counting the same elements nested in it); the end of the text if
/// it never does. `lower` is the text lower-cased.
fn end_of_element(lower: &str, name: &str, from: usize) -> usize {
    let (open, close) = (format!("<{name}"), format!("</{name}"));
    // A script's text is not markup: a "<script" inside it opens nothing.
    let nests = !matches!(name, "script" | "style");
    let mut depth = 1;
    let mut at = from;
    while let Some(lt) = lower[at..].find('<').map(|i| at + i) {
        let rest = &lower[lt..];
        let boundary = |n: usize| {
            rest[n..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_alphanumeric())
        };
        if rest.starts_with(&close) && boundary(close.len()) {
            depth -= 1;
            if depth == 0 {
                return lower[lt..].find('>').map_or(lower.len(), |e| lt + e + 1);
            }
        } else if nests && rest.starts_with(&open) && boundary(open.len()) {
            depth += 1;
        }
        at = lt + 1;
    }
    lower.len()
}

#[derive(Default)]
struct Blocks {
    blocks: Vec<Block>,
    current: String,
    heading: bool,
    pre: bool,
    breaks: usize,
}

impl Blocks {
    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.raw_text(&decode_entities(text));
    }

    fn raw_text(&mut self, text: &str) {
        if self.pre {
            for (k, line) in text.split('\n').enumerate() {
                if k > 0 {
                    self.end_block();
                    self.pre = true;
                }
                self.current.push_str(line);
            }
            return;
        }
        if !text.trim().is_empty() {
            self.breaks = 0;
        }
        self.current.push_str(text);
        self.current.push(' ');
    }

    fn line_break(&mut self) {
        self.breaks += 1;
        if self.breaks >= 2 {
            self.end_block();
        } else {
            self.current.push(' ');
        }
    }

    fn end_block(&mut self) {
        let text = collapse_spaces(&self.current);
        if !text.is_empty() {
            self.blocks.push(Block {
                text,
                heading: self.heading,
            });
        }
        self.current.clear();
        self.heading = false;
        self.pre = false;
        self.breaks = 0;
    }
}

/// Runs of white space (no-break spaces too) as one space, trimmed.
pub fn collapse_spaces(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `&amp;`, `&#8217;`, `&#x2019;` and the named entities an article uses,
/// decoded; anything else is left as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| Some((entity(&after[..semi])?, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity's name (between `&` and `;`) stands for.
pub fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "shy" => '\u{ad}',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "szlig" => 'ß',
        "euro" => '€',
        "pound" => '£',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        blocks_of_html(html, false)
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_breaks_become_blocks() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <h1>Ships leave Tartus</h1><p>Two frigates left <b>Tartus</b>\n on Sunday.</p>\
            <script>var x = '<p>no</p>';</script><div>Line one<br>line two<br><br>Next</div>\
            <ul><li>Homs</li><li>Hama &amp; Idlib&#8217;s</li></ul></body></html>";
        let blocks = blocks_of_html(html, false);
        assert_eq!(
            texts(html),
            [
                "Ships leave Tartus",
                "Two frigates left Tartus on Sunday.",
                "Line one line two",
                "Next",
                "Homs",
                "Hama & Idlib’s"
            ]
        );
        assert!(blocks[0].heading && !blocks[1].heading);
    }

    #[test]
    fn quotes_are_left_out_when_asked_even_nested() {
        let html = "<p>Kept.</p><blockquote>Out<blockquote>deeper</blockquote>still out</blockquote><p>Also kept.</p>";
        assert_eq!(
            blocks_of_html(html, true)
                .into_iter()
                .map(|b| b.text)
                .collect::<Vec<_>>(),
            ["Kept.", "Also kept."]
        );
        assert_eq!(texts(html).len(), 5);
    }

    #[test]
    fn broken_markup_ends_without_losing_text() {
        assert_eq!(texts("<p>Aleppo <b>and <i>Homs"), ["Aleppo and Homs"]);
        assert_eq!(texts("<p>a &bogus; &#xZZ; & b"), ["a &bogus; &#xZZ; & b"]);
        assert_eq!(texts("<script>never closed <p>x"), Vec::<String>::new());
        assert_eq!(
            title_of_html("<TITLE> Talks &amp; more </TITLE>").as_deref(),
            Some("Talks & more")
        );
    }
}
