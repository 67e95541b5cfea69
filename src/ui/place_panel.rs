//! The side panel: what to do with selected words, the card of the
//! selected place, and the list of places (walkable with the keyboard).

use egui::{RichText, Sense};

use super::Reading;
use super::keys::SHORTCUTS;
use super::layout::{Sizing, show_planned};
use super::link_words::{LinkSearch, link_words_ui};
use super::map::markers::{has_marker, marker_shapes};
use super::place_card::{CardDrafts, place_card_ui};
use super::theme::Palette;
use crate::action::Action;
use crate::brief::PlaceKind;
use crate::personal::PersonalGazetteer;

/// What a narrowed list was made for: the article it is narrowed to, the
/// links' version, the time range's version.
type NarrowKey = (Option<crate::brief::ArticleId>, u64, Option<u64>);

/// What the panel keeps between frames: text being typed, and which place
/// the list last scrolled to.
#[derive(Default)]
pub struct PlacePanelState {
    pub card: CardDrafts,
    pub search: LinkSearch,
    scrolled_to: Option<crate::brief::PlaceId>,
    /// In a story: list the places of the article being read only.
    pub this_article_only: bool,
    /// The places listed (positions in the brief's list) when the list is
    /// narrowed to an article or a time range, and what for: the article
    /// (if narrowed to one), the links' version, the range's version.
    narrowed: Option<(NarrowKey, Vec<usize>)>,
}

impl PlacePanelState {
    /// The rows of the list: every place, or those of the article being
    /// read, or of the time range (or both).
    fn rows(&mut self, reading: &Reading) -> Option<&[usize]> {
        let brief = reading.brief;
        let article = (self.this_article_only && brief.article_count() > 1)
            .then(|| reading.article.id.clone());
        let filter = reading.filter;
        if article.is_none() && filter.is_none() {
            return None;
        }
        let key: NarrowKey = (article, brief.links_version(), filter.map(|f| f.version));
        if self.narrowed.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut rows: Vec<usize> = match &key.0 {
                Some(_) => {
                    let mut rows: Vec<usize> = reading
                        .article
                        .paragraphs
                        .clone()
                        .flat_map(|p| brief.mentions_in(p))
                        .filter_map(|l| brief.link(l).and_then(|l| brief.place_position(&l.place)))
                        .collect();
                    rows.sort_unstable();
                    rows.dedup();
                    rows
                }
                None => (0..brief.place_count()).collect(),
            };
            if let Some(filter) = filter {
                rows.retain(|&i| filter.shows_place(i));
            }
            self.narrowed = Some((key, rows));
        }
        self.narrowed.as_ref().map(|(_, rows)| rows.as_slice())
    }
}

/// Height of a row of the place list, in points.
const ROW_HEIGHT: f32 = 22.0;
/// The place list's heading and keyboard help, without rows.
const LIST_CHROME_HEIGHT: f32 = 90.0;

pub fn place_panel_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    state: &mut PlacePanelState,
    personal: &PersonalGazetteer,
    sizing: Sizing,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let panel = egui::Panel::right("places");
    show_planned(ui, panel, "places", sizing, |ui| {
        let words = reading.selection.text.as_ref().filter(|t| !t.is_empty());
        let place = reading
            .selection
            .place
            .as_ref()
            .and_then(|id| reading.brief.place(id));
        if words.is_some() || place.is_some() {
            // The card and the linking tools take what they need; the list
            // keeps room for its heading, its rows (two at least) and the
            // keyboard help, up to a third of the panel.
            let rows = reading.brief.place_count().max(2) as f32;
            let list_needs = LIST_CHROME_HEIGHT + rows * (ROW_HEIGHT + ui.spacing().item_spacing.y);
            let available = ui.available_height();
            let max_height = (available - list_needs.min(available * 0.34)).max(160.0);
            egui::ScrollArea::vertical()
                .id_salt("place_card")
                .max_height(max_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    if let Some(words) = words {
                        link_words_ui(ui, reading, words, &mut state.search, &mut actions);
                        ui.separator();
                    }
                    if let Some(place) = place {
                        place_card_ui(ui, reading, place, &mut state.card, personal, &mut actions);
                    }
                });
            ui.separator();
        }
        place_list_ui(ui, reading, state, &mut actions);
    });
    actions
}

