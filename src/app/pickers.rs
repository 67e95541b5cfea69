//! The desktop's file dialogs (through the XDG portal), run on a thread of
//! their own; where no dialog service answers, Geobrief asks for a path
//! instead.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use super::GeobriefApp;
use crate::action::FileAction;
use crate::ui::dialogs::Dialog;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pick {
    Open,
    Save,
    Import,
    /// Files (or a folder) of articles for a story: a new one, or this one.
    Articles {
        new_story: bool,
        folder: bool,
    },
}

/// A file dialog running on its thread: what for, its answer, and when it
/// opened (an instant "no answer" means there is no dialog service).
pub(super) struct Picker {
    pick: Pick,
    answer: Receiver<Option<Vec<PathBuf>>>,
    opened: std::time::Instant,
}

impl GeobriefApp {
    pub(super) fn start_picker(&mut self, pick: Pick) {
        if self.files.picker.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let suggested = self.suggested_save_path();
        let dir = self
            .file
            .as_ref()
            .and_then(|f| f.parent().map(PathBuf::from))
            .or_else(|| suggested.parent().map(PathBuf::from));
        let file_name = suggested
            .file_name()
            .map_or_else(|| "brief.json".into(), |n| n.to_string_lossy().into_owned());
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = dir {
                dialog = dialog.set_directory(dir);
            }
            let one = |p: Option<PathBuf>| p.map(|p| vec![p]);
            let chosen = match pick {
                Pick::Open => one(dialog
                    .add_filter(
                        "Briefs, articles, PDFs, documents, e-books, mail and feeds",
                        crate::open::format::ARTICLE_EXTENSIONS,
                    )
                    .add_filter("All files", &["*"])
                    .pick_file()),
                Pick::Import => one(dialog
                    .add_filter("GeoJSON or Web Annotations", &["geojson", "json", "jsonld"])
                    .add_filter("All files", &["*"])
                    .pick_file()),
                Pick::Save => one(dialog
                    .add_filter("Brief", &["json"])
                    .set_file_name(file_name)
                    .save_file()),
                Pick::Articles { folder: true, .. } => one(dialog.pick_folder()),
                Pick::Articles { folder: false, .. } => dialog
                    .add_filter(
                        "Articles, web pages, PDFs, documents, e-books, mail, feeds, briefs and JSON Lines archives",
                        &[crate::open::format::ARTICLE_EXTENSIONS, &["jsonl", "ndjson"]].concat(),
                    )
                    .add_filter("All files", &["*"])
                    .pick_files(),
            };
            let _ = tx.send(chosen);
        });
        self.files.picker = Some(Picker {
            pick,
            answer: rx,
            opened: std::time::Instant::now(),
        });
    }

    /// Takes the file dialog's answer once it arrives.
    pub(super) fn poll_picker(&mut self, ctx: &egui::Context) {
        let Some(picker) = &self.files.picker else {
            return;
        };
        match picker.answer.try_recv() {
            Ok(chosen) => {
                let pick = picker.pick;
                let quick = picker.opened.elapsed() < std::time::Duration::from_millis(400);
                self.files.picker = None;
                let first = chosen.as_ref().and_then(|c| c.first().cloned());
                match (pick, first) {
                    (Pick::Articles { new_story, .. }, Some(_)) => {
                        let inputs = chosen
                            .unwrap_or_default()
                            .into_iter()
                            .map(crate::collect::Input::Path)
                            .collect();
                        self.apply_file(FileAction::AddArticles { inputs, new_story });
                    }
                    (Pick::Articles { new_story, .. }, None) if quick => {
                        self.files.dialog = Some(Dialog::ArticlesPath {
                            path: String::new(),
                            new_story,
                        });
                    }
                    (Pick::Articles { .. }, None) => {}
                    (Pick::Open, Some(path)) => self.apply_file(FileAction::Open(path)),
                    (Pick::Import, Some(path)) => self.apply_file(FileAction::ImportPlaces(path)),
                    (Pick::Save, Some(path)) => self.apply_file(FileAction::SaveTo(path)),
                    // Answered at once: no portal to show a dialog, so ask
                    // for a path instead. Later: the user cancelled.
                    (Pick::Open, None) if quick => {
                        self.files.dialog = Some(Dialog::OpenPath(String::new()));
                    }
                    (Pick::Import, None) if quick => {
                        self.files.dialog = Some(Dialog::ImportPath(String::new()));
                    }
                    (Pick::Open | Pick::Import, None) => {}
                    (Pick::Save, None) if quick || self.files.pending.is_some() => {
                        let suggestion = self.suggested_save_path().display().to_string();
                        self.files.dialog = Some(Dialog::SavePath(suggestion));
                    }
                    // Cancelled: nothing is saved and nothing waits.
                    (Pick::Save, None) => self.files.pending = None,
                }
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.files.picker = None,
        }
    }
}
