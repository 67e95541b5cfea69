//! Reading a brief: bytes to JSON to a validated [`Brief`].
//!
//! Every fault is reported with its JSON path; semantic checks collect all
//! faults rather than stopping at the first, so a hand-edited file can be
//! fixed in one go. Nothing here panics on any input.

use std::path::Path;

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::anchor::{Anchor, anchor_quote, byte_from_char};
use super::geometry::geometry_from_geojson;
use super::model::{LinkEntry, mention_key};
use super::{
    Brief, BriefDoc, BriefError, FORMAT, Link, LinkId, LoadError, Place, PlaceDoc, PlaceId,
    Selector,
};

/// Larger files are refused before parsing. A book of 10 MB with 10,000
/// places and their links is about 30 MB of JSON.
pub const MAX_BRIEF_BYTES: usize = 64 * 1024 * 1024;

/// Reads and validates a brief file; the error names the file.
pub fn parse_brief_file(path: &Path) -> Result<Brief, LoadError> {
    let to_load_error = |errors| LoadError {
        file: path.to_path_buf(),
        errors,
    };
    let bytes = std::fs::read(path).map_err(|e| {
        to_load_error(vec![BriefError::Json {
            at: "(file)".into(),
            line: 0,
            column: 0,
            message: format!("cannot read the file: {e}"),
        }])
    })?;
    parse_brief(&bytes).map_err(to_load_error)
}

/// Parses and validates a brief from its bytes.
pub fn parse_brief(bytes: &[u8]) -> Result<Brief, Vec<BriefError>> {
    if bytes.len() > MAX_BRIEF_BYTES {
        return Err(vec![BriefError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BRIEF_BYTES,
        }]);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![BriefError::NotUtf8 {
            offset: e.valid_up_to(),
        }]
    })?;
    let doc = parse_doc(text).map_err(|e| vec![e])?;
    Brief::from_doc(doc)
}

fn parse_doc(text: &str) -> Result<BriefDoc, BriefError> {
    // Check the format tag first, so a future version gets a clear message
    // instead of a type error deep inside.
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(text)
        && let Some(format) = map.get("format")
        && format.as_str() != Some(FORMAT)
    {
        return Err(BriefError::UnsupportedFormat {
            found: format.to_string().trim_matches('"').to_string(),
        });
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let at = e.path().to_string();
        let inner = e.into_inner();
        BriefError::Json {
            at: if at == "." { "(top level)".into() } else { at },
            line: inner.line(),
            column: inner.column(),
            message: inner
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_string(),
        }
    })
}

