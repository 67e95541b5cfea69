//! The validated brief the app works with. Places and links are kept by id in
//! document order; each link carries its anchor (where its words are), and two
//! indexes list the anchored links of each paragraph and of each place in text
//! order. Edits (see `edit`) change one place or one link and update only the
//! entries they touch; version numbers tell caches what changed.

use std::collections::HashMap;
use std::ops::Range;

use geo_types::Geometry;
use indexmap::IndexMap;
use serde_json::{Map, Value};

use super::anchor::Anchor;
use super::geometry::geojson_from_geometry;
use super::{
    AnchorQuality, Article, ArticleId, BriefDoc, DEFAULT_BRIEF_JSON, LinkId, PlaceDoc, PlaceId,
    PlaceKind, Source, parse_brief,
};

/// A place of the story, with its geometry checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: PlaceId,
    pub name: String,
    pub kind: PlaceKind,
    /// A `Point` or a `Polygon`, x = longitude, y = latitude.
    pub geometry: Geometry<f64>,
    pub approximate: bool,
    pub note: String,
    pub sources: Vec<Source>,
    /// Fields this version does not know (and `x-` records such as
    /// `x-geoparse`), kept as they are.
    pub extra: Map<String, Value>,
}

impl Place {
    /// The point a marker or label sits on: the point itself, or the centre of
    /// an area's bounding box.
    pub fn anchor_lon_lat(&self) -> (f64, f64) {
        match &self.geometry {
            Geometry::Point(p) => (p.x(), p.y()),
            Geometry::Polygon(poly) => ring_center(poly.exterior()),
            _ => (0.0, 0.0),
        }
    }

    pub fn is_area(&self) -> bool {
        matches!(self.geometry, Geometry::Polygon(_))
    }

    pub(super) fn to_doc(&self) -> PlaceDoc {
        PlaceDoc {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind,
            geometry: geojson_from_geometry(&self.geometry),
            approximate: self.approximate,
            note: self.note.clone(),
            sources: self.sources.clone(),
            extra: self.extra.clone(),
        }
    }
}

fn ring_center(ring: &geo_types::LineString<f64>) -> (f64, f64) {
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for c in ring.coords() {
        min_x = min_x.min(c.x);
        max_x = max_x.max(c.x);
        min_y = min_y.min(c.y);
        max_y = max_y.max(c.y);
    }
    ((min_x + max_x) / 2.0, (min_y + max_y) / 2.0)
}

/// A link as the brief keeps it: the link itself and where its words are
/// (`None` when they are gone from the text: kept, reported, not shown).
#[derive(Clone, Debug)]
pub(super) struct LinkEntry {
    pub link: super::Link,
    pub anchor: Option<Anchor>,
}

/// One anchored link: a span of a paragraph that speaks of a place.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub link: LinkId,
    pub place: PlaceId,
    pub paragraph: usize,
    /// Byte range within the paragraph.
    pub bytes: Range<usize>,
    pub quality: AnchorQuality,
}

/// An article of the story as the brief keeps it: what the file says of it
/// (title, byline, dateline, date, address, unknown fields; its paragraphs
/// are kept with all the story's, in `Brief::paragraphs`), and where its
/// paragraphs are among them.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryArticle {
    pub id: ArticleId,
    /// The article's fields; `paragraphs` is empty here.
    pub info: Article,
    /// Its paragraphs' positions in `Brief::paragraphs`.
    pub paragraphs: Range<usize>,
}

impl StoryArticle {
    /// The page of the source document the article's paragraph `k` starts
    /// on, where it has a page for each paragraph (a PDF's).
    pub fn page_of(&self, k: usize) -> Option<u32> {
        let pages = self.info.pages.as_ref()?;
        (pages.len() == self.paragraphs.len()).then(|| pages.get(k).copied())?
    }
}

