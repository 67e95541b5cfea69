#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! Opening, pasting and correcting, driven through the UI.

use crate::common::{App, harness, settle};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use geobrief::GeobriefApp;

const ARTICLE: &str = "Talks in Damascus\n\nBy A. Writer\n\nOfficials from Lebanon met in Damascus on Monday.\n\nThe Syrian delegation later flew to Aleppo, then to Homs.";

/// Whether the open brief has a place of this name.
fn has_place(app: &GeobriefApp, name: &str) -> bool {
    app.brief().places().any(|p| p.name == name)
}

fn paste(harness: &mut App, text: &str) {
    harness.event(egui::Event::Paste(text.to_string()));
    settle(harness);
}

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("geobrief-ui-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn open_by_path(harness: &mut App, path: &std::path::Path) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open a path…").click();
    harness.run();
    harness.get_by_role(Role::TextInput).focus();
    harness.run();
    harness
        .get_by_role(Role::TextInput)
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    settle(harness);
}

#[test]
fn pasting_an_article_makes_a_brief_with_its_places_on_the_map() {
    let mut harness = harness();
    paste(&mut harness, ARTICLE);
    let app = harness.state();
    assert_eq!(app.brief().title(), "Talks in Damascus");
    let names: Vec<&str> = app.brief().places().map(|p| p.name.as_str()).collect();
    for expected in ["Damascus", "Lebanon", "Aleppo", "Homs"] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    assert!(app.doc.is_dirty(), "a pasted brief is not saved yet");
    assert_eq!(
        app.window_title(),
        "• Talks in Damascus (not saved yet) — Geobrief"
    );
    let suggested = app.suggested_save_path();
    assert_eq!(
        suggested.file_name().unwrap().to_string_lossy(),
        "talks-in-damascus.json",
        "Save offers the article's title"
    );
    assert!(suggested.is_absolute() || suggested.starts_with("."));
    harness.get_by_label("Talks in Damascus (not saved yet)");
    harness.get_by_role_and_label(Role::Button, "Aleppo on the map");
}

