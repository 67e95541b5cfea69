//! The basemap as egui shapes for one view: land meshes, lakes, rivers,
//! county, admin-1 and country boundaries and coastlines, in more detail as
//! the view zooms in. Built when the view changes and reused while it does not, so
//! an idle or hover-only frame costs a few `Arc` clones.

use std::sync::Arc;

use egui::epaint::{Mesh, PathShape, TessellationOptions, Tessellator};
use egui::{Color32, Pos2, Rect, Shape, Stroke};

use super::screen::ScreenMapping;
use crate::map::camera::Camera;
use crate::map::layers::{
    ADMIN1_ZOOM, COUNTY_ZOOM, DETAIL_ZOOM, MIN_LAKE_POINTS, river_levels_shown,
};
use crate::map::projection::WorldPos;
use crate::map::world_basemap::{WorldBasemap, WorldCountry, WorldLine};
use crate::map::world_context::WorldContext;
use crate::ui::theme::Palette;

/// What a cached layer was built for.
#[derive(Clone, Debug, PartialEq)]
struct LayerKey {
    camera: Camera,
    rect: Rect,
    dark: bool,
    /// Countries tinted, with their colours.
    tints: Vec<(usize, Color32)>,
    pixels_per_point: f32,
    /// Whether the context layers had loaded (they arrive after the first frame).
    context_loaded: bool,
}

impl LayerKey {
    /// Where this view's screen points land in `other` (the same view but
    /// for its centre: a pan), as an offset.
    fn pan_to(&self, other: &LayerKey) -> Option<egui::Vec2> {
        let same_view = LayerKey {
            camera: self.camera,
            ..other.clone()
        };
        if *self != same_view {
            return None;
        }
        let (dx, dy) = self.camera.pan_offset_to(&other.camera)?;
        Some(egui::vec2(dx as f32, dy as f32))
    }
}

/// The basemap for the last view. A pan (the same view moved) reuses the
/// meshes built for where it began, moved as they are drawn: they were built
/// with a margin of half a view around it, so the map is rebuilt only once
/// the pan has gone farther than that, or the zoom changed.
#[derive(Default)]
pub struct BasemapLayer {
    key: Option<LayerKey>,
    shapes: Vec<Shape>,
    /// How far `shapes` must move to be where `key` wants them (a pan in
    /// progress; zero otherwise).
    offset: egui::Vec2,
    /// The view a pan began from (what `shapes` were built for) and its margin.
    pan_base: Option<(LayerKey, egui::Vec2)>,
    /// A country's land in a colour of its own, laid over `shapes` (a story
    /// country under the pointer), and what for: pointing at a country
    /// does not build the whole basemap again.
    lit: Option<(LayerKey, usize, Color32, Vec<Shape>)>,
}

impl BasemapLayer {
    /// The shapes for this view, rebuilt only if the view changed, and the
    /// offset to draw them at (see `map_paint::add_meshes`).
    pub fn shapes(
        &mut self,
        camera: &Camera,
        rect: Rect,
        palette: &Palette,
        dark: bool,
        tints: Vec<(usize, Color32)>,
        pixels_per_point: f32,
    ) -> (&[Shape], egui::Vec2) {
        let key = LayerKey {
            camera: *camera,
            rect,
            dark,
            tints,
            pixels_per_point,
            context_loaded: WorldContext::loaded().is_some(),
        };
        if self.key.as_ref() == Some(&key) {
            return (&self.shapes, self.offset);
        }
        let context = WorldContext::loaded();
        if let Some((base, margin)) = &self.pan_base
            && let Some(delta) = base.pan_to(&key)
            && delta.x.abs() < margin.x
            && delta.y.abs() < margin.y
        {
            self.offset = delta;
        } else if self.key.as_ref().and_then(|k| k.pan_to(&key)).is_some() {
            // A pan begins: build with a margin, then move what was built.
            let margin = rect.size() * 0.5;
            self.shapes = build_shapes(WorldBasemap::embedded(), context, &key, palette, margin);
            self.offset = egui::Vec2::ZERO;
            self.pan_base = Some((key.clone(), margin));
        } else {
            self.shapes = build_shapes(
                WorldBasemap::embedded(),
                context,
                &key,
                palette,
                egui::Vec2::ZERO,
            );
            self.offset = egui::Vec2::ZERO;
            self.pan_base = None;
        }
        self.key = Some(key);
        (&self.shapes, self.offset)
    }

