//! Modal dialogs: a new brief from pasted text, a path to open, save to or
//! import from, "save your edits first?", "recover unsaved work?", export,
//! and the reader's own places. Each returns the user's answer as actions.

use std::path::{Path, PathBuf};

use egui::{Id, Modal, RichText, TextEdit};

use crate::action::{Action, Confirmation, FileAction};
use crate::export::ExportRequest;
use crate::personal::PersonalGazetteer;

/// The dialog on screen, if any.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    NewFromText(String),
    OpenPath(String),
    /// A web address to fetch.
    OpenLink(String),
    SavePath(String),
    ImportPath(String),
    /// A file, folder or archive of articles, typed where no file dialog is.
    ArticlesPath {
        path: String,
        new_story: bool,
    },
    /// "Save your edits first?", saying what waits.
    UnsavedEdits {
        what: String,
    },
    /// "Recover unsaved work?", saying whose.
    Recover {
        what: String,
    },
    Export(ExportForm),
    MyPlaces,
}

/// The export dialog's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportForm {
    /// Every file is this path with its own extension.
    pub base: String,
    pub geojson: bool,
    pub annotations: bool,
    pub text: bool,
    pub png: bool,
    pub csv: bool,
    pub kml: bool,
    pub gpkg: bool,
    pub html: bool,
    pub width: String,
    pub height: String,
}

impl ExportForm {
    pub fn for_file(file: Option<&Path>) -> Self {
        let base = file.map_or_else(|| PathBuf::from("brief"), |f| f.with_extension(""));
        Self {
            base: base.display().to_string(),
            geojson: true,
            annotations: true,
            text: true,
            png: true,
            csv: false,
            kml: false,
            gpkg: false,
            html: false,
            width: "1600".into(),
            height: "1000".into(),
        }
    }

    /// The dialog with only the web page chosen (File ▸ Export ▸ Web page…).
    pub fn web_page_for_file(file: Option<&Path>) -> Self {
        Self {
            geojson: false,
            annotations: false,
            text: false,
            png: false,
            html: true,
            ..Self::for_file(file)
        }
    }

    /// The request, or why the fields do not make one.
    pub fn request(&self) -> Result<ExportRequest, String> {
        let base = self.base.trim();
        if base.is_empty() {
            return Err("Give a file name to export to.".into());
        }
        let with = |ext: &str| PathBuf::from(format!("{base}.{ext}"));
        let side = |s: &str| {
            s.trim()
                .parse::<u32>()
                .ok()
                .filter(|v| crate::export::PNG_SIDE_PX.contains(v))
        };
        let png = if self.png {
            match (side(&self.width), side(&self.height)) {
                (Some(w), Some(h)) => Some((with("png"), [w, h])),
                _ => {
                    return Err(
                        "The picture's width and height must be whole numbers from 64 to 8192."
                            .into(),
                    );
                }
            }
        } else {
            None
        };
        let request = ExportRequest {
            geojson: self.geojson.then(|| with("geojson")),
            annotations: self.annotations.then(|| with("jsonld")),
            text: self.text.then(|| with("txt")),
            png,
            csv: self.csv.then(|| with("csv")),
            kml: self.kml.then(|| with("kml")),
            gpkg: self.gpkg.then(|| with("gpkg")),
            html: self.html.then(|| with("html")),
        };
        if request.is_empty() {
            return Err("Choose at least one format.".into());
        }
        Ok(request)
    }
}

