//! The reading panel: the article verbatim, with every linked mention
//! tinted, the selected place's mentions lit (the current one most), and
//! words the reader selects (drag, double-click, Shift+arrows) marked for
//! linking.
//!
//! Only what is in view is laid out and drawn, so a book, or one paragraph
//! of megabytes, reads as smoothly as a news story: the text is cut into
//! blocks of at most a few kilobytes, placed by the running sums of their
//! heights ([`ArticleView`]), and the viewport picks the few to draw. A
//! block draws only the mentions that overlap it, found by binary search, so
//! a frame's work is bounded by what is on screen, however many links a
//! paragraph has. Scrolling to a mention is arithmetic on those sums.

use egui::{Align, Pos2, Rect, RichText, Sense, vec2};

use super::Reading;
pub use super::article_view::ArticleView;
use super::article_view::{MentionSpan, ParagraphMentions};
use super::text_layout::{CharCursor, ParagraphText, placed, word_at};
use super::theme::Palette;
use crate::action::{Action, FileAction};
use crate::brief::LinkId;
use crate::selection::TextSelection;

/// Drawn beyond the viewport on each side, so nearby text is ready (and
/// screen readers reach a little past the edge).
const OVERSCAN_POINTS: f32 = 600.0;

pub fn article_panel_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    view: &mut ArticleView,
    list: &mut super::article_list::ArticleListState,
    find: &mut super::find::FindState,
    sizing: super::layout::Sizing,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let panel = egui::Panel::left("article");
    super::layout::show_planned(ui, panel, "article", sizing, |ui| {
        reading_size_for_width(ui);
        if let Some(busy) = reading.busy {
            busy_ui(ui, busy, reading.busy_done, &mut actions);
        }
        if find.open {
            super::find::find_bar_ui(ui, reading, find, &mut actions);
        }
        if reading.brief.article_count() > 1 {
            if list.open {
                super::article_list::article_list_ui(ui, reading, list, &mut actions);
                return;
            }
            story_bar_ui(ui, reading, &mut actions);
        }
        let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if view.jump_to_top {
            view.jump_to_top = false;
            view.scroll_fix = 0.0;
            scroll = scroll.vertical_scroll_offset(0.0);
        } else if view.scroll_fix != 0.0 {
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

/// A story's bar above the article: which article of how many, Prev and
/// Next, and the list of them all.
fn story_bar_ui(ui: &mut egui::Ui, reading: &Reading, actions: &mut Vec<Action>) {
    let brief = reading.brief;
    let at = brief.article_position(&reading.article.id).unwrap_or(0);
    let count = brief.article_count();
    ui.horizontal_wrapped(|ui| {
        if super::button_named(ui, at > 0, "‹ Prev", "Previous article")
            .on_hover_text("The previous article (Alt+←)")
            .clicked()
        {
            actions.push(Action::StepArticle(-1));
        }
        ui.label(format!(
            "Article {} of {}",
            crate::collect::thousands(at + 1),
            crate::collect::thousands(count)
        ));
        if super::button_named(ui, at + 1 < count, "Next ›", "Next article")
            .on_hover_text("The next article (Alt+→)")
            .clicked()
        {
            actions.push(Action::StepArticle(1));
        }
        if ui
            .button("All articles…")
            .on_hover_text("The story's articles: sort, filter, pick one")
            .clicked()
        {
            actions.push(Action::ShowArticleList(true));
        }
        compare_menu_ui(ui, reading, actions);
    });
    if let Some(compare) = reading.compare {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "Comparing {} with {}",
                    compare.a.describe(brief),
                    compare.b.describe(brief)
                ))
                .small()
                .strong(),
            );
            if ui.small_button("Stop comparing").clicked() {
                actions.push(Action::Compare(None));
            }
        });
    }
    ui.separator();
}

