//! GeoJSON features read one at a time into [`Candidate`]s: the file is
//! parsed only as far as its list of features, and each feature on its own,
//! so one bad feature (a position of two strings, a null where a number
//! goes) is skipped with its reason while the rest are kept, and a large
//! file is never held as one JSON tree.

use geo_types::Geometry;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::annotations::AnnotatedPlaces;
use super::{Candidate, ImportError, ImportFile, kind_from_value, quote_from_selectors};
use crate::brief::{MAX_NAME_CHARS, PlaceKind, Source, check_geometry};
use crate::editing::NewPlace;
use crate::export::geonames_id_from_url;

/// The top of a file, with its features (or annotations) left unparsed.
#[derive(Deserialize)]
struct Top<'a> {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(borrow, default)]
    features: Option<Vec<&'a RawValue>>,
    /// An AnnotationCollection's first page.
    #[serde(borrow, default)]
    first: Option<Page<'a>>,
    /// An AnnotationPage's items.
    #[serde(borrow, default)]
    items: Option<Vec<&'a RawValue>>,
}

#[derive(Deserialize)]
struct Page<'a> {
    #[serde(borrow, default)]
    items: Vec<&'a RawValue>,
}

/// One feature, its geometry left unparsed until its name is known.
#[derive(Deserialize)]
struct RawFeature<'a> {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    properties: Option<Map<String, Value>>,
    #[serde(borrow, default)]
    geometry: Option<&'a RawValue>,
}

pub(super) fn parse(text: &str) -> Result<ImportFile, ImportError> {
    let not_geojson = |e: serde_json::Error| ImportError::NotGeoJson {
        file: String::new(),
        reason: e.to_string(),
    };
    let top: Top = serde_json::from_str(text).map_err(not_geojson)?;
    let not_collection = |found: &str| ImportError::NotCollection {
        file: String::new(),
        found: found.to_string(),
    };
    match top.kind.as_deref() {
        Some("FeatureCollection") => {
            let features = top.features.unwrap_or_default();
            Ok(ImportFile::Features(
                features
                    .iter()
                    .enumerate()
                    .map(|(i, f)| candidate(f, format!("features[{i}]")))
                    .collect(),
            ))
        }
        Some("Feature") => {
            let feature = RawValue::from_string(text.to_string()).map_err(not_geojson)?;
            Ok(ImportFile::Features(vec![candidate(
                &feature,
                "the feature".into(),
            )]))
        }
        Some("AnnotationCollection") => Ok(ImportFile::Annotations(AnnotatedPlaces::read(
            &top.first.map(|p| p.items).unwrap_or_default(),
        ))),
        Some("AnnotationPage") => Ok(ImportFile::Annotations(AnnotatedPlaces::read(
            &top.items.unwrap_or_default(),
        ))),
        Some(
            "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon" | "MultiPolygon"
            | "GeometryCollection",
        ) => Err(not_collection("a bare geometry, with no name")),
        Some(other) => Err(not_collection(&format!("\"type\": \"{other}\""))),
        None => Err(not_collection("no \"type\"")),
    }
}

/// `text` with every NaN, Infinity and -Infinity outside strings made
/// `null`; `None` if it has none.
pub(super) fn with_non_numbers_as_null(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut in_string = false;
    let mut i = 0;
    let mut changed = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else {
            let rest = &bytes[i..];
            let word = ["-Infinity", "+Infinity", "Infinity", "NaN", "-NaN"]
                .into_iter()
                .find(|w| rest.starts_with(w.as_bytes()));
            if let Some(word) = word {
                out.push_str(&text[copied..i]);
                out.push_str("null");
                i += word.len();
                copied = i;
                changed = true;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied.min(text.len())..]);
    changed.then_some(out)
}