pub fn dialogs_ui(
    ui: &mut egui::Ui,
    dialog: &mut Option<Dialog>,
    personal: &PersonalGazetteer,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(open) = dialog.as_mut() else {
        return actions;
    };
    let ctx = ui.ctx().clone();
    let mut act = |a: FileAction| actions.push(Action::File(a));
    let answer_needed = matches!(open, Dialog::UnsavedEdits { .. } | Dialog::Recover { .. });
    let modal = Modal::new(Id::unique("geobrief_dialog")).show(&ctx, |ui| match open {
        Dialog::NewFromText(text) => new_from_text_ui(ui, text, &mut act),
        Dialog::OpenPath(path) => {
            path_dialog_ui(
                ui,
                "Open a brief, article or web page",
                path,
                FileAction::Open,
                &mut act,
            );
        }
        Dialog::OpenLink(address) => link_dialog_ui(ui, address, &mut act),
        Dialog::SavePath(path) => {
            path_dialog_ui(ui, "Save the brief as", path, FileAction::SaveTo, &mut act);
        }
        Dialog::ImportPath(path) => {
            path_dialog_ui(
                ui,
                "Import places from a GeoJSON or Web Annotations file",
                path,
                FileAction::ImportPlaces,
                &mut act,
            );
        }
        Dialog::ArticlesPath { path, new_story } => {
            let title = if *new_story {
                "New story brief from files, a folder or a JSON Lines archive"
            } else {
                "Add articles: a file, a folder or a JSON Lines archive"
            };
            let new_story = *new_story;
            path_dialog_ui(
                ui,
                title,
                path,
                move |p| FileAction::AddArticles {
                    inputs: vec![crate::collect::Input::Path(p)],
                    new_story,
                },
                &mut act,
            );
        }
        Dialog::UnsavedEdits { what } => {
            ui.heading("Unsaved edits");
            ui.label(what.as_str());
            ui.label(RichText::new("Your edits to this brief have not been saved.").strong());
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    act(FileAction::Confirm(Confirmation::Save));
                }
                if ui.button("Discard edits").clicked() {
                    act(FileAction::Confirm(Confirmation::Discard));
                }
                if ui.button("Cancel").clicked() {
                    act(FileAction::Confirm(Confirmation::Cancel));
                }
            });
        }
        Dialog::Recover { what } => {
            ui.heading("Recover unsaved work?");
            ui.label(
                "Geobrief did not close cleanly last time, and a copy of unsaved work was kept:",
            );
            ui.label(RichText::new(what.as_str()).strong());
            ui.horizontal(|ui| {
                if ui.button("Recover").clicked() {
                    act(FileAction::Recover(true));
                }
                if ui.button("Discard it").clicked() {
                    act(FileAction::Recover(false));
                }
            });
        }
        Dialog::Export(form) => export_ui(ui, form, &mut act),
        Dialog::MyPlaces => my_places_ui(ui, personal, &mut act),
    });
    if modal.should_close() && !answer_needed {
        actions.push(Action::File(FileAction::CancelDialog));
    }
    actions
}

