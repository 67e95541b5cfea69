//! Work that must not hold up a frame (reading and parsing files, finding
//! places, saving, recovery copies, exports) runs on worker threads. Each
//! job sends back what it made as a [`Done`]; the app takes those at the
//! start of a frame. A finished job wakes the window, so an idle app needs
//! no polling.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::brief::Brief;
use crate::brief::save::SaveError;
use crate::import::{ImportError, Imported};
use crate::recovery::Orphan;

/// What a finished job hands back.
pub enum Done {
    Opened {
        token: u64,
        path: PathBuf,
        result: Result<Brief, Vec<String>>,
    },
    Composed {
        token: u64,
        brief: Brief,
    },
    Refound {
        token: u64,
        what: String,
        brief: Brief,
    },
    NotTaken {
        token: u64,
        list: crate::not_taken::NotTakenList,
    },
    Saved {
        path: PathBuf,
        revision: u64,
        result: Result<(), SaveError>,
    },
    RecoveryWritten {
        revision: u64,
        result: Result<(), SaveError>,
    },
    RecoveryFound(Vec<Orphan>),
    Exported(Result<crate::render::Exported, String>),
    Imported {
        path: PathBuf,
        result: Result<Imported, ImportError>,
    },
    PersonalSaved(Result<(), SaveError>),
    /// A web page fetched and made into a brief, for the address asked.
    Fetched {
        token: u64,
        address: String,
        result: Result<Brief, Vec<String>>,
    },
    /// Articles read and their places found, for a new story or this brief.
    Collected {
        token: u64,
        /// Articles read, of all there were (fewer when Cancel stopped it).
        read: usize,
        total: usize,
        gathered: Gathered,
        problems: Vec<String>,
    },
}

/// What a worker that read articles hands back.
pub enum Gathered {
    /// A new story, already merged into its brief on the worker: merging
    /// thousands of articles and indexing their links takes a second or
    /// more, far longer than a frame. `None` when no article was read.
    NewStory(Option<Result<Box<Brief>, Vec<String>>>),
    /// Articles to add to the brief open, merged on the worker with a copy
    /// of the brief as it was when they were asked for.
    More(Box<MergedMore>),
}

/// Articles merged with a copy of the open brief: the edits that add them
/// (one undo step), for the brief in the state `version`. Should the brief
/// have changed since, the articles themselves are kept to merge again.
pub struct MergedMore {
    pub version: crate::brief::Version,
    pub edits: Vec<crate::brief::Edit>,
    pub collected: crate::collect::Collected,
}

/// The long job the reader waits for (opening, finding places), if any.
pub struct Busy {
    pub what: String,
    pub token: u64,
    /// How far a job over many articles has got ("Reading 312 of 8,400
    /// articles"); its Cancel stops it and keeps what it read.
    pub progress: Option<std::sync::Arc<crate::collect::Progress>>,
    /// Set by Cancel for a job that stops at once, its result dropped (a
    /// fetch).
    pub cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl Busy {
    /// The share of a job over many articles done, 0 to 1.
    pub fn fraction(&self) -> Option<f32> {
        let progress = self.progress.as_ref()?;
        let total = progress.total.load(std::sync::atomic::Ordering::Relaxed);
        let done = progress.done.load(std::sync::atomic::Ordering::Relaxed);
        (total > 0).then(|| done as f32 / total as f32)
    }

    /// What the reader is waiting for, as the panel says it now.
    pub fn describe(&self) -> String {
        match &self.progress {
            Some(progress) if progress.total.load(std::sync::atomic::Ordering::Relaxed) > 0 => {
                format!("{}…", progress.describe())
            }
            _ => self.what.clone(),
        }
    }
}

pub struct Jobs {
    tx: Sender<Done>,
    rx: Receiver<Done>,
    /// Jobs started and not yet taken back.
    running: usize,
    pub busy: Option<Busy>,
    last_token: u64,
    waker: Option<egui::Context>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            running: 0,
            busy: None,
            last_token: 0,
            waker: None,
        }
    }
}

impl Jobs {
    /// The window to wake when a job finishes.
    pub fn set_waker(&mut self, ctx: &egui::Context) {
        if self.waker.is_none() {
            self.waker = Some(ctx.clone());
        }
    }

    /// Runs `work` on a thread of its own.
    pub fn spawn(&mut self, work: impl FnOnce() -> Done + Send + 'static) {
        let tx = self.tx.clone();
        let waker = self.waker.clone();
        self.running += 1;
        let started = std::thread::Builder::new()
            .name("geobrief-job".into())
            .spawn(move || {
                let _ = tx.send(work());
                if let Some(ctx) = waker {
                    ctx.request_repaint();
                }
            });
        if started.is_err() {
            self.running -= 1;
        }
    }

    /// Marks the start of a job the reader waits for; its result carries the
    /// token, and a result with an older token (a cancelled or superseded
    /// job) is dropped.
    pub fn start_busy(&mut self, what: impl Into<String>) -> u64 {
        self.last_token += 1;
        self.busy = Some(Busy {
            what: what.into(),
            token: self.last_token,
            progress: None,
            cancel: None,
        });
        self.last_token
    }

    /// True if `token` is the job the reader is waiting for; ends the wait.
    pub fn finish_busy(&mut self, token: u64) -> bool {
        let current = self.busy.as_ref().is_some_and(|b| b.token == token);
        if current {
            self.busy = None;
        }
        current
    }

    pub fn cancel_busy(&mut self) {
        self.busy = None;
    }

    /// What finished since the last call.
    pub fn take_done(&mut self) -> Vec<Done> {
        let done: Vec<Done> = self.rx.try_iter().collect();
        self.running = self.running.saturating_sub(done.len());
        done
    }

    /// True while any job has not reported back.
    pub fn is_working(&self) -> bool {
        self.running > 0
    }
}