    /// The land of basemap country `country` (a 1:50m index) filled with
    /// `color`, for the view of the last `shapes` call and drawn at its
    /// offset: laid over the basemap to light a country.
    pub fn lit_country(&mut self, country: usize, color: Color32) -> (&[Shape], egui::Vec2) {
        let Some(key) = self.key.clone() else {
            return (&[], egui::Vec2::ZERO);
        };
        // The view the shapes were built for, and with what margin.
        let (built_for, margin) = match &self.pan_base {
            Some((base, margin)) if self.offset != egui::Vec2::ZERO || *base == key => {
                (base.clone(), *margin)
            }
            _ => (key, egui::Vec2::ZERO),
        };
        let fresh = self
            .lit
            .as_ref()
            .is_some_and(|(k, c, col, _)| *k == built_for && *c == country && *col == color);
        if !fresh {
            let shapes = build_country_fill(
                WorldBasemap::embedded(),
                WorldContext::loaded(),
                &built_for,
                margin,
                country,
                color,
            );
            self.lit = Some((built_for, country, color, shapes));
        }
        let shapes = self.lit.as_ref().map_or(&[][..], |(_, _, _, s)| &s[..]);
        (shapes, self.offset)
    }
}

/// The land of one basemap country (1:50m index), as `build_shapes` fills it.
fn build_country_fill(
    world: &WorldBasemap,
    context: Option<&WorldContext>,
    key: &LayerKey,
    margin: egui::Vec2,
    country_50m: usize,
    color: Color32,
) -> Vec<Shape> {
    let map = ScreenMapping::new(&key.camera, key.rect);
    let rect = key.rect.expand2(margin);
    let mut land = Mesh::default();
    let mut scratch = FillScratch::default();
    match context.filter(|_| key.camera.zoom >= DETAIL_ZOOM) {
        Some(context) => {
            for (country, _) in context
                .countries
                .iter()
                .filter(|(_, index)| *index == Some(country_50m))
            {
                if map.visible(rect, country.min, country.max) {
                    fill_country(&mut land, &map, rect, country, color, &mut scratch);
                }
            }
        }
        None => {
            if let Some(country) = world.countries.get(country_50m)
                && map.visible(rect, country.min, country.max)
            {
                fill_country(&mut land, &map, rect, country, color, &mut scratch);
            }
        }
    }
    vec![Shape::Mesh(Arc::new(land))]
}

