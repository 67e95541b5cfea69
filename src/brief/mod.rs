//! The brief: one article, its places and the links between them.
//!
//! This module holds the file format (`geobrief/1`, documented in
//! `docs/brief-format.md`) as serde types that round-trip unknown fields, and the
//! validated [`Brief`] the app works with: geometry as `geo-types`, every link
//! anchored to a span of a paragraph. Loading lives in [`load`], anchoring of
//! text-quote selectors in [`anchor`]. Nothing here knows about egui.
//!
//! Coordinates follow GeoJSON: x = longitude, y = latitude, in degrees (WGS 84).

pub mod anchor;
pub mod edit;
mod error;
mod load;
pub mod passages;
pub mod save;

pub use anchor::{Anchor, AnchorQuality};
pub use error::{BriefError, LoadError};
pub(crate) use load::validate;
pub use load::{MAX_BRIEF_BYTES, parse_brief, parse_brief_file};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The format tag this version of Geobrief reads and writes.
pub const FORMAT: &str = "geobrief/1";

/// The embedded default brief, shown when the app starts.
pub const DEFAULT_BRIEF_JSON: &str = include_str!("../../assets/default_brief.json");

/// A brief file as it is written on disk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BriefDoc {
    pub format: String,
    pub article: Article,
    #[serde(default)]
    pub places: Vec<PlaceDoc>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// Fields this version does not know, kept so a save does not lose them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub paragraphs: Vec<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
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
    pub fn label(self) -> &'static str {
        match self {
            Self::NavalBase => "naval facility",
            Self::AirBase => "air base",
            Self::Capital => "capital city",
            Self::City => "city",
            Self::Country => "country",
            Self::Region => "region",
            Self::Area => "area",
            Self::Sea => "sea",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceDoc {
    pub id: String,
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

/// A link from a place to a passage of the article, in the manner of a W3C Web
/// Annotation: the body is the place, the target a span of one paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub place: String,
    pub target: Target,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Index into `article.paragraphs`, from 0.
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

/// A validated brief: the document plus everything derived from it.
#[derive(Clone, Debug)]
pub struct Brief {
    pub doc: BriefDoc,
    pub places: Vec<Place>,
    /// Every link that could be anchored, in text order.
    pub mentions: Vec<Mention>,
    /// Links that moved or could not be found; kept in `doc`, reported here.
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    pub geometry: geo_types::Geometry<f64>,
    pub approximate: bool,
    pub note: String,
}

impl Place {
    /// The point a marker or label sits on: the point itself, or the centre of
    /// an area's bounding box.
    pub fn anchor_lon_lat(&self) -> (f64, f64) {
        match &self.geometry {
            geo_types::Geometry::Point(p) => (p.x(), p.y()),
            geo_types::Geometry::Polygon(poly) => ring_center(poly.exterior()),
            _ => (0.0, 0.0),
        }
    }

    pub fn is_area(&self) -> bool {
        matches!(self.geometry, geo_types::Geometry::Polygon(_))
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

/// One anchored link: a span of a paragraph that speaks of a place.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Index into [`Brief::places`].
    pub place: usize,
    /// Index into `doc.links`.
    pub link: usize,
    pub paragraph: usize,
    /// Byte range within the paragraph.
    pub bytes: std::ops::Range<usize>,
    pub quality: AnchorQuality,
}

impl Brief {
    pub fn default_brief() -> Self {
        // The embedded brief is checked by a test; failing here is a build bug.
        #[allow(clippy::expect_used)]
        parse_brief(DEFAULT_BRIEF_JSON.as_bytes()).expect("the embedded default brief is valid")
    }

    pub fn place_index(&self, id: &str) -> Option<usize> {
        self.places.iter().position(|p| p.id == id)
    }

    /// The mentions of one place, in text order.
    pub fn mentions_of(&self, place: usize) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.place == place)
    }

    /// The text of a mention.
    pub fn mention_text(&self, mention: &Mention) -> &str {
        self.doc.article.paragraphs[mention.paragraph]
            .get(mention.bytes.clone())
            .unwrap_or("")
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.doc).unwrap_or_default()
    }
}
