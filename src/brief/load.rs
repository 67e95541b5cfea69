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
use super::model::StoryArticle;
use super::model::{LinkEntry, mention_key};
use super::read::{TextError, read_bounded, text_from_bytes};
use super::skim::Skim;
use super::{
    Article, ArticleId, Brief, BriefDoc, BriefError, FIRST_ARTICLE_ID, FORMAT, Link, LinkId,
    LoadError, Place, PlaceDoc, PlaceId, STORY_FORMAT, Selector,
};

/// Larger briefs are refused by their size, before they are read. A book of
/// 10 MB with 10,000 places and their links is about 30 MB of JSON; a story
/// of 10,000 news articles (20 MB of text, 90,000 links) about 70 MB.
pub const MAX_BRIEF_BYTES: usize = 256 * 1024 * 1024;

/// Larger texts, web pages and archives are refused by their size, before
/// they are read: a 64 MiB text is some 30 books.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

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
            && format.as_str() != Some(STORY_FORMAT)
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
                "{found}, expected a brief (a JSON object with \"format\", \"article\" \
                     or \"articles\", \"places\" and \"links\")"
            )
        } else {
            message.to_string()
        },
    }
}

impl Brief {
    /// Checks a parsed document and builds the brief: every fault is
    /// collected (with its JSON path), links without ids get one. A
    /// `geobrief/1` brief becomes a story of one article, `a1`.
    pub fn from_doc(doc: BriefDoc) -> Result<Brief, Vec<BriefError>> {
        let mut errors = Vec::new();
        let BriefDoc {
            format,
            article,
            title,
            articles,
            places,
            links,
            extra,
        } = doc;
        let story = format == STORY_FORMAT;
        // Each article with its id and the JSON path it is read at.
        let articles: Vec<(ArticleId, Article, String)> = if format == FORMAT {
            match article {
                Some(a) => vec![(ArticleId::new(FIRST_ARTICLE_ID), a, "article".to_string())],
                None => {
                    return Err(vec![BriefError::MissingField {
                        at: "(top level)".into(),
                        format: FORMAT,
                        what: "an \"article\"",
                    }]);
                }
            }
        } else if story {
            story_articles(articles, &mut errors)
        } else {
            return Err(vec![BriefError::UnsupportedFormat { found: format }]);
        };
        if story && articles.is_empty() && errors.is_empty() {
            errors.push(BriefError::MissingField {
                at: "articles".into(),
                format: STORY_FORMAT,
                what: "at least one article in \"articles\"",
            });
        }
        let total: usize = articles.iter().map(|(_, a, _)| a.paragraphs.len()).sum();
        if total > MAX_PARAGRAPHS {
            // Anchoring links in a text this long is not attempted.
            return Err(vec![BriefError::TooManyParagraphs {
                count: total,
                limit: MAX_PARAGRAPHS,
            }]);
        }
        let mut paragraphs: Vec<String> = Vec::with_capacity(total);
        let mut kept: Vec<StoryArticle> = Vec::with_capacity(articles.len());
        for (id, mut article, at) in articles {
            if article.paragraphs.is_empty() {
                errors.push(BriefError::NoParagraphs {
                    at: format!("{at}.paragraphs"),
                });
            }
            let start = paragraphs.len();
            paragraphs.append(&mut article.paragraphs);
            article.id = ArticleId::default();
            kept.push(StoryArticle {
                id,
                info: article,
                paragraphs: start..paragraphs.len(),
            });
        }
        let mut warnings = Vec::new();
        let places = places_from_docs(places, &mut errors, &mut warnings);
        let mut links = links_with_ids(links, &mut errors);
        anchor_links(
            &mut links,
            &kept,
            &paragraphs,
            &places,
            story,
            &mut errors,
            &mut warnings,
        );
        if !errors.is_empty() {
            return Err(errors);
        }
        let paragraph_count = paragraphs.len();
        let mut brief = Brief {
            title,
            story,
            articles: kept,
            paragraphs,
            places,
            links,
            extra,
            by_paragraph: vec![Vec::new(); paragraph_count],
            by_place: HashMap::new(),
            unanchored: Vec::new(),
            paragraph_versions: vec![0; paragraph_count],
            place_versions: HashMap::new(),
            places_changed: 0,
            links_changed: 0,
            articles_changed: 0,
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
        let paragraphs = std::mem::take(&mut article.paragraphs);
        let n = paragraphs.len();
        let id = if article.id.is_blank() {
            ArticleId::new(FIRST_ARTICLE_ID)
        } else {
            std::mem::take(&mut article.id)
        };
        Brief {
            title: None,
            story: false,
            articles: vec![StoryArticle {
                id,
                info: article,
                paragraphs: 0..n,
            }],
            paragraphs,
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
            articles_changed: 0,
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

/// A story's articles with their ids and JSON paths; an article without an
/// id, or with one used before, is a fault.
fn story_articles(
    articles: Vec<Article>,
    errors: &mut Vec<BriefError>,
) -> Vec<(ArticleId, Article, String)> {
    let mut seen: HashSet<ArticleId> = HashSet::with_capacity(articles.len());
    let mut out = Vec::with_capacity(articles.len());
    for (i, article) in articles.into_iter().enumerate() {
        let at = format!("articles[{i}]");
        if article.id.is_blank() {
            errors.push(BriefError::EmptyArticleId {
                at: format!("{at}.id"),
            });
            continue;
        }
        if !seen.insert(article.id.clone()) {
            errors.push(BriefError::DuplicateArticleId {
                id: article.id.to_string(),
                at: format!("{at}.id"),
            });
            continue;
        }
        out.push((article.id.clone(), article, at));
    }
    out
}

/// Anchors every link in its article: each article's links against that
/// article's paragraphs alone (a moved quote is never looked for in
/// another article), then placed among all the story's paragraphs. A link
/// of a `geobrief/1` brief gets the one article's id.
fn anchor_links(
    links: &mut IndexMap<LinkId, LinkEntry>,
    articles: &[StoryArticle],
    paragraphs: &[String],
    places: &IndexMap<PlaceId, Place>,
    story: bool,
    errors: &mut Vec<BriefError>,
    warnings: &mut Vec<String>,
) {
    let position: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut of_article: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
    for (i, entry) in links.values_mut().enumerate() {
        let target = &mut entry.link.target;
        let article = match (&target.article, story) {
            (Some(id), _) => position.get(id.as_str()).copied(),
            (None, false) => Some(0),
            (None, true) => {
                errors.push(BriefError::MissingField {
                    at: format!("links[{i}].target"),
                    format: STORY_FORMAT,
                    what: "the \"article\" each link's words are in",
                });
                continue;
            }
        };
        match article {
            Some(a) if a < articles.len() => {
                target.article = Some(articles[a].id.clone());
                of_article[a].push(i);
            }
            _ => errors.push(BriefError::UnknownArticle {
                id: target
                    .article
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                at: format!("links[{i}].target.article"),
            }),
        }
    }
    let mut budget = SearchBudget::default();
    let mut unsearched = 0;
    for (article, link_indices) in articles.iter().zip(of_article) {
        if link_indices.is_empty() {
            continue;
        }
        let own = &paragraphs[article.paragraphs.clone()];
        let mut index = ParagraphIndex::new(own);
        for i in link_indices {
            let Some((_, entry)) = links.get_index_mut(i) else {
                continue;
            };
            let mut context = AnchorContext {
                index: &mut index,
                budget: &mut budget,
                places,
                errors,
                warnings,
                unsearched: &mut unsearched,
            };
            entry.anchor = anchor_link_in(&entry.link, i, &mut context).map(|mut a| {
                a.paragraph += article.paragraphs.start;
                a
            });
        }
    }
    if unsearched > 0 {
        warnings.push(format!(
            "{unsearched} links are not at their place in the text and were not searched \
             for (too many links had moved, {} MiB of text was searched already); they \
             are kept but not shown",
            SEARCH_BUDGET_BYTES / (1024 * 1024)
        ));
    }
}

/// A place from its file form, checked as a brief's places are.
pub fn place_from_doc(doc: PlaceDoc) -> Result<Place, Vec<BriefError>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let places = places_from_docs(vec![doc], &mut errors, &mut warnings);
    match places.into_values().next() {
        Some(place) if errors.is_empty() => Ok(place),
        _ => Err(errors),
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
