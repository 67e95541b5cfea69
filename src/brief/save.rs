//! Saving a brief without ever leaving a half-written file: the JSON goes to
//! a temporary file in the same folder, is flushed to disk, then renamed over
//! the old file in one step.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::BriefDoc;

/// Writes `doc` to `path` atomically. On error the old file is untouched.
pub fn save_brief(path: &Path, doc: &BriefDoc) -> Result<(), String> {
    let json = serde_json::to_string_pretty(doc).map_err(|e| format!("{}: {e}", path.display()))?;
    write_atomically(path, format!("{json}\n").as_bytes())
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |what: &str, e: std::io::Error| format!("{}: cannot {what}: {e}", path.display());
    let tmp = temp_path_beside(path);
    let mut file = std::fs::File::create(&tmp).map_err(|e| fail("create a temporary file", e))?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail("write", e));
    }
    drop(file);
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

    #[test]
    fn a_saved_brief_loads_back_the_same_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("geobrief-save-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("brief.json");
        let brief = Brief::default_brief();
        save_brief(&path, &brief.doc).unwrap();
        save_brief(&path, &brief.doc).unwrap();
        let again = parse_brief_file(&path).unwrap();
        assert_eq!(again.doc, brief.doc);
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name() != "brief.json")
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn saving_into_a_missing_folder_fails_with_the_path() {
        let path = Path::new("/nonexistent-geobrief-dir/brief.json");
        let error = save_brief(path, &Brief::default_brief().doc).unwrap_err();
        assert!(
            error.contains("/nonexistent-geobrief-dir/brief.json"),
            "{error}"
        );
    }
}
