//! The reading panel: the article verbatim, a galley a paragraph, with every
//! linked mention tinted, the selected place's mentions lit (the current one
//! most), and words the reader selects (drag, double-click, Shift+arrows)
//! marked for linking.
//!
//! Only what is in view is laid out and drawn, so a book reads as smoothly
//! as a news story: each paragraph has a height (its real one once laid
//! out, an estimate from its length until then), the heights' running sums
//! place every paragraph, and the viewport picks the few to draw. Scrolling
//! to a mention is arithmetic on those sums.

use egui::{Align, Pos2, Rect, RichText, Sense, vec2};

use super::Reading;
use super::text_layout::{ParagraphText, placed, word_at};
use super::theme::Palette;
use crate::action::{Action, FileAction};
use crate::brief::LinkId;
use crate::selection::TextSelection;

/// Space between paragraphs, in points.
const PARAGRAPH_GAP: f32 = 8.0;
/// Paragraphs kept laid out; the farthest from view are dropped beyond it.
const MAX_LAID_OUT: usize = 400;
/// Drawn beyond the viewport on each side, so nearby text is ready (and
/// screen readers reach a little past the edge).
const OVERSCAN_POINTS: f32 = 600.0;

/// What the panel keeps between frames.
#[derive(Default)]
pub struct ArticleView {
    /// What the layouts were made for: width, theme, body text size,
    /// paragraph count, and the font atlas they point into.
    key: Option<(u32, bool, u32, usize, u64)>,
    layouts: Vec<Option<ParagraphText>>,
    /// Each paragraph's height with its gap: real once laid out.
    heights: Vec<f32>,
    /// `tops[p]` is where paragraph `p` starts below the header.
    tops: Vec<f32>,
    tops_stale: bool,
    /// Paragraphs that have a layout now, oldest first.
    laid_out: Vec<usize>,
    header_height: f32,
    /// Estimates: the body font's row height and an average character width.
    row_height: f32,
    char_width: f32,
    /// Where a drag that selects words started: paragraph and byte.
    drag_anchor: Option<(usize, usize)>,
    /// Paragraphs drawn last frame and where (screen position of the galley).
    drawn: Vec<(usize, Pos2)>,
    /// Points to add to the scroll offset next frame, so that text laid out
    /// above the view does not push what the reader is looking at.
    scroll_fix: f32,
}

impl ArticleView {
    fn fit(&mut self, ui: &egui::Ui, reading: &Reading, width: f32) {
        let paragraphs = reading.brief.paragraphs();
        let key = (
            width.to_bits(),
            ui.visuals().dark_mode,
            egui::TextStyle::Body.resolve(ui.style()).size.to_bits(),
            paragraphs.len(),
            super::font_epoch(ui.ctx()),
        );
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        let sample = ParagraphText::lay_out(
            ui,
            "the quick brown fox jumps over a lazy dog",
            None,
            f32::INFINITY,
        );
        self.row_height = sample.galley.size().y.max(1.0);
        self.char_width = (sample.galley.size().x / 41.0).max(1.0);
        self.layouts.clear();
        self.layouts.resize_with(paragraphs.len(), || None);
        self.laid_out.clear();
        let per_row = (width / self.char_width).max(1.0);
        self.heights = paragraphs
            .iter()
            .enumerate()
            .map(|(p, text)| {
                let chars = text.len() as f32 + if p == 0 { 12.0 } else { 0.0 };
                (chars / per_row).ceil().max(1.0) * self.row_height + PARAGRAPH_GAP
            })
            .collect();
        self.tops_stale = true;
    }

    fn tops(&mut self) -> &[f32] {
        if self.tops_stale || self.tops.len() != self.heights.len() + 1 {
            self.tops.clear();
            self.tops.reserve(self.heights.len() + 1);
            let mut y = 0.0;
            self.tops.push(0.0);
            for h in &self.heights {
                y += h;
                self.tops.push(y);
            }
            self.tops_stale = false;
        }
        &self.tops
    }

