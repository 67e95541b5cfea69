//! The card of the selected place: its name, kind and note (editable), its
//! coordinates, its passages (each can be unlinked), its sources, the
//! candidates place detection weighed, and what can be done with it.

use egui::{Key, RichText, Sense, TextEdit, TextStyle, text::LayoutJob};

use super::Reading;
use super::place_panel::mentions_text;
use super::theme::Palette;
use crate::action::{Action, FileAction};
use crate::brief::candidates::geoparse_record;
use crate::brief::passages::excerpt;
use crate::brief::{Place, PlaceId, PlaceKind};
use crate::editing::EditAction;
use crate::personal::PersonalGazetteer;

/// The name and note as the reader is typing them; committed when the
/// field loses focus (Enter for the name), dropped with Esc.
#[derive(Default)]
pub struct CardDrafts {
    place: Option<PlaceId>,
    version: u64,
    name: String,
    note: String,
    /// The address of the source whose address the reader asked to see.
    shown_source: Option<String>,
    /// In how many articles the place's passages are, counted once per
    /// place and change of the links: (place, links version, count).
    articles: Option<(PlaceId, u64, usize)>,
}

impl CardDrafts {
    fn article_count(&mut self, brief: &crate::brief::Brief, place: &PlaceId) -> usize {
        let version = brief.links_version();
        match &self.articles {
            Some((p, v, n)) if p == place && *v == version => *n,
            _ => {
                let n = brief.articles_naming(place).len();
                self.articles = Some((place.clone(), version, n));
                n
            }
        }
    }
}

impl CardDrafts {
    /// Takes the place's values unless the reader is typing over them.
    fn sync(&mut self, place: &Place, version: u64, typing: bool) {
        let other_place = self.place.as_ref() != Some(&place.id);
        if other_place || (self.version != version && !typing) {
            self.place = Some(place.id.clone());
            self.version = version;
            self.name = place.name.clone();
            self.note = place.note.clone();
            self.shown_source = None;
        }
    }
}

/// The place's sources. A source's address is never opened straight away:
/// a click on the source shows its address in full, and only then, for a
/// web address (`http`, `https`), a button opens it in the system browser.
/// A brief never reaches the network by itself, and a `file:` or other
/// address from someone else's file is never handed to the desktop to open.
fn sources_ui(ui: &mut egui::Ui, sources: &[crate::brief::Source], shown: &mut Option<String>) {
    for source in sources {
        let title = RichText::new(format!("Source: {}", source.title))
            .small()
            .weak();
        let Some(url) = source.url.as_deref() else {
            ui.label(title);
            continue;
        };
        let showing = shown.as_deref() == Some(url);
        if ui
            .add(egui::Button::new(title).frame(false).small())
            .on_hover_text("Show its address")
            .clicked()
        {
            *shown = (!showing).then(|| url.to_string());
        }
        if !showing {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(url).small().monospace());
            if is_web_address(url) {
                if ui.small_button("Open in browser").clicked() {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(url));
                }
            } else {
                ui.label(
                    RichText::new("(not a web address: not opened)")
                        .small()
                        .weak(),
                );
            }
        });
    }
}

/// An `http` or `https` address without spaces or control characters.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

