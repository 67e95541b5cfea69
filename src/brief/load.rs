//! Reading a brief: bytes to JSON to a validated [`Brief`].
//!
//! Every fault is reported with its JSON path; semantic checks collect all
//! faults rather than stopping at the first, so a hand-edited file can be
//! fixed in one go. Nothing here panics on any input.

use std::path::Path;

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::anchor::{
    Anchor, ParagraphIndex, Quote, SEARCH_BUDGET_BYTES, SearchBudget, anchor_quote_indexed,
};
use super::geometry::{geometry_from_geojson, ring_crossing, ring_side_across_the_antimeridian};
use super::model::{LinkEntry, mention_key};
use super::read::{TextError, read_bounded, text_from_bytes};
use super::skim::Skim;
use super::{
    Brief, BriefDoc, BriefError, FORMAT, Link, LinkId, LoadError, Place, PlaceDoc, PlaceId,
    Selector,
};

/// Larger files are refused by their size, before they are read. A book of
/// 10 MB with 10,000 places and their links is about 30 MB of JSON.
pub const MAX_BRIEF_BYTES: usize = 64 * 1024 * 1024;

/// An article's paragraphs, at most (a 10 MB book has about 100,000).
pub const MAX_PARAGRAPHS: usize = 1_000_000;

/// A place name's length in characters, at most: the longest real names
/// are under 200, and the place list and labels must stay usable.
pub const MAX_NAME_CHARS: usize = 1_000;

/// Positions in one place's area, at most (all its rings together). A
/// country outline at 1:10m has under 20,000; the map simplifies by zoom.
pub const MAX_POSITIONS_PER_PLACE: usize = 100_000;

/// JSON nested deeper than this is refused: serde_json's own limit, which
/// keeps parsing from exhausting the stack. It counts down from 128 and
/// refuses the array or object that reaches 0, so 127 levels open and the
/// 128th is refused.
pub const MAX_JSON_DEPTH: usize = 127;

/// Reads and validates a brief file; the error names the file. Its metadata
/// is looked at first (a pipe or a folder is refused, a file over the limit
/// is refused by its size), then at most [`MAX_BRIEF_BYTES`] are read.
pub fn parse_brief_file(path: &Path) -> Result<Brief, LoadError> {
    let to_load_error = |errors| LoadError {
        file: path.to_path_buf(),
        errors,
    };
    let bytes = read_bounded(path, MAX_BRIEF_BYTES as u64)
        .map_err(|e| to_load_error(vec![BriefError::Read(e)]))?;
    parse_brief(&bytes).map_err(to_load_error)
}

/// Parses and validates a brief from its bytes (UTF-8, with or without a
/// byte-order mark, or UTF-16 with one).
pub fn parse_brief(bytes: &[u8]) -> Result<Brief, Vec<BriefError>> {
    if bytes.len() > MAX_BRIEF_BYTES {
        return Err(vec![BriefError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BRIEF_BYTES,
        }]);
    }
    let text = text_from_bytes(bytes).map_err(|e| {
        vec![match e {
            TextError::NotUtf8 { offset } => BriefError::NotUtf8 { offset },
            other => BriefError::Text(other),
        }]
    })?;
    let doc = parse_doc(&text)?;
    Brief::from_doc(doc)
}

fn parse_doc(text: &str) -> Result<BriefDoc, Vec<BriefError>> {
    if let Ok(skim) = serde_json::from_str::<Skim>(text) {
        if let Some(format) = skim.format
            && format.as_str() != Some(FORMAT)
        {
            return Err(vec![BriefError::UnsupportedFormat {
                found: format.to_string().trim_matches('"').to_string(),
            }]);
        }
        let too_many: Vec<BriefError> = skim
            .places
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, p.geometry.as_ref()?.coordinates.0)))
            .filter(|&(_, count)| count > MAX_POSITIONS_PER_PLACE)
            .map(|(i, count)| BriefError::TooManyPositions {
                at: format!("places[{i}].geometry.coordinates"),
                count,
                limit: MAX_POSITIONS_PER_PLACE,
            })
            .collect();
        if !too_many.is_empty() {
            return Err(too_many);
        }
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| vec![json_error(e)])
}

