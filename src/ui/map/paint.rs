//! Painting a map scene: sea, land, the story's areas, halos, markers and
//! labels, in that order.

use std::sync::Arc;

use egui::epaint::Tessellator;
use egui::{Mesh, Pos2, Rect, Shape, Stroke, vec2};

use super::basemap_layer::BasemapLayer;
use super::markers::{halo_shape, has_marker, marker_radius, weighted_marker_shapes};
use super::scene::{MapScene, PlaceOnScreen, SceneMemo};
use crate::brief::PlaceId;
use crate::map::triangulate::triangulate_ring;
use crate::map::world_context::WorldContext;
use crate::ui::theme::Palette;

/// Paints the scene: sea, land, story areas, halos, markers, labels. The
/// story's places are tessellated once per scene (`PlacesPainted`); a frame
/// adds their two meshes and the hovered place's halo between them.
pub fn paint_scene(
    ui: &egui::Ui,
    scene: &MapScene,
    hovered: Option<&PlaceId>,
    layer: &mut BasemapLayer,
    inset_extent: Option<Rect>,
    memo: &mut SceneMemo<PlacesPainted>,
) {
    if ui.ctx().cumulative_frame_nr() > 0 {
        // After the first frame is on screen, so it never waits for this.
        let ctx = ui.ctx().clone();
        WorldContext::load_in_background(move || ctx.request_repaint());
    }
    let painter = ui.painter_at(scene.rect);
    let palette = scene.palette;
    painter.rect_filled(scene.rect, 0.0, palette.sea);
    // The basemap is built with the story's tints; a country lit by the
    // pointer is laid over it, half see-through so its lines show.
    let (shapes, offset) = layer.shapes(
        &scene.camera,
        scene.rect,
        palette,
        scene.dark,
        scene.tints(None),
        scene.pixels_per_point,
    );
    add_meshes(&painter, shapes.iter().cloned(), offset, 1);
    if let Some(country) = scene.hovered_country(hovered) {
        let (lit, offset) = layer.lit_country(country, palette.mention_hovered.gamma_multiply(0.6));
        add_meshes(&painter, lit.iter().cloned(), offset, 4);
    }
    let painted = painted_places(ui, scene, inset_extent, memo);
    let below = Shape::Mesh(painted.below.clone());
    add_meshes(&painter, [below], painted.offset, 2);
    if let Some(p) = hovered
        .filter(|id| scene.selected.as_ref() != Some(*id))
        .and_then(|id| scene.places.iter().find(|p| &p.id == id))
    {
        paint_hover(&painter, p, palette);
    }
    let above = Shape::Mesh(painted.above.clone());
    add_meshes(&painter, [above], painted.offset, 3);
    let texts = Shape::Mesh(painted.texts_mesh(ui.ctx()));
    add_meshes(&painter, [texts], painted.offset, 5);
}

/// The scene's places as meshes: made at its first paint, or moved from the
/// scene it was moved from.
fn painted_places<'m>(
    ui: &egui::Ui,
    scene: &MapScene,
    inset_extent: Option<Rect>,
    memo: &'m mut SceneMemo<PlacesPainted>,
) -> &'m PlacesPainted {
    memo.get_or_make(scene.serial, |memo| {
        let moved = scene
            .moved_from
            .and_then(|(from, delta)| memo.get(from).map(|p| p.translated(delta)));
        moved.unwrap_or_else(|| PlacesPainted::new(ui, scene, inset_extent))
    })
}

/// The hover halo of a place (and its outline, for an area).
fn paint_hover(painter: &egui::Painter, p: &PlaceOnScreen, palette: &Palette) {
    if let Some(ring) = &p.ring {
        let stroke = Stroke::new(2.2, palette.area_stroke);
        painter.add(Shape::closed_line(ring.clone(), stroke));
    }
    if has_marker(p.kind) || p.ring.is_some() {
        let radius = marker_radius(p.kind) + 6.0;
        painter.add(halo_shape(p.anchor, radius, palette.hover_halo));
    }
}

/// Paints a scene of one place over the map's (a hovered place that scene
/// left out, see `MapScene::of_one`): halo, area or marker, and name.
pub fn paint_overlay(ui: &egui::Ui, scene: &MapScene, memo: &mut SceneMemo<PlacesPainted>) {
    let painter = ui.painter_at(scene.rect);
    let painted = painted_places(ui, scene, None, memo);
    painter.add(Shape::Mesh(painted.below.clone()));
    for p in &scene.places {
        paint_hover(&painter, p, scene.palette);
    }
    painter.add(Shape::Mesh(painted.above.clone()));
    painter.add(Shape::Mesh(painted.texts_mesh(ui.ctx())));
}