pub fn place_card_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    place: &Place,
    drafts: &mut CardDrafts,
    personal: &PersonalGazetteer,
    actions: &mut Vec<Action>,
) {
    let typing = ui.ctx().text_edit_focused();
    drafts.sync(place, reading.brief.place_version(&place.id), typing);
    let id = &place.id;
    let edit = |action: EditAction| Action::Edit(action);

    let name_label = ui.label(RichText::new("Name").small().weak());
    let name = ui
        .add(
            TextEdit::singleline(&mut drafts.name)
                .char_limit(crate::brief::MAX_NAME_CHARS)
                .font(TextStyle::Heading)
                .desired_width(ui.available_width()),
        )
        .labelled_by(name_label.id);
    if name.lost_focus() {
        let cancelled = ui.input(|i| i.key_pressed(Key::Escape));
        if cancelled || drafts.name.trim().is_empty() {
            drafts.name = place.name.clone();
        } else if drafts.name.trim() != place.name {
            actions.push(edit(EditAction::Rename {
                place: id.clone(),
                name: drafts.name.clone(),
            }));
        }
    }
    super::where_line::where_line_ui(ui, place);

    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_label("Kind")
            .selected_text(place.kind.label())
            .show_ui(ui, |ui| {
                for kind in PlaceKind::ALL {
                    if ui
                        .selectable_label(kind == place.kind, kind.label())
                        .clicked()
                        && kind != place.kind
                    {
                        actions.push(edit(EditAction::SetKind {
                            place: id.clone(),
                            kind,
                        }));
                    }
                }
            });
        let mut approximate = place.approximate;
        if ui
            .checkbox(&mut approximate, "Approximate")
            .on_hover_text(
                "The geometry is a sketch (an area's extent, a region's centre); drawn dashed",
            )
            .changed()
        {
            actions.push(edit(EditAction::SetApproximate {
                place: id.clone(),
                approximate,
            }));
        }
    });
    ui.label(RichText::new(coordinates_text(place)).monospace());
    let how = if place.is_area() {
        "Drag its corners on the map to reshape it."
    } else {
        "Drag its marker on the map to move it."
    };
    ui.label(RichText::new(how).small().weak());

    let note_label = ui.label(RichText::new("Note").small().weak());
    let note = ui
        .add(
            TextEdit::multiline(&mut drafts.note)
                .desired_rows(2)
                .desired_width(ui.available_width())
                .hint_text("A note on this place"),
        )
        .labelled_by(note_label.id);
    if note.lost_focus() {
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            drafts.note = place.note.clone();
        } else if drafts.note != place.note {
            actions.push(edit(EditAction::SetNote {
                place: id.clone(),
                note: drafts.note.clone(),
            }));
        }
    }

    passages_ui(ui, reading, place, drafts, actions);
    sources_ui(ui, &place.sources, &mut drafts.shown_source);
    ui.horizontal_wrapped(|ui| {
        if personal.contains_name(&place.name) {
            ui.label(RichText::new("In your gazetteer").small());
        } else if ui
            .small_button("Remember this place")
            .on_hover_text(
                "Add it to your own gazetteer: Geobrief will find it by name in any article",
            )
            .clicked()
        {
            actions.push(Action::File(FileAction::RememberPlace(id.clone())));
        }
        if ui
            .small_button("Remove this place")
            .on_hover_text("Drop the place and all its highlights (Ctrl+Z undoes it)")
            .clicked()
        {
            actions.push(edit(EditAction::RemovePlace(id.clone())));
        }
        if ui.small_button("Clear selection").clicked() {
            actions.push(Action::ClearSelection);
        }
    });
    candidates_ui(ui, place, actions);
}

/// For a place found by the machine: the name as written, why the chosen
/// place won, and the other places of that name to pick instead.
fn candidates_ui(ui: &mut egui::Ui, place: &Place, actions: &mut Vec<Action>) {
    let Some(record) = geoparse_record(place) else {
        return;
    };
    ui.separator();
    ui.label(RichText::new(format!("Found as “{}”", record.written)).strong());
    let why = record.why();
    if !why.is_empty() {
        ui.label(RichText::new(why).small());
    }
    // The rule by the name `geoparse --explain` and the problems panel use.
    if let Some(rule) = crate::geoparse::Rule::from_name(&record.rule) {
        ui.label(
            RichText::new(format!("Kept by rule {}: {}", rule.name(), rule.says()))
                .small()
                .weak(),
        );
    }
    if record.candidates.len() > 1 {
        ui.label(
            RichText::new("Places of that name (pick another if the machine was wrong):").small(),
        );
        for (k, c) in record.candidates.iter().enumerate() {
            // The kind tells apart namesakes of one region: a town and
            // its district.
            let mut text = c.full_name();
            if !c.kind_word().is_empty() {
                text.push_str(" · ");
                text.push_str(c.kind_word());
            }
            if c.population > 0 {
                text.push_str(&format!(" · pop. {}", population_text(c.population)));
            }
            if ui.radio(k == record.chosen, text).clicked() && k != record.chosen {
                actions.push(Action::Edit(EditAction::ChooseCandidate {
                    place: place.id.clone(),
                    candidate: k,
                }));
            }
        }
    }
}

