//! Places from a GeoJSON FeatureCollection (an export of Geobrief, a layer
//! saved from QGIS, a web map's data): each Feature with a name and a Point
//! or Polygon becomes a place, and every occurrence of its name in the
//! article becomes a mention. An export of Geobrief imports back as the
//! same places (ids, names, kinds, notes, geometry).

use std::ops::Range;
use std::path::Path;

use geo_types::Geometry;
use serde_json::{Map, Value};

use crate::brief::read::{read_bounded, text_from_bytes};
use crate::brief::{Brief, MAX_NAME_CHARS, PlaceKind, Source, check_geometry};
use crate::editing::{NewPlace, PlaceToAdd};
use crate::export::geojson::right_handed;
use crate::personal::whole_word;

/// Features kept, and the ones left out with why.
#[derive(Debug, Default)]
pub struct Imported {
    pub places: Vec<PlaceToAdd>,
    pub skipped: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read the file: {reason}")]
    Read { file: String, reason: String },
    #[error("{file}: not GeoJSON: {reason}")]
    NotGeoJson { file: String, reason: String },
    #[error("{file}: expected a FeatureCollection (found {found})")]
    NotCollection { file: String, found: String },
}

/// Largest GeoJSON file read for places (a world of towns fits).
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

pub fn read_places_file(path: &Path, brief: &Brief) -> Result<Imported, ImportError> {
    let file = path.display().to_string();
    let read_error = |reason: String| ImportError::Read {
        file: file.clone(),
        reason,
    };
    let bytes = read_bounded(path, MAX_IMPORT_BYTES).map_err(|e| read_error(e.to_string()))?;
    let text = text_from_bytes(&bytes).map_err(|e| read_error(e.to_string()))?;
    drop(bytes);
    places_from_geojson(&text, brief).map_err(|e| match e {
        ImportError::NotGeoJson { reason, .. } => ImportError::NotGeoJson { file, reason },
        ImportError::NotCollection { found, .. } => ImportError::NotCollection { file, found },
        other => other,
    })
}

/// The places of a FeatureCollection, with their mentions in `brief`'s text.
/// Features a brief already holds (same id, name and geometry) are skipped.
pub fn places_from_geojson(text: &str, brief: &Brief) -> Result<Imported, ImportError> {
    let geojson = text
        .trim_start_matches('\u{feff}')
        .parse::<geojson::GeoJson>()
        .map_err(|e| ImportError::NotGeoJson {
            file: String::new(),
            reason: e.to_string(),
        })?;
    let collection = match geojson {
        geojson::GeoJson::FeatureCollection(c) => c,
        geojson::GeoJson::Feature(f) => geojson::FeatureCollection {
            bbox: None,
            features: vec![f],
            foreign_members: None,
        },
        geojson::GeoJson::Geometry(_) => {
            return Err(ImportError::NotCollection {
                file: String::new(),
                found: "a bare geometry, with no name".into(),
            });
        }
    };
    let mut imported = Imported::default();
    let features: Vec<Result<NewPlace, String>> =
        collection.features.iter().map(place_of_feature).collect();
    let names = features
        .iter()
        .filter_map(|f| f.as_ref().ok())
        .map(|p| p.name.as_str());
    let found = Occurrences::of(brief, names);
    for (i, feature) in features.into_iter().enumerate() {
        match feature {
            Ok(place) => {
                let id = place.extra.get("x-import-id").and_then(Value::as_str);
                // Ring orientation aside: an export turns rings as RFC 7946 asks.
                let same_shape =
                    |g: &geo_types::Geometry<f64>| right_handed(g) == right_handed(&place.geometry);
                let already = id
                    .and_then(|id| brief.place(id))
                    .is_some_and(|p| p.name == place.name && same_shape(&p.geometry));
                if already {
                    imported.skipped.push(format!(
                        "features[{i}]: “{}” is in the brief already",
                        place.name
                    ));
                    continue;
                }
                let mentions = found.of_name(&place.name);
                imported.places.push(PlaceToAdd { place, mentions });
            }
            Err(why) => imported.skipped.push(format!("features[{i}]: {why}")),
        }
    }
    Ok(imported)
}

