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
    // Scratch space reused across countries: screen positions, and where each
    // vertex went in the mesh (only vertices of visible triangles are kept).
    let mut screen: Vec<Pos2> = Vec::new();
    let mut slot: Vec<u32> = Vec::new();
    for (i, country) in world.countries.iter().enumerate() {
        if !map.visible(rect, country.min, country.max) {
            continue;
        }
        let color = key
            .tints
            .iter()
            .find(|(c, _)| *c == i)
            .map_or(palette.land, |(_, color)| *color);
        screen.clear();
        screen.extend(country.vertices.iter().map(|&v| map.screen(v)));
        slot.clear();
        slot.resize(screen.len(), u32::MAX);
        for t in &country.triangles {
            let [a, b, c] = t.map(|k| screen[k as usize]);
            let bounds = Rect::from_min_max(a.min(b).min(c), a.max(b).max(c));
            if !bounds.intersects(rect) {
                continue;
            }
            let mut index = |k: u32| {
                let k = k as usize;
                if slot[k] == u32::MAX {
                    slot[k] = land.vertices.len() as u32;
                    land.colored_vertex(screen[k], color);
                }
                slot[k]
            };
            let (ia, ib, ic) = (index(t[0]), index(t[1]), index(t[2]));
            land.add_triangle(ia, ib, ic);
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
            for path in screen_paths(&map, rect, line, stroke) {
                tess.tessellate_path(&path, &mut lines);
            }
        }
    }
    vec![Shape::Mesh(Arc::new(land)), Shape::Mesh(Arc::new(lines))]
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
