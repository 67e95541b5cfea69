//! Edits: what the reader asks to change goes through `editing::plan` and
//! becomes one undoable step of the document. After each change the
//! selection keeps what still exists, and the map forgets gestures on
//! places that are gone.

use super::GeobriefApp;
use crate::brief::PlaceId;
use crate::editing::{EditAction, plan};
use crate::problem::Problem;

impl GeobriefApp {
    pub(super) fn apply_edit(&mut self, action: EditAction) {
        let links_words = matches!(
            action,
            EditAction::LinkWords { .. } | EditAction::NewArea { .. }
        );
        let planned = plan(self.doc.brief(), &action);
        match planned.and_then(|plan| self.doc.edit(plan.label, plan.edit).map(|()| plan.select)) {
            Ok(select) => {
                if links_words {
                    // The words are linked now: they show as a mention.
                    self.selection.text = None;
                }
                self.after_change(select);
            }
            Err(e) => self.problems.push(Problem::Edit(e)),
        }
    }

    pub(super) fn undo(&mut self) {
        match self.doc.undo() {
            Some(Ok(_)) => self.after_change(None),
            Some(Err(e)) => self.problems.push(Problem::Edit(e)),
            None => {}
        }
    }

    pub(super) fn redo(&mut self) {
        match self.doc.redo() {
            Some(Ok(_)) => self.after_change(None),
            Some(Err(e)) => self.problems.push(Problem::Edit(e)),
            None => {}
        }
    }

    /// After the brief changed: keep what is still there selected, select
    /// `select` if given, and note the change for the recovery copy.
    pub(super) fn after_change(&mut self, select: Option<PlaceId>) {
        let brief = self.doc.brief();
        self.selection.keep_valid(brief);
        if self
            .hovered
            .as_ref()
            .is_some_and(|h| brief.place(h).is_none())
        {
            self.hovered = None;
        }
        self.map.brief_changed(brief);
        self.recovery.changed();
        if let Some(id) = select {
            self.select_place(&id, None);
        } else if let Some(id) = self.selection.place.clone() {
            self.map.reveal_place(self.doc.brief(), &id);
        }
    }
}
