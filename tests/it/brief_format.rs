#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! The brief file format: the embedded brief, round trips, and every kind of
//! bad input reported with its JSON path.

use geobrief::brief::{Brief, BriefError, DEFAULT_BRIEF_JSON, PlaceKind, parse_brief};
use geobrief::geo::{LonLat, distance_km};

fn default_json() -> serde_json::Value {
    serde_json::from_str(DEFAULT_BRIEF_JSON).unwrap()
}

fn errors_of(json: &serde_json::Value) -> Vec<BriefError> {
    parse_brief(json.to_string().as_bytes()).expect_err("the brief should be rejected")
}

#[test]
fn the_default_brief_carries_the_seed_article_verbatim() {
    let brief = Brief::default_brief();
    let article = brief.article_doc(brief.first_article());
    assert_eq!(article.byline.as_deref(), Some("By HAN News Desk"));
    assert_eq!(article.dateline.as_deref(), Some("MOSCOW"));
    assert_eq!(article.paragraphs.len(), 8);
    assert_eq!(article.title_by.as_deref(), Some("editor"));
    // The seed sits beside the repository on the team's machines and in CI.
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article.txt");
    if let Ok(seed) = std::fs::read_to_string(seed) {
        let rebuilt = format!(
            "{}\n{} — {}",
            article.byline.as_deref().unwrap_or(""),
            article.dateline.as_deref().unwrap_or(""),
            article.paragraphs.join("\n")
        );
        assert_eq!(rebuilt, seed.trim_end());
    }
}

#[test]
fn every_link_of_the_default_brief_anchors_exactly() {
    let brief = Brief::default_brief();
    assert!(brief.warnings.is_empty(), "{:?}", brief.warnings);
    assert_eq!(brief.mention_count(), brief.link_count());
    for m in brief.mentions() {
        assert_eq!(m.quality, geobrief::brief::AnchorQuality::Exact);
    }
}

#[test]
fn the_bases_are_within_five_km_of_their_real_sites() {
    let brief = Brief::default_brief();
    // Independent references: Wikipedia's coordinates for each site.
    let expected = [
        ("tartus", (35.8736, 34.9117)),
        ("hmeimim", (35.9486, 35.4011)),
        ("moscow", (37.6173, 55.7558)),
        ("latakia", (35.7833, 35.5167)),
        ("damascus", (36.2919, 33.5131)),
    ];
    for (id, (real_lon, real_lat)) in expected {
        let place = brief.place(id).unwrap();
        let (lon, lat) = place.anchor_lon_lat();
        let d = distance_km(LonLat::new(lon, lat), LonLat::new(real_lon, real_lat));
        assert!(d < 5.0, "{id} is {d:.1} km from its real site");
    }
}

#[test]
fn northeastern_syria_is_an_approximate_area() {
    let brief = Brief::default_brief();
    let place = brief.place("northeastern-syria").unwrap();
    assert!(place.is_area() && place.approximate);
    assert_eq!(place.kind, PlaceKind::Area);
}

#[test]
fn a_brief_survives_a_round_trip_with_unknown_fields() {
    let mut json = default_json();
    json["x-editor"] = serde_json::json!({"reviewed": true});
    json["places"][0]["x-color"] = serde_json::json!("red");
    let brief = parse_brief(json.to_string().as_bytes()).unwrap();
    let again: serde_json::Value = serde_json::from_str(&brief.to_json()).unwrap();
    assert_eq!(again, json);
}

#[test]
fn a_brief_with_a_dangling_place_id_is_rejected_with_its_json_path() {
    let mut json = default_json();
    json["links"][3]["place"] = serde_json::json!("atlantis");
    let errors = errors_of(&json);
    assert!(errors.contains(&BriefError::UnknownPlace {
        id: "atlantis".into(),
        at: "links[3].place".into()
    }));
}

#[test]
fn an_out_of_range_latitude_names_its_coordinate() {
    let mut json = default_json();
    json["places"][1]["geometry"]["coordinates"] = serde_json::json!([35.9, 135.4]);
    let message = errors_of(&json)[0].to_string();
    assert!(
        message.contains("places[1].geometry.coordinates[1]"),
        "{message}"
    );
    assert!(message.contains("latitude"), "{message}");
}

