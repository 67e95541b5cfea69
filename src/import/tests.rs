use super::*;
use crate::brief::{Article, Mention};
use crate::editing::{EditAction, plan};
use crate::export::annotations::collection_json;
use crate::export::geojson::{feature_collection_json, right_handed};

fn without_places(brief: &Brief) -> Brief {
    Brief::bare(brief.article_doc(brief.first_article()))
}

fn imported_into(brief: &mut Brief, imported: Imported) {
    let plan = plan(brief, &EditAction::AddPlaces(imported.places)).unwrap();
    brief.apply(plan.edit).unwrap();
}

fn import_text(brief: &mut Brief, json: &str) {
    let imported = places_from_geojson(json, brief).unwrap();
    imported_into(brief, imported);
}

/// Every mention as (place, paragraph, words, byte range), in text order.
fn mentions(brief: &Brief) -> Vec<(String, usize, String, Range<usize>)> {
    brief
        .mentions()
        .map(|m: Mention| {
            let words = brief.paragraphs()[m.paragraph][m.bytes.clone()].to_string();
            (m.place.to_string(), m.paragraph, words, m.bytes)
        })
        .collect()
}

fn article(paragraphs: &[&str]) -> Brief {
    Brief::bare(Article {
        title: "Floods".into(),
        title_by: None,
        byline: None,
        dateline: None,
        source: None,
        date: None,
        id: Default::default(),
        url: None,
        outlet: None,
        summary_only: false,
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        pages: None,
        extra: Default::default(),
    })
}

fn point(name: &str, lon: f64, lat: f64) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"name":"{name}"}},"geometry":{{"type":"Point","coordinates":[{lon},{lat}]}}}}"#
    )
}

fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

#[test]
fn an_export_imports_back_as_the_same_places_with_every_mention() {
    let original = Brief::default_brief();
    let mut bare = without_places(&original);
    let imported = places_from_geojson(&feature_collection_json(&original), &bare).unwrap();
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
    imported_into(&mut bare, imported);
    assert_eq!(bare.place_count(), original.place_count());
    for place in original.places() {
        let back = bare.place(&place.id).expect("same id");
        assert_eq!(back.name, place.name);
        assert_eq!(back.kind, place.kind);
        assert_eq!(back.note, place.note);
        assert_eq!(back.approximate, place.approximate);
        assert_eq!(back.sources, place.sources);
        assert_eq!(right_handed(&back.geometry), right_handed(&place.geometry));
    }
    assert_eq!(original.mention_count(), 44);
    assert_eq!(mentions(&bare), mentions(&original));
}

#[test]
fn the_web_annotations_alone_import_back_as_the_places_with_every_mention() {
    let original = Brief::default_brief();
    let mut bare = without_places(&original);
    let imported = places_from_geojson(&collection_json(&original), &bare).unwrap();
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
    imported_into(&mut bare, imported);
    // Places without a mention have no annotation to come back from.
    let mentioned = original
        .places()
        .filter(|p| !original.mentions_of(&p.id).is_empty())
        .count();
    assert_eq!(bare.place_count(), mentioned);
    // A place with a GeoNames id is named by it, not by its id in the brief:
    // its id is made again from its name.
    let by_name = |b: &Brief| -> Vec<(String, usize, String, Range<usize>)> {
        mentions(b)
            .into_iter()
            .map(|(id, p, words, bytes)| (b.place(&id).unwrap().name.clone(), p, words, bytes))
            .collect()
    };
    assert_eq!(by_name(&bare), by_name(&original));
}

