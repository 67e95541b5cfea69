//! Taking a brief to other tools: its places as a GeoJSON FeatureCollection
//! (QGIS, web maps), its mentions as W3C Web Annotations (Recogito and other
//! annotation tools), the article's text those annotations count in, and the
//! map as a PNG. Each writer is a pure function of the brief; files are
//! written atomically.

pub mod annotations;
pub mod geojson;
pub mod gpkg;
pub mod kml;
pub mod markup;
pub mod mentions_csv;
pub mod rows;
pub mod web;

use std::path::PathBuf;

use crate::brief::anchor::{CONTEXT_CHARS, SpanSelectors};
use crate::brief::candidates::geoparse_record;
use crate::brief::save::{SaveError, write_atomically};
use crate::brief::{ArticleId, Brief, Mention, StoryArticle};

/// What to export, and where.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportRequest {
    pub geojson: Option<PathBuf>,
    pub annotations: Option<PathBuf>,
    /// The article's text as the annotations count it.
    pub text: Option<PathBuf>,
    /// The map as a picture, and its size in pixels.
    pub png: Option<(PathBuf, [u32; 2])>,
    /// One self-contained web page: the article, the map, the places.
    pub html: Option<PathBuf>,
    /// A GeoPackage (SQLite): places, areas, articles and mentions.
    pub gpkg: Option<PathBuf>,
    /// KML for Google Earth, with a story's time spans.
    pub kml: Option<PathBuf>,
    /// The mentions as CSV, one row a mention.
    pub csv: Option<PathBuf>,
}

impl ExportRequest {
    pub fn is_empty(&self) -> bool {
        self.geojson.is_none()
            && self.annotations.is_none()
            && self.text.is_none()
            && self.png.is_none()
            && self.html.is_none()
            && self.gpkg.is_none()
            && self.kml.is_none()
            && self.csv.is_none()
    }
}

/// An article as one text: its paragraphs joined by a blank line
/// (`"\n\n"`). The title, byline and dateline are not part of it.
/// Annotation positions count Unicode code points in this text, each
/// article's from its own start.
pub fn article_text(brief: &Brief, article: &StoryArticle) -> String {
    brief.paragraphs()[article.paragraphs.clone()].join(PARAGRAPH_SEPARATOR)
}

pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// Sizes a picture of the map may have, in pixels a side.
pub const PNG_SIDE_PX: std::ops::RangeInclusive<u32> = 64..=8192;
/// Where a mention's words are in [`article_text`]: the quote with up to
/// [`CONTEXT_CHARS`] code points of context on each side (across paragraph
/// breaks), and its position in code points.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleQuote {
    /// The article the words are in.
    pub article: ArticleId,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub start: usize,
    pub end: usize,
}

