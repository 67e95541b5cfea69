//! The problems panel: what could not be loaded, saved or edited, with the
//! file and place of each fault, and notes on what the app did. The brief
//! already open stays open.

use crate::problem::Problem;

pub fn problems_ui(ui: &mut egui::Ui, problems: &mut Vec<Problem>) {
    egui::Panel::bottom("problems")
        .resizable(true)
        .default_size(90.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(format!("Problems and notes ({})", problems.len()));
                if ui.button("Dismiss").clicked() {
                    problems.clear();
                }
            });
            egui::ScrollArea::vertical()
                .max_height(120.0)
                .stick_to_bottom(true)
                .show(ui, |ui| {
                    for problem in problems.iter() {
                        let text = egui::RichText::new(problem.to_string()).monospace();
                        ui.label(if problem.is_note() { text.weak() } else { text });
                    }
                });
        });
}
