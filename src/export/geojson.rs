//! The places as an RFC 7946 GeoJSON FeatureCollection: one Feature a
//! place, positions [longitude, latitude], exterior rings counter-clockwise
//! and holes clockwise (the right-hand rule), nothing at the top level but
//! `type` and `features`, so every reader (QGIS through GDAL, Leaflet,
//! geojson.io) takes it. Each feature carries its mentions' W3C selectors,
//! so an import of the file gives back the same mentions.

use geo_types::{Coord, Geometry, LineString, Polygon};
use serde_json::{Map, Value, json};

use std::collections::HashMap;

use super::{article_quotes, geonames_uri};
use crate::brief::passages::excerpt;
use crate::brief::{Brief, Place, ring_is_counter_clockwise};

/// Characters of context on each side of a passage.
const PASSAGE_CONTEXT_CHARS: usize = 40;

pub fn feature_collection(brief: &Brief) -> geojson::FeatureCollection {
    let mut selectors: HashMap<&str, Vec<Value>> = HashMap::new();
    let story = brief.is_story();
    for (m, quote) in article_quotes(brief) {
        if let Some(place) = brief.place(&m.place) {
            // A story's mention says which article its selectors count in.
            let entry = if story {
                json!({ "article": quote.article, "selector": quote.selectors_json() })
            } else {
                quote.selectors_json()
            };
            selectors.entry(place.id.as_str()).or_default().push(entry);
        }
    }
    geojson::FeatureCollection {
        bbox: None,
        features: brief
            .places()
            .map(|p| {
                feature(
                    brief,
                    p,
                    selectors.remove(p.id.as_str()).unwrap_or_default(),
                )
            })
            .collect(),
        foreign_members: None,
    }
}

pub fn feature_collection_json(brief: &Brief) -> String {
    let mut json = serde_json::to_string_pretty(&feature_collection(brief)).unwrap_or_default();
    json.push('\n');
    json
}

/// `selectors`: each mention's W3C selectors, in text order.
fn feature(brief: &Brief, place: &Place, selectors: Vec<Value>) -> geojson::Feature {
    let passages: Vec<String> = brief
        .mentions_of(&place.id)
        .iter()
        .map(|l| {
            let (before, exact, after) = excerpt(brief, l, PASSAGE_CONTEXT_CHARS);
            format!("{before}{exact}{after}")
        })
        .collect();
    let mut properties = Map::new();
    let mut set = |k: &str, v: Value| {
        properties.insert(k.to_string(), v);
    };
    set("id", json!(place.id));
    set("name", json!(place.name));
    set("kind", json!(place.kind));
    set("note", json!(place.note));
    set("approximate", json!(place.approximate));
    set("mentions", json!(passages.len()));
    set("passages", json!(passages));
    set("selectors", Value::Array(selectors));
    if brief.is_story() {
        // How the place runs through the story: in how many articles, and
        // from when to when (ISO 8601, the dated articles only).
        let articles = brief.articles_naming(&place.id);
        let dates: Vec<&str> = articles
            .iter()
            .filter_map(|&i| brief.articles()[i].info.date.as_deref())
            .collect();
        set("articles", json!(articles.len()));
        set("first_date", json!(dates.iter().min()));
        set("last_date", json!(dates.iter().max()));
    }
    if let Some(uri) = geonames_uri(place) {
        set("gazetteer_uri", json!(uri));
    }
    if place.extra.contains_key("x-personal") {
        set("gazetteer", json!("personal"));
    }
    let sources: Vec<String> = place
        .sources
        .iter()
        .map(crate::brief::Source::cited)
        .collect();
    set("sources", json!(sources));
    geojson::Feature {
        bbox: None,
        geometry: Some(geojson_geometry(&place.geometry)),
        id: Some(geojson::feature::Id::String(place.id.to_string())),
        properties: Some(properties),
        foreign_members: None,
    }
}

/// Decimal places kept in exported positions: 1e-7 degree is about a
/// centimetre, as RFC 7946 (section 11.2) advises; more only says the data
/// is more precise than it is.
pub const COORDINATE_DECIMALS: i32 = 7;

