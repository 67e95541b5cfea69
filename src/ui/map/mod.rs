//! The map widget. Its files import one way, in this order: `screen`
//! (between the map's numbers and egui's), `markers`, `basemap_layer`,
//! `context_labels`, `labels`, `scene` (where each place lands in a view),
//! then `paint`, `a11y` and `edit` (which use a scene), then `inset` and
//! `locator`, and last `view`, the widget that puts them together and keeps
//! what it built between frames in its `MapCache`.

pub mod a11y;
pub mod basemap_layer;
pub mod context_labels;
pub mod edit;
pub mod inset;
pub mod labels;
pub mod locator;
pub mod markers;
pub mod paint;
pub mod scene;
pub mod screen;
pub mod view;

pub use view::{MapCache, map_panel_ui, map_picture_ui};
