//! What the problems panel shows: faults in files, edits that could not be
//! made, and notes on what the app did. Each is typed and shown by its
//! `Display` form, which names the file and the place in it where there is
//! one.

use crate::brief::EditError;
use crate::brief::save::SaveError;

#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// A file that did not open: one line a fault, each naming the file.
    #[error("{0}")]
    Open(String),
    #[error("The edit could not be made: {0}")]
    Edit(#[from] EditError),
    #[error("Not saved: {0}")]
    Save(#[from] SaveError),
    #[error("Export failed: {0}")]
    Export(String),
    #[error("Import: {0}")]
    Import(String),
    /// A warning about a brief that did open (a link whose words moved).
    #[error("{0}")]
    Warning(String),
    /// What the app did, for the record ("Places found again: 2 changed").
    #[error("{0}")]
    Note(String),
    /// A note that holds until the brief is saved ("Recovered … Save it to
    /// keep it."): a save takes it away.
    #[error("{0}")]
    UntilSaved(String),
    /// The words of an article that rules decided are not places, asked
    /// for from the Places menu.
    #[error("{0}")]
    NotTaken(crate::not_taken::NotTakenList),
}

impl Problem {
    /// Notes are news, not faults: the panel shows them in a quieter style.
    pub fn is_note(&self) -> bool {
        matches!(
            self,
            Self::Note(_) | Self::UntilSaved(_) | Self::NotTaken(_)
        )
    }
}