/// Adds meshes built once (the basemap, a scene's places) moved by `offset`
/// points without touching their vertices: egui moves them as it copies
/// them into the frame (a pan moves what was built where it began).
///
/// Each `group` gets a clip rectangle of its own, a fraction of a point
/// inside the painter's (no pixel differs): egui starts a new draw
/// primitive for a new clip rectangle, so a large mesh is copied into one
/// of its exact size instead of growing, and copying again, the buffer that
/// the shapes before and after it share.
pub(super) fn add_meshes(
    painter: &egui::Painter,
    meshes: impl IntoIterator<Item = Shape>,
    offset: egui::Vec2,
    group: u8,
) {
    let clip = painter.clip_rect().shrink(f32::from(group) / 256.0);
    let mut moved = painter.clone();
    moved.set_clip_rect(clip.translate(-offset));
    let mut range = None;
    for mesh in meshes {
        let index = moved.add(mesh);
        range = Some(range.map_or((index, index), |(first, _)| (first, index)));
    }
    if let Some((first, last)) = range
        && offset != egui::Vec2::ZERO
    {
        let transform = egui::emath::TSTransform::from_translation(offset);
        painter.ctx().graphics_mut(|layers| {
            layers
                .entry(painter.layer_id())
                .transform_after_rounding_range(
                    first,
                    egui::layers::ShapeIdx(last.0 + 1),
                    transform,
                );
        });
    }
}

/// A scene's places as meshes: `below` the hover halo (areas, the inset's
/// outline) and `above` it (the selected halo, markers, the boxes of labels),
/// then the texts (counts, labels). Built at the first paint of a scene,
/// reused while the scene is. `below` and `above` use no font texture, so
/// they stay right when egui's atlas grows; the texts' mesh points into the
/// atlas and is made again when the atlas changes size (a new atlas, after
/// egui empties a full one, changes the font epoch and so the scene).
pub struct PlacesPainted {
    below: Arc<Mesh>,
    above: Arc<Mesh>,
    texts: Arc<Vec<Shape>>,
    /// The texts tessellated, and the atlas size they were tessellated for.
    texts_mesh: Arc<std::sync::Mutex<Option<TextsMesh>>>,
    /// Where the texts may show (the scene's rect and margin).
    clip: Rect,
    /// How far all of it is drawn from where it was built (a pan).
    offset: egui::Vec2,
}

impl PlacesPainted {
    fn new(ui: &egui::Ui, scene: &MapScene, inset_extent: Option<Rect>) -> Self {
        let palette = scene.palette;
        let mut below = Vec::new();
        for p in &scene.places {
            if let Some(ring) = &p.ring {
                let lit = scene.selected.as_ref() == Some(&p.id);
                area_shapes(
                    &mut below,
                    ring,
                    p.shape.as_deref(),
                    p.approximate,
                    area_colours(p.kind, palette, lit),
                    lit,
                );
            }
        }
        if let Some(extent) = inset_extent {
            below.push(Shape::rect_stroke(
                extent,
                2.0,
                Stroke::new(1.2, palette.label),
                egui::StrokeKind::Outside,
            ));
        }
        let mut above = Vec::new();
        let mut texts = Vec::new();
        if let Some(p) = scene
            .selected
            .as_ref()
            .and_then(|id| scene.places.iter().find(|p| &p.id == id))
            && (has_marker(p.kind) || p.ring.is_some())
        {
            above.push(halo_shape(
                p.anchor,
                marker_radius(p.kind) + 6.0,
                palette.halo,
            ));
        }
        let painter = ui.painter();
        for p in scene.places.iter().filter(|p| has_marker(p.kind)) {
            above.extend(weighted_marker_shapes(
                p.anchor, p.kind, palette, p.weight, p.compared,
            ));
            if p.hides > 0 {
                texts.push(count_text(painter, p, palette));
            }
        }
        // An area that stands for others where they crowd says so too.
        for p in scene
            .places
            .iter()
            .filter(|p| p.hides > 0 && !has_marker(p.kind))
        {
            texts.push(count_text(painter, p, palette));
        }
        for label in &scene.labels {
            if let Some(dot) = label.dot {
                above.push(Shape::circle_filled(dot, 2.2, palette.town_label));
            }
            if label.place.is_some() {
                above.push(Shape::rect_filled(label.rect, 3.0, palette.label_halo));
            }
            texts.push(Shape::galley(
                label.rect.min + vec2(2.0, 1.0),
                label.galley.clone(),
                palette.label,
            ));
        }
        let clip = scene.rect.expand2(scene.margin);
        Self {
            below: Arc::new(tessellate(ui.ctx(), clip, below)),
            above: Arc::new(tessellate(ui.ctx(), clip, above)),
            texts: Arc::new(texts),
            texts_mesh: Arc::default(),
            clip,
            offset: egui::Vec2::ZERO,
        }
    }

