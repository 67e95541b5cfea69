//! The page's basemap: the app's layers, projected, clipped and simplified
//! into patches. A patch covers a box of the world from a zoom on, with the
//! detail that zoom needs: the 1:50m countries over the whole extent below
//! [`DETAIL_ZOOM`]; from it the 1:10m countries, lakes, rivers and
//! boundaries around the story; and closer still, the same at full detail
//! around each of the story's places. The page draws every patch its zoom
//! has reached, the closer over the wider.

use serde_json::{Value, json};

use super::paths::{PathWriter, WorldBox, clip_line, clip_ring, simplify};
use super::view::{PageView, points_per_world, screen_box};
use crate::basemap::context::{COUNTRIES_10M_BYTES, LAKES_BYTES, embedded_layer};
use crate::basemap::{Basemap, GeoBox, LonLat};
use crate::brief::{Brief, PlaceKind};
use crate::map::framing::frames_the_story;
use crate::map::layers::{
    ADMIN1_ZOOM, COUNTY_ZOOM, DETAIL_ZOOM, MAJOR_RIVER_ZOOM, MIN_LAKE_POINTS, RIVER_ZOOM,
};
use crate::map::projection::{WorldPos, world_from_lon_lat};
use crate::map::world_basemap::{WorldBasemap, WorldLine};
use crate::map::world_context::WorldContext;

/// The zoom from which the patches around each place take over.
pub const CLOSE_ZOOM: f64 = 7.0;
/// A screen around the story (detail patch) or a place (close patches), in
/// points each side, at the zoom the patch begins.
const PATCH_HALF_POINTS: (f64, f64) = (800.0, 500.0);
/// Simplification keeps lines within this many points of themselves at
/// the zoom a patch is made for (with the grid's rounding, within a point).
const TOLERANCE_POINTS: f64 = 0.5;

/// One patch of basemap, from a zoom on, over a box.
pub struct Patch {
    pub from_zoom: f64,
    pub bounds: WorldBox,
    /// The zoom its detail is made for (the closest it is seen at).
    pub detail_zoom: f64,
    /// Whether it draws the 1:10m layers (else the 1:50m basemap).
    pub fine: bool,
}

/// The patches a page needs, widest first.
pub fn patches(brief: &Brief, view: &PageView) -> Vec<Patch> {
    let mut out = vec![Patch {
        from_zoom: 0.0,
        bounds: view.extent,
        detail_zoom: view.max_zoom.min(DETAIL_ZOOM),
        fine: false,
    }];
    if view.max_zoom <= DETAIL_ZOOM {
        return out;
    }
    let scale = points_per_world(DETAIL_ZOOM);
    if let Some(bounds) = view
        .story
        .grown(PATCH_HALF_POINTS.0 / scale, PATCH_HALF_POINTS.1 / scale)
        .intersection(view.extent)
    {
        out.push(Patch {
            from_zoom: DETAIL_ZOOM,
            bounds,
            detail_zoom: view.max_zoom.min(CLOSE_ZOOM - 0.5),
            fine: true,
        });
    }
    if view.max_zoom <= CLOSE_ZOOM {
        return out;
    }
    let mut boxes: Vec<WorldBox> = brief
        .places()
        .filter(|p| frames_the_story(p.kind))
        .map(|p| {
            let (lon, lat) = p.anchor_lon_lat();
            screen_box(world_from_lon_lat(lon, lat), PATCH_HALF_POINTS, CLOSE_ZOOM)
        })
        .collect();
    merge_overlapping(&mut boxes);
    out.extend(
        boxes
            .into_iter()
            .filter_map(|b| b.intersection(view.extent))
            .map(|bounds| Patch {
                from_zoom: CLOSE_ZOOM,
                bounds,
                detail_zoom: view.max_zoom,
                fine: true,
            }),
    );
    out
}

/// Joins boxes that overlap until none do.
fn merge_overlapping(boxes: &mut Vec<WorldBox>) {
    let mut merged = true;
    while merged {
        merged = false;
        'outer: for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                if boxes[i].intersects(boxes[j].min, boxes[j].max) {
                    boxes[i] = boxes[i].union(boxes[j]);
                    boxes.swap_remove(j);
                    merged = true;
                    break 'outer;
                }
            }
        }
    }
}

