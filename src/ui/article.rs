//! The reading panel: the article verbatim, a galley a paragraph laid out
//! once, with every linked mention tinted, the selected place's mentions lit
//! (the current one most), and words the reader selects (drag, double-click,
//! Shift+arrows) marked for linking. The panel scrolls to the current
//! mention when asked.

use egui::{Align, RichText, Sense};

use super::Reading;
use super::text_layout::{ParagraphText, placed, word_at};
use super::theme::Palette;
use crate::action::{Action, FileAction};
use crate::brief::LinkId;
use crate::selection::TextSelection;

/// What the panel keeps between frames.
#[derive(Default)]
pub struct ArticleView {
    /// One layout a paragraph, made when first drawn.
    layouts: Vec<Option<ParagraphText>>,
    /// What the layouts were made for: width, theme, paragraph count.
    key: Option<(u32, bool, usize)>,
    /// Where a drag that selects words started: paragraph and byte.
    drag_anchor: Option<(usize, usize)>,
    /// Where each paragraph was drawn last frame (screen position of its
    /// galley), for hit tests and for tests that point at words.
    origins: Vec<Option<egui::Pos2>>,
}

impl ArticleView {
    fn fit(&mut self, width: f32, dark: bool, paragraphs: usize) {
        let key = (width.to_bits(), dark, paragraphs);
        if self.key != Some(key) {
            self.key = Some(key);
            self.layouts.clear();
            self.layouts.resize_with(paragraphs, || None);
        }
        self.origins.resize(paragraphs, None);
    }

    /// Where the words `bytes` of paragraph `paragraph` were last drawn
    /// (their first row), in screen points.
    pub fn screen_rect_of(
        &self,
        text: &str,
        paragraph: usize,
        bytes: std::ops::Range<usize>,
    ) -> Option<egui::Rect> {
        let origin = (*self.origins.get(paragraph)?)?;
        let layout = self.layouts.get(paragraph)?.as_ref()?;
        layout
            .rects(text, bytes)
            .first()
            .map(|r| placed(origin, *r))
    }
}

pub fn article_panel_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    view: &mut ArticleView,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::left("article")
        .resizable(true)
        .default_size(480.0)
        .min_size(300.0)
        .show(ui, |ui| {
            if let Some(busy) = reading.busy {
                busy_ui(ui, busy, &mut actions);
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(8.0);
                    header_ui(ui, reading);
                    paragraphs_ui(ui, reading, view, &mut actions);
                    ui.add_space(24.0);
                });
        });
    actions
}

fn busy_ui(ui: &mut egui::Ui, what: &str, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(what);
        if ui.small_button("Cancel").clicked() {
            actions.push(Action::File(FileAction::CancelWork));
        }
    });
    ui.separator();
}

fn header_ui(ui: &mut egui::Ui, reading: &Reading) {
    let article = &reading.brief.article;
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
}

fn paragraphs_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    view: &mut ArticleView,
    actions: &mut Vec<Action>,
) {
    let brief = reading.brief;
    let width = ui.available_width().max(100.0).floor();
    let dark = ui.visuals().dark_mode;
    view.fit(width, dark, brief.paragraphs().len());
    for (p, text) in brief.paragraphs().iter().enumerate() {
        let dateline = if p == 0 {
            brief.article.dateline.as_deref()
        } else {
            None
        };
        let layout = view.layouts[p]
            .get_or_insert_with(|| ParagraphText::lay_out(ui, text, dateline, width));
        let size = layout.galley.size();
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(width, size.y), Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
        let origin = rect.min;
        view.origins[p] = Some(origin);
        if ui.is_rect_visible(rect) {
            paint_paragraph(ui, reading, p, text, layout, origin);
        }
        mentions_ui(ui, reading, p, text, layout, origin, actions);
        pointer_ui(
            ui,
            reading,
            p,
            text,
            layout,
            origin,
            &response,
            &mut view.drag_anchor,
            actions,
        );
        ui.add_space(8.0);
    }
}

/// Tints under the mentions and the selected words, then the text.
fn paint_paragraph(
    ui: &egui::Ui,
    reading: &Reading,
    p: usize,
    text: &str,
    layout: &ParagraphText,
    origin: egui::Pos2,
) {
    let palette = Palette::for_dark_mode(ui.visuals().dark_mode);
    let painter = ui.painter();
    let brief = reading.brief;
    // Where links overlap ("both facilities" names two places), the
    // strongest state is painted last, on top.
    let mut tints: Vec<(u8, std::ops::Range<usize>)> = brief
        .mentions_in(p)
        .iter()
        .filter_map(|link| {
            let m = brief.mention(link)?;
            let strength = if reading.selection.mention.as_ref() == Some(link) {
                3
            } else if reading.selection.place.as_ref() == Some(&m.place) {
                2
            } else if reading.hovered == Some(&m.place) {
                1
            } else {
                0
            };
            Some((strength, m.bytes))
        })
        .collect();
    tints.sort_by_key(|(strength, _)| *strength);
    for (strength, bytes) in tints {
        let color = match strength {
            3 => palette.mention_current,
            2 => palette.mention_selected,
            1 => palette.mention_hovered,
            _ => palette.mention_linked,
        };
        for r in layout.rects(text, bytes) {
            painter.rect_filled(placed(origin, r), 2.0, color);
        }
    }
    if let Some(sel) = reading.selection.text.as_ref().filter(|t| t.paragraph == p) {
        let fill = ui.visuals().selection.bg_fill;
        for r in layout.rects(text, sel.bytes()) {
            painter.rect_filled(placed(origin, r), 0.0, fill.gamma_multiply(0.7));
        }
    }
    painter.galley(origin, layout.galley.clone(), ui.visuals().text_color());
}

