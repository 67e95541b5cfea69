//! The top bar: the File, Edit, Places and View menus and the brief's name.

use std::path::PathBuf;

use egui::RichText;

use super::Reading;
use crate::action::{Action, FileAction};
use crate::map::memory::{Gesture, MapAction};

/// What the bar shows besides the brief.
pub struct TopBar<'a> {
    /// The brief's file name, or its title before it has a file.
    pub name: &'a str,
    pub dirty: bool,
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
    pub recent: &'a [PathBuf],
    pub picking: bool,
    /// Whether the side panel (place card and list) is open.
    pub side_panel_open: bool,
}

pub fn top_bar_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    bar: &TopBar,
    bias_country: &mut String,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::top("top_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.strong("Geobrief");
            ui.separator();
            ui.menu_button("File", |ui| {
                one_line_entries(ui);
                file_menu_ui(ui, bar, &mut actions);
            });
            ui.menu_button("Edit", |ui| {
                one_line_entries(ui);
                edit_menu_ui(ui, reading, bar, &mut actions);
            });
            ui.menu_button("Places", |ui| {
                one_line_entries(ui);
                places_menu_ui(ui, bias_country, &mut actions);
            });
            ui.menu_button("View", |ui| {
                one_line_entries(ui);
                if ui.button("Fit all places").clicked() {
                    actions.push(Action::Map(MapAction::FitAll));
                }
                if ui.button("Clear selection").clicked() {
                    actions.push(Action::ClearSelection);
                }
                ui.separator();
                if ui.button(side_panel_label(bar.side_panel_open)).clicked() {
                    actions.push(Action::ShowSidePanel(!bar.side_panel_open));
                }
                ui.separator();
                theme_ui(ui);
            });
            ui.separator();
            ui.label(RichText::new(bar.name).weak());
            if bar.dirty {
                ui.label(RichText::new("• unsaved edits").italics());
            }
            if bar.picking || reading.busy.is_some() {
                ui.spinner();
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let count = reading.brief.place_count();
                let text = if bar.side_panel_open {
                    "Hide places ›".to_string()
                } else {
                    format!("‹ Places ({count})")
                };
                let button = ui
                    .button(text)
                    .on_hover_text(side_panel_label(bar.side_panel_open));
                if button.clicked() {
                    actions.push(Action::ShowSidePanel(!bar.side_panel_open));
                }
            });
        });
    });
    actions
}

/// A menu entry stays on one line, however long its name ("Undo choose
/// another place for Athens"): the menu grows instead.
fn one_line_entries(ui: &mut egui::Ui) {
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
}

fn side_panel_label(open: bool) -> &'static str {
    if open {
        "Hide the place card and list"
    } else {
        "Show the place card and list"
    }
}

/// Light, dark, or as the system says; in words (the icons egui draws for
/// these are not in the fonts Geobrief ships).
fn theme_ui(ui: &mut egui::Ui) {
    let mut preference = ui.options(|o| o.theme_preference);
    let before = preference;
    ui.label(RichText::new("Theme").small().weak());
    ui.horizontal(|ui| {
        ui.selectable_value(&mut preference, egui::ThemePreference::Light, "Light");
        ui.selectable_value(&mut preference, egui::ThemePreference::Dark, "Dark");
        ui.selectable_value(&mut preference, egui::ThemePreference::System, "System")
            .on_hover_text("Follow the system's light or dark setting");
    });
    if preference != before {
        ui.ctx().set_theme(preference);
        super::theme::apply_reading_style(ui.ctx());
    }
}

fn item(ui: &mut egui::Ui, label: &str, shortcut: &str, enabled: bool) -> bool {
    let mut button = egui::Button::new(label);
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    ui.add_enabled(enabled, button).clicked()
}

