//! Where Geobrief keeps the reader's files: the recent-files list (config),
//! the personal gazetteer and the recovery copies of unsaved work (data).
//! `GEOBRIEF_HOME` puts both in one folder (tests, portable use).

use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paths {
    pub config: Option<PathBuf>,
    pub data: Option<PathBuf>,
}

impl Paths {
    /// `$GEOBRIEF_HOME`, else the XDG folders (`~/.config/geobrief`,
    /// `~/.local/share/geobrief`).
    pub fn from_env() -> Self {
        if let Some(home) = std::env::var_os("GEOBRIEF_HOME") {
            return Self::in_dir(Path::new(&home));
        }
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let xdg = |var: &str, fallback: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .or_else(|| home.as_ref().map(|h| h.join(fallback)))
                .map(|d| d.join("geobrief"))
        };
        Self {
            config: xdg("XDG_CONFIG_HOME", ".config"),
            data: xdg("XDG_DATA_HOME", ".local/share"),
        }
    }

    /// Nothing on disk: recent files in memory, no personal gazetteer, no
    /// recovery copies (the headless tests and benchmarks).
    pub fn none() -> Self {
        Self::default()
    }

    /// Everything in one folder.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            config: Some(dir.to_path_buf()),
            data: Some(dir.to_path_buf()),
        }
    }

    pub fn recent_files(&self) -> Option<PathBuf> {
        self.config.as_ref().map(|d| d.join("recent.json"))
    }

    /// The reader's own gazetteer, a GeoJSON file anyone can open.
    pub fn personal_gazetteer(&self) -> Option<PathBuf> {
        self.data.as_ref().map(|d| d.join("my-places.geojson"))
    }

    /// What Geobrief learned of publishers' home regions (see
    /// `geoparse::PublisherMemory`).
    pub fn publishers(&self) -> Option<PathBuf> {
        self.data.as_ref().map(|d| d.join("publishers.json"))
    }

    pub fn recovery_dir(&self) -> Option<PathBuf> {
        self.data.as_ref().map(|d| d.join("recovery"))
    }
}
