//! Files and corrections: opening briefs, text and web pages; new briefs from
//! pasted text; saving; removing a place or picking another candidate; and
//! the guard that asks before unsaved edits are thrown away.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use super::{Action, GeobriefApp};
use crate::brief::Brief;
use crate::brief::edit::{changed_places, choose_candidate, remove_place};
use crate::brief::save::save_brief;
use crate::compose::{PreferredArea, with_detected_places_in};
use crate::gazetteer::Gazetteer;
use crate::geoparse::Options;
use crate::open::{brief_from_article_text, open_path};
use crate::recent::RecentFiles;

/// What a user asked of files and places.
#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
    /// Show the native open dialog.
    ShowOpen,
    /// Ask for a path to type (works where no file dialog does).
    ShowOpenPath,
    Open(PathBuf),
    ShowNewFromText,
    NewFromText(String),
    Save,
    ShowSaveAs,
    SaveTo(PathBuf),
    RemovePlace(usize),
    ChooseCandidate {
        place: usize,
        candidate: usize,
    },
    /// Find the places again, favouring a country (ISO 3166 alpha-2 code).
    BiasToCountry(String),
    /// Find the places again, favouring the area the map shows.
    BiasToView,
    CloseDialog,
    /// The answer to "save your edits first?".
    Confirm(Confirmation),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirmation {
    Save,
    Discard,
    Cancel,
}

/// What waits for the answer to "save your edits first?".
#[derive(Clone, Debug, PartialEq)]
pub enum Deferred {
    Open(PathBuf),
    NewFromText(String),
    Quit,
}

/// The dialog on screen, if any.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    NewFromText(String),
    OpenPath(String),
    SavePath(String),
    UnsavedEdits(Deferred),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    Open,
    Save,
}

/// File state kept between frames.
pub struct FileState {
    /// Edits not yet saved.
    pub dirty: bool,
    pub recent: RecentFiles,
    pub dialog: Option<Dialog>,
    /// The country code typed in the "favour a country" box.
    pub bias_country: String,
    /// Set once the user confirmed quitting despite unsaved edits.
    pub quit_confirmed: bool,
    /// A file dialog running on its thread: what for, its answer, and when
    /// it opened (an instant "no answer" means there is no dialog service).
    picker: Option<(Pick, Receiver<Option<PathBuf>>, std::time::Instant)>,
}

impl FileState {
    pub fn new(recent: RecentFiles) -> Self {
        Self {
            dirty: false,
            recent,
            dialog: None,
            bias_country: String::new(),
            quit_confirmed: false,
            picker: None,
        }
    }

    pub fn is_picking(&self) -> bool {
        self.picker.is_some()
    }
}

/// Warms the gazetteer on a thread, so the first pasted article does not wait
/// for it and the first frame never does.
pub(super) fn warm_gazetteer_in_background() {
    std::thread::spawn(|| {
        let gaz = Gazetteer::embedded();
        let _ = gaz.name_finder();
    });
}

impl GeobriefApp {
    pub(super) fn apply_file(&mut self, action: FileAction) {
        match action {
            FileAction::ShowOpen => self.start_picker(Pick::Open),
            FileAction::ShowOpenPath => self.files.dialog = Some(Dialog::OpenPath(String::new())),
            FileAction::Open(path) => self.unless_unsaved(Deferred::Open(path)),
            FileAction::ShowNewFromText => {
                self.files.dialog = Some(Dialog::NewFromText(String::new()))
            }
            FileAction::NewFromText(text) => self.unless_unsaved(Deferred::NewFromText(text)),
            FileAction::Save => match self.file.clone() {
                Some(path) if crate::open::file_kind(&path) == crate::open::FileKind::Brief => {
                    self.save_to(path)
                }
                _ => self.apply_file(FileAction::ShowSaveAs),
            },
            FileAction::ShowSaveAs => self.start_picker(Pick::Save),
            FileAction::SaveTo(path) => self.save_to(path),
            FileAction::RemovePlace(place) => {
                let id = self.brief.places.get(place).map(|p| p.id.clone());
                if let Some(id) = id {
                    self.replace_after_edit(remove_place(&self.brief, &id), None);
                }
            }
            FileAction::ChooseCandidate { place, candidate } => {
                let id = self.brief.places.get(place).map(|p| p.id.clone());
                if let Some(id) = id {
                    let edited = choose_candidate(&self.brief, &id, candidate);
                    self.replace_after_edit(edited, Some(id));
                }
            }
            FileAction::BiasToCountry(code) => {
                let code = code.trim().to_uppercase();
                let options = Options {
                    country_bias: (!code.is_empty()).then_some(code),
                };
                self.refind_places(&options, None);
            }
            FileAction::BiasToView => {
                let area = self.map.visible_area();
                self.refind_places(&Options::default(), area);
            }
            FileAction::CloseDialog => self.files.dialog = None,
            FileAction::Confirm(answer) => self.answer_unsaved(answer),
        }
    }

