//! The app: its state and the frame's table of contents. Panels draw from
//! borrowed pieces of this state and hand back [`Action`]s, which are
//! applied once, after drawing: selections here, edits in `edits`, files
//! and dialogs in `files`, saving and recovery in `saving`, window events
//! in `window`; slow work runs in `jobs`.

mod edits;
mod files;
mod jobs;
mod paste;

pub use paste::ClipboardHtml;
mod pickers;
mod saving;
mod story;
mod time;
mod window;
pub use window::open_asked_links;

use std::path::PathBuf;

pub use files::brief_from_text_file;

use crate::action::Action;
use crate::brief::{Brief, Document, LinkId, PlaceId};
use crate::map::memory::MapMemory;
use crate::paths::Paths;
use crate::personal::PersonalGazetteer;
use crate::problem::Problem;
use crate::recent::RecentFiles;
use crate::selection::Selection;
use crate::ui;

/// File and dialog state kept between frames.
pub struct FileState {
    pub recent: RecentFiles,
    pub dialog: Option<ui::dialogs::Dialog>,
    /// The country code typed in the "favour a country" box.
    pub bias_country: String,
    /// Set once the user confirmed quitting despite unsaved edits.
    pub quit_confirmed: bool,
    /// What waits for "save your edits first?" or for a save to finish.
    pending: Option<files::Deferred>,
    picker: Option<pickers::Picker>,
}

impl FileState {
    pub fn new(recent: RecentFiles) -> Self {
        Self {
            recent,
            dialog: None,
            bias_country: String::new(),
            quit_confirmed: false,
            pending: None,
            picker: None,
        }
    }

    pub fn is_picking(&self) -> bool {
        self.picker.is_some()
    }
}

/// The whole state of the app, kept between frames.
pub struct GeobriefApp {
    pub doc: Document,
    pub file: Option<PathBuf>,
    pub selection: Selection,
    /// The place under the pointer during the previous frame.
    pub hovered: Option<PlaceId>,
    /// Set when the article must scroll to the current mention this frame.
    pub scroll_to_mention: bool,
    /// Set when the article must scroll to the selected words this frame.
    pub scroll_to_words: bool,
    pub map: MapMemory,
    /// What the panels keep between frames (layouts, text being typed).
    pub views: ui::Views,
    /// How the window is shared between the article, the map and the side panel.
    pub panels: ui::layout::PanelShares,
    /// A story's time: the range set on the timeline and what it shows.
    pub time: time::TimeState,
    pub problems: Vec<Problem>,
    pub files: FileState,
    pub personal: PersonalGazetteer,
    /// How far a fetched link may go (tests shorten the timeouts).
    pub fetch_limits: crate::fetch::FetchLimits,
    /// Where a paste's HTML is read from (the system clipboard in the app).
    pub clipboard_html: paste::ClipboardHtml,
    paths: Paths,
    jobs: jobs::Jobs,
    recovery: saving::RecoveryState,
    /// Frames drawn so far (the gazetteer is warmed once the first is shown).
    frames: u64,
    title: String,
    /// The window's context, for the clipboard.
    ctx: Option<egui::Context>,
}

impl Default for GeobriefApp {
    fn default() -> Self {
        Self::new(Brief::default_brief(), None)
    }
}

impl GeobriefApp {
    /// The app on a brief, keeping nothing on disk (tests, benchmarks).
    pub fn new(brief: Brief, file: Option<PathBuf>) -> Self {
        Self::with_paths(brief, file, Paths::none())
    }