    /// The layout of paragraph `p`, made now if needed (its height becomes
    /// real; `above_view` says whether that must not move the view).
    fn layout(&mut self, ui: &egui::Ui, reading: &Reading, p: usize, width: f32, above_view: bool) {
        if self.layouts[p].is_some() {
            return;
        }
        let text = &reading.brief.paragraphs()[p];
        // An article's dateline opens its first paragraph.
        let dateline = reading
            .brief
            .article_of_paragraph(p)
            .filter(|a| a.paragraphs.start == p)
            .and_then(|a| a.info.dateline.as_deref());
        let layout = ParagraphText::lay_out(ui, text, dateline, width);
        let height = layout.galley.size().y + PARAGRAPH_GAP;
        let delta = height - self.heights[p];
        if delta.abs() > 0.01 {
            self.heights[p] = height;
            self.tops_stale = true;
            if above_view {
                self.scroll_fix += delta;
            }
        }
        self.layouts[p] = Some(layout);
        self.laid_out.push(p);
    }

    /// Drops the layouts farthest from `around` beyond `MAX_LAID_OUT`.
    fn evict(&mut self, around: usize) {
        if self.laid_out.len() <= MAX_LAID_OUT {
            return;
        }
        self.laid_out
            .sort_by_key(|&p| std::cmp::Reverse(p.abs_diff(around)));
        let drop = self.laid_out.len() - MAX_LAID_OUT;
        for p in self.laid_out.drain(..drop) {
            // Its height stays real: only the glyphs are let go.
            self.layouts[p] = None;
        }
    }

    /// Where the words `bytes` of paragraph `paragraph` were last drawn
    /// (their first row), in screen points.
    pub fn screen_rect_of(
        &self,
        text: &str,
        paragraph: usize,
        bytes: std::ops::Range<usize>,
    ) -> Option<Rect> {
        let origin = self.drawn.iter().find(|(p, _)| *p == paragraph)?.1;
        let layout = self.layouts.get(paragraph)?.as_ref()?;
        layout
            .rects(text, bytes)
            .first()
            .map(|r| placed(origin, *r))
    }

    /// How many paragraphs have a layout now (the rest are estimates).
    pub fn laid_out_count(&self) -> usize {
        self.laid_out.len()
    }
}

pub fn article_panel_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    view: &mut ArticleView,
    sizing: super::layout::Sizing,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let panel = egui::Panel::left("article");
    super::layout::show_planned(ui, panel, "article", sizing, |ui| {
        reading_size_for_width(ui);
        if let Some(busy) = reading.busy {
            busy_ui(ui, busy, &mut actions);
        }
        let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if view.scroll_fix != 0.0 {
            let offset = ui
                .ctx()
                .data(|d| d.get_temp::<f32>(ui.scope_id().with("article_offset")))
                .unwrap_or(0.0);
            scroll = scroll.vertical_scroll_offset((offset + view.scroll_fix).max(0.0));
            view.scroll_fix = 0.0;
        }
        let output = scroll.show_viewport(ui, |ui, viewport| {
            article_ui(ui, reading, view, viewport, &mut actions);
        });
        let id = ui.scope_id().with("article_offset");
        ui.ctx()
            .data_mut(|d| d.insert_temp(id, output.state.clamped_offset().y));
    });
    actions
}

