//! The problems panel: what could not be loaded, saved or edited, with the
//! file and place of each fault, and notes on what the app did. The brief
//! already open stays open.

use crate::problem::Problem;

pub fn problems_ui(ui: &mut egui::Ui, problems: &mut Vec<Problem>) {
    let words = problems.iter().rev().find_map(|p| match p {
        Problem::NotTaken(list) => Some(list),
        _ => None,
    });
    // A panel of its own (and its own remembered height) while it lists
    // words not taken: tall enough for the list's heading and rows.
    let (id, height) = match words {
        Some(_) => ("problems with words not taken", 200.0),
        None => ("problems", 90.0),
    };
    let mut dismissed = false;
    egui::Panel::bottom(id)
        .resizable(true)
        .default_size(height)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(format!(
                    "Problems and notes ({}), newest first",
                    problems.len()
                ));
                dismissed = ui.button("Dismiss").clicked();
            });
            if let Some(list) = words {
                not_taken_ui(ui, list);
                ui.separator();
            }
            // Newest first, from its first line: a long entry (a file with
            // many faults) is read from its start, not from its end.
            egui::ScrollArea::vertical()
                .max_height(120.0)
                .show(ui, |ui| {
                    for problem in problems.iter().rev() {
                        if matches!(problem, Problem::NotTaken(_)) {
                            continue;
                        }
                        let text = egui::RichText::new(problem.to_string()).monospace();
                        ui.label(if problem.is_note() { text.weak() } else { text });
                    }
                });
        });
    if dismissed {
        problems.clear();
    }
}

/// A list of words not taken as places: its heading stays in view and its
/// rows scroll on their own, however long the list. Only the newest list
/// is shown.
fn not_taken_ui(ui: &mut egui::Ui, list: &crate::not_taken::NotTakenList) {
    let text = list.to_string();
    let (heading, rows) = text.split_once('\n').unwrap_or((&text, ""));
    ui.label(egui::RichText::new(heading).monospace());
    if rows.is_empty() {
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("words not taken")
        .max_height(110.0)
        .show(ui, |ui| {
            ui.label(egui::RichText::new(rows).monospace().weak());
        });
}
