//! Opening a file as a brief, whatever it is: a brief (`.json`), plain text
//! or Markdown (`.txt`, `.md`), or a saved web page (`.html`), whose article is
//! pulled out of the page furniture by a Readability port. Text becomes a brief
//! by finding its places offline. Every failure names the file.

use std::path::Path;

use crate::brief::{Brief, MAX_BRIEF_BYTES, parse_brief};
use crate::compose;
use crate::gazetteer::Gazetteer;
use crate::geoparse::Options;
use crate::personal::PersonalGazetteer;

/// What kind of file a path holds, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Brief,
    Text,
    Html,
}

pub fn file_kind(path: &Path) -> FileKind {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => FileKind::Html,
        "txt" | "md" | "markdown" | "text" => FileKind::Text,
        _ => FileKind::Brief,
    }
}

/// Opens `path`; the errors are lines ready for the problems panel.
pub fn open_path(path: &Path, personal: &PersonalGazetteer) -> Result<Brief, Vec<String>> {
    let name = path.display();
    let bytes =
        std::fs::read(path).map_err(|e| vec![format!("{name}: cannot read the file: {e}")])?;
    if bytes.len() > MAX_BRIEF_BYTES {
        return Err(vec![format!(
            "{name}: the file is {} bytes; the limit is {MAX_BRIEF_BYTES}",
            bytes.len()
        )]);
    }
    let stem = path
        .file_stem()
        .map_or_else(|| "Untitled".into(), |s| s.to_string_lossy().into_owned());
    match file_kind(path) {
        FileKind::Brief => parse_brief(&bytes)
            .map_err(|errors| errors.iter().map(|e| format!("{name}: {e}")).collect()),
        FileKind::Text | FileKind::Html => {
            let text = std::str::from_utf8(&bytes).map_err(|e| {
                vec![format!(
                    "{name}: the file is not UTF-8 text (invalid byte at offset {})",
                    e.valid_up_to()
                )]
            })?;
            let text = if file_kind(path) == FileKind::Html {
                article_text_from_html(text).map_err(|e| vec![format!("{name}: {e}")])?
            } else {
                text.to_string()
            };
            Ok(brief_from_article_text(&text, &stem, personal))
        }
    }
}

/// A brief from an article's text, with its places found offline.
pub fn brief_from_article_text(
    text: &str,
    fallback_title: &str,
    personal: &PersonalGazetteer,
) -> Brief {
    compose::brief_from_text_with(
        text,
        fallback_title,
        Gazetteer::embedded(),
        &Options::default(),
        personal,
    )
}

/// The article of a saved web page as plain text: title, byline, then the
/// paragraphs, separated by blank lines.
pub fn article_text_from_html(html: &str) -> Result<String, String> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, None, Some(config))
        .map_err(|e| format!("cannot read the web page: {e}"))?;
    let article = readability
        .parse()
        .map_err(|e| format!("no article found in the web page: {e}"))?;
    let mut parts = Vec::new();
    if !article.title.trim().is_empty() {
        parts.push(article.title.trim().to_string());
    }
    if let Some(byline) = article
        .byline
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
    {
        parts.push(if byline.starts_with("By ") {
            byline.to_string()
        } else {
            format!("By {byline}")
        });
    }
    let body: Vec<String> = article
        .text_content
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    parts.extend(body);
    Ok(parts.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>Talks in Damascus | The Daily</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Talks in Damascus</h1><p class="byline">By A. Writer</p>
<p>Officials from Lebanon met their counterparts in Damascus on Monday to discuss the border crossings and trade between the two countries, which have been closed for months.</p>
<p>The Syrian delegation later flew to Aleppo, where reconstruction of the old city continues slowly after years of war and an earthquake that destroyed many buildings.</p>
<p>Further talks are expected in Beirut next month, officials said, as both governments seek to restore the flow of goods across the frontier.</p>
</article><footer>Subscribe to our newsletter. Cookie settings. Privacy.</footer></body></html>"#;

    #[test]
    fn a_web_page_gives_its_article_without_the_page_furniture() {
        let text = article_text_from_html(PAGE).unwrap();
        assert!(text.contains("Officials from Lebanon met"), "{text}");
        assert!(text.contains("flew to Aleppo"), "{text}");
        assert!(!text.contains("Subscribe"), "{text}");
        assert!(!text.contains("Sport"), "{text}");
    }

    #[test]
    fn a_saved_web_page_opens_as_a_brief_with_its_places() {
        let dir = std::env::temp_dir().join(format!("geobrief-open-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("talks.html");
        std::fs::write(&path, PAGE).unwrap();
        let brief = open_path(&path, &PersonalGazetteer::default()).unwrap();
        assert!(brief.places().any(|p| p.name == "Damascus"));
        assert!(brief.places().any(|p| p.name == "Beirut"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_broken_brief_is_reported_with_the_file_name_and_json_path() {
        let dir = std::env::temp_dir().join(format!("geobrief-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.json");
        std::fs::write(
            &path,
            r#"{"format": "geobrief/1", "article": {"title": 3, "paragraphs": []}}"#,
        )
        .unwrap();
        let errors = open_path(&path, &PersonalGazetteer::default()).unwrap_err();
        assert!(
            errors[0].contains("bad.json") && errors[0].contains("article.title"),
            "{errors:?}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_text_file_that_is_not_utf8_is_refused_by_name() {
        let dir = std::env::temp_dir().join(format!("geobrief-latin-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("latin1.txt");
        std::fs::write(&path, b"Caf\xe9 in Paris").unwrap();
        let errors = open_path(&path, &PersonalGazetteer::default()).unwrap_err();
        assert!(
            errors[0].contains("latin1.txt") && errors[0].contains("offset 3"),
            "{errors:?}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
