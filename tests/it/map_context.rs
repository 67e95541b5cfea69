#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! The map's context as a reader meets it: the names a local view shows, the
//! locator, and the place card's "where" line.

use crate::common::harness;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use geobrief::GeobriefApp;
use geobrief::map::camera::Camera;
use geobrief::map::projection::world_from_lon_lat;

fn look_at(harness: &mut Harness<'static, GeobriefApp>, lat_deg: f64, lon_deg: f64, zoom: f64) {
    let map = &mut harness.state_mut().map;
    map.camera = Some(Camera {
        center: world_from_lon_lat(lon_deg, lat_deg),
        zoom,
    });
    map.target = None;
    harness.run();
}

#[test]
fn a_view_of_charlotte_michigan_names_lansing_and_michigan() {
    let mut harness = harness();
    look_at(&mut harness, 42.56, -84.84, 9.0);
    harness.get_by_role_and_label(Role::Label, "Lansing");
    harness.get_by_role_and_label(Role::Label, "Michigan");
    assert!(
        harness.query_by_label("Damascus on the map").is_none(),
        "the story's places are out of view"
    );
}

#[test]
fn a_zoomed_in_view_shows_a_locator_that_says_where_it_is() {
    let mut harness = harness();
    assert!(harness.query_by_label_contains("Locator").is_none());
    look_at(&mut harness, 42.56, -84.84, 9.0);
    harness.get_by_label("Locator: the map shows part of Eaton County, Michigan, United States");
}

#[test]
fn the_place_card_says_which_governorate_holds_tartus_and_hmeimim() {
    use geobrief::basemap::LonLat;
    use geobrief::basemap::context::Regions;
    let mut harness = harness();
    let regions = Regions::loaded().expect("the harness loads the context layers");
    // The governorates themselves: Tartus holds the naval facility, and
    // Latakia (not a governorate named after the place) the air base.
    for (lon, lat, governorate) in [(35.8725, 34.9125, "Tartus"), (35.9486, 35.4014, "Latakia")] {
        let region = regions.admin1_at(LonLat::new(lon, lat)).expect(governorate);
        assert_eq!(
            (region.name.as_str(), region.parent.as_str()),
            (governorate, "Syria")
        );
    }
    for (marker, line) in [
        ("Tartus naval facility on the map", "Tartus, Syria"),
        ("Hmeimim air base on the map", "Latakia, Syria"),
    ] {
        harness.get_by_role_and_label(Role::Button, marker).click();
        harness.run();
        // The card's "where" line is exactly governorate, country.
        harness.get_by_role_and_label(Role::Label, line);
    }
}

#[test]
fn activating_a_marker_through_its_accessibility_action_selects_the_place() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Moscow on the map")
        .click_accesskit();
    harness.run();
    assert_eq!(harness.state().selected_id(), Some("moscow"));
}

#[test]
fn mention_counts_in_the_place_list_read_as_mentions() {
    let harness = harness();
    let count = |label: &str| {
        harness
            .query_all_by_role_and_label(Role::Label, label)
            .count()
    };
    assert_eq!(count("4 mentions"), 2, "Tartus and Hmeimim");
    assert!(count("1 mention") >= 1);
    assert!(harness.query_by_role_and_label(Role::Label, "4").is_none());
}

