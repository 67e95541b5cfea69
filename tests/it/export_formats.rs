//! The formats that hand a brief on to other tools (#18): CSV for
//! spreadsheets, KML for Google Earth, GeoPackage for QGIS, each read back
//! by a real reader of its format (the `csv` crate, SQLite, GDAL).

use std::path::{Path, PathBuf};
use std::process::Command;

fn geobrief() -> Command {
    Command::new(env!("CARGO_BIN_EXE_geobrief"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("geobrief-formats-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run_ok(command: &mut Command) -> String {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        command,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
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
