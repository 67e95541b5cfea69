//! Geobrief: a news article beside a schematic map of its places.
//!
//! Domain modules (`brief`, `basemap`, `map`) know nothing of egui; `ui`
//! draws them and `app` ties the two together.

pub mod app;
pub mod basemap;
pub mod brief;
pub mod cli;
pub mod compose;
pub mod gazetteer;
pub mod geoparse;
pub mod map;
pub mod open;
pub mod recent;
pub mod screenshot;
pub mod startup_probe;
pub mod ui;

pub use app::GeobriefApp;
