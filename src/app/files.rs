//! Files and dialogs: opening briefs, text and web pages, new briefs from
//! pasted text, finding the places again, importing places, exporting, the
//! reader's gazetteer; the native file dialogs; and the guard that asks
//! before unsaved edits are thrown away. Reading and place detection run
//! as jobs; their results arrive in `take_finished_jobs`.

use std::path::{Path, PathBuf};

use super::GeobriefApp;
use super::jobs::Done;
use super::pickers::Pick;
use crate::action::{Confirmation, FileAction};
use crate::brief::candidates::changed_places;
use crate::brief::{Brief, Document};
use crate::compose::{PreferredArea, with_detected_places_in};
use crate::editing::{EditAction, replace_places_plan};
use crate::gazetteer::Gazetteer;
use crate::geoparse::Options;
use crate::geoparse::PublisherMemory;
use crate::open::{brief_from_article_text, open_path, open_path_learning};
use crate::personal::PersonalGazetteer;
use crate::problem::Problem;
use crate::ui::dialogs::Dialog;

/// What waits for the answer to "save your edits first?", or for the save
/// that answer started.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Deferred {
    Open(PathBuf),
    /// A web address to fetch and open.
    OpenLink(String),
    /// A new story brief of these articles.
    NewStory(Vec<crate::collect::Input>),
    NewFromText(String),
    /// Pasted text, read with the clipboard's HTML.
    Pasted(String),
    Quit,
}

impl Deferred {
    fn describe(&self) -> String {
        match self {
            Deferred::Open(path) => format!("Opening {} will close this brief.", path.display()),
            Deferred::OpenLink(address) => format!("Opening {address} will close this brief."),
            Deferred::NewStory(_) => "A new story brief will replace this one.".to_string(),
            Deferred::NewFromText(_) | Deferred::Pasted(_) => {
                "A new brief will replace this one.".to_string()
            }
            Deferred::Quit => "Geobrief is closing.".to_string(),
        }
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
            FileAction::ShowOpenLink => self.files.dialog = Some(Dialog::OpenLink(String::new())),
            FileAction::OpenLink(address) => self.unless_unsaved(Deferred::OpenLink(address)),
            FileAction::ShowNewFromText => {
                self.files.dialog = Some(Dialog::NewFromText(String::new()))
            }
            FileAction::NewFromText(text) => self.unless_unsaved(Deferred::NewFromText(text)),
            FileAction::Paste(text) => self.unless_unsaved(Deferred::Pasted(text)),
            FileAction::Save => self.save(),
            FileAction::ShowSaveAs => self.start_picker(Pick::Save),
            FileAction::SaveTo(path) => self.save_to(path),
            FileAction::BiasToCountry(code) => {
                let code = code.trim().to_uppercase();
                let what = if code.is_empty() {
                    "without a bias".to_string()
                } else {
                    format!("favouring country {code}")
                };
                let options = Options {
                    country_bias: (!code.is_empty()).then_some(code),
                    ..Options::default()
                };
                self.refind_places(options, None, what);
            }
            FileAction::BiasToView => {
                let area = self.map.visible_area();
                self.refind_places(
                    Options::default(),
                    area,
                    "favouring the area on the map".into(),
                );
            }
            FileAction::ListWordsNotTaken => self.list_words_not_taken(),
            FileAction::ShowExport => {
                self.files.dialog = Some(Dialog::Export(crate::ui::dialogs::ExportForm::for_file(
                    self.file.as_deref(),
                )));
            }
            FileAction::ShowExportWebPage => {
                self.files.dialog = Some(Dialog::Export(
                    crate::ui::dialogs::ExportForm::web_page_for_file(self.file.as_deref()),
                ));
            }
            FileAction::Export(request) => self.export(request),
            FileAction::ShowImport => self.start_picker(Pick::Import),
            FileAction::ImportPlaces(path) => self.import_places(path),
            FileAction::ShowMyPlaces => self.files.dialog = Some(Dialog::MyPlaces),
            FileAction::RememberPlace(id) => {
                if let Some(place) = self.doc.brief().place(&id) {
                    self.personal.remember(place);
                    let note = format!(
                        "“{}” is in your gazetteer now: Geobrief will find it in any article.",
                        place.name
                    );
                    self.problems.push(Problem::Note(note));
                    self.save_personal_gazetteer();
                }
            }
            FileAction::ForgetPlace(id) => {
                self.personal.forget(&id);
                self.save_personal_gazetteer();
            }
            FileAction::CloseDialog => self.files.dialog = None,
            FileAction::CancelDialog => {
                self.files.dialog = None;
                self.files.pending = None;
            }
            FileAction::Confirm(answer) => self.answer_unsaved(answer),
            FileAction::Recover(recover) => self.answer_recovery(recover),
            FileAction::ShowAddArticles { new_story, folder } => {
                self.start_picker(Pick::Articles { new_story, folder });
            }
            FileAction::AddArticles { inputs, new_story } => {
                if new_story {
                    self.unless_unsaved(Deferred::NewStory(inputs));
                } else {
                    self.collect_articles(inputs, false);
                }
            }
            FileAction::CancelWork => {
                if let Some(cancel) = self.jobs.busy.as_ref().and_then(|b| b.cancel.clone()) {
                    // A fetch stops at once; its result, if any, is dropped.
                    cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                if let Some(progress) = self.jobs.busy.as_ref().and_then(|b| b.progress.clone()) {
                    // A story being read stops and keeps what it has read.
                    progress
                        .cancel
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                    return;
                }
                if let Some(busy) = &self.jobs.busy {
                    self.problems
                        .push(Problem::Note(format!("Cancelled: {}", busy.what)));
                }
                self.jobs.cancel_busy();
            }
        }
    }