    /// The app on a brief, with the reader's files in `paths`.
    pub fn with_paths(brief: Brief, file: Option<PathBuf>, paths: Paths) -> Self {
        let problems = brief
            .warnings
            .iter()
            .cloned()
            .map(Problem::Warning)
            .collect();
        let recent = paths
            .recent_files()
            .map_or_else(RecentFiles::default, |p| RecentFiles::load(&p));
        let mut app = Self {
            doc: Document::new(brief, true),
            file,
            selection: Selection::default(),
            hovered: None,
            scroll_to_mention: false,
            scroll_to_words: false,
            map: MapMemory::default(),
            views: ui::Views::default(),
            panels: ui::layout::PanelShares::default(),
            time: time::TimeState::default(),
            problems,
            files: FileState::new(recent),
            personal: PersonalGazetteer::default(),
            fetch_limits: crate::fetch::FetchLimits::default(),
            clipboard_html: paste::ClipboardHtml::default(),
            recovery: saving::RecoveryState::new(paths.recovery_dir()),
            paths,
            jobs: jobs::Jobs::default(),
            frames: 0,
            title: String::new(),
            ctx: None,
        };
        app.load_personal_gazetteer();
        app.look_for_recovery_copies();
        app
    }

    pub fn brief(&self) -> &Brief {
        self.doc.brief()
    }

    /// The place `id`, selected as if clicked.
    pub fn select_by_id(&mut self, id: &str) -> bool {
        let found = self.brief().place(id).map(|p| p.id.clone());
        match found {
            Some(id) => {
                self.apply(Action::SelectPlace(id));
                true
            }
            None => false,
        }
    }

    pub fn selected_id(&self) -> Option<&str> {
        self.selection.place.as_deref()
    }

    /// Mentions of the selected place, in text order.
    pub fn selected_mentions(&self) -> &[LinkId] {
        self.selection
            .place
            .as_ref()
            .map_or(&[], |p| self.brief().mentions_of(p))
    }

    /// True while a job (opening, finding places, saving) has not finished,
    /// or a file dialog has not answered.
    pub fn is_working(&self) -> bool {
        self.jobs.is_working() || self.files.is_picking()
    }

