//! Opening what a reader is handed, whatever it is: one entry point,
//! [`open`] (or [`open_address`] for a web address, [`open_bytes`] for bytes
//! already at hand), one reader per format behind it, one result, [`Opened`]:
//! a brief as it is, or articles as text with what their source says of
//! them; and one error, [`OpenError`], naming the file and the place in it.
//!
//! | format | reader | gives |
//! |---|---|---|
//! | brief (`.json`) | `crate::brief` | the brief |
//! | text, Markdown (`.txt`, `.md`) | here | one article |
//! | web page (`.html`) | `html.rs` (Readability) | one article, its address, date, site |
//! | PDF | `pdf.rs`, `pdf_layout.rs` | one article, a page per paragraph |
//! | DOCX, ODT | `office.rs` | one article |
//! | e-mail (`.eml`) | `mail.rs` | one article |
//! | EPUB | `epub.rs` | a story: a chapter an article |
//! | mailbox (`.mbox`) | `mail.rs` | a story: a message an article |
//! | RSS, Atom, JSON Feed | `feed.rs` | a story: an item an article |
//!
//! Articles become a brief with their places found offline (`to_brief.rs`),
//! or join a story (`crate::collect`). Every file is read with a bound
//! first (see [`read_bounded`]).

pub mod article;
pub mod clipboard;
mod epub;
pub mod error;
mod feed;
pub mod format;
pub mod html;
pub mod html_text;
mod mail;
mod office;
pub mod pdf;
pub mod pdf_layout;
mod to_brief;
mod xml;
mod zipped;

use std::path::Path;
use std::sync::atomic::AtomicBool;

pub use article::{Articles, Found, Opened, TextArticle};
pub use error::{At, Fault, OpenError, Problem};
pub use format::{Format, file_kind, format_of_fetched};
pub use html::{
    MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, PageArticle, article_from_html, article_text_from_html,
    check_html_shape, page_article,
};
pub use to_brief::{
    brief_from_article_text, brief_of, brief_of_article, doc_of, open_address_as_brief,
};

use crate::brief::read::{read_bounded, text_from_bytes};
use crate::brief::{Brief, MAX_PARAGRAPHS, parse_brief};
use crate::collect::dates::date_from_dateline;
use crate::fetch::{FetchLimits, fetch};
use crate::geoparse::PublisherMemory;
use crate::personal::PersonalGazetteer;

/// Kept for the callers that ask what kind a path is.
pub type FileKind = Format;

/// Opens the file at `path` as what it holds. The file's metadata is
/// looked at before it is opened (see [`read_bounded`]), so a pipe or a
/// device never blocks and a huge file is never read.
pub fn open(path: &Path) -> Result<Opened, OpenError> {
    let name = path.display().to_string();
    let format = Format::of_path(path);
    let bytes = read_bounded(path, format.limit()).map_err(|e| Fault::from(e).in_file(&name))?;
    let stem = path
        .file_stem()
        .map_or_else(|| "Untitled".into(), |s| s.to_string_lossy().into_owned());
    let format = format.refined(&bytes);
    open_bytes(&bytes, format, &stem, None)
        .map_err(|fault| fault.in_file(&name))
        .map(|opened| named(opened, &name))
}

/// Fetches `address` (see [`crate::fetch`]) and opens the page as what it
/// holds; the article keeps the address (the page's own, else where it was
/// found) as its source.
pub fn open_address(
    address: &str,
    limits: &FetchLimits,
    cancel: &AtomicBool,
) -> Result<Opened, OpenError> {
    let address = address.trim();
    let fetched = fetch(address, limits, cancel).map_err(|e| Fault::from(e).in_file(address))?;
    let format = format_of_fetched(&fetched);
    let stem = crate::fetch::host_to_show(&fetched.address);
    let opened = open_bytes(&fetched.bytes, format, &stem, Some(&fetched.address))
        .map_err(|fault| fault.in_file(address))?;
    Ok(named(opened, address))
}

/// The text of the article(s) at a web address, fetched once, for
/// `geoparse URL`: many articles are separated by blank lines.
pub fn article_text_at(address: &str) -> Result<String, String> {
    match open_address(address, &FetchLimits::default(), &AtomicBool::new(false)) {
        Ok(Opened::Articles(articles)) => Ok(articles
            .found
            .into_iter()
            .map(|f| f.article.text)
            .collect::<Vec<_>>()
            .join("\n\n")),
        Ok(Opened::Brief(brief)) => Ok(brief.paragraphs().join("\n\n")),
        Err(e) => Err(e.to_string()),
    }
}

