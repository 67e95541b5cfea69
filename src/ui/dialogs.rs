//! Modal dialogs: a new brief from pasted text, a path to open or save to,
//! and "save your edits first?". Each returns the user's answer as actions.

use egui::{Id, Modal, RichText, TextEdit};

use crate::app::{Action, Confirmation, Deferred, Dialog, FileAction, FileState};

pub fn dialogs_ui(ui: &mut egui::Ui, files: &mut FileState) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut act = |a: FileAction| actions.push(Action::File(a));
    let Some(dialog) = files.dialog.as_mut() else {
        return actions;
    };
    let ctx = ui.ctx().clone();
    let modal = Modal::new(Id::unique("geobrief_dialog")).show(&ctx, |ui| match dialog {
        Dialog::NewFromText(text) => {
            ui.set_width(560.0);
            ui.heading("New brief from text");
            let label = ui.label(
                "Paste or type an article. Geobrief splits it into paragraphs and finds its places, offline.",
            );
            egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                ui.add(
                    TextEdit::multiline(text)
                        .hint_text("Paste an article here…")
                        .desired_rows(14)
                        .desired_width(f32::INFINITY),
                ).labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                if ui.button("Find places").clicked() {
                    act(FileAction::NewFromText(text.clone()));
                    act(FileAction::CloseDialog);
                }
                if ui.button("Cancel").clicked() {
                    act(FileAction::CloseDialog);
                }
            });
        }
        Dialog::OpenPath(path) => {
            path_dialog_ui(ui, "Open a brief, article or web page", path, FileAction::Open, &mut act);
        }
        Dialog::SavePath(path) => {
            path_dialog_ui(ui, "Save the brief as", path, FileAction::SaveTo, &mut act);
        }
        Dialog::UnsavedEdits(deferred) => {
            ui.heading("Unsaved edits");
            let what = match deferred {
                Deferred::Open(path) => format!("Opening {} will close this brief.", path.display()),
                Deferred::NewFromText(_) => "A new brief will replace this one.".to_string(),
                Deferred::Quit => "Geobrief is closing.".to_string(),
            };
            ui.label(what);
            ui.label(RichText::new("Your corrections to this brief have not been saved.").strong());
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    act(FileAction::Confirm(Confirmation::Save));
                }
                if ui.button("Discard edits").clicked() {
                    act(FileAction::Confirm(Confirmation::Discard));
                }
                if ui.button("Cancel").clicked() {
                    act(FileAction::Confirm(Confirmation::Cancel));
                }
            });
        }
    });
    if modal.should_close() && !matches!(files.dialog, Some(Dialog::UnsavedEdits(_))) {
        actions.push(Action::File(FileAction::CloseDialog));
    }
    actions
}

fn path_dialog_ui(
    ui: &mut egui::Ui,
    title: &str,
    path: &mut String,
    action: fn(std::path::PathBuf) -> FileAction,
    act: &mut impl FnMut(FileAction),
) {
    ui.set_width(480.0);
    ui.heading(title);
    let label = ui.label("Path of the file:");
    let response = ui
        .add(TextEdit::singleline(path).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        if (ui.button("OK").clicked() || entered) && !path.trim().is_empty() {
            act(FileAction::CloseDialog);
            act(action(std::path::PathBuf::from(path.trim())));
        }
        if ui.button("Cancel").clicked() {
            act(FileAction::CloseDialog);
        }
    });
}