fn candidate(raw: &RawValue, at: String) -> Result<Candidate, String> {
    let feature: RawFeature =
        serde_json::from_str(raw.get()).map_err(|e| format!("{at}: not a GeoJSON feature: {e}"))?;
    let props = feature.properties.unwrap_or_default();
    let text = |k: &str| props.get(k).and_then(Value::as_str).map(str::to_string);
    let name = ["name", "title", "label", "NAME", "Name"]
        .iter()
        .find_map(|k| text(k))
        .filter(|n| !n.trim().is_empty())
        .ok_or(format!("{at}: no name (a `name` property)"))?;
    let name_chars = name.chars().count();
    if name_chars > MAX_NAME_CHARS {
        let short: String = name.chars().take(40).collect();
        return Err(format!(
            "{at}: “{short}…”: the name is {name_chars} characters long; the limit is {MAX_NAME_CHARS}"
        ));
    }
    let geometry = feature
        .geometry
        .ok_or(format!("{at}: “{name}”: no geometry"))?;
    let geometry =
        place_geometry(geometry.get()).map_err(|why| format!("{at}: “{name}”: {why}"))?;
    let id = text("id").or_else(|| match &feature.id {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    });
    let sources: Vec<Source> = props
        .get("sources")
        .and_then(Value::as_array)
        .map(|s| {
            s.iter()
                .filter_map(Value::as_str)
                .map(source_from_text)
                .collect()
        })
        .unwrap_or_default();
    let geonames_id = text("gazetteer_uri")
        .as_deref()
        .and_then(geonames_id_from_url)
        .or_else(|| {
            sources
                .iter()
                .find_map(|s| geonames_id_from_url(s.url.as_deref()?))
        });
    let quotes = props
        .get("selectors")
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(quote_from_selectors).collect());
    let kind = kind_from_value(props.get("kind")).unwrap_or(if geometry.is_area() {
        PlaceKind::Area
    } else {
        PlaceKind::City
    });
    Ok(Candidate {
        at,
        place: NewPlace {
            name,
            kind,
            geometry: geometry.into_inner(),
            approximate: props
                .get("approximate")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            note: text("note").unwrap_or_default(),
            sources,
            extra: Map::new(),
        },
        wanted_id: id,
        geonames_id,
        quotes,
    })
}

/// A geometry a place can have: a point or a polygon.
pub(super) struct PlaceGeometry(Geometry<f64>);

impl PlaceGeometry {
    fn is_area(&self) -> bool {
        matches!(self.0, Geometry::Polygon(_))
    }

    pub(super) fn into_inner(self) -> Geometry<f64> {
        self.0
    }
}

/// A GeoJSON geometry as a place's: a `Point` or a `Polygon` (the largest
/// part of a `MultiPolygon`), checked as a brief's are; else why not.
pub(super) fn place_geometry(json: &str) -> Result<PlaceGeometry, String> {
    let value = serde_json::from_str::<geojson::Geometry>(json)
        .map_err(|e| {
            let e = e.to_string();
            let e = e.split(" at line ").next().unwrap_or(&e).to_string();
            format!("the geometry is not valid GeoJSON ({e}); a position is two numbers, [longitude, latitude]")
        })?
        .value;
    if !positions_are_whole(&value) {
        return Err("a position needs a longitude and a latitude".into());
    }
    let mut geometry = Geometry::<f64>::try_from(&value).map_err(|e| e.to_string())?;
    if let Geometry::MultiPolygon(m) = &geometry {
        // A brief's area is one polygon: keep the largest part.
        let largest = m.0.iter().max_by(|a, b| {
            let area =
                |p: &geo_types::Polygon<f64>| crate::brief::signed_area(&p.exterior().0).abs();
            area(a).total_cmp(&area(b))
        });
        geometry = Geometry::Polygon(largest.ok_or("an empty MultiPolygon")?.clone());
    }
    if !matches!(geometry, Geometry::Point(_) | Geometry::Polygon(_)) {
        return Err("only points and polygons become places".into());
    }
    if let Some(fault) = check_geometry(&geometry, "geometry").first() {
        return Err(fault.to_string());
    }
    Ok(PlaceGeometry(geometry))
}

/// Whether every position of `value` has a longitude and a latitude (the
/// geojson crate's conversion indexes them unchecked, and panics on `[1]`).
fn positions_are_whole(value: &geojson::GeometryValue) -> bool {
    use geojson::GeometryValue as G;
    let whole = |p: &geojson::Position| p.as_slice().len() >= 2;
    let ring = |r: &Vec<geojson::Position>| r.iter().all(whole);
    match value {
        G::Point { coordinates } => whole(coordinates),
        G::MultiPoint { coordinates } | G::LineString { coordinates } => ring(coordinates),
        G::MultiLineString { coordinates } | G::Polygon { coordinates } => {
            coordinates.iter().all(ring)
        }
        G::MultiPolygon { coordinates } => coordinates.iter().flatten().all(ring),
        G::GeometryCollection { geometries } => {
            geometries.iter().all(|g| positions_are_whole(&g.value))
        }
    }
}

/// "Title <url>" as an export writes it, back into a source.
fn source_from_text(text: &str) -> Source {
    match text.strip_suffix('>').and_then(|t| t.rsplit_once(" <")) {
        Some((title, url)) => Source {
            title: title.to_string(),
            url: Some(url.to_string()),
        },
        None => Source {
            title: text.to_string(),
            url: None,
        },
    }
}
