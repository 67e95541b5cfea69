#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! How the window is shared at small and large sizes, driven through the UI.

use crate::common::{App, harness_sized};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use geobrief::GeobriefApp;

const MAP: &str = "Map (Tab to its places)";

fn map_width(harness: &App) -> f32 {
    harness.get_by_label(MAP).rect().width()
}

/// Whether the side panel shows its list (its heading "Places", besides the
/// menu of that name).
fn side_panel_shows(harness: &App) -> bool {
    harness.query_all_by_label("Places").count() > 1
}

fn sized(width: f32, height: f32) -> App {
    harness_sized(GeobriefApp::default(), egui::vec2(width, height))
}

#[test]
fn at_800_by_600_the_map_keeps_a_third_of_the_window_and_the_article_stays() {
    let harness = sized(800.0, 600.0);
    assert!(
        map_width(&harness) >= 800.0 / 3.0,
        "{}",
        map_width(&harness)
    );
    assert!(
        harness
            .query_all_by_label_contains("Syria’s interim president")
            .next()
            .is_some()
    );
    assert!(
        !side_panel_shows(&harness),
        "the side panel starts folded in a small window"
    );
}

#[test]
fn opening_the_place_panel_in_a_small_window_still_leaves_the_map_a_third() {
    let mut harness = sized(800.0, 600.0);
    harness
        .get_by_role_and_label(Role::Button, "‹ Places (13)")
        .click();
    harness.run();
    assert!(side_panel_shows(&harness));
    assert!(
        map_width(&harness) >= 800.0 / 3.0,
        "{}",
        map_width(&harness)
    );
    harness
        .get_by_role_and_label(Role::Button, "Hide places ›")
        .click();
    harness.run();
    assert!(!side_panel_shows(&harness));
}

#[test]
fn a_window_resized_from_full_screen_to_800_by_600_gives_the_map_its_third() {
    let mut harness = sized(1920.0, 1080.0);
    let wide = map_width(&harness);
    assert!(wide >= 1920.0 / 3.0);
    assert!(side_panel_shows(&harness));
    harness.set_size(egui::vec2(800.0, 600.0));
    harness.run();
    assert!(
        map_width(&harness) >= 800.0 / 3.0,
        "{}",
        map_width(&harness)
    );
    harness.set_size(egui::vec2(1920.0, 1080.0));
    harness.run();
    assert!(
        (map_width(&harness) - wide).abs() < 2.0,
        "back to full screen, the map has its room again"
    );
}