#[test]
fn opening_a_broken_brief_shows_its_error_and_keeps_the_open_brief() {
    let mut harness = harness();
    let path = temp_file("broken.json", br#"{"format": "geobrief/1", "article": {"title": "x", "paragraphs": ["a"]}, "links": [{"place": "nowhere", "target": {"paragraph": 0, "selector": [{"type": "TextQuoteSelector", "exact": "a"}]}}]}"#);
    open_by_path(&mut harness, &path);
    let app = harness.state();
    assert_eq!(
        app.brief().place_count(),
        13,
        "the default brief stays open"
    );
    let problem = app
        .problems
        .iter()
        .map(|p| p.to_string())
        .find(|p| p.contains("broken.json"))
        .expect("a problem naming the file");
    assert!(problem.contains("links[0].place"), "{problem}");
    harness.get_by_label_contains("broken.json");
}

#[test]
fn opening_a_text_file_finds_its_places() {
    let mut harness = harness();
    let path = temp_file("talks.txt", ARTICLE.as_bytes());
    open_by_path(&mut harness, &path);
    let app = harness.state();
    assert!(has_place(app, "Aleppo"));
    assert_eq!(app.file.as_deref(), Some(path.as_path()));
}

#[test]
fn picking_another_candidate_moves_the_place_and_marks_the_brief_edited() {
    let mut harness = harness();
    paste(&mut harness, ARTICLE);
    harness
        .get_by_role_and_label(Role::Button, "Damascus")
        .click();
    harness.run();
    let before = {
        let app = harness.state();
        app.brief()
            .place(app.selected_id().unwrap())
            .unwrap()
            .anchor_lon_lat()
    };
    let count = harness.get_all_by_role(Role::RadioButton).count();
    assert!(count >= 2, "Damascus has namesakes to choose from");
    // The candidates are at the end of the card: scroll to them, as a reader would.
    harness
        .get_all_by_role(Role::RadioButton)
        .nth(1)
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_role(Role::RadioButton)
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    let app = harness.state();
    let place = app.brief().place("damascus").unwrap();
    assert_ne!(place.anchor_lon_lat(), before);
    assert_eq!(
        app.selected_id(),
        Some("damascus"),
        "the corrected place stays selected"
    );
    assert!(
        !app.brief().mentions_of("damascus").is_empty(),
        "its mentions stay linked"
    );
}

/// Whether the map's view (once it settles) holds this point.
fn map_shows(app: &GeobriefApp, (lon, lat): (f64, f64)) -> bool {
    let ((west, south), (east, north)) = app.map.visible_area().unwrap();
    (west..=east).contains(&lon) && (south..=north).contains(&lat)
}

#[test]
fn choosing_athens_georgia_carries_its_source_note_and_view_and_undo_puts_greece_back() {
    let mut harness = harness();
    paste(
        &mut harness,
        "Talks in Athens\n\nMinisters met in Athens on Monday to talk about trade.",
    );
    harness
        .get_by_role_and_label(Role::Button, "Athens")
        .click();
    harness.run();
    let id = harness.state().selected_id().unwrap().to_string();
    let before = harness.state().brief().place(&id).unwrap().clone();
    assert!(
        geobrief::export::geonames_uri(&before).is_some(),
        "a found place has a GeoNames id"
    );
    harness
        .get_by_label_contains("Athens, Georgia, United States")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label_contains("Athens, Georgia, United States")
        .click();
    settle(&mut harness);
    let app = harness.state();
    let after = app.brief().place(&id).unwrap().clone();
    let record = geobrief::brief::candidates::geoparse_record(&after).unwrap();
    let chosen = record.chosen().unwrap();
    assert_eq!(
        (chosen.region.as_str(), chosen.country.as_str()),
        ("Georgia", "United States")
    );
    let gid = chosen.geonames_id.unwrap();
    assert_eq!(
        geobrief::export::geonames_uri(&after),
        Some(format!("https://sws.geonames.org/{gid}/")),
        "the exported GeoNames id is the chosen place's"
    );
    assert_eq!(after.sources.len(), 1, "{:?}", after.sources);
    assert!(
        after.sources[0]
            .url
            .as_deref()
            .unwrap()
            .ends_with(&gid.to_string())
    );
    assert!(
        after.note.contains("Georgia, United States"),
        "{}",
        after.note
    );
    assert!(
        after.note.contains("chosen by the reader"),
        "{}",
        after.note
    );
    assert!(
        map_shows(app, after.anchor_lon_lat()),
        "the map flew to Georgia"
    );
    assert!(!map_shows(app, before.anchor_lon_lat()));
    harness.get_by_label_contains("Your choice. Geobrief had chosen Athens, ");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.brief().place(&id).unwrap(),
        &before,
        "undo puts every field back"
    );
    assert!(
        map_shows(app, before.anchor_lon_lat()),
        "the map flew back to Greece"
    );
}

#[test]
fn removing_a_false_place_removes_its_marker_and_highlights() {
    let mut harness = harness();
    paste(&mut harness, ARTICLE);
    harness.get_by_role_and_label(Role::Button, "Homs").click();
    harness.run();
    harness.get_by_label("Remove this place").click();
    harness.run();
    let app = harness.state();
    assert!(app.brief().places().all(|p| p.name != "Homs"));
    assert!(app.brief().links().all(|l| l.place != "homs"));
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Homs on the map")
            .is_none()
    );
}

#[test]
fn unsaved_edits_are_not_thrown_away_without_asking() {
    let mut harness = harness();
    paste(&mut harness, ARTICLE);
    paste(
        &mut harness,
        "Another story about Paris and Lyon and their mayors.",
    );
    harness.get_by_label("Unsaved edits");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().brief().title(), "Talks in Damascus");
    paste(
        &mut harness,
        "Another story about Paris and Lyon and their mayors.",
    );
    harness.get_by_label("Discard edits").click();
    settle(&mut harness);
    assert!(has_place(harness.state(), "Lyon"));
}

