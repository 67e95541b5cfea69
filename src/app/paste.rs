//! A paste outside a text field: a web address alone fetches its page (see
//! `files.rs`); text becomes an article, its paragraphs and source address
//! taken from the HTML a browser put on the clipboard beside it, where it
//! did (`crate::open::clipboard`). The clipboard's HTML is read on the
//! worker that finds the places, never in a frame.

use super::GeobriefApp;
use super::jobs::Done;
use crate::geoparse::PublisherMemory;
use crate::open::TextArticle;
use crate::open::clipboard::pasted_article;

/// Where a paste's HTML comes from.
#[derive(Clone, Debug, Default)]
pub enum ClipboardHtml {
    /// None is read (tests, benchmarks, a headless app).
    #[default]
    Unread,
    /// The system clipboard's `text/html`, through arboard.
    System,
    /// This HTML (tests).
    Given(String),
}

impl ClipboardHtml {
    /// The HTML on the clipboard now, if any.
    pub fn read(&self) -> Option<String> {
        match self {
            Self::Unread => None,
            Self::System => arboard::Clipboard::new().ok()?.get().html().ok(),
            Self::Given(html) => Some(html.clone()),
        }
    }
}

/// The article of a paste of `text`, with the clipboard's HTML if it holds
/// the same words.
pub fn pasted_text_article(text: &str, clipboard: &ClipboardHtml) -> TextArticle {
    let pasted = pasted_article(text, clipboard.read().as_deref());
    TextArticle {
        text: pasted.text,
        url: pasted.address,
        fallback_title: "Pasted article".into(),
        ..TextArticle::default()
    }
}

impl GeobriefApp {
    /// A new brief of the pasted text (the caller guarded unsaved edits).
    pub(super) fn compose_pasted(&mut self, text: String) {
        let token = self
            .jobs
            .start_busy("Finding the places of the pasted article…");
        let personal = self.personal.clone();
        let clipboard = self.clipboard_html.clone();
        self.jobs.spawn(move || {
            let article = pasted_text_article(&text, &clipboard);
            let brief =
                crate::open::brief_of_article(&article, &personal, &mut PublisherMemory::default());
            Done::Composed { token, brief }
        });
    }
}
