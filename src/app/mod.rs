//! The app: its state, the actions the panels return, and the frame's table
//! of contents. Panels draw from `&GeobriefApp` and hand back [`Action`]s,
//! which are applied once, after drawing.

mod files;

use std::path::PathBuf;

pub use files::{Confirmation, Deferred, Dialog, FileAction, FileState, brief_from_text_file};

use crate::brief::Brief;
use crate::brief::passages::{Run, runs_by_paragraph};
use crate::ui;
use crate::ui::map_view::MapMemory;

/// What a user asked for while a frame was drawn.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select a place and go to its first mention.
    SelectPlace(usize),
    /// Select the place of a mention and go to that mention.
    SelectMention(usize),
    ClearSelection,
    NextMention,
    PreviousMention,
    NextPlace,
    PreviousPlace,
    /// A place under the pointer, in the text or on the map.
    Hover(usize),
    Map(ui::map_view::MapAction),
    File(FileAction),
}

/// The whole state of the app, kept between frames.
pub struct GeobriefApp {
    pub brief: Brief,
    pub file: Option<PathBuf>,
    /// The article cut into display runs; rebuilt when the brief changes.
    pub runs: Vec<Vec<Run>>,
    pub selected_place: Option<usize>,
    /// The mention the reader is at (an index into `brief.mentions`).
    pub current_mention: Option<usize>,
    /// The place under the pointer during the previous frame.
    pub hovered_place: Option<usize>,
    /// Set when the article must scroll to `current_mention` this frame.
    pub scroll_to_mention: bool,
    pub map: MapMemory,
    pub problems: Vec<String>,
    pub files: FileState,
    /// Frames drawn so far (the gazetteer is warmed once the first is shown).
    frames: u64,
}

impl Default for GeobriefApp {
    fn default() -> Self {
        Self::new(Brief::default_brief(), None)
    }
}

impl GeobriefApp {
    pub fn new(brief: Brief, file: Option<PathBuf>) -> Self {
        let runs = runs_by_paragraph(&brief);
        let problems = brief.warnings.clone();
        Self {
            brief,
            file,
            runs,
            selected_place: None,
            current_mention: None,
            hovered_place: None,
            scroll_to_mention: false,
            map: MapMemory::default(),
            problems,
            files: FileState::new(crate::recent::RecentFiles::default()),
            frames: 0,
        }
    }

    /// The place `id`, selected as if clicked.
    pub fn select_by_id(&mut self, id: &str) -> bool {
        match self.brief.place_index(id) {
            Some(place) => {
                self.apply(Action::SelectPlace(place));
                true
            }
            None => false,
        }
    }

    pub fn selected_id(&self) -> Option<&str> {
        self.selected_place
            .map(|p| self.brief.places[p].id.as_str())
    }

    /// Mentions of the selected place, in text order.
    pub fn selected_mentions(&self) -> Vec<usize> {
        self.selected_place
            .map(|p| self.brief.mentions_of(p).map(|(i, _)| i).collect())
            .unwrap_or_default()
    }

    /// Draws one frame. Reads like a table of contents.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        ui::theme::apply_reading_style(ui.ctx());
        self.frames += 1;
        if self.frames == 2 {
            // After the first frame is on screen, so it never waits for this.
            files::warm_gazetteer_in_background();
        }
        self.poll_picker(ui.ctx());
        actions.extend(self.window_events(ui.ctx()));
        if self.files.dialog.is_none() {
            // A dialog owns the keyboard (Esc closes it, arrows edit text).
            actions.extend(ui::keys::keyboard_actions(ui.ctx()));
        }
        actions.extend(ui::dialogs::dialogs_ui(ui, &mut self.files));
        actions.extend(ui::top_bar::top_bar_ui(ui, &mut *self));
        if !self.problems.is_empty() {
            ui::problems::problems_ui(ui, &mut self.problems);
        }
        actions.extend(ui::place_panel::place_panel_ui(ui, self));
        actions.extend(ui::article::article_panel_ui(ui, self));
        self.scroll_to_mention = false;
        actions.extend(ui::map_view::map_panel_ui(ui, self));
        let hovered = actions.iter().find_map(|a| match a {
            Action::Hover(p) => Some(*p),
            _ => None,
        });
        if hovered != self.hovered_place {
            self.hovered_place = hovered;
            ui.ctx().request_repaint();
        }
        for action in actions {
            self.apply(action);
        }
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SelectPlace(place) => self.select_place(place, None),
            Action::SelectMention(m) => {
                if let Some(mention) = self.brief.mentions.get(m) {
                    let place = mention.place;
                    self.select_place(place, Some(m));
                }
            }
            Action::ClearSelection => {
                self.selected_place = None;
                self.current_mention = None;
            }
            Action::NextMention => self.step_mention(1),
            Action::PreviousMention => self.step_mention(-1),
            Action::NextPlace => self.step_place(1),
            Action::PreviousPlace => self.step_place(-1),
            Action::Hover(_) => {}
            Action::Map(map_action) => self.map.apply(map_action, &self.brief),
            Action::File(file_action) => self.apply_file(file_action),
        }
    }

    fn select_place(&mut self, place: usize, mention: Option<usize>) {
        if place >= self.brief.places.len() {
            return;
        }
        self.selected_place = Some(place);
        self.current_mention =
            mention.or_else(|| self.brief.mentions_of(place).map(|(i, _)| i).next());
        self.scroll_to_mention = self.current_mention.is_some();
        self.map.fly_to_place(&self.brief, place);
    }

    fn step_mention(&mut self, step: isize) {
        let mentions = self.selected_mentions();
        if mentions.is_empty() {
            return;
        }
        let at = self
            .current_mention
            .and_then(|m| mentions.iter().position(|&x| x == m))
            .unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(mentions.len() as isize) as usize;
        self.current_mention = Some(mentions[next]);
        self.scroll_to_mention = true;
    }

    fn step_place(&mut self, step: isize) {
        let count = self.brief.places.len() as isize;
        if count == 0 {
            return;
        }
        let next = match self.selected_place {
            Some(p) => (p as isize + step).rem_euclid(count),
            None if step > 0 => 0,
            None => count - 1,
        };
        self.select_place(next as usize, None);
    }
}

impl eframe::App for GeobriefApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        GeobriefApp::ui(self, ui);
    }
}
