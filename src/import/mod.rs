//! Places from other files into a brief: a GeoJSON FeatureCollection (an
//! export of Geobrief, a layer saved from QGIS, a web map's data) and W3C
//! Web Annotations (Geobrief's own `.jsonld` export).
//!
//! An export of Geobrief imports back as the same places with the same
//! mentions: each feature carries its mentions' selectors, and the Web
//! Annotations beside a GeoJSON (same name, `.jsonld`) give them for a
//! GeoJSON that does not. A feature whose file says nothing of its mentions
//! is linked to every whole-word occurrence of its name that is not part of
//! a longer place name or of words linked already. A place the brief holds
//! already is not added twice: its new mentions are added to it ([`merge`]).

mod annotations;
mod features;
mod merge;
mod spots;

use std::ops::Range;
use std::path::Path;

use serde_json::Value;

use crate::brief::read::{read_bounded, text_from_bytes};
use crate::brief::{Brief, PlaceKind};
use crate::editing::{NewPlace, PlacesToAdd};

/// What an import adds, and what it left out with why.
#[derive(Debug, Default)]
pub struct Imported {
    pub places: PlacesToAdd,
    /// Features (or their mentions) left out, each with its reason.
    pub skipped: Vec<String>,
    /// What the import did besides adding: places merged with the brief's
    /// own, where the mentions came from.
    pub notes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read the file: {reason}")]
    Read { file: String, reason: String },
    #[error("{file}: not GeoJSON or Web Annotations: {reason}")]
    NotGeoJson { file: String, reason: String },
    #[error("{file}: expected a FeatureCollection or an AnnotationCollection (found {found})")]
    NotCollection { file: String, found: String },
}

impl ImportError {
    fn in_file(self, file: &str) -> Self {
        let file = file.to_string();
        match self {
            Self::NotGeoJson { reason, .. } => Self::NotGeoJson { file, reason },
            Self::NotCollection { found, .. } => Self::NotCollection { file, found },
            Self::Read { reason, .. } => Self::Read { file, reason },
        }
    }
}

/// Largest file read for places (a world of towns fits).
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// A place read from a file, before it meets the brief.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// Where the file has it, for messages: `features[3]`.
    pub at: String,
    pub place: NewPlace,
    pub wanted_id: Option<String>,
    pub geonames_id: Option<u64>,
    /// Its mentions as the file gives them; `None` when the file does not
    /// say, and its name is looked for in the text instead.
    pub quotes: Option<Vec<QuoteAt>>,
}

/// A mention as a file gives it: W3C selectors whose position counts code
/// points of the article text (paragraphs joined by a blank line).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct QuoteAt {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub position: Option<Range<usize>>,
    /// The article of a story the words are in: its id (a story's GeoJSON
    /// export names it beside each mention's selectors) or its IRI (a Web
    /// Annotation's target `source`).
    pub article: Option<String>,
}

/// What one file holds.
enum ImportFile {
    Features(Vec<Result<Candidate, String>>),
    Annotations(annotations::AnnotatedPlaces),
}

impl ImportFile {
    fn parse(text: &str) -> Result<Self, ImportError> {
        let text = text.trim_start_matches('\u{feff}');
        match features::parse(text) {
            Err(ImportError::NotGeoJson { reason, .. }) => {
                // Python and some GIS tools write NaN and Infinity, which JSON
                // has not: each becomes null, and only its feature is skipped.
                let fixed =
                    features::with_non_numbers_as_null(text).ok_or(ImportError::NotGeoJson {
                        file: String::new(),
                        reason: reason.clone(),
                    })?;
                features::parse(&fixed)
            }
            other => other,
        }
    }
}

