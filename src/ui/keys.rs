//! Keyboard shortcuts, as actions. Arrows walk the places (up/down) and the
//! selected place's mentions (left/right); they are left alone while a text
//! field or another widget has the keyboard focus.

use egui::Key;

use super::map_view::MapAction;
use crate::app::Action;

pub const SHORTCUTS: &[(&str, &str)] = &[
    ("↑ ↓", "previous / next place"),
    ("← →", "previous / next mention"),
    ("+ −", "zoom the map"),
    ("F", "fit all places"),
    ("Esc", "clear the selection"),
];

pub fn keyboard_actions(ctx: &egui::Context) -> Vec<Action> {
    if ctx.text_edit_focused() {
        return Vec::new();
    }
    ctx.input_mut(|input| {
        let mut actions = Vec::new();
        let mut key = |k: Key, action: Action| {
            if input.consume_key(egui::Modifiers::NONE, k) {
                actions.push(action);
            }
        };
        key(Key::ArrowDown, Action::NextPlace);
        key(Key::ArrowUp, Action::PreviousPlace);
        key(Key::ArrowRight, Action::NextMention);
        key(Key::ArrowLeft, Action::PreviousMention);
        key(Key::Escape, Action::ClearSelection);
        key(Key::F, Action::Map(MapAction::FitAll));
        key(Key::Plus, Action::Map(MapAction::ZoomIn));
        key(Key::Equals, Action::Map(MapAction::ZoomIn));
        key(Key::Minus, Action::Map(MapAction::ZoomOut));
        actions
    })
}
