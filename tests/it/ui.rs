#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! The app driven as a user would: find things by their accessible labels,
//! click, and check what got selected and lit.

use crate::common::harness;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use geobrief::GeobriefApp;
use geobrief::map::projection::world_from_lon_lat;

fn mention_texts(app: &GeobriefApp) -> Vec<String> {
    app.selected_mentions()
        .iter()
        .map(|l| app.brief().mention_text(l).to_string())
        .collect()
}

fn click_on_map(harness: &mut Harness<'static, GeobriefApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

#[test]
fn clicking_tartus_on_the_map_selects_it_and_lights_its_passages() {
    let mut harness = harness();
    click_on_map(&mut harness, "Tartus naval facility on the map");
    let app = harness.state();
    assert_eq!(app.selected_id(), Some("tartus"));
    assert_eq!(
        mention_texts(app),
        [
            "naval and air bases",
            "Tartus",
            "These bases",
            "both facilities"
        ]
    );
    assert_eq!(
        app.selection.mention.as_ref(),
        Some(&app.selected_mentions()[0])
    );
    harness.get_by_label("1 of 4");
}

#[test]
fn clicking_hmeimim_on_the_map_selects_the_air_base_not_tartus() {
    let mut harness = harness();
    click_on_map(&mut harness, "Hmeimim air base on the map");
    let app = harness.state();
    assert_eq!(app.selected_id(), Some("hmeimim"));
    assert!(mention_texts(app).contains(&"Hmeimim air base".to_string()));
}

#[test]
fn clicking_moscow_on_the_map_lights_all_eight_mentions() {
    let mut harness = harness();
    click_on_map(&mut harness, "Moscow on the map");
    let app = harness.state();
    assert_eq!(app.selected_id(), Some("moscow"));
    let texts = mention_texts(app);
    assert_eq!(texts.len(), 8);
    assert_eq!(texts.iter().filter(|t| *t == "Kremlin").count(), 2);
}

#[test]
fn clicking_inside_northeastern_syria_selects_the_area() {
    let mut harness = harness();
    click_on_map(&mut harness, "Northeastern Syria on the map");
    let app = harness.state();
    assert_eq!(app.selected_id(), Some("northeastern-syria"));
    assert_eq!(mention_texts(app), ["northeastern Syria"]);
}

#[test]
fn the_coast_inset_tells_the_two_bases_apart_at_the_opening_view() {
    let mut harness = harness();
    let tartus = harness
        .get_by_role_and_label(Role::Button, "Tartus naval facility in the inset")
        .rect();
    let hmeimim = harness
        .get_by_role_and_label(Role::Button, "Hmeimim air base in the inset")
        .rect();
    assert!(tartus.center().distance(hmeimim.center()) > 40.0);
    click_on_map(&mut harness, "Hmeimim air base in the inset");
    assert_eq!(harness.state().selected_id(), Some("hmeimim"));
}

#[test]
fn clicking_a_mention_in_the_text_selects_its_place_and_moves_the_map_there() {
    let mut harness = harness();
    harness.get_by_role_and_label(Role::Link, "Latakia").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.selected_id(), Some("latakia"));
    let camera = app.map.camera.expect("the map has a camera");
    let latakia = world_from_lon_lat(35.79, 35.53);
    let off_px = (camera.center.x - latakia.x).hypot(camera.center.y - latakia.y)
        * camera.points_per_world();
    assert!(off_px < 1.0, "the map is {off_px} points from Latakia");
}

#[test]
fn clicking_the_kremlin_selects_moscow_at_that_mention() {
    let mut harness = harness();
    let second_kremlin = |h: &Harness<'static, GeobriefApp>| {
        h.get_all_by_role_and_label(Role::Link, "Kremlin")
            .nth(1)
            .expect("two Kremlin mentions")
            .scroll_to_me()
    };
    second_kremlin(&harness);
    harness.run();
    harness
        .get_all_by_role_and_label(Role::Link, "Kremlin")
        .nth(1)
        .expect("two Kremlin mentions")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.selected_id(), Some("moscow"));
    let current = app.selection.mention.as_ref().expect("a current mention");
    assert_eq!(app.brief().mention(current).unwrap().paragraph, 5);
    harness.get_by_label("6 of 8");
}

#[test]
fn hovering_a_mention_lights_its_marker_and_hovering_a_marker_lights_its_mentions() {
    let mut harness = harness();
    harness
        .get_all_by_role_and_label(Role::Link, "Damascus")
        .next()
        .expect("a Damascus mention")
        .hover();
    harness.run();
    assert_eq!(harness.state().hovered.as_deref(), Some("damascus"));
    harness
        .get_by_role_and_label(Role::Button, "Moscow on the map")
        .hover();
    harness.run();
    assert_eq!(harness.state().hovered.as_deref(), Some("moscow"));
}

#[test]
fn next_and_previous_step_through_the_mentions_of_the_selected_place() {
    let mut harness = harness();
    click_on_map(&mut harness, "Moscow on the map");
    harness.get_by_label("Next passage").click();
    harness.run();
    harness.get_by_label("2 of 8");
    harness.get_by_label("Previous passage").click();
    harness.get_by_label("Previous passage").click();
    harness.run();
    harness.get_by_label("8 of 8");
}

#[test]
fn the_keyboard_walks_the_places_and_their_mentions() {
    let mut harness = harness();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected_id(), Some("tartus"));
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected_id(), Some("hmeimim"));
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.get_by_label("2 of 4");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected_id(), None);
}

