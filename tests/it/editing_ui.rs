#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! Editing through the UI as a reader does it: select words and link them,
//! drag a marker, undo and redo, save and reopen, recover after a crash,
//! and teach Geobrief a place.

use std::time::Duration;

use crate::common::{App, harness, harness_for, settle, temp_dir};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use geobrief::GeobriefApp;
use geobrief::brief::{Brief, parse_brief_file};
use geobrief::editing::EditAction;
use geobrief::paths::Paths;

/// Presses at the start of `words` in `paragraph`, drags to their end and
/// lets go: the words are selected, as with a mouse.
fn drag_over_words(harness: &mut App, paragraph: usize, words: &str) {
    let (start, end) = {
        let app = harness.state();
        let text = &app.brief().paragraphs()[paragraph];
        let at = text.find(words).unwrap();
        let first = app
            .views
            .article
            .screen_rect_of(text, paragraph, at..at + 1)
            .expect("the paragraph is drawn");
        let last = app
            .views
            .article
            .screen_rect_of(text, paragraph, at + words.len() - 1..at + words.len())
            .unwrap();
        (
            first.left_center() + egui::vec2(1.0, 0.0),
            last.right_center() - egui::vec2(1.0, 0.0),
        )
    };
    harness.hover_at(start);
    harness.step();
    harness.drag_at(start);
    harness.step();
    let mid = start + (end - start) / 2.0;
    harness.hover_at(mid);
    harness.step();
    harness.hover_at(end);
    harness.step();
    harness.drop_at(end);
    harness.run();
}

/// The default brief without its links to Latakia.
fn brief_without_latakia_links() -> Brief {
    let mut json: serde_json::Value =
        serde_json::from_str(geobrief::brief::DEFAULT_BRIEF_JSON).unwrap();
    json["links"]
        .as_array_mut()
        .unwrap()
        .retain(|l| l["place"] != "latakia");
    geobrief::brief::parse_brief(json.to_string().as_bytes()).unwrap()
}

fn open_by_path(harness: &mut App, path: &std::path::Path) {
    harness
        .state_mut()
        .apply(geobrief::Action::File(geobrief::action::FileAction::Open(
            path.to_path_buf(),
        )));
    settle(harness);
}