/// A patch as the page's JSON: its box and grid, and SVG path data for each
/// layer (`land` for every country but the story's, `countries` for those
/// the page tints, keyed by their 1:50m index).
pub fn patch_json(patch: &Patch, tinted: &[usize]) -> Value {
    // A unit is a point at the closest zoom the patch is seen at.
    let units_per_world = points_per_world(patch.detail_zoom);
    let tolerance = TOLERANCE_POINTS / points_per_world(patch.detail_zoom);
    let shape = Shaper {
        bounds: patch.bounds,
        tolerance,
        units_per_world,
    };
    let mut land = PathWriter::new(units_per_world);
    let mut countries: Vec<(usize, PathWriter)> = Vec::new();
    let mut fill_country = |index_50m: Option<usize>, rings: &[Vec<LonLat>], bbox: GeoBox| {
        let a = world_from_lon_lat(bbox.min.lon_deg, bbox.max.lat_deg);
        let b = world_from_lon_lat(bbox.max.lon_deg, bbox.min.lat_deg);
        if !patch.bounds.intersects(a, b) {
            return;
        }
        let writer = match index_50m.filter(|i| tinted.contains(i)) {
            Some(i) => {
                if !countries.iter().any(|(c, _)| *c == i) {
                    countries.push((i, PathWriter::new(units_per_world)));
                }
                let at = countries.iter().position(|(c, _)| *c == i).unwrap_or(0);
                &mut countries[at].1
            }
            None => &mut land,
        };
        for ring in rings {
            shape.ring(writer, ring);
        }
    };
    let mut layers = serde_json::Map::new();
    let world = WorldBasemap::embedded();
    let context = WorldContext::loaded();
    if patch.fine {
        for feature in embedded_layer(COUNTRIES_10M_BYTES).features {
            let index = world.country_index(&feature.name);
            for polygon in &feature.polygons {
                fill_country(index, &polygon.rings, polygon.bbox);
            }
        }
    } else {
        for (i, country) in Basemap::embedded().countries.iter().enumerate() {
            for polygon in &country.polygons {
                fill_country(Some(i), &polygon.rings, country.bbox);
            }
        }
    }
    layers.insert("land".into(), json!(land.finish()));
    layers.insert(
        "countries".into(),
        Value::Array(
            countries
                .into_iter()
                .map(|(c, w)| json!({"country": c, "d": w.finish()}))
                .collect(),
        ),
    );
    let min_lake_world = MIN_LAKE_POINTS / points_per_world(patch.detail_zoom);
    let mut lakes = PathWriter::new(units_per_world);
    for polygon in embedded_layer(LAKES_BYTES)
        .features
        .iter()
        .flat_map(|f| &f.polygons)
    {
        let a = world_from_lon_lat(polygon.bbox.min.lon_deg, polygon.bbox.max.lat_deg);
        let b = world_from_lon_lat(polygon.bbox.max.lon_deg, polygon.bbox.min.lat_deg);
        if (b.x - a.x).max(b.y - a.y) < min_lake_world || !patch.bounds.intersects(a, b) {
            continue;
        }
        for ring in &polygon.rings {
            shape.ring(&mut lakes, ring);
        }
    }
    layers.insert("lakes".into(), json!(lakes.finish()));
    let mut lines: Vec<Value> = Vec::new();
    let mut add_lines = |class: &str, from_zoom: f64, set: &mut dyn Iterator<Item = &WorldLine>| {
        let mut writer = PathWriter::new(units_per_world);
        for line in set {
            shape.line(&mut writer, line);
        }
        if !writer.is_empty() {
            lines.push(json!({"class": class, "from_zoom": from_zoom, "d": writer.finish()}));
        }
    };
    match (patch.fine, context) {
        (true, Some(context)) => {
            add_lines(
                "river",
                MAJOR_RIVER_ZOOM,
                &mut context
                    .rivers
                    .iter()
                    .filter(|r| r.level <= 2)
                    .map(|r| &r.line),
            );
            add_lines(
                "river",
                RIVER_ZOOM,
                &mut context
                    .rivers
                    .iter()
                    .filter(|r| r.level == 3)
                    .map(|r| &r.line),
            );
            add_lines("county", COUNTY_ZOOM, &mut context.county_lines.iter());
            add_lines("admin1", ADMIN1_ZOOM, &mut context.admin1_lines.iter());
            add_lines("border", 0.0, &mut context.borders.iter());
            add_lines("coast", 0.0, &mut context.coastlines.iter());
        }
        _ => {
            add_lines("border", 0.0, &mut world.borders.iter());
            add_lines("coast", 0.0, &mut world.coastlines.iter());
        }
    }
    layers.insert("lines".into(), Value::Array(lines));
    let b = patch.bounds;
    json!({
        "from_zoom": patch.from_zoom,
        "box": [b.min.x, b.min.y, b.max.x, b.max.y],
        "units_per_world": units_per_world,
        "fine": patch.fine,
        "layers": Value::Object(layers),
    })
}

/// Simplifies and clips shapes for one patch.
struct Shaper {
    bounds: WorldBox,
    tolerance: f64,
    units_per_world: f64,
}

impl Shaper {
    fn ring(&self, writer: &mut PathWriter, ring: &[LonLat]) {
        let mut points: Vec<WorldPos> = ring
            .iter()
            .map(|p| world_from_lon_lat(p.lon_deg, p.lat_deg))
            .collect();
        let Some(b) = WorldBox::of_points(&points) else {
            return;
        };
        let grid = 1.0 / self.units_per_world;
        if !self.bounds.intersects(b.min, b.max) || (b.width() < grid && b.height() < grid) {
            return;
        }
        if let Some(first) = points.first().copied() {
            points.push(first);
        }
        let simple = simplify(&points, self.tolerance);
        writer.add(&clip_ring(&simple, &self.bounds), true);
    }

    fn line(&self, writer: &mut PathWriter, line: &WorldLine) {
        if !self.bounds.intersects(line.min, line.max) {
            return;
        }
        for run in clip_line(&line.points, &self.bounds) {
            writer.add(&simplify(&run, self.tolerance), false);
        }
    }
}

/// The story's countries and the focus country: their land is drawn apart
/// so the page can tint it (1:50m indices).
pub fn tinted_countries(brief: &Brief, focus: Option<usize>) -> Vec<usize> {
    let world = WorldBasemap::embedded();
    let mut out: Vec<usize> = brief
        .places()
        .filter(|p| p.kind == PlaceKind::Country)
        .filter_map(|p| world.country_index(&p.name))
        .chain(focus)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