impl Brief {
    /// Checks a parsed document and builds the brief: every fault is
    /// collected (with its JSON path), links without ids get one.
    pub fn from_doc(doc: BriefDoc) -> Result<Brief, Vec<BriefError>> {
        let mut errors = Vec::new();
        if doc.format != FORMAT {
            errors.push(BriefError::UnsupportedFormat {
                found: doc.format.clone(),
            });
        }
        if doc.article.paragraphs.is_empty() {
            errors.push(BriefError::NoParagraphs);
        }
        let places = places_from_docs(doc.places, &mut errors);
        let mut links = links_with_ids(doc.links, &mut errors);
        let mut warnings = Vec::new();
        for (i, entry) in links.values_mut().enumerate() {
            entry.anchor = anchor_link(
                &entry.link,
                i,
                &doc.article.paragraphs,
                &places,
                &mut errors,
                &mut warnings,
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let paragraph_count = doc.article.paragraphs.len();
        let mut brief = Brief {
            article: doc.article,
            places,
            links,
            extra: doc.extra,
            by_paragraph: vec![Vec::new(); paragraph_count],
            by_place: HashMap::new(),
            unanchored: Vec::new(),
            paragraph_versions: vec![0; paragraph_count],
            place_versions: HashMap::new(),
            places_changed: 0,
            links_changed: 0,
            next_version: 0,
            warnings,
        };
        brief.build_indexes();
        Ok(brief)
    }

    /// A brief of an article alone: no places, no links. Never fails (an
    /// article without paragraphs gets one empty paragraph).
    pub fn bare(mut article: super::Article) -> Brief {
        if article.paragraphs.is_empty() {
            article.paragraphs.push(String::new());
        }
        let n = article.paragraphs.len();
        Brief {
            article,
            places: IndexMap::new(),
            links: IndexMap::new(),
            extra: serde_json::Map::new(),
            by_paragraph: vec![Vec::new(); n],
            by_place: HashMap::new(),
            unanchored: Vec::new(),
            paragraph_versions: vec![0; n],
            place_versions: HashMap::new(),
            places_changed: 0,
            links_changed: 0,
            next_version: 0,
            warnings: Vec::new(),
        }
    }

    /// Both mention indexes from scratch, sorted once (loading only).
    fn build_indexes(&mut self) {
        for entry in self.links.values() {
            match &entry.anchor {
                Some(a) => {
                    self.by_paragraph[a.paragraph].push(entry.link.id.clone());
                    self.by_place
                        .entry(entry.link.place.clone())
                        .or_default()
                        .push(entry.link.id.clone());
                }
                None => self.unanchored.push(entry.link.id.clone()),
            }
        }
        let links = &self.links;
        for list in self
            .by_paragraph
            .iter_mut()
            .chain(self.by_place.values_mut())
        {
            list.sort_by_cached_key(|id| mention_key(links, id));
        }
    }
}

fn places_from_docs(docs: Vec<PlaceDoc>, errors: &mut Vec<BriefError>) -> IndexMap<PlaceId, Place> {
    let mut places = IndexMap::with_capacity(docs.len());
    for (i, doc) in docs.into_iter().enumerate() {
        let at = format!("places[{i}]");
        if doc.id.is_blank() {
            errors.push(BriefError::EmptyPlaceId {
                at: format!("{at}.id"),
            });
            continue;
        }
        if places.contains_key(doc.id.as_str()) {
            errors.push(BriefError::DuplicatePlaceId {
                id: doc.id.to_string(),
                at: format!("{at}.id"),
            });
            continue;
        }
        if let Some(geometry) =
            geometry_from_geojson(&doc.geometry.value, &format!("{at}.geometry"), errors)
        {
            places.insert(
                doc.id.clone(),
                Place {
                    id: doc.id,
                    name: doc.name,
                    kind: doc.kind,
                    geometry,
                    approximate: doc.approximate,
                    note: doc.note,
                    sources: doc.sources,
                    extra: doc.extra,
                },
            );
        }
    }
    places
}

/// The links by id; a link without one gets the first free `l<n>`.
fn links_with_ids(links: Vec<Link>, errors: &mut Vec<BriefError>) -> IndexMap<LinkId, LinkEntry> {
    let taken: HashSet<LinkId> = links.iter().map(|l| l.id.clone()).collect();
    let mut next = 1usize;
    let mut out = IndexMap::with_capacity(links.len());
    for (i, mut link) in links.into_iter().enumerate() {
        if link.id.is_blank() {
            link.id = loop {
                let id = LinkId::new(format!("l{next}"));
                next += 1;
                if !taken.contains(&id) {
                    break id;
                }
            };
        }
        if out.contains_key(link.id.as_str()) {
            errors.push(BriefError::DuplicateLinkId {
                id: link.id.to_string(),
                at: format!("links[{i}].id"),
            });
            continue;
        }
        out.insert(link.id.clone(), LinkEntry { link, anchor: None });
    }
    out
}

/// Where a link's words are. Faults of the link itself are errors; words
/// that moved or are gone are warnings (the link is kept either way).
pub(super) fn anchor_link(
    link: &Link,
    i: usize,
    paragraphs: &[String],
    places: &IndexMap<PlaceId, Place>,
    errors: &mut Vec<BriefError>,
    warnings: &mut Vec<String>,
) -> Option<Anchor> {
    let at = format!("links[{i}]");
    let known_place = places.contains_key(link.place.as_str());
    if !known_place {
        errors.push(BriefError::UnknownPlace {
            id: link.place.to_string(),
            at: format!("{at}.place"),
        });
    }
    let target_at = format!("{at}.target");
    let Some(text) = paragraphs.get(link.target.paragraph) else {
        errors.push(BriefError::ParagraphOutOfRange {
            at: format!("{target_at}.paragraph"),
            paragraph: link.target.paragraph,
            count: paragraphs.len(),
        });
        return None;
    };
    let mut quote = None;
    let mut position = None;
    for (s, selector) in link.target.selector.iter().enumerate() {
        match selector {
            Selector::TextQuoteSelector {
                exact,
                prefix,
                suffix,
            } if !exact.is_empty() => {
                quote = Some((exact, prefix, suffix));
            }
            Selector::TextQuoteSelector { .. } => {}
            Selector::TextPositionSelector { start, end } => {
                let len = text.chars().count();
                if start > end || *end > len {
                    errors.push(BriefError::PositionOutOfRange {
                        at: format!("{target_at}.selector[{s}]"),
                        start: *start,
                        end: *end,
                        len,
                    });
                } else if byte_from_char(text, *end).is_some() {
                    position = Some(*start..*end);
                }
            }
        }
    }
    let Some((exact, prefix, suffix)) = quote else {
        errors.push(BriefError::MissingQuote {
            at: format!("{target_at}.selector"),
        });
        return None;
    };
    if !known_place {
        return None;
    }
    let anchor = anchor_quote(
        paragraphs,
        link.target.paragraph,
        exact,
        prefix,
        suffix,
        position,
    );
    match &anchor {
        Some(a) if a.quality == super::AnchorQuality::Moved => warnings.push(format!(
            "{at}: the text changed; \"{exact}\" was found again in paragraph {}",
            a.paragraph + 1
        )),
        Some(_) => {}
        None => warnings.push(format!(
            "{at}: \"{exact}\" no longer appears in the article; the link is kept but not shown"
        )),
    }
    anchor
}
