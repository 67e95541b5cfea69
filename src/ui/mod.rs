//! Everything that draws. Each panel draws from borrowed state (a
//! [`Reading`] of the brief and the selection, plus its own view state) and
//! returns actions; none of it holds domain logic or touches the app.

pub mod article;
pub mod article_list;
mod article_view;
pub mod dialogs;
pub mod find;
pub mod keys;
pub mod layout;
pub mod link_words;
pub mod map;
pub mod place_card;
pub mod place_panel;
pub mod problems;
pub mod text_layout;
pub mod theme;
pub mod timeline;
pub mod top_bar;
pub mod where_line;

use crate::brief::{Brief, PlaceId};
use crate::map::memory::Gesture;
use crate::selection::Selection;

/// What every panel reads: the brief and what the reader has selected.
pub struct Reading<'a> {
    pub brief: &'a Brief,
    /// The article the reading panel shows.
    pub article: &'a crate::brief::StoryArticle,
    /// A story's time range, if the reader has set one.
    pub filter: Option<&'a std::sync::Arc<crate::timeline::TimeFilter>>,
    /// Two sides of a story compared, if the reader compares.
    pub compare: Option<&'a std::sync::Arc<crate::timeline::Comparison>>,
    pub selection: &'a Selection,
    pub hovered: Option<&'a PlaceId>,
    /// The article scrolls to the current mention this frame.
    pub scroll_to_mention: bool,
    /// The article scrolls to the selected words this frame (a find).
    pub scroll_to_words: bool,
    /// A long job the reader waits for ("Finding places…").
    pub busy: Option<&'a str>,
    /// How much of it is done, where that is known (0 to 1).
    pub busy_done: Option<f32>,
    /// A gesture in progress on the map.
    pub gesture: Option<&'a Gesture>,
}

/// A button whose text leans on a glyph ("Next ›", "▶ Play") and whose
/// name for a screen reader says it in words ("Next article").
pub fn button_named(ui: &mut egui::Ui, enabled: bool, text: &str, name: &str) -> egui::Response {
    let response = ui.add_enabled(enabled, egui::Button::new(text));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name));
    response
}

/// A number that changes whenever egui empties its font atlas (when it has
/// filled up, or the text options changed): galleys kept across frames point
/// into the old atlas then and must be laid out again.
pub fn font_epoch(ctx: &egui::Context) -> u64 {
    let id = egui::Id::unique("geobrief font epoch");
    let ratio = ctx.fonts(|f| f.font_atlas_fill_ratio());
    ctx.data_mut(|d| {
        let (last, epoch) = d.get_temp::<(f32, u64)>(id).unwrap_or((ratio, 0));
        let epoch = if ratio < last { epoch + 1 } else { epoch };
        d.insert_temp(id, (ratio, epoch));
        epoch
    })
}

/// What the panels keep between frames: layouts, caches and text being
/// typed. Replaced with a fresh one when another brief opens.
#[derive(Default)]
pub struct Views {
    pub article: article::ArticleView,
    pub articles: article_list::ArticleListState,
    pub timeline: timeline::TimelineDrafts,
    pub find: find::FindState,
    pub places: place_panel::PlacePanelState,
    pub map: map::MapCache,
}