#[test]
fn a_user_links_latakia_in_the_text_saves_reopens_and_sees_the_link() {
    let dir = temp_dir("link-latakia");
    let path = dir.join("brief.json");
    geobrief::brief::save::save_brief(&path, &brief_without_latakia_links().to_doc()).unwrap();
    let mut harness = harness();
    open_by_path(&mut harness, &path);
    assert!(harness.state().brief().mentions_of("latakia").is_empty());
    let paragraph = harness
        .state()
        .brief()
        .paragraphs()
        .iter()
        .position(|p| p.contains("Latakia"))
        .unwrap();

    harness
        .get_by_role_and_label(Role::Button, "Latakia")
        .click();
    harness.run();
    drag_over_words(&mut harness, paragraph, "Latakia");
    let selected = harness
        .state()
        .selection
        .text
        .clone()
        .expect("words selected");
    assert_eq!(selected.text(harness.state().brief()), "Latakia");
    harness.get_by_label(&format!("Selected: “Latakia” (¶{})", paragraph + 1));
    harness.get_by_label("Link to Latakia").click();
    harness.run();
    assert_eq!(harness.state().brief().mentions_of("latakia").len(), 1);
    assert!(harness.state().doc.is_dirty());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    assert!(!harness.state().doc.is_dirty(), "saved");

    let mut again = harness_for(GeobriefApp::default());
    open_by_path(&mut again, &path);
    let brief = again.state().brief();
    let links = brief.mentions_of("latakia");
    assert_eq!(links.len(), 1);
    assert_eq!(brief.mention_text(&links[0]), "Latakia");
    again.get_by_role_and_label(Role::Link, "Latakia");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn tartus_lon_lat(harness: &App) -> (f64, f64) {
    harness
        .state()
        .brief()
        .place("tartus")
        .unwrap()
        .anchor_lon_lat()
}

/// Drags the selected place's marker by `by` points, in small moves.
fn drag_marker(harness: &mut App, label: &str, by: egui::Vec2) {
    let from = harness
        .get_by_role_and_label(Role::Button, label)
        .rect()
        .center();
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for k in 1..=6 {
        harness.hover_at(from + by * (k as f32 / 6.0));
        harness.step();
    }
    harness.drop_at(from + by);
    harness.run();
}

#[test]
fn a_user_drags_a_marker_undoes_and_the_marker_is_back() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Tartus naval facility")
        .click();
    harness.run();
    let before = tartus_lon_lat(&harness);
    drag_marker(
        &mut harness,
        "Tartus naval facility on the map",
        egui::vec2(40.0, 25.0),
    );
    let moved = tartus_lon_lat(&harness);
    assert_ne!(moved, before, "the marker moved");
    assert!(harness.state().map.gesture.is_none(), "the drag ended");
    assert_eq!(
        harness.state().doc.undo_label(),
        Some("move Tartus naval facility")
    );
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo move Tartus naval facility");
    harness.key_press(egui::Key::Escape);
    harness.run();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(tartus_lon_lat(&harness), before, "undo puts it back");
    assert_eq!(
        harness.state().doc.undo_label(),
        None,
        "a drag is one step, not sixty"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(tartus_lon_lat(&harness), moved, "redo moves it again");
}

#[test]
fn the_selection_survives_a_delete_and_its_undo() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Moscow")
        .click();
    harness.run();
    harness.state_mut().apply(geobrief::Action::Edit(
        geobrief::editing::EditAction::RemovePlace("latakia".into()),
    ));
    harness.run();
    assert!(harness.state().brief().place("latakia").is_none());
    assert_eq!(harness.state().selected_id(), Some("moscow"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(harness.state().brief().place("latakia").is_some());
    assert_eq!(
        harness.state().selected_id(),
        Some("moscow"),
        "Moscow is still selected"
    );
    harness.get_by_label("1 of 8");
}

#[test]
fn renaming_a_place_on_its_card_is_one_step_shown_in_the_list() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Latakia")
        .click();
    harness.run();
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    name.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Latakia port");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().brief().place("latakia").unwrap().name,
        "Latakia port"
    );
    harness.get_by_role_and_label(Role::Button, "Latakia port");
    assert_eq!(
        harness.state().doc.undo_label(),
        Some("rename Latakia to Latakia port")
    );
}

#[test]
fn unlinking_one_passage_from_the_card_removes_just_that_mention() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Moscow")
        .click();
    harness.run();
    harness
        .get_all_by_role_and_label(Role::Button, "Unlink “Kremlin”")
        .next()
        .unwrap()
        .click();
    harness.run();
    let brief = harness.state().brief();
    assert_eq!(brief.mentions_of("moscow").len(), 7);
    harness.get_by_label("1 of 7");
}

#[test]
fn drawing_an_area_by_clicking_corners_and_pressing_enter_makes_one() {
    let mut harness = harness();
    let before = harness.state().brief().place_count();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Draw an area on the map").click();
    harness.run();
    let centre = harness
        .get_by_role_and_label(Role::Button, "Moscow on the map")
        .rect()
        .center();
    for offset in [
        egui::vec2(-30.0, -20.0),
        egui::vec2(30.0, -20.0),
        egui::vec2(0.0, 30.0),
    ] {
        let p = centre + offset + egui::vec2(0.0, 60.0);
        harness.hover_at(p);
        harness.step();
        harness.drag_at(p);
        harness.step();
        harness.drop_at(p);
        harness.run();
        // Clicks far enough apart in time not to count as a double click.
        for _ in 0..30 {
            harness.step();
        }
    }
    harness.key_press(egui::Key::Enter);
    harness.run();
    let brief = harness.state().brief();
    assert_eq!(brief.place_count(), before + 1);
    let area = brief.places().last().unwrap();
    assert!(area.is_area() && area.approximate);
    assert_eq!(harness.state().selected_id(), Some(area.id.as_str()));
    assert_eq!(harness.state().doc.undo_label(), Some("draw New area"));
}

