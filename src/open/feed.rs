//! News feeds as stories: RSS 2.0 (and RSS 1.0), Atom and JSON Feed, each
//! item an article with its title, link, date and the feed's name as its
//! outlet. An item's full content (`content:encoded`, Atom's `content`,
//! JSON Feed's `content_html`/`content_text`) is its text; an item that
//! gives only a summary (`description`, `summary`) has the summary as its
//! text and is marked so, and the article's card says so, with the link.

use serde::Deserialize;

use super::article::{Articles, Found, TextArticle};
use super::error::{At, Fault};
use super::html_text::{blocks_of_html, collapse_spaces};
use super::xml::{Node, attribute, local, walk};

/// Items read from one feed, at most.
pub const MAX_ITEMS: usize = 100_000;

/// True if `bytes` look like a JSON Feed (a JSON object naming its version
/// at jsonfeed.org), not a brief.
pub fn is_json_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        && memchr::memmem::find(head, b"jsonfeed.org/version").is_some()
}

/// An item as the feed gives it.
#[derive(Default)]
struct Item {
    title: Option<String>,
    link: Option<String>,
    date: Option<String>,
    summary: Option<String>,
    /// HTML, or plain text where `content_is_text`.
    content: Option<String>,
    content_is_text: bool,
}

pub fn read_xml_feed(text: &str, stem: &str) -> Result<Articles, Fault> {
    let mut feed_title: Option<String> = None;
    let mut items: Vec<Item> = Vec::new();
    let mut root: Option<String> = None;
    let mut item: Option<Item> = None;
    // The field being read: its name, the depth it opened at, its text.
    let mut field: Option<(String, usize, String)> = None;
    let mut xhtml_depth: Option<usize> = None;
    let mut depth = 0usize;
    let walked = walk(text, |node| match node {
        Node::Open { name, attributes } => {
            depth += 1;
            let local_name = local(name);
            if root.is_none() {
                root = Some(local_name.to_string());
            }
            if let Some(d) = xhtml_depth
                && depth > d
            {
                if let Some((_, _, buf)) = &mut field {
                    buf.push('<');
                    buf.push_str(local_name);
                    buf.push('>');
                }
                return;
            }
            if matches!(local_name, "item" | "entry") {
                item = Some(Item::default());
                return;
            }
            if field.is_some() {
                return;
            }
            let Some(current) = &mut item else {
                if local_name == "title" && feed_title.is_none() {
                    field = Some(("feed-title".into(), depth, String::new()));
                }
                return;
            };
            match (name, local_name) {
                (_, "link") if attribute(attributes, "href").is_some() => {
                    let rel = attribute(attributes, "rel").unwrap_or("alternate");
                    if rel == "alternate" && current.link.is_none() {
                        current.link = attribute(attributes, "href").map(String::from);
                    }
                }
                ("content:encoded", _) => field = Some(("content".into(), depth, String::new())),
                (_, "content") => {
                    let kind = attribute(attributes, "type").unwrap_or("text");
                    current.content_is_text = kind == "text";
                    if kind == "xhtml" {
                        xhtml_depth = Some(depth);
                    }
                    field = Some(("content".into(), depth, String::new()));
                }
                (_, "title" | "link" | "pubDate" | "published" | "updated" | "date" | "issued")
                | (_, "description" | "summary") => {
                    field = Some((local_name.to_string(), depth, String::new()));
                }
                _ => {}
            }
        }
        Node::Text(t) => {
            if let Some((_, _, buf)) = &mut field {
                if xhtml_depth.is_some() {
                    buf.push_str(&t.replace('&', "&amp;").replace('<', "&lt;"));
                } else {
                    buf.push_str(t);
                }
            }
        }
        Node::Close { name } => {
            let local_name = local(name);
            if let Some(d) = xhtml_depth
                && depth > d
            {
                if let Some((_, _, buf)) = &mut field {
                    buf.push_str("</");
                    buf.push_str(local_name);
                    buf.push('>');
                }
                depth -= 1;
                return;
            }
            if matches!(&field, Some((_, d, _)) if *d == depth)
                && let Some((kind, _, value)) = field.take()
            {
                xhtml_depth = None;
                let value = value.trim().to_string();
                let set = |slot: &mut Option<String>| {
                    if slot.is_none() && !value.is_empty() {
                        *slot = Some(value.clone());
                    }
                };
                match (kind.as_str(), &mut item) {
                    ("feed-title", _) => feed_title = Some(collapse_spaces(&value)),
                    ("title", Some(i)) => set(&mut i.title),
                    ("link", Some(i)) => set(&mut i.link),
                    ("content", Some(i)) => set(&mut i.content),
                    ("description" | "summary", Some(i)) => set(&mut i.summary),
                    ("published" | "pubDate" | "date" | "issued", Some(i)) => {
                        i.date = Some(value.clone());
                    }
                    ("updated", Some(i)) => set(&mut i.date),
                    _ => {}
                }
            }
            if matches!(local_name, "item" | "entry")
                && let Some(done) = item.take()
                && items.len() < MAX_ITEMS
            {
                items.push(done);
            }
            depth = depth.saturating_sub(1);
        }
    });
    // A feed cut short (a download that broke off) keeps the items before
    // the break.
    let broken = match walked {
        Err(e) if items.is_empty() => return Err(Fault::invalid(e)),
        Err(e) => Some(e),
        Ok(()) if item.is_some() => Some(format!("it ends inside item {}", items.len() + 1)),
        Ok(()) => None,
    };
    if !matches!(root.as_deref(), Some("rss" | "RDF" | "feed")) {
        return Err(Fault::invalid(
            "not a feed: an RSS feed starts with <rss>, an Atom feed with <feed>",
        ));
    }
    let mut articles = articles_of(feed_title, items, stem)?;
    if let Some(e) = broken {
        articles.skipped.push(
            Fault::invalid(format!(
                "the feed breaks off ({e}); the items before were read"
            ))
            .in_file(""),
        );
    }
    Ok(articles)
}