#[derive(Clone, Debug)]
pub struct Brief {
    /// The story's own title (`geobrief/2`), if it has one.
    pub(super) title: Option<String>,
    /// Whether it is saved as a story (`geobrief/2`) even with one article.
    pub(super) story: bool,
    pub(super) articles: Vec<StoryArticle>,
    /// Every article's paragraphs, one after another: a mention's
    /// paragraph is a position in this list.
    pub(super) paragraphs: Vec<String>,
    pub(super) places: IndexMap<PlaceId, Place>,
    pub(super) links: IndexMap<LinkId, LinkEntry>,
    /// Top-level fields this version does not know.
    pub(super) extra: Map<String, Value>,
    /// Anchored links of each paragraph, in text order.
    pub(super) by_paragraph: Vec<Vec<LinkId>>,
    /// Anchored links of each place, in text order.
    pub(super) by_place: HashMap<PlaceId, Vec<LinkId>>,
    /// Links whose words are not in the text (few: reported at load).
    pub(super) unanchored: Vec<LinkId>,
    /// Bumped when a paragraph's links change, and per place when it does.
    pub(super) paragraph_versions: Vec<u64>,
    pub(super) place_versions: HashMap<PlaceId, u64>,
    /// The version of the last change to any place, and to any link.
    pub(super) places_changed: u64,
    pub(super) links_changed: u64,
    pub(super) articles_changed: u64,
    pub(super) next_version: u64,
    /// Links that moved or could not be found when the brief was loaded.
    pub warnings: Vec<String>,
}

impl Brief {
    pub fn default_brief() -> Self {
        // The embedded brief is checked by a test; failing here is a build bug.
        #[allow(clippy::expect_used)]
        parse_brief(DEFAULT_BRIEF_JSON.as_bytes()).expect("the embedded default brief is valid")
    }

    /// Every paragraph of the story, article after article.
    pub fn paragraphs(&self) -> &[String] {
        &self.paragraphs
    }

    // --- articles -------------------------------------------------------

    /// The story's title: its own, or its first article's.
    pub fn title(&self) -> &str {
        self.title
            .as_deref()
            .or_else(|| self.articles.first().map(|a| a.info.title.as_str()))
            .unwrap_or("")
    }

    /// Whether it is a story (saved as `geobrief/2`).
    pub fn is_story(&self) -> bool {
        self.story || self.articles.len() > 1
    }

    /// The articles, in the story's order.
    pub fn articles(&self) -> &[StoryArticle] {
        &self.articles
    }

    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    pub fn article(&self, id: &str) -> Option<&StoryArticle> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn article_position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// The first article (every brief has one).
    pub fn first_article(&self) -> &StoryArticle {
        &self.articles[0]
    }

    /// An article as the file writes it: its fields and its paragraphs.
    pub fn article_doc(&self, article: &StoryArticle) -> Article {
        Article {
            paragraphs: self.paragraphs[article.paragraphs.clone()].to_vec(),
            ..article.info.clone()
        }
    }

    /// The article a paragraph (a position in `paragraphs()`) belongs to.
    pub fn article_of_paragraph(&self, paragraph: usize) -> Option<&StoryArticle> {
        let i = self
            .articles
            .partition_point(|a| a.paragraphs.end <= paragraph);
        self.articles
            .get(i)
            .filter(|a| a.paragraphs.contains(&paragraph))
    }

    /// A link's target for words of paragraph `paragraph` (a position in
    /// `paragraphs()`): its article, and the paragraph counted within it.
    pub fn target_at(
        &self,
        paragraph: usize,
        selector: Vec<super::Selector>,
    ) -> Option<super::Target> {
        let article = self.article_of_paragraph(paragraph)?;
        Some(super::Target {
            article: Some(article.id.clone()),
            paragraph: paragraph - article.paragraphs.start,
            selector,
        })
    }

    /// An id for a new article, not used by any.
    pub fn fresh_article_id(&self) -> ArticleId {
        let mut n = self.articles.len() + 1;
        loop {
            let id = format!("a{n}");
            if self.article(&id).is_none() {
                return ArticleId::new(id);
            }
            n += 1;
        }
    }

    // --- places ---------------------------------------------------------

    pub fn places(&self) -> impl ExactSizeIterator<Item = &Place> + DoubleEndedIterator {
        self.places.values()
    }

