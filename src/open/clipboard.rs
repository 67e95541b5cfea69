//! What a browser puts on the clipboard beside the plain text: the HTML of
//! the selection. Its paragraphs are kept (a browser's plain text often
//! runs them together, or breaks every line), and its source address where
//! the HTML gives one (Windows' `SourceURL:` header, a `<base href>`, a
//! canonical link or `og:url`). The HTML is used only when it holds the
//! same words as the pasted text, so a stale HTML copy is never read.

use super::html_text::{blocks_of_html, collapse_spaces};

/// A pasted article: its text, a paragraph a block, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pasted {
    pub text: String,
    pub address: Option<String>,
}

/// The article of a paste: `plain` is the text the paste gave, `html` the
/// clipboard's HTML, if any.
pub fn pasted_article(plain: &str, html: Option<&str>) -> Pasted {
    let plain_only = Pasted {
        text: plain.to_string(),
        address: None,
    };
    let Some(html) = html.filter(|h| !h.trim().is_empty()) else {
        return plain_only;
    };
    let blocks: Vec<String> = blocks_of_html(fragment(html), false)
        .into_iter()
        .map(|b| b.text)
        .collect();
    if blocks.is_empty() || !same_words(plain, &blocks.join(" ")) {
        return plain_only;
    }
    Pasted {
        text: blocks.join("\n\n"),
        address: source_address(html),
    }
}

/// The selection itself: between Windows' `<!--StartFragment-->` and
/// `<!--EndFragment-->` where they are, and never its `Version:` header.
fn fragment(html: &str) -> &str {
    let start = html
        .find("<!--StartFragment-->")
        .or_else(|| {
            html.starts_with("Version:")
                .then(|| html.find('<'))
                .flatten()
        })
        .unwrap_or(0);
    let end = html
        .find("<!--EndFragment-->")
        .filter(|&e| e >= start)
        .unwrap_or(html.len());
    &html[start..end]
}

/// True if the HTML's text starts with the plain text's first words (and
/// holds its last ones).
fn same_words(plain: &str, html_text: &str) -> bool {
    let plain: Vec<&str> = plain.split_whitespace().collect();
    let html = collapse_spaces(html_text);
    let head = plain[..plain.len().min(8)].join(" ");
    let tail = plain[plain.len().saturating_sub(4)..].join(" ");
    !head.is_empty() && html.contains(&head) && html.contains(&tail)
}

/// The address the clipboard's HTML gives for its page.
fn source_address(html: &str) -> Option<String> {
    let head = &html[..html.len().min(64 * 1024)];
    let from_header = head
        .lines()
        .take(16)
        .find_map(|l| l.trim().strip_prefix("SourceURL:"))
        .map(str::trim);
    let attribute_after = |marker: &str, attribute: &str| {
        let lower = head.to_ascii_lowercase();
        let at = lower.find(marker)?;
        let tag_end = lower[at..].find('>')? + at;
        let tag = &head[at..tag_end];
        let start = tag.to_ascii_lowercase().find(&format!("{attribute}="))? + attribute.len() + 1;
        let rest = &tag[start..];
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        rest[1..].split(quote).next().map(str::trim)
    };
    [
        from_header,
        attribute_after("<base ", "href"),
        attribute_after("rel=\"canonical\"", "href"),
        attribute_after("property=\"og:url\"", "content"),
    ]
    .into_iter()
    .flatten()
    .find(|a| crate::fetch::is_web_address(a))
    .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: &str =
        "Ships leave Tartus Two frigates left Tartus on Sunday. The port of Latakia stayed closed.";

    #[test]
    fn html_on_the_clipboard_keeps_the_paragraphs_and_the_source_address() {
        let html = "Version:0.9\r\nStartHTML:0000000105\r\nSourceURL:https://www.example.com/news/ships\r\n\
            <html><body><!--StartFragment--><h1>Ships leave Tartus</h1><p>Two frigates left <b>Tartus</b> on Sunday.</p>\
            <p>The port of Latakia stayed closed.</p><!--EndFragment--></body></html>";
        let pasted = pasted_article(PLAIN, Some(html));
        assert_eq!(
            pasted.text,
            "Ships leave Tartus\n\nTwo frigates left Tartus on Sunday.\n\nThe port of Latakia stayed closed."
        );
        assert_eq!(
            pasted.address.as_deref(),
            Some("https://www.example.com/news/ships")
        );
        let with_base = r#"<base href="https://paper.example/a"><p>Ships leave Tartus</p><p>Two frigates left Tartus on Sunday. The port of Latakia stayed closed.</p>"#;
        assert_eq!(
            pasted_article(PLAIN, Some(with_base)).address.as_deref(),
            Some("https://paper.example/a")
        );
    }

    #[test]
    fn stale_or_missing_html_leaves_the_plain_text_as_it_is() {
        let stale = "<p>Something copied an hour ago about Homs.</p>";
        assert_eq!(pasted_article(PLAIN, Some(stale)).text, PLAIN);
        assert_eq!(pasted_article(PLAIN, None).text, PLAIN);
        assert_eq!(
            pasted_article(PLAIN, Some("<p>Ships leave Tartus</p>")).address,
            None
        );
    }
}