/// A node a mention, for screen readers (and tests): its words, whether it
/// is the selected place's, and a click that selects it.
fn mentions_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    p: usize,
    text: &str,
    layout: &ParagraphText,
    origin: egui::Pos2,
    actions: &mut Vec<Action>,
) {
    let brief = reading.brief;
    for link in brief.mentions_in(p) {
        let Some(m) = brief.mention(link) else {
            continue;
        };
        let rects = layout.rects(text, m.bytes.clone());
        let Some(first) = rects.first().map(|r| placed(origin, *r)) else {
            continue;
        };
        let is_current = reading.selection.mention.as_ref() == Some(link);
        if is_current && reading.scroll_to_mention {
            ui.scroll_to_rect(first, Some(Align::Center));
        }
        if !ui.is_rect_visible(first) {
            continue;
        }
        let response = ui.interact(first, ui.scope_id().with(("mention", link)), Sense::click());
        let selected = reading.selection.place.as_ref() == Some(&m.place);
        let words = &text[m.bytes.clone()];
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Link, true, selected, words));
        let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
        if response.hovered() {
            actions.push(Action::Hover(m.place.clone()));
        }
        if response.clicked() {
            let at = brief.mentions_in(p);
            let here: Vec<LinkId> = at
                .iter()
                .filter(|l| {
                    brief
                        .mention(l)
                        .is_some_and(|o| o.bytes.start < m.bytes.end && m.bytes.start < o.bytes.end)
                })
                .cloned()
                .collect();
            actions.push(Action::SelectMention(next_mention_on_click(reading, &here)));
        }
    }
}

/// Hover, clicks and drags on a paragraph's text.
#[allow(clippy::too_many_arguments)]
fn pointer_ui(
    ui: &egui::Ui,
    reading: &Reading,
    p: usize,
    text: &str,
    layout: &ParagraphText,
    origin: egui::Pos2,
    response: &egui::Response,
    drag_anchor: &mut Option<(usize, usize)>,
    actions: &mut Vec<Action>,
) {
    let byte_at = |pos: egui::Pos2| layout.byte_at(text, pos - origin);
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
    }
    if response.drag_started()
        && let Some(at) = ui.input(|i| i.pointer.press_origin())
    {
        *drag_anchor = Some((p, byte_at(at)));
    }
    if response.dragged()
        && let (Some((anchor_p, anchor)), Some(pos)) =
            (*drag_anchor, response.interact_pointer_pos())
        && anchor_p == p
    {
        actions.push(Action::SelectText(Some(whole_words(
            p,
            text,
            anchor,
            byte_at(pos),
        ))));
    }
    if response.double_clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let word = word_at(text, byte_at(pos));
        if !word.is_empty() {
            actions.push(Action::SelectText(Some(TextSelection::new(p, word))));
        }
    } else if response.clicked() && reading.selection.text.is_some() {
        actions.push(Action::SelectText(None));
    }
}

/// A dragged selection grows to whole words at both ends: names are what
/// a reader selects to link.
fn whole_words(paragraph: usize, text: &str, anchor: usize, head: usize) -> TextSelection {
    // Only an end inside a word moves; one between words stays.
    let inside = |b: usize| {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
        word(text[..b].chars().next_back()) && word(text[b..].chars().next())
    };
    let start_of = |b: usize| if inside(b) { word_at(text, b).start } else { b };
    let end_of = |b: usize| if inside(b) { word_at(text, b).end } else { b };
    let (anchor, head) = if head >= anchor {
        (start_of(anchor), end_of(head))
    } else {
        (end_of(anchor), start_of(head))
    };
    TextSelection {
        paragraph,
        anchor,
        head,
    }
}

/// Clicking a phrase that speaks of two places ("both facilities") selects
/// the first; clicking it again moves on to the next.
fn next_mention_on_click(reading: &Reading, mentions: &[LinkId]) -> LinkId {
    let at = reading
        .selection
        .mention
        .as_ref()
        .and_then(|c| mentions.iter().position(|m| m == c));
    match at {
        Some(i) => mentions[(i + 1) % mentions.len()].clone(),
        None => mentions[0].clone(),
    }
}