impl ArticleQuote {
    /// The W3C selectors that find it: a `TextQuoteSelector` and a
    /// `TextPositionSelector`, as the annotations and the GeoJSON write them.
    pub fn selectors_json(&self) -> serde_json::Value {
        serde_json::json!([
            { "type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix },
            { "type": "TextPositionSelector", "start": self.start, "end": self.end },
        ])
    }
}

/// Every mention with its [`ArticleQuote`], in text order; positions count
/// from the start of the mention's article. Linear in the text: each
/// paragraph's code points are counted once.
pub fn article_quotes(brief: &Brief) -> Vec<(Mention, ArticleQuote)> {
    let separator = PARAGRAPH_SEPARATOR.chars().count();
    let mut out = Vec::with_capacity(brief.mention_count());
    for article in brief.articles() {
        let first = article.paragraphs.start;
        let paragraphs = &brief.paragraphs()[article.paragraphs.clone()];
        let mut paragraph_start = 0;
        for (p, text) in paragraphs.iter().enumerate() {
            let mut counter = SpanSelectors::new(text);
            for link in brief.mentions_in(first + p) {
                let Some(m) = brief.mention(link) else {
                    continue;
                };
                let Some(start) = counter.chars_before(m.bytes.start) else {
                    continue;
                };
                let exact = text[m.bytes.clone()].to_string();
                let start = paragraph_start + start;
                let end = start + exact.chars().count();
                let quote = ArticleQuote {
                    article: article.id.clone(),
                    prefix: prefix_across(paragraphs, p, m.bytes.start),
                    suffix: suffix_across(paragraphs, p, m.bytes.end),
                    exact,
                    start,
                    end,
                };
                out.push((m, quote));
            }
            paragraph_start += text.chars().count() + separator;
        }
    }
    out
}

/// Up to `CONTEXT_CHARS` code points of the article text before byte `at`
/// of paragraph `p`.
fn prefix_across(paragraphs: &[String], p: usize, at: usize) -> String {
    let mut chars: Vec<char> = Vec::with_capacity(CONTEXT_CHARS);
    let mut texts = std::iter::once(&paragraphs[p][..at]).chain(
        paragraphs[..p]
            .iter()
            .rev()
            .flat_map(|t| [PARAGRAPH_SEPARATOR, t.as_str()]),
    );
    while chars.len() < CONTEXT_CHARS {
        let Some(text) = texts.next() else { break };
        chars.extend(text.chars().rev().take(CONTEXT_CHARS - chars.len()));
    }
    chars.iter().rev().collect()
}

/// Up to `CONTEXT_CHARS` code points of the article text after byte `at`
/// of paragraph `p`.
fn suffix_across(paragraphs: &[String], p: usize, at: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let texts = std::iter::once(&paragraphs[p][at..]).chain(
        paragraphs[p + 1..]
            .iter()
            .flat_map(|t| [PARAGRAPH_SEPARATOR, t.as_str()]),
    );
    for text in texts {
        for c in text.chars().take(CONTEXT_CHARS - count) {
            out.push(c);
            count += 1;
        }
        if count == CONTEXT_CHARS {
            break;
        }
    }
    out
}

/// A place's GeoNames URI (`https://sws.geonames.org/ID/`), from its sources
/// or from the candidate place detection chose.
pub fn geonames_uri(place: &crate::brief::Place) -> Option<String> {
    geonames_id(place).map(|id| format!("https://sws.geonames.org/{id}/"))
}

/// A place's GeoNames id, from its sources or from the candidate place
/// detection chose.
pub fn geonames_id(place: &crate::brief::Place) -> Option<u64> {
    let from_sources = place
        .sources
        .iter()
        .find_map(|s| geonames_id_from_url(s.url.as_deref()?));
    let from_record = || {
        let record = geoparse_record(place)?;
        record.candidates.get(record.chosen)?.geonames_id
    };
    from_sources.or_else(from_record)
}

/// The id in a GeoNames address (`https://sws.geonames.org/524901/`,
/// `https://www.geonames.org/524901/moscow.html`).
pub fn geonames_id_from_url(url: &str) -> Option<u64> {
    let rest = url
        .strip_prefix("https://www.geonames.org/")
        .or_else(|| url.strip_prefix("http://www.geonames.org/"))
        .or_else(|| url.strip_prefix("https://sws.geonames.org/"))
        .or_else(|| url.strip_prefix("http://sws.geonames.org/"))?;
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    digits.parse().ok()
}

/// Writes the text formats of `request` (GeoJSON, annotations, text); the
/// PNG needs a renderer and is written by the caller. Returns the files
/// written.
pub fn write_text_exports(
    brief: &Brief,
    request: &ExportRequest,
) -> Result<Vec<PathBuf>, SaveError> {
    let mut written = Vec::new();
    if let Some(path) = &request.geojson {
        write_atomically(path, geojson::feature_collection_json(brief).as_bytes())?;
        written.push(path.clone());
    }
    if let Some(path) = &request.annotations {
        write_atomically(path, annotations::collection_json(brief).as_bytes())?;
        written.push(path.clone());
    }
    if let Some(path) = &request.text {
        write_atomically(path, story_text(brief).as_bytes())?;
        written.push(path.clone());
    }
    if let Some(path) = &request.gpkg {
        gpkg::write_geopackage(brief, path)?;
        written.push(path.clone());
    }
    if let Some(path) = &request.kml {
        write_atomically(path, kml::kml_document(brief).as_bytes())?;
        written.push(path.clone());
    }
    if let Some(path) = &request.csv {
        write_atomically(path, mentions_csv::mentions_csv(brief).as_bytes())?;
        written.push(path.clone());
    }
    Ok(written)
}

/// What `--text` writes: a brief of one article, its text exactly as the
/// annotations count it; a story, each article after a header line that
/// names it and says how positions are counted.
pub fn story_text(brief: &Brief) -> String {
    if !brief.is_story() {
        return article_text(brief, brief.first_article());
    }
    let mut out = String::new();
    for article in brief.articles() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&format!(
            "=== article {} · {} · positions count Unicode code points from the line below; \
             paragraphs are joined by one blank line ===\n",
            article.id,
            article.info.title.replace('\n', " ")
        ));
        out.push_str(&article_text(brief, article));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_s_context_runs_across_paragraph_breaks_and_its_position_holds_its_words() {
        let brief = Brief::default_brief();
        let text: Vec<char> = article_text(&brief, brief.first_article())
            .chars()
            .collect();
        let quotes = article_quotes(&brief);
        assert_eq!(quotes.len(), brief.mention_count());
        for (_, q) in &quotes {
            let at = |a: usize, b: usize| text[a..b].iter().collect::<String>();
            assert_eq!(at(q.start, q.end), q.exact);
            assert_eq!(at(q.start.saturating_sub(CONTEXT_CHARS), q.start), q.prefix);
            assert_eq!(at(q.end, (q.end + CONTEXT_CHARS).min(text.len())), q.suffix);
        }
        assert!(
            quotes
                .iter()
                .any(|(m, q)| m.paragraph > 0 && q.prefix.contains('\n')),
            "some mention opens its paragraph"
        );
    }

    #[test]
    fn the_default_brief_s_cities_carry_their_geonames_uri() {
        let brief = Brief::default_brief();
        let moscow = brief.place("moscow").unwrap();
        assert_eq!(
            geonames_uri(moscow).as_deref(),
            Some("https://sws.geonames.org/524901/")
        );
    }
}
