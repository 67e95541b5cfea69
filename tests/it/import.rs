//! Export, then import, in the window (File ▸ Export… and File ▸ Import
//! places… as their actions): the places and every mention come back, an
//! import into the story it came from adds nothing, and a name inside a
//! longer place name is not linked to the shorter place.

use std::ops::Range;
use std::path::Path;

use crate::common::{App, harness, harness_for, remove_every_place, settle, temp_dir};
use geobrief::action::{Action, FileAction};
use geobrief::brief::Brief;
use geobrief::export::ExportRequest;
use geobrief::export::geojson::right_handed;

/// A local story as a reader pastes it: Athens, and a Dublin inside
/// "East Dublin" as well as on its own.
const STORY: &str = "Flood warnings across middle Georgia\n\n\
    Heavy rain closed roads in Athens on Tuesday, and the Oconee River rose above its banks.\n\n\
    In East Dublin, officials opened a shelter at the fire station. Crews from Dublin and \
    East Dublin worked through the night.\n\n\
    Forecasters in Atlanta expect the rain to move east toward Savannah by Thursday.";

/// Every mention as (place name, paragraph, words, bytes), in text order.
fn mentions(brief: &Brief) -> Vec<(String, usize, String, Range<usize>)> {
    brief
        .mentions()
        .map(|m| {
            let name = brief.place(&m.place).unwrap().name.clone();
            let words = brief.paragraphs()[m.paragraph][m.bytes.clone()].to_string();
            (name, m.paragraph, words, m.bytes)
        })
        .collect()
}

/// Each place as (id, name, kind, note, approximate, sources, geometry).
fn places(brief: &Brief) -> Vec<String> {
    brief
        .places()
        .map(|p| {
            format!(
                "{} {} {:?} {} {} {:?} {:?}",
                p.id,
                p.name,
                p.kind,
                p.note,
                p.approximate,
                p.sources,
                right_handed(&p.geometry)
            )
        })
        .collect()
}

fn export(harness: &mut App, base: &Path) {
    let request = ExportRequest {
        geojson: Some(base.with_extension("geojson")),
        annotations: Some(base.with_extension("jsonld")),
        ..Default::default()
    };
    harness
        .state_mut()
        .apply(Action::File(FileAction::Export(request)));
    settle(harness);
    assert!(base.with_extension("geojson").is_file());
}

fn import(harness: &mut App, path: &Path) {
    harness
        .state_mut()
        .apply(Action::File(FileAction::ImportPlaces(path.to_path_buf())));
    settle(harness);
}

/// No two places share a word, unless the original brief linked them so
/// ("both facilities").
fn words_linked_twice(brief: &Brief) -> Vec<String> {
    let all: Vec<_> = brief.mentions().collect();
    let mut twice = Vec::new();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            let overlap = a.paragraph == b.paragraph
                && a.bytes.start < b.bytes.end
                && b.bytes.start < a.bytes.end;
            if overlap && a.place != b.place {
                twice.push(brief.paragraphs()[a.paragraph][a.bytes.clone()].to_string());
            }
        }
    }
    twice
}

#[test]
fn the_default_brief_exported_and_imported_into_its_bare_article_gives_back_every_mention() {
    let dir = temp_dir("import-default");
    let base = dir.join("story");
    let mut harness = harness();
    export(&mut harness, &base);
    let original = Brief::default_brief();
    let bare = Brief::bare(original.article_doc(original.first_article()));
    let mut harness = harness_for(geobrief::GeobriefApp::new(bare, None));
    import(&mut harness, &base.with_extension("geojson"));
    let brief = harness.state().brief();
    assert_eq!(original.mention_count(), 44);
    assert_eq!(brief.mention_count(), 44, "44 of 44 mentions");
    assert_eq!(places(brief), places(&original));
    assert_eq!(mentions(brief), mentions(&original));
    for words in ["Tartus", "Kremlin", "These bases", "Mediterranean"] {
        assert!(
            mentions(brief).iter().any(|(_, _, w, _)| w == words),
            "{words}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_pasted_story_exported_and_imported_into_itself_adds_nothing_and_back_into_its_bare_text_is_the_same()
 {
    let dir = temp_dir("import-pasted");
    let base = dir.join("georgia");
    let mut harness = harness();
    harness.event(egui::Event::Paste(STORY.to_string()));
    settle(&mut harness);
    let pasted = harness.state().brief().clone();
    assert!(pasted.place_count() >= 4, "{:?}", places(&pasted));
    export(&mut harness, &base);

    // Into the same story: every place is there already.
    let revision = harness.state().doc.revision();
    import(&mut harness, &base.with_extension("geojson"));
    let brief = harness.state().brief();
    assert_eq!(harness.state().doc.revision(), revision, "no edit");
    assert_eq!(places(brief), places(&pasted));
    assert!(brief.places().all(|p| !p.id.ends_with("-2")));
    assert!(words_linked_twice(brief).is_empty());

    // Into the story without its places, twice (the Web Annotations, which
    // read the GeoJSON beside them, then the GeoJSON): the same places and
    // mentions, once.
    remove_every_place(&mut harness);
    for path in [
        base.with_extension("jsonld"),
        base.with_extension("geojson"),
    ] {
        import(&mut harness, &path);
        let brief = harness.state().brief();
        assert_eq!(places(brief), places(&pasted), "{}", path.display());
        assert_eq!(mentions(brief), mentions(&pasted), "{}", path.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_plain_geojson_links_dublin_but_not_the_dublin_inside_east_dublin() {
    let dir = temp_dir("import-dublin");
    let path = dir.join("towns.geojson");
    let feature = |name: &str, lon: f64, lat: f64| {
        format!(
            r#"{{"type":"Feature","properties":{{"name":"{name}"}},"geometry":{{"type":"Point","coordinates":[{lon},{lat}]}}}}"#
        )
    };
    std::fs::write(
        &path,
        format!(
            r#"{{"type":"FeatureCollection","features":[{},{}]}}"#,
            feature("Dublin", -82.90, 32.54),
            feature("East Dublin", -82.87, 32.55)
        ),
    )
    .unwrap();
    let mut harness = harness();
    harness.event(egui::Event::Paste(STORY.to_string()));
    settle(&mut harness);
    remove_every_place(&mut harness);
    import(&mut harness, &path);
    let brief = harness.state().brief();
    let words: Vec<(String, usize, String)> = mentions(brief)
        .into_iter()
        .map(|(name, p, words, _)| (name, p, words))
        .collect();
    assert_eq!(
        words,
        [
            ("East Dublin".to_string(), 1, "East Dublin".to_string()),
            ("Dublin".into(), 1, "Dublin".into()),
            ("East Dublin".into(), 1, "East Dublin".into()),
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
