//! The top bar: the app's name, the brief's title and the view menu.

use super::map_view::MapAction;
use crate::app::{Action, GeobriefApp};

pub fn top_bar_ui(ui: &mut egui::Ui, app: &GeobriefApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.strong("Geobrief");
            ui.separator();
            ui.menu_button("View", |ui| {
                if ui.button("Fit all places").clicked() {
                    actions.push(Action::Map(MapAction::FitAll));
                }
                if ui.button("Clear selection").clicked() {
                    actions.push(Action::ClearSelection);
                }
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
            ui.label(egui::RichText::new(name).weak());
        });
    });
    actions
}
