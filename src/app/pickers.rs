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
}

/// A file dialog running on its thread: what for, its answer, and when it
/// opened (an instant "no answer" means there is no dialog service).
pub(super) struct Picker {
    pick: Pick,
    answer: Receiver<Option<PathBuf>>,
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
            let chosen = match pick {
                Pick::Open => dialog
                    .add_filter(
                        "Briefs, articles and web pages",
                        &["json", "txt", "md", "html", "htm"],
                    )
                    .add_filter("All files", &["*"])
                    .pick_file(),
                Pick::Import => dialog
                    .add_filter("GeoJSON or Web Annotations", &["geojson", "json", "jsonld"])
                    .add_filter("All files", &["*"])
                    .pick_file(),
                Pick::Save => dialog
                    .add_filter("Brief", &["json"])
                    .set_file_name(file_name)
                    .save_file(),
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
                match (pick, chosen) {
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