    /// Runs `deferred` now, or asks first if there are unsaved edits.
    fn unless_unsaved(&mut self, deferred: Deferred) {
        if self.doc.is_dirty() {
            self.files.dialog = Some(Dialog::UnsavedEdits {
                what: deferred.describe(),
            });
            self.files.pending = Some(deferred);
        } else {
            self.run_deferred(deferred);
        }
    }

    fn answer_unsaved(&mut self, answer: Confirmation) {
        self.files.dialog = None;
        let Some(deferred) = self.files.pending.take() else {
            return;
        };
        match answer {
            Confirmation::Cancel => {}
            Confirmation::Discard => self.run_deferred(deferred),
            Confirmation::Save => {
                // Carried on once the save succeeds (after a name is asked
                // for, if the brief has none).
                self.files.pending = Some(deferred);
                self.save();
            }
        }
    }

    pub(super) fn run_deferred(&mut self, deferred: Deferred) {
        match deferred {
            Deferred::Open(path) if crate::open::Format::of_path(&path).holds_many() => {
                // An e-book, a mailbox or a feed is a story of its articles,
                // read with progress and a Stop.
                self.collect_articles(vec![crate::collect::Input::Path(path)], true);
            }
            Deferred::OpenLink(address) => self.fetch_link(address),
            Deferred::Open(path) => {
                let token = self.jobs.start_busy(format!("Opening {}…", path.display()));
                let personal = self.personal.clone();
                let publishers = self.paths.publishers();
                self.jobs.spawn(move || {
                    let result = open_learning(&path, &personal, publishers.as_deref());
                    Done::Opened {
                        token,
                        path,
                        result,
                    }
                });
            }
            Deferred::NewFromText(text) => {
                if text.trim().is_empty() {
                    self.problems.push(Problem::Note(
                        "The pasted text is empty: nothing to read.".into(),
                    ));
                    return;
                }
                let token = self
                    .jobs
                    .start_busy("Finding the places of the pasted article…");
                let personal = self.personal.clone();
                self.jobs.spawn(move || Done::Composed {
                    token,
                    brief: brief_from_article_text(&text, "Pasted article", &personal),
                });
            }
            Deferred::Pasted(text) => self.compose_pasted(text),
            Deferred::NewStory(inputs) => self.collect_articles(inputs, true),
            Deferred::Quit => self.files.quit_confirmed = true,
        }
    }

    /// Shows a new brief; the old one is gone (callers guard unsaved edits).
    pub fn set_brief(&mut self, brief: Brief, file: Option<PathBuf>, saved: bool) {
        self.problems
            .extend(brief.warnings.iter().cloned().map(Problem::Warning));
        self.doc = Document::new(brief, saved);
        self.file = file;
        self.selection = Default::default();
        self.hovered = None;
        self.map = Default::default();
        self.views = Default::default();
        self.recovery.changed();
    }

    /// Fetches `address` on a worker ("Fetching www.example.com…", with
    /// Cancel) and opens what it holds; a page that gives its address is
    /// read with its publisher's home region, as a saved page is.
    fn fetch_link(&mut self, address: String) {
        let host = crate::fetch::host_to_show(&address);
        let token = self.jobs.start_busy(format!("Fetching {host}…"));
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        if let Some(busy) = &mut self.jobs.busy {
            busy.cancel = Some(cancel.clone());
        }
        let personal = self.personal.clone();
        let publishers = self.paths.publishers();
        let limits = self.fetch_limits.clone();
        self.jobs.spawn(move || {
            let result = crate::open::open_address(&address, &limits, &cancel)
                .map_err(|e| e.lines())
                .and_then(|opened| {
                    with_publishers(publishers.as_deref(), |memory| {
                        crate::open::brief_of(opened, &personal, memory)
                    })
                });
            Done::Fetched {
                token,
                address,
                result,
            }
        });
    }