fn build_shapes(
    world: &WorldBasemap,
    context: Option<&WorldContext>,
    key: &LayerKey,
    palette: &Palette,
    margin: egui::Vec2,
) -> Vec<Shape> {
    let map = ScreenMapping::new(&key.camera, key.rect);
    // What is built: the view and, for a pan, a margin around it.
    let rect = key.rect.expand2(margin);
    let zoom = key.camera.zoom;
    let detail = context.filter(|_| zoom >= DETAIL_ZOOM);
    let tint = |index_50m: Option<usize>| {
        key.tints
            .iter()
            .find(|(c, _)| Some(*c) == index_50m)
            .map_or(palette.land, |(_, color)| *color)
    };
    let mut land = Mesh::default();
    let mut scratch = FillScratch::default();
    match detail {
        Some(context) => {
            for (country, index_50m) in &context.countries {
                if map.visible(rect, country.min, country.max) {
                    fill_country(
                        &mut land,
                        &map,
                        rect,
                        country,
                        tint(*index_50m),
                        &mut scratch,
                    );
                }
            }
        }
        None => {
            for (i, country) in world.countries.iter().enumerate() {
                if map.visible(rect, country.min, country.max) {
                    fill_country(&mut land, &map, rect, country, tint(Some(i)), &mut scratch);
                }
            }
        }
    }
    let visible_lakes: Vec<_> = context
        .map(|c| {
            c.lakes
                .iter()
                .filter(|lake| {
                    let r = Rect::from_two_pos(map.screen(lake.min), map.screen(lake.max));
                    r.intersects(rect) && f64::from(r.width().max(r.height())) >= MIN_LAKE_POINTS
                })
                .collect()
        })
        .unwrap_or_default();
    for lake in &visible_lakes {
        let area = (&lake.vertices[..], &lake.triangles[..]);
        fill(&mut land, &map, rect, area, palette.sea, &mut scratch);
    }

    let mut lines = Mesh::default();
    let mut tess = Tessellator::new(
        key.pixels_per_point,
        TessellationOptions::default(),
        [1024, 1024],
        Vec::new(),
    );
    let mut stroke_lines = |set: &mut dyn Iterator<Item = &WorldLine>, stroke: Stroke| {
        for line in set {
            for path in screen_paths(&map, rect, line, stroke) {
                tess.tessellate_path(&path, &mut lines);
            }
        }
    };
    if let Some(context) = context {
        let river = Stroke::new(0.9, palette.river);
        let max_level_shown = river_levels_shown(zoom);
        stroke_lines(
            &mut context
                .rivers
                .iter()
                .filter(|r| r.level <= max_level_shown)
                .map(|r| &r.line),
            river,
        );
        let shore = Stroke::new(0.7, palette.coast);
        stroke_lines(
            &mut visible_lakes.iter().flat_map(|lake| &lake.outlines),
            shore,
        );
        if zoom >= COUNTY_ZOOM {
            stroke_lines(
                &mut context.county_lines.iter(),
                Stroke::new(0.5, palette.county_line),
            );
        }
        if zoom >= ADMIN1_ZOOM {
            stroke_lines(
                &mut context.admin1_lines.iter(),
                Stroke::new(0.7, palette.admin1_line),
            );
        }
    }
    let border = Stroke::new(if detail.is_some() { 1.0 } else { 0.7 }, palette.border);
    let coast = Stroke::new(0.9, palette.coast);
    let (borders, coastlines) = match detail {
        Some(context) => (&context.borders, &context.coastlines),
        None => (&world.borders, &world.coastlines),
    };
    stroke_lines(&mut borders.iter(), border);
    stroke_lines(&mut coastlines.iter(), coast);
    // One mesh: egui copies the first mesh of a frame whole and grows its
    // buffer for each mesh after it.
    land.append(lines);
    vec![Shape::Mesh(Arc::new(land))]
}

/// Scratch space reused across areas: screen positions, and where each
/// vertex went in the mesh (only vertices of visible triangles are kept).
#[derive(Default)]
struct FillScratch {
    screen: Vec<Pos2>,
    slot: Vec<u32>,
    /// Mesh vertex of each occupied cell of the snapping grid.
    cells: std::collections::HashMap<(i32, i32), u32>,
}

/// Fill vertices closer than this on screen (points) become one: a world
/// view of the 1:50m coasts has dozens of vertices a point, and merging
/// them (dropping the triangles that collapse) leaves the same picture
/// with a fifth of the vertices. Triangles that stay share the merged
/// vertices, so the fill has no cracks; nothing moves by more than a
/// third of a point.
const FILL_SNAP_POINTS: f32 = 0.5;

/// Adds the triangles of a country's polygons in view to `mesh`.
fn fill_country(
    mesh: &mut Mesh,
    map: &ScreenMapping,
    rect: Rect,
    country: &WorldCountry,
    color: Color32,
    scratch: &mut FillScratch,
) {
    let pieces = country
        .pieces
        .iter()
        .filter(|piece| map.visible(rect, piece.min, piece.max))
        .map(|piece| &country.triangles[piece.triangles.clone()]);
    fill_triangles(mesh, map, rect, &country.vertices, pieces, color, scratch);
}

