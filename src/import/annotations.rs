//! W3C Web Annotations read back into places and their mentions: the
//! annotations are grouped by the place their body identifies (its `id`),
//! each group's selectors are that place's mentions. Beside a GeoJSON they
//! give its features their mentions; alone, each group becomes a place of
//! its own (its label, kind and geometry).

use indexmap::IndexMap;
use serde_json::Value;
use serde_json::value::RawValue;

use super::features::place_geometry;
use super::{Candidate, QuoteAt, kind_from_value, quote_from_selectors};
use crate::brief::{PlaceKind, Source};
use crate::editing::NewPlace;
use crate::export::annotations::PLACE_FRAGMENT;
use crate::export::geonames_id_from_url;

/// The places a set of annotations identifies, in the order they first
/// appear, and the annotations that could not be read.
#[derive(Debug, Default)]
pub(super) struct AnnotatedPlaces {
    places: IndexMap<String, AnnotatedPlace>,
    skipped: Vec<String>,
}

#[derive(Debug)]
struct AnnotatedPlace {
    /// The body's `id` (an IRI), or its label when it has none.
    key: String,
    label: String,
    kind: Option<PlaceKind>,
    /// The body's GeoJSON geometry, as JSON text.
    geometry: Option<String>,
    quotes: Vec<QuoteAt>,
}

impl AnnotatedPlace {
    /// The place's id in the brief that was exported, when the body is
    /// named `<article>#place-<id>`.
    fn brief_id(&self) -> Option<&str> {
        self.key
            .rsplit_once(PLACE_FRAGMENT)
            .map(|(_, id)| id)
            .filter(|id| !id.is_empty())
    }
}

impl AnnotatedPlaces {
    pub(super) fn read(items: &[&RawValue]) -> Self {
        let mut read = Self::default();
        for (i, item) in items.iter().enumerate() {
            match serde_json::from_str::<Value>(item.get()) {
                Ok(item) => read.add(i, &item),
                Err(e) => read
                    .skipped
                    .push(format!("annotations[{i}]: not an annotation: {e}")),
            }
        }
        read
    }

    fn add(&mut self, i: usize, item: &Value) {
        let body = first_with(&item["body"], "source");
        let source = &body["source"];
        let label = source["label"].as_str().unwrap_or("").trim().to_string();
        let key = source
            .as_str()
            .or_else(|| source["id"].as_str())
            .map(str::to_string)
            .unwrap_or_else(|| label.clone());
        if key.is_empty() {
            self.skipped.push(format!(
                "annotations[{i}]: its body names no place (no `source` with an `id` or a `label`)"
            ));
            return;
        }
        let target = first_with(&item["target"], "selector");
        let Some(mut quote) = quote_from_selectors(&target["selector"]) else {
            self.skipped.push(format!(
                "annotations[{i}]: “{label}”: its target has no TextQuoteSelector with words"
            ));
            return;
        };
        quote.article = target["source"].as_str().map(str::to_string);
        let place = self
            .places
            .entry(key.clone())
            .or_insert_with(|| AnnotatedPlace {
                key,
                label,
                kind: kind_from_value(source.get("kind")),
                geometry: source
                    .get("geometry")
                    .filter(|g| !g.is_null())
                    .map(Value::to_string),
                quotes: Vec::new(),
            });
        place.quotes.push(quote);
    }

    /// Matches each annotated place with its feature (by the place's id in
    /// the brief it was exported from, else its GeoNames id and name, else
    /// its name) and gives a feature whose file said nothing of its mentions
    /// the quotes of its annotations; such a feature with no annotation has
    /// no mention. Returns the places no feature is.
    pub(super) fn attach_to(mut self, features: &mut [Result<Candidate, String>]) -> Self {
        let waiting: Vec<usize> = (0..features.len())
            .filter(|&i| features[i].as_ref().is_ok_and(|c| c.quotes.is_none()))
            .collect();
        let mut by_id = std::collections::HashMap::new();
        let mut by_name: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, feature) in features.iter().enumerate() {
            if let Ok(c) = feature {
                if let Some(id) = &c.wanted_id {
                    by_id.entry(id.clone()).or_insert(i);
                }
                by_name.entry(c.place.name.clone()).or_default().push(i);
            }
        }
        let mut given = vec![false; features.len()];
        let mut left = IndexMap::new();
        for (key, place) in self.places.drain(..) {
            let geonames = geonames_id_from_url(&place.key);
            let by_its_name = || {
                by_name.get(&place.label).and_then(|list| {
                    list.iter().copied().find(|&i| {
                        !given[i]
                            && (geonames.is_none()
                                || features[i]
                                    .as_ref()
                                    .is_ok_and(|c| c.geonames_id == geonames))
                    })
                })
            };
            let taker = place
                .brief_id()
                .and_then(|id| by_id.get(id).copied())
                .filter(|&i| !given[i])
                .or_else(by_its_name);
            match taker.and_then(|i| features[i].as_mut().ok().map(|c| (i, c))) {
                Some((i, c)) => {
                    // A feature with selectors of its own keeps them.
                    c.quotes.get_or_insert(place.quotes);
                    given[i] = true;
                }
                None => {
                    left.insert(key, place);
                }
            }
        }
        for i in waiting {
            if let Ok(c) = &mut features[i] {
                c.quotes.get_or_insert_with(Vec::new);
            }
        }
        self.places = left;
        self
    }

    /// Each place as a candidate of its own (its label, kind and geometry),
    /// and the annotations that could not be read as skipped.
    pub(super) fn into_candidates(self) -> Vec<Result<Candidate, String>> {
        let skipped = self.skipped.into_iter().map(Err);
        let places = self.places.into_values().map(|place| {
            let at = format!("annotations of “{}”", place.label);
            if place.label.is_empty() {
                return Err(format!("{at}: the place has no label"));
            }
            let geometry = place
                .geometry
                .as_deref()
                .ok_or("the place has no geometry".to_string())
                .and_then(place_geometry)
                .map_err(|why| format!("{at}: {why}"))?
                .into_inner();
            let geonames_id = geonames_id_from_url(&place.key);
            let kind = place.kind.unwrap_or(match geometry {
                geo_types::Geometry::Polygon(_) => PlaceKind::Area,
                _ => PlaceKind::City,
            });
            Ok(Candidate {
                at,
                wanted_id: place.brief_id().map(str::to_string),
                place: NewPlace {
                    name: place.label,
                    kind,
                    geometry,
                    approximate: false,
                    note: String::new(),
                    sources: geonames_id
                        .map(|_| Source {
                            title: "GeoNames".into(),
                            url: Some(place.key.clone()),
                        })
                        .into_iter()
                        .collect(),
                    extra: Default::default(),
                },
                geonames_id,
                quotes: Some(place.quotes),
            })
        });
        skipped.chain(places).collect()
    }
}

/// `value` itself, or the first element of it (a list) that has `key`:
/// W3C annotations may give one body or target, or a list of them.
fn first_with<'a>(value: &'a Value, key: &str) -> &'a Value {
    match value {
        Value::Array(list) => list
            .iter()
            .find(|v| v.get(key).is_some())
            .unwrap_or(&Value::Null),
        one => one,
    }
}