/// A parse error with its JSON path, line and column, worded for a reader.
fn json_error(e: serde_path_to_error::Error<serde_json::Error>) -> BriefError {
    let at = e.path().to_string();
    let inner = e.into_inner();
    let message = inner.to_string();
    let message = message.split(" at line ").next().unwrap_or("");
    BriefError::Json {
        at: if at == "." { "(top level)".into() } else { at },
        line: inner.line(),
        column: inner.column(),
        message: if message == "recursion limit exceeded" {
            format!("the JSON is nested more than {MAX_JSON_DEPTH} levels deep")
        } else if let Some(found) = message.strip_suffix(", expected struct BriefDoc") {
            format!(
                "{found}, expected a brief (a JSON object with \"format\", \"article\", \
                     \"places\" and \"links\")"
            )
        } else {
            message.to_string()
        },
    }
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
        if doc.article.paragraphs.len() > MAX_PARAGRAPHS {
            // Anchoring links in a text this long is not attempted.
            return Err(vec![BriefError::TooManyParagraphs {
                count: doc.article.paragraphs.len(),
                limit: MAX_PARAGRAPHS,
            }]);
        }
        let mut warnings = Vec::new();
        let places = places_from_docs(doc.places, &mut errors, &mut warnings);
        let mut links = links_with_ids(doc.links, &mut errors);
        let mut index = ParagraphIndex::new(&doc.article.paragraphs);
        let mut budget = SearchBudget::default();
        let mut unsearched = 0;
        for (i, entry) in links.values_mut().enumerate() {
            let mut context = AnchorContext {
                index: &mut index,
                budget: &mut budget,
                places: &places,
                errors: &mut errors,
                warnings: &mut warnings,
                unsearched: &mut unsearched,
            };
            entry.anchor = anchor_link_in(&entry.link, i, &mut context);
        }
        if unsearched > 0 {
            warnings.push(format!(
                "{unsearched} links are not at their place in the text and were not searched \
                 for (too many links had moved, {} MiB of text was searched already); they \
                 are kept but not shown",
                SEARCH_BUDGET_BYTES / (1024 * 1024)
            ));
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

fn places_from_docs(
    docs: Vec<PlaceDoc>,
    errors: &mut Vec<BriefError>,
    warnings: &mut Vec<String>,
) -> IndexMap<PlaceId, Place> {
    let mut places = IndexMap::with_capacity(docs.len());
    for (i, doc) in docs.into_iter().enumerate() {
        let at = format!("places[{i}]");
        if doc.id.is_blank() {
            errors.push(BriefError::EmptyPlaceId {
                at: format!("{at}.id"),
            });
            continue;
        }
        let name_chars = doc.name.chars().count();
        if name_chars > MAX_NAME_CHARS {
            errors.push(BriefError::NameTooLong {
                at: format!("{at}.name"),
                chars: name_chars,
                limit: MAX_NAME_CHARS,
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
            warn_of_odd_rings(&geometry, &at, warnings);
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

/// A ring that crosses itself is drawn, but its inside is ambiguous; one
/// with a side across the 180th meridian is drawn round the world: say so.
fn warn_of_odd_rings(geometry: &geo_types::Geometry<f64>, at: &str, warnings: &mut Vec<String>) {
    let geo_types::Geometry::Polygon(polygon) = geometry else {
        return;
    };
    let rings = std::iter::once(polygon.exterior()).chain(polygon.interiors());
    for (r, ring) in rings.enumerate() {
        if let Some((a, b)) = ring_crossing(&ring.0) {
            warnings.push(format!(
                "{at}.geometry.coordinates[{r}]: the ring crosses itself (the sides from \
                 positions {a} and {b}); the area may be drawn oddly"
            ));
        }
        if let Some((side, span)) = ring_side_across_the_antimeridian(&ring.0) {
            warnings.push(format!(
                "{at}.geometry.coordinates[{r}]: the side from position {side} spans {span:.0}° \
                 of longitude, so GeoJSON takes it the long way round and the area is drawn as \
                 a band round the world; an area across the 180° meridian must be cut in two \
                 there (RFC 7946, 3.1.9)"
            ));
        }
    }
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

/// Where a link's words are, for a link on its own (an edit adding it).
pub(super) fn anchor_link(
    link: &Link,
    i: usize,
    paragraphs: &[String],
    places: &IndexMap<PlaceId, Place>,
    errors: &mut Vec<BriefError>,
    warnings: &mut Vec<String>,
) -> Option<Anchor> {
    let mut context = AnchorContext {
        index: &mut ParagraphIndex::new(paragraphs),
        budget: &mut SearchBudget::default(),
        places,
        errors,
        warnings,
        unsearched: &mut 0,
    };
    anchor_link_in(link, i, &mut context)
}

/// What anchoring the links of one load shares.
struct AnchorContext<'a, 'p> {
    index: &'a mut ParagraphIndex<'p>,
    budget: &'a mut SearchBudget,
    places: &'a IndexMap<PlaceId, Place>,
    errors: &'a mut Vec<BriefError>,
    warnings: &'a mut Vec<String>,
    /// Links left unanchored because the search budget was spent.
    unsearched: &'a mut usize,
}

/// Where a link's words are. Faults of the link itself are errors; words
/// that moved or are gone are warnings (the link is kept either way).
fn anchor_link_in(link: &Link, i: usize, cx: &mut AnchorContext) -> Option<Anchor> {
    let at = || format!("links[{i}]");
    let known_place = cx.places.contains_key(link.place.as_str());
    if !known_place {
        cx.errors.push(BriefError::UnknownPlace {
            id: link.place.to_string(),
            at: format!("{}.place", at()),
        });
    }
    let paragraph = link.target.paragraph;
    let Some(text) = cx.index.paragraphs().get(paragraph) else {
        cx.errors.push(BriefError::ParagraphOutOfRange {
            at: format!("{}.target.paragraph", at()),
            paragraph,
            count: cx.index.paragraphs().len(),
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
                quote = Some(Quote {
                    exact,
                    prefix,
                    suffix,
                });
            }
            Selector::TextQuoteSelector { .. } => {}
            Selector::TextPositionSelector { start, end } => {
                let offsets = cx.index.get(paragraph);
                let len = offsets.char_count();
                if start > end || *end > len {
                    cx.errors.push(BriefError::PositionOutOfRange {
                        at: format!("{}.target.selector[{s}]", at()),
                        start: *start,
                        end: *end,
                        len,
                    });
                } else if offsets.byte_from_char(text, *end).is_some() {
                    position = Some(*start..*end);
                }
            }
        }
    }
    let Some(quote) = quote else {
        cx.errors.push(BriefError::MissingQuote {
            at: format!("{}.target.selector", at()),
        });
        return None;
    };
    if !known_place {
        return None;
    }
    let anchor = anchor_quote_indexed(cx.index, cx.budget, &quote, paragraph, position);
    let exact = quote.exact;
    match &anchor {
        // Paragraphs are named as the file numbers them (from 0).
        Some(a) if a.quality == super::AnchorQuality::Moved && a.paragraph == paragraph => {
            cx.warnings.push(format!(
                "{}: the text changed; \"{exact}\" was found again elsewhere in its paragraph",
                at()
            ))
        }
        Some(a) if a.quality == super::AnchorQuality::Moved => cx.warnings.push(format!(
            "{}: the text changed; \"{exact}\" was found again in article.paragraphs[{}]",
            at(),
            a.paragraph
        )),
        Some(_) => {}
        // Said once for all of them, after the last link.
        None if cx.budget.is_spent() => *cx.unsearched += 1,
        None => cx.warnings.push(format!(
            "{}: \"{exact}\" no longer appears in the article; the link is kept but not shown",
            at()
        )),
    }
    anchor
}
