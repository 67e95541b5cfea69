//! Keyboard shortcuts, as actions. Arrows walk the places (up/down) and the
//! selected place's mentions (left/right); Shift+arrows select words (from
//! the current mention); the map's gestures take Enter and Esc. Everything
//! but the Ctrl shortcuts is left alone while a text field has the focus.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::text_layout::{char_step, word_step};
use crate::action::{Action, FileAction};
use crate::brief::Brief;
use crate::editing::EditAction;
use crate::map::memory::{Gesture, MapAction};
use crate::selection::{Selection, TextSelection};

pub const SHORTCUTS: &[(&str, &str)] = &[
    ("↑ ↓", "previous / next place"),
    ("← →", "previous / next mention"),
    ("Alt+← →", "previous / next article of a story"),
    ("Shift+← →", "select words (Ctrl: a word at a time)"),
    ("Ctrl+F", "find words in every article"),
    ("Ctrl+Z", "undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
    ("Delete", "remove the selected place"),
    ("+ −", "zoom the map"),
    ("F", "fit all places"),
    ("Enter", "finish drawing an area"),
    ("Esc", "cancel, clear the selection"),
];

pub fn keyboard_actions(
    ctx: &egui::Context,
    brief: &Brief,
    selection: &Selection,
    gesture: Option<&Gesture>,
) -> Vec<Action> {
    let mut actions = command_shortcuts(ctx, selection);
    if egui::Popup::is_any_open(ctx) {
        // An open menu owns the keys: Esc closes it (and nothing else).
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            egui::Popup::close_all(ctx);
        }
        return actions;
    }
    if ctx.text_edit_focused() {
        return actions;
    }
    // A place on the map with the focus takes the arrows (see map_places_a11y).
    let arrows_free = !super::map::a11y::map_place_has_focus(ctx);
    actions.extend(ctx.input_mut(|input| {
        let mut actions = Vec::new();
        // Most specific first: extra Shift is ignored when matching.
        for (modifiers, by_word) in [
            (Modifiers::COMMAND | Modifiers::SHIFT, true),
            (Modifiers::SHIFT, false),
        ] {
            for (key, forward) in [(Key::ArrowRight, true), (Key::ArrowLeft, false)] {
                if input.consume_key(modifiers, key)
                    && let Some(text) = extend_selection(brief, selection, forward, by_word)
                {
                    actions.push(Action::SelectText(Some(text)));
                }
            }
        }
        match gesture {
            Some(Gesture::DrawingArea { vertices, .. }) => {
                if input.consume_key(Modifiers::NONE, Key::Enter) {
                    actions.push(Action::Edit(EditAction::NewArea {
                        vertices: vertices.clone(),
                        words: selection.text.clone().filter(|t| !t.is_empty()),
                    }));
                    actions.push(Action::Gesture(None));
                }
                if input.consume_key(Modifiers::NONE, Key::Escape) {
                    actions.push(Action::Gesture(None));
                }
            }
            Some(_) if input.consume_key(Modifiers::NONE, Key::Escape) => {
                actions.push(Action::Gesture(None));
            }
            _ => {}
        }
        // Alt+arrows step through a story's articles.
        if input.consume_key(Modifiers::ALT, Key::ArrowRight) {
            actions.push(Action::StepArticle(1));
        }
        if input.consume_key(Modifiers::ALT, Key::ArrowLeft) {
            actions.push(Action::StepArticle(-1));
        }
        let mut key = |k: Key, action: Action| {
            if input.consume_key(Modifiers::NONE, k) {
                actions.push(action);
            }
        };
        if arrows_free {
            key(Key::ArrowDown, Action::NextPlace);
            key(Key::ArrowUp, Action::PreviousPlace);
            key(Key::ArrowRight, Action::NextMention);
            key(Key::ArrowLeft, Action::PreviousMention);
        }
        if selection.text.is_some() {
            key(Key::Escape, Action::SelectText(None));
        } else {
            key(Key::Escape, Action::ClearSelection);
        }
        if let Some(place) = &selection.place {
            key(
                Key::Delete,
                Action::Edit(EditAction::RemovePlace(place.clone())),
            );
        }
        key(Key::F, Action::Map(MapAction::FitAll));
        key(Key::Plus, Action::Map(MapAction::ZoomIn));
        key(Key::Equals, Action::Map(MapAction::ZoomIn));
        key(Key::Minus, Action::Map(MapAction::ZoomOut));
        actions
    }));
    actions
}

/// Moves the end of the selected words one character (or word) along; a
/// selection starts from the current mention, or the article's start.
fn extend_selection(
    brief: &Brief,
    selection: &Selection,
    forward: bool,
    by_word: bool,
) -> Option<TextSelection> {
    let start = selection.text.clone().or_else(|| {
        let m = brief.mention(selection.mention.as_ref()?)?;
        Some(TextSelection::new(m.paragraph, m.bytes))
    });
    let mut sel = start.unwrap_or(TextSelection {
        paragraph: 0,
        anchor: 0,
        head: 0,
    });
    let text = brief.paragraphs().get(sel.paragraph)?;
    sel.head = if by_word {
        word_step(text, sel.head, forward)
    } else {
        char_step(text, sel.head, forward)
    };
    Some(sel)
}

fn command_shortcuts(ctx: &egui::Context, selection: &Selection) -> Vec<Action> {
    let text_focused = ctx.text_edit_focused();
    let command = |m: Modifiers, k: Key| KeyboardShortcut::new(Modifiers::COMMAND | m, k);
    let mut shortcuts = vec![
        (
            command(Modifiers::SHIFT, Key::S),
            Action::File(FileAction::ShowSaveAs),
        ),
        (
            command(Modifiers::NONE, Key::S),
            Action::File(FileAction::Save),
        ),
        (
            command(Modifiers::NONE, Key::O),
            Action::File(FileAction::ShowOpen),
        ),
        (
            command(Modifiers::NONE, Key::N),
            Action::File(FileAction::ShowNewFromText),
        ),
        (
            command(Modifiers::NONE, Key::L),
            Action::File(FileAction::ShowOpenLink),
        ),
        (
            command(Modifiers::NONE, Key::E),
            Action::File(FileAction::ShowExport),
        ),
        (command(Modifiers::NONE, Key::F), Action::OpenFind),
    ];
    if !text_focused {
        // A text field keeps its own undo and copy.
        shortcuts.push((command(Modifiers::SHIFT, Key::Z), Action::Redo));
        shortcuts.push((command(Modifiers::NONE, Key::Z), Action::Undo));
        shortcuts.push((command(Modifiers::NONE, Key::Y), Action::Redo));
    }
    let mut actions: Vec<Action> = ctx.input_mut(|input| {
        shortcuts
            .into_iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, action)| action)
            .collect()
    });
    // Ctrl+C arrives as a Copy event, not as a key.
    let copied = !text_focused
        && selection.text.is_some()
        && ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
    if copied {
        actions.push(Action::CopyText);
    }
    actions
}
