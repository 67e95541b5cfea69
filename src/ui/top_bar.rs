//! The top bar: the File, Places and View menus and the brief's name.

use egui::RichText;

use super::map_view::MapAction;
use crate::app::{Action, FileAction, GeobriefApp};

pub fn top_bar_ui(ui: &mut egui::Ui, app: &mut GeobriefApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::top("top_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.strong("Geobrief");
            ui.separator();
            ui.menu_button("File", |ui| file_menu_ui(ui, app, &mut actions));
            ui.menu_button("Places", |ui| places_menu_ui(ui, app, &mut actions));
            ui.menu_button("View", |ui| {
                if ui.button("Fit all places").clicked() {
                    actions.push(Action::Map(MapAction::FitAll));
                }
                if ui.button("Clear selection").clicked() {
                    actions.push(Action::ClearSelection);
                }
                ui.separator();
                egui::widgets::global_theme_preference_buttons(ui);
            });
            ui.separator();
            let name = app
                .file
                .as_ref()
                .and_then(|f| f.file_name())
                .map_or("Default brief (embedded)".to_string(), |f| {
                    f.to_string_lossy().into_owned()
                });
            ui.label(RichText::new(name).weak());
            if app.files.dirty {
                ui.label(RichText::new("• unsaved edits").italics());
            }
            if app.files.is_picking() {
                ui.spinner();
            }
        });
    });
    actions
}

fn file_menu_ui(ui: &mut egui::Ui, app: &GeobriefApp, actions: &mut Vec<Action>) {
    let mut item = |ui: &mut egui::Ui, label: &str, shortcut: &str, action: FileAction| {
        let mut button = egui::Button::new(label);
        if !shortcut.is_empty() {
            button = button.shortcut_text(shortcut);
        }
        if ui.add(button).clicked() {
            actions.push(Action::File(action));
        }
    };
    item(ui, "Open…", "Ctrl+O", FileAction::ShowOpen);
    item(ui, "Open a path…", "", FileAction::ShowOpenPath);
    item(
        ui,
        "New brief from text…",
        "Ctrl+N",
        FileAction::ShowNewFromText,
    );
    ui.separator();
    item(ui, "Save", "Ctrl+S", FileAction::Save);
    item(ui, "Save as…", "Ctrl+Shift+S", FileAction::ShowSaveAs);
    ui.separator();
    ui.menu_button("Recent files", |ui| {
        if app.files.recent.paths.is_empty() {
            ui.label(RichText::new("None yet").weak());
        }
        for path in &app.files.recent.paths {
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

fn places_menu_ui(ui: &mut egui::Ui, app: &mut GeobriefApp, actions: &mut Vec<Action>) {
    ui.label("Find the places again, favouring…");
    ui.horizontal(|ui| {
        let label = ui.label("a country (code, e.g. SY):");
        ui.add(
            egui::TextEdit::singleline(&mut app.files.bias_country)
                .desired_width(40.0)
                .char_limit(2),
        )
        .labelled_by(label.id);
        if ui.button("Find").clicked() {
            actions.push(Action::File(FileAction::BiasToCountry(
                app.files.bias_country.clone(),
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
        RichText::new("What changed is listed in the messages panel.")
            .small()
            .weak(),
    );
}