/// Puts the file's name to the problems of the parts that were skipped.
fn named(mut opened: Opened, name: &str) -> Opened {
    if let Opened::Articles(articles) = &mut opened {
        for skipped in &mut articles.skipped {
            if skipped.file.is_empty() {
                skipped.file = name.to_string();
            }
        }
    }
    opened
}

/// Opens `bytes` read as `format`; `stem` names an article without a title
/// of its own; `address` is where the bytes were fetched from, if they were.
pub fn open_bytes(
    bytes: &[u8],
    format: Format,
    stem: &str,
    address: Option<&str>,
) -> Result<Opened, Fault> {
    let mut articles = match format {
        Format::Brief => {
            return parse_brief(bytes)
                .map(|brief| Opened::Brief(Box::new(brief)))
                .map_err(|errors| {
                    Problem::Brief(errors.iter().map(ToString::to_string).collect()).into()
                });
        }
        Format::Text => {
            let text = text_from_bytes(bytes)?;
            Articles::one(TextArticle {
                date: date_from_dateline(first_paragraph(&text)),
                text,
                fallback_title: stem.to_string(),
                ..TextArticle::default()
            })
        }
        Format::Html => {
            let text = text_from_bytes(bytes)?;
            let page = page_article(&text).map_err(Fault::invalid)?;
            Articles::one(TextArticle {
                date: page.date.or_else(|| date_from_dateline(&page.text)),
                text: page.text,
                url: page.address,
                outlet: page.outlet,
                fallback_title: stem.to_string(),
                ..TextArticle::default()
            })
        }
        Format::Pdf => Articles::one(pdf::read_pdf(bytes, stem)?),
        Format::Docx => Articles::one(office::read_docx(bytes, stem)?),
        Format::Odt => Articles::one(office::read_odt(bytes, stem)?),
        Format::Eml => Articles::one(mail::read_eml(bytes, stem)?),
        Format::Epub => epub::read_epub(bytes, stem)?,
        Format::Mbox => mail::read_mbox(bytes, stem)?,
        Format::Feed => {
            let text = text_from_bytes(bytes)?;
            if feed::is_json_feed(text.as_bytes()) {
                feed::read_json_feed(&text, stem)?
            } else {
                feed::read_xml_feed(&text, stem)?
            }
        }
    };
    if let Some(address) = address
        && !articles.many
    {
        for found in &mut articles.found {
            found.article.url.get_or_insert_with(|| address.to_string());
        }
    }
    // Each article within the paragraphs a brief may hold.
    let mut kept = Vec::with_capacity(articles.found.len());
    for found in std::mem::take(&mut articles.found) {
        match check_paragraph_count(&found.article.text) {
            Ok(()) => kept.push(found),
            Err(e) if !articles.many => {
                return Err(Fault {
                    at: found.at,
                    problem: Problem::Invalid(e),
                });
            }
            Err(e) => articles.skipped.push(
                Fault {
                    at: found.at,
                    problem: Problem::Invalid(format!("{e}; skipped")),
                }
                .in_file(""),
            ),
        }
    }
    articles.found = kept;
    Ok(Opened::Articles(articles))
}

/// The first paragraph after the title and byline, where a dateline is.
pub fn first_paragraph(text: &str) -> &str {
    text.split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .find(|b| b.contains(['—', '–']) || b.len() > 140)
        .unwrap_or("")
}

/// Opens `path` as a brief; the errors are lines ready for the problems
/// panel.
pub fn open_path(path: &Path, personal: &PersonalGazetteer) -> Result<Brief, Vec<String>> {
    open_path_learning(path, personal, &mut PublisherMemory::default())
}

/// Like [`open_path`]; an article that gives its address has its places
/// found with its publisher's home region from `publishers`, which learns
/// from it in turn. A file of many articles becomes a story.
pub fn open_path_learning(
    path: &Path,
    personal: &PersonalGazetteer,
    publishers: &mut PublisherMemory,
) -> Result<Brief, Vec<String>> {
    let opened = open(path).map_err(|e| e.lines())?;
    brief_of(opened, personal, publishers)
}

/// Refuses a text of more paragraphs than a brief may hold, before its
/// places are looked for; paragraphs are counted as
/// [`crate::compose::split_article`] makes them.
pub fn check_paragraph_count(text: &str) -> Result<(), String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let blocks = text.split("\n\n").filter(|b| !b.trim().is_empty()).count();
    let paragraphs = if blocks == 1 && text.trim().contains('\n') {
        text.lines().filter(|l| !l.trim().is_empty()).count()
    } else {
        blocks
    };
    if paragraphs > MAX_PARAGRAPHS {
        return Err(format!(
            "the text has {paragraphs} paragraphs; a brief holds at most {MAX_PARAGRAPHS}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::html::tests::PAGE;
    use super::*;

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