#[test]
fn a_geojson_without_selectors_takes_its_mentions_from_the_annotations_beside_it() {
    let original = Brief::default_brief();
    let dir = std::env::temp_dir().join(format!("geobrief-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut geojson: Value = serde_json::from_str(&feature_collection_json(&original)).unwrap();
    for feature in geojson["features"].as_array_mut().unwrap() {
        feature["properties"]
            .as_object_mut()
            .unwrap()
            .remove("selectors");
    }
    let places = dir.join("story.geojson");
    std::fs::write(&places, geojson.to_string()).unwrap();
    std::fs::write(dir.join("story.jsonld"), collection_json(&original)).unwrap();
    let mut bare = without_places(&original);
    for path in [places.clone(), dir.join("story.jsonld")] {
        let imported = read_places_file(&path, &bare).unwrap();
        assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
        assert!(
            imported.notes[0].contains(if path == places {
                "Mentions read from"
            } else {
                "Places read from"
            }),
            "{:?}",
            imported.notes
        );
        assert_eq!(imported.places.new.len(), original.place_count());
        assert_eq!(imported.places.mention_count(), 44);
    }
    let imported = read_places_file(&places, &bare).unwrap();
    imported_into(&mut bare, imported);
    assert_eq!(mentions(&bare), mentions(&original));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_annotations_beside_a_geojson_with_selectors_add_no_place_of_their_own() {
    let original = Brief::default_brief();
    let dir = std::env::temp_dir().join(format!("geobrief-import-both-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("story.geojson"),
        feature_collection_json(&original),
    )
    .unwrap();
    std::fs::write(dir.join("story.jsonld"), collection_json(&original)).unwrap();
    let bare = without_places(&original);
    for name in ["story.geojson", "story.jsonld"] {
        let imported = read_places_file(&dir.join(name), &bare).unwrap();
        assert_eq!(imported.places.new.len(), 13, "{name}");
        assert_eq!(imported.places.mention_count(), 44, "{name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn importing_an_export_into_its_own_brief_adds_nothing() {
    let brief = Brief::default_brief();
    let imported = places_from_geojson(&feature_collection_json(&brief), &brief).unwrap();
    assert!(imported.places.is_empty(), "{:?}", imported.places);
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
    assert!(
        imported.notes[0].starts_with("13 imported places were in the brief already"),
        "{:?}",
        imported.notes
    );
}

#[test]
fn an_export_imported_twice_adds_its_places_once() {
    let original = Brief::default_brief();
    let exported = feature_collection_json(&original);
    let mut bare = without_places(&original);
    import_text(&mut bare, &exported);
    let again = places_from_geojson(&exported, &bare).unwrap();
    assert!(again.places.is_empty(), "{:?}", again.places);
    assert_eq!(bare.place_count(), 13);
}

#[test]
fn a_name_inside_a_longer_place_name_is_not_a_mention_of_the_shorter_place() {
    let mut brief = article(&[
        "Crews from Dublin and East Dublin worked through the night.",
        "In East Dublin, a shelter opened.",
    ]);
    let json = collection(&[
        point("Dublin", -82.90, 32.54),
        point("East Dublin", -82.87, 32.55),
    ]);
    import_text(&mut brief, &json);
    let words: Vec<(String, usize, String)> = mentions(&brief)
        .into_iter()
        .map(|(place, p, words, _)| (place, p, words))
        .collect();
    assert_eq!(
        words,
        [
            ("dublin".to_string(), 0, "Dublin".to_string()),
            ("east-dublin".into(), 0, "East Dublin".into()),
            ("east-dublin".into(), 1, "East Dublin".into()),
        ]
    );
    // Nor when the longer place is the brief's own, imported before.
    let mut brief = article(&["Crews from Dublin and East Dublin worked."]);
    let east = collection(&[point("East Dublin", -82.87, 32.55)]);
    import_text(&mut brief, &east);
    let dublin = collection(&[point("Dublin", -82.90, 32.54)]);
    import_text(&mut brief, &dublin);
    assert_eq!(brief.mentions_of("dublin").len(), 1);
    assert_eq!(brief.mentions_of("east-dublin").len(), 1);
}

#[test]
fn words_linked_to_a_place_are_not_linked_to_another_by_an_import() {
    let mut brief = article(&["Heavy rain closed roads in Athens on Tuesday."]);
    let georgia = collection(&[point("Athens", -83.38, 33.96)]);
    import_text(&mut brief, &georgia);
    // Athens, Greece is another place: added, but the word stays Georgia's.
    let greece = collection(&[point("Athens", 23.73, 37.98)]);
    let imported = places_from_geojson(&greece, &brief).unwrap();
    assert_eq!(imported.places.new.len(), 1);
    assert!(imported.places.new[0].mentions.is_empty());
    imported_into(&mut brief, imported);
    assert_eq!(brief.place_count(), 2);
    assert_eq!(brief.mention_count(), 1);
    assert_eq!(brief.mentions_of("athens").len(), 1);
}

#[test]
fn a_place_of_the_same_name_a_few_km_away_or_of_the_same_geonames_id_merges() {
    let mut brief = article(&["Heavy rain closed roads in Athens on Tuesday."]);
    let georgia = collection(&[point("Athens", -83.38, 33.96)]);
    import_text(&mut brief, &georgia);
    let near = collection(&[point("Athens", -83.40, 33.95)]);
    let imported = places_from_geojson(&near, &brief).unwrap();
    assert!(imported.places.is_empty());
    assert!(imported.notes[0].contains("in the brief already"));
    // The same GeoNames id is the same place wherever its point is.
    let mut brief = Brief::default_brief();
    let moved = collection(&[r#"{"type":"Feature","properties":{"name":"Moskva","gazetteer_uri":"https://sws.geonames.org/524901/"},"geometry":{"type":"Point","coordinates":[10,10]}}"#.to_string()]);
    let imported = places_from_geojson(&moved, &brief).unwrap();
    assert!(imported.places.new.is_empty());
    imported_into(&mut brief, imported);
    assert_eq!(brief.place_count(), 13);
}

#[test]
fn a_name_many_features_share_is_linked_to_the_first_of_them_only() {
    let brief = article(&["Springfield voted; Springfield counted."]);
    let json = collection(&[
        point("Springfield", -89.65, 39.80),
        point("Springfield", -72.59, 42.10),
        point("Springfield", -93.29, 37.21),
    ]);
    let imported = places_from_geojson(&json, &brief).unwrap();
    let counts: Vec<usize> = imported
        .places
        .new
        .iter()
        .map(|p| p.mentions.len())
        .collect();
    assert_eq!(counts, [2, 0, 0]);
    let mut brief = brief;
    imported_into(&mut brief, imported);
    let ids: Vec<&str> = brief.places().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["springfield", "springfield-2", "springfield-3"]);
}

#[test]
fn a_feature_without_a_name_or_with_a_line_is_skipped_with_why() {
    let json = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}},
        {"type":"Feature","properties":{"name":"Road"},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}},
        {"type":"Feature","properties":{"name":"Latakia"},"geometry":{"type":"Point","coordinates":[35.78,35.52]}}]}"#;
    let brief = without_places(&Brief::default_brief());
    let imported = places_from_geojson(json, &brief).unwrap();
    assert_eq!(imported.places.new.len(), 1);
    assert_eq!(
        imported.skipped,
        [
            "features[0]: no name (a `name` property)",
            "features[1]: “Road”: only points and polygons become places"
        ]
    );
}

#[test]
fn a_feature_with_a_huge_name_or_a_bad_coordinate_is_skipped_and_the_rest_kept() {
    let long = "Latakia".repeat(20_000);
    let json = collection(&[
        point(&long, 1.0, 2.0),
        point("Far", 500.0, 2.0),
        point("Latakia", 35.78, 35.52),
    ]);
    let brief = without_places(&Brief::default_brief());
    let imported = places_from_geojson(&json, &brief).unwrap();
    assert_eq!(imported.places.new.len(), 1);
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

/// fuzz `geojson`: a position of one number panicked inside the geojson
/// crate's conversion.
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
fn a_position_of_words_or_nan_skips_its_feature_and_keeps_the_rest() {
    let brief = without_places(&Brief::default_brief());
    for bad in [
        r#"["a","b"]"#,
        "[NaN, 35.5]",
        "[Infinity, 35.5]",
        "[null, 35.5]",
    ] {
        let json = format!(
            r#"{{"type":"FeatureCollection","features":[
            {{"type":"Feature","properties":{{"name":"Bad \"NaN\" place"}},"geometry":{{"type":"Point","coordinates":{bad}}}}},
            {}]}}"#,
            point("Latakia", 35.78, 35.52)
        );
        let imported = places_from_geojson(&json, &brief).unwrap();
        assert_eq!(imported.places.new.len(), 1, "{bad}");
        assert_eq!(imported.places.new[0].place.name, "Latakia");
        assert_eq!(imported.skipped.len(), 1, "{bad}: {:?}", imported.skipped);
        assert!(
            imported.skipped[0]
                .starts_with("features[0]: “Bad \"NaN\" place”: the geometry is not valid GeoJSON"),
            "{bad}: {:?}",
            imported.skipped
        );
    }
}

#[test]
fn a_bare_geometry_is_refused_as_not_a_collection() {
    let brief = Brief::default_brief();
    let error = places_from_geojson(r#"{"type":"Point","coordinates":[1,2]}"#, &brief).unwrap_err();
    assert!(matches!(error, ImportError::NotCollection { .. }));
}
