//! The basemap as egui shapes for one view: land meshes, borders and
//! coastlines. Built when the view changes and reused while it does not, so
//! an idle or hover-only frame costs a few `Arc` clones.

use std::sync::Arc;

use egui::epaint::{Mesh, PathShape, TessellationOptions, Tessellator};
use egui::{Color32, Pos2, Rect, Shape, Stroke};

use super::theme::Palette;
use crate::map::camera::Camera;
use crate::map::projection::WorldPos;
use crate::map::world_basemap::{WorldBasemap, WorldLine};

/// What a cached layer was built for.
#[derive(Clone, Debug, PartialEq)]
struct LayerKey {
    camera: Camera,
    rect: Rect,
    dark: bool,
    /// Countries tinted, with their colours.
    tints: Vec<(usize, Color32)>,
    pixels_per_point: f32,
}

#[derive(Default)]
pub struct BasemapLayer {
    key: Option<LayerKey>,
    shapes: Vec<Shape>,
}

/// Converts world positions to screen points for one view, in f64 until the
/// last step so nothing jitters when zoomed in.
#[derive(Clone, Copy)]
pub struct ScreenMapping {
    pub center: WorldPos,
    pub scale: f64,
    pub origin: Pos2,
}

impl ScreenMapping {
    pub fn new(camera: &Camera, rect: Rect) -> Self {
        Self {
            center: camera.center,
            scale: camera.points_per_world(),
            origin: rect.center(),
        }
    }

    pub fn screen(&self, w: WorldPos) -> Pos2 {
        Pos2::new(
            (f64::from(self.origin.x) + (w.x - self.center.x) * self.scale) as f32,
            (f64::from(self.origin.y) + (w.y - self.center.y) * self.scale) as f32,
        )
    }

    fn visible(&self, rect: Rect, min: WorldPos, max: WorldPos) -> bool {
        let a = self.screen(min);
        let b = self.screen(max);
        Rect::from_two_pos(a, b).intersects(rect)
    }
}

impl BasemapLayer {
    /// The shapes for this view, rebuilt only if the view changed.
    pub fn shapes(
        &mut self,
        camera: &Camera,
        rect: Rect,
        palette: &Palette,
        dark: bool,
        tints: Vec<(usize, Color32)>,
        pixels_per_point: f32,
    ) -> &[Shape] {
        let key = LayerKey {
            camera: *camera,
            rect,
            dark,
            tints,
            pixels_per_point,
        };
        if self.key.as_ref() != Some(&key) {
            self.shapes = build_shapes(WorldBasemap::embedded(), &key, palette);
            self.key = Some(key);
        }
        &self.shapes
    }
}

fn build_shapes(world: &WorldBasemap, key: &LayerKey, palette: &Palette) -> Vec<Shape> {
    let map = ScreenMapping::new(&key.camera, key.rect);
    let rect = key.rect;
    let mut land = Mesh::default();
    for (i, country) in world.countries.iter().enumerate() {
        if !map.visible(rect, country.min, country.max) {
            continue;
        }
        let color = key
            .tints
            .iter()
            .find(|(c, _)| *c == i)
            .map_or(palette.land, |(_, color)| *color);
        let base = land.vertices.len() as u32;
        for &v in &country.vertices {
            land.colored_vertex(map.screen(v), color);
        }
        for t in &country.triangles {
            land.add_triangle(base + t[0], base + t[1], base + t[2]);
        }
    }
    let mut lines = Mesh::default();
    let mut tess = Tessellator::new(
        key.pixels_per_point,
        TessellationOptions::default(),
        [1024, 1024],
        Vec::new(),
    );
    let border = Stroke::new(0.7, palette.border);
    let coast = Stroke::new(0.9, palette.coast);
    for (set, stroke) in [(&world.borders, border), (&world.coastlines, coast)] {
        for line in set.iter() {
            if let Some(path) = screen_path(&map, rect, line, stroke) {
                tess.tessellate_path(&path, &mut lines);
            }
        }
    }
    vec![Shape::Mesh(Arc::new(land)), Shape::Mesh(Arc::new(lines))]
}

/// A polyline on screen with points closer than half a point merged.
fn screen_path(
    map: &ScreenMapping,
    rect: Rect,
    line: &WorldLine,
    stroke: Stroke,
) -> Option<PathShape> {
    if !map.visible(rect.expand(2.0), line.min, line.max) {
        return None;
    }
    let mut points: Vec<Pos2> = Vec::with_capacity(line.points.len());
    for &w in &line.points {
        let p = map.screen(w);
        if points.last().is_none_or(|last| last.distance_sq(p) > 0.25) {
            points.push(p);
        }
    }
    (points.len() >= 2).then(|| PathShape::line(points, stroke))
}
