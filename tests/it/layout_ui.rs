#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! How the window is shared at small and large sizes, driven through the UI.

use crate::common::{App, harness_sized};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
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

/// The default brief at a zoom where Tartus and Hmeimim crowd each other
/// (so the detail inset shows) and past country scale (so the locator does).
fn zoomed_on_the_coast() -> App {
    let mut harness = sized(1280.0, 800.0);
    harness.state_mut().map.camera = Some(geobrief::map::camera::Camera {
        center: geobrief::map::projection::world_from_lon_lat(37.0, 35.2),
        zoom: 6.0,
    });
    harness.state_mut().map.target = None;
    harness.run();
    harness
}

#[test]
fn the_locator_and_the_detail_inset_never_cover_each_other() {
    let harness = zoomed_on_the_coast();
    let inset = harness.get_by_label_contains("Detail:").rect();
    let locator = harness.get_by_label_contains("Locator:").rect();
    assert!(
        !inset.intersects(locator),
        "inset {inset:?} and locator {locator:?} overlap"
    );
    let map = harness.get_by_label(MAP).rect();
    assert!(map.contains_rect(inset) && map.contains_rect(locator));
}

#[test]
fn a_click_on_the_detail_inset_puts_a_new_place_where_it_was_clicked() {
    let mut harness = zoomed_on_the_coast();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Add a place on the map").click();
    harness.run();
    let inset = harness.get_by_label_contains("Detail:").rect();
    let before = harness.state().brief().place_count();
    let at = inset.center() + egui::vec2(0.0, 20.0);
    harness.hover_at(at);
    harness.run();
    harness.drag_at(at);
    harness.step();
    harness.drop_at(at);
    harness.run();
    let app = harness.state();
    assert_eq!(app.brief().place_count(), before + 1, "one new place");
    let new = app.brief().places().last().unwrap();
    let (lon, lat) = new.anchor_lon_lat();
    // The inset shows the two bases' surroundings, 55 km apart.
    assert!(
        (35.3..36.6).contains(&lon) && (34.4..35.9).contains(&lat),
        "the place is where the inset was clicked, not under it on the main map: {lon}, {lat}"
    );
    assert!(app.map.gesture.is_none(), "the click ended the gesture");
}

/// A local story of Humboldt and Jackson, Tennessee, found by the machine,
/// in a 1280x800 window with Humboldt selected.
fn humboldt_selected_at_1280_by_800() -> App {
    let title = "Local dancer in the spotlight";
    let brief = geobrief::compose::brief_from_text(
        &format!(
            "{title}\n\nDanielle Taylor of Humboldt will dance with Ballet Arts of Jackson \
             this weekend at the civic center."
        ),
        title,
        geobrief::gazetteer::Gazetteer::embedded(),
        &geobrief::geoparse::Options::default(),
    );
    let mut harness = harness_sized(GeobriefApp::new(brief, None), egui::vec2(1280.0, 800.0));
    assert!(harness.state_mut().select_by_id("humboldt"));
    harness.run();
    harness
}

#[test]
fn at_1280_by_800_a_found_place_s_card_shows_the_other_places_of_its_name() {
    let harness = humboldt_selected_at_1280_by_800();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    // The radio buttons of the card's "Places of that name".
    let pick = |name: &'static str| {
        harness
            .query_all_by(move |n| {
                n.role() == Role::RadioButton && n.label().is_some_and(|l| l.contains(name))
            })
            .map(|n| n.rect())
            .next()
            .unwrap()
    };
    let (chosen, other) = (pick("Humboldt, Tennessee"), pick("Humboldt, Saskatchewan"));
    let list_heading = harness
        .query_all_by_label("Places")
        .map(|n| n.rect())
        .find(|r| r.min.x > 900.0)
        .unwrap();
    for pick in [chosen, other] {
        assert!(window.contains_rect(pick), "{pick:?} lies in the window");
        assert!(
            pick.max.y <= list_heading.min.y,
            "{pick:?} shows above the place list at {list_heading:?}, not below the card's fold"
        );
    }
}

#[test]
fn a_town_and_the_district_of_its_name_are_told_apart_in_the_card_s_places_of_that_name() {
    let harness = humboldt_selected_at_1280_by_800();
    let labels: Vec<String> = harness
        .query_all_by(|n| {
            n.role() == Role::RadioButton
                && n.label()
                    .is_some_and(|l| l.starts_with("Humboldt, Saskatchewan"))
        })
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(
        labels.len() >= 2,
        "two namesakes in Saskatchewan: {labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.contains("· town"))
            && labels.iter().any(|l| l.contains("· district")),
        "{labels:?}"
    );
    let mut distinct = labels.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        labels.len(),
        "no two read the same: {labels:?}"
    );
}