/// "Compare…": this article with another, or the story before this
/// article's date with the story from it.
fn compare_menu_ui(ui: &mut egui::Ui, reading: &Reading, actions: &mut Vec<Action>) {
    use crate::timeline::{Side, day_of};
    let brief = reading.brief;
    let this = reading.article;
    ui.menu_button("Compare…", |ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        ui.set_max_width(360.0);
        if let Some(day) = this.info.date.as_deref().and_then(day_of) {
            let date = crate::timeline::iso_of(day);
            if ui
                .button(format!("The story before {date} with the story from it"))
                .clicked()
            {
                actions.push(Action::Compare(Some((Side::Before(day), Side::From(day)))));
                ui.close();
            }
            ui.separator();
        }
        ui.label(RichText::new("This article with:").small().weak());
        egui::ScrollArea::vertical()
            .max_height(260.0)
            .show(ui, |ui| {
                for other in brief.articles().iter().filter(|a| a.id != this.id) {
                    let mut text = other.info.title.clone();
                    if let Some(date) = &other.info.date {
                        text.push_str(&format!(" · {date}"));
                    }
                    if ui.button(text).clicked() {
                        actions.push(Action::Compare(Some((
                            Side::Article(this.id.clone()),
                            Side::Article(other.id.clone()),
                        ))));
                        ui.close();
                    }
                }
            });
    });
}

fn busy_ui(ui: &mut egui::Ui, what: &str, done: Option<f32>, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(what);
        let cancel = if done.is_some() {
            "Stop (keep what is read)"
        } else {
            "Cancel"
        };
        if ui.small_button(cancel).clicked() {
            actions.push(Action::File(FileAction::CancelWork));
        }
    });
    if let Some(done) = done {
        ui.add(egui::ProgressBar::new(done).show_percentage());
    }
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
    let brief = reading.brief;
    view.fit(ui, brief, width, reading.article.paragraphs.clone());
    if viewport.min.y < view.header_height + OVERSCAN_POINTS {
        let top = ui.cursor().top();
        ui.add_space(8.0);
        header_ui(ui, reading, &mut view.date_draft, actions);
        view.header_height = ui.cursor().top() - top;
    }
    let header = view.header_height;
    view.blocks_origin = Pos2::new(left, content_top + header);
    let count = view.block_count();
    // The blocks in view (with some around them), from the running sums.
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
        .and_then(|l| brief.mention(l))
        .map(|m| (m.paragraph, m.bytes))
        .or_else(|| {
            let words = reading.selection.text.as_ref()?;
            reading
                .scroll_to_words
                .then(|| (words.paragraph, words.bytes()))
        })
        .filter(|(p, _)| view.shows(*p))
        .map(|(p, bytes)| (view.block_at(p, bytes.start), (p, bytes)));
    if let Some((b, _)) = &target {
        view.layout(ui, reading, *b, width, *b < from);
    }
    for b in from..to {
        let above = view.tops()[b] + header < viewport.min.y;
        view.layout(ui, reading, b, width, above);
    }
    view.drawn.clear();
    let top_of = |view: &mut ArticleView, b: usize| content_top + header + view.tops()[b];
    for b in from..to {
        let origin = Pos2::new(left, top_of(view, b));
        block_ui(ui, reading, view, b, origin, width, actions);
    }
    if let Some((b, m)) = target {
        let (p, bytes) = view.block_bytes(brief, b);
        let text = &brief.paragraphs()[p][bytes.clone()];
        let origin = Pos2::new(left, top_of(view, b));
        let local = m.1.start - bytes.start..m.1.end.min(bytes.end) - bytes.start;
        if let Some(layout) = view.layout_of(b)
            && let Some(r) = layout.rects(text, local).first()
        {
            ui.scroll_to_rect(placed(origin, *r), Some(Align::Center));
        }
    }
    let total = header + view.tops().last().copied().unwrap_or(0.0) + 24.0;
    ui.set_min_height(total);
    view.evict(brief, (from + to) / 2);
    view.forget_mentions_out_of_view();
}

fn header_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    date_draft: &mut Option<String>,
    actions: &mut Vec<Action>,
) {
    let article = &reading.article.info;
    ui.label(RichText::new(&article.title).heading().strong());
    let title_note = match article.title_by.as_deref() {
        Some("geobrief") => Some("No headline found in the text; the title is a stand-in."),
        _ => None,
    };
    if let Some(note) = title_note {
        ui.label(RichText::new(note).small().weak());
    }
    if article.summary_only {
        summary_only_ui(ui, article.url.as_deref());
    }
    let mut meta = Vec::new();
    meta.extend(article.byline.clone());
    meta.extend(article.outlet.clone());
    meta.extend(
        article
            .source
            .clone()
            .filter(|s| !article.byline.as_deref().unwrap_or("").contains(s.as_str())),
    );
    if !reading.brief.is_story() {
        meta.extend(article.date.clone());
    }
    if !meta.is_empty() {
        ui.label(RichText::new(meta.join(" · ")).italics().weak());
    }
    if reading.brief.is_story() {
        date_ui(ui, reading, date_draft, actions);
    }
    ui.add_space(6.0);
}