/// Adds the triangles of one area that touch the view to `mesh`.
fn fill(
    mesh: &mut Mesh,
    map: &ScreenMapping,
    rect: Rect,
    (vertices, triangles): (&[WorldPos], &[[u32; 3]]),
    color: Color32,
    scratch: &mut FillScratch,
) {
    fill_triangles(
        mesh,
        map,
        rect,
        vertices,
        std::iter::once(triangles),
        color,
        scratch,
    );
}

/// Vertices are projected only when a triangle needs them, once each.
fn fill_triangles<'a>(
    mesh: &mut Mesh,
    map: &ScreenMapping,
    rect: Rect,
    vertices: &[WorldPos],
    runs: impl Iterator<Item = &'a [[u32; 3]]>,
    color: Color32,
    scratch: &mut FillScratch,
) {
    let FillScratch {
        screen,
        slot,
        cells,
    } = scratch;
    screen.clear();
    screen.resize(vertices.len(), Pos2::new(f32::NAN, f32::NAN));
    slot.clear();
    slot.resize(vertices.len(), u32::MAX);
    cells.clear();
    for t in runs.flatten() {
        let [a, b, c] = t.map(|k| {
            let k = k as usize;
            if screen[k].x.is_nan() {
                screen[k] = map.screen(vertices[k]);
            }
            screen[k]
        });
        let bounds = Rect::from_min_max(a.min(b).min(c), a.max(b).max(c));
        if !bounds.intersects(rect) {
            continue;
        }
        let mut index = |k: u32| {
            let k = k as usize;
            if slot[k] == u32::MAX {
                let p = screen[k];
                let cell = (
                    (p.x / FILL_SNAP_POINTS).round() as i32,
                    (p.y / FILL_SNAP_POINTS).round() as i32,
                );
                slot[k] = *cells.entry(cell).or_insert_with(|| {
                    let snapped = Pos2::new(
                        cell.0 as f32 * FILL_SNAP_POINTS,
                        cell.1 as f32 * FILL_SNAP_POINTS,
                    );
                    mesh.colored_vertex(snapped, color);
                    (mesh.vertices.len() - 1) as u32
                });
            }
            slot[k]
        };
        let (ia, ib, ic) = (index(t[0]), index(t[1]), index(t[2]));
        // A triangle whose corners merged covers nothing.
        if ia != ib && ib != ic && ia != ic {
            mesh.add_triangle(ia, ib, ic);
        }
    }
}

/// The visible runs of a polyline on screen, with points closer than a
/// point apart merged (finer detail cannot be seen).
fn screen_paths(
    map: &ScreenMapping,
    rect: Rect,
    line: &WorldLine,
    stroke: Stroke,
) -> Vec<PathShape> {
    let bounds = rect.expand(2.0);
    if !map.visible(bounds, line.min, line.max) {
        return Vec::new();
    }
    let mut paths = Vec::new();
    let mut run: Vec<Pos2> = Vec::new();
    let mut previous: Option<Pos2> = None;
    for &w in &line.points {
        let p = map.screen(w);
        if let Some(q) = previous {
            let segment_visible = Rect::from_two_pos(p, q).intersects(bounds);
            if segment_visible {
                if run.is_empty() {
                    run.push(q);
                }
                if run.last().is_none_or(|last| last.distance_sq(p) >= 1.0) {
                    run.push(p);
                }
            } else if run.len() >= 2 {
                paths.push(PathShape::line(std::mem::take(&mut run), stroke));
            } else {
                run.clear();
            }
        }
        previous = Some(p);
    }
    if run.len() >= 2 {
        paths.push(PathShape::line(run, stroke));
    }
    paths
}