fn place_of_feature(feature: &geojson::Feature) -> Result<NewPlace, String> {
    let props = feature.properties.clone().unwrap_or_default();
    let text = |k: &str| props.get(k).and_then(Value::as_str).map(str::to_string);
    let name = ["name", "title", "label", "NAME", "Name"]
        .iter()
        .find_map(|k| text(k))
        .filter(|n| !n.trim().is_empty())
        .ok_or("no name (a `name` property)")?;
    let value = &feature.geometry.as_ref().ok_or("no geometry")?.value;
    if !positions_are_whole(value) {
        return Err(format!(
            "“{name}”: a position needs a longitude and a latitude"
        ));
    }
    let mut geometry = Geometry::<f64>::try_from(value).map_err(|e| e.to_string())?;
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
        return Err(format!("“{name}”: only points and polygons become places"));
    }
    let name_chars = name.chars().count();
    if name_chars > MAX_NAME_CHARS {
        let short: String = name.chars().take(40).collect();
        return Err(format!(
            "“{short}…”: the name is {name_chars} characters long; the limit is {MAX_NAME_CHARS}"
        ));
    }
    if let Some(fault) = check_geometry(&geometry, "geometry").first() {
        return Err(format!("“{name}”: {fault}"));
    }
    let kind = props
        .get("kind")
        .and_then(|k| serde_json::from_value::<PlaceKind>(k.clone()).ok())
        .unwrap_or(if matches!(geometry, Geometry::Polygon(_)) {
            PlaceKind::Area
        } else {
            PlaceKind::City
        });
    let mut extra = Map::new();
    let id = text("id").or_else(|| match &feature.id {
        Some(geojson::feature::Id::String(s)) => Some(s.clone()),
        Some(geojson::feature::Id::Number(n)) => Some(n.to_string()),
        None => None,
    });
    if let Some(id) = id {
        extra.insert("x-import-id".into(), Value::String(id));
    }
    let sources = props
        .get("sources")
        .and_then(Value::as_array)
        .map(|s| {
            s.iter()
                .filter_map(Value::as_str)
                .map(source_from_text)
                .collect()
        })
        .unwrap_or_default();
    Ok(NewPlace {
        name,
        kind,
        geometry,
        approximate: props
            .get("approximate")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        note: text("note").unwrap_or_default(),
        sources,
        extra,
    })
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

/// Every whole-word occurrence of many names, found in one pass over the
/// article (one search per name would make an import of many places scan
/// the text as many times).
struct Occurrences {
    by_name: std::collections::HashMap<String, Vec<(usize, Range<usize>)>>,
}