fn new_from_text_ui(ui: &mut egui::Ui, text: &mut String, act: &mut impl FnMut(FileAction)) {
    ui.set_width(560.0);
    ui.heading("New brief from text");
    let label = ui.label(
        "Paste or type an article. Geobrief splits it into paragraphs and finds its places, offline.",
    );
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            ui.add(
                TextEdit::multiline(text)
                    .hint_text("Paste an article here…")
                    .desired_rows(14)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
    ui.horizontal(|ui| {
        if ui.button("Find places").clicked() {
            act(FileAction::CloseDialog);
            act(FileAction::NewFromText(text.clone()));
        }
        if ui.button("Cancel").clicked() {
            act(FileAction::CancelDialog);
        }
    });
}

fn export_ui(ui: &mut egui::Ui, form: &mut ExportForm, act: &mut impl FnMut(FileAction)) {
    ui.set_width(480.0);
    ui.heading("Export");
    let label = ui.label("File name (each format adds its extension):");
    ui.add(TextEdit::singleline(&mut form.base).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.checkbox(
        &mut form.geojson,
        "Places as GeoJSON (.geojson) — QGIS, web maps",
    );
    ui.checkbox(
        &mut form.annotations,
        "Mentions as W3C Web Annotations (.jsonld)",
    );
    ui.checkbox(
        &mut form.text,
        "The article's text the annotations count in (.txt)",
    );
    ui.checkbox(
        &mut form.html,
        "A web page (.html) — one file anyone can open, no network needed",
    );
    ui.checkbox(
        &mut form.gpkg,
        "GeoPackage (.gpkg) — QGIS: places, areas, articles and mentions",
    );
    ui.checkbox(
        &mut form.kml,
        "Places as KML (.kml) — Google Earth, with a story's time spans",
    );
    ui.checkbox(
        &mut form.csv,
        "Mentions as a table (.csv) — spreadsheets, one row a mention",
    );
    ui.horizontal(|ui| {
        ui.checkbox(&mut form.png, "The map as a picture (.png),");
        let w = ui.label("width");
        ui.add(TextEdit::singleline(&mut form.width).desired_width(48.0))
            .labelled_by(w.id);
        let h = ui.label("height");
        ui.add(TextEdit::singleline(&mut form.height).desired_width(48.0))
            .labelled_by(h.id);
    });
    let request = form.request();
    if let Err(why) = &request {
        ui.label(RichText::new(why).color(ui.visuals().warn_fg_color));
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(request.is_ok(), egui::Button::new("Export"))
            .clicked()
            && let Ok(request) = request
        {
            act(FileAction::CloseDialog);
            act(FileAction::Export(request));
        }
        if ui.button("Cancel").clicked() {
            act(FileAction::CancelDialog);
        }
    });
}

fn my_places_ui(ui: &mut egui::Ui, personal: &PersonalGazetteer, act: &mut impl FnMut(FileAction)) {
    ui.set_width(480.0);
    ui.heading("My places");
    ui.label("Places you asked Geobrief to remember. It finds them by name in any article you open or paste.");
    if personal.places.is_empty() {
        ui.label(
            RichText::new("None yet: select a place you made and press “Remember this place”.")
                .weak(),
        );
    }
    egui::ScrollArea::vertical()
        .max_height(300.0)
        .show(ui, |ui| {
            egui::Grid::new("my_places").striped(true).show(ui, |ui| {
                for place in &personal.places {
                    ui.label(&place.name);
                    ui.label(RichText::new(place.kind.label()).weak());
                    let remove = ui.small_button("Remove");
                    remove.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Remove {}", place.name),
                        )
                    });
                    if remove.clicked() {
                        act(FileAction::ForgetPlace(place.id.clone()));
                    }
                    ui.end_row();
                }
            });
        });
    if ui.button("Close").clicked() {
        act(FileAction::CloseDialog);
    }
}

/// File ▸ Open link…: the address of a page, fetched when OK is pressed
/// (and only then).
fn link_dialog_ui(ui: &mut egui::Ui, address: &mut String, act: &mut impl FnMut(FileAction)) {
    ui.set_width(480.0);
    ui.heading("Open a link");
    let label = ui.label("Web address (http:// or https://) of an article, a PDF or a feed:");
    let response = ui
        .add(
            TextEdit::singleline(address)
                .hint_text("https://")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    let valid = crate::fetch::is_web_address(address);
    if !address.trim().is_empty() && !valid {
        ui.label(RichText::new("Geobrief fetches http:// and https:// addresses only.").weak());
    }
    ui.label(
        RichText::new("Geobrief fetches this one page and nothing else it links to.")
            .small()
            .weak(),
    );
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        if ui.add_enabled(valid, egui::Button::new("Fetch")).clicked() || (entered && valid) {
            act(FileAction::CloseDialog);
            act(FileAction::OpenLink(address.trim().to_string()));
        }
        if ui.button("Cancel").clicked() {
            act(FileAction::CancelDialog);
        }
    });
}

fn path_dialog_ui(
    ui: &mut egui::Ui,
    title: &str,
    path: &mut String,
    action: impl Fn(PathBuf) -> FileAction,
    act: &mut impl FnMut(FileAction),
) {
    ui.set_width(480.0);
    ui.heading(title);
    let label = ui.label("Path of the file:");
    let response = ui
        .add(TextEdit::singleline(path).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        if (ui.button("OK").clicked() || entered) && !path.trim().is_empty() {
            act(FileAction::CloseDialog);
            act(action(PathBuf::from(path.trim())));
        }
        if ui.button("Cancel").clicked() {
            act(FileAction::CancelDialog);
        }
    });
}
