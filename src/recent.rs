//! The recent-files list, kept in a small JSON file in the user's config
//! folder. It is a convenience: if it cannot be read or written, the app goes
//! on without it.

use std::path::{Path, PathBuf};

const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecentFiles {
    pub paths: Vec<PathBuf>,
    /// Where the list lives; `None` keeps it in memory only (tests).
    store: Option<PathBuf>,
}

impl RecentFiles {
    pub fn load(store: &Path) -> Self {
        let paths = std::fs::read_to_string(store)
            .ok()
            .and_then(|text| serde_json::from_str::<Vec<PathBuf>>(&text).ok())
            .unwrap_or_default();
        Self {
            paths,
            store: Some(store.to_path_buf()),
        }
    }

    /// Puts `path` first and saves the list.
    pub fn push(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|p| p != &path);
        self.paths.insert(0, path);
        self.paths.truncate(MAX_RECENT);
        self.save();
    }

    fn save(&self) {
        let Some(store) = &self.store else { return };
        if let Some(dir) = store.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(json) = serde_json::to_string_pretty(&self.paths) {
            let _ = crate::brief::save::write_atomically(store, json.as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_recent_file_comes_first_and_is_listed_once() {
        let dir = std::env::temp_dir().join(format!("geobrief-recent-{}", std::process::id()));
        let store = dir.join("recent.json");
        let mut recent = RecentFiles::load(&store);
        recent.push(Path::new("/a.json"));
        recent.push(Path::new("/b.json"));
        recent.push(Path::new("/a.json"));
        assert_eq!(
            RecentFiles::load(&store).paths,
            [PathBuf::from("/a.json"), PathBuf::from("/b.json")]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