    fn refind_places(&mut self, options: Options, area: Option<PreferredArea>, what: String) {
        let brief = self.doc.shared();
        let personal = self.personal.clone();
        let token = self
            .jobs
            .start_busy(format!("Finding the places again {what}…"));
        self.jobs.spawn(move || {
            let doc = brief.to_doc();
            let found =
                with_detected_places_in(doc, Gazetteer::embedded(), &options, area, &personal);
            let brief = Brief::from_doc(found.clone())
                .unwrap_or_else(|_| Brief::bare(found.article.unwrap_or_default()));
            Done::Refound { token, what, brief }
        });
    }

    fn list_words_not_taken(&mut self) {
        let brief = self.doc.brief();
        let article = self.selection.article(brief);
        let title = article.info.title.clone();
        let paragraphs = brief.paragraphs()[article.paragraphs.clone()].to_vec();
        let token = self
            .jobs
            .start_busy("Looking for the words not taken as places…");
        self.jobs.spawn(move || Done::NotTaken {
            token,
            list: crate::not_taken::words_not_taken(
                &title,
                &paragraphs,
                Gazetteer::embedded(),
                &Options::default(),
            ),
        });
    }

    fn import_places(&mut self, path: PathBuf) {
        let brief = self.doc.shared();
        self.jobs.spawn(move || {
            let result = crate::import::read_places_file(&path, &brief);
            Done::Imported { path, result }
        });
    }

    fn export(&mut self, request: crate::export::ExportRequest) {
        let brief = self.doc.shared();
        let theme_dark = self
            .ctx
            .as_ref()
            .is_some_and(|c| c.global_style().visuals.dark_mode);
        self.jobs
            .spawn(move || Done::Exported(crate::render::export_all(&brief, &request, theme_dark)));
    }

    pub(super) fn load_personal_gazetteer(&mut self) {
        let Some(path) = self.paths.personal_gazetteer() else {
            return;
        };
        match PersonalGazetteer::load(&path) {
            Ok(gazetteer) => self.personal = gazetteer,
            Err(e) => self.problems.push(Problem::Open(e.to_string())),
        }
    }

    fn save_personal_gazetteer(&mut self) {
        let Some(path) = self.paths.personal_gazetteer() else {
            return;
        };
        let json = self.personal.to_geojson();
        self.jobs.spawn(move || {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            Done::PersonalSaved(crate::brief::save::write_atomically(&path, json.as_bytes()))
        });
    }

    /// Takes what finished jobs made.
    pub(super) fn take_finished_jobs(&mut self) {
        for done in self.jobs.take_done() {
            match done {
                Done::Opened {
                    token,
                    path,
                    result,
                } => {
                    if !self.jobs.finish_busy(token) {
                        continue;
                    }
                    match result {
                        Ok(brief) => {
                            self.files.recent.push(&path);
                            let is_brief =
                                crate::open::file_kind(&path) == crate::open::FileKind::Brief;
                            // Text made into a brief exists nowhere yet.
                            self.set_brief(brief, Some(path), is_brief);
                        }
                        Err(errors) => self.problems.extend(errors.into_iter().map(Problem::Open)),
                    }
                }
                Done::Composed { token, brief } => {
                    if self.jobs.finish_busy(token) {
                        self.set_brief(brief, None, false);
                    }
                }
                Done::Refound { token, what, brief } => {
                    if self.jobs.finish_busy(token) {
                        self.take_refound(what, brief);
                    }
                }
                Done::NotTaken { token, list } => {
                    if self.jobs.finish_busy(token) {
                        // A new list replaces the one shown before.
                        self.problems.retain(|p| !matches!(p, Problem::NotTaken(_)));
                        self.problems.push(Problem::NotTaken(list));
                    }
                }
                Done::Saved {
                    path,
                    revision,
                    result,
                } => self.take_saved(path, revision, result),
                Done::RecoveryWritten { revision, result } => {
                    self.take_recovery_written(revision, result)
                }
                Done::RecoveryFound(orphans) => self.offer_recovery(orphans),
                Done::Exported(result) => match result {
                    Ok(exported) => {
                        self.problems.push(Problem::Note(format!(
                            "Exported: {}",
                            exported
                                .files
                                .iter()
                                .map(|f| f.display().to_string())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )));
                        self.problems
                            .extend(exported.notes.into_iter().map(Problem::Note));
                    }
                    Err(e) => self.problems.push(Problem::Export(e)),
                },
                Done::Imported { path, result } => self.take_imported(&path, result),
                Done::Fetched {
                    token,
                    address,
                    result,
                } => {
                    if !self.jobs.finish_busy(token) {
                        continue;
                    }
                    match result {
                        // Fetched, it exists nowhere on disk yet.
                        Ok(brief) => self.set_brief(brief, None, false),
                        Err(errors) => {
                            self.problems.extend(errors.into_iter().map(Problem::Open));
                            let _ = address;
                        }
                    }
                }
                Done::PersonalSaved(result) => {
                    if let Err(e) = result {
                        self.problems.push(Problem::Save(e));
                    }
                }
                Done::Collected {
                    token,
                    read,
                    total,
                    gathered,
                    problems,
                } => {
                    if self.jobs.finish_busy(token) {
                        self.take_collected(read, total, gathered, problems);
                    }
                }
            }
        }
    }

