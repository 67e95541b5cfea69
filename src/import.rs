//! Places from a GeoJSON FeatureCollection (an export of Geobrief, a layer
//! saved from QGIS, a web map's data): each Feature with a name and a Point
//! or Polygon becomes a place, and every occurrence of its name in the
//! article becomes a mention. An export of Geobrief imports back as the
//! same places (ids, names, kinds, notes, geometry).

use std::ops::Range;
use std::path::Path;

use geo_types::Geometry;
use serde_json::{Map, Value};

use crate::brief::{Brief, PlaceKind, Source};
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
    let size = std::fs::metadata(path)
        .map_err(|e| ImportError::Read {
            file: file.clone(),
            reason: e.to_string(),
        })?
        .len();
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::Read {
            file,
            reason: format!("it is {size} bytes; the limit is {MAX_IMPORT_BYTES}"),
        });
    }
    let text = std::fs::read_to_string(path).map_err(|e| ImportError::Read {
        file: file.clone(),
        reason: e.to_string(),
    })?;
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
    for (i, feature) in collection.features.iter().enumerate() {
        match place_of_feature(feature) {
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
                let mentions = occurrences(brief, &place.name);
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

/// Every whole-word occurrence of `name` in the article.
pub fn occurrences(brief: &Brief, name: &str) -> Vec<(usize, Range<usize>)> {
    if name.is_empty() {
        return Vec::new();
    }
    brief
        .paragraphs()
        .iter()
        .enumerate()
        .flat_map(|(p, text)| {
            text.match_indices(name)
                .filter(|(start, m)| whole_word(text, *start, start + m.len()))
                .map(move |(start, m)| (p, start..start + m.len()))
        })
        .collect()
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
    fn a_bare_geometry_is_refused_as_not_a_collection() {
        let brief = Brief::default_brief();
        let error =
            places_from_geojson(r#"{"type":"Point","coordinates":[1,2]}"#, &brief).unwrap_err();
        assert!(matches!(error, ImportError::NotCollection { .. }));
    }
}
