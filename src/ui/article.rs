//! The reading panel: the article verbatim, with every linked mention a
//! clickable highlight. The selected place's mentions are lit, the current one
//! most, and the panel scrolls to it when asked.

use egui::{Align, RichText, Sense, TextStyle};

use super::theme::Palette;
use crate::app::{Action, GeobriefApp};

pub fn article_panel_ui(ui: &mut egui::Ui, app: &GeobriefApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::left("article")
        .resizable(true)
        .default_size(480.0)
        .min_size(300.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(8.0);
                    article_ui(ui, app, &mut actions);
                    ui.add_space(24.0);
                });
        });
    actions
}

fn article_ui(ui: &mut egui::Ui, app: &GeobriefApp, actions: &mut Vec<Action>) {
    let article = &app.brief.doc.article;
    ui.label(RichText::new(&article.title).heading().strong());
    let title_note = match article.title_by.as_deref() {
        Some("editor") => Some("Title by the editor; the article has no headline."),
        Some("geobrief") => Some("No headline found in the text; the title is a stand-in."),
        _ => None,
    };
    if let Some(note) = title_note {
        ui.label(RichText::new(note).small().weak());
    }
    let mut meta = Vec::new();
    meta.extend(article.byline.clone());
    meta.extend(
        article
            .source
            .clone()
            .filter(|s| !article.byline.as_deref().unwrap_or("").contains(s.as_str())),
    );
    meta.extend(article.date.clone());
    if !meta.is_empty() {
        ui.label(RichText::new(meta.join(" · ")).italics().weak());
    }
    ui.add_space(6.0);
    let palette = Palette::for_dark_mode(ui.visuals().dark_mode);
    let selected = app.selected_mentions();
    for (p, runs) in app.runs.iter().enumerate() {
        let text = &article.paragraphs[p];
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            if p == 0
                && let Some(dateline) = &article.dateline
            {
                ui.label(RichText::new(format!("{dateline} — ")).strong());
            }
            for run in runs {
                let words = &text[run.bytes.clone()];
                if run.mentions.is_empty() {
                    ui.label(words);
                    continue;
                }
                let places: Vec<usize> = run
                    .mentions
                    .iter()
                    .map(|&m| app.brief.mentions[m].place)
                    .collect();
                let is_current = app
                    .current_mention
                    .is_some_and(|c| run.mentions.contains(&c));
                let is_selected = run.mentions.iter().any(|m| selected.contains(m));
                let is_hovered = app.hovered_place.is_some_and(|h| places.contains(&h));
                let background = if is_current {
                    palette.mention_current
                } else if is_selected {
                    palette.mention_selected
                } else if is_hovered {
                    palette.mention_hovered
                } else {
                    palette.mention_linked
                };
                let rich = RichText::new(words)
                    .background_color(background)
                    .text_style(TextStyle::Body);
                let rich = if is_selected || is_current {
                    rich.strong()
                } else {
                    rich
                };
                let response = ui.add(egui::Label::new(rich).sense(Sense::click()));
                let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
                if is_current && app.scroll_to_mention {
                    response.scroll_to_me(Some(Align::Center));
                }
                if response.hovered() {
                    actions.push(Action::Hover(places[0]));
                }
                if response.clicked() {
                    actions.push(Action::SelectMention(next_mention_on_click(
                        app,
                        &run.mentions,
                    )));
                }
            }
        });
        ui.add_space(8.0);
    }
}

/// Clicking a phrase that speaks of two places ("both facilities") selects
/// the first; clicking it again moves on to the next.
fn next_mention_on_click(app: &GeobriefApp, mentions: &[usize]) -> usize {
    let at = app
        .current_mention
        .and_then(|c| mentions.iter().position(|&m| m == c));
    match at {
        Some(i) => mentions[(i + 1) % mentions.len()],
        None => mentions[0],
    }
}
