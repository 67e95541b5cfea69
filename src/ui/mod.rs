//! Everything that draws. Each panel draws from the app's state and returns
//! actions; none of it holds domain logic.

pub mod article;
pub mod basemap_layer;
pub mod context_labels;
pub mod dialogs;
pub mod inset;
pub mod keys;
pub mod locator;
pub mod map_paint;
pub mod map_places_a11y;
pub mod map_scene;
pub mod map_view;
pub mod markers;
pub mod place_panel;
pub mod problems;
pub mod theme;
pub mod top_bar;
pub mod where_line;