fn file_menu_ui(ui: &mut egui::Ui, bar: &TopBar, actions: &mut Vec<Action>) {
    let mut file = |ui: &mut egui::Ui, label: &str, shortcut: &str, action: FileAction| {
        if item(ui, label, shortcut, true) {
            actions.push(Action::File(action));
        }
    };
    file(ui, "Open…", "Ctrl+O", FileAction::ShowOpen);
    file(ui, "Open a path…", "", FileAction::ShowOpenPath);
    file(ui, "Open link…", "Ctrl+L", FileAction::ShowOpenLink);
    file(
        ui,
        "New brief from text…",
        "Ctrl+N",
        FileAction::ShowNewFromText,
    );
    ui.menu_button("Story of many articles", |ui| {
        for (label, new_story, folder) in [
            ("New story brief from files…", true, false),
            ("New story brief from a folder…", true, true),
            ("Add articles to this brief…", false, false),
            ("Add a folder of articles…", false, true),
        ] {
            if !new_story && !folder {
                ui.separator();
            }
            file(ui, label, "", FileAction::ShowAddArticles { new_story, folder });
        }
        ui.label(
            RichText::new(
                "Articles: .txt, .md, .html, briefs, and JSON Lines archives ({\"id\", \"text\"} a line).",
            )
            .small()
            .weak(),
        );
    });
    ui.separator();
    file(ui, "Save", "Ctrl+S", FileAction::Save);
    file(ui, "Save as…", "Ctrl+Shift+S", FileAction::ShowSaveAs);
    ui.separator();
    ui.menu_button("Export", |ui| {
        file(ui, "Web page…", "", FileAction::ShowExportWebPage);
        file(ui, "All formats…", "Ctrl+E", FileAction::ShowExport);
        ui.label(
            RichText::new(
                "GeoJSON, Web Annotations, GeoPackage, KML, CSV, text, a picture or a web page.",
            )
            .small()
            .weak(),
        );
    });
    file(ui, "Import places…", "", FileAction::ShowImport);
    file(ui, "My places…", "", FileAction::ShowMyPlaces);
    ui.separator();
    ui.menu_button("Recent files", |ui| {
        if bar.recent.is_empty() {
            ui.label(RichText::new("None yet").weak());
        }
        for path in bar.recent {
            if ui.button(path.display().to_string()).clicked() {
                actions.push(Action::File(FileAction::Open(path.clone())));
            }
        }
    });
    ui.label(
        RichText::new("Tip: drop a file on the window, or paste an article (Ctrl+V).")
            .small()
            .weak(),
    );
}

/// Undo and redo name their step: "Undo move Tartus naval facility".
fn edit_menu_ui(ui: &mut egui::Ui, reading: &Reading, bar: &TopBar, actions: &mut Vec<Action>) {
    let undo = bar.undo.map_or("Undo".to_string(), |l| format!("Undo {l}"));
    if item(ui, &undo, "Ctrl+Z", bar.undo.is_some()) {
        actions.push(Action::Undo);
    }
    let redo = bar.redo.map_or("Redo".to_string(), |l| format!("Redo {l}"));
    if item(ui, &redo, "Ctrl+Shift+Z", bar.redo.is_some()) {
        actions.push(Action::Redo);
    }
    ui.separator();
    let has_words = reading
        .selection
        .text
        .as_ref()
        .is_some_and(|t| !t.is_empty());
    if item(ui, "Copy selected words", "Ctrl+C", has_words) {
        actions.push(Action::CopyText);
    }
    if item(ui, "Add a place on the map", "", true) {
        actions.push(Action::Gesture(Some(Gesture::PlacingPoint)));
    }
    if item(ui, "Draw an area on the map", "", true) {
        actions.push(Action::Gesture(Some(Gesture::DrawingArea {
            vertices: Vec::new(),
            hover: None,
        })));
    }
}

fn places_menu_ui(ui: &mut egui::Ui, bias_country: &mut String, actions: &mut Vec<Action>) {
    ui.label("Find the places again, favouring…");
    ui.horizontal(|ui| {
        let label = ui.label("a country (code, e.g. SY):");
        ui.add(
            egui::TextEdit::singleline(bias_country)
                .desired_width(40.0)
                .char_limit(2),
        )
        .labelled_by(label.id);
        if ui.button("Find").clicked() {
            actions.push(Action::File(FileAction::BiasToCountry(
                bias_country.clone(),
            )));
        }
    });
    if ui.button("the area the map shows").clicked() {
        actions.push(Action::File(FileAction::BiasToView));
    }
    if ui.button("nothing (the machine's own choice)").clicked() {
        actions.push(Action::File(FileAction::BiasToCountry(String::new())));
    }
    ui.label(
        RichText::new("What changed is listed in the messages panel; Ctrl+Z undoes it.")
            .small()
            .weak(),
    );
    ui.separator();
    if ui
        .button("Words not taken as places…")
        .on_hover_text(
            "Lists the names of this article that a rule decided are not places, and the rule",
        )
        .clicked()
    {
        actions.push(Action::File(FileAction::ListWordsNotTaken));
    }
}
