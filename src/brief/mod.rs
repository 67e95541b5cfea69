//! The brief: a story of one article or many, its places and the links
//! between them.
//!
//! This module holds the file format (`geobrief/1`, one article, and
//! `geobrief/2`, a story of many; documented in `docs/brief-format.md`) as
//! serde types that round-trip unknown fields, and the
//! validated [`Brief`] the app works with: places and links known by their ids,
//! geometry as `geo-types`, every link anchored to a span of a paragraph.
//! Loading lives in `load`, anchoring of text-quote selectors in [`anchor`],
//! changes in [`edit`] (each edit returns its inverse) and [`Document`] (the
//! undo history and the saved revision). Nothing here knows about egui or
//! place detection.
//!
//! Coordinates follow GeoJSON: x = longitude, y = latitude, in degrees (WGS 84).

pub mod anchor;
pub mod candidates;
mod document;
pub mod edit;
mod error;
mod geometry;
mod ids;
mod load;
mod model;
pub mod passages;
pub mod read;
pub mod save;
mod skim;
mod story;

pub use anchor::{Anchor, AnchorQuality, selectors_for_span};
pub use document::{Document, Step, Version};
pub use edit::{Edit, EditError, PlaceChange};
pub use error::{BriefError, LoadError};
pub use geometry::{check_geometry, ring_is_counter_clockwise, signed_area};
pub use ids::{ArticleId, FreshIds, LinkId, PlaceId, slug_id};
pub use load::{
    MAX_BRIEF_BYTES, MAX_JSON_DEPTH, MAX_NAME_CHARS, MAX_PARAGRAPHS, MAX_POSITIONS_PER_PLACE,
    MAX_TEXT_BYTES, parse_brief, parse_brief_file, place_from_doc,
};
pub use model::{Brief, Mention, Place, StoryArticle};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The format tag of a brief of one article, which this version still
/// writes for one, so older readers open it.
pub const FORMAT: &str = "geobrief/1";

/// The format tag of a story: a brief of many articles.
pub const STORY_FORMAT: &str = "geobrief/2";

/// The id the one article of a `geobrief/1` brief is known by.
pub const FIRST_ARTICLE_ID: &str = "a1";

/// The embedded default brief, shown when the app starts.
pub const DEFAULT_BRIEF_JSON: &str = include_str!("../../assets/default_brief.json");

