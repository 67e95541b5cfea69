//! The side panel: the list of places (walkable with the keyboard) and the
//! card of the selected place with its passages.

use egui::{RichText, Sense, text::LayoutJob};

use super::keys::SHORTCUTS;
use super::markers::{has_marker, marker_shapes};
use super::theme::Palette;
use crate::app::{Action, FileAction, GeobriefApp};
use crate::brief::edit::geoparse_record;
use crate::brief::passages::excerpt;
use crate::brief::{Place, PlaceKind};

pub fn place_panel_ui(ui: &mut egui::Ui, app: &GeobriefApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::right("places")
        .resizable(true)
        .default_size(290.0)
        .min_size(220.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(place) = app.selected_place {
                        place_card_ui(ui, app, place, &mut actions);
                        ui.separator();
                    }
                    place_list_ui(ui, app, &mut actions);
                    ui.add_space(8.0);
                    shortcuts_ui(ui);
                });
        });
    actions
}

fn place_list_ui(ui: &mut egui::Ui, app: &GeobriefApp, actions: &mut Vec<Action>) {
    ui.heading("Places");
    for (i, place) in app.brief.places.iter().enumerate() {
        let count = app.brief.mentions_of(i).count();
        ui.horizontal(|ui| {
            kind_icon_ui(ui, place.kind);
            let selected = app.selected_place == Some(i);
            let response = ui.selectable_label(selected, &place.name);
            if response.clicked() {
                actions.push(Action::SelectPlace(i));
            }
            if response.hovered() {
                actions.push(Action::Hover(i));
            }
            let spoken = format!("{count} mention{}", if count == 1 { "" } else { "s" });
            ui.label(RichText::new(format!("{count}")).small().weak())
                .on_hover_text("mentions in the article")
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
        });
    }
}

fn place_card_ui(ui: &mut egui::Ui, app: &GeobriefApp, place: usize, actions: &mut Vec<Action>) {
    let p = &app.brief.places[place];
    ui.label(RichText::new(&p.name).heading().strong());
    super::where_line::where_line_ui(ui, p);
    let mut kind = p.kind.label().to_string();
    if p.approximate {
        kind.push_str(" · approximate");
    }
    ui.label(RichText::new(kind).italics());
    ui.label(RichText::new(coordinates_text(p)).monospace());
    if !p.note.is_empty() {
        ui.label(&p.note);
    }
    passages_ui(ui, app, place, actions);
    if let Some(doc) = app.brief.doc.places.iter().find(|d| d.id == p.id)
        && !doc.sources.is_empty()
    {
        let titles: Vec<&str> = doc.sources.iter().map(|s| s.title.as_str()).collect();
        ui.label(
            RichText::new(format!("Source: {}", titles.join("; ")))
                .small()
                .weak(),
        );
    }
    candidates_ui(ui, app, place, actions);
    ui.horizontal(|ui| {
        if ui.small_button("Clear selection").clicked() {
            actions.push(Action::ClearSelection);
        }
        if ui
            .small_button("Remove this place")
            .on_hover_text("The machine got it wrong: drop the place and its highlights")
            .clicked()
        {
            actions.push(Action::File(FileAction::RemovePlace(place)));
        }
    });
}

/// For a place found by the machine: the name as written, why the chosen
/// place won, and the other places of that name to pick instead.
fn candidates_ui(ui: &mut egui::Ui, app: &GeobriefApp, place: usize, actions: &mut Vec<Action>) {
    let Some(record) = geoparse_record(&app.brief.doc, &app.brief.places[place].id) else {
        return;
    };
    ui.separator();
    ui.label(RichText::new(format!("Found as “{}”", record.written)).strong());
    if !record.reason.is_empty() {
        ui.label(RichText::new(format!("Chosen for: {}", record.reason)).small());
    }
    if record.candidates.len() > 1 {
        ui.label(
            RichText::new("Places of that name (pick another if the machine was wrong):").small(),
        );
        for (k, c) in record.candidates.iter().enumerate() {
            let mut text = c.name.clone();
            if !c.country.is_empty() && c.country != c.name {
                text.push_str(&format!(", {}", c.country));
            }
            if c.population > 0 {
                text.push_str(&format!(" · pop. {}", population_text(c.population)));
            }
            if ui.radio(k == record.chosen, text).clicked() && k != record.chosen {
                actions.push(Action::File(FileAction::ChooseCandidate {
                    place,
                    candidate: k,
                }));
            }
        }
    }
}

fn population_text(population: u64) -> String {
    match population {
        p if p >= 1_000_000 => format!("{:.1} million", p as f64 / 1e6),
        p if p >= 1_000 => format!("{}k", p / 1000),
        p => p.to_string(),
    }
}

fn passages_ui(ui: &mut egui::Ui, app: &GeobriefApp, place: usize, actions: &mut Vec<Action>) {
    let mentions: Vec<usize> = app.brief.mentions_of(place).map(|(i, _)| i).collect();
    if mentions.is_empty() {
        ui.label(RichText::new("No passage of the article names this place.").weak());
        return;
    }
    let at = app
        .current_mention
        .and_then(|c| mentions.iter().position(|&m| m == c))
        .unwrap_or(0);
    ui.horizontal(|ui| {
        ui.strong("Passages");
        if ui
            .button("‹ Prev")
            .on_hover_text("Previous mention (Left arrow key)")
            .clicked()
        {
            actions.push(Action::PreviousMention);
        }
        ui.label(format!("{} of {}", at + 1, mentions.len()));
        if ui
            .button("Next ›")
            .on_hover_text("Next mention (Right arrow key)")
            .clicked()
        {
            actions.push(Action::NextMention);
        }
    });
    let palette = Palette::for_dark_mode(ui.visuals().dark_mode);
    for (k, &m) in mentions.iter().enumerate() {
        let (before, exact, after) = excerpt(&app.brief, m, 38);
        let mut job = LayoutJob::default();
        let body = egui::TextStyle::Small.resolve(ui.style());
        let color = ui.visuals().text_color();
        let plain = egui::TextFormat::simple(body.clone(), color);
        let mut strong = egui::TextFormat::simple(body, ui.visuals().strong_text_color());
        if k == at {
            strong.background = palette.mention_current;
        } else {
            strong.background = palette.mention_selected;
        }
        job.append(
            &format!("¶{} ", app.brief.mentions[m].paragraph + 1),
            0.0,
            plain.clone(),
        );
        job.append(&before, 0.0, plain.clone());
        job.append(&exact, 0.0, strong);
        job.append(&after, 0.0, plain);
        let response = ui
            .add(egui::Label::new(job).sense(Sense::click()))
            .on_hover_cursor(egui::CursorIcon::PointingHand);
        if response.clicked() {
            actions.push(Action::SelectMention(m));
        }
    }
}

pub fn coordinates_text(p: &Place) -> String {
    let (lon, lat) = p.anchor_lon_lat();
    let ns = if lat >= 0.0 { 'N' } else { 'S' };
    let ew = if lon >= 0.0 { 'E' } else { 'W' };
    let point = format!("{:.4}° {ns}, {:.4}° {ew}", lat.abs(), lon.abs());
    if p.is_area() {
        format!("centre {point}")
    } else {
        point
    }
}

/// A small legend icon: the same symbol the map draws for this kind.
fn kind_icon_ui(ui: &mut egui::Ui, kind: PlaceKind) {
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
