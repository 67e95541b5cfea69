//! Words selected in the article, and where to link them: the selected
//! place, another place of the brief, a gazetteer entry found by typing its
//! name, a new point put on the map, or an area drawn there.

use egui::RichText;

use super::Reading;
use super::place_card::population_text;
use crate::action::Action;
use crate::compose::{GazetteerHit, new_place_from_gazetteer, search_gazetteer};
use crate::editing::{EditAction, LinkTarget};
use crate::gazetteer::Gazetteer;
use crate::map::memory::Gesture;
use crate::selection::TextSelection;

/// Results kept for the query they answer.
const SHOWN_HITS: usize = 8;

#[derive(Default)]
pub struct LinkSearch {
    /// What the reader typed (starts as the selected words).
    pub query: String,
    /// The words the query was started from.
    for_words: Option<TextSelection>,
    hits: Option<(String, Vec<GazetteerHit>)>,
}

pub fn link_words_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    words: &TextSelection,
    search: &mut LinkSearch,
    actions: &mut Vec<Action>,
) {
    let brief = reading.brief;
    let Some(bytes) = words.trimmed(brief) else {
        return;
    };
    let quoted = &brief.paragraphs()[words.paragraph][bytes];
    if search.for_words.as_ref() != Some(words) {
        search.for_words = Some(words.clone());
        search.query = quoted.to_string();
    }
    ui.label(RichText::new(format!("Selected: “{quoted}” (¶{})", words.paragraph + 1)).strong());
    let link = |to: LinkTarget| {
        Action::Edit(EditAction::LinkWords {
            words: words.clone(),
            to,
        })
    };
    if let Some(place) = reading
        .selection
        .place
        .as_ref()
        .and_then(|id| brief.place(id))
        && ui
            .button(format!("Link to {}", place.name))
            .on_hover_text("Link the selected words to the selected place")
            .clicked()
    {
        actions.push(link(LinkTarget::Place(place.id.clone())));
    }
    egui::ComboBox::from_label("a place of this brief")
        .selected_text("Link to…")
        .show_ui(ui, |ui| {
            let lower = quoted.to_lowercase();
            let mut places: Vec<_> = brief.places().collect();
            // Places whose name holds the words first.
            places.sort_by_key(|p| !p.name.to_lowercase().contains(&lower));
            for place in places {
                if ui.button(&place.name).clicked() {
                    actions.push(link(LinkTarget::Place(place.id.clone())));
                }
            }
        });
    ui.horizontal(|ui| {
        let label = ui.label("Gazetteer:");
        let field = ui
            .add(egui::TextEdit::singleline(&mut search.query).desired_width(140.0))
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Find").clicked() || entered {
            let hits = search_gazetteer(Gazetteer::embedded(), &search.query, SHOWN_HITS);
            search.hits = Some((search.query.clone(), hits));
        }
    });
    if let Some((query, hits)) = &search.hits {
        if hits.is_empty() {
            ui.label(RichText::new(format!("No place called “{query}” in the gazetteer.")).weak());
        }
        for hit in hits {
            let mut text = hit.name.clone();
            if !hit.country.is_empty() {
                text.push_str(&format!(", {}", hit.country));
            }
            text.push_str(&format!(" · {}", hit.kind.label()));
            if hit.population > 0 {
                text.push_str(&format!(" · pop. {}", population_text(hit.population)));
            }
            if ui
                .button(text)
                .on_hover_text(format!("{:.3}° N, {:.3}° E", hit.lat_deg, hit.lon_deg))
                .clicked()
            {
                let place = new_place_from_gazetteer(Gazetteer::embedded(), hit.id);
                actions.push(link(LinkTarget::NewPlace(Box::new(place))));
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Put it on the map")
            .on_hover_text("Then click on the map where the place is")
            .clicked()
        {
            actions.push(Action::Gesture(Some(Gesture::PlacingPoint)));
        }
        if ui
            .button("Draw its area")
            .on_hover_text(
                "Then click the area's corners on the map; double-click or Enter to finish",
            )
            .clicked()
        {
            actions.push(Action::Gesture(Some(Gesture::DrawingArea {
                vertices: Vec::new(),
                hover: None,
            })));
        }
        if ui.small_button("Copy").clicked() {
            actions.push(Action::CopyText);
        }
        if ui.small_button("Clear").clicked() {
            actions.push(Action::SelectText(None));
        }
    });
}
