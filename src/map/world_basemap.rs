//! The basemap projected once into Web Mercator world coordinates, so that a
//! view change only scales and shifts points (no trigonometry per frame).

use std::sync::OnceLock;

use super::projection::{WorldPos, world_from_lon_lat};
use crate::basemap::{Basemap, LonLat};

pub struct WorldCountry {
    pub name: String,
    pub label: WorldPos,
    pub min: WorldPos,
    pub max: WorldPos,
    /// Every ring vertex of every polygon, one polygon after another.
    pub vertices: Vec<WorldPos>,
    /// Fill triangles, indexing `vertices`.
    pub triangles: Vec<[u32; 3]>,
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
                let mut vertices = Vec::new();
                let mut triangles = Vec::new();
                for polygon in &c.polygons {
                    let offset = vertices.len() as u32;
                    vertices.extend(polygon.vertices().map(world));
                    triangles.extend(polygon.triangles.iter().map(|t| t.map(|i| i + offset)));
                }
                let (min, max) = bounds(&vertices);
                WorldCountry {
                    name: c.name.clone(),
                    label: world(c.label),
                    min,
                    max,
                    vertices,
                    triangles,
                }
            })
            .collect();
        Self {
            countries,
            borders: basemap.borders.iter().map(|l| line(l)).collect(),
            coastlines: basemap.coastlines.iter().map(|l| line(l)).collect(),
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
