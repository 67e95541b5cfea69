//! A brief being worked on: the brief, its undo and redo steps, and which
//! revision is on disk. Every state of the brief has a revision number;
//! an edit makes a new one, undo and redo return to the ones they left, so
//! "unsaved" is simply "the revision shown is not the one saved".

use std::sync::Arc;

use super::{Brief, Edit, EditError};

/// One undoable step: what to apply to undo it and what it was called.
#[derive(Clone, Debug)]
pub struct Step {
    /// "move Tartus naval facility", shown as "Undo move Tartus naval facility".
    pub label: String,
    inverse: Edit,
    /// The revisions before and after the step.
    before: u64,
    after: u64,
}

/// One state of one document: the same version means the same brief, so
/// work done on a copy of it (articles merged on a worker) still fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version {
    /// Which document (each opened or made brief is a new one).
    document: u64,
    revision: u64,
}

#[derive(Clone, Debug)]
pub struct Document {
    /// Shared with the workers that save, export or merge it
    /// ([`Self::shared`]): handing it over is a count, not a copy. An edit
    /// made while a worker still holds it copies it first.
    brief: Arc<Brief>,
    /// This document's number among those made in this process.
    serial: u64,
    undo: Vec<Step>,
    redo: Vec<Step>,
    revision: u64,
    /// The last revision handed out (revisions are never reused).
    last_revision: u64,
    /// The revision on disk; `None` when the brief exists nowhere yet.
    saved: Option<u64>,
}

impl Document {
    /// A document for a brief just read from a file (saved) or made (not).
    pub fn new(brief: Brief, saved: bool) -> Self {
        static SERIALS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Self {
            brief: Arc::new(brief),
            serial: SERIALS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            last_revision: 0,
            saved: saved.then_some(0),
        }
    }

    pub fn brief(&self) -> &Brief {
        &self.brief
    }

    /// The brief as it is now, for a worker: the UI thread copies nothing,
    /// however long the brief.
    pub fn shared(&self) -> Arc<Brief> {
        Arc::clone(&self.brief)
    }