#[test]
fn saving_an_unnamed_brief_asks_for_a_name_then_opens_what_waited() {
    let dir = temp_dir("save-then-go-on");
    let mut harness = harness();
    harness.event(egui::Event::Paste(
        "Talks in Damascus\n\nOfficials met in Damascus and Aleppo on Monday.".into(),
    ));
    settle(&mut harness);
    assert!(harness.state().doc.is_dirty());
    harness.event(egui::Event::Paste(
        "A second story about Lyon and Paris and their mayors.".into(),
    ));
    settle(&mut harness);
    harness.get_by_label("Unsaved edits");
    harness.get_by_label("Save").click();
    // No desktop file dialog here: Geobrief asks for a path instead.
    for _ in 0..200 {
        settle(&mut harness);
        if harness.query_by_label("Save the brief as").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let path = dir.join("first.json");
    let field = harness.get_by_role(Role::TextInput);
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role(Role::TextInput)
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("OK").click();
    settle(&mut harness);
    let saved = parse_brief_file(&path).unwrap();
    assert_eq!(saved.title(), "Talks in Damascus");
    assert!(
        harness.state().brief().places().any(|p| p.name == "Lyon"),
        "the second story opened once the first was saved"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_recovery_copy_is_offered_after_a_crash_and_removed_after_a_clean_close() {
    let dir = temp_dir("recovery");
    let paths = Paths::in_dir(&dir);
    let mut first = GeobriefApp::with_paths(Brief::default_brief(), None, paths.clone());
    first.set_recovery_delay(Duration::ZERO);
    let copy = first.recovery_copy_path().unwrap();
    let mut harness = harness_for(first);
    harness.state_mut().apply(geobrief::Action::Edit(
        geobrief::editing::EditAction::Rename {
            place: "tartus".into(),
            name: "Tartus port".into(),
        },
    ));
    for _ in 0..100 {
        settle(&mut harness);
        if copy.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(copy.exists(), "a copy of the unsaved work is written");
    // A crash: the app goes without a clean close.
    drop(harness);

    let mut second = GeobriefApp::with_paths(Brief::default_brief(), None, paths);
    second.set_recovery_delay(Duration::ZERO);
    let mut harness = harness_for(second);
    harness.get_by_label("Recover unsaved work?");
    harness.get_by_label("Recover").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().brief().place("tartus").unwrap().name,
        "Tartus port"
    );
    assert!(
        harness.state().doc.is_dirty(),
        "recovered work is still unsaved"
    );
    assert!(!copy.exists(), "the old copy is taken over");
    let own = harness.state().recovery_copy_path().unwrap();
    for _ in 0..100 {
        settle(&mut harness);
        if own.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(own.exists(), "the recovered work has a copy of its own");
    let says_recovered = |h: &crate::common::App| {
        h.state()
            .problems
            .iter()
            .any(|p| p.to_string().contains("Save it to keep it"))
    };
    assert!(says_recovered(&harness));
    let saved = dir.join("recovered.json");
    harness.state_mut().apply(geobrief::Action::File(
        geobrief::action::FileAction::SaveTo(saved.clone()),
    ));
    settle(&mut harness);
    assert!(saved.exists());
    assert!(
        !says_recovered(&harness),
        "once saved, the note that says to save goes"
    );
    // A clean close (what the window's exit does).
    harness.state_mut().remove_own_recovery_copy();
    let left: Vec<_> = std::fs::read_dir(dir.join("recovery"))
        .unwrap()
        .flatten()
        .collect();
    assert!(left.is_empty(), "{left:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_remembered_place_is_found_in_the_next_article() {
    let dir = temp_dir("personal");
    let paths = Paths::in_dir(&dir);
    let mut harness = harness_for(GeobriefApp::with_paths(
        Brief::default_brief(),
        None,
        paths.clone(),
    ));
    // A checkpoint the gazetteer does not know, put on the map by the reader.
    harness.state_mut().apply(geobrief::Action::Edit(
        geobrief::editing::EditAction::AddPlace(Box::new(geobrief::editing::NewPlace::point(
            "Checkpoint Zulu",
            geo_types::Coord { x: 36.2, y: 35.1 },
        ))),
    ));
    harness.run();
    harness.get_by_label("Remember this place").click();
    settle(&mut harness);
    harness.get_by_label("In your gazetteer");
    assert!(paths.personal_gazetteer().unwrap().exists());
    let revision = harness.state().doc.revision();
    harness.state_mut().doc.mark_saved(revision);
    harness.event(egui::Event::Paste(
        "Convoy stopped\n\nThe convoy was stopped at Checkpoint Zulu near Latakia.".into(),
    ));
    settle(&mut harness);
    let brief = harness.state().brief();
    let zulu = brief
        .places()
        .find(|p| p.name == "Checkpoint Zulu")
        .expect("found by name");
    assert_eq!(zulu.anchor_lon_lat(), (36.2, 35.1));
    assert_eq!(brief.mentions_of(&zulu.id).len(), 1);
    // Listed, and removable, in My places.
    harness.state_mut().apply(geobrief::Action::File(
        geobrief::action::FileAction::ShowMyPlaces,
    ));
    harness.run();
    harness.get_by_label("Remove Checkpoint Zulu").click();
    settle(&mut harness);
    assert!(harness.state().personal.places.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_window_title_shows_unsaved_edits_until_they_are_undone() {
    let mut harness = harness();
    assert_eq!(
        harness.state().window_title(),
        "Default brief (embedded) — Geobrief"
    );
    harness.state_mut().apply(geobrief::Action::Edit(
        geobrief::editing::EditAction::SetNote {
            place: "moscow".into(),
            note: "Capital of Russia".into(),
        },
    ));
    harness.run();
    assert!(
        harness.state().window_title().starts_with("• "),
        "{}",
        harness.state().window_title()
    );
    harness.get_by_label("• unsaved edits");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().window_title(),
        "Default brief (embedded) — Geobrief"
    );
}

#[test]
fn file_export_writes_every_format_asked_for() {
    let dir = temp_dir("export-dialog");
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    let base = harness.get_by_role_and_label(
        Role::TextInput,
        "File name (each format adds its extension):",
    );
    base.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    let base_path = dir.join("syria");
    harness
        .get_by_role_and_label(
            Role::TextInput,
            "File name (each format adds its extension):",
        )
        .type_text(&base_path.display().to_string());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    settle(&mut harness);
    for ext in ["geojson", "jsonld", "txt", "png"] {
        assert!(dir.join(format!("syria.{ext}")).exists(), "{ext} written");
    }
    assert!(
        harness
            .state()
            .problems
            .iter()
            .any(|p| p.to_string().starts_with("Exported:")),
        "the problems panel says what was written"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn importing_places_links_every_free_occurrence_of_their_names_and_undoes_in_one_step() {
    let dir = temp_dir("import-ui");
    let places = dir.join("places.geojson");
    std::fs::write(
        &places,
        r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"Kremlin","kind":"city"},
           "geometry":{"type":"Point","coordinates":[37.6175,55.7520]}}]}"#,
    )
    .unwrap();
    let mut harness = harness();
    // "Kremlin" speaks of Moscow in the default brief; an import never
    // links words of one place to another, so unlink them first.
    let kremlin_links: Vec<_> = {
        let brief = harness.state().brief();
        brief
            .mentions()
            .filter(|m| brief.mention_text(&m.link) == "Kremlin")
            .map(|m| m.link)
            .collect()
    };
    assert_eq!(kremlin_links.len(), 2);
    for link in kremlin_links {
        harness
            .state_mut()
            .apply(geobrief::Action::Edit(EditAction::RemoveMention(link)));
    }
    settle(&mut harness);
    let before = harness.state().brief().to_json();
    harness.state_mut().apply(geobrief::Action::File(
        geobrief::action::FileAction::ImportPlaces(places),
    ));
    settle(&mut harness);
    let brief = harness.state().brief();
    let kremlin = brief
        .places()
        .find(|p| p.name == "Kremlin")
        .expect("imported");
    assert_eq!(brief.mentions_of(&kremlin.id).len(), 2);
    harness.get_by_role_and_label(Role::Button, "Kremlin on the map");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().brief().to_json(), before);
    std::fs::remove_dir_all(&dir).unwrap();
}
