//! When markers would sit on top of each other, the less important ones
//! give way: the map keeps the most important marker of each crowd and
//! counts what it hides. A grid of cells the size of the gap finds the
//! neighbours, so thinning ten thousand markers is linear.

use std::collections::HashMap;

use super::ScreenPos;

/// A marker that wants a spot: where it lands and how important it is
/// (lower ranks first).
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    pub pos: ScreenPos,
    pub rank: u64,
}

/// What thinning kept: indices into the candidates, and for each kept one
/// how many it hides.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thinned {
    pub kept: Vec<usize>,
    pub hides: Vec<usize>,
}

impl Thinned {
    pub fn hidden(&self) -> usize {
        self.hides.iter().sum()
    }
}

/// Keeps each candidate that has no kept one within `gap` points, most
/// important first; a dropped one is counted by the kept one nearest it.
pub fn thin_markers(candidates: &[Candidate], gap: f64) -> Thinned {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| candidates[i].rank);
    let cell = |p: ScreenPos| ((p.x / gap).floor() as i64, (p.y / gap).floor() as i64);
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    let mut out = Thinned::default();
    for i in order {
        let p = candidates[i].pos;
        let (cx, cy) = cell(p);
        let mut nearest: Option<(usize, f64)> = None;
        for dx in -1..=1 {
            for dy in -1..=1 {
                for &k in grid.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                    let d = candidates[out.kept[k]].pos.distance(p);
                    if d < gap && nearest.is_none_or(|(_, best)| d < best) {
                        nearest = Some((k, d));
                    }
                }
            }
        }
        match nearest {
            Some((k, _)) => out.hides[k] += 1,
            None => {
                grid.entry((cx, cy)).or_default().push(out.kept.len());
                out.kept.push(i);
                out.hides.push(0);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, y: f64, rank: u64) -> Candidate {
        Candidate {
            pos: ScreenPos::new(x, y),
            rank,
        }
    }

    #[test]
    fn of_two_markers_on_one_spot_the_more_important_stays_and_counts_the_other() {
        let thinned = thin_markers(&[at(10.0, 10.0, 5), at(12.0, 11.0, 1)], 8.0);
        assert_eq!(thinned.kept, [1]);
        assert_eq!(thinned.hides, [1]);
    }

    #[test]
    fn each_zoom_level_keeps_fewer_markers_the_further_out_and_all_when_close() {
        let markers: Vec<(crate::brief::PlaceId, [f64; 2], u64)> = (0..5000)
            .map(|i| {
                let (x, y) = ((i % 100) as f64 / 100.0, (i / 100) as f64 / 100.0);
                (
                    crate::brief::PlaceId::new(format!("p{i}")),
                    [x * 0.01 + 0.5, y * 0.01 + 0.5],
                    i as u64,
                )
            })
            .collect();
        let mut levels = ZoomThinning::default();
        let mut count = |zoom: f64| {
            let kept = levels.kept_in_view(1, zoom, [0.0, 0.0], [1.0, 1.0], || markers.clone());
            assert_eq!(
                kept.len() + kept.iter().map(|(_, h)| h).sum::<usize>(),
                5000
            );
            kept.len()
        };
        let (far, mid, near) = (count(2.0), count(8.0), count(16.0));
        assert!(far < mid && mid < near, "{far} {mid} {near}");
        assert_eq!(near, 5000);
    }

    #[test]
    fn markers_apart_all_stay() {
        let thinned = thin_markers(&[at(0.0, 0.0, 0), at(20.0, 0.0, 0), at(0.0, 20.0, 0)], 8.0);
        assert_eq!(thinned.kept.len(), 3);
        assert_eq!(thinned.hidden(), 0);
    }

    #[test]
    fn a_dense_crowd_keeps_one_marker_a_gap_and_hides_the_rest() {
        let crowd: Vec<Candidate> = (0..10_000)
            .map(|i| at((i % 100) as f64, (i / 100) as f64, i as u64))
            .collect();
        let thinned = thin_markers(&crowd, 10.0);
        assert!(thinned.kept.len() < 200, "{}", thinned.kept.len());
        assert_eq!(thinned.kept.len() + thinned.hidden(), 10_000);
        for (a, &i) in thinned.kept.iter().enumerate() {
            for &j in &thinned.kept[a + 1..] {
                assert!(crowd[i].pos.distance(crowd[j].pos) >= 10.0);
            }
        }
    }
}

