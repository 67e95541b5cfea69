//! Painting a map scene: sea, land, the story's areas, halos, markers and
//! labels, in that order.

use egui::{Pos2, Rect, Shape, Stroke, vec2};

use super::basemap_layer::BasemapLayer;
use super::map_scene::MapScene;
use super::markers::{halo_shape, has_marker, marker_radius, marker_shapes};
use super::theme::Palette;
use crate::map::triangulate::triangulate_ring;
use crate::map::world_context::WorldContext;

/// Paints the scene: sea, land, story areas, halos, markers, labels.
pub fn paint_scene(
    ui: &egui::Ui,
    scene: &MapScene,
    layer: &mut BasemapLayer,
    inset_extent: Option<Rect>,
) {
    if ui.ctx().cumulative_frame_nr() > 0 {
        // After the first frame is on screen, so it never waits for this.
        let ctx = ui.ctx().clone();
        WorldContext::load_in_background(move || ctx.request_repaint());
    }
    let painter = ui.painter_at(scene.rect);
    let palette = scene.palette;
    painter.rect_filled(scene.rect, 0.0, palette.sea);
    let shapes = layer.shapes(
        &scene.camera,
        scene.rect,
        palette,
        scene.dark,
        scene.tints(),
        scene.pixels_per_point,
    );
    painter.extend(shapes.iter().cloned());
    for p in &scene.places {
        if let Some(ring) = &p.ring {
            paint_area(
                &painter,
                ring,
                p.shape.as_deref(),
                p.approximate,
                palette,
                scene.selected.as_ref() == Some(&p.id) || scene.hovered.as_ref() == Some(&p.id),
            );
        }
    }
    if let Some(extent) = inset_extent {
        painter.rect_stroke(
            extent,
            2.0,
            Stroke::new(1.2, palette.label),
            egui::StrokeKind::Outside,
        );
    }
    for p in &scene.places {
        let radius = marker_radius(p.kind) + 6.0;
        let halo_at = |color| {
            if has_marker(p.kind) || p.ring.is_some() {
                painter.add(halo_shape(p.anchor, radius, color));
            }
        };
        if scene.selected.as_ref() == Some(&p.id) {
            halo_at(palette.halo);
        } else if scene.hovered.as_ref() == Some(&p.id) {
            halo_at(palette.hover_halo);
        }
    }
    for p in scene.places.iter().filter(|p| has_marker(p.kind)) {
        painter.extend(marker_shapes(p.anchor, p.kind, palette));
        if p.hides > 0 {
            // A marker standing for others where they crowd says how many.
            painter.text(
                p.anchor + vec2(marker_radius(p.kind) + 1.0, -marker_radius(p.kind) - 1.0),
                egui::Align2::LEFT_BOTTOM,
                format!("+{}", p.hides),
                egui::FontId::proportional(9.5),
                palette.label,
            );
        }
    }
    for label in &scene.labels {
        if let Some(dot) = label.dot {
            painter.circle_filled(dot, 2.2, palette.town_label);
        }
        if label.place.is_some() {
            painter.rect_filled(label.rect, 3.0, palette.label_halo);
        }
        painter.galley(
            label.rect.min + vec2(2.0, 1.0),
            label.galley.clone(),
            palette.label,
        );
    }
}

/// An area: its fill (from triangles made once per shape, or for a ring
/// being reshaped, now) and its outline, dashed when approximate.
fn paint_area(
    painter: &egui::Painter,
    ring: &[Pos2],
    shape: Option<&crate::map::area_shapes::AreaShape>,
    approximate: bool,
    palette: &Palette,
    lit: bool,
) {
    let mut mesh = egui::Mesh::default();
    let fill = if lit {
        palette.area_fill.gamma_multiply(1.8)
    } else {
        palette.area_fill
    };
    for p in ring {
        mesh.colored_vertex(*p, fill);
    }
    match shape {
        Some(shape) => {
            for t in &shape.triangles {
                mesh.add_triangle(t[0], t[1], t[2]);
            }
        }
        None => {
            let points: Vec<(f64, f64)> = ring
                .iter()
                .map(|p| (f64::from(p.x), f64::from(p.y)))
                .collect();
            for t in triangulate_ring(&points) {
                mesh.add_triangle(t[0] as u32, t[1] as u32, t[2] as u32);
            }
        }
    }
    painter.add(Shape::mesh(mesh));
    let stroke = Stroke::new(if lit { 2.2 } else { 1.5 }, palette.area_stroke);
    if approximate {
        painter.extend(Shape::dashed_line(ring, stroke, 6.0, 4.0));
    } else {
        painter.add(Shape::closed_line(ring.to_vec(), stroke));
    }
}