/// An article a feed gave only a summary of says so, with its link.
fn summary_only_ui(ui: &mut egui::Ui, url: Option<&str>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new("Summary only: the feed gives no more of this article.")
                .small()
                .strong(),
        );
        if let Some(url) = url.filter(|u| crate::fetch::is_web_address(u)) {
            ui.hyperlink_to(RichText::new("Read it in full").small(), url);
        }
    });
}

/// A story's article date, which the reader can type or correct; empty is
/// undated. Dates read from a page or a dateline are shown the same way.
fn date_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    draft: &mut Option<String>,
    actions: &mut Vec<Action>,
) {
    let current = reading.article.info.date.clone().unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Date").small().weak());
        let mut text = draft.clone().unwrap_or_else(|| current.clone());
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("undated (e.g. 2025-01-28)")
                    .desired_width(150.0),
            )
            .labelled_by(label.id);
        if field.changed() {
            *draft = Some(text.clone());
        }
        if field.lost_focus() {
            if text.trim() != current && !ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                actions.push(Action::Edit(crate::editing::EditAction::SetArticleDate {
                    article: reading.article.id.clone(),
                    date: text,
                }));
            }
            *draft = None;
        }
    });
}

/// One block: its text with the tints of the mentions and the selected
/// words under it, a node a mention for screen readers, and the pointer.
fn block_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    view: &mut ArticleView,
    b: usize,
    origin: Pos2,
    width: f32,
    actions: &mut Vec<Action>,
) {
    let brief = reading.brief;
    let (p, bytes) = view.block_bytes(brief, b);
    view.update_mentions(brief, p);
    let (Some(layout), Some(mentions)) = (view.layout_of(b), view.mentions(p)) else {
        return;
    };
    let block = Block {
        p,
        bytes: bytes.clone(),
        text: &brief.paragraphs()[p][bytes.clone()],
        layout,
        mentions,
        origin,
    };
    let rect = Rect::from_min_size(origin, vec2(width, layout.galley.size().y));
    let piece = b - view.blocks_of(p).start;
    // Clicks and drags select words; the keyboard reaches the paragraph's
    // linked names instead (a paragraph is not a Tab stop of its own).
    let response = ui.interact(
        rect,
        ui.scope_id().with(("paragraph", p, piece)),
        Sense::CLICK | Sense::DRAG,
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, block.text));
    if ui.is_rect_visible(rect) {
        paint_block(ui, reading, &block);
    }
    mentions_ui(ui, reading, &block, actions);
    view.drawn.push((b, origin));
    pointer_ui(ui, reading, view, p, &response, actions);
}

/// What a block draws from: its paragraph and bytes, their text and
/// layout, the paragraph's mentions, and where the galley goes on screen.
struct Block<'a> {
    p: usize,
    bytes: std::ops::Range<usize>,
    text: &'a str,
    layout: &'a ParagraphText,
    mentions: &'a ParagraphMentions,
    origin: Pos2,
}

impl Block<'_> {
    /// The part of paragraph bytes `bytes` in this block, in its own bytes.
    fn local(&self, bytes: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = bytes.start.max(self.bytes.start).min(self.bytes.end);
        let end = bytes.end.min(self.bytes.end).max(start);
        start - self.bytes.start..end - self.bytes.start
    }

    /// The mentions that overlap this block, in text order.
    fn mentions(&self) -> impl Iterator<Item = &MentionSpan> {
        self.mentions.overlapping(self.bytes.clone())
    }
}