/// The places, one row each; only the rows in view are drawn, so a brief of
/// ten thousand places lists as fast as one of ten.
fn place_list_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    state: &mut PlacePanelState,
    actions: &mut Vec<Action>,
) {
    let brief = reading.brief;
    if brief.article_count() > 1 {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut state.this_article_only, false, "Whole story");
            ui.selectable_value(&mut state.this_article_only, true, "This article");
        });
    }
    let rows: Option<Vec<usize>> = state.rows(reading).map(<[usize]>::to_vec);
    let count = rows.as_ref().map_or(brief.place_count(), Vec::len);
    let scrolled_to = &mut state.scrolled_to;
    ui.horizontal(|ui| {
        ui.heading("Places");
        ui.label(RichText::new(crate::collect::thousands(count)).weak());
    });
    if brief.place_count() == 0 {
        ui.label(
            RichText::new("No places yet. Select words in the article to link them to a place.")
                .weak(),
        );
    }
    let keys_height = 24.0;
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("place_list")
        .auto_shrink([false, false])
        .max_height((ui.available_height() - keys_height).max(ROW_HEIGHT * 3.0));
    // Keep the selected place in view when it changes (keys walk the list).
    if reading.selection.place != *scrolled_to {
        *scrolled_to = reading.selection.place.clone();
        let row = scrolled_to.as_ref().and_then(|id| brief.place_position(id));
        let row = match &rows {
            Some(rows) => row.and_then(|r| rows.binary_search(&r).ok()),
            None => row,
        };
        if let Some(row) = row {
            let spacing = ui.spacing().item_spacing.y;
            let height = ui.available_height() - keys_height;
            let y = row as f32 * (ROW_HEIGHT + spacing) - height / 2.0;
            scroll = scroll.vertical_scroll_offset(y.max(0.0));
        }
    }
    scroll.show_rows(ui, ROW_HEIGHT, count, |ui, shown| {
        for row in shown {
            let position = rows.as_ref().map_or(Some(row), |r| r.get(row).copied());
            let Some(place) = position.and_then(|p| brief.place_at(p)) else {
                continue;
            };
            place_row_ui(ui, reading, place, actions);
        }
    });
    shortcuts_ui(ui);
}

fn place_row_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    place: &crate::brief::Place,
    actions: &mut Vec<Action>,
) {
    let count = reading.brief.mentions_of(&place.id).len();
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        kind_icon_ui(ui, place.kind);
        let selected = reading.selection.place.as_ref() == Some(&place.id);
        let response = ui.selectable_label(selected, short_name(&place.name));
        if response.clicked() {
            actions.push(Action::SelectPlace(place.id.clone()));
        }
        if response.hovered() {
            actions.push(Action::Hover(place.id.clone()));
        }
        let counted = mentions_text(count);
        let count_label = ui
            .label(RichText::new(count.to_string()).small().weak())
            .on_hover_text(&counted);
        count_label.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &counted));
    });
}

/// A name as the list shows it: a very long one is cut (the card shows it
/// whole).
fn short_name(name: &str) -> std::borrow::Cow<'_, str> {
    const MAX_CHARS: usize = 60;
    match name.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &name[..cut]).into(),
        None => name.into(),
    }
}

/// "1 mention", "4 mentions".
pub fn mentions_text(count: usize) -> String {
    if count == 1 {
        "1 mention".into()
    } else {
        format!("{count} mentions")
    }
}

/// A small legend icon: the same symbol the map draws for this kind.
pub fn kind_icon_ui(ui: &mut egui::Ui, kind: PlaceKind) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 16.0), Sense::hover());
    let palette = Palette::for_dark_mode(ui.visuals().dark_mode);
    let painter = ui.painter();
    let c = rect.center();
    match kind {
        k if has_marker(k) => painter.extend(marker_shapes(c, k, palette)),
        PlaceKind::Country => {
            let r = egui::Rect::from_center_size(c, egui::vec2(12.0, 9.0));
            painter.rect_filled(r, 1.0, palette.focus_land);
            painter.rect_stroke(
                r,
                1.0,
                egui::Stroke::new(1.0, palette.border),
                egui::StrokeKind::Inside,
            );
        }
        PlaceKind::Area => {
            let r = egui::Rect::from_center_size(c, egui::vec2(12.0, 10.0));
            painter.rect_filled(r, 1.0, palette.area_fill);
            painter.rect_stroke(
                r,
                1.0,
                egui::Stroke::new(1.2, palette.area_stroke),
                egui::StrokeKind::Inside,
            );
        }
        _ => {
            painter.text(
                c,
                egui::Align2::CENTER_CENTER,
                "≈",
                egui::FontId::proportional(14.0),
                palette.sea_label,
            );
        }
    }
}

fn shortcuts_ui(ui: &mut egui::Ui) {
    ui.collapsing("Keyboard", |ui| {
        egui::Grid::new("shortcuts").show(ui, |ui| {
            for (keys, what) in SHORTCUTS {
                ui.monospace(*keys);
                ui.label(*what);
                ui.end_row();
            }
        });
    });
}