#[test]
fn an_unclosed_polygon_is_rejected() {
    let mut json = default_json();
    let ring = &mut json["places"][3]["geometry"]["coordinates"][0];
    ring.as_array_mut().unwrap().pop();
    let errors = errors_of(&json);
    assert!(
        matches!(&errors[0], BriefError::UnclosedRing { at } if at == "places[3].geometry.coordinates[0]")
    );
}

#[test]
fn a_position_past_the_end_of_its_paragraph_is_rejected() {
    let mut json = default_json();
    json["links"][0]["target"]["selector"][1] =
        serde_json::json!({"type": "TextPositionSelector", "start": 5000, "end": 5006});
    let errors = errors_of(&json);
    assert!(
        matches!(&errors[0], BriefError::PositionOutOfRange { at, .. } if at == "links[0].target.selector[1]")
    );
}

#[test]
fn a_wrong_type_is_reported_with_line_and_path() {
    let text = DEFAULT_BRIEF_JSON.replacen("\"kind\": \"naval_base\"", "\"kind\": 7", 1);
    let errors = parse_brief(text.as_bytes()).err().unwrap();
    let BriefError::Json { at, line, .. } = &errors[0] else {
        panic!("{errors:?}")
    };
    assert_eq!(at, "places[0].kind");
    assert!(*line > 1);
}

#[test]
fn bad_json_does_not_panic_and_says_where() {
    let errors = parse_brief(b"{\"format\": \"geobrief/1\", \"article\": ")
        .err()
        .unwrap();
    assert!(
        matches!(errors[0], BriefError::Json { line: 1, .. }),
        "{errors:?}"
    );
}

#[test]
fn a_future_format_version_is_refused_by_name() {
    let mut json = default_json();
    json["format"] = serde_json::json!("geobrief/9");
    assert_eq!(
        errors_of(&json),
        vec![BriefError::UnsupportedFormat {
            found: "geobrief/9".into()
        }]
    );
}

#[test]
fn a_file_that_is_not_utf8_is_refused() {
    let errors = parse_brief(&[b'{', 0xff, 0xfe]).err().unwrap();
    assert_eq!(errors, vec![BriefError::NotUtf8 { offset: 1 }]);
}

#[test]
fn a_link_survives_an_edit_to_its_paragraph_and_one_whose_words_are_gone_is_reported() {
    let mut json = default_json();
    let p4 = json["article"]["paragraphs"][4]
        .as_str()
        .unwrap()
        .to_string();
    json["article"]["paragraphs"][4] =
        serde_json::json!(format!("Indeed, {p4}").replace("Latakia", "the coast"));
    let brief = parse_brief(json.to_string().as_bytes()).unwrap();
    assert!(
        brief
            .mentions_of("tartus")
            .iter()
            .any(|l| brief.mention_text(l) == "Tartus")
    );
    assert!(
        brief
            .warnings
            .iter()
            .any(|w| w.contains("\"Latakia\" no longer appears")),
        "{:?}",
        brief.warnings
    );
    assert_eq!(
        brief.link_count(),
        default_json()["links"].as_array().unwrap().len()
    );
}

#[test]
fn random_garbage_never_panics() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let base = DEFAULT_BRIEF_JSON.as_bytes();
    for _ in 0..300 {
        let mut bytes = base.to_vec();
        for _ in 0..4 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed as usize) % bytes.len();
            bytes[i] = (seed >> 32) as u8;
        }
        let _ = parse_brief(&bytes);
    }
}

#[test]
fn a_brief_written_before_links_had_ids_loads_and_gets_ids_that_are_saved() {
    let mut json = default_json();
    for link in json["links"].as_array_mut().unwrap() {
        link.as_object_mut().unwrap().remove("id");
    }
    json["links"][0]["id"] = serde_json::json!("l2");
    let brief = parse_brief(json.to_string().as_bytes()).unwrap();
    let ids: Vec<String> = brief.links().map(|l| l.id.to_string()).collect();
    assert_eq!(ids[0], "l2", "an id the file gives is kept");
    assert_eq!(ids[1], "l1", "the others get the first free numbers");
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
    let saved: serde_json::Value = serde_json::from_str(&brief.to_json()).unwrap();
    assert!(
        saved["links"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["id"].is_string())
    );
}

#[test]
fn two_links_with_one_id_are_rejected_with_the_json_path() {
    let mut json = default_json();
    json["links"][3]["id"] = json["links"][1]["id"].clone();
    let errors = errors_of(&json);
    assert!(
        errors.iter().any(|e| e.to_string().contains("links[3].id")),
        "{errors:?}"
    );
}
