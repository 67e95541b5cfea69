//! Saving and recovery. A save snapshots the document and writes it on a
//! worker; the revision it wrote becomes the saved one when the worker
//! reports success (edits made meanwhile stay unsaved). While edits are
//! unsaved, a recovery copy is written in the background a few seconds
//! after the last change; a save or a clean close removes it, and a copy
//! left by a session that crashed is offered at the next start.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::GeobriefApp;
use super::files::Deferred;
use super::jobs::Done;
use super::pickers::Pick;
use crate::brief::save::{SaveError, save_brief};
use crate::problem::Problem;
use crate::recovery::{self, Orphan};
use crate::ui::dialogs::Dialog;

/// How long after the last change the recovery copy is written.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(3);

pub(super) struct RecoveryState {
    dir: Option<PathBuf>,
    session: recovery::Session,
    /// How long after the last change the copy is written.
    pub delay: Duration,
    last_change: Option<Instant>,
    /// The revision the copy on disk holds.
    written: Option<u64>,
    writing: bool,
    /// Copies left by sessions that did not close cleanly, newest first.
    offered: Vec<Orphan>,
}

impl RecoveryState {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            session: recovery::Session::start(),
            delay: RECOVERY_DELAY,
            last_change: None,
            written: None,
            writing: false,
            offered: Vec::new(),
        }
    }

    pub fn changed(&mut self) {
        self.last_change = Some(Instant::now());
    }
}

impl Drop for RecoveryState {
    /// An app that goes without a clean close leaves its copy as an orphan.
    fn drop(&mut self) {
        self.session.end();
    }
}

impl GeobriefApp {
    /// Saves to the brief's file, or asks for one.
    pub(super) fn save(&mut self) {
        match self
            .file
            .clone()
            .filter(|p| crate::open::file_kind(p) == crate::open::FileKind::Brief)
        {
            Some(path) => self.save_to(path),
            None => self.start_picker(Pick::Save),
        }
    }

    pub(super) fn save_to(&mut self, path: PathBuf) {
        let path = if path.extension().is_none() {
            path.with_extension("json")
        } else {
            path
        };
        let revision = self.doc.revision();
        let brief = self.doc.shared();
        self.jobs.spawn(move || {
            let result = save_brief(&path, &brief.to_doc());
            Done::Saved {
                path,
                revision,
                result,
            }
        });
    }

    pub(super) fn take_saved(
        &mut self,
        path: PathBuf,
        revision: u64,
        result: Result<(), SaveError>,
    ) {
        match result {
            Ok(()) => {
                self.doc.mark_saved(revision);
                self.problems
                    .retain(|p| !matches!(p, Problem::UntilSaved(_)));
                self.files.recent.push(&path);
                self.file = Some(path);
                if !self.doc.is_dirty() {
                    self.remove_own_recovery_copy();
                }
                if let Some(deferred) = self.files.pending.take() {
                    self.run_deferred(deferred);
                }
            }
            Err(e) => {
                // The old file is intact; what waited for the save waits on.
                if matches!(self.files.pending, Some(Deferred::Quit)) {
                    self.files.pending = None;
                }
                self.problems.push(Problem::Save(e));
            }
        }
    }

    /// Writes the recovery copy when a change has settled; asks to be woken
    /// when one is due.
    pub(super) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let Some(dir) = self.recovery.dir.clone() else {
            return;
        };
        let revision = self.doc.revision();
        if !self.doc.is_dirty() || self.recovery.written == Some(revision) || self.recovery.writing
        {
            return;
        }
        let delay = self.recovery.delay;
        let since = self.recovery.last_change.map_or(delay, |t| t.elapsed());
        if since < delay {
            ctx.request_repaint_after(delay - since);
            return;
        }
        self.recovery.writing = true;
        let brief = self.doc.shared();
        let file = self.file.clone();
        let session = self.recovery.session;
        self.jobs.spawn(move || {
            let result = recovery::write_copy(&dir, session, file.as_deref(), &brief.to_doc());
            Done::RecoveryWritten { revision, result }
        });
    }

    pub(super) fn take_recovery_written(&mut self, revision: u64, result: Result<(), SaveError>) {
        self.recovery.writing = false;
        match result {
            Ok(()) => self.recovery.written = Some(revision),
            Err(e) => {
                // Keep working; try again after the next change.
                self.recovery.written = Some(revision);
                self.problems.push(Problem::Save(e));
            }
        }
        if !self.doc.is_dirty() {
            self.remove_own_recovery_copy();
        }
    }

    /// Removes this session's recovery copy (after a save, or a clean close).
    pub fn remove_own_recovery_copy(&mut self) {
        if let Some(dir) = &self.recovery.dir {
            recovery::remove_copy(&recovery::copy_path(dir, self.recovery.session));
        }
        self.recovery.written = None;
    }

    /// How long after the last change the recovery copy is written (tests
    /// shorten it).
    pub fn set_recovery_delay(&mut self, delay: Duration) {
        self.recovery.delay = delay;
    }

    /// The recovery copy this session writes, if it keeps one.
    pub fn recovery_copy_path(&self) -> Option<PathBuf> {
        let dir = self.recovery.dir.as_ref()?;
        Some(recovery::copy_path(dir, self.recovery.session))
    }

    pub(super) fn look_for_recovery_copies(&mut self) {
        let Some(dir) = self.recovery.dir.clone() else {
            return;
        };
        self.jobs.spawn(move || {
            Done::RecoveryFound(recovery::orphans(&dir, recovery::Session::is_running))
        });
    }

    pub(super) fn offer_recovery(&mut self, orphans: Vec<Orphan>) {
        self.recovery.offered = orphans;
        self.offer_next_recovery();
    }

    fn offer_next_recovery(&mut self) {
        if let Some(orphan) = self.recovery.offered.first() {
            self.files.dialog = Some(Dialog::Recover {
                what: orphan.describe(recovery::now_unix_secs()),
            });
        }
    }

    pub(super) fn answer_recovery(&mut self, recover: bool) {
        self.files.dialog = None;
        if self.recovery.offered.is_empty() {
            return;
        }
        let orphan = self.recovery.offered.remove(0);
        if recover {
            // The recovered work is unsaved: this session's copy takes over.
            self.set_brief(orphan.brief, orphan.file, false);
            self.recovery.last_change = None;
            self.problems.push(Problem::UntilSaved(
                "Recovered the unsaved work of a session that did not close cleanly. Save it to keep it.".into(),
            ));
        }
        recovery::remove_copy(&orphan.path);
        self.offer_next_recovery();
    }
}