    pub fn place_count(&self) -> usize {
        self.places.len()
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.get(id)
    }

    /// The place at a position of the list (for walking it with the keys).
    pub fn place_at(&self, index: usize) -> Option<&Place> {
        self.places.get_index(index).map(|(_, p)| p)
    }

    pub fn place_position(&self, id: &str) -> Option<usize> {
        self.places.get_index_of(id)
    }

    /// Changes whenever the place does; caches of its shapes key on it.
    pub fn place_version(&self, id: &str) -> u64 {
        self.place_versions.get(id).copied().unwrap_or(0)
    }

    /// Changes whenever any place is added, removed or changed.
    pub fn places_version(&self) -> u64 {
        self.places_changed
    }

    /// Changes whenever any link is added, removed or changed.
    pub fn links_version(&self) -> u64 {
        self.links_changed
    }

    /// An id for a new place named `name`, not used by any place.
    pub fn fresh_place_id(&self, name: &str) -> PlaceId {
        PlaceId::new(super::slug_id(name, |id| self.places.contains_key(id)))
    }

    // --- links and mentions ---------------------------------------------

    pub fn link_count(&self) -> usize {
        self.links.len()
    }

    pub fn link(&self, id: &str) -> Option<&super::Link> {
        self.links.get(id).map(|e| &e.link)
    }

    pub fn links(&self) -> impl ExactSizeIterator<Item = &super::Link> {
        self.links.values().map(|e| &e.link)
    }

    pub fn link_position(&self, id: &str) -> Option<usize> {
        self.links.get_index_of(id)
    }

    /// An id for a new link: `l` and the next free number.
    pub fn fresh_link_id(&self) -> LinkId {
        let mut n = self.links.len() + 1;
        loop {
            let id = format!("l{n}");
            if !self.links.contains_key(id.as_str()) {
                return LinkId::new(id);
            }
            n += 1;
        }
    }

    /// The mention a link makes, if its words are in the text.
    pub fn mention(&self, link: &str) -> Option<Mention> {
        let entry = self.links.get(link)?;
        let anchor = entry.anchor.as_ref()?;
        Some(Mention {
            link: entry.link.id.clone(),
            place: entry.link.place.clone(),
            paragraph: anchor.paragraph,
            bytes: anchor.bytes.clone(),
            quality: anchor.quality,
        })
    }

    /// The anchored links of one place, in text order.
    pub fn mentions_of(&self, place: &str) -> &[LinkId] {
        self.by_place.get(place).map_or(&[], Vec::as_slice)
    }

    /// The anchored links of one paragraph, in text order.
    pub fn mentions_in(&self, paragraph: usize) -> &[LinkId] {
        self.by_paragraph.get(paragraph).map_or(&[], Vec::as_slice)
    }

