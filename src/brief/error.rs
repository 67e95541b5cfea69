//! Why a brief did not load, with the JSON path of the fault.

use std::path::PathBuf;

/// One fault in a brief. `at` is a JSON path such as `places[2].geometry`.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum BriefError {
    #[error("the file is {bytes} bytes; briefs are limited to {limit} bytes")]
    TooLarge { bytes: usize, limit: usize },
    #[error("the file is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { offset: usize },
    /// The file could not be read (a folder, a pipe, too large, ...).
    #[error("{0}")]
    Read(#[from] super::read::ReadError),
    /// The bytes are not text (empty, UTF-16 without a byte-order mark, binary).
    #[error("{0}")]
    Text(super::read::TextError),
    #[error("the article has {count} paragraphs; the limit is {limit}")]
    TooManyParagraphs { count: usize, limit: usize },
    #[error("at {at}: the name is {chars} characters long; the limit is {limit}")]
    NameTooLong {
        at: String,
        chars: usize,
        limit: usize,
    },
    #[error(
        "at {at}: the area has {count} positions; the limit is {limit} per place (simplify it first, e.g. in QGIS)"
    )]
    TooManyPositions {
        at: String,
        count: usize,
        limit: usize,
    },
    #[error("line {line}, column {column}, at {at}: {message}")]
    Json {
        at: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "at format: unsupported format {found:?}, expected \"geobrief/1\" (one article) or \"geobrief/2\" (a story)"
    )]
    UnsupportedFormat { found: String },
    #[error("at {at}: a {format} brief needs {what}")]
    MissingField {
        at: String,
        format: &'static str,
        what: &'static str,
    },
    #[error("at {at}: article id {id:?} is used twice")]
    DuplicateArticleId { id: String, at: String },
    #[error("at {at}: article id must not be empty")]
    EmptyArticleId { at: String },
    #[error("at {at}: no article has the id {id:?}")]
    UnknownArticle { id: String, at: String },
    #[error("at {at}: place id {id:?} is used twice")]
    DuplicatePlaceId { id: String, at: String },
    #[error("at {at}: link id {id:?} is used twice")]
    DuplicateLinkId { id: String, at: String },
    #[error("at {at}: place id must not be empty")]
    EmptyPlaceId { at: String },
    #[error("at {at}: no place has the id {id:?}")]
    UnknownPlace { id: String, at: String },
    #[error("at {at}: {found} is not a valid {axis} (expected {expected})")]
    CoordinateOutOfRange {
        at: String,
        axis: &'static str,
        found: f64,
        expected: &'static str,
    },
    #[error("at {at}: a position needs a longitude and a latitude, found {count} numbers")]
    BadPosition { at: String, count: usize },
    #[error("at {at}: polygon ring is not closed (first and last positions differ)")]
    UnclosedRing { at: String },
    #[error("at {at}: polygon ring has {count} positions, at least 4 are needed")]
    RingTooShort { at: String, count: usize },
    #[error("at {at}: geometry type {found} is not supported (expected Point or Polygon)")]
    UnsupportedGeometry { at: String, found: String },
    #[error("at {at}: paragraph {paragraph} does not exist (the article has {count})")]
    ParagraphOutOfRange {
        at: String,
        paragraph: usize,
        count: usize,
    },
    #[error("at {at}: position {start}..{end} is outside the paragraph ({len} characters)")]
    PositionOutOfRange {
        at: String,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("at {at}: a link needs one TextQuoteSelector with non-empty exact text")]
    MissingQuote { at: String },
    #[error("at {at}: the article has no paragraphs")]
    NoParagraphs { at: String },
}

/// A brief that failed to load from a file: the file and every fault found.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub file: PathBuf,
    pub errors: Vec<BriefError>,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {error}", self.file.display())?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}
