//! Recovery copies of unsaved work. While a brief has unsaved edits, the app
//! writes it (on a worker thread, a few seconds after a change) to
//! `recovery/unsaved-<pid>.json` in the data folder; a clean close removes
//! the copy. A copy whose process is gone means Geobrief did not close
//! cleanly: the next start offers it back.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::brief::save::{SaveError, write_atomically_with};
use crate::brief::{Brief, BriefDoc};

const FORMAT: &str = "geobrief-recovery/1";

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    pid: u32,
    /// Which app of that process wrote it (a process may run several, as
    /// tests do).
    session: u64,
    /// The brief's own file, if it had one.
    file: Option<&'a Path>,
    /// Seconds since 1970 when the copy was written.
    written: u64,
    brief: &'a BriefDoc,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    format: String,
    pid: u32,
    #[serde(default)]
    session: u64,
    file: Option<PathBuf>,
    written: u64,
    brief: BriefDoc,
}

/// A copy left behind by a Geobrief that did not close cleanly.
#[derive(Clone, Debug)]
pub struct Orphan {
    pub path: PathBuf,
    pub file: Option<PathBuf>,
    pub written_unix_secs: u64,
    pub brief: Brief,
}

impl Orphan {
    /// "brief.json, 12 minutes ago" or "an unnamed brief, …".
    pub fn describe(&self, now_unix_secs: u64) -> String {
        let name = self.file.as_ref().and_then(|f| f.file_name()).map_or_else(
            || format!("an unsaved brief (“{}”)", self.brief.title()),
            |n| n.to_string_lossy().into_owned(),
        );
        let minutes = now_unix_secs.saturating_sub(self.written_unix_secs) / 60;
        let when = match minutes {
            0 => "less than a minute ago".to_string(),
            1 => "a minute ago".to_string(),
            m if m < 120 => format!("{m} minutes ago"),
            m => format!("{} hours ago", m / 60),
        };
        format!("{name}, last changed {when}")
    }
}

/// The copy a session writes.
pub fn copy_path(dir: &Path, session: Session) -> PathBuf {
    dir.join(format!("unsaved-{}-{}.json", session.pid, session.id))
}

/// One running app: its process and its number within that process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    pub pid: u32,
    pub id: u64,
}

static LIVE_SESSIONS: std::sync::Mutex<Vec<u64>> = std::sync::Mutex::new(Vec::new());

impl Session {
    /// A new session of this process, live until [`Session::end`].
    pub fn start() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Ok(mut live) = LIVE_SESSIONS.lock() {
            live.push(id);
        }
        Self {
            pid: std::process::id(),
            id,
        }
    }

    /// The session is over: cleanly closed or gone (its copy, if any, is
    /// an orphan from now on).
    pub fn end(self) {
        if let Ok(mut live) = LIVE_SESSIONS.lock() {
            live.retain(|&s| s != self.id);
        }
    }

    /// Whether the session that wrote a copy is still running.
    pub fn is_running(pid: u32, id: u64) -> bool {
        if pid == std::process::id() {
            LIVE_SESSIONS.lock().is_ok_and(|live| live.contains(&id))
        } else {
            geobrief_is_running(pid)
        }
    }
}

pub fn now_unix_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Writes a session's recovery copy of `doc`, atomically.
pub fn write_copy(
    dir: &Path,
    session: Session,
    file: Option<&Path>,
    doc: &BriefDoc,
) -> Result<(), SaveError> {
    std::fs::create_dir_all(dir).map_err(|e| SaveError {
        path: dir.to_path_buf(),
        what: "create the recovery folder",
        reason: e.to_string(),
    })?;
    let envelope = EnvelopeOut {
        format: FORMAT,
        pid: session.pid,
        session: session.id,
        file,
        written: now_unix_secs(),
        brief: doc,
    };
    write_atomically_with(&copy_path(dir, session), |out| {
        serde_json::to_writer(out, &envelope).map_err(std::io::Error::other)
    })
}

/// Removes a recovery copy (this process's after a clean close or a save,
/// or an orphan the reader recovered or discarded).
pub fn remove_copy(path: &Path) {
    let _ = std::fs::remove_file(path);
}

/// The copies in `dir` whose session is no longer running, newest first.
/// Copies that cannot be read are skipped (and left for the reader to see).
pub fn orphans(dir: &Path, is_running: impl Fn(u32, u64) -> bool) -> Vec<Orphan> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Orphan> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("unsaved-") && n.ends_with(".json"))
        })
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            let envelope: EnvelopeIn = serde_json::from_slice(&bytes).ok()?;
            if envelope.format != FORMAT || is_running(envelope.pid, envelope.session) {
                return None;
            }
            let brief = Brief::from_doc(envelope.brief).ok()?;
            Some(Orphan {
                path,
                file: envelope.file,
                written_unix_secs: envelope.written,
                brief,
            })
        })
        .collect();
    found.sort_by_key(|o| std::cmp::Reverse(o.written_unix_secs));
    found
}

/// Whether a Geobrief with this process id is running now (Linux reads
/// `/proc`; elsewhere every other process counts as gone).
pub fn geobrief_is_running(pid: u32) -> bool {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .is_ok_and(|cmd| String::from_utf8_lossy(&cmd).contains("geobrief"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("geobrief-rec-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn gone() -> Session {
        Session {
            pid: 4_000_000_000,
            id: 7,
        }
    }

    #[test]
    fn a_copy_of_a_session_that_is_gone_is_offered_back_with_its_file_name() {
        let dir = temp_dir("gone");
        let brief = Brief::default_brief();
        write_copy(
            &dir,
            gone(),
            Some(Path::new("/x/brief.json")),
            &brief.to_doc(),
        )
        .unwrap();
        let found = orphans(&dir, Session::is_running);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].brief.to_json(), brief.to_json());
        assert_eq!(found[0].file.as_deref(), Some(Path::new("/x/brief.json")));
        assert!(
            found[0]
                .describe(now_unix_secs())
                .starts_with("brief.json, last changed")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_copy_of_a_running_session_is_not_offered_until_it_ends() {
        let dir = temp_dir("running");
        let session = Session::start();
        write_copy(&dir, session, None, &Brief::default_brief().to_doc()).unwrap();
        assert!(orphans(&dir, Session::is_running).is_empty());
        session.end();
        assert_eq!(orphans(&dir, Session::is_running).len(), 1);
        remove_copy(&copy_path(&dir, session));
        assert!(orphans(&dir, Session::is_running).is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
