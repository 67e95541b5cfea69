//! The story's areas as the map draws them: each ring simplified for the
//! zoom (Douglas–Peucker, to under half a point) and triangulated, once per
//! change of the area and zoom level, then reused every frame. A ring of a
//! million vertices costs what its few hundred visible corners cost.

use std::collections::HashMap;
use std::sync::Arc;

use super::projection::{WorldPos, world_from_lon_lat};
use super::triangulate::triangulate_ring;
use crate::brief::{Place, PlaceId};

/// Corners an area keeps at most, whatever the zoom (ear clipping is
/// quadratic in them).
pub const MAX_DRAWN_CORNERS: usize = 4000;
/// Screen points an area's outline may stray from its true line.
const TOLERANCE_POINTS: f64 = 0.4;
/// World width in points at zoom 0 (as the camera has it).
const TILE_POINTS: f64 = 256.0;

/// An area ready to draw: its ring in world coordinates (open: the last
/// corner is not the first again) and triangles over it.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaShape {
    pub ring: Vec<WorldPos>,
    pub triangles: Vec<[u32; 3]>,
    /// Corners left out at this zoom.
    pub simplified_away: usize,
}

#[derive(Default)]
pub struct AreaShapes {
    cache: HashMap<(PlaceId, u64, i32), Arc<AreaShape>>,
}

impl AreaShapes {
    /// The shape of `place` (version `version`) for a camera at `zoom`.
    pub fn shape(&mut self, place: &Place, version: u64, zoom: f64) -> Option<Arc<AreaShape>> {
        let geo_types::Geometry::Polygon(poly) = &place.geometry else {
            return None;
        };
        let bucket = zoom.floor().clamp(0.0, 24.0) as i32;
        let key = (place.id.clone(), version, bucket);
        if let Some(shape) = self.cache.get(&key) {
            return Some(shape.clone());
        }
        if self.cache.len() > 4096 {
            self.cache.clear();
        }
        let mut world: Vec<WorldPos> = poly
            .exterior()
            .coords()
            .map(|c| world_from_lon_lat(c.x, c.y))
            .collect();
        if world.len() >= 2 && world.first() == world.last() {
            world.pop();
        }
        // Good to the next zoom level, so a level's shape serves all of it.
        let mut tolerance = TOLERANCE_POINTS / (TILE_POINTS * f64::from(bucket + 1).exp2());
        let mut kept = simplify_ring(&world, tolerance);
        while kept.len() > MAX_DRAWN_CORNERS {
            tolerance *= 2.0;
            kept = simplify_ring(&world, tolerance);
        }
        let ring: Vec<WorldPos> = kept.iter().map(|&i| world[i]).collect();
        let points: Vec<(f64, f64)> = ring.iter().map(|p| (p.x, p.y)).collect();
        let triangles = triangulate_ring(&points)
            .into_iter()
            .map(|t| [t[0] as u32, t[1] as u32, t[2] as u32])
            .collect();
        let shape = Arc::new(AreaShape {
            simplified_away: world.len() - ring.len(),
            ring,
            triangles,
        });
        self.cache.insert(key, shape.clone());
        Some(shape)
    }
}

/// The corners of an open ring that Douglas–Peucker keeps at `tolerance`
/// (indices, in order). The ring is split at its first corner and the
/// corner farthest from it, so a closed shape keeps both sides.
pub fn simplify_ring(ring: &[WorldPos], tolerance: f64) -> Vec<usize> {
    let n = ring.len();
    if n <= 4 {
        return (0..n).collect();
    }
    let far = (1..n)
        .max_by(|&a, &b| dist2(ring[0], ring[a]).total_cmp(&dist2(ring[0], ring[b])))
        .unwrap_or(n / 2);
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[far] = true;
    mark(ring, 0, far, tolerance, &mut keep);
    // The second half runs from `far` back round to the first corner.
    let wrapped: Vec<WorldPos> = ring[far..]
        .iter()
        .chain(std::iter::once(&ring[0]))
        .copied()
        .collect();
    let mut keep_back = vec![false; wrapped.len()];
    mark(&wrapped, 0, wrapped.len() - 1, tolerance, &mut keep_back);
    for (k, kept) in keep_back.iter().enumerate() {
        if *kept && far + k < n {
            keep[far + k] = true;
        }
    }
    let kept: Vec<usize> = (0..n).filter(|&i| keep[i]).collect();
    if kept.len() < 3 {
        // Too small to see at this zoom: keep a triangle of it.
        return vec![0, n / 3, 2 * n / 3];
    }
    kept
}

/// Marks the corners between `a` and `b` that lie farther than `tolerance`
/// from the chord, without recursion (a long ring would overflow the stack).
fn mark(points: &[WorldPos], a: usize, b: usize, tolerance: f64, keep: &mut [bool]) {
    let mut stack = vec![(a, b)];
    let t2 = tolerance * tolerance;
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut worst, mut worst_d) = (a, 0.0);
        for i in a + 1..b {
            let d = segment_dist2(points[i], points[a], points[b]);
            if d > worst_d {
                (worst, worst_d) = (i, d);
            }
        }
        if worst_d > t2 {
            keep[worst] = true;
            stack.push((a, worst));
            stack.push((worst, b));
        }
    }
}

fn dist2(a: WorldPos, b: WorldPos) -> f64 {
    (a.x - b.x).powi(2) + (a.y - b.y).powi(2)
}

fn segment_dist2(p: WorldPos, a: WorldPos, b: WorldPos) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    if len2 == 0.0 {
        return dist2(p, a);
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0);
    dist2(
        p,
        WorldPos {
            x: a.x + t * dx,
            y: a.y + t * dy,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo_types::{Coord, Geometry, LineString, Polygon};

    fn circle(corners: usize) -> Place {
        let ring: Vec<Coord<f64>> = (0..=corners)
            .map(|i| {
                let a = i as f64 / corners as f64 * std::f64::consts::TAU;
                Coord {
                    x: 36.0 + 2.0 * a.cos(),
                    y: 35.0 + 2.0 * a.sin(),
                }
            })
            .collect();
        Place {
            id: "circle".into(),
            name: "Circle".into(),
            kind: crate::brief::PlaceKind::Area,
            geometry: Geometry::Polygon(Polygon::new(LineString(ring), vec![])),
            approximate: false,
            note: String::new(),
            sources: Vec::new(),
            extra: Default::default(),
        }
    }

    #[test]
    fn a_ring_of_a_million_corners_is_drawn_with_a_few_hundred_at_a_regional_zoom() {
        let mut shapes = AreaShapes::default();
        let shape = shapes.shape(&circle(1_000_000), 1, 6.0).unwrap();
        assert!(shape.ring.len() < 1000, "{}", shape.ring.len());
        assert!(shape.ring.len() > 20);
        assert_eq!(shape.triangles.len(), shape.ring.len() - 2);
    }

    #[test]
    fn closer_zooms_keep_more_corners_and_never_more_than_the_cap() {
        let mut shapes = AreaShapes::default();
        let place = circle(200_000);
        let far = shapes.shape(&place, 1, 3.0).unwrap().ring.len();
        let near = shapes.shape(&place, 1, 12.0).unwrap().ring.len();
        assert!(near > far, "{near} vs {far}");
        assert!(near <= MAX_DRAWN_CORNERS);
    }

    #[test]
    fn a_simple_square_keeps_its_four_corners() {
        let square: Vec<WorldPos> = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
            .iter()
            .map(|&(x, y)| WorldPos { x, y })
            .collect();
        assert_eq!(simplify_ring(&square, 0.01), [0, 1, 2, 3]);
    }
}