/// Tints under the mentions and the selected words, then the text.
fn paint_block(ui: &egui::Ui, reading: &Reading, block: &Block) {
    let palette = Palette::for_dark_mode(ui.visuals().dark_mode);
    let painter = ui.painter();
    // Rectangles in text order (characters counted once), then painted
    // weakest first: where links overlap ("both facilities" names two
    // places), the strongest state is on top.
    let mut cursor = CharCursor::new(block.text);
    let mut tints: Vec<(u8, Vec<Rect>)> = block
        .mentions()
        .map(|m| {
            let strength = if reading.selection.mention.as_ref() == Some(&m.link) {
                3
            } else if reading.selection.place.as_ref() == Some(&m.place) {
                2
            } else if reading.hovered == Some(&m.place) {
                1
            } else {
                0
            };
            (
                strength,
                block.layout.rects_with(&mut cursor, block.local(&m.bytes)),
            )
        })
        .collect();
    tints.sort_by_key(|(strength, _)| *strength);
    for (strength, rects) in tints {
        let color = match strength {
            3 => palette.mention_current,
            2 => palette.mention_selected,
            1 => palette.mention_hovered,
            _ => palette.mention_linked,
        };
        for r in rects {
            painter.rect_filled(placed(block.origin, r), 2.0, color);
        }
    }
    if let Some(sel) = reading
        .selection
        .text
        .as_ref()
        .filter(|t| t.paragraph == block.p)
    {
        let fill = ui.visuals().selection.bg_fill;
        let local = block.local(&sel.bytes());
        if !local.is_empty() {
            for r in block.layout.rects(block.text, local) {
                painter.rect_filled(placed(block.origin, r), 0.0, fill.gamma_multiply(0.7));
            }
        }
    }
    painter.galley(
        block.origin,
        block.layout.galley.clone(),
        ui.visuals().text_color(),
    );
}

/// A node a mention, for screen readers (and tests): its words, whether it
/// is the selected place's, and a click that selects it. A mention across
/// two blocks has its node in the one where it starts.
fn mentions_ui(ui: &mut egui::Ui, reading: &Reading, block: &Block, actions: &mut Vec<Action>) {
    let paragraph = &reading.brief.paragraphs()[block.p];
    let mut cursor = CharCursor::new(block.text);
    for m in block.mentions() {
        if m.bytes.start < block.bytes.start {
            continue;
        }
        let rects = block.layout.rects_with(&mut cursor, block.local(&m.bytes));
        let Some(first) = rects.first().map(|r| placed(block.origin, *r)) else {
            continue;
        };
        let response = ui.interact(
            first,
            ui.scope_id().with(("mention", &m.link)),
            Sense::click(),
        );
        let selected = reading.selection.place.as_ref() == Some(&m.place);
        let words = &paragraph[m.bytes.clone()];
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Link, true, selected, words));
        let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
        for r in &rects {
            super::theme::paint_focus_ring(ui, &response, placed(block.origin, *r));
        }
        if response.gained_focus() {
            // Tab walks the linked names: the one it reaches comes into view.
            response.scroll_to_me(Some(Align::Center));
        }
        if response.hovered() {
            actions.push(Action::Hover(m.place.clone()));
        }
        if response.clicked() {
            let here: Vec<LinkId> = block
                .mentions
                .overlapping(m.bytes.clone())
                .map(|o| o.link.clone())
                .collect();
            actions.push(Action::SelectMention(next_mention_on_click(reading, &here)));
        }
    }
}

/// Hover, clicks and drags on a block of paragraph `p`. A drag may go on
/// into the paragraph's other blocks: the byte under the pointer is looked
/// for in the block at its height.
fn pointer_ui(
    ui: &egui::Ui,
    reading: &Reading,
    view: &mut ArticleView,
    p: usize,
    response: &egui::Response,
    actions: &mut Vec<Action>,
) {
    let brief = reading.brief;
    let text = &brief.paragraphs()[p];
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
    }
    if response.drag_started()
        && let Some(at) = ui.input(|i| i.pointer.press_origin())
    {
        view.drag_anchor = Some((p, view.paragraph_byte_at(brief, p, at)));
    }
    if response.dragged()
        && let (Some((anchor_p, anchor)), Some(pos)) =
            (view.drag_anchor, response.interact_pointer_pos())
        && anchor_p == p
    {
        let head = view.paragraph_byte_at(brief, p, pos);
        actions.push(Action::SelectText(Some(whole_words(p, text, anchor, head))));
    }
    if response.double_clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let word = word_at(text, view.paragraph_byte_at(brief, p, pos));
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