#[test]
fn saving_writes_a_brief_that_loads_back() {
    let mut harness = harness();
    paste(&mut harness, ARTICLE);
    let path = temp_file("saved.json", b"");
    harness.state_mut().apply(geobrief::Action::File(
        geobrief::action::FileAction::SaveTo(path.clone()),
    ));
    settle(&mut harness);
    assert!(!harness.state().doc.is_dirty());
    let loaded = geobrief::brief::parse_brief_file(&path).unwrap();
    assert_eq!(loaded.to_doc(), harness.state().brief().to_doc());
}

#[test]
fn favouring_a_country_moves_an_ambiguous_town_and_says_what_changed() {
    let mut harness = harness();
    paste(
        &mut harness,
        "Talks in Tripoli\n\nOfficials met in Tripoli on Monday to discuss the harbour.",
    );
    let before = harness
        .state()
        .brief()
        .place_at(0)
        .unwrap()
        .anchor_lon_lat();
    harness
        .get_by_role_and_label(Role::Button, "Places")
        .click();
    harness.run();
    harness.get_by_role(Role::TextInput).focus();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("LB");
    harness.run();
    harness.get_by_label("Find").click();
    settle(&mut harness);
    let app = harness.state();
    let after = app.brief().place_at(0).unwrap().anchor_lon_lat();
    assert_ne!(before, after);
    assert!(
        (after.1 - 34.4).abs() < 0.3,
        "Tripoli, Lebanon is at 34.4 N, got {after:?}"
    );
    assert!(
        app.problems
            .iter()
            .map(|p| p.to_string())
            .any(|p| p.contains("“Tripoli”") && p.contains("→")),
        "{:?}",
        app.problems
    );
}

/// A file as the window system hands it over on drop.
#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_file_dropped_on_the_window_opens() {
    let mut harness = harness();
    let path = temp_file("dropped.txt", ARTICLE.as_bytes());
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(path.clone())));
    settle(&mut harness);
    assert_eq!(harness.state().file.as_deref(), Some(path.as_path()));
    assert!(has_place(harness.state(), "Homs"));
}

#[test]
fn ctrl_n_opens_the_new_brief_dialog_and_escape_closes_it_keeping_the_selection() {
    let mut harness = harness();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("New brief from text");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().files.dialog, None);
    assert_eq!(harness.state().selected_id(), Some("tartus"));
}

#[test]
fn a_text_without_places_still_opens_with_a_world_map_and_the_text() {
    let mut harness = harness();
    paste(
        &mut harness,
        "nothing here names a place at all, just words and more words.",
    );
    let app = harness.state();
    assert_eq!(app.brief().place_count(), 0);
    assert!(
        app.map.camera.is_some_and(|c| c.zoom <= 3.0),
        "the map shows the world"
    );
    harness.get_by_label_contains("nothing here names a place");
}

/// Opens a page over an unsaved brief made from the page before.
fn open_discarding(harness: &mut App, path: &std::path::Path) {
    open_by_path(harness, path);
    if harness.query_by_label("Discard edits").is_some() {
        harness.get_by_label("Discard edits").click();
        settle(harness);
    }
}

/// A saved web page of `site` with its canonical address and one paragraph.
fn page_of(site: &str, n: usize, paragraph: &str) -> Vec<u8> {
    format!(
        "<!doctype html><html><head><title>Story {n}</title>\
         <link rel=\"canonical\" href=\"https://www.{site}/news/{n}.html\"></head>\
         <body><article><h1>Story {n}</h1><p>{paragraph} The story goes on for a while, \
         with quotes from people who were there and what they said about it.</p>\
         </article></body></html>"
    )
    .into_bytes()
}

