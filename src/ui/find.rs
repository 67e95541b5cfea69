//! Ctrl+F: a find bar over the reading panel. It finds a word or phrase in
//! every article of the story (see `crate::search`), says how many times
//! and in how many articles, lists the hits by article, and Enter (or Next)
//! goes to the next one: its article shows and its words are selected.

use egui::{Key, RichText};

use super::Reading;
use crate::action::Action;
use crate::search::{Found, Hit, articles_of, find_all};

/// Hits listed under the bar at most (Enter still reaches every one).
const LISTED: usize = 200;

/// The find bar's state between frames.
#[derive(Default)]
pub struct FindState {
    pub open: bool,
    pub query: String,
    /// Set when the bar opens: its field takes the keyboard.
    pub focus: bool,
    found: Found,
    /// The query and links version `found` is for.
    found_for: Option<(String, u64)>,
    /// The hit the reader is at.
    at: Option<usize>,
}

impl FindState {
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    fn search(&mut self, reading: &Reading) {
        let key = (
            self.query.trim().to_string(),
            reading.brief.articles_version(),
        );
        if self.found_for.as_ref() != Some(&key) {
            self.found = find_all(reading.brief, &key.0);
            self.found_for = Some(key);
            self.at = None;
        }
    }

    fn step(&mut self, by: isize) -> Option<&Hit> {
        let count = self.found.hits.len() as isize;
        if count == 0 {
            return None;
        }
        let next = match self.at {
            Some(at) => (at as isize + by).rem_euclid(count),
            None if by >= 0 => 0,
            None => count - 1,
        } as usize;
        self.at = Some(next);
        self.found.hits.get(next)
    }
}

pub fn find_bar_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    state: &mut FindState,
    actions: &mut Vec<Action>,
) {
    let mut go = None;
    ui.horizontal(|ui| {
        let label = ui.label("Find:");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.query)
                    .hint_text("a word or phrase, in every article")
                    .desired_width(ui.available_width().min(220.0)),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut state.focus) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        state.search(reading);
        let back = ui.input(|i| i.modifiers.shift);
        if entered {
            go = Some(if back { -1 } else { 1 });
            field.request_focus();
        }
        if ui
            .small_button("‹")
            .on_hover_text("Previous (Shift+Enter)")
            .clicked()
        {
            go = Some(-1);
        }
        if ui.small_button("›").on_hover_text("Next (Enter)").clicked() {
            go = Some(1);
        }
        if ui.small_button("×").on_hover_text("Close (Esc)").clicked()
            || (field.has_focus() && ui.input(|i| i.key_pressed(Key::Escape)))
        {
            state.open = false;
        }
    });
    if let Some(by) = go
        && let Some(hit) = state.step(by).cloned()
    {
        actions.push(Action::ShowWords {
            paragraph: hit.paragraph,
            bytes: hit.bytes,
        });
    }
    if state.query.trim().is_empty() {
        ui.separator();
        return;
    }
    let hits = &state.found.hits;
    let summary = if hits.is_empty() {
        "Not found".to_string()
    } else {
        let articles = articles_of(reading.brief, hits);
        let at = state.at.map_or(String::new(), |a| format!("{} of ", a + 1));
        format!(
            "{at}{}{} in {} article{}",
            crate::collect::thousands(hits.len()),
            if state.found.more { "+" } else { "" },
            articles,
            if articles == 1 { "" } else { "s" }
        )
    };
    ui.label(RichText::new(summary).small());
    if reading.brief.article_count() > 1 && !hits.is_empty() {
        hit_list_ui(ui, reading, state, actions);
    }
    ui.separator();
}

/// The hits by article: a heading an article, a line a hit.
fn hit_list_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    state: &mut FindState,
    actions: &mut Vec<Action>,
) {
    let brief = reading.brief;
    egui::ScrollArea::vertical()
        .id_salt("find_hits")
        .max_height(140.0)
        .show(ui, |ui| {
            let mut last_article = None;
            for (k, hit) in state.found.hits.iter().enumerate().take(LISTED) {
                let article = brief.article_of_paragraph(hit.paragraph);
                let id = article.map(|a| &a.id);
                if id != last_article {
                    last_article = id;
                    if let Some(article) = article {
                        ui.label(RichText::new(&article.info.title).small().strong());
                    }
                }
                let text = &brief.paragraphs()[hit.paragraph];
                let before: String = text[..hit.bytes.start]
                    .chars()
                    .rev()
                    .take(30)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let after: String = text[hit.bytes.end..].chars().take(30).collect();
                let line = format!("…{before}{}{after}…", &text[hit.bytes.clone()]);
                let current = state.at == Some(k);
                if ui
                    .selectable_label(current, RichText::new(line).small())
                    .clicked()
                {
                    state.at = Some(k);
                    actions.push(Action::ShowWords {
                        paragraph: hit.paragraph,
                        bytes: hit.bytes.clone(),
                    });
                }
            }
        });
}
