//! Saving a brief without ever leaving a half-written file: the JSON goes to
//! a temporary file in the same folder, is flushed to disk, then renamed over
//! the old file in one step. If anything fails on the way, the old file is
//! untouched and the temporary file removed.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::BriefDoc;

/// Why a file could not be written. The old file, if any, is intact.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot {what}: {reason}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub what: &'static str,
    pub reason: String,
}

/// Writes `doc` to `path` atomically.
pub fn save_brief(path: &Path, doc: &BriefDoc) -> Result<(), SaveError> {
    write_atomically_with(path, |out| {
        serde_json::to_writer_pretty(&mut *out, doc).map_err(std::io::Error::other)?;
        out.write_all(b"\n")
    })
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Writes whatever `fill` writes to `path` atomically: a temporary file
/// beside it, flushed and synced, then renamed over it.
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |what: &'static str, e: std::io::Error| SaveError {
        path: path.to_path_buf(),
        what,
        reason: e.to_string(),
    };
    let tmp = temp_path_beside(path);
    let file = std::fs::File::create(&tmp).map_err(|e| fail("create a temporary file", e))?;
    let mut out = std::io::BufWriter::new(file);
    let written = fill(&mut out)
        .and_then(|()| out.flush())
        .and_then(|()| out.get_ref().sync_all());
    drop(out);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail("write", e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail("replace the file", e)
    })
}

fn temp_path_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "brief".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Brief, parse_brief_file};

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("geobrief-save-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn others_in(dir: &Path, keep: &str) -> Vec<std::ffi::OsString> {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .filter(|n| n != keep)
            .collect()
    }

    #[test]
    fn a_saved_brief_loads_back_the_same_and_leaves_no_temporary_file() {
        let dir = temp_dir("roundtrip");
        let path = dir.join("brief.json");
        let brief = Brief::default_brief();
        save_brief(&path, &brief.to_doc()).unwrap();
        save_brief(&path, &brief.to_doc()).unwrap();
        let again = parse_brief_file(&path).unwrap();
        assert_eq!(again.to_doc(), brief.to_doc());
        assert!(others_in(&dir, "brief.json").is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn saving_into_a_missing_folder_fails_with_the_path() {
        let path = Path::new("/nonexistent-geobrief-dir/brief.json");
        let error = save_brief(path, &Brief::default_brief().to_doc()).unwrap_err();
        let text = error.to_string();
        assert!(
            text.contains("/nonexistent-geobrief-dir/brief.json"),
            "{text}"
        );
    }

    #[test]
    fn a_write_that_fails_midway_leaves_the_old_file_intact_and_no_temporary() {
        let dir = temp_dir("midway");
        let path = dir.join("brief.json");
        std::fs::write(&path, b"the old brief").unwrap();
        let error = write_atomically_with(&path, |out| {
            out.write_all(b"half of the new ")?;
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(error.to_string().contains("disk full"), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), b"the old brief");
        assert!(others_in(&dir, "brief.json").is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_that_cannot_take_files_refuses_the_save_with_its_reason() {
        // A path below a plain file: no user, not even root, can create there.
        let dir = temp_dir("notdir");
        let blocker = dir.join("not-a-folder");
        std::fs::write(&blocker, b"x").unwrap();
        let error = save_brief(
            &blocker.join("brief.json"),
            &Brief::default_brief().to_doc(),
        )
        .unwrap_err();
        assert_eq!(error.what, "create a temporary file");
        assert!(
            error.to_string().contains("not-a-folder/brief.json"),
            "{error}"
        );
        assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