    /// Runs `deferred` now, or asks first if there are unsaved edits.
    fn unless_unsaved(&mut self, deferred: Deferred) {
        if self.files.dirty {
            self.files.dialog = Some(Dialog::UnsavedEdits(deferred));
        } else {
            self.run_deferred(deferred);
        }
    }

    fn answer_unsaved(&mut self, answer: Confirmation) {
        let Some(Dialog::UnsavedEdits(deferred)) = self.files.dialog.take() else {
            return;
        };
        match answer {
            Confirmation::Cancel => {}
            Confirmation::Discard => self.run_deferred(deferred),
            Confirmation::Save => {
                match self
                    .file
                    .clone()
                    .filter(|p| crate::open::file_kind(p) == crate::open::FileKind::Brief)
                {
                    Some(path) => {
                        self.save_to(path);
                        if !self.files.dirty {
                            self.run_deferred(deferred);
                        }
                    }
                    // No brief file yet: save as first, then the user repeats.
                    None => self.start_picker(Pick::Save),
                }
            }
        }
    }

    fn run_deferred(&mut self, deferred: Deferred) {
        match deferred {
            Deferred::Open(path) => match open_path(&path) {
                Ok(brief) => {
                    self.files.recent.push(&path);
                    self.set_brief(brief, Some(path));
                }
                Err(errors) => self.problems.extend(errors),
            },
            Deferred::NewFromText(text) => {
                if text.trim().is_empty() {
                    self.problems
                        .push("The pasted text is empty: nothing to read.".into());
                    return;
                }
                let brief = brief_from_article_text(&text, "Pasted article");
                self.set_brief(brief, None);
                // A brief made from text exists nowhere yet.
                self.files.dirty = true;
            }
            Deferred::Quit => self.files.quit_confirmed = true,
        }
    }

    /// Shows a new brief; the old one is gone (callers guard unsaved edits).
    pub fn set_brief(&mut self, brief: Brief, file: Option<PathBuf>) {
        let recent = std::mem::take(&mut self.files.recent);
        let mut fresh = GeobriefApp::new(brief, file);
        fresh.files.recent = recent;
        fresh.frames = self.frames;
        *self = fresh;
    }

    /// Keeps an edit's result, or reports why it failed (the brief stays).
    fn replace_after_edit(&mut self, edited: Result<Brief, String>, keep_selected: Option<String>) {
        match edited {
            Ok(brief) => {
                self.brief = brief;
                self.after_brief_changed(keep_selected);
            }
            Err(e) => self
                .problems
                .push(format!("The edit could not be made: {e}")),
        }
    }

    fn after_brief_changed(&mut self, keep_selected: Option<String>) {
        self.runs = crate::brief::passages::runs_by_paragraph(&self.brief);
        self.map.brief_changed();
        self.files.dirty = true;
        self.selected_place = None;
        self.current_mention = None;
        self.hovered_place = None;
        if let Some(place) = keep_selected.and_then(|id| self.brief.place_index(&id)) {
            self.apply(Action::SelectPlace(place));
        }
    }

    fn refind_places(&mut self, options: &Options, area: Option<PreferredArea>) {
        let doc =
            with_detected_places_in(self.brief.doc.clone(), Gazetteer::embedded(), options, area);
        match crate::brief::validate(doc) {
            Ok(found) => {
                let changes = changed_places(&self.brief, &found);
                let what = match (&options.country_bias, area) {
                    (Some(code), _) => format!("favouring country {code}"),
                    (None, Some(_)) => "favouring the area on the map".to_string(),
                    (None, None) => "without a bias".to_string(),
                };
                if changes.is_empty() {
                    self.problems
                        .push(format!("Places found again {what}: nothing changed."));
                } else {
                    self.problems.push(format!(
                        "Places found again {what}: {} changed.",
                        changes.len()
                    ));
                    self.problems
                        .extend(changes.into_iter().map(|c| format!("  {c}")));
                }
                self.brief = found;
                self.after_brief_changed(None);
            }
            Err(e) => self
                .problems
                .push(format!("Places could not be found again: {e:?}")),
        }
    }

