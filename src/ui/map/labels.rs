//! The names on the map: what a label looks like for each kind of place, the
//! candidates a scene offers (its places' names, the map's own towns and
//! regions, seas), and their placement, where the less important label
//! gives way. A scene gathers the candidates; this file places them.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, Galley, Pos2, Rect, pos2};

use super::markers::marker_radius;
use super::screen::{screen_pos, screen_rect};
use crate::brief::PlaceKind;
use crate::map::ScreenRect;
use crate::map::labels::{LabelRequest, place_labels};
use crate::ui::theme::Palette;

#[derive(Clone)]
pub struct MapLabel {
    pub galley: Arc<Galley>,
    pub rect: Rect,
    /// The place it names (an index into the scene's places), if any:
    /// basemap labels name none.
    pub place: Option<usize>,
    /// A context label's name (a town, a division, a country), for screen readers.
    pub context_name: Option<String>,
    /// The dot of the town a context label names.
    pub dot: Option<Pos2>,
}

/// A name that may go on the map: its text laid out, where it wants to go,
/// and what it names.
pub struct LabelCandidate {
    pub galley: Arc<Galley>,
    pub request: LabelRequest,
    /// The place it names (an index into the scene's places), if any.
    pub place: Option<usize>,
    /// A context label's name, for screen readers.
    pub context_name: Option<String>,
    /// The dot of the town a context label names.
    pub dot: Option<Pos2>,
}

/// The candidates that fit, placed: the more important first, none over an
/// obstacle or another label, all inside `bounds`.
pub fn place_candidates(
    candidates: Vec<LabelCandidate>,
    obstacles: &[ScreenRect],
    bounds: Rect,
) -> Vec<MapLabel> {
    let requests: Vec<LabelRequest> = candidates.iter().map(|c| c.request.clone()).collect();
    let placed = place_labels(&requests, obstacles, &screen_rect(bounds));
    candidates
        .into_iter()
        .zip(placed)
        .filter_map(|(c, r)| {
            let r = r?;
            Some(MapLabel {
                galley: c.galley,
                rect: Rect::from_min_max(
                    pos2(r.min.x as f32, r.min.y as f32),
                    pos2(r.max.x as f32, r.max.y as f32),
                ),
                place: c.place,
                context_name: c.context_name,
                dot: c.dot,
            })
        })
        .collect()
}

/// Place names placed at most a frame; the most important go first.
pub const MAX_PLACE_LABELS: usize = 250;

pub fn label_job(
    text: &str,
    kind: Option<PlaceKind>,
    strong: bool,
    palette: &Palette,
) -> LayoutJob {
    let mut format = TextFormat::simple(FontId::proportional(12.5), palette.label);
    let text = match kind {
        Some(PlaceKind::Country) | None => {
            // A story country, or (`None`) a name of the map's own.
            let kind = kind.map_or(
                crate::map::layers::COUNTRY_TYPE,
                crate::map::layers::place_type,
            );
            format.font_id = FontId::proportional(kind.size_points as f32);
            format.extra_letter_spacing = kind.letter_spacing_points as f32;
            format.color = palette.country_label;
            text.to_uppercase()
        }
        Some(PlaceKind::Sea | PlaceKind::Region) => {
            format.italics = true;
            format.font_id = FontId::proportional(12.0);
            format.color = palette.sea_label;
            text.to_string()
        }
        _ => text.to_string(),
    };
    if strong {
        format.color = palette.label;
        format.background = palette.mention_selected;
    }
    LayoutJob::single_section(text, format)
}

/// Where a place's "+N" count goes (top right of its marker), about as big
/// as its digits in the count's 9.5-point type.
pub fn count_rect(anchor: Pos2, kind: PlaceKind, hides: usize) -> Rect {
    let r = marker_radius(kind);
    let digits = hides.max(1).ilog10() as f32 + 1.0;
    let size = egui::vec2(5.5 * (digits + 1.0), 12.0);
    Rect::from_min_size(anchor + egui::vec2(r + 1.0, -r - 1.0 - size.y), size)
}

pub fn centered_request(anchor: Pos2, galley: &Galley, rank: u32) -> LabelRequest {
    LabelRequest {
        anchor: screen_pos(anchor),
        width: f64::from(galley.size().x) + 4.0,
        height: f64::from(galley.size().y) + 2.0,
        gap: 0.0,
        rank,
        centered: true,
        dot_radius: 0.0,
    }
}

pub use crate::map::layers::kind_rank;