pub fn read_places_file(path: &Path, brief: &Brief) -> Result<Imported, ImportError> {
    let file = path.display().to_string();
    let parsed = read_import_file(path).map_err(|e| e.in_file(&file))?;
    let mut notes = Vec::new();
    let candidates = match parsed {
        ImportFile::Features(mut features) => {
            let wants_quotes = features
                .iter()
                .any(|f| f.as_ref().is_ok_and(|c| c.quotes.is_none()));
            let beside = path.with_extension("jsonld");
            if wants_quotes && beside.is_file() {
                match read_import_file(&beside) {
                    Ok(ImportFile::Annotations(annotated)) => {
                        notes.push(format!("Mentions read from {}", beside.display()));
                        let left = annotated.attach_to(&mut features);
                        features.extend(left.into_candidates());
                    }
                    Ok(ImportFile::Features(_)) => {}
                    Err(e) => notes.push(format!(
                        "The Web Annotations beside it were not read: {}",
                        e.in_file(&beside.display().to_string())
                    )),
                }
            }
            features
        }
        ImportFile::Annotations(annotated) => {
            let beside = path.with_extension("geojson");
            match beside.is_file().then(|| read_import_file(&beside)) {
                Some(Ok(ImportFile::Features(mut features))) => {
                    notes.push(format!("Places read from {}", beside.display()));
                    let left = annotated.attach_to(&mut features);
                    features.extend(left.into_candidates());
                    features
                }
                Some(Err(e)) => {
                    notes.push(format!(
                        "The GeoJSON beside it was not read: {}",
                        e.in_file(&beside.display().to_string())
                    ));
                    annotated.into_candidates()
                }
                _ => annotated.into_candidates(),
            }
        }
    };
    let mut imported = merge::plan_import(brief, candidates);
    notes.append(&mut imported.notes);
    imported.notes = notes;
    Ok(imported)
}

fn read_import_file(path: &Path) -> Result<ImportFile, ImportError> {
    let read_error = |reason: String| ImportError::Read {
        file: String::new(),
        reason,
    };
    let bytes = read_bounded(path, MAX_IMPORT_BYTES).map_err(|e| read_error(e.to_string()))?;
    let text = text_from_bytes(&bytes).map_err(|e| read_error(e.to_string()))?;
    drop(bytes);
    ImportFile::parse(&text)
}

/// The places of a FeatureCollection (or of Web Annotations), with their
/// mentions in `brief`'s text. Places the brief holds already are merged.
pub fn places_from_geojson(text: &str, brief: &Brief) -> Result<Imported, ImportError> {
    let candidates = match ImportFile::parse(text)? {
        ImportFile::Features(features) => features,
        ImportFile::Annotations(annotated) => annotated.into_candidates(),
    };
    Ok(merge::plan_import(brief, candidates))
}

/// A mention from a list of W3C selectors (or one selector): its
/// `TextQuoteSelector` and, if there is one, its `TextPositionSelector`.
pub(crate) fn quote_from_selectors(selectors: &Value) -> Option<QuoteAt> {
    // A story's mention: {"article": "a2", "selector": [...]}.
    if let Some(inner) = selectors.get("selector") {
        let mut quote = quote_from_selectors(inner)?;
        quote.article = selectors["article"].as_str().map(str::to_string);
        return Some(quote);
    }
    let list = match selectors {
        Value::Array(list) => list.as_slice(),
        one => std::slice::from_ref(one),
    };
    let of_type = |t: &str| list.iter().find(|s| s["type"] == t);
    let quote = of_type("TextQuoteSelector")?;
    let text = |k: &str| quote[k].as_str().unwrap_or("").to_string();
    let exact = text("exact");
    if exact.is_empty() {
        return None;
    }
    let position = of_type("TextPositionSelector").and_then(|p| {
        let start = usize::try_from(p["start"].as_u64()?).ok()?;
        let end = usize::try_from(p["end"].as_u64()?).ok()?;
        (start < end).then_some(start..end)
    });
    Some(QuoteAt {
        prefix: text("prefix"),
        suffix: text("suffix"),
        exact,
        position,
        article: None,
    })
}

/// A kind as a file writes it (`"naval_base"`), if it is one.
fn kind_from_value(value: Option<&Value>) -> Option<PlaceKind> {
    serde_json::from_value::<PlaceKind>(value?.clone()).ok()
}

#[cfg(test)]
mod tests;