pub fn population_text(population: u64) -> String {
    match population {
        p if p >= 1_000_000 => format!("{:.1} million", p as f64 / 1e6),
        p if p >= 1_000 => format!("{}k", p / 1000),
        p => p.to_string(),
    }
}

fn passages_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    place: &Place,
    drafts: &mut CardDrafts,
    actions: &mut Vec<Action>,
) {
    let brief = reading.brief;
    let mentions = brief.mentions_of(&place.id);
    if mentions.is_empty() {
        ui.label(
            RichText::new("No passage names this place. Select words in the article to link them.")
                .weak(),
        );
        return;
    }
    let at = reading
        .selection
        .mention
        .as_ref()
        .and_then(|c| mentions.iter().position(|m| m == c))
        .unwrap_or(0);
    ui.horizontal_wrapped(|ui| {
        ui.strong("Passages");
        if super::button_named(ui, true, "‹ Prev", "Previous passage")
            .on_hover_text("Previous mention (Left arrow key)")
            .clicked()
        {
            actions.push(Action::PreviousMention);
        }
        ui.label(format!("{} of {}", at + 1, mentions.len()));
        if super::button_named(ui, true, "Next ›", "Next passage")
            .on_hover_text("Next mention (Right arrow key)")
            .clicked()
        {
            actions.push(Action::NextMention);
        }
        if ui
            .small_button("Unlink all")
            .on_hover_text(format!(
                "Unlink all {} of this place",
                mentions_text(mentions.len())
            ))
            .clicked()
        {
            actions.push(Action::Edit(EditAction::RemoveAllMentions(
                place.id.clone(),
            )));
        }
    });
    let story = brief.article_count() > 1;
    if story {
        let articles = drafts.article_count(brief, &place.id);
        ui.label(
            RichText::new(format!(
                "{} in {}",
                passages_text(mentions.len()),
                match articles {
                    1 => "1 article".to_string(),
                    n => format!("{} articles", crate::collect::thousands(n)),
                }
            ))
            .small(),
        );
    }
    let palette = Palette::for_dark_mode(ui.visuals().dark_mode);
    // A place named thousands of times lists the passages around the
    // current one: a frame lays out a bounded number of them.
    let shown = passages_shown(at, mentions.len());
    let mut last_article: Option<&crate::brief::ArticleId> = None;
    if shown.len() < mentions.len() {
        ui.label(
            RichText::new(format!(
                "Passages {}–{} of {} shown; Prev and Next go through them all.",
                shown.start + 1,
                shown.end,
                mentions.len()
            ))
            .small()
            .weak(),
        );
    }
    for (k, link) in mentions
        .iter()
        .enumerate()
        .take(shown.end)
        .skip(shown.start)
    {
        let Some(m) = brief.mention(link) else {
            continue;
        };
        let article = brief.article_of_paragraph(m.paragraph);
        if story
            && let Some(article) = article
            && last_article != Some(&article.id)
        {
            last_article = Some(&article.id);
            article_heading_ui(ui, article, actions);
        }
        let first_paragraph = article.map_or(0, |a| a.paragraphs.start);
        let (before, exact, after) = excerpt(brief, link, 38);
        let mut job = LayoutJob::default();
        let body = TextStyle::Small.resolve(ui.style());
        let color = ui.visuals().text_color();
        let plain = egui::TextFormat::simple(body.clone(), color);
        let mut strong = egui::TextFormat::simple(body, ui.visuals().strong_text_color());
        strong.background = if k == at {
            palette.mention_current
        } else {
            palette.mention_selected
        };
        job.append(
            &passage_place(article, m.paragraph - first_paragraph),
            0.0,
            plain.clone(),
        );
        job.append(&before, 0.0, plain.clone());
        job.append(&exact, 0.0, strong);
        job.append(&after, 0.0, plain);
        ui.horizontal(|ui| {
            let unlink = ui
                .small_button("×")
                .on_hover_text(format!("Unlink “{exact}” from {}", place.name));
            unlink.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Unlink “{exact}”"))
            });
            if unlink.clicked() {
                actions.push(Action::Edit(EditAction::RemoveMention(link.clone())));
            }
            let response = ui
                .add(egui::Label::new(job).wrap().sense(Sense::click()))
                .on_hover_cursor(egui::CursorIcon::PointingHand);
            super::theme::paint_focus_ring(ui, &response, response.rect);
            if response.clicked() {
                actions.push(Action::SelectMention(link.clone()));
            }
        });
    }
}