    /// Draws one frame. Reads like a table of contents.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ui::theme::apply_reading_style(&ctx);
        let window_width = ui.available_width();
        let panels = self.panels.plan(window_width);
        self.jobs.set_waker(&ctx);
        self.ctx = Some(ctx.clone());
        self.frames += 1;
        if self.frames == 2 {
            // After the first frame is on screen, so it never waits for this.
            files::warm_gazetteer_in_background();
        }
        self.take_finished_jobs();
        self.poll_picker(&ctx);
        let mut actions = self.window_events(&ctx);
        if self.files.dialog.is_none() {
            // A dialog owns the keyboard (Esc closes it, arrows edit text).
            actions.extend(ui::keys::keyboard_actions(
                &ctx,
                self.doc.brief(),
                &self.selection,
                self.map.gesture.as_ref(),
            ));
        }
        actions.extend(ui::dialogs::dialogs_ui(
            ui,
            &mut self.files.dialog,
            &self.personal,
        ));
        // The map's memory is lent to the map below; the panels read a copy
        // of its gesture.
        let gesture = self.map.gesture.clone();
        let brief_name = self.brief_name();
        let busy_text = self.jobs.busy.as_ref().map(jobs::Busy::describe);
        self.time.update(self.doc.brief());
        if self.time.playing {
            let dt = f64::from(ctx.input(|i| i.stable_dt).min(0.5));
            self.time.tick(dt);
            self.time.update(self.doc.brief());
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
        if self
            .jobs
            .busy
            .as_ref()
            .is_some_and(|b| b.progress.is_some())
        {
            // The count of articles read moves on while the job runs.
            ctx.request_repaint_after(std::time::Duration::from_millis(150));
        }
        let reading = ui::Reading {
            brief: self.doc.brief(),
            article: self.selection.article(self.doc.brief()),
            filter: self.time.filter.as_ref(),
            compare: self.time.compare.as_ref(),
            selection: &self.selection,
            hovered: self.hovered.as_ref(),
            scroll_to_mention: self.scroll_to_mention,
            scroll_to_words: self.scroll_to_words,
            busy: busy_text.as_deref(),
            busy_done: self.jobs.busy.as_ref().and_then(jobs::Busy::fraction),
            gesture: gesture.as_ref(),
        };
        actions.extend(ui::top_bar::top_bar_ui(
            ui,
            &reading,
            &ui::top_bar::TopBar {
                name: &brief_name,
                dirty: self.doc.is_dirty(),
                undo: self.doc.undo_label(),
                redo: self.doc.redo_label(),
                recent: &self.files.recent.paths,
                picking: self.files.is_picking(),
                side_panel_open: panels.side.is_some(),
            },
            &mut self.files.bias_country,
        ));
        if !self.problems.is_empty() {
            ui::problems::problems_ui(ui, &mut self.problems);
        }
        if let Some(plan) = panels.side {
            actions.extend(ui::place_panel::place_panel_ui(
                ui,
                &reading,
                &mut self.views.places,
                &self.personal,
                ui::layout::Sizing {
                    plan,
                    share: &mut self.panels.side,
                    window_width,
                },
            ));
        }
        actions.extend(ui::article::article_panel_ui(
            ui,
            &reading,
            &mut self.views.article,
            &mut self.views.articles,
            &mut self.views.find,
            ui::layout::Sizing {
                plan: panels.article,
                share: &mut self.panels.article,
                window_width,
            },
        ));
        if reading.brief.is_story() && self.time.index.has_time() {
            let view = ui::timeline::TimelineView {
                index: &self.time.index,
                range: self.time.range.as_ref(),
                filter: self.time.filter.as_deref(),
                playing: self.time.playing,
                article_count: reading.brief.article_count(),
            };
            let drafts = &mut self.views.timeline;
            egui::Panel::bottom("timeline").show(ui, |ui| {
                actions.extend(ui::timeline::timeline_ui(ui, &view, drafts));
            });
        }
        actions.extend(ui::map::map_panel_ui(
            ui,
            &reading,
            &mut self.map,
            &mut self.views.map,
        ));
        self.scroll_to_mention = false;
        self.scroll_to_words = false;
        let hovered = actions.iter().find_map(|a| match a {
            Action::Hover(p) => Some(p.clone()),
            _ => None,
        });
        if hovered != self.hovered {
            self.hovered = hovered;
            ctx.request_repaint();
        }
        for action in actions {
            self.apply(action);
        }
        self.keep_recovery_copy(&ctx);
        self.show_title(&ctx);
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SelectPlace(place) => self.select_place(&place, None),
            Action::SelectMention(link) => {
                if let Some(m) = self.brief().mention(&link) {
                    self.select_place(&m.place, Some(link));
                }
            }
            Action::ClearSelection => {
                // The article being read stays.
                self.selection = crate::selection::Selection {
                    article: self.selection.article.take(),
                    ..Default::default()
                };
                self.map.gesture = None;
            }
            Action::NextMention => self.step_mention(1),
            Action::PreviousMention => self.step_mention(-1),
            Action::NextPlace => self.step_place(1),
            Action::PreviousPlace => self.step_place(-1),
            Action::Hover(_) => {}
            Action::SelectText(text) => self.selection.text = text,
            Action::CopyText => self.copy_text(),
            Action::Map(map_action) => self.map.apply(map_action, self.doc.brief()),
            Action::Gesture(gesture) => self.map.gesture = gesture,
            Action::Edit(edit) => self.apply_edit(edit),
            Action::ShowSidePanel(open) => self.panels.side_open = Some(open),
            Action::ShowArticle(id) => self.show_article(&id),
            Action::StepArticle(step) => self.step_article(step),
            Action::ShowArticleList(open) => self.views.articles.open = open,
            Action::SetTimeRange(range) => self.time.set_range(range.map(|(a, b)| a..=b)),
            Action::PlayTimeline(on) => self.time.play(on),
            Action::Compare(sides) => self.time.set_sides(sides),
            Action::OpenFind => {
                self.views.find.open();
                self.views.articles.open = false;
            }
            Action::ShowWords { paragraph, bytes } => self.show_words(paragraph, bytes),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::File(file_action) => self.apply_file(file_action),
        }
    }

    fn select_place(&mut self, place: &PlaceId, mention: Option<LinkId>) {
        if self.brief().place(place).is_none() {
            return;
        }
        self.selection.place = Some(place.clone());
        // Its first passage in the article being read, else its first of all.
        let brief = self.doc.brief();
        let shown = self.selection.article(brief).paragraphs.clone();
        let mentions = brief.mentions_of(place);
        let here = mentions.iter().find(|l| {
            brief
                .mention(l)
                .is_some_and(|m| shown.contains(&m.paragraph))
        });
        self.selection.mention = mention
            .or_else(|| here.cloned())
            .or_else(|| mentions.first().cloned());
        self.selection.follow_mention(self.doc.brief());
        self.scroll_to_mention = self.selection.mention.is_some();
        let brief = self.doc.brief();
        self.map.fly_to_place(brief, place);
    }

    fn step_mention(&mut self, step: isize) {
        let mentions = self.selected_mentions();
        if mentions.is_empty() {
            return;
        }
        let at = self
            .selection
            .mention
            .as_ref()
            .and_then(|m| mentions.iter().position(|x| x == m))
            .unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(mentions.len() as isize) as usize;
        self.selection.mention = Some(mentions[next].clone());
        self.selection.follow_mention(self.doc.brief());
        self.scroll_to_mention = true;
    }

    /// Shows an article of the story; the selected place stays selected,
    /// at its first passage there if it has one.
    fn show_article(&mut self, id: &crate::brief::ArticleId) {
        let brief = self.doc.brief();
        let Some(article) = brief.article(id) else {
            return;
        };
        self.selection.article = Some(article.id.clone());
        self.selection.text = None;
        let range = article.paragraphs.clone();
        let here = self.selection.place.as_ref().and_then(|p| {
            brief
                .mentions_of(p)
                .iter()
                .find(|l| {
                    brief
                        .mention(l)
                        .is_some_and(|m| range.contains(&m.paragraph))
                })
                .cloned()
        });
        if here.is_some() {
            self.selection.mention = here;
            self.scroll_to_mention = true;
        }
        self.views.article.scroll_to_top();
    }

    /// Shows words of the story: their article, selected, in view.
    fn show_words(&mut self, paragraph: usize, bytes: std::ops::Range<usize>) {
        let brief = self.doc.brief();
        let Some(article) = brief.article_of_paragraph(paragraph) else {
            return;
        };
        if self.selection.article(brief).id != article.id {
            self.selection.article = Some(article.id.clone());
        }
        self.selection.text = Some(crate::selection::TextSelection::new(paragraph, bytes));
        self.scroll_to_words = true;
    }

    fn step_article(&mut self, step: isize) {
        let brief = self.doc.brief();
        let count = brief.article_count() as isize;
        let at = brief
            .article_position(&self.selection.article(brief).id)
            .unwrap_or(0) as isize;
        let next = (at + step).clamp(0, count - 1) as usize;
        if let Some(id) = brief.articles().get(next).map(|a| a.id.clone()) {
            self.show_article(&id);
        }
    }

    fn step_place(&mut self, step: isize) {
        let count = self.brief().place_count() as isize;
        if count == 0 {
            return;
        }
        let at = self
            .selection
            .place
            .as_ref()
            .and_then(|p| self.brief().place_position(p));
        let next = match at {
            Some(p) => (p as isize + step).rem_euclid(count),
            None if step > 0 => 0,
            None => count - 1,
        };
        if let Some(id) = self.brief().place_at(next as usize).map(|p| p.id.clone()) {
            self.select_place(&id, None);
        }
    }

    fn copy_text(&mut self) {
        let words = self
            .selection
            .text
            .as_ref()
            .map(|t| t.text(self.doc.brief()).to_string());
        if let (Some(words), Some(ctx)) = (words, &self.ctx) {
            ctx.copy_text(words);
        }
    }
}

impl eframe::App for GeobriefApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        GeobriefApp::ui(self, ui);
        window::open_asked_links(ui.ctx());
    }

    /// A clean close: the recovery copy of this session is no longer needed.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.remove_own_recovery_copy();
    }
}