    fn save_to(&mut self, path: PathBuf) {
        let path = if path.extension().is_none() {
            path.with_extension("json")
        } else {
            path
        };
        match save_brief(&path, &self.brief.doc) {
            Ok(()) => {
                self.files.dirty = false;
                self.files.recent.push(&path);
                self.file = Some(path);
            }
            Err(e) => self.problems.push(e),
        }
    }

    fn start_picker(&mut self, pick: Pick) {
        if self.files.picker.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let dir = self
            .file
            .as_ref()
            .and_then(|f| f.parent().map(PathBuf::from));
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = dir {
                dialog = dialog.set_directory(dir);
            }
            let chosen = match pick {
                Pick::Open => dialog
                    .add_filter(
                        "Briefs, articles and web pages",
                        &["json", "txt", "md", "html", "htm"],
                    )
                    .add_filter("All files", &["*"])
                    .pick_file(),
                Pick::Save => dialog
                    .add_filter("Brief", &["json"])
                    .set_file_name("brief.json")
                    .save_file(),
            };
            let _ = tx.send(chosen);
        });
        self.files.picker = Some((pick, rx, std::time::Instant::now()));
    }

    /// Takes the file dialog's answer once it arrives.
    pub(super) fn poll_picker(&mut self, ctx: &egui::Context) {
        let Some((pick, rx, opened)) = &self.files.picker else {
            return;
        };
        match rx.try_recv() {
            Ok(chosen) => {
                let pick = *pick;
                let quick = opened.elapsed() < std::time::Duration::from_millis(400);
                self.files.picker = None;
                match (pick, chosen) {
                    (Pick::Open, Some(path)) => self.apply_file(FileAction::Open(path)),
                    (Pick::Save, Some(path)) => self.apply_file(FileAction::SaveTo(path)),
                    // Answered at once: no portal to show a dialog, so ask
                    // for a path instead. Later: the user cancelled.
                    (Pick::Open, None) if quick => {
                        self.files.dialog = Some(Dialog::OpenPath(String::new()));
                    }
                    (Pick::Open, None) => {}
                    // No portal, or cancelled: offer to type the path.
                    (Pick::Save, None) => {
                        let suggestion = self.file.as_ref().map_or_else(
                            || "brief.json".to_string(),
                            |f| f.with_extension("json").display().to_string(),
                        );
                        self.files.dialog = Some(Dialog::SavePath(suggestion));
                    }
                }
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.files.picker = None,
        }
    }

    /// Files dropped on the window, text pasted outside a text field, and a
    /// close request with unsaved edits.
    pub(super) fn window_events(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        let text_focused = ctx.text_edit_focused();
        ctx.input(|i| {
            if let Some(path) = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
            {
                actions.push(Action::File(FileAction::Open(path)));
            }
            if !text_focused && self.files.dialog.is_none() {
                for event in &i.events {
                    if let egui::Event::Paste(text) = event
                        && text.split_whitespace().count() >= 3
                    {
                        actions.push(Action::File(FileAction::NewFromText(text.clone())));
                    }
                }
            }
        });
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && self.files.dirty && !self.files.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.files.dialog = Some(Dialog::UnsavedEdits(Deferred::Quit));
        }
        if self.files.quit_confirmed && close_requested {
            // Let the close go through.
        } else if self.files.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        actions
    }
}

/// Makes a brief from a text file for `geobrief geoparse FILE -o brief.json`.
pub fn brief_from_text_file(path: &std::path::Path) -> Result<Brief, Vec<String>> {
    if crate::open::file_kind(path) == crate::open::FileKind::Brief {
        return Err(vec![format!(
            "{}: expected a text (.txt, .md) or web page (.html) file",
            path.display()
        )]);
    }
    open_path(path)
}
