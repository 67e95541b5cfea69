//! What every reader gives: articles as text, with what their source says
//! of them (title, address, outlet, date, the page each paragraph is on),
//! whatever the format they came in.

use super::error::{At, OpenError};
use crate::brief::Brief;

/// An article's text and what its source says of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextArticle {
    /// Title, byline, then the paragraphs, separated by blank lines.
    pub text: String,
    /// The archive's id, as written (a string, or a number's digits).
    pub id: Option<String>,
    /// A title to use when the text has none of its own.
    pub fallback_title: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601, from the source or the dateline.
    pub date: Option<String>,
    /// The page (from 1) each blank-line-separated block of `text` starts
    /// on, for a PDF; empty when the source has no pages.
    pub pages: Vec<u32>,
    /// The text is a feed's summary of the article, not the article.
    pub summary_only: bool,
}

/// One article of a file, and where in the file it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub at: Option<At>,
    pub article: TextArticle,
}

/// What a file or a fetched page holds.
#[derive(Clone, Debug)]
pub enum Opened {
    /// A brief (or a story brief) with its places.
    Brief(Box<Brief>),
    Articles(Articles),
}

/// The articles of a file: one (a text, a page, a PDF, a document) or many
/// (an e-book's chapters, a mailbox's messages, a feed's items).
#[derive(Clone, Debug, Default)]
pub struct Articles {
    /// The whole's title, where it has one (the book's, the feed's).
    pub title: Option<String>,
    pub found: Vec<Found>,
    /// The file holds many articles (it becomes a story, even of one).
    pub many: bool,
    /// Parts that could not be read (a broken message); the rest was.
    pub skipped: Vec<OpenError>,
}

impl Articles {
    pub fn one(article: TextArticle) -> Self {
        Self {
            found: vec![Found { at: None, article }],
            ..Self::default()
        }
    }
}