#[test]
fn a_local_paper_s_earlier_pages_put_its_dublin_in_its_own_state() {
    let dir = crate::common::temp_dir("publishers");
    let paths = geobrief::paths::Paths::in_dir(&dir);
    let mut harness = crate::common::harness_for(GeobriefApp::with_paths(
        geobrief::brief::Brief::default_brief(),
        None,
        paths.clone(),
    ));
    let site = "ohio-weekly.example";
    let stories = [
        "A fair opened in Mount Vernon, Ohio, on Saturday.",
        "The council of Chillicothe, Ohio, met on Tuesday.",
        "Roads were closed in Zanesville, Ohio, after the storm.",
    ];
    for (n, story) in stories.iter().enumerate() {
        let path = temp_file(&format!("story{n}.html"), &page_of(site, n, story));
        open_discarding(&mut harness, &path);
        assert_eq!(
            harness
                .state()
                .brief()
                .first_article()
                .info
                .source
                .as_deref(),
            Some(format!("https://www.{site}/news/{n}.html").as_str()),
            "the page's own address is the brief's source"
        );
    }
    let memory = std::fs::read_to_string(paths.publishers().unwrap()).unwrap();
    assert!(memory.contains(site), "what was learned is kept: {memory}");
    let dublin_story = "The council of Dublin met on Monday to talk about the roads.";
    let path = temp_file("story9.html", &page_of(site, 9, dublin_story));
    open_discarding(&mut harness, &path);
    let dublin = harness
        .state()
        .brief()
        .places()
        .find(|p| p.name == "Dublin")
        .cloned()
        .expect("Dublin is found");
    let (lon, lat) = dublin.anchor_lon_lat();
    // Dublin, Ohio is at about 40.1 N, 83.1 W; Dublin, Ireland at 53.3 N, 6.3 W.
    assert!(
        (lat - 40.1).abs() < 1.0 && (lon + 83.1).abs() < 1.0,
        "Dublin at {lat}, {lon}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_page_from_a_site_never_read_before_keeps_its_famous_dublin() {
    let dir = crate::common::temp_dir("publishers-new");
    let paths = geobrief::paths::Paths::in_dir(&dir);
    let mut harness = crate::common::harness_for(GeobriefApp::with_paths(
        geobrief::brief::Brief::default_brief(),
        None,
        paths,
    ));
    let story = "The council of Dublin met on Monday to talk about the roads.";
    let path = temp_file("fresh.html", &page_of("another-paper.example", 1, story));
    open_by_path(&mut harness, &path);
    let dublin = harness
        .state()
        .brief()
        .places()
        .find(|p| p.name == "Dublin")
        .cloned()
        .expect("Dublin is found");
    let (lon, lat) = dublin.anchor_lon_lat();
    assert!(
        (lat - 53.3).abs() < 1.0 && (lon + 6.3).abs() < 1.0,
        "Dublin at {lat}, {lon}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_newest_problem_is_read_from_its_first_line_above_the_older_ones() {
    let mut harness = harness();
    let faults: Vec<String> = (1..=30)
        .map(|i| format!("feed.xml item {i}: no title and no text"))
        .collect();
    {
        let app = harness.state_mut();
        app.problems
            .push(geobrief::problem::Problem::Note("An older note".to_owned()));
        app.problems
            .push(geobrief::problem::Problem::Open(faults.join("\n")));
    }
    harness.run();
    let heading = harness
        .get_by_label_contains("Problems and notes (2)")
        .rect();
    let newest = harness.get_by_label_contains("feed.xml item 1:").rect();
    let older = harness.get_by_label("An older note").rect();
    assert!(
        newest.top() >= heading.bottom(),
        "the newest entry's first line is in view: {newest:?} under {heading:?}"
    );
    assert!(newest.top() < older.top(), "newest first");
}

#[test]
fn a_story_of_chicago_detroit_and_cleveland_opens_without_the_singer_s_name_as_a_town() {
    let mut harness = harness();
    paste(
        &mut harness,
        "Kim Kardashian posts family photo\n\nThe reality star posed with husband Kanye West for a photo in Chicago, then flew to Detroit and Cleveland for the opening of two stores. Workers in Detroit said the crowds were the biggest since the stores opened in Cleveland.",
    );
    let app = harness.state();
    for town in ["Chicago", "Detroit", "Cleveland"] {
        assert!(has_place(app, town), "{town}");
    }
    assert!(
        !has_place(app, "Kanye"),
        "a town in Botswana, far from the story"
    );
    // The view fits the three cities: wide enough, over the Great Lakes, for
    // the locator's overview to be cut to its own height (which once
    // aborted the app).
    harness.get_by_label_contains("Locator");
}