    /// Every mention, in text order.
    pub fn mentions(&self) -> impl Iterator<Item = Mention> + '_ {
        self.by_paragraph
            .iter()
            .flatten()
            .filter_map(|id| self.mention(id))
    }

    pub fn mention_count(&self) -> usize {
        self.by_paragraph.iter().map(Vec::len).sum()
    }

    /// The words of a mention ("" if the link has none in the text).
    pub fn mention_text(&self, link: &str) -> &str {
        self.links
            .get(link)
            .and_then(|e| {
                let a = e.anchor.as_ref()?;
                self.paragraphs.get(a.paragraph)?.get(a.bytes.clone())
            })
            .unwrap_or("")
    }

    /// Changes whenever the paragraph's links do; its display runs key on it.
    pub fn paragraph_version(&self, paragraph: usize) -> u64 {
        self.paragraph_versions.get(paragraph).copied().unwrap_or(0)
    }

    // --- the file ---------------------------------------------------------

    /// The document as it is written to disk: `geobrief/1` for a brief of
    /// one article (so older readers open it), `geobrief/2` for a story.
    pub fn to_doc(&self) -> BriefDoc {
        let articles: Vec<Article> = self
            .articles
            .iter()
            .map(|a| Article {
                paragraphs: self.paragraphs[a.paragraphs.clone()].to_vec(),
                ..a.info.clone()
            })
            .collect();
        let places = self.places.values().map(Place::to_doc).collect();
        let links = self.links.values().map(|e| e.link.clone());
        if self.is_story() {
            BriefDoc {
                format: super::STORY_FORMAT.to_string(),
                article: None,
                title: self.title.clone(),
                articles: articles
                    .into_iter()
                    .zip(&self.articles)
                    .map(|(article, a)| Article {
                        id: a.id.clone(),
                        ..article
                    })
                    .collect(),
                places,
                links: links.collect(),
                extra: self.extra.clone(),
            }
        } else {
            BriefDoc {
                format: super::FORMAT.to_string(),
                article: articles.into_iter().next().map(|a| Article {
                    id: ArticleId::default(),
                    ..a
                }),
                title: None,
                articles: Vec::new(),
                places,
                links: links
                    .map(|mut l| {
                        l.target.article = None;
                        l
                    })
                    .collect(),
                extra: self.extra.clone(),
            }
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_doc()).unwrap_or_default()
    }

    // --- index upkeep, for loading and edits ----------------------------

    pub(super) fn bump_paragraph(&mut self, paragraph: usize) {
        self.next_version += 1;
        self.links_changed = self.next_version;
        if let Some(v) = self.paragraph_versions.get_mut(paragraph) {
            *v = self.next_version;
        }
    }

    pub(super) fn bump_place(&mut self, place: &PlaceId) {
        self.next_version += 1;
        self.places_changed = self.next_version;
        self.place_versions.insert(place.clone(), self.next_version);
    }

    /// Puts an anchored link into both indexes, in text order.
    pub(super) fn index_link(&mut self, id: &LinkId) {
        let Some(entry) = self.links.get(id.as_str()) else {
            return;
        };
        let Some(anchor) = &entry.anchor else {
            self.unanchored.push(id.clone());
            self.next_version += 1;
            self.links_changed = self.next_version;
            return;
        };
        let paragraph = anchor.paragraph;
        let place = entry.link.place.clone();
        let key = |links: &IndexMap<LinkId, LinkEntry>, l: &LinkId| mention_key(links, l);
        let mine = key(&self.links, id);
        if let Some(list) = self.by_paragraph.get_mut(paragraph) {
            let at = list.partition_point(|l| key(&self.links, l) < mine);
            list.insert(at, id.clone());
        }
        let list = self.by_place.entry(place).or_default();
        let at = list.partition_point(|l| key(&self.links, l) < mine);
        list.insert(at, id.clone());
        self.bump_paragraph(paragraph);
    }

    /// Takes a link out of both indexes (before it is removed or changed).
    pub(super) fn unindex_link(&mut self, id: &LinkId) {
        let Some(entry) = self.links.get(id.as_str()) else {
            return;
        };
        let Some(anchor) = &entry.anchor else {
            self.unanchored.retain(|l| l != id);
            self.next_version += 1;
            self.links_changed = self.next_version;
            return;
        };
        let paragraph = anchor.paragraph;
        let place = entry.link.place.clone();
        if let Some(list) = self.by_paragraph.get_mut(paragraph) {
            list.retain(|l| l != id);
        }
        if let Some(list) = self.by_place.get_mut(&place) {
            list.retain(|l| l != id);
            if list.is_empty() {
                self.by_place.remove(&place);
            }
        }
        self.bump_paragraph(paragraph);
    }
}

/// Text order: paragraph, start, end, then the links' order in the file
/// ("both facilities" speaks of Tartus, then of Hmeimim).
pub(super) fn mention_key(
    links: &IndexMap<LinkId, LinkEntry>,
    id: &LinkId,
) -> (usize, usize, usize, usize) {
    match links.get_full(id.as_str()) {
        Some((
            i,
            _,
            LinkEntry {
                anchor: Some(a), ..
            },
        )) => (a.paragraph, a.bytes.start, a.bytes.end, i),
        _ => (usize::MAX, 0, 0, 0),
    }
}
