//! The formats that hand a brief on to other tools (#18): CSV for
//! spreadsheets, KML for Google Earth, GeoPackage for QGIS, each read back
//! by a real reader of its format (the `csv` crate, SQLite, GDAL).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{geobrief_cli as geobrief, run_ok};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("geobrief-formats-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Says on the terminal that a test was skipped, and why (the harness
/// swallows what a passing test prints).
fn skipped(test: &str, why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{test}: SKIPPED, {why}");
}

fn has_gdal() -> bool {
    Command::new("ogrinfo")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A story of two dated articles whose texts hold quotes, commas and a
/// line break, and a place whose name holds a comma and quotes.
const AWKWARD_STORY: &str = r#"{"format": "geobrief/2", "title": "Ports, \"bases\" & <tags>",
  "articles": [
    {"id": "a1", "title": "Ships leave, \"quietly\"", "date": "2025-01-05", "outlet": "Desk",
     "paragraphs": ["Ships left Tartus, \"quietly\",\nsaid one officer.", "=SUM(A1) in Moscow."]},
    {"id": "a2", "title": "Back again", "date": "2025-03-01",
     "paragraphs": ["Tartus again, and the \"Zone, North\" too. <b>Not bold</b>"]}],
  "places": [
    {"id": "tartus", "name": "Tartus", "kind": "naval_base",
     "geometry": {"type": "Point", "coordinates": [35.8725, 34.9125]}},
    {"id": "moscow", "name": "Moscow", "kind": "capital",
     "geometry": {"type": "Point", "coordinates": [37.6176, 55.7558]}},
    {"id": "zone", "name": "\"Zone, North\"", "kind": "area",
     "geometry": {"type": "Polygon", "coordinates": [[[38.0, 36.0], [40.0, 36.0], [40.0, 37.5], [38.0, 37.5], [38.0, 36.0]]]}}],
  "links": [
    {"place": "tartus", "target": {"article": "a1", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
    {"place": "moscow", "target": {"article": "a1", "paragraph": 1, "selector": [{"type": "TextQuoteSelector", "exact": "Moscow"}]}},
    {"place": "tartus", "target": {"article": "a2", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "Tartus"}]}},
    {"place": "zone", "target": {"article": "a2", "paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "\"Zone, North\""}]}}]}"#;

fn awkward_story(dir: &Path) -> PathBuf {
    let path = dir.join("story.json");
    std::fs::write(&path, AWKWARD_STORY).unwrap();
    path
}

fn default_brief(dir: &Path) -> PathBuf {
    let path = dir.join("brief.json");
    std::fs::write(&path, geobrief::brief::DEFAULT_BRIEF_JSON).unwrap();
    path
}

