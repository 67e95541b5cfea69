//! The side panel: what to do with selected words, the card of the
//! selected place, and the list of places (walkable with the keyboard).

use egui::{RichText, Sense};

use super::Reading;
use super::keys::SHORTCUTS;
use super::link_words::{LinkSearch, link_words_ui};
use super::markers::{has_marker, marker_shapes};
use super::place_card::{CardDrafts, place_card_ui};
use super::theme::Palette;
use crate::action::Action;
use crate::brief::PlaceKind;
use crate::personal::PersonalGazetteer;

/// What the panel keeps between frames: text being typed.
#[derive(Default)]
pub struct PlacePanelState {
    pub card: CardDrafts,
    pub search: LinkSearch,
}

pub fn place_panel_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    state: &mut PlacePanelState,
    personal: &PersonalGazetteer,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::right("places")
        .resizable(true)
        .default_size(300.0)
        .min_size(230.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(words) = reading.selection.text.as_ref().filter(|t| !t.is_empty()) {
                        link_words_ui(ui, reading, words, &mut state.search, &mut actions);
                        ui.separator();
                    }
                    if let Some(place) = reading
                        .selection
                        .place
                        .as_ref()
                        .and_then(|id| reading.brief.place(id))
                    {
                        place_card_ui(ui, reading, place, &mut state.card, personal, &mut actions);
                        ui.separator();
                    }
                    place_list_ui(ui, reading, &mut actions);
                    ui.add_space(8.0);
                    shortcuts_ui(ui);
                });
        });
    actions
}

fn place_list_ui(ui: &mut egui::Ui, reading: &Reading, actions: &mut Vec<Action>) {
    ui.heading("Places");
    if reading.brief.place_count() == 0 {
        ui.label(
            RichText::new("No places yet. Select words in the article to link them to a place.")
                .weak(),
        );
    }
    for place in reading.brief.places() {
        let count = reading.brief.mentions_of(&place.id).len();
        ui.horizontal(|ui| {
            kind_icon_ui(ui, place.kind);
            let selected = reading.selection.place.as_ref() == Some(&place.id);
            let response = ui.selectable_label(selected, &place.name);
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
            count_label
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &counted));
        });
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