impl Occurrences {
    fn of<'a>(brief: &Brief, names: impl Iterator<Item = &'a str>) -> Self {
        let mut patterns: Vec<&str> = names.filter(|n| !n.is_empty()).collect();
        patterns.sort_unstable();
        patterns.dedup();
        let mut by_name: std::collections::HashMap<String, Vec<(usize, Range<usize>)>> = patterns
            .iter()
            .map(|n| (n.to_string(), Vec::new()))
            .collect();
        let Ok(finder) = aho_corasick::AhoCorasick::new(&patterns) else {
            return Self { by_name };
        };
        for (p, text) in brief.paragraphs().iter().enumerate() {
            for m in finder.find_overlapping_iter(text) {
                let name = patterns[m.pattern().as_usize()];
                if whole_word(text, m.start(), m.end())
                    && let Some(list) = by_name.get_mut(name)
                {
                    list.push((p, m.range()));
                }
            }
        }
        Self { by_name }
    }

    fn of_name(&self, name: &str) -> Vec<(usize, Range<usize>)> {
        self.by_name.get(name).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editing::{EditAction, plan};
    use crate::export::geojson::feature_collection_json;

    fn without_places(brief: &Brief) -> Brief {
        Brief::bare(brief.article.clone())
    }

    #[test]
    fn an_export_imports_back_as_the_same_places_with_their_mentions_by_name() {
        let original = Brief::default_brief();
        let exported = feature_collection_json(&original);
        let mut bare = without_places(&original);
        let imported = places_from_geojson(&exported, &bare).unwrap();
        assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
        let plan = plan(&bare, &EditAction::AddPlaces(imported.places)).unwrap();
        bare.apply(plan.edit).unwrap();
        assert_eq!(bare.place_count(), original.place_count());
        for place in original.places() {
            let back = bare.place(&place.id).expect("same id");
            assert_eq!(back.name, place.name);
            assert_eq!(back.kind, place.kind);
            assert_eq!(back.note, place.note);
            assert_eq!(back.approximate, place.approximate);
            assert_eq!(
                crate::export::geojson::right_handed(&back.geometry),
                crate::export::geojson::right_handed(&place.geometry)
            );
        }
        let latakia = bare.mentions_of("latakia");
        assert!(!latakia.is_empty());
        assert!(latakia.iter().all(|l| bare.mention_text(l) == "Latakia"));
    }

    #[test]
    fn importing_an_export_into_its_own_brief_adds_nothing() {
        let brief = Brief::default_brief();
        let imported = places_from_geojson(&feature_collection_json(&brief), &brief).unwrap();
        assert!(imported.places.is_empty());
        assert_eq!(imported.skipped.len(), brief.place_count());
    }

    #[test]
    fn a_feature_without_a_name_or_with_a_line_is_skipped_with_why() {
        let json = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}},
            {"type":"Feature","properties":{"name":"Road"},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}},
            {"type":"Feature","properties":{"name":"Latakia"},"geometry":{"type":"Point","coordinates":[35.78,35.52]}}]}"#;
        let brief = Brief::default_brief();
        let imported = places_from_geojson(json, &brief).unwrap();
        assert_eq!(imported.places.len(), 1);
        assert_eq!(imported.skipped.len(), 2);
        assert!(
            imported.skipped[0].contains("no name"),
            "{:?}",
            imported.skipped
        );
    }

    #[test]
    fn a_feature_with_a_huge_name_or_a_bad_coordinate_is_skipped_and_the_rest_kept() {
        let long = "Latakia".repeat(20_000);
        let json = format!(
            r#"{{"type":"FeatureCollection","features":[
            {{"type":"Feature","properties":{{"name":"{long}"}},"geometry":{{"type":"Point","coordinates":[1,2]}}}},
            {{"type":"Feature","properties":{{"name":"Far"}},"geometry":{{"type":"Point","coordinates":[500,2]}}}},
            {{"type":"Feature","properties":{{"name":"Latakia"}},"geometry":{{"type":"Point","coordinates":[35.78,35.52]}}}}]}}"#
        );
        let imported = places_from_geojson(&json, &Brief::default_brief()).unwrap();
        assert_eq!(imported.places.len(), 1);
        assert!(
            imported.skipped[0].contains("the name is 140000 characters long"),
            "{:?}",
            imported.skipped
        );
        assert!(
            imported.skipped[1].contains("500 is not a valid longitude"),
            "{:?}",
            imported.skipped
        );
    }

    /// fuzz `geojson`: a position of one number panicked inside the
    /// geojson crate's conversion.
    #[test]
    fn a_position_of_one_number_is_skipped_not_a_panic() {
        let json = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"Area"},"geometry":{"type":"Polygon","coordinates":[[[38,36],[41,36],[4137],[38,37],[38,36]]]}},
            {"type":"Feature","properties":{"name":"Two"},"geometry":{"type":"MultiPolygon","coordinates":[[[[31,30],[31]]]]}}]}"#;
        let imported = places_from_geojson(json, &Brief::default_brief()).unwrap();
        assert!(imported.places.is_empty());
        assert!(
            imported
                .skipped
                .iter()
                .all(|s| s.contains("a position needs a longitude and a latitude")),
            "{:?}",
            imported.skipped
        );
    }

    #[test]
    fn a_bare_geometry_is_refused_as_not_a_collection() {
        let brief = Brief::default_brief();
        let error =
            places_from_geojson(r#"{"type":"Point","coordinates":[1,2]}"#, &brief).unwrap_err();
        assert!(matches!(error, ImportError::NotCollection { .. }));
    }
}
