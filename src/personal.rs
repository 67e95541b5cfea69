//! The reader's own gazetteer: places they made (a village, a base, a
//! checkpoint) and asked Geobrief to remember. It is a plain GeoJSON file
//! in the data folder (`my-places.geojson`), so QGIS opens it too; place
//! detection finds its names in any article, and they win over the
//! machine's namesakes.

use std::ops::Range;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};
use geo_types::Geometry;
use serde_json::{Map, Value, json};

use crate::brief::{Place, PlaceKind};

/// One place the reader taught Geobrief.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonalPlace {
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    pub geometry: Geometry<f64>,
    pub note: String,
}

#[derive(Clone, Default)]
pub struct PersonalGazetteer {
    pub places: Vec<PersonalPlace>,
    /// Finds the names in a text; rebuilt when the list changes.
    finder: Option<AhoCorasick>,
}

/// Why the file could not be read (the app goes on with an empty list).
#[derive(Debug, thiserror::Error)]
#[error("{}: {reason}", path.display())]
pub struct PersonalError {
    pub path: PathBuf,
    pub reason: String,
}

impl PersonalGazetteer {
    /// Reads the file; a missing file is an empty gazetteer.
    pub fn load(path: &Path) -> Result<Self, PersonalError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => {
                return Err(PersonalError {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                });
            }
        };
        Self::from_geojson(&text).map_err(|reason| PersonalError {
            path: path.to_path_buf(),
            reason,
        })
    }

    pub fn from_geojson(text: &str) -> Result<Self, String> {
        let collection: geojson::FeatureCollection = text
            .parse::<geojson::GeoJson>()
            .map_err(|e| format!("not GeoJSON: {e}"))?
            .try_into()
            .map_err(|e| format!("not a FeatureCollection: {e}"))?;
        let mut places = Vec::new();
        for (i, feature) in collection.features.into_iter().enumerate() {
            let at = format!("features[{i}]");
            let props = feature.properties.unwrap_or_default();
            let text = |k: &str| {
                props
                    .get(k)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            let name = text("name");
            if name.trim().is_empty() {
                return Err(format!("{at}: a place needs a name"));
            }
            let kind = props
                .get("kind")
                .and_then(|k| serde_json::from_value(k.clone()).ok())
                .unwrap_or(PlaceKind::City);
            let geometry = feature
                .geometry
                .and_then(|g| Geometry::<f64>::try_from(&g.value).ok())
                .filter(|g| matches!(g, Geometry::Point(_) | Geometry::Polygon(_)))
                .ok_or_else(|| format!("{at}: expected a Point or Polygon geometry"))?;
            places.push(PersonalPlace {
                id: text("id"),
                name,
                kind,
                geometry,
                note: text("note"),
            });
        }
        let mut gazetteer = Self {
            places,
            finder: None,
        };
        gazetteer.rebuild();
        Ok(gazetteer)
    }

    pub fn to_geojson(&self) -> String {
        let features: Vec<Value> = self
            .places
            .iter()
            .map(|p| {
                json!({
                    "type": "Feature",
                    "id": p.id,
                    "geometry": geojson::Geometry::new(geojson::GeometryValue::from(&p.geometry)),
                    "properties": { "id": p.id, "name": p.name, "kind": p.kind, "note": p.note },
                })
            })
            .collect();
        let collection = json!({ "type": "FeatureCollection", "features": features });
        serde_json::to_string_pretty(&collection).unwrap_or_default()
    }

    /// Adds a place of a brief, or replaces the one of the same name.
    pub fn remember(&mut self, place: &Place) {
        let entry = PersonalPlace {
            id: crate::brief::slug_id(&place.name, |id| {
                self.places
                    .iter()
                    .any(|p| p.id == id && p.name != place.name)
            }),
            name: place.name.clone(),
            kind: place.kind,
            geometry: place.geometry.clone(),
            note: place.note.clone(),
        };
        match self.places.iter_mut().find(|p| p.name == place.name) {
            Some(old) => *old = entry,
            None => self.places.push(entry),
        }
        self.rebuild();
    }

    pub fn forget(&mut self, id: &str) {
        self.places.retain(|p| p.id != id);
        self.rebuild();
    }

    pub fn contains_name(&self, name: &str) -> bool {
        self.places.iter().any(|p| p.name == name)
    }

    fn rebuild(&mut self) {
        self.finder = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(self.places.iter().map(|p| p.name.as_str()))
            .ok();
    }

    /// Where the names occur in `text`, as whole words, case as written:
    /// (byte range, index into `places`), in text order.
    pub fn find_in(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let Some(finder) = &self.finder else {
            return Vec::new();
        };
        finder
            .find_iter(text)
            .filter(|m| whole_word(text, m.start(), m.end()))
            .map(|m| (m.start()..m.end(), m.pattern().as_usize()))
            .collect()
    }

    /// The record a brief's place keeps of where it came from.
    pub fn record(place: &PersonalPlace) -> Map<String, Value> {
        let mut extra = Map::new();
        extra.insert("x-personal".into(), json!({ "id": place.id }));
        extra
    }
}

/// True when `start..end` of `text` is not part of a longer word.
pub fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checkpoint() -> Place {
        Place {
            id: "checkpoint".into(),
            name: "Checkpoint Alpha".into(),
            kind: PlaceKind::City,
            geometry: Geometry::Point(geo_types::Point::new(36.1, 35.2)),
            approximate: false,
            note: "Seen from the road".into(),
            sources: Vec::new(),
            extra: Map::new(),
        }
    }

    #[test]
    fn a_remembered_place_survives_the_file_and_is_found_as_a_whole_word() {
        let mut gaz = PersonalGazetteer::default();
        gaz.remember(&checkpoint());
        let again = PersonalGazetteer::from_geojson(&gaz.to_geojson()).unwrap();
        assert_eq!(again.places, gaz.places);
        let text = "Trucks waited at Checkpoint Alpha, not at Checkpoint Alphabet.";
        let found = again.find_in(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].0.clone()], "Checkpoint Alpha");
    }

    #[test]
    fn remembering_a_name_twice_keeps_one_entry_and_forgetting_removes_it() {
        let mut gaz = PersonalGazetteer::default();
        gaz.remember(&checkpoint());
        gaz.remember(&checkpoint());
        assert_eq!(gaz.places.len(), 1);
        let id = gaz.places[0].id.clone();
        gaz.forget(&id);
        assert!(gaz.places.is_empty());
        assert!(gaz.find_in("Checkpoint Alpha").is_empty());
    }

    #[test]
    fn a_file_that_is_not_geojson_is_an_error_that_names_it() {
        let dir = std::env::temp_dir().join(format!("geobrief-personal-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("my-places.geojson");
        std::fs::write(&path, "not json").unwrap();
        let error = PersonalGazetteer::load(&path).err().unwrap();
        assert!(error.to_string().contains("my-places.geojson"), "{error}");
        assert!(PersonalGazetteer::load(&dir.join("missing.geojson")).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
