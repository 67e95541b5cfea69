//! The basemap projected once into Web Mercator world coordinates, so that a
//! view change only scales and shifts points (no trigonometry per frame).

use std::sync::OnceLock;

use super::projection::{WorldPos, world_from_lon_lat};
use crate::basemap::Basemap;
use crate::geo::LonLat;

pub struct WorldCountry {
    pub name: String,
    pub label: WorldPos,
    pub min: WorldPos,
    pub max: WorldPos,
    /// Every ring vertex of every polygon, one polygon after another.
    pub vertices: Vec<WorldPos>,
    /// Fill triangles, indexing `vertices`.
    pub triangles: Vec<[u32; 3]>,
    /// Runs of `triangles` with their bounding boxes, so a view skips the
    /// islands and the parts of a mainland it does not show.
    pub pieces: Vec<Piece>,
}

#[derive(Clone, Debug)]
pub struct Piece {
    pub min: WorldPos,
    pub max: WorldPos,
    pub triangles: std::ops::Range<usize>,
}

/// Joins polygons (their vertices and triangles) into one vertex list, one
/// triangle list and pieces of each polygon's triangles.
pub(crate) fn join_polygons<'a>(
    polygons: impl Iterator<Item = (Vec<WorldPos>, &'a [[u32; 3]])>,
) -> (Vec<WorldPos>, Vec<[u32; 3]>, Vec<Piece>) {
    let mut vertices = Vec::new();
    let mut triangles = Vec::new();
    let mut pieces = Vec::new();
    for (polygon_vertices, polygon_triangles) in polygons {
        let offset = vertices.len() as u32;
        vertices.extend(polygon_vertices);
        // Runs of a few hundred triangles, each with its own box: earcut's
        // triangles lie near their neighbours in the list, so a view of
        // Michigan skips most of the United States.
        for run in polygon_triangles.chunks(TRIANGLES_PER_PIECE) {
            let start = triangles.len();
            triangles.extend(run.iter().map(|t| t.map(|i| i + offset)));
            let corners: Vec<WorldPos> = triangles[start..]
                .iter()
                .flatten()
                .map(|&i| vertices[i as usize])
                .collect();
            let (min, max) = bounds(&corners);
            pieces.push(Piece {
                min,
                max,
                triangles: start..triangles.len(),
            });
        }
    }
    (vertices, triangles, pieces)
}

const TRIANGLES_PER_PIECE: usize = 256;
/// Long lines are cut into runs of this many points, so culling by box works.
const POINTS_PER_LINE_RUN: usize = 64;

/// A polyline as runs of at most `POINTS_PER_LINE_RUN` points that share
/// their end points.
pub(crate) fn line_runs(points: &[LonLat]) -> Vec<WorldLine> {
    if points.len() < 2 {
        return Vec::new();
    }
    let step = POINTS_PER_LINE_RUN - 1;
    (0..points.len() - 1)
        .step_by(step)
        .map(|start| line(&points[start..(start + step + 1).min(points.len())]))
        .collect()
}

pub struct WorldLine {
    pub points: Vec<WorldPos>,
    pub min: WorldPos,
    pub max: WorldPos,
}

pub struct WorldLabel {
    pub name: String,
    pub pos: WorldPos,
}

pub struct WorldBasemap {
    pub countries: Vec<WorldCountry>,
    pub borders: Vec<WorldLine>,
    pub coastlines: Vec<WorldLine>,
    pub sea_labels: Vec<WorldLabel>,
}

pub(crate) fn world(p: LonLat) -> WorldPos {
    world_from_lon_lat(p.lon_deg, p.lat_deg)
}

pub(crate) fn bounds(points: &[WorldPos]) -> (WorldPos, WorldPos) {
    let mut min = WorldPos {
        x: f64::MAX,
        y: f64::MAX,
    };
    let mut max = WorldPos {
        x: f64::MIN,
        y: f64::MIN,
    };
    for p in points {
        min.x = min.x.min(p.x);
        min.y = min.y.min(p.y);
        max.x = max.x.max(p.x);
        max.y = max.y.max(p.y);
    }
    (min, max)
}

pub(crate) fn line(points: &[LonLat]) -> WorldLine {
    let points: Vec<WorldPos> = points.iter().map(|&p| world(p)).collect();
    let (min, max) = bounds(&points);
    WorldLine { points, min, max }
}

impl WorldBasemap {
    pub fn from_basemap(basemap: &Basemap) -> Self {
        let countries = basemap
            .countries
            .iter()
            .map(|c| {
                let (vertices, triangles, pieces) =
                    join_polygons(c.polygons.iter().map(|polygon| {
                        (
                            polygon.vertices().map(world).collect(),
                            &polygon.triangles[..],
                        )
                    }));
                let (min, max) = bounds(&vertices);
                WorldCountry {
                    name: c.name.clone(),
                    label: world(c.label),
                    min,
                    max,
                    vertices,
                    triangles,
                    pieces,
                }
            })
            .collect();
        Self {
            countries,
            borders: basemap.borders.iter().flat_map(|l| line_runs(l)).collect(),
            coastlines: basemap
                .coastlines
                .iter()
                .flat_map(|l| line_runs(l))
                .collect(),
            sea_labels: basemap
                .sea_labels
                .iter()
                .map(|s| WorldLabel {
                    name: s.name.clone(),
                    pos: world(s.pos),
                })
                .collect(),
        }
    }

    /// The embedded basemap, projected on first use.
    pub fn embedded() -> &'static WorldBasemap {
        static PROJECTED: OnceLock<WorldBasemap> = OnceLock::new();
        PROJECTED.get_or_init(|| WorldBasemap::from_basemap(Basemap::embedded()))
    }

    pub fn country_index(&self, name: &str) -> Option<usize> {
        self.countries
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syria_projects_between_its_neighbours() {
        let world = WorldBasemap::embedded();
        let syria = &world.countries[world.country_index("Syria").unwrap()];
        let damascus = world_from_lon_lat(36.29, 33.51);
        assert!(syria.min.x < damascus.x && damascus.x < syria.max.x);
        assert!(syria.min.y < damascus.y && damascus.y < syria.max.y);
        assert!(
            syria
                .triangles
                .iter()
                .flatten()
                .all(|&i| (i as usize) < syria.vertices.len())
        );
    }
}
