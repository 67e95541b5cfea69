//! Marker symbols: the shape says what a place is (a naval facility, an air
//! base, a capital, a city), so the map reads without colour.

use egui::{Color32, Pos2, Shape, Stroke, vec2};

use crate::brief::PlaceKind;
use crate::timeline::Compared;
use crate::ui::theme::Palette;

/// Radius of a marker in points, for hit testing and label gaps.
pub fn marker_radius(kind: PlaceKind) -> f32 {
    crate::map::layers::marker_radius_points(kind) as f32
}

/// Whether a place of this kind is drawn as a marker (rather than as a
/// label, a tinted country or an outlined area).
pub fn has_marker(kind: PlaceKind) -> bool {
    kind.has_marker()
}

pub fn marker_shapes(center: Pos2, kind: PlaceKind, palette: &Palette) -> Vec<Shape> {
    weighted_marker_shapes(center, kind, palette, 1.0, None)
}

/// The colour of a side of a comparison, the same in both themes: blue
/// for the first side only, orange for the second only, purple for both.
pub fn compared_color(compared: Compared) -> Color32 {
    match compared {
        Compared::OnlyA => Color32::from_rgb(0x2b, 0x6c, 0xb0),
        Compared::OnlyB => Color32::from_rgb(0xdd, 0x6b, 0x20),
        Compared::Both => Color32::from_rgb(0x80, 0x4f, 0xc8),
    }
}

/// A marker shaded by `weight` (0 to 1): a place a time range names in
/// few of its articles is paler than one it names in many.
pub fn weighted_marker_shapes(
    center: Pos2,
    kind: PlaceKind,
    palette: &Palette,
    weight: f32,
    compared: Option<Compared>,
) -> Vec<Shape> {
    let r = marker_radius(kind);
    let base = compared.map_or(palette.marker, compared_color);
    let fill = base.gamma_multiply(0.35 + 0.65 * weight.clamp(0.0, 1.0));
    let outline = Stroke::new(1.5, palette.marker_outline);
    match kind {
        PlaceKind::NavalBase => {
            // A diamond with an anchor's cross-bar: the usual port symbol.
            let pts = vec![
                center + vec2(0.0, -r),
                center + vec2(r, 0.0),
                center + vec2(0.0, r),
                center + vec2(-r, 0.0),
            ];
            vec![
                Shape::convex_polygon(pts, fill, outline),
                Shape::line_segment(
                    [center + vec2(-r * 0.45, 0.0), center + vec2(r * 0.45, 0.0)],
                    Stroke::new(1.5, palette.marker_outline),
                ),
                Shape::line_segment(
                    [center + vec2(0.0, -r * 0.5), center + vec2(0.0, r * 0.5)],
                    Stroke::new(1.5, palette.marker_outline),
                ),
            ]
        }
        PlaceKind::AirBase => {
            // A triangle pointing up: the aerodrome symbol of locator maps.
            let pts = vec![
                center + vec2(0.0, -r * 1.1),
                center + vec2(r, r * 0.75),
                center + vec2(-r, r * 0.75),
            ];
            vec![Shape::convex_polygon(pts, fill, outline)]
        }
        PlaceKind::Capital => vec![
            Shape::circle_filled(center, r, palette.marker_outline),
            Shape::circle_stroke(center, r - 0.5, Stroke::new(1.5, fill)),
            Shape::circle_filled(center, r * 0.5, fill),
        ],
        _ => vec![
            Shape::circle_filled(center, r, fill),
            Shape::circle_stroke(center, r, outline),
        ],
    }
}

/// The halo a selected (or hovered) place wears.
pub fn halo_shape(center: Pos2, radius: f32, color: Color32) -> Shape {
    Shape::circle_stroke(center, radius, Stroke::new(4.0, color))
}