#[test]
fn the_csv_of_mentions_reads_back_in_a_csv_reader_with_its_quotes_commas_and_line_breaks() {
    let dir = temp_dir("csv");
    let story = awkward_story(&dir);
    let out = dir.join("mentions.csv");
    run_ok(geobrief().arg("export").arg(&story).arg("--csv").arg(&out));
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        &header[..8],
        [
            "article",
            "date",
            "place",
            "kind",
            "latitude",
            "longitude",
            "quote",
            "paragraph"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4, "one row a mention");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let cell = |row: usize, name: &str| rows[row][column(name)].to_string();
    assert_eq!(cell(0, "article"), "a1");
    assert_eq!(cell(0, "date"), "2025-01-05");
    assert_eq!(cell(0, "place"), "Tartus");
    assert_eq!(cell(0, "kind"), "naval_base");
    assert_eq!(cell(0, "latitude"), "34.9125");
    assert_eq!(cell(0, "longitude"), "35.8725");
    assert_eq!(cell(0, "paragraph"), "1");
    assert_eq!(
        cell(0, "quote"),
        "Ships left Tartus, \"quietly\",\nsaid one officer."
    );
    assert_eq!(cell(0, "title"), "Ships leave, \"quietly\"");
    // A passage that starts like a formula is not run by a spreadsheet.
    assert_eq!(cell(1, "quote"), "'=SUM(A1) in Moscow.");
    assert_eq!(cell(1, "paragraph"), "2");
    assert_eq!(cell(3, "place"), "\"Zone, North\"");
    assert_eq!(cell(3, "article"), "a2");
    assert_eq!(cell(3, "date"), "2025-03-01");
    // The positions count in the article's text, as the annotations do.
    let (start, end) = (cell(3, "start"), cell(3, "end"));
    let text: Vec<char> = "Tartus again, and the \"Zone, North\" too."
        .chars()
        .collect();
    let words: String = text[start.parse().unwrap()..end.parse().unwrap()]
        .iter()
        .collect();
    assert_eq!(words, cell(3, "words"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_kml_gives_each_place_its_passages_as_text_and_a_story_s_place_its_time_span() {
    let dir = temp_dir("kml");
    let story = awkward_story(&dir);
    let out = dir.join("places.kml");
    run_ok(geobrief().arg("export").arg(&story).arg("--kml").arg(&out));
    let kml = std::fs::read_to_string(&out).unwrap();
    // Tartus is named on 5 January and 1 March: the time slider shows it
    // from the first to the last.
    let tartus = &kml[kml.find("<name>Tartus</name>").unwrap()..];
    let tartus = &tartus[..tartus.find("</Placemark>").unwrap()];
    assert!(
        tartus.contains("<TimeSpan><begin>2025-01-05</begin><end>2025-03-01</end></TimeSpan>"),
        "{tartus}"
    );
    // Markup in a passage is text for Google Earth, which reads the
    // description as HTML: escaped for HTML, then for XML.
    assert!(
        kml.contains("&amp;lt;b&amp;gt;Not bold&amp;lt;/b&amp;gt;"),
        "{kml}"
    );
    assert!(!kml.contains("<b>"));
    assert!(kml.contains("<name>Ports, &quot;bases&quot; &amp; &lt;tags&gt;</name>"));
    if !has_gdal() {
        skipped(
            "the_kml_gives_each_place_its_passages_as_text_and_a_story_s_place_its_time_span",
            "GDAL's ogrinfo is not installed (Debian package gdal-bin): KML checked as text only",
        );
        return;
    }
    let info = run_ok(Command::new("ogrinfo").args(["-ro", "-al"]).arg(&out));
    assert!(info.contains("Feature Count: 3"), "{info}");
    assert!(info.contains("\"Zone, North\""), "{info}");
    assert!(info.contains("POLYGON ((38 36,40 36,"), "{info}");
    assert!(info.contains("begin (DateTime) = 2025/01/05"), "{info}");
    assert!(info.contains("end (DateTime) = 2025/03/01"), "{info}");
    assert!(info.contains("POINT (35.8725 34.9125"), "{info}");
    // GDAL unescapes the XML once: the HTML it hands on still shows the tag as text.
    assert!(info.contains("&lt;b&gt;Not bold&lt;/b&gt;"), "{info}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_geopackage_is_sqlite_with_the_standard_tables_and_joinable_articles_and_mentions() {
    let dir = temp_dir("gpkg-sql");
    let story = awkward_story(&dir);
    let out = dir.join("story.gpkg");
    run_ok(geobrief().arg("export").arg(&story).arg("--gpkg").arg(&out));
    let db = rusqlite::Connection::open(&out).unwrap();
    let pragma = |name: &str| -> i64 {
        db.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(pragma("application_id"), 0x4750_4B47, "'GPKG'");
    assert_eq!(pragma("user_version"), 10300);
    let strings = |sql: &str| -> Vec<String> {
        let mut statement = db.prepare(sql).unwrap();
        statement
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(
        strings("SELECT table_name || ':' || data_type FROM gpkg_contents ORDER BY table_name"),
        [
            "areas:features",
            "articles:attributes",
            "mentions:attributes",
            "places:features"
        ]
    );
    assert_eq!(
        strings(
            "SELECT table_name || ':' || column_name || ':' || geometry_type_name || ':' || srs_id \
             FROM gpkg_geometry_columns ORDER BY table_name"
        ),
        ["areas:geom:POLYGON:4326", "places:geom:POINT:4326"]
    );
    assert_eq!(
        strings(
            "SELECT organization || ':' || organization_coordsys_id FROM gpkg_spatial_ref_sys ORDER BY srs_id"
        ),
        ["NONE:-1", "NONE:0", "EPSG:4326"]
    );
    assert_eq!(
        strings("SELECT name FROM places ORDER BY fid"),
        ["Tartus", "Moscow"]
    );
    assert_eq!(strings("SELECT name FROM areas"), ["\"Zone, North\""]);
    assert_eq!(
        strings("SELECT id || ' ' || title || ' ' || date FROM articles ORDER BY fid"),
        [
            "a1 Ships leave, \"quietly\" 2025-01-05",
            "a2 Back again 2025-03-01"
        ]
    );
    // A GIS user joins the mentions to the places and the articles.
    assert_eq!(
        strings(
            "SELECT a.date || ' ' || m.words FROM mentions m \
             JOIN places p ON p.id = m.place JOIN articles a ON a.id = m.article \
             WHERE p.name = 'Tartus' ORDER BY a.date"
        ),
        ["2025-01-05 Tartus", "2025-03-01 Tartus"]
    );
    assert_eq!(
        strings(
            "SELECT first_date || '/' || last_date || '/' || articles FROM places WHERE id = 'tartus'"
        ),
        ["2025-01-05/2025-03-01/2"]
    );
    // Geometry blobs: "GP", version 0, little-endian with an x/y envelope,
    // SRS 4326, then WKB.
    let blob: Vec<u8> = db
        .query_row("SELECT geom FROM areas", [], |r| r.get(0))
        .unwrap();
    assert_eq!(&blob[..4], b"GP\x00\x03");
    assert_eq!(i32::from_le_bytes(blob[4..8].try_into().unwrap()), 4326);
    let f = |at: usize| f64::from_le_bytes(blob[at..at + 8].try_into().unwrap());
    assert_eq!([f(8), f(16), f(24), f(32)], [38.0, 40.0, 36.0, 37.5]);
    assert_eq!(blob[40], 1, "little-endian WKB");
    assert_eq!(
        u32::from_le_bytes(blob[41..45].try_into().unwrap()),
        3,
        "a Polygon"
    );
    drop(db);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn gdal_lists_every_layer_of_the_geopackage_and_converts_it() {
    if !has_gdal() {
        skipped(
            "gdal_lists_every_layer_of_the_geopackage_and_converts_it",
            "GDAL's ogrinfo is not installed (Debian package gdal-bin)",
        );
        return;
    }
    let dir = temp_dir("gpkg-gdal");
    let brief = default_brief(&dir);
    let out = dir.join("brief.gpkg");
    run_ok(geobrief().arg("export").arg(&brief).arg("--gpkg").arg(&out));
    let listing = Command::new("ogrinfo")
        .arg("-ro")
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&listing.stdout);
    assert!(listing.status.success(), "{stdout}");
    assert_eq!(
        String::from_utf8_lossy(&listing.stderr),
        "",
        "GDAL has nothing to warn of"
    );
    for layer in [
        "1: places (Point)",
        "2: areas (Polygon)",
        "3: articles (None)",
        "4: mentions (None)",
    ] {
        assert!(stdout.contains(layer), "{layer} in {stdout}");
    }
    let count = |layer: &str| {
        let info = run_ok(
            Command::new("ogrinfo")
                .args(["-ro", "-so"])
                .arg(&out)
                .arg(layer),
        );
        info.lines()
            .find_map(|l| l.strip_prefix("Feature Count: "))
            .unwrap_or_else(|| panic!("{info}"))
            .to_string()
    };
    assert_eq!(count("places"), "12");
    assert_eq!(count("areas"), "1", "northeastern Syria");
    assert_eq!(count("articles"), "1");
    assert_eq!(count("mentions"), "44");
    let converted = dir.join("places.geojson");
    run_ok(
        Command::new("ogr2ogr")
            .args(["-f", "GeoJSON"])
            .arg(&converted)
            .arg(&out)
            .arg("places"),
    );
    let collection: geojson::FeatureCollection = std::fs::read_to_string(&converted)
        .unwrap()
        .parse::<geojson::GeoJson>()
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(collection.features.len(), 12);
    let tartus = collection
        .features
        .iter()
        .find(|f| f.property("id") == Some(&serde_json::json!("tartus")))
        .unwrap();
    assert_eq!(tartus.property("mentions"), Some(&serde_json::json!(4)));
    std::fs::remove_dir_all(&dir).unwrap();
}
