//! Geobrief's integration tests, in one binary: every test binary links the
//! whole app with its embedded map and gazetteer, so one binary instead of
//! eight keeps a clean build small and quick.
#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail

mod common;

mod brief_format;
mod cli;
mod editing_ui;
mod edits;
mod export;
mod export_formats;
mod fetch;
mod files_ui;
mod geoparse_rules;
mod hostile;
mod import;
mod keyboard_ui;
mod layout_ui;
mod map_context;
mod sources;
mod story_ui;
mod ui;
mod web_page;