/// A degree value rounded to [`COORDINATE_DECIMALS`] places. The division of
/// an integer by a power of ten is correctly rounded, so the number prints
/// with at most that many decimals.
pub fn round_degrees(deg: f64) -> f64 {
    let scale = 10f64.powi(COORDINATE_DECIMALS);
    (deg * scale).round() / scale
}

/// A place's geometry as the exports write it: rings turned as RFC 7946
/// asks and every position rounded to [`COORDINATE_DECIMALS`] places.
pub fn geojson_geometry(geometry: &Geometry<f64>) -> geojson::Geometry {
    let round = |ring: &LineString<f64>| {
        LineString(
            ring.0
                .iter()
                .map(|c| Coord {
                    x: round_degrees(c.x),
                    y: round_degrees(c.y),
                })
                .collect(),
        )
    };
    let rounded = match right_handed(geometry) {
        Geometry::Polygon(poly) => Geometry::Polygon(Polygon::new(
            round(poly.exterior()),
            poly.interiors().iter().map(round).collect(),
        )),
        Geometry::Point(p) => Geometry::Point(geo_types::Point::new(
            round_degrees(p.x()),
            round_degrees(p.y()),
        )),
        other => other,
    };
    geojson::Geometry::new(geojson::GeometryValue::from(&rounded))
}