/// Where a passage is: "¶3 ", or "p. 12, ¶3 " in an article whose
/// paragraphs keep their pages (a PDF's).
fn passage_place(article: Option<&crate::brief::StoryArticle>, paragraph: usize) -> String {
    match article.and_then(|a| a.page_of(paragraph)) {
        Some(page) => format!("p. {page}, ¶{} ", paragraph + 1),
        None => format!("¶{} ", paragraph + 1),
    }
}

/// "1 passage", "23 passages".
fn passages_text(count: usize) -> String {
    match count {
        1 => "1 passage".into(),
        n => format!("{} passages", crate::collect::thousands(n)),
    }
}

/// The title, outlet and date of the article the passages below are in;
/// a click shows the article.
fn article_heading_ui(
    ui: &mut egui::Ui,
    article: &crate::brief::StoryArticle,
    actions: &mut Vec<Action>,
) {
    let info = &article.info;
    let mut meta: Vec<&str> = Vec::new();
    meta.extend(info.outlet.as_deref());
    meta.push(info.date.as_deref().unwrap_or("undated"));
    if info.summary_only {
        meta.push("summary only");
    }
    let text = format!("{} · {}", info.title, meta.join(" · "));
    let response = ui
        .add(
            egui::Button::new(RichText::new(text).small().strong())
                .frame(false)
                .wrap_mode(egui::TextWrapMode::Truncate),
        )
        .on_hover_text("Show this article");
    if response.clicked() {
        actions.push(Action::ShowArticle(article.id.clone()));
    }
}

/// Passages a place card lists at most.
const MAX_PASSAGES_LISTED: usize = 50;

/// The passages listed when `at` is the current one of `count`: all of
/// them, or [`MAX_PASSAGES_LISTED`] around it.
fn passages_shown(at: usize, count: usize) -> std::ops::Range<usize> {
    let start = at
        .saturating_sub(MAX_PASSAGES_LISTED / 2)
        .min(count.saturating_sub(MAX_PASSAGES_LISTED));
    start..(start + MAX_PASSAGES_LISTED).min(count)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_of_a_pdf_says_its_page() {
        let mut article = crate::brief::StoryArticle {
            id: "a1".into(),
            info: crate::brief::Article {
                pages: Some(vec![3, 12]),
                ..Default::default()
            },
            paragraphs: 4..6,
        };
        assert_eq!(passage_place(Some(&article), 1), "p. 12, ¶2 ");
        article.info.pages = Some(vec![3]);
        assert_eq!(
            passage_place(Some(&article), 1),
            "¶2 ",
            "pages that do not fit are ignored"
        );
        assert_eq!(passage_place(None, 0), "¶1 ");
    }

    #[test]
    fn a_place_of_many_passages_lists_those_around_the_current_one() {
        assert_eq!(passages_shown(0, 8), 0..8);
        assert_eq!(passages_shown(0, 50_000), 0..MAX_PASSAGES_LISTED);
        assert_eq!(passages_shown(30_000, 50_000), 29_975..30_025);
        assert_eq!(passages_shown(49_999, 50_000), 49_950..50_000);
    }
}
