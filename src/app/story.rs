//! Stories of many articles in the app: File ▸ Story ▸ New story brief or
//! Add articles (files, a folder, a JSON Lines archive), several files
//! dropped at once, a paste into a story. The articles are read and their
//! places found on workers (`crate::collect`) while the window stays live
//! and says how far it has got; Cancel stops and keeps what was read. Added
//! articles are one step of Edit ▸ Undo.

use std::sync::Arc;

use super::GeobriefApp;
use super::jobs::{Done, Gathered, MergedMore};
use crate::brief::{Brief, Edit, Version};
use crate::collect::{
    Collected, Input, Progress, Settings, StoryBuilder, find_places, read_inputs_titled,
};
use crate::problem::Problem;

impl GeobriefApp {
    /// Reads `inputs` on workers: a new story of them, or more articles of
    /// the brief open.
    pub(super) fn collect_articles(&mut self, inputs: Vec<Input>, new_story: bool) {
        let what = if new_story {
            "Reading the story's articles…"
        } else {
            "Reading the articles to add…"
        };
        let token = self.jobs.start_busy(what);
        // Added articles are merged on the worker with the brief as it is
        // now, shared, not copied.
        let base = (!new_story).then(|| (self.doc.shared(), self.doc.version()));
        let progress = Arc::new(Progress::default());
        if let Some(busy) = &mut self.jobs.busy {
            busy.progress = Some(progress.clone());
        }
        let settings = Settings {
            personal: self.personal.clone(),
            publishers: self
                .paths
                .publishers()
                .and_then(|p| std::fs::read_to_string(p).ok())
                .and_then(|text| crate::geoparse::PublisherMemory::from_json(&text).ok())
                .unwrap_or_default(),
            ..Settings::default()
        };
        self.jobs.spawn(move || {
            let inputs_read = read_inputs_titled(&inputs);
            let collected = find_places(inputs_read.sources, &settings, &progress);
            let (read, total) = (collected.read(), collected.parts.len());
            let gathered = match base {
                None => Gathered::NewStory(
                    (read > 0).then(|| story_brief(collected, inputs_read.title)),
                ),
                Some((brief, version)) => Gathered::More(merged_more(collected, &brief, version)),
            };
            Done::Collected {
                token,
                read,
                total,
                gathered,
                problems: inputs_read.problems,
            }
        });
    }

    /// Adds a pasted article to the story open.
    pub(super) fn add_pasted_article(&mut self, text: String) {
        let settings = Settings {
            personal: self.personal.clone(),
            ..Settings::default()
        };
        let token = self
            .jobs
            .start_busy("Finding the places of the pasted article…");
        let progress = Arc::new(Progress::default());
        let clipboard = self.clipboard_html.clone();
        let (brief, version) = (self.doc.shared(), self.doc.version());
        self.jobs.spawn(move || {
            let source = crate::collect::ArticleSource {
                origin: "the clipboard".into(),
                content: crate::collect::Content::Text(super::paste::pasted_text_article(
                    &text, &clipboard,
                )),
            };
            let collected = find_places(vec![source], &settings, &progress);
            Done::Collected {
                token,
                read: collected.read(),
                total: collected.parts.len(),
                gathered: Gathered::More(merged_more(collected, &brief, version)),
                problems: Vec::new(),
            }
        });
    }

    pub(super) fn take_collected(
        &mut self,
        read: usize,
        total: usize,
        gathered: Gathered,
        problems: Vec<String>,
    ) {
        self.problems
            .extend(problems.into_iter().map(Problem::Open));
        if read < total {
            self.problems.push(Problem::Note(format!(
                "Stopped: {read} of {total} articles were read and kept."
            )));
        }
        let merged = match gathered {
            Gathered::NewStory(Some(made)) => {
                match made {
                    Ok(brief) => self.set_brief(*brief, None, false),
                    Err(errors) => self.problems.extend(errors.into_iter().map(Problem::Open)),
                }
                return;
            }
            Gathered::More(merged) if read > 0 => merged,
            Gathered::NewStory(None) | Gathered::More(_) => {
                self.problems.push(Problem::Note(
                    "No article could be read: nothing was added.".into(),
                ));
                return;
            }
        };
        let MergedMore {
            version,
            edits,
            collected,
        } = *merged;
        // The brief changed while the articles were read (rare: an edit
        // made meanwhile): merge them again with the brief as it is now.
        let edits = if version == self.doc.version() {
            edits
        } else {
            merge_edits(collected, self.doc.brief())
        };
        let first_new = self.doc.brief().article_count();
        let added = edits
            .iter()
            .filter(|e| matches!(e, Edit::InsertArticle { .. }))
            .count();
        let label = match added {
            1 => "add an article".to_string(),
            n => format!("add {n} articles"),
        };
        match self.doc.edit(label, Edit::Batch(edits)) {
            Ok(()) => {
                self.after_change(None);
                if let Some(id) = self
                    .doc
                    .brief()
                    .articles()
                    .get(first_new)
                    .map(|a| a.id.clone())
                {
                    self.apply(crate::action::Action::ShowArticle(id));
                }
            }
            Err(e) => self.problems.push(Problem::Edit(e)),
        }
    }
}

/// The edits that add `collected`'s articles, and the places and links they
/// bring, to `brief`.
fn merge_edits(collected: Collected, brief: &Brief) -> Vec<Edit> {
    let mut story = StoryBuilder::continuing(brief);
    collected.add_to(&mut story);
    story.new_edits(brief)
}

/// [`merge_edits`] on a worker, against the brief as it was in `version`;
/// the articles are kept in case the brief has moved on by the time it is
/// done.
fn merged_more(collected: Collected, brief: &Brief, version: Version) -> Box<MergedMore> {
    let edits = merge_edits(collected.clone(), brief);
    Box::new(MergedMore {
        version,
        edits,
        collected,
    })
}

/// A new story's brief of the articles read.
fn story_brief(collected: Collected, title: Option<String>) -> Result<Box<Brief>, Vec<String>> {
    let mut story = StoryBuilder::new(title);
    collected.add_to(&mut story);
    Brief::from_doc(story.finish())
        .map(Box::new)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}