    fn take_refound(&mut self, what: String, found: Brief) {
        let changes = changed_places(self.doc.brief(), &found);
        if changes.is_empty() {
            self.problems.push(Problem::Note(format!(
                "Places found again {what}: nothing changed."
            )));
            return;
        }
        self.problems.push(Problem::Note(format!(
            "Places found again {what}: {} changed.",
            changes.len()
        )));
        self.problems
            .extend(changes.into_iter().map(|c| Problem::Note(format!("  {c}"))));
        let plan = replace_places_plan(self.doc.brief(), &found, &what);
        match self.doc.edit(plan.label, plan.edit) {
            Ok(()) => {
                self.selection.keep_valid(self.doc.brief());
                self.recovery.changed();
            }
            Err(e) => self.problems.push(Problem::Edit(e)),
        }
    }

    fn take_imported(
        &mut self,
        path: &Path,
        result: Result<crate::import::Imported, crate::import::ImportError>,
    ) {
        match result {
            Ok(imported) => {
                let count = imported.places.new.len();
                let mentions = imported.places.mention_count();
                self.problems
                    .extend(imported.skipped.into_iter().map(Problem::Import));
                self.problems
                    .extend(imported.notes.into_iter().map(Problem::Note));
                if !imported.places.is_empty() {
                    self.apply_edit(EditAction::AddPlaces(imported.places));
                }
                self.problems.push(Problem::Note(format!(
                    "Imported {count} place(s) with {mentions} mention(s) from {}",
                    path.display()
                )));
            }
            Err(e) => self.problems.push(Problem::Import(e.to_string())),
        }
    }
}

/// Makes a brief from a text file for `geobrief geoparse FILE -o brief.json`.
pub fn brief_from_text_file(path: &std::path::Path) -> Result<Brief, Vec<String>> {
    let address = path.to_string_lossy();
    if crate::fetch::is_web_address(&address) {
        return crate::open::open_address_as_brief(&address, &PersonalGazetteer::default());
    }
    if crate::open::file_kind(path) == crate::open::FileKind::Brief {
        return Err(vec![format!(
            "{}: expected an article: a text (.txt, .md), a web page (.html), a PDF, a \
             document (.docx, .odt), an e-mail (.eml), or a mailbox, e-book or feed",
            path.display()
        )]);
    }
    open_path(path, &PersonalGazetteer::default())
}

/// Opens `path` on a worker with what Geobrief learned of publishers (the
/// file at `publishers`): a web page that gives its address is read with its
/// site's home region, and what it settles is learned and written back.
fn open_learning(
    path: &Path,
    personal: &PersonalGazetteer,
    publishers: Option<&Path>,
) -> Result<Brief, Vec<String>> {
    with_publishers(publishers, |memory| {
        open_path_learning(path, personal, memory)
    })
}

/// Runs `work` with the publishers' memory kept in the file at `publishers`
/// and writes back what it learned. A memory that cannot be read is left as
/// it is, and `work` runs with an empty one that is not kept.
fn with_publishers<T>(
    publishers: Option<&Path>,
    work: impl FnOnce(&mut PublisherMemory) -> T,
) -> T {
    let stored = publishers.map(|file| match std::fs::read_to_string(file) {
        Ok(text) => PublisherMemory::from_json(&text).ok(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(PublisherMemory::default()),
        Err(_) => None,
    });
    let Some((file, Some(mut memory))) = publishers.zip(stored) else {
        return work(&mut PublisherMemory::default());
    };
    let before = memory.clone();
    let result = work(&mut memory);
    if memory != before {
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        // What is learned is a convenience: failing to keep it loses no work.
        let _ = crate::brief::save::write_atomically(file, memory.to_json().as_bytes());
    }
    result
}
