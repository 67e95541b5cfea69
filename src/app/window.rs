//! The window: files dropped on it, text pasted outside a text field, a
//! close request with unsaved edits, and the title (which shows them).

use std::path::{Path, PathBuf};

use super::GeobriefApp;
use super::files::Deferred;
use crate::action::{Action, FileAction};
use crate::ui::dialogs::Dialog;

impl GeobriefApp {
    pub(super) fn window_events(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        let text_focused = ctx.text_edit_focused();
        let story = self.doc.brief().is_story();
        let mut pasted_into_story = None;
        ctx.input(|i| {
            let dropped: Vec<PathBuf> = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
            // A link dropped from a browser arrives, where the desktop gives
            // one at all, as an address instead of a file, or as a saved
            // shortcut (.url, .desktop, .webloc).
            let links: Vec<String> = i
                .raw
                .dropped_files
                .iter()
                .filter_map(|f| {
                    let path: &Path = f.path();
                    let named = path.to_string_lossy();
                    if crate::fetch::is_web_address(&named) {
                        return Some(named.into_owned());
                    }
                    crate::open::format::link_in_shortcut(path)
                })
                .collect();
            if let [address, ..] = links.as_slice() {
                actions.push(Action::File(FileAction::OpenLink(
                    address.trim().to_string(),
                )));
                return;
            }
            match dropped.as_slice() {
                [] => {}
                // One file opens; several make a story (or join the one open).
                [path] if !story => actions.push(Action::File(FileAction::Open(path.clone()))),
                _ => actions.push(Action::File(FileAction::AddArticles {
                    inputs: dropped
                        .into_iter()
                        .map(crate::collect::Input::Path)
                        .collect(),
                    new_story: !story,
                })),
            }
            if !text_focused && self.files.dialog.is_none() {
                for event in &i.events {
                    // A web address alone fetches its page: the paste is the
                    // reader's explicit act.
                    if let egui::Event::Paste(text) = event
                        && crate::fetch::is_web_address(text)
                    {
                        actions.push(Action::File(FileAction::OpenLink(text.trim().to_string())));
                        continue;
                    }
                    if let egui::Event::Paste(text) = event
                        && text.split_whitespace().count() >= 3
                    {
                        if story {
                            // A story gains the pasted article.
                            pasted_into_story = Some(text.clone());
                        } else {
                            actions.push(Action::File(FileAction::Paste(text.clone())));
                        }
                    }
                }
            }
        });
        if let Some(text) = pasted_into_story {
            self.add_pasted_article(text);
        }
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && self.doc.is_dirty() && !self.files.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.files.pending != Some(Deferred::Quit) {
                self.files.dialog = Some(Dialog::UnsavedEdits {
                    what: "Geobrief is closing.".into(),
                });
                self.files.pending = Some(Deferred::Quit);
            }
        }
        if self.files.quit_confirmed && !close_requested {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        actions
    }

    /// "• brief.json — Geobrief" while edits are unsaved.
    pub(super) fn show_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    pub fn window_title(&self) -> String {
        let mark = if self.doc.is_dirty() { "• " } else { "" };
        format!("{mark}{} — Geobrief", self.brief_name())
    }

    /// What the brief is called in the title and the top bar: its file's
    /// name, or, before it has one, its title ("Default brief" for the
    /// embedded one as it opens).
    pub fn brief_name(&self) -> String {
        match self.file.as_ref().and_then(|f| f.file_name()) {
            Some(f) => f.to_string_lossy().into_owned(),
            // A brief without a file that is not new work is the embedded one.
            None if !self.doc.is_dirty() => "Default brief (embedded)".to_string(),
            None => format!("{} (not saved yet)", self.brief().title()),
        }
    }

    /// A file name for a brief that has none: its title as a slug, in the
    /// folder of the file it came from, else the reader's Documents folder
    /// (or home).
    pub fn suggested_save_path(&self) -> PathBuf {
        if let Some(file) = &self.file {
            return file.with_extension("json");
        }
        let name = crate::brief::slug_id(self.brief().title(), |_| false);
        let name = if name == "place" {
            "brief".into()
        } else {
            name
        };
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let folder = home
            .as_ref()
            .map(|h| h.join("Documents"))
            .filter(|d| d.is_dir())
            .or(home)
            .unwrap_or_else(|| PathBuf::from("."));
        folder.join(format!("{name}.json"))
    }
}

/// Opens in the system browser the web addresses this frame asked to open
/// (a source's "Open in browser"): eframe is built without its own link
/// opener. The address goes to the desktop's opener as one argument (no
/// shell), and only an `http`/`https` address is ever handed over.
pub fn open_asked_links(ctx: &egui::Context) {
    let urls: Vec<String> = ctx.output(|o| {
        o.commands
            .iter()
            .filter_map(|c| match c {
                egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
                _ => None,
            })
            .collect()
    });
    for url in urls
        .into_iter()
        .filter(|u| crate::ui::place_card::is_web_address(u))
    {
        let opener = if cfg!(target_os = "macos") {
            std::process::Command::new("open").arg(&url).spawn()
        } else if cfg!(target_os = "windows") {
            std::process::Command::new("explorer").arg(&url).spawn()
        } else {
            std::process::Command::new("xdg-open").arg(&url).spawn()
        };
        if let Err(e) = opener {
            log_open_failure(&url, &e);
        }
    }
}

fn log_open_failure(url: &str, error: &std::io::Error) {
    eprintln!("geobrief: could not open {url} in a browser: {error}");
}