#[derive(Deserialize)]
struct JsonFeed {
    title: Option<String>,
    #[serde(default)]
    items: Vec<JsonItem>,
}

#[derive(Deserialize)]
struct JsonItem {
    url: Option<String>,
    title: Option<String>,
    content_html: Option<String>,
    content_text: Option<String>,
    summary: Option<String>,
    date_published: Option<String>,
    date_modified: Option<String>,
}

pub fn read_json_feed(text: &str, stem: &str) -> Result<Articles, Fault> {
    let feed: JsonFeed = serde_json::from_str(text)
        .map_err(|e| Fault::invalid(format!("not a JSON Feed: {e}")).within(At::Line(e.line())))?;
    let items = feed
        .items
        .into_iter()
        .take(MAX_ITEMS)
        .map(|i| Item {
            title: i.title,
            link: i.url,
            date: i.date_published.or(i.date_modified),
            summary: i.summary,
            content_is_text: i.content_html.is_none() && i.content_text.is_some(),
            content: i.content_html.or(i.content_text),
        })
        .collect();
    articles_of(feed.title, items, stem)
}

fn articles_of(
    feed_title: Option<String>,
    items: Vec<Item>,
    stem: &str,
) -> Result<Articles, Fault> {
    let mut articles = Articles {
        title: feed_title.clone().or_else(|| Some(stem.to_string())),
        many: true,
        ..Articles::default()
    };
    for (k, item) in items.into_iter().enumerate() {
        let at = At::Item(k + 1);
        let (body, summary_only) = match (&item.content, &item.summary) {
            (Some(content), _) => (paragraphs(content, item.content_is_text), false),
            (None, Some(summary)) => (paragraphs(summary, false), true),
            (None, None) => (Vec::new(), false),
        };
        if body.is_empty() {
            articles.skipped.push(
                Fault::invalid("the item has no text; skipped")
                    .within(at)
                    .in_file(""),
            );
            continue;
        }
        let title = item.title.as_deref().map(|t| {
            // Atom and RSS titles may be HTML.
            collapse_spaces(&super::html_text::decode_entities(&strip_tags(t)))
        });
        let title = title.filter(|t| !t.is_empty());
        let mut blocks = Vec::new();
        blocks.extend(title.clone());
        blocks.extend(body);
        articles.found.push(Found {
            at: Some(at),
            article: TextArticle {
                text: blocks.join("\n\n"),
                fallback_title: title.unwrap_or_else(|| format!("Item {}", k + 1)),
                url: item.link.map(|l| l.trim().to_string()),
                outlet: feed_title.clone(),
                date: item.date.as_deref().and_then(feed_date),
                summary_only,
                ..TextArticle::default()
            },
        });
    }
    if articles.found.is_empty() {
        return Err(Fault::invalid("the feed has no item with text"));
    }
    Ok(articles)
}