/// A wide article column gets larger type, so a line stays near 75
/// characters instead of stretching to a hundred and more.
fn reading_size_for_width(ui: &mut egui::Ui) {
    let body = (ui.available_width() / 36.0).clamp(15.5, 19.0);
    if body > 15.5 {
        let style = ui.style_mut();
        let family = egui::FontFamily::Proportional;
        style.text_styles.insert(
            egui::TextStyle::Body,
            egui::FontId::new(body, family.clone()),
        );
        style.text_styles.insert(
            egui::TextStyle::Heading,
            egui::FontId::new(body * 21.0 / 15.5, family),
        );
    }
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

fn article_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    view: &mut ArticleView,
    viewport: Rect,
    actions: &mut Vec<Action>,
) {
    let content_top = ui.max_rect().top();
    let left = ui.max_rect().left();
    let width = ui.available_width().max(100.0).floor();
    view.fit(ui, reading, width);
    if viewport.min.y < view.header_height + OVERSCAN_POINTS {
        let top = ui.cursor().top();
        ui.add_space(8.0);
        header_ui(ui, reading);
        view.header_height = ui.cursor().top() - top;
    }
    let header = view.header_height;
    let count = view.heights.len();
    // The paragraphs in view (with some around it), from the running sums.
    let (from, to) = {
        let tops = view.tops();
        let from = tops
            .partition_point(|&t| t + header < viewport.min.y - OVERSCAN_POINTS)
            .saturating_sub(1);
        let to = tops.partition_point(|&t| t + header < viewport.max.y + OVERSCAN_POINTS);
        (from.min(count), to.min(count))
    };
    // A mention to scroll to is placed by arithmetic, laid out if need be.
    let target = reading
        .selection
        .mention
        .as_ref()
        .filter(|_| reading.scroll_to_mention)
        .and_then(|l| reading.brief.mention(l));
    if let Some(m) = &target {
        view.layout(ui, reading, m.paragraph, width, m.paragraph < from);
    }
    for p in from..to {
        let above = view.tops()[p] + header < viewport.min.y;
        view.layout(ui, reading, p, width, above);
    }
    view.drawn.clear();
    let top_of = |view: &mut ArticleView, p: usize| content_top + header + view.tops()[p];
    for p in from..to {
        let origin = Pos2::new(left, top_of(view, p));
        paragraph_ui(ui, reading, view, p, origin, width, actions);
    }
    if let Some(m) = target {
        let text = &reading.brief.paragraphs()[m.paragraph];
        let origin = Pos2::new(left, top_of(view, m.paragraph));
        if let Some(layout) = view.layouts[m.paragraph].as_ref()
            && let Some(r) = layout.rects(text, m.bytes.clone()).first()
        {
            ui.scroll_to_rect(placed(origin, *r), Some(Align::Center));
        }
    }
    let total = header + view.tops().last().copied().unwrap_or(0.0) + 24.0;
    ui.set_min_height(total);
    view.evict((from + to) / 2);
}

fn header_ui(ui: &mut egui::Ui, reading: &Reading) {
    let article = &reading.brief.first_article().info;
    ui.label(RichText::new(&article.title).heading().strong());
    let title_note = match article.title_by.as_deref() {
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

fn paragraph_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    view: &mut ArticleView,
    p: usize,
    origin: Pos2,
    width: f32,
    actions: &mut Vec<Action>,
) {
    let Some(layout) = view.layouts[p].as_ref() else {
        return;
    };
    let text = &reading.brief.paragraphs()[p];
    let rect = Rect::from_min_size(origin, vec2(width, layout.galley.size().y));
    // Clicks and drags select words; the keyboard reaches the paragraph's
    // linked names instead (a paragraph is not a Tab stop of its own).
    let response = ui.interact(
        rect,
        ui.scope_id().with(("paragraph", p)),
        Sense::CLICK | Sense::DRAG,
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    view.drawn.push((p, origin));
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
}

/// Tints under the mentions and the selected words, then the text.
fn paint_paragraph(
    ui: &egui::Ui,
    reading: &Reading,
    p: usize,
    text: &str,
    layout: &ParagraphText,
    origin: Pos2,
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
    origin: Pos2,
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
        let response = ui.interact(first, ui.scope_id().with(("mention", link)), Sense::click());
        let selected = reading.selection.place.as_ref() == Some(&m.place);
        let words = &text[m.bytes.clone()];
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Link, true, selected, words));
        let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
        for r in &rects {
            super::theme::paint_focus_ring(ui, &response, placed(origin, *r));
        }
        if response.gained_focus() {
            // Tab walks the linked names: the one it reaches comes into view.
            response.scroll_to_me(Some(Align::Center));
        }
        if response.hovered() {
            actions.push(Action::Hover(m.place.clone()));
        }
        if response.clicked() {
            let here: Vec<LinkId> = brief
                .mentions_in(p)
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
    origin: Pos2,
    response: &egui::Response,
    drag_anchor: &mut Option<(usize, usize)>,
    actions: &mut Vec<Action>,
) {
    let byte_at = |pos: Pos2| layout.byte_at(text, pos - origin);
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
    let start_of = |b: usize| {
        if inside(b) { word_at(text, b).start } else { b }
    };
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
