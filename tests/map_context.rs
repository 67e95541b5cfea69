#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! The map's context as a reader meets it: the names a local view shows, the
//! locator, and the place card's "where" line.

mod common;

use common::harness;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
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
fn the_place_card_says_which_governorate_holds_tartus() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Button, "Tartus naval facility on the map")
        .click();
    harness.run();
    harness.get_by_label("Tartus, Syria");
}