fn paragraphs(content: &str, plain: bool) -> Vec<String> {
    if plain {
        return content
            .replace("\r\n", "\n")
            .split("\n\n")
            .map(collapse_spaces)
            .filter(|p| !p.is_empty())
            .collect();
    }
    blocks_of_html(content, false)
        .into_iter()
        .map(|b| b.text)
        .collect()
}

fn strip_tags(text: &str) -> String {
    if !text.contains('<') {
        return text.to_string();
    }
    blocks_of_html(text, false)
        .into_iter()
        .map(|b| b.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// An RSS date (RFC 822: "Mon, 10 Feb 2025 09:30:00 GMT") or an Atom or
/// JSON Feed one (RFC 3339) as ISO 8601.
fn feed_date(text: &str) -> Option<String> {
    let text = text.trim();
    let iso = text.len() >= 5 && text.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    if iso {
        return crate::collect::dates::normalize_date(text);
    }
    mail_parser::DateTime::parse_rfc822(text)
        .filter(|d| d.year > 0)
        .map(|d| d.to_rfc3339())
        .or_else(|| crate::collect::dates::normalize_date(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_rss_item_with_only_a_description_is_a_summary_with_its_link() {
        let rss = r#"<rss version="2.0"><channel><title>Desk</title>
            <item><title>Full</title><link>https://x.example/1</link><pubDate>Mon, 10 Feb 2025 09:30:00 GMT</pubDate>
            <description>Short.</description><content:encoded><![CDATA[<p>Long text in Homs.</p>]]></content:encoded></item>
            <item><title>Short</title><link>https://x.example/2</link><description>&lt;p&gt;Only a summary of Hama.&lt;/p&gt;</description></item>
            <item><title>Empty</title></item>
            </channel></rss>"#;
        let feed = read_xml_feed(rss, "f").unwrap();
        assert_eq!(feed.title.as_deref(), Some("Desk"));
        assert_eq!(feed.found.len(), 2);
        assert_eq!(feed.skipped.len(), 1);
        let full = &feed.found[0].article;
        assert_eq!(full.text, "Full\n\nLong text in Homs.");
        assert_eq!(full.date.as_deref(), Some("2025-02-10T09:30:00Z"));
        assert!(!full.summary_only);
        let short = &feed.found[1].article;
        assert!(short.summary_only);
        assert_eq!(short.text, "Short\n\nOnly a summary of Hama.");
        assert_eq!(short.url.as_deref(), Some("https://x.example/2"));
    }

    #[test]
    fn an_atom_entry_reads_its_alternate_link_and_xhtml_content() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
            <entry><title type="html">Talks &lt;b&gt;in&lt;/b&gt; Geneva</title>
            <link rel="self" href="https://x.example/self"/><link rel="alternate" href="https://x.example/a"/>
            <updated>2025-03-04T08:00:00Z</updated><published>2025-03-03T16:45:00Z</published>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Envoys met in Geneva &amp; Bern.</p><p>Then Moscow.</p></div></content>
            </entry></feed>"#;
        let feed = read_xml_feed(atom, "f").unwrap();
        let entry = &feed.found[0].article;
        assert_eq!(
            entry.text,
            "Talks in Geneva\n\nEnvoys met in Geneva & Bern.\n\nThen Moscow."
        );
        assert_eq!(entry.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(entry.date.as_deref(), Some("2025-03-03T16:45:00Z"));
        assert_eq!(entry.outlet.as_deref(), Some("Atom Desk"));
    }

    #[test]
    fn a_feed_cut_short_keeps_the_items_before_the_break() {
        let rss = "<rss><channel><title>Desk</title><item><title>One</title><description>In Homs.</description></item><item><title>Tw";
        let feed = read_xml_feed(rss, "f").unwrap();
        assert_eq!(feed.found.len(), 1);
        assert!(
            feed.skipped[0].to_string().contains("the feed breaks off"),
            "{:?}",
            feed.skipped
        );
    }

    #[test]
    fn xml_that_is_not_a_feed_is_named_as_such() {
        let fault = read_xml_feed("<html><p>x</p></html>", "f").err().unwrap();
        assert!(fault.problem.to_string().starts_with("not a feed"));
        assert!(is_json_feed(
            br#" {"version": "https://jsonfeed.org/version/1.1"}"#
        ));
        assert!(!is_json_feed(br#"{"format": "geobrief/1"}"#));
    }
}
