//! What a user asked for while a frame was drawn. Panels return these; the
//! app applies them once, after drawing. Everything is named by id, so an
//! action means the same thing whatever was inserted or deleted meanwhile.

use std::path::PathBuf;

use crate::brief::{ArticleId, LinkId, PlaceId};
use crate::editing::EditAction;
use crate::map::memory::{Gesture, MapAction};
use crate::selection::TextSelection;

#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select a place and go to its first mention.
    SelectPlace(PlaceId),
    /// Select the place of a mention and go to that mention.
    SelectMention(LinkId),
    ClearSelection,
    NextMention,
    PreviousMention,
    NextPlace,
    PreviousPlace,
    /// A place under the pointer, in the text or on the map.
    Hover(PlaceId),
    /// Words selected in the text (`None`: the selection is cleared).
    SelectText(Option<TextSelection>),
    /// Copy the selected words to the clipboard.
    CopyText,
    Map(MapAction),
    /// Start, update or end a gesture on the map (`None` cancels).
    Gesture(Option<Gesture>),
    Edit(EditAction),
    /// Open or fold the side panel (place card and list).
    ShowSidePanel(bool),
    /// Show this article of the story in the reading panel.
    ShowArticle(ArticleId),
    /// Show the next (1) or previous (-1) article of the story.
    StepArticle(isize),
    /// Show (or leave) the list of the story's articles in the reading panel.
    ShowArticleList(bool),
    /// Show the story's articles of these days only (`None`: all of them).
    SetTimeRange(Option<(crate::timeline::Day, crate::timeline::Day)>),
    /// Play the timeline (step the range through the story's time) or stop.
    PlayTimeline(bool),
    /// Compare two sides of a story on the map (`None`: stop comparing).
    Compare(Option<(crate::timeline::Side, crate::timeline::Side)>),
    /// Open the find bar (Ctrl+F).
    OpenFind,
    /// Show these words (a paragraph among the story's, and its bytes): their
    /// article, selected, scrolled into view.
    ShowWords {
        paragraph: usize,
        bytes: std::ops::Range<usize>,
    },
    Undo,
    Redo,
    File(FileAction),
}

/// What a user asked of files.
#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
    /// Show the native open dialog.
    ShowOpen,
    /// Ask for a path to type (works where no file dialog does).
    ShowOpenPath,
    Open(PathBuf),
    /// Ask for a web address to fetch (File ▸ Open link…).
    ShowOpenLink,
    /// Fetch this web address and open its article: only ever on the
    /// reader's explicit act (a paste, a drop, File ▸ Open link…).
    OpenLink(String),
    ShowNewFromText,
    NewFromText(String),
    /// Text pasted outside a text field: a new brief of it (its paragraphs
    /// and address from the clipboard's HTML, where it has them).
    Paste(String),
    Save,
    ShowSaveAs,
    SaveTo(PathBuf),
    /// Find the places again, favouring a country (ISO 3166 alpha-2 code).
    BiasToCountry(String),
    /// Find the places again, favouring the area the map shows.
    BiasToView,
    /// List the words of the shown article that rules decided are not
    /// places, with each rule, in the problems panel.
    ListWordsNotTaken,
    ShowExport,
    /// The export dialog with the web page alone chosen.
    ShowExportWebPage,
    Export(crate::export::ExportRequest),
    ShowImport,
    ImportPlaces(PathBuf),
    ShowMyPlaces,
    /// Add a place of the brief to the reader's own gazetteer.
    RememberPlace(PlaceId),
    /// Remove an entry of the reader's own gazetteer.
    ForgetPlace(String),
    /// Close the dialog: its answer is in the actions that come with it.
    CloseDialog,
    /// Close the dialog without an answer: nothing waits for it any more.
    CancelDialog,
    /// The answer to "save your edits first?".
    Confirm(Confirmation),
    /// The answer to "recover unsaved work?" (true: recover).
    Recover(bool),
    /// Stop the place detection that is running.
    CancelWork,
    /// Ask for files (or a folder) of articles: for a new story, or to add
    /// to this brief.
    ShowAddArticles {
        new_story: bool,
        folder: bool,
    },
    /// Read these and find their places: a new story of them, or more
    /// articles of this brief.
    AddArticles {
        inputs: Vec<crate::collect::Input>,
        new_story: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirmation {
    Save,
    Discard,
    Cancel,
}
