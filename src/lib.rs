//! Geobrief: a news article beside a schematic map of its places.
//!
//! Domain modules (`brief`, `editing`, `selection`, `basemap`, `map`,
//! `gazetteer`, `geoparse`, `compose`, `personal`, `recovery`, `export`,
//! `import`) know nothing of egui; `ui` draws them, returning [`Action`]s,
//! and `app` ties the two together. `fetch` is the one module that reaches
//! the network, and only when the reader asks for a web address.

pub mod action;
pub mod app;
pub mod basemap;
pub mod brief;
pub mod cli;
pub mod collect;
pub mod compose;
pub mod editing;
pub mod export;
pub mod fetch;
pub mod gazetteer;
pub mod geo;
pub mod geoparse;
pub mod import;
pub mod map;
pub mod not_taken;
pub mod open;
pub mod parallel;
pub mod paths;
pub mod personal;
pub mod problem;
pub mod recent;
pub mod recovery;
pub mod render;
pub mod screenshot;
pub mod search;
pub mod selection;
pub mod startup_probe;
pub mod timeline;
pub mod ui;

pub use action::Action;
pub use app::GeobriefApp;
