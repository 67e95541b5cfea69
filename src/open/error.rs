//! Why a file (or a fetched page) did not open, and where in it: one typed
//! error for every reader, naming the file and the place in it (a page of a
//! PDF, an entry of a zip, a message of a mailbox, an item of a feed, a
//! line), so the problems panel can say "report.pdf, page 12: …".

use crate::brief::read::{ReadError, TextError};
use crate::fetch::FetchError;

/// Where in a file a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum At {
    Page(u32),
    /// A file inside a zip (an EPUB's chapter, a DOCX's `word/document.xml`).
    Entry(String),
    /// A message of a mailbox, from 1.
    Message(usize),
    /// An item of a feed, from 1.
    Item(usize),
    /// A chapter of an e-book in reading order, from 1.
    Chapter(usize),
    Line(usize),
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            At::Page(n) => write!(f, "page {n}"),
            At::Entry(name) => write!(f, "{name}"),
            At::Message(n) => write!(f, "message {n}"),
            At::Item(n) => write!(f, "item {n}"),
            At::Chapter(n) => write!(f, "chapter {n}"),
            At::Line(n) => write!(f, "line {n}"),
        }
    }
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Text(#[from] TextError),
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// A brief's errors, one a line.
    #[error("{}", .0.join("; "))]
    Brief(Vec<String>),
    #[error("This PDF holds images of pages and no text: Geobrief cannot read it")]
    ScannedPdf,
    #[error("This PDF is encrypted with a password: Geobrief cannot read it")]
    EncryptedPdf,
    /// A zip entry that would unpack past the limit: a zip bomb, or a file
    /// too big to be an article.
    #[error("it unpacks to more than {limit} bytes ({how}); refused, as a zip bomb would be")]
    TooBigUnpacked { limit: u64, how: String },
    /// The file is not what its name or content says, or is broken: the
    /// sentence says how ("not an EPUB: it has no META-INF/container.xml").
    #[error("{0}")]
    Invalid(String),
}

/// A problem and where it is, before the file's name is put to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    pub at: Option<At>,
    pub problem: Problem,
}

impl Fault {
    pub fn at(at: At, problem: impl Into<Problem>) -> Self {
        Self {
            at: Some(at),
            problem: problem.into(),
        }
    }

    pub fn invalid(reason: impl Into<String>) -> Self {
        Problem::Invalid(reason.into()).into()
    }

    /// The same problem, located at `at` unless it was located already.
    pub fn within(mut self, at: At) -> Self {
        self.at.get_or_insert(at);
        self
    }

    pub fn in_file(self, file: impl Into<String>) -> OpenError {
        OpenError {
            file: file.into(),
            at: self.at,
            problem: self.problem,
        }
    }
}

impl<T: Into<Problem>> From<T> for Fault {
    fn from(problem: T) -> Self {
        Self {
            at: None,
            problem: problem.into(),
        }
    }
}

/// A file (or an address) that did not open: which, where in it, and why.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct OpenError {
    /// The file's path as given, or the web address.
    pub file: String,
    pub at: Option<At>,
    pub problem: Problem,
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{}, {at}: {}", self.file, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

impl OpenError {
    /// The error as lines for the problems panel: a brief's errors one a
    /// line, each with the file's name; anything else one line.
    pub fn lines(&self) -> Vec<String> {
        match &self.problem {
            Problem::Brief(errors) => errors
                .iter()
                .map(|e| format!("{}: {e}", self.file))
                .collect(),
            _ => vec![self.to_string()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_names_the_file_and_the_place_in_it() {
        let error = Fault::at(At::Page(12), Problem::ScannedPdf).in_file("report.pdf");
        assert_eq!(
            error.to_string(),
            "report.pdf, page 12: This PDF holds images of pages and no text: Geobrief cannot read it"
        );
        let error = Fault::invalid("no items")
            .within(At::Item(3))
            .in_file("feed.rss");
        assert_eq!(error.lines(), ["feed.rss, item 3: no items"]);
    }
}
