#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! The keyboard as a user without a mouse meets it: every Tab stop shows
//! where it is, and Esc closes what is open.

use crate::common::{App, harness, settle};
use egui_kittest::kittest::Queryable;

/// What is drawn around `region` this frame (the shapes that touch it).
fn shapes_around(harness: &App, region: egui::Rect) -> Vec<egui::epaint::ClippedShape> {
    harness
        .output()
        .shapes
        .iter()
        .filter(|s| {
            let bounds = s.shape.visual_bounding_rect();
            bounds.is_finite() && bounds.intersects(region) && s.clip_rect.intersects(region)
        })
        .cloned()
        .collect()
}

#[test]
fn every_tab_stop_shows_where_the_keyboard_is() {
    let mut harness = harness();
    let mut seen = Vec::new();
    let mut unseen = Vec::new();
    for _ in 0..400 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        let Some(id) = harness.ctx.memory(|m| m.focused()) else {
            continue;
        };
        if seen.contains(&id) {
            break; // round again
        }
        seen.push(id);
        let Some(rect) = harness.ctx.read_response(id).map(|r| r.interact_rect) else {
            continue;
        };
        let region = rect.expand(4.0);
        let focused = shapes_around(&harness, region);
        harness.ctx.memory_mut(|m| m.surrender_focus(id));
        harness.run();
        let unfocused = shapes_around(&harness, region);
        harness.ctx.memory_mut(|m| m.request_focus(id));
        harness.run();
        if focused == unfocused {
            unseen.push((rect, id));
        }
    }
    assert!(seen.len() > 40, "Tab reached only {} stops", seen.len());
    assert!(
        unseen.is_empty(),
        "{} Tab stops show no focus: {unseen:?}",
        unseen.len()
    );
}

#[test]
fn escape_closes_an_open_menu_and_keeps_the_selection() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::Button,
            "Tartus naval facility on the map",
        )
        .click();
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    assert!(
        harness.query_by_label("Open a path…").is_some(),
        "the menu is open"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("Open a path…").is_none(),
        "Esc closed the menu"
    );
    assert_eq!(
        harness.state().selected_id(),
        Some("tartus"),
        "the Esc that closed the menu did not also clear the selection"
    );
    settle(&mut harness);
}

#[test]
fn the_article_keeps_its_text_size_through_a_theme_switch_and_back() {
    let mut harness = harness();
    let paragraph = "The visit marks Al-Sharaa";
    let before = harness.get_by_label_contains(paragraph).rect().size();
    for theme in [egui::ThemePreference::Dark, egui::ThemePreference::Light] {
        harness.get_by_label("View").click();
        harness.run();
        let label = if theme == egui::ThemePreference::Dark {
            "Dark"
        } else {
            "Light"
        };
        harness.get_by_label(label).click();
        harness.run();
        harness.key_press(egui::Key::Escape);
        harness.run();
        let now = harness.get_by_label_contains(paragraph).rect().size();
        assert_eq!(now, before, "after switching to {label}");
    }
}
