//! Which reader a file or a fetched page goes to: by the file's extension,
//! or the page's media type, then checked against the first bytes where
//! the name can mislead (a `.json` that is a JSON Feed; a page served as
//! `application/octet-stream` that starts with `%PDF-`).

use std::path::Path;

use crate::brief::{MAX_BRIEF_BYTES, MAX_TEXT_BYTES};
use crate::fetch::Fetched;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Brief,
    Text,
    Html,
    Pdf,
    Docx,
    Odt,
    Eml,
    Epub,
    Mbox,
    Feed,
}

/// Every extension Geobrief reads articles from (a folder's files).
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "html", "htm", "xhtml", "json", "pdf", "docx", "odt", "eml",
    "epub", "mbox", "mbx", "rss", "atom", "xml",
];

impl Format {
    /// By the file's extension; a name Geobrief does not know is read as
    /// a brief (whose errors then say what was expected).
    pub fn of_path(path: &Path) -> Self {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Self::Html,
            "txt" | "md" | "markdown" | "text" => Self::Text,
            "pdf" => Self::Pdf,
            "docx" => Self::Docx,
            "odt" => Self::Odt,
            "eml" => Self::Eml,
            "epub" => Self::Epub,
            "mbox" | "mbx" => Self::Mbox,
            "rss" | "atom" | "xml" => Self::Feed,
            _ => Self::Brief,
        }
    }

    /// A file of this format becomes a story of its articles.
    pub fn holds_many(self) -> bool {
        matches!(self, Self::Epub | Self::Mbox | Self::Feed)
    }

    /// The most bytes such a file may have.
    pub fn limit(self) -> u64 {
        match self {
            Self::Brief | Self::Feed => MAX_BRIEF_BYTES.max(MAX_TEXT_BYTES) as u64,
            _ => MAX_TEXT_BYTES as u64,
        }
    }

    /// The format the first bytes show, where the name could mislead.
    pub fn refined(self, bytes: &[u8]) -> Self {
        match self {
            Self::Brief if super::feed::is_json_feed(bytes) => Self::Feed,
            _ => self,
        }
    }

    /// True for a path whose name says it holds articles.
    pub fn is_article_file(path: &Path) -> bool {
        path.extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
    }
}

/// The address a saved link holds: a Windows `.url` or a freedesktop
/// `.desktop` link (`URL=…`), or a macOS `.webloc` (`<string>…</string>`).
pub fn link_in_shortcut(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_string_lossy().to_lowercase();
    if !matches!(ext.as_str(), "url" | "desktop" | "webloc") {
        return None;
    }
    let bytes = crate::brief::read::read_bounded(path, 64 * 1024).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let address = match ext.as_str() {
        "webloc" => text
            .split("<string>")
            .nth(1)?
            .split("</string>")
            .next()?
            .trim()
            .to_string(),
        _ => text
            .lines()
            .find_map(|l| l.trim().strip_prefix("URL="))?
            .trim()
            .to_string(),
    };
    crate::fetch::is_web_address(&address).then_some(address)
}

/// The format of a path, by its extension.
pub fn file_kind(path: &Path) -> Format {
    Format::of_path(path)
}

/// The format of a fetched page: its first bytes, its media type, then the
/// address's extension; a web page where nothing says otherwise.
pub fn format_of_fetched(fetched: &Fetched) -> Format {
    let bytes = &fetched.bytes;
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    if super::feed::is_json_feed(bytes) {
        return Format::Feed;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let media = fetched.media_type.as_deref().unwrap_or("");
    match media {
        "application/pdf" => return Format::Pdf,
        "application/rss+xml" | "application/atom+xml" | "application/feed+json" => {
            return Format::Feed;
        }
        "text/plain" | "text/markdown" => return Format::Text,
        "application/epub+zip" => return Format::Epub,
        _ => {}
    }
    if (media.contains("xml") || head.starts_with("<?xml"))
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf"))
    {
        return Format::Feed;
    }
    let path = fetched
        .address
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .rsplit('/')
        .next()
        .unwrap_or("");
    match Format::of_path(Path::new(path)) {
        Format::Brief | Format::Text => Format::Html,
        other if media.is_empty() || media == "application/octet-stream" => other,
        _ => Format::Html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetched(address: &str, media: Option<&str>, bytes: &[u8]) -> Fetched {
        Fetched {
            address: address.into(),
            media_type: media.map(String::from),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn a_fetched_page_is_read_by_what_it_is_not_what_it_is_called() {
        assert_eq!(
            format_of_fetched(&fetched("https://x/a", Some("text/html"), b"<html>")),
            Format::Html
        );
        assert_eq!(
            format_of_fetched(&fetched("https://x/a", Some("text/html"), b"%PDF-1.7")),
            Format::Pdf
        );
        assert_eq!(
            format_of_fetched(&fetched("https://x/r.pdf", Some("application/pdf"), b"")),
            Format::Pdf
        );
        assert_eq!(
            format_of_fetched(&fetched(
                "https://x/feed",
                Some("text/xml"),
                b"<?xml version='1.0'?><rss>"
            )),
            Format::Feed
        );
        assert_eq!(
            format_of_fetched(&fetched("https://x/b.epub", None, b"PK")),
            Format::Epub
        );
        assert_eq!(
            format_of_fetched(&fetched(
                "https://x/news.json",
                Some("text/html"),
                b"<html>"
            )),
            Format::Html
        );
    }

    #[test]
    fn a_json_feed_named_json_is_read_as_a_feed() {
        let feed = br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#;
        assert_eq!(
            Format::of_path(Path::new("a.json")).refined(feed),
            Format::Feed
        );
        assert_eq!(
            Format::of_path(Path::new("a.json")).refined(b"{\"format\": \"geobrief/1\"}"),
            Format::Brief
        );
        assert!(Format::of_path(Path::new("x.MBOX")).holds_many());
    }
}
