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
        let markers: Vec<CrowdMember> = (0..5000)
            .map(|i| {
                let (x, y) = ((i % 100) as f64 / 100.0, (i / 100) as f64 / 100.0);
                member(i, [x * 0.01 + 0.5, y * 0.01 + 0.5], 0.0)
            })
            .collect();
        let mut levels = ZoomThinning::default();
        let mut count = |zoom: f64| {
            let kept = levels
                .kept_in_view(1, zoom, [0.0, 0.0], [1.0, 1.0], || markers.clone())
                .kept;
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

    fn member(i: usize, at: [f64; 2], extent: f64) -> CrowdMember {
        CrowdMember {
            id: crate::brief::PlaceId::new(format!("p{i}")),
            at,
            extent,
            rank: i as u64,
        }
    }

    #[test]
    fn small_areas_in_a_crowd_give_way_and_are_counted_but_a_large_one_is_always_drawn() {
        // 100 markers and 100 small areas in a square a hundredth of the
        // world wide (15 points at zoom 2), and one area five times as wide.
        let mut members: Vec<CrowdMember> = (0..200)
            .map(|i| {
                let (x, y) = ((i % 10) as f64 / 1000.0, (i / 10 % 10) as f64 / 1000.0);
                member(i, [0.5 + x, 0.5 + y], if i < 100 { 0.0 } else { 1e-5 })
            })
            .collect();
        members.push(member(200, [0.505, 0.505], 0.05));
        let mut levels = ZoomThinning::default();
        let view = levels.kept_in_view(1, 2.0, [0.0, 0.0], [1.0, 1.0], || members.clone());
        let shown = view.kept.len() + 1;
        let counted: usize = view.kept.iter().map(|(_, n)| n).sum();
        assert!(shown < 20, "{shown}");
        assert_eq!(shown + counted, 201, "every place is shown or counted");
        assert!(view.hidden_areas.len() >= 90, "{}", view.hidden_areas.len());
        assert!(!view.hidden_areas.contains(&members[200].id));
        assert!(view.kept.iter().all(|(id, _)| *id != members[200].id));
        // Close up nothing crowds, and the areas are big enough to be drawn.
        let near = levels.kept_in_view(1, 18.0, [0.0, 0.0], [1.0, 1.0], || members.clone());
        assert!(near.hidden_areas.is_empty());
        assert_eq!(near.kept.len(), 100, "the markers");
    }

    #[test]
    fn a_storys_few_markers_and_areas_all_stay_however_close() {
        let members: Vec<CrowdMember> = (0..40)
            .map(|i| member(i, [0.5, 0.5], if i % 2 == 0 { 0.0 } else { 1e-6 }))
            .collect();
        let view = ZoomThinning::default().kept_in_view(1, 1.0, [0.0, 0.0], [1.0, 1.0], || members);
        assert_eq!(view.kept.len(), 20, "the markers");
        assert!(view.kept.iter().all(|(_, n)| *n == 0));
        assert!(view.hidden_areas.is_empty());
    }

    #[test]
    fn a_world_view_keeps_its_markers_room_for_their_counts_and_a_country_view_does_not_need_it() {
        // A grid of markers a sixth of the world wide, every 1/2000 of it.
        let markers: Vec<CrowdMember> = (0..10_000)
            .map(|i| {
                let (x, y) = ((i % 100) as f64 / 2000.0, (i / 100) as f64 / 2000.0);
                member(i, [0.4 + x, 0.4 + y], 0.0)
            })
            .collect();
        let mut levels = ZoomThinning::default();
        for (zoom, gap) in [(2.0, WIDE_VIEW_GAP_POINTS), (6.0, MARKER_GAP_POINTS)] {
            let kept = levels.kept_in_view(1, zoom, [0.0, 0.0], [1.0, 1.0], || markers.clone());
            let scale = TILE_POINTS * (zoom + 0.5_f64).exp2();
            let at: Vec<[f64; 2]> = kept
                .kept
                .iter()
                .map(|(id, _)| markers[id.as_str()[1..].parse::<usize>().unwrap()].at)
                .collect();
            let closest = at
                .iter()
                .enumerate()
                .flat_map(|(i, a)| at[i + 1..].iter().map(move |b| (a, b)))
                .map(|(a, b)| (a[0] - b[0]).hypot(a[1] - b[1]) * scale)
                .fold(f64::MAX, f64::min);
            assert!(closest >= gap, "zoom {zoom}: {closest} < {gap}");
            // Markers kept no farther apart than the gap asks.
            assert!(closest < gap + 12.0, "zoom {zoom}: {closest}");
        }
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
/// The gap in a view of the world or a continent (zoom levels below
/// `WIDE_VIEW_LEVELS`): there nearly every marker kept stands for others and
/// says "+N" beside it, which needs the room of another marker.
pub const WIDE_VIEW_GAP_POINTS: f64 = 32.0;
const WIDE_VIEW_LEVELS: i32 = 5;

/// The gap between markers at a zoom level.
fn gap_points(level: i32) -> f64 {
    if level < WIDE_VIEW_LEVELS {
        WIDE_VIEW_GAP_POINTS
    } else {
        MARKER_GAP_POINTS
    }
}
/// World width in points at zoom 0 (as the camera has it).
const TILE_POINTS: f64 = 256.0;

/// Lower ranks keep their marker where markers crowd: bases before
/// capitals before areas before towns, and among those the more often named.
pub fn marker_rank(kind: crate::brief::PlaceKind, mentions: usize) -> u64 {
    use crate::brief::PlaceKind as K;
    let kind = match kind {
        K::NavalBase | K::AirBase => 1,
        K::Capital => 2,
        K::Area => 3,
        _ => 4,
    };
    (kind << 32) | (u64::from(u32::MAX) - mentions.min(u32::MAX as usize) as u64)
}

/// A place that may give way where places crowd: a marker, or an area.
#[derive(Clone, Debug)]
pub struct CrowdMember {
    pub id: crate::brief::PlaceId,
    /// Where it is drawn, in world coordinates.
    pub at: [f64; 2],
    /// An area's larger side in world units (a marker's is zero). An area
    /// smaller than the gap between markers at a zoom level is a blot no
    /// bigger than a marker there, and crowds like one; a bigger area is
    /// always drawn.
    pub extent: f64,
    pub rank: u64,
}

type KeptMarker = rstar::primitives::GeomWithData<[f64; 2], (crate::brief::PlaceId, usize)>;

/// What one zoom level keeps: the markers (and small areas) that stay, each
/// with how many it stands for, and the small areas that gave way.
#[derive(Default)]
struct Level {
    kept: rstar::RTree<KeptMarker>,
    hidden_areas: std::sync::Arc<std::collections::HashSet<crate::brief::PlaceId>>,
}

/// The places a view keeps after thinning (see `ZoomThinning::kept_in_view`).
pub struct KeptInView {
    /// Markers and small areas kept in the view, with how many each stands for.
    pub kept: Vec<(crate::brief::PlaceId, usize)>,
    /// Areas this zoom level leaves out (counted by a kept place near them).
    pub hidden_areas: std::sync::Arc<std::collections::HashSet<crate::brief::PlaceId>>,
}

/// The markers each zoom level keeps, worked out once per change of the
/// places and zoom level (not per frame), in an R-tree for the view to ask.
#[derive(Default)]
pub struct ZoomThinning {
    version: Option<u64>,
    levels: HashMap<i32, Level>,
}

impl ZoomThinning {
    /// The markers kept at `zoom` inside the world box `min..max`, with how
    /// many each stands for, and the areas left out at this zoom. `members`
    /// are all the marker and area places, asked for only when a level is
    /// first needed.
    pub fn kept_in_view(
        &mut self,
        version: u64,
        zoom: f64,
        min: [f64; 2],
        max: [f64; 2],
        members: impl FnOnce() -> Vec<CrowdMember>,
    ) -> KeptInView {
        if self.version != Some(version) {
            self.version = Some(version);
            self.levels.clear();
        }
        let level = zoom.floor().clamp(0.0, 24.0) as i32;
        let level = self
            .levels
            .entry(level)
            .or_insert_with(|| thin_level(level, members()));
        let envelope = rstar::AABB::from_corners(min, max);
        KeptInView {
            kept: level
                .kept
                .locate_in_envelope(&envelope)
                .map(|m| m.data.clone())
                .collect(),
            hidden_areas: level.hidden_areas.clone(),
        }
    }
}

/// Thins one zoom level: markers, and areas smaller there than the gap
/// between markers, give way to the more important near them.
fn thin_level(level: i32, members: Vec<CrowdMember>) -> Level {
    // Points at the middle of the level, so the gap holds through it.
    let scale = TILE_POINTS * (f64::from(level) + 0.5).exp2();
    let gap = gap_points(level);
    // An area bigger than the gap is drawn whatever crowds it.
    let crowding: Vec<&CrowdMember> = members.iter().filter(|m| m.extent * scale < gap).collect();
    // A news story's few markers all stay, and so do its areas.
    if crowding.len() <= THIN_ABOVE_MARKERS {
        let kept = members
            .into_iter()
            .filter(|m| m.extent == 0.0)
            .map(|m| KeptMarker::new(m.at, (m.id, 0)))
            .collect();
        return Level {
            kept: rstar::RTree::bulk_load(kept),
            hidden_areas: Default::default(),
        };
    }
    let candidates: Vec<Candidate> = crowding
        .iter()
        .map(|m| Candidate {
            pos: ScreenPos::new(m.at[0] * scale, m.at[1] * scale),
            rank: m.rank,
        })
        .collect();
    let thinned = thin_markers(&candidates, gap);
    let mut kept_flags = vec![false; crowding.len()];
    let kept = thinned
        .kept
        .iter()
        .zip(&thinned.hides)
        .map(|(&i, &hides)| {
            kept_flags[i] = true;
            KeptMarker::new(crowding[i].at, (crowding[i].id.clone(), hides))
        })
        .collect();
    let hidden_areas = crowding
        .iter()
        .zip(kept_flags)
        .filter(|(m, kept)| m.extent > 0.0 && !kept)
        .map(|(m, _)| m.id.clone())
        .collect();
    Level {
        kept: rstar::RTree::bulk_load(kept),
        hidden_areas: std::sync::Arc::new(hidden_areas),
    }
}
