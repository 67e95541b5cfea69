//! The problems panel: what could not be loaded or anchored, with the file
//! and place of each fault. The brief already open stays open.

pub fn problems_ui(ui: &mut egui::Ui, problems: &mut Vec<String>) {
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
                .show(ui, |ui| {
                    for problem in problems.iter() {
                        ui.label(egui::RichText::new(problem).monospace());
                    }
                });
        });
}