    /// Applies a named edit as one undoable step.
    pub fn edit(&mut self, label: impl Into<String>, edit: Edit) -> Result<(), EditError> {
        let inverse = Arc::make_mut(&mut self.brief).apply(edit)?;
        let before = self.revision;
        self.last_revision += 1;
        self.revision = self.last_revision;
        self.undo.push(Step {
            label: label.into(),
            inverse,
            before,
            after: self.revision,
        });
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last step; returns its label, or `None` if there is none.
    pub fn undo(&mut self) -> Option<Result<String, EditError>> {
        let step = self.undo.pop()?;
        Some(self.replay(step, true))
    }

    pub fn redo(&mut self) -> Option<Result<String, EditError>> {
        let step = self.redo.pop()?;
        Some(self.replay(step, false))
    }

    fn replay(&mut self, step: Step, undoing: bool) -> Result<String, EditError> {
        match Arc::make_mut(&mut self.brief).apply(step.inverse.clone()) {
            Ok(inverse) => {
                let label = step.label.clone();
                let moved = Step { inverse, ..step };
                if undoing {
                    self.revision = moved.before;
                    self.redo.push(moved);
                } else {
                    self.revision = moved.after;
                    self.undo.push(moved);
                }
                Ok(label)
            }
            Err(e) => {
                // Cannot happen for inverses the brief made; keep the step.
                if undoing {
                    self.undo.push(step);
                } else {
                    self.redo.push(step);
                }
                Err(e)
            }
        }
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// The revision shown now.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The state shown now, told apart from every state of every other
    /// document.
    pub fn version(&self) -> Version {
        Version {
            document: self.serial,
            revision: self.revision,
        }
    }

    /// True when what is shown differs from what is on disk.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.revision)
    }

    /// Records that `revision` was written to disk (a save may finish after
    /// more edits; then the brief stays unsaved).
    pub fn mark_saved(&mut self, revision: u64) {
        self.saved = Some(revision);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{PlaceChange, PlaceId};

    fn rename(doc: &mut Document, name: &str) {
        doc.edit(
            format!("rename to {name}"),
            Edit::UpdatePlace {
                id: PlaceId::new("tartus"),
                change: PlaceChange::Name(name.into()),
            },
        )
        .unwrap();
    }

    fn tartus_name(doc: &Document) -> &str {
        &doc.brief().place("tartus").unwrap().name
    }

    #[test]
    fn a_worker_is_handed_the_brief_itself_and_keeps_it_as_it_was_after_an_edit() {
        let mut doc = Document::new(Brief::default_brief(), true);
        let before = tartus_name(&doc).to_owned();
        let handed = doc.shared();
        assert!(std::ptr::eq(&*handed, doc.brief()), "shared, not copied");
        rename(&mut doc, "Tartus port");
        assert_eq!(tartus_name(&doc), "Tartus port");
        assert_eq!(handed.place("tartus").unwrap().name, before);
        drop(handed);
        let unshared = doc.brief() as *const Brief;
        rename(&mut doc, "Tartus");
        assert!(
            std::ptr::eq(unshared, doc.brief()),
            "with no worker holding it, an edit copies nothing"
        );
    }

    #[test]
    fn a_version_names_one_state_of_one_document() {
        let mut doc = Document::new(Brief::default_brief(), true);
        let opened = doc.version();
        rename(&mut doc, "Tartus port");
        assert_ne!(doc.version(), opened);
        doc.undo().unwrap().unwrap();
        assert_eq!(doc.version(), opened, "undo returns to the same brief");
        let other = Document::new(Brief::default_brief(), true);
        assert_ne!(other.version(), opened, "another document never shares one");
    }

    #[test]
    fn undo_and_redo_walk_the_steps_and_name_them() {
        let mut doc = Document::new(Brief::default_brief(), true);
        rename(&mut doc, "Tartus port");
        rename(&mut doc, "Port of Tartus");
        assert_eq!(doc.undo_label(), Some("rename to Port of Tartus"));
        assert_eq!(doc.undo().unwrap().unwrap(), "rename to Port of Tartus");
        assert_eq!(tartus_name(&doc), "Tartus port");
        assert_eq!(doc.redo_label(), Some("rename to Port of Tartus"));
        doc.redo().unwrap().unwrap();
        assert_eq!(tartus_name(&doc), "Port of Tartus");
        assert!(doc.redo().is_none());
    }

    #[test]
    fn a_brief_is_clean_again_when_undone_back_to_its_saved_revision() {
        let mut doc = Document::new(Brief::default_brief(), true);
        assert!(!doc.is_dirty());
        rename(&mut doc, "Tartus port");
        assert!(doc.is_dirty());
        doc.undo().unwrap().unwrap();
        assert!(!doc.is_dirty());
        doc.redo().unwrap().unwrap();
        assert!(doc.is_dirty());
        doc.mark_saved(doc.revision());
        assert!(!doc.is_dirty());
    }

    #[test]
    fn a_new_edit_after_undo_drops_the_redo_steps_and_never_matches_the_old_save() {
        let mut doc = Document::new(Brief::default_brief(), true);
        rename(&mut doc, "A");
        doc.mark_saved(doc.revision());
        doc.undo().unwrap().unwrap();
        rename(&mut doc, "B");
        assert!(doc.redo_label().is_none());
        assert!(doc.is_dirty(), "B is not the A that was saved");
    }

    #[test]
    fn a_brief_made_from_text_is_unsaved_until_saved() {
        let doc = Document::new(Brief::default_brief(), false);
        assert!(doc.is_dirty());
    }

    #[test]
    fn a_failed_edit_leaves_no_step() {
        let mut doc = Document::new(Brief::default_brief(), true);
        let result = doc.edit(
            "rename nothing",
            Edit::UpdatePlace {
                id: PlaceId::new("atlantis"),
                change: PlaceChange::Name("x".into()),
            },
        );
        assert!(result.is_err());
        assert!(doc.undo_label().is_none());
        assert!(!doc.is_dirty());
    }
}
