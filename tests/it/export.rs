#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! `geobrief export` and `geobrief import` from the command line: GeoJSON
//! that the `geojson` crate and GDAL (what QGIS reads with) accept, W3C
//! annotations whose positions hold their words, a PNG of the asked size,
//! and an export that imports back as the same places and mentions.

use std::path::{Path, PathBuf};
use std::process::Command;

use geo_types::Geometry;
use geobrief::brief::{Brief, ring_is_counter_clockwise};

use crate::common::{geobrief_cli as geobrief, run_ok};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("geobrief-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn default_brief_file(dir: &Path) -> PathBuf {
    let path = dir.join("brief.json");
    std::fs::write(&path, geobrief::brief::DEFAULT_BRIEF_JSON).unwrap();
    path
}

#[test]
fn the_geojson_export_is_rfc_7946_with_one_feature_a_place() {
    let dir = temp_dir("geojson");
    let brief = default_brief_file(&dir);
    let out = dir.join("places.geojson");
    run_ok(
        geobrief()
            .arg("export")
            .arg(&brief)
            .arg("--geojson")
            .arg(&out),
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let collection: geojson::FeatureCollection = text
        .parse::<geojson::GeoJson>()
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(collection.features.len(), 13);
    assert!(collection.foreign_members.is_none() && collection.bbox.is_none());
    for feature in &collection.features {
        for key in [
            "id",
            "name",
            "kind",
            "note",
            "approximate",
            "mentions",
            "passages",
        ] {
            assert!(feature.contains_property(key), "{key} missing");
        }
        let geometry: Geometry<f64> = feature
            .geometry
            .as_ref()
            .unwrap()
            .value
            .clone()
            .try_into()
            .unwrap();
        match geometry {
            Geometry::Point(p) => {
                assert!((-180.0..=180.0).contains(&p.x()) && (-90.0..=90.0).contains(&p.y()));
            }
            Geometry::Polygon(poly) => {
                let ring = &poly.exterior().0;
                assert_eq!(ring.first(), ring.last(), "closed");
                assert!(ring_is_counter_clockwise(ring), "right-hand rule");
            }
            other => panic!("unexpected geometry {other:?}"),
        }
    }
    let moscow = collection
        .features
        .iter()
        .find(|f| f.property("name").and_then(|n| n.as_str()) == Some("Moscow"))
        .unwrap();
    let geometry: Geometry<f64> = moscow
        .geometry
        .as_ref()
        .unwrap()
        .value
        .clone()
        .try_into()
        .unwrap();
    let Geometry::Point(p) = geometry else {
        panic!()
    };
    assert!(
        (p.x() - 37.6).abs() < 0.1 && (p.y() - 55.75).abs() < 0.1,
        "longitude first"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn gdal_reads_the_geojson_export_as_qgis_would() {
    let Ok(version) = Command::new("ogrinfo").arg("--version").output() else {
        // Straight to the terminal: the test harness swallows what a
        // passing test prints, and a skip must be seen.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "gdal_reads_the_geojson_export_as_qgis_would: SKIPPED, GDAL's ogrinfo is not \
             installed (Debian package gdal-bin)"
        );
        return;
    };
    assert!(version.status.success());
    let dir = temp_dir("gdal");
    let brief = default_brief_file(&dir);
    let out = dir.join("places.geojson");
    run_ok(
        geobrief()
            .arg("export")
            .arg(&brief)
            .arg("--geojson")
            .arg(&out),
    );
    let info = run_ok(
        Command::new("ogrinfo")
            .args(["-ro", "-al", "-so"])
            .arg(&out),
    );
    assert!(info.contains("Feature Count: 13"), "{info}");
    // Points and polygons in one layer: GDAL calls its geometry type
    // "Unknown (any)", and reads every feature's own.
    assert!(info.contains("Geometry: Unknown (any)"), "{info}");
    assert!(info.contains("name: String"), "{info}");
    assert!(info.contains("mentions: Integer"), "{info}");
    assert!(info.contains("selectors: String(JSON)"), "{info}");
    let features = run_ok(
        Command::new("ogrinfo")
            .args(["-ro", "-al", "-where", "name = 'Tartus naval facility'"])
            .arg(&out),
    );
    assert!(features.contains("POINT (35.8725 34.9125)"), "{features}");
    let area = run_ok(
        Command::new("ogrinfo")
            .args(["-ro", "-al", "-where", "id = 'northeastern-syria'"])
            .arg(&out),
    );
    assert!(area.contains("POLYGON (("), "{area}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_annotations_are_w3c_json_ld_whose_positions_hold_their_words() {
    let dir = temp_dir("annotations");
    let brief = default_brief_file(&dir);
    let (anno, text) = (dir.join("places.jsonld"), dir.join("article.txt"));
    run_ok(
        geobrief()
            .arg("export")
            .arg(&brief)
            .arg("--annotations")
            .arg(&anno)
            .arg("--text")
            .arg(&text),
    );
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&anno).unwrap()).unwrap();
    assert_eq!(value["@context"], "http://www.w3.org/ns/anno.jsonld");
    let items = value["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 44, "one annotation a mention");
    let article: Vec<char> = std::fs::read_to_string(&text).unwrap().chars().collect();
    for item in items {
        assert_eq!(item["type"], "Annotation");
        let selectors = item["target"]["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (start, end) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        let found: String = article[start..end].iter().collect();
        assert_eq!(found, quote["exact"].as_str().unwrap());
        assert!(item["body"]["source"]["geometry"]["coordinates"].is_array());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_png_export_is_the_map_at_the_size_asked_without_a_window() {
    let dir = temp_dir("png");
    let brief = default_brief_file(&dir);
    let out = dir.join("map.png");
    let mut command = geobrief();
    command
        .arg("export")
        .arg(&brief)
        .arg("--png")
        .arg(&out)
        .args(["--size", "640x400"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    run_ok(&mut command);
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    assert_eq!((info.width, info.height), (640, 400));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_export_imports_back_into_the_bare_article_as_the_same_places() {
    let dir = temp_dir("import");
    let brief_path = default_brief_file(&dir);
    let exported = dir.join("places.geojson");
    run_ok(
        geobrief()
            .arg("export")
            .arg(&brief_path)
            .arg("--geojson")
            .arg(&exported),
    );
    let original = Brief::default_brief();
    let bare = dir.join("bare.json");
    geobrief::brief::save::save_brief(
        &bare,
        &Brief::bare(original.article_doc(original.first_article())).to_doc(),
    )
    .unwrap();
    let out = dir.join("imported.json");
    let said = run_ok(
        geobrief()
            .arg("import")
            .arg(&bare)
            .arg(&exported)
            .arg("-o")
            .arg(&out),
    );
    assert!(said.contains("13 places imported"), "{said}");
    let imported = geobrief::brief::parse_brief_file(&out).unwrap();
    let summary = |b: &Brief| -> Vec<(String, String, String, bool)> {
        b.places()
            .map(|p| {
                (
                    p.id.to_string(),
                    p.name.clone(),
                    p.note.clone(),
                    p.approximate,
                )
            })
            .collect()
    };
    assert_eq!(summary(&imported), summary(&original));
    assert!(said.contains("with 44 mentions"), "{said}");
    let mentions = |b: &Brief| -> Vec<(String, usize, std::ops::Range<usize>)> {
        b.mentions()
            .map(|m| (m.place.to_string(), m.paragraph, m.bytes))
            .collect()
    };
    assert_eq!(mentions(&imported), mentions(&original));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_without_an_output_is_a_usage_error() {
    let dir = temp_dir("usage");
    let brief = default_brief_file(&dir);
    let out = geobrief().arg("export").arg(&brief).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--geojson"));
    std::fs::remove_dir_all(&dir).unwrap();
}