    /// The texts as one mesh, tessellated once for the font atlas's size.
    fn texts_mesh(&self, ctx: &egui::Context) -> Arc<Mesh> {
        let size = ctx.fonts(|f| f.font_image_size());
        // A poisoned lock only means a panic elsewhere: the mesh is rebuilt.
        let mut made = self
            .texts_mesh
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match &*made {
            Some((for_size, mesh)) if *for_size == size => mesh.clone(),
            _ => {
                let mesh = Arc::new(tessellate(ctx, self.clip, self.texts.to_vec()));
                *made = Some((size, mesh.clone()));
                mesh
            }
        }
    }
}

/// "+N" at the top right of a place that stands for N others where they crowd.
fn count_text(painter: &egui::Painter, p: &PlaceOnScreen, palette: &Palette) -> Shape {
    let galley = painter.layout_no_wrap(
        format!("+{}", p.hides),
        egui::FontId::proportional(9.5),
        palette.label,
    );
    let r = marker_radius(p.kind);
    let at = p.anchor + vec2(r + 1.0, -r - 1.0 - galley.size().y);
    Shape::galley(at, galley, palette.label)
}

impl PlacesPainted {
    /// The same meshes and texts, to be drawn `delta` points farther on
    /// (nothing is copied: see `add_meshes`).
    pub fn translated(&self, delta: egui::Vec2) -> Self {
        Self {
            below: self.below.clone(),
            above: self.above.clone(),
            texts: self.texts.clone(),
            texts_mesh: self.texts_mesh.clone(),
            clip: self.clip,
            offset: self.offset + delta,
        }
    }
}

/// Texts tessellated for a font atlas of this size (in pixels).
type TextsMesh = ([usize; 2], Arc<Mesh>);

/// Shapes as one mesh, as egui would tessellate them this frame (texts
/// for the font atlas as it is now).
fn tessellate(ctx: &egui::Context, clip: Rect, shapes: Vec<Shape>) -> Mesh {
    let options = ctx.tessellation_options(|o| *o);
    let size = ctx.fonts(|f| f.font_image_size());
    // Without the atlas's prepared discs small circles are tessellated as
    // paths, which a cached mesh can keep whatever the atlas does.
    let mut tessellator = Tessellator::new(ctx.pixels_per_point(), options, size, Vec::new());
    tessellator.set_clip_rect(clip.expand(8.0));
    let mut mesh = Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    mesh
}

/// The fill and outline colours of an area: the story's red for the areas
/// of the story, the basemap's river blue for water (a lake's or a river's
/// box), so that a river's extent reads as water and not as a region.
fn area_colours(
    kind: crate::brief::PlaceKind,
    palette: &Palette,
    lit: bool,
) -> (egui::Color32, egui::Color32) {
    if kind == crate::brief::PlaceKind::Sea {
        let fill = palette.river.gamma_multiply(if lit { 0.45 } else { 0.25 });
        (fill, palette.coast)
    } else if lit {
        (palette.area_fill.gamma_multiply(1.8), palette.area_stroke)
    } else {
        (palette.area_fill, palette.area_stroke)
    }
}

/// An area: its fill (from triangles made once per shape, or for a ring
/// being reshaped, now) and its outline, dashed when approximate.
fn area_shapes(
    out: &mut Vec<Shape>,
    ring: &[Pos2],
    shape: Option<&crate::map::area_shapes::AreaShape>,
    approximate: bool,
    (fill, stroke_colour): (egui::Color32, egui::Color32),
    lit: bool,
) {
    let mut mesh = egui::Mesh::default();
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
    out.push(Shape::mesh(mesh));
    let stroke = Stroke::new(if lit { 2.2 } else { 1.5 }, stroke_colour);
    if approximate {
        out.extend(Shape::dashed_line(ring, stroke, 6.0, 4.0));
    } else {
        out.push(Shape::closed_line(ring.to_vec(), stroke));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::PlaceKind;

    #[test]
    fn a_water_area_is_tinted_like_the_basemap_s_rivers_and_a_story_area_red() {
        for dark in [false, true] {
            let palette = Palette::for_dark_mode(dark);
            let (_, river_outline) = area_colours(PlaceKind::Sea, palette, false);
            assert_eq!(river_outline, palette.coast);
            let (story_fill, story_outline) = area_colours(PlaceKind::Area, palette, false);
            assert_eq!(
                (story_fill, story_outline),
                (palette.area_fill, palette.area_stroke)
            );
            let (water_fill, _) = area_colours(PlaceKind::Sea, palette, false);
            let (lit_fill, _) = area_colours(PlaceKind::Sea, palette, true);
            assert!(
                water_fill.b() > water_fill.r(),
                "blue, not red: {water_fill:?}"
            );
            assert!(lit_fill.a() > water_fill.a(), "the selected one stronger");
        }
    }
}