#[test]
fn tab_reaches_the_map_and_arrows_walk_its_places_in_reading_order_and_enter_selects() {
    let mut harness = harness();
    // The article names Moscow first, then Syria and Russia's bases.
    harness
        .get_by_role_and_label(Role::Button, "Moscow on the map")
        .focus();
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let focused = harness
        .query_all_by_label_contains("on the map")
        .find(|node| node.accesskit_node().is_focused())
        .map(|node| node.accesskit_node().label().unwrap_or_default());
    // The next place the article names that has a node on the map.
    let on_map: Vec<String> = harness
        .query_all_by_role(Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .filter(|label| label.ends_with(" on the map"))
        .collect();
    let brief = harness.state().brief();
    let order = geobrief::ui::map::a11y::reading_order(brief);
    let names: Vec<String> = order
        .iter()
        .filter_map(|id| brief.place(id))
        .map(|p| format!("{} on the map", p.name))
        .filter(|label| on_map.contains(label))
        .collect();
    let after_moscow = names
        .iter()
        .position(|n| n == "Moscow on the map")
        .map(|i| names[(i + 1) % names.len()].clone());
    assert_eq!(focused, after_moscow, "reading order {names:?}");
    assert_eq!(
        harness.state().selected_id(),
        None,
        "arrows only move the focus"
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    let selected = harness.state().selected_id().map(str::to_owned);
    let focused_name = focused.unwrap_or_default().replace(" on the map", "");
    let selected_name =
        selected.and_then(|id| harness.state().brief().place(&id).map(|p| p.name.clone()));
    assert_eq!(selected_name, Some(focused_name));
}

#[test]
fn tab_moves_the_keyboard_focus_from_the_map_onto_its_places() {
    let mut harness = harness();
    harness.get_by_label("Map (Tab to its places)").focus();
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    let focused: Vec<_> = harness
        .query_all_by_label_contains("on the map")
        .filter(|node| node.accesskit_node().is_focused())
        .collect();
    assert_eq!(focused.len(), 1, "one place on the map has the focus");
}

/// A brief of `n` cities on a grid over Europe, each named once, in order.
fn grid_brief(n: usize) -> geobrief::brief::Brief {
    let places: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("p{i}"),
                "name": format!("Town {i}"),
                "kind": "city",
                "geometry": { "type": "Point", "coordinates": [
                    -5.0 + (i % 30) as f64 * 1.2, 38.0 + (i / 30) as f64 * 0.9
                ] }
            })
        })
        .collect();
    let paragraphs: Vec<String> = (0..n)
        .map(|i| format!("News from Town {i} today."))
        .collect();
    let links: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let exact = format!("Town {i}");
            serde_json::json!({ "place": format!("p{i}"), "target": { "paragraph": i, "selector": [
                { "type": "TextQuoteSelector", "exact": exact },
                { "type": "TextPositionSelector", "start": 10, "end": 10 + exact.chars().count() }
            ] } })
        })
        .collect();
    let doc = serde_json::json!({
        "format": "geobrief/1",
        "article": { "title": "Many towns", "paragraphs": paragraphs },
        "places": places,
        "links": links,
    });
    geobrief::brief::parse_brief(doc.to_string().as_bytes()).expect("a valid brief")
}

#[test]
fn a_map_of_hundreds_of_places_offers_the_first_ones_the_article_names_and_the_selected_one() {
    let brief = grid_brief(600);
    let mut harness = crate::common::harness_for(GeobriefApp::new(brief, None));
    // Close enough that no marker crowds another: over 300 in view.
    harness.state_mut().map.camera = Some(Camera {
        center: world_from_lon_lat(-5.0 + 7.5 * 1.2, 38.0 + 9.5 * 0.9),
        zoom: 5.0,
    });
    harness.state_mut().map.target = None;
    harness.run();
    let on_map = |h: &Harness<'static, GeobriefApp>| -> Vec<String> {
        h.query_all_by_role(Role::Button)
            .filter_map(|node| node.accesskit_node().label())
            .filter(|label| label.ends_with(" on the map"))
            .collect()
    };
    let labels = on_map(&harness);
    assert_eq!(
        labels.len(),
        geobrief::ui::map::a11y::MAX_MAP_NODES,
        "capped"
    );
    assert!(labels.contains(&"Town 0 on the map".to_string()));
    // Row 19, column 3: in view, but last in the reading order.
    assert!(!labels.contains(&"Town 573 on the map".to_string()));
    // Once selected, it is on the map too.
    harness.state_mut().select_by_id("p573");
    harness.run();
    assert!(on_map(&harness).contains(&"Town 573 on the map".to_string()));
}

/// Renames the story's "Mediterranean Sea" place.
fn rename_the_sea(harness: &mut Harness<'static, GeobriefApp>, name: &str) {
    let place = harness
        .state()
        .brief()
        .places()
        .find(|p| p.kind == geobrief::brief::PlaceKind::Sea)
        .unwrap()
        .id
        .clone();
    harness.state_mut().apply(geobrief::action::Action::Edit(
        geobrief::editing::EditAction::Rename {
            place,
            name: name.into(),
        },
    ));
    harness.run();
}

#[test]
fn a_sea_the_story_names_without_its_generic_word_is_labelled_once() {
    let mut harness = harness();
    // The open sea between Crete and Libya, where the map names it.
    look_at(&mut harness, 34.0, 20.0, 4.5);
    rename_the_sea(&mut harness, "Open water");
    harness.get_by_role_and_label(Role::Label, "Mediterranean Sea");
    rename_the_sea(&mut harness, "Mediterranean");
    harness.get_by_label("Mediterranean on the map");
    assert!(
        harness
            .query_by_role_and_label(Role::Label, "Mediterranean Sea")
            .is_none(),
        "the map's own label repeats the story's"
    );
}