/// The geometry with its rings turned as RFC 7946 asks.
pub fn right_handed(geometry: &Geometry<f64>) -> Geometry<f64> {
    let Geometry::Polygon(poly) = geometry else {
        return geometry.clone();
    };
    let turned = |ring: &LineString<f64>, counter_clockwise: bool| {
        let mut coords: Vec<Coord<f64>> = ring.0.clone();
        if ring_is_counter_clockwise(&coords) != counter_clockwise {
            coords.reverse();
        }
        LineString(coords)
    };
    Geometry::Polygon(Polygon::new(
        turned(poly.exterior(), true),
        poly.interiors().iter().map(|r| turned(r, false)).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_s_features_say_in_how_many_articles_and_from_when_to_when() {
        let story = r#"{"format": "geobrief/2", "articles": [
            {"id": "a", "title": "A", "date": "2025-03-01", "paragraphs": ["In Tartus."]},
            {"id": "b", "title": "B", "paragraphs": ["Tartus again."]},
            {"id": "c", "title": "C", "date": "2025-01-05", "paragraphs": ["Tartus, and Tartus."]}],
          "places": [{"id": "tartus", "name": "Tartus", "kind": "city",
            "geometry": {"type": "Point", "coordinates": [35.89, 34.89]}}],
          "links": [
            {"place": "tartus", "target": {"article": "a", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
            {"place": "tartus", "target": {"article": "b", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
            {"place": "tartus", "target": {"article": "c", "paragraph": 0, "selector": [{"type": "TextPositionSelector", "start": 0, "end": 6}, {"type": "TextQuoteSelector", "exact": "Tartus"}]}},
            {"place": "tartus", "target": {"article": "c", "paragraph": 0, "selector": [{"type": "TextPositionSelector", "start": 12, "end": 18}, {"type": "TextQuoteSelector", "exact": "Tartus"}]}}]}"#;
        let brief = crate::brief::parse_brief(story.as_bytes()).unwrap();
        let collection = feature_collection(&brief);
        let tartus = &collection.features[0];
        assert_eq!(tartus.property("mentions"), Some(&json!(4)));
        assert_eq!(tartus.property("articles"), Some(&json!(3)));
        assert_eq!(tartus.property("first_date"), Some(&json!("2025-01-05")));
        assert_eq!(tartus.property("last_date"), Some(&json!("2025-03-01")));
        let one = feature_collection(&Brief::default_brief());
        assert!(
            one.features[0].property("articles").is_none(),
            "a brief of one article says nothing of articles"
        );
    }

    #[test]
    fn every_place_is_a_feature_with_its_mentions_and_passages() {
        let brief = Brief::default_brief();
        let text = feature_collection_json(&brief);
        let back: geojson::FeatureCollection = text
            .parse::<geojson::GeoJson>()
            .unwrap()
            .try_into()
            .unwrap();
        assert_eq!(back.features.len(), brief.place_count());
        let moscow = back
            .features
            .iter()
            .find(|f| f.property("id") == Some(&json!("moscow")))
            .unwrap();
        assert_eq!(moscow.property("mentions"), Some(&json!(8)));
        assert_eq!(
            moscow.property("gazetteer_uri"),
            Some(&json!("https://sws.geonames.org/524901/"))
        );
        let passages = moscow.property("passages").unwrap().as_array().unwrap();
        assert!(passages[0].as_str().unwrap().contains("Moscow"));
        let selectors = moscow.property("selectors").unwrap().as_array().unwrap();
        assert_eq!(selectors.len(), 8);
        assert_eq!(selectors[0][0]["type"], "TextQuoteSelector");
        assert_eq!(selectors[0][0]["exact"], "Moscow");
        assert_eq!(selectors[0][1]["type"], "TextPositionSelector");
    }

    #[test]
    fn positions_are_longitude_first_and_exterior_rings_run_counter_clockwise() {
        let brief = Brief::default_brief();
        let collection = feature_collection(&brief);
        for f in &collection.features {
            let geometry: Geometry<f64> = f
                .geometry
                .as_ref()
                .unwrap()
                .value
                .clone()
                .try_into()
                .unwrap();
            match geometry {
                Geometry::Point(p) if f.property("id") == Some(&json!("tartus")) => {
                    assert!((p.x() - 35.87).abs() < 0.05 && (p.y() - 34.91).abs() < 0.05);
                }
                Geometry::Polygon(poly) => {
                    assert!(ring_is_counter_clockwise(&poly.exterior().0));
                    assert_eq!(poly.exterior().0.first(), poly.exterior().0.last());
                }
                _ => {}
            }
        }
        let top: Value = serde_json::from_str(&feature_collection_json(&brief)).unwrap();
        let keys: Vec<&String> = top.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["features", "type"]);
    }

    #[test]
    fn positions_keep_seven_decimals_and_print_no_more() {
        let story = r#"{"format": "geobrief/1", "article": {"title": "T", "paragraphs": ["In Tartus."]},
          "places": [
            {"id": "tartus", "name": "Tartus", "kind": "city",
             "geometry": {"type": "Point", "coordinates": [35.887654321987, 34.123456789]}},
            {"id": "zone", "name": "Zone", "kind": "area",
             "geometry": {"type": "Polygon", "coordinates": [[[35.0000000449, 34.0], [36.12345678, 34.0], [36.0, 35.99999999], [35.0000000449, 34.0]]]}}],
          "links": []}"#;
        let brief = crate::brief::parse_brief(story.as_bytes()).unwrap();
        let text = feature_collection_json(&brief);
        assert!(text.contains("35.8876543,"), "{text}");
        assert!(text.contains("34.1234568"), "{text}");
        assert!(text.contains("36.1234568,"), "{text}");
        assert!(text.contains("36.0,") && text.contains("35.0,"), "{text}");
        let numbers = text
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|n| n.contains('.'));
        for n in numbers {
            let decimals = n.len() - n.find('.').unwrap() - 1;
            assert!(decimals <= 7, "{n} has {decimals} decimals");
        }
    }

    #[test]
    fn a_clockwise_ring_is_turned_and_its_holes_run_the_other_way() {
        let cw = LineString::from(vec![
            (0.0, 0.0),
            (0.0, 1.0),
            (1.0, 1.0),
            (1.0, 0.0),
            (0.0, 0.0),
        ]);
        let hole_ccw = LineString::from(vec![(0.2, 0.2), (0.4, 0.2), (0.4, 0.4), (0.2, 0.2)]);
        let Geometry::Polygon(p) =
            right_handed(&Geometry::Polygon(Polygon::new(cw, vec![hole_ccw])))
        else {
            unreachable!()
        };
        assert!(ring_is_counter_clockwise(&p.exterior().0));
        assert!(!ring_is_counter_clockwise(&p.interiors()[0].0));
    }
}