/// A brief file as it is written on disk: `geobrief/1` has one `article`,
/// `geobrief/2` a `title` and `articles`, each with an `id`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BriefDoc {
    pub format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<Article>,
    /// The story's own title (`geobrief/2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Article>,
    #[serde(default)]
    pub places: Vec<PlaceDoc>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Fields this version does not know, kept so a save does not lose them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl BriefDoc {
    /// A `geobrief/1` document of one article, without places or links.
    pub fn of_article(article: Article) -> Self {
        Self {
            format: FORMAT.to_string(),
            article: Some(article),
            title: None,
            articles: Vec::new(),
            places: Vec::new(),
            links: Vec::new(),
            extra: Map::new(),
        }
    }

    /// The paragraphs of a `geobrief/1` document's article (none for a story).
    pub fn paragraphs(&self) -> &[String] {
        self.article
            .as_ref()
            .map_or(&[], |a| a.paragraphs.as_slice())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The article's id in a story (`geobrief/2`); none in `geobrief/1`.
    #[serde(default, skip_serializing_if = "ArticleId::is_blank")]
    pub id: ArticleId,
    pub title: String,
    /// Who wrote the title: `"publisher"` or `"editor"` (a title the brief's
    /// editor gave an article that had none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When it was published, ISO 8601 ("2025-01-28" or with a time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where it was published on the web.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who published it ("Reuters", "The Courier Herald").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The text is a feed's summary of the article, not the article (whose
    /// whole is at `url`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub summary_only: bool,
    pub paragraphs: Vec<String>,
    /// The page of the source document (a PDF) each paragraph starts on,
    /// from 1: one number a paragraph. Ignored when the counts differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<Vec<u32>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Article {
    /// The page of the source document paragraph `k` starts on, where the
    /// article has a page for each paragraph.
    pub fn page_of(&self, k: usize) -> Option<u32> {
        let pages = self.pages.as_ref()?;
        (pages.len() == self.paragraphs.len()).then(|| pages.get(k).copied())?
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    NavalBase,
    AirBase,
    Capital,
    City,
    Country,
    Region,
    Area,
    Sea,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 8] = [
        Self::City,
        Self::Capital,
        Self::NavalBase,
        Self::AirBase,
        Self::Area,
        Self::Region,
        Self::Country,
        Self::Sea,
    ];

    /// Drawn as a marker (a base, a capital, a town), not as a label, a
    /// tinted country or an outlined area.
    pub fn has_marker(self) -> bool {
        matches!(
            self,
            Self::NavalBase | Self::AirBase | Self::Capital | Self::City
        )
    }

    /// The kind a name's own words say ("Oconee River" is water, "Laurens
    /// County" a region, "Rocky Mountain National Park" an area); a town
    /// where they say nothing.
    pub fn from_words(name: &str) -> Self {
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let (first, last) = match (words.first(), words.last()) {
            (Some(f), Some(l)) => (f.as_str(), l.as_str()),
            _ => return Self::City,
        };
        let first = if first == "the" {
            words.get(1).map_or(first, String::as_str)
        } else {
            first
        };
        const WATER_LAST: &[&str] = &[
            "river",
            "creek",
            "lake",
            "sea",
            "gulf",
            "bay",
            "ocean",
            "strait",
            "straits",
            "canal",
            "reservoir",
            "sound",
            "lagoon",
            "harbor",
            "harbour",
            "brook",
            "stream",
        ];
        const WATER_FIRST: &[&str] = &["lake", "gulf", "bay", "sea", "strait", "river"];
        const REGION_LAST: &[&str] = &[
            "county",
            "province",
            "state",
            "region",
            "district",
            "governorate",
            "parish",
            "oblast",
            "prefecture",
            "valley",
            "territory",
        ];
        const AREA_LAST: &[&str] = &[
            "mountains",
            "mountain",
            "range",
            "hills",
            "island",
            "islands",
            "park",
            "forest",
            "desert",
            "peninsula",
            "plateau",
            "refuge",
            "preserve",
            "reserve",
            "swamp",
        ];
        const AREA_FIRST: &[&str] = &["mount", "mt", "isle", "cape"];
        if WATER_LAST.contains(&last) || WATER_FIRST.contains(&first) {
            Self::Sea
        } else if REGION_LAST.contains(&last) {
            Self::Region
        } else if AREA_LAST.contains(&last) || AREA_FIRST.contains(&first) {
            Self::Area
        } else {
            Self::City
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NavalBase => "naval facility",
            Self::AirBase => "air base",
            Self::Capital => "capital city",
            Self::City => "city or town",
            Self::Country => "country",
            Self::Region => "region",
            Self::Area => "area",
            Self::Sea => "water",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceDoc {
    pub id: PlaceId,
    pub name: String,
    pub kind: PlaceKind,
    pub geometry: geojson::Geometry,
    /// True when the geometry is a sketch (an area's extent, a region's centre).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where a place's coordinates or facts come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Source {
    /// The source as one line of an export: "title <url>", or the title.
    pub fn cited(&self) -> String {
        match &self.url {
            Some(url) => format!("{} <{url}>", self.title),
            None => self.title.clone(),
        }
    }
}

/// A link from a place to a passage of the article, in the manner of a W3C Web
/// Annotation: the body is the place, the target a span of one paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Briefs written before links had ids load without one; they are given
    /// `l1`, `l2`, … and saved with them.
    #[serde(default, skip_serializing_if = "LinkId::is_blank")]
    pub id: LinkId,
    pub place: PlaceId,
    pub target: Target,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The article of a story (`geobrief/2`) the words are in; none in `geobrief/1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<ArticleId>,
    /// Index into the article's paragraphs, from 0.
    pub paragraph: usize,
    pub selector: Vec<Selector>,
}

/// W3C Web Annotation selectors. Positions count Unicode code points within
/// the paragraph; `end` is exclusive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Selector {
    TextQuoteSelector {
        exact: String,
        #[serde(default)]
        prefix: String,
        #[serde(default)]
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

#[cfg(test)]
mod kind_tests {
    use super::PlaceKind;

    #[test]
    fn a_name_s_own_words_say_what_kind_of_place_it_is() {
        for (name, kind) in [
            ("Oconee River", PlaceKind::Sea),
            ("the Ocmulgee River", PlaceKind::Sea),
            ("Lake Lanier", PlaceKind::Sea),
            ("Kiser Lake", PlaceKind::Sea),
            ("Gulf of Mexico", PlaceKind::Sea),
            ("Laurens County", PlaceKind::Region),
            ("Rocky Mountain National Park", PlaceKind::Area),
            ("Mount Hood", PlaceKind::Area),
            ("Dublin", PlaceKind::City),
            ("Riverside", PlaceKind::City),
            ("", PlaceKind::City),
        ] {
            assert_eq!(PlaceKind::from_words(name), kind, "{name}");
        }
    }
}
