//! How the window is shared between the article (left), the map (middle)
//! and the side panel of place card and list (right). The map always keeps
//! at least a third of the width: below about 1,000 points the side panel
//! folds away (a button in the top bar opens it again) and the article
//! narrows before the map does; on a wide screen the article and the map
//! grow with the window. Widths are kept as shares of the window, so a
//! resized window keeps its proportions, and a panel the reader drags keeps
//! the share they gave it.

/// The smallest share of the window the map is given.
pub const MAP_MIN_SHARE: f32 = 1.0 / 3.0;
/// Below this window width the side panel starts folded.
pub const SIDE_PANEL_OPEN_FROM: f32 = 1000.0;

const ARTICLE_MIN: f32 = 250.0;
const SEPARATORS: f32 = 8.0;
const ARTICLE_MAX: f32 = 760.0;
const SIDE_MIN: f32 = 270.0;
const SIDE_MAX: f32 = 420.0;

/// What the reader chose (or the defaults): each panel's share of the
/// window, and whether the side panel is open (`None`: by window size).
#[derive(Clone, Debug, PartialEq)]
pub struct PanelShares {
    pub article: f32,
    pub side: f32,
    pub side_open: Option<bool>,
}

impl Default for PanelShares {
    fn default() -> Self {
        Self {
            article: 0.34,
            side: 0.24,
            side_open: None,
        }
    }
}

/// One panel's width this frame, and how far the reader may drag it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelWidth {
    pub width: f32,
    pub min: f32,
    pub max: f32,
}

/// The widths of one frame; `side` is `None` when the side panel is folded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelPlan {
    pub article: PanelWidth,
    pub side: Option<PanelWidth>,
}

impl PanelShares {
    pub fn side_is_open(&self, window_width: f32) -> bool {
        self.side_open
            .unwrap_or(window_width >= SIDE_PANEL_OPEN_FROM)
    }

    /// The panels' widths in a window `window_width` points wide.
    pub fn plan(&self, window_width: f32) -> PanelPlan {
        let w = window_width.max(1.0);
        // A few points go to the panels' separators and resize handles.
        let for_panels = w * (1.0 - MAP_MIN_SHARE) - SEPARATORS;
        let side = self.side_is_open(w).then(|| {
            // The side panel leaves the article its minimum, then gives way.
            let max = (for_panels - ARTICLE_MIN).clamp(SIDE_MIN.min(for_panels * 0.45), SIDE_MAX);
            let min = SIDE_MIN.min(max);
            PanelWidth {
                width: (self.side * w).clamp(min, max),
                min,
                max,
            }
        });
        let left = for_panels - side.map_or(0.0, |s| s.width);
        let max = left.clamp(ARTICLE_MIN.min(left), ARTICLE_MAX);
        let min = ARTICLE_MIN.min(max);
        PanelPlan {
            article: PanelWidth {
                width: (self.article * w).clamp(min, max),
                min,
                max,
            },
            side,
        }
    }
}

/// A panel's planned width and the share it updates when dragged.
pub struct Sizing<'a> {
    pub plan: PanelWidth,
    pub share: &'a mut f32,
    pub window_width: f32,
}

/// Shows `panel` at the planned width and returns its contents' result.
/// The width the reader drags it to becomes its new share of the window.
pub fn show_planned<R>(
    ui: &mut egui::Ui,
    panel: egui::Panel,
    id_salt: &str,
    sizing: Sizing,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let Sizing {
        plan,
        share,
        window_width,
    } = sizing;
    // egui keeps a panel's width in its memory: the plan is written there,
    // so a panel follows the window as it is resized.
    let id = ui.scope_id().with(id_salt);
    let state = egui::containers::panel::PanelState::load(ui.ctx(), id);
    let dragging = ui
        .ctx()
        .read_response(id.with("__resize"))
        .is_some_and(|r| r.dragged());
    if !dragging && state.is_none_or(|s| (s.size().x - plan.width).abs() > 0.5) {
        let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(plan.width, 1.0));
        ui.ctx().data_mut(|d| {
            d.insert_persisted(id, egui::containers::panel::PanelState { outer_rect: rect });
        });
    }
    let response = panel
        .resizable(true)
        .size_range(plan.min..=plan.max)
        .default_size(plan.width)
        .show(ui, add_contents);
    // The edge is a Tab stop (the arrows resize it): show it when it has the focus.
    let handle = id.with("__resize");
    if ui.ctx().memory(|m| m.has_focus(handle))
        && let Some(edge) = ui.ctx().read_response(handle)
    {
        ui.painter().rect_filled(
            edge.rect.shrink2(egui::vec2(1.0, 0.0)),
            1.0,
            ui.visuals().selection.stroke.color,
        );
    }
    let drawn = response.response.rect.width();
    if dragging && (drawn - plan.width).abs() > 0.5 {
        *share = drawn / window_width.max(1.0);
    }
    response.inner
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_width(window: f32, plan: &PanelPlan) -> f32 {
        window - plan.article.width - plan.side.map_or(0.0, |s| s.width)
    }

    #[test]
    fn the_map_keeps_a_third_of_the_window_down_to_800_points() {
        for window in [800.0, 900.0, 1024.0, 1280.0, 1440.0, 1920.0, 2560.0] {
            for side_open in [None, Some(true), Some(false)] {
                let shares = PanelShares {
                    side_open,
                    ..PanelShares::default()
                };
                let plan = shares.plan(window);
                let map = map_width(window, &plan);
                assert!(
                    map >= window / 3.0 - 0.5,
                    "{window}: map {map} of {window} with {plan:?}"
                );
            }
        }
    }

    #[test]
    fn the_side_panel_folds_in_a_small_window_and_opens_in_a_large_one() {
        let shares = PanelShares::default();
        assert!(shares.plan(800.0).side.is_none());
        assert!(shares.plan(1024.0).side.is_some());
        let opened = PanelShares {
            side_open: Some(true),
            ..shares
        };
        assert!(opened.plan(800.0).side.is_some(), "the reader can open it");
    }

    #[test]
    fn a_wide_window_gives_its_room_to_the_article_and_the_map() {
        let shares = PanelShares::default();
        let narrow = shares.plan(1280.0);
        let wide = shares.plan(1920.0);
        assert!(wide.article.width > narrow.article.width + 150.0);
        let side = |p: &PanelPlan| p.side.map_or(0.0, |s| s.width);
        assert!(side(&wide) - side(&narrow) < 150.0);
        assert!(map_width(1920.0, &wide) > map_width(1280.0, &narrow) + 250.0);
    }

    #[test]
    fn a_dragged_share_stays_within_what_leaves_the_map_its_third() {
        let shares = PanelShares {
            article: 0.9,
            side: 0.5,
            side_open: Some(true),
        };
        let plan = shares.plan(1280.0);
        assert!(map_width(1280.0, &plan) >= 1280.0 / 3.0 - 0.5);
        assert!(plan.article.width <= plan.article.max);
    }
}