#[test]
fn the_place_list_selects_a_place_by_name() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Ukraine")
        .click();
    harness.run();
    assert_eq!(harness.state().selected_id(), Some("ukraine"));
    assert_eq!(mention_texts(harness.state()), ["Ukraine"]);
}

#[test]
fn fit_all_brings_back_the_whole_story_after_zooming_to_a_base() {
    let mut harness = harness();
    let opening = harness.state().map.camera.expect("camera");
    click_on_map(&mut harness, "Tartus naval facility on the map");
    assert!(harness.state().map.camera.expect("camera").zoom > opening.zoom + 1.0);
    harness.get_by_label("Fit all").click();
    harness.run();
    let back = harness.state().map.camera.expect("camera");
    assert!((back.zoom - opening.zoom).abs() < 0.01);
}

#[test]
fn the_mouse_wheel_over_the_map_zooms_the_map() {
    let mut harness = harness();
    let before = harness.state().map.camera.expect("camera").zoom;
    let moscow = harness
        .get_by_role_and_label(Role::Button, "Moscow on the map")
        .rect()
        .center();
    harness.hover_at(moscow);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    let after = harness.state().map.camera.expect("camera").zoom;
    assert!(after > before + 0.3, "zoom {before} -> {after}");
}

#[test]
fn an_idle_app_asks_for_no_repaint() {
    let mut harness = harness();
    harness.step();
    let output = harness.output();
    let root = &output.viewport_output[&egui::ViewportId::ROOT];
    assert_eq!(root.repaint_delay, std::time::Duration::MAX);
}

#[test]
fn a_moving_map_asks_for_repaints_until_it_arrives() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Ukraine")
        .click();
    harness.step();
    harness.step();
    let root = &harness.output().viewport_output[&egui::ViewportId::ROOT];
    assert!(root.repaint_delay < std::time::Duration::from_secs(1));
    harness.run();
    assert!(harness.state().map.target.is_none());
}

#[test]
fn panning_the_map_carries_the_markers_along_and_a_click_where_one_now_is_selects_it() {
    let mut harness = harness();
    let label = "Moscow on the map";
    let marker = |h: &Harness<'static, GeobriefApp>| {
        h.get_by_role_and_label(Role::Button, label).rect().center()
    };
    let before = marker(&harness);
    // Grab the map away from any place, and pan in small moves.
    let from = before + egui::vec2(0.0, 120.0);
    let by = egui::vec2(60.0, 45.0);
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for k in 1..=6 {
        harness.hover_at(from + by * (k as f32 / 6.0));
        harness.step();
        let moved = marker(&harness) - before;
        let expected = by * (k as f32 / 6.0);
        assert!(
            (moved - expected).length() < 1.5,
            "mid-pan step {k}: moved {moved:?}, the pointer {expected:?}"
        );
    }
    harness.drop_at(from + by);
    harness.run();
    assert_eq!(harness.state().selected_id(), None, "a pan selects nothing");
    let after = marker(&harness);
    assert!(
        (after - before - by).length() < 1.5,
        "after the pan: moved {:?}",
        after - before
    );
    harness.hover_at(after);
    harness.step();
    harness.drag_at(after);
    harness.step();
    harness.drop_at(after);
    harness.run();
    assert_eq!(harness.state().selected_id(), Some("moscow"));
}

/// Every character outside ASCII in the string literals of these source
/// files (comments and tests left out), with where it is.
fn symbols_written_by(dirs: &[&str]) -> Vec<(char, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in dirs {
        let mut stack = vec![root.join(dir)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("#[cfg(test)]") {
                break; // test data is not drawn
            }
            if code.starts_with("//") {
                continue;
            }
            // The parts between quotes are literals (a rough but safe cut:
            // it may also take in a little code, never less than a literal).
            for (k, part) in code.split('"').enumerate() {
                if k % 2 == 1 {
                    for c in part.chars().filter(|c| !c.is_ascii()) {
                        found.push((c, format!("{}:{}", file.display(), n + 1)));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn every_symbol_the_window_writes_has_a_glyph_in_the_fonts_geobrief_ships() {
    let harness = harness();
    let symbols = symbols_written_by(&["src/ui", "src/app", "src/brief", "src/compose.rs"]);
    assert!(
        symbols.iter().any(|(c, _)| *c == '‹'),
        "the scan sees the place card's arrows"
    );
    let missing: Vec<&(char, String)> = harness.ctx.fonts_mut(|fonts| {
        symbols
            .iter()
            .filter(|(c, _)| {
                !fonts.has_glyph(&egui::FontId::proportional(14.0), *c)
                    || !fonts.has_glyph(&egui::FontId::monospace(14.0), *c)
            })
            .collect()
    });
    assert!(missing.is_empty(), "no glyph for {missing:?}");
}

#[test]
fn every_letter_of_every_gazetteer_name_has_a_glyph_in_the_fonts_geobrief_ships() {
    let harness = harness();
    let gaz = geobrief::gazetteer::Gazetteer::embedded();
    let mut letters: std::collections::BTreeSet<char> = std::collections::BTreeSet::new();
    for i in 0..gaz.len() {
        let place = gaz.place(geobrief::gazetteer::PlaceId(u32::try_from(i).unwrap()));
        letters.extend(place.name.chars().filter(|c| !c.is_ascii()));
    }
    assert!(letters.contains(&'ồ'), "the gazetteer has Vietnamese names");
    let missing: Vec<char> = harness.ctx.fonts_mut(|fonts| {
        letters
            .iter()
            .copied()
            .filter(|c| !fonts.has_glyph(&egui::FontId::proportional(14.0), *c))
            .collect()
    });
    assert!(missing.is_empty(), "no glyph for {missing:?}");
}