/// Markers thin out only when there are many: a news story's few markers
/// all stay (the detail inset shows a crowd apart).
pub const THIN_ABOVE_MARKERS: usize = 60;
/// Markers closer than this, in points, hide the less important.
pub const MARKER_GAP_POINTS: f64 = 22.0;
/// World width in points at zoom 0 (as the camera has it).
const TILE_POINTS: f64 = 256.0;

/// Lower ranks keep their marker where markers crowd: bases before
/// capitals before towns, and among those the more often named.
pub fn marker_rank(kind: crate::brief::PlaceKind, mentions: usize) -> u64 {
    use crate::brief::PlaceKind as K;
    let kind = match kind {
        K::NavalBase | K::AirBase => 1,
        K::Capital => 2,
        _ => 4,
    };
    (kind << 32) | (u64::from(u32::MAX) - mentions.min(u32::MAX as usize) as u64)
}

type KeptMarker = rstar::primitives::GeomWithData<[f64; 2], (crate::brief::PlaceId, usize)>;

/// The markers each zoom level keeps, worked out once per change of the
/// places and zoom level (not per frame), in an R-tree for the view to ask.
#[derive(Default)]
pub struct ZoomThinning {
    version: Option<u64>,
    levels: HashMap<i32, rstar::RTree<KeptMarker>>,
}

impl ZoomThinning {
    /// The markers kept at `zoom` inside the world box `min..max`, with how
    /// many each stands for. `markers` are all the marker places: (id,
    /// world position, rank), asked for only when a level is first needed.
    pub fn kept_in_view(
        &mut self,
        version: u64,
        zoom: f64,
        min: [f64; 2],
        max: [f64; 2],
        markers: impl FnOnce() -> Vec<(crate::brief::PlaceId, [f64; 2], u64)>,
    ) -> Vec<(crate::brief::PlaceId, usize)> {
        if self.version != Some(version) {
            self.version = Some(version);
            self.levels.clear();
        }
        let level = zoom.floor().clamp(0.0, 24.0) as i32;
        let tree = self.levels.entry(level).or_insert_with(|| {
            let markers = markers();
            let thin = markers.len() > THIN_ABOVE_MARKERS;
            // Points at the middle of the level, so the gap holds through it.
            let scale = TILE_POINTS * (f64::from(level) + 0.5).exp2();
            let kept: Vec<KeptMarker> = if thin {
                let candidates: Vec<Candidate> = markers
                    .iter()
                    .map(|(_, w, rank)| Candidate {
                        pos: ScreenPos::new(w[0] * scale, w[1] * scale),
                        rank: *rank,
                    })
                    .collect();
                let thinned = thin_markers(&candidates, MARKER_GAP_POINTS);
                thinned
                    .kept
                    .iter()
                    .zip(&thinned.hides)
                    .map(|(&i, &hides)| {
                        KeptMarker::new(markers[i].1, (markers[i].0.clone(), hides))
                    })
                    .collect()
            } else {
                markers
                    .into_iter()
                    .map(|(id, w, _)| KeptMarker::new(w, (id, 0)))
                    .collect()
            };
            rstar::RTree::bulk_load(kept)
        });
        let envelope = rstar::AABB::from_corners(min, max);
        tree.locate_in_envelope(&envelope)
            .map(|m| m.data.clone())
            .collect()
    }
}
