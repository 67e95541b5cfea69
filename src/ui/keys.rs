//! Keyboard shortcuts, as actions. Arrows walk the places (up/down) and the
//! selected place's mentions (left/right); they are left alone while a text
//! field or another widget has the keyboard focus.

use egui::Key;

use super::map_view::MapAction;
use crate::app::{Action, FileAction};

pub const SHORTCUTS: &[(&str, &str)] = &[
    ("↑ ↓", "previous / next place"),
    ("← →", "previous / next mention"),
    ("+ −", "zoom the map"),
    ("F", "fit all places"),
    ("Esc", "clear the selection"),
];

pub fn keyboard_actions(ctx: &egui::Context) -> Vec<Action> {
    let mut actions = file_shortcuts(ctx);
    if ctx.text_edit_focused() {
        return actions;
    }
    // A place on the map with the focus takes the arrows (see map_places_a11y).
    let arrows_free = !super::map_places_a11y::map_place_has_focus(ctx);
    actions.extend(ctx.input_mut(|input| {
        let mut actions = Vec::new();
        let mut key = |k: Key, action: Action| {
            if input.consume_key(egui::Modifiers::NONE, k) {
                actions.push(action);
            }
        };
        if arrows_free {
            key(Key::ArrowDown, Action::NextPlace);
            key(Key::ArrowUp, Action::PreviousPlace);
            key(Key::ArrowRight, Action::NextMention);
            key(Key::ArrowLeft, Action::PreviousMention);
        }
        key(Key::Escape, Action::ClearSelection);
        key(Key::F, Action::Map(MapAction::FitAll));
        key(Key::Plus, Action::Map(MapAction::ZoomIn));
        key(Key::Equals, Action::Map(MapAction::ZoomIn));
        key(Key::Minus, Action::Map(MapAction::ZoomOut));
        actions
    }));
    actions
}

fn file_shortcuts(ctx: &egui::Context) -> Vec<Action> {
    use egui::{KeyboardShortcut, Modifiers};
    let shortcuts = [
        (
            KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S),
            FileAction::ShowSaveAs,
        ),
        (
            KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
            FileAction::Save,
        ),
        (
            KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
            FileAction::ShowOpen,
        ),
        (
            KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
            FileAction::ShowNewFromText,
        ),
    ];
    ctx.input_mut(|input| {
        shortcuts
            .into_iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, action)| Action::File(action))
            .collect()
    })
}
