//! Indexes of an article's chosen places that the resolver asks once per
//! candidate: which of them lie near a point, and which lie in a country,
//! state or county. Each answers without scanning every place found so far,
//! so resolving a long text costs time in proportion to its length.

use rustc_hash::FxHashMap as HashMap;
use std::hash::Hash;

use crate::gazetteer::{Gazetteer, Place, PlaceId};

/// Side of a grid cell in degrees; a search of radius r looks at the cells
/// that the box of r around the point touches.
const CELL_DEG: f64 = 2.5;
/// Kilometres in a degree of latitude.
const KM_PER_DEG: f64 = 111.0;

/// Places of the article (each with the group of the name that chose it),
/// filed by grid cell of latitude and longitude.
#[derive(Default)]
pub(super) struct PointGrid {
    points: Vec<(usize, PlaceId)>,
    cells: HashMap<(i32, i32), Vec<usize>>,
    /// The rows (latitude cells) and columns (longitude cells) that hold a
    /// place. A search skips a cell whose row or column is empty without
    /// looking it up: most candidates lie far from the article's places, and
    /// their searches then look up nothing.
    rows: CellSet,
    columns: CellSet,
}

/// A set of cell numbers in -128..256 (rows run -37..=37, columns 0..=144),
/// where any number outside may be in it.
#[derive(Default)]
struct CellSet {
    bits: [u64; 6],
}

impl CellSet {
    fn bit_of(cell: i32) -> Option<(usize, u64)> {
        let at = usize::try_from(cell.checked_add(128)?).ok()?;
        (at < 384).then(|| (at / 64, 1 << (at % 64)))
    }

    fn insert(&mut self, cell: i32) {
        if let Some((word, bit)) = Self::bit_of(cell) {
            self.bits[word] |= bit;
        }
    }

    /// False only where no place was filed: a cell out of range is looked up.
    fn may_hold(&self, cell: i32) -> bool {
        Self::bit_of(cell).is_none_or(|(word, bit)| self.bits[word] & bit != 0)
    }
}

fn cell_of(lat_deg: f64, lon_deg: f64) -> (i32, i32) {
    (
        floor_i32(lat_deg / CELL_DEG),
        floor_i32(lon_deg.rem_euclid(360.0) / CELL_DEG),
    )
}

/// `x.floor() as i32`, without the call to `floor` that x86-64 makes when
/// it cannot assume SSE4.1 (a sixth of the grid's look-ups).
fn floor_i32(x: f64) -> i32 {
    let toward_zero = x as i32;
    if f64::from(toward_zero) > x {
        toward_zero.saturating_sub(1)
    } else {
        toward_zero
    }
}

impl PointGrid {
    /// Empties the grid, keeping its room.
    pub fn clear(&mut self) {
        self.points.clear();
        self.cells.clear();
        self.rows = CellSet::default();
        self.columns = CellSet::default();
    }

    pub fn push(&mut self, group: usize, place: PlaceId, gaz: &Gazetteer) {
        let p = gaz.place(place);
        let (row, column) = cell_of(p.lat_deg, p.lon_deg);
        self.rows.insert(row);
        self.columns.insert(column);
        self.cells
            .entry((row, column))
            .or_default()
            .push(self.points.len());
        self.points.push((group, place));
    }

    /// Every filed place whose cell the box of `km` around `at` touches: a
    /// superset of the places within `km`, for the caller to measure.
    pub fn around<'a>(
        &'a self,
        at: &Place,
        km: f64,
    ) -> impl Iterator<Item = (usize, PlaceId)> + 'a {
        let lat_reach_deg = km / KM_PER_DEG;
        let lon_cells = (360.0 / CELL_DEG) as i32;
        let lat_lo = cell_of(at.lat_deg - lat_reach_deg, at.lon_deg).0;
        let lat_hi = cell_of(at.lat_deg + lat_reach_deg, at.lon_deg).0;
        // Most candidates lie in rows where nothing was filed: they are
        // answered before any trigonometry.
        let (lon_lo, lon_span) = if (lat_lo..=lat_hi).any(|lat| self.rows.may_hold(lat)) {
            let widest_lat_deg = (at.lat_deg.abs() + lat_reach_deg).min(89.9);
            let lon_reach_deg = (lat_reach_deg / widest_lat_deg.to_radians().cos()).min(180.0);
            let lon_lo = cell_of(at.lat_deg, at.lon_deg - lon_reach_deg).1;
            let lon_span = ((2.0 * lon_reach_deg / CELL_DEG).ceil() as i32 + 1).min(lon_cells);
            (lon_lo, lon_span)
        } else {
            (0, 0)
        };
        (lat_lo..=lat_hi)
            .filter(|&lat| self.rows.may_hold(lat))
            .flat_map(move |lat| (0..lon_span).map(move |k| (lat, (lon_lo + k) % lon_cells)))
            .filter(|&(_, lon)| self.columns.may_hold(lon))
            .filter_map(|cell| self.cells.get(&cell))
            .flatten()
            .map(|&i| self.points[i])
    }
}

/// For each key, the first two groups' places filed under it: enough to find
/// one that is not the asking group's own.
pub(super) struct FirstTwo<K> {
    /// Two slots in the entry, not a vector: the index is made again every
    /// round of resolution, and a vector per key was an allocation each.
    map: HashMap<K, [Option<(usize, PlaceId)>; 2]>,
}

impl<K> Default for FirstTwo<K> {
    fn default() -> Self {
        Self {
            map: HashMap::default(),
        }
    }
}

impl<K: Hash + Eq> FirstTwo<K> {
    /// Empties the index, keeping its room.
    pub fn clear(&mut self) {
        self.map.clear();
    }

    pub fn push(&mut self, key: K, group: usize, place: PlaceId) {
        let entry = self.map.entry(key).or_default();
        if entry.iter().flatten().all(|&(g, _)| g != group)
            && let Some(free) = entry.iter_mut().find(|slot| slot.is_none())
        {
            *free = Some((group, place));
        }
    }

    /// A place filed under `key` by a group other than `own_group`.
    pub fn other_than<Q>(&self, key: &Q, own_group: usize) -> Option<PlaceId>
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.map
            .get(key)?
            .iter()
            .flatten()
            .find(|&&(g, _)| g != own_group)
            .map(|&(_, p)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_floored_as_floor_floors_it() {
        let edges = [
            0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.5, -2.5, 71.99, -71.99, 144.0,
        ];
        let far = [
            1e10,
            -1e10,
            f64::MAX,
            f64::MIN,
            2_147_483_647.5,
            -2_147_483_648.5,
        ];
        for x in edges
            .into_iter()
            .chain(far)
            .chain([f64::NAN, f64::INFINITY])
        {
            assert_eq!(floor_i32(x), x.floor() as i32, "{x}");
        }
        for i in -4000..4000 {
            let x = f64::from(i) / 7.0;
            assert_eq!(floor_i32(x), x.floor() as i32, "{x}");
        }
    }

    #[test]
    fn a_grid_search_finds_places_across_the_antimeridian_and_near_a_pole() {
        let gaz = Gazetteer::from_tsv(
            "P\ttown\t64\t179.9\t1\tRU\t\t\t0\tEast\t\t\n\
             P\ttown\t64\t-179.9\t1\tUS\t\t\t0\tWest\t\t\n\
             P\ttown\t80\t10\t1\tNO\t\t\t0\tNorth\t\t\n\
             P\ttown\t80\t20\t1\tNO\t\t\t0\tFar\t\t\n\
             P\ttown\t10\t10\t1\tNG\t\t\t0\tSouth\t\t\n",
        )
        .expect("valid");
        let mut grid = PointGrid::default();
        for i in 0..5 {
            grid.push(i, PlaceId(i as u32), &gaz);
        }
        let near = |i: u32| -> Vec<PlaceId> {
            grid.around(&gaz.place(PlaceId(i)), 250.0)
                .map(|(_, p)| p)
                .collect()
        };
        assert!(near(0).contains(&PlaceId(1)));
        assert!(near(1).contains(&PlaceId(0)));
        // 10 degrees of longitude at 80 degrees north are under 200 km.
        assert!(near(2).contains(&PlaceId(3)));
        assert!(!near(0).contains(&PlaceId(4)));
    }

    #[test]
    fn a_cell_set_holds_what_was_put_in_and_may_hold_what_is_out_of_range() {
        let mut set = CellSet::default();
        for cell in [-36, -1, 0, 63, 64, 143] {
            set.insert(cell);
        }
        for cell in -128..256 {
            let inserted = [-36, -1, 0, 63, 64, 143].contains(&cell);
            assert_eq!(set.may_hold(cell), inserted, "{cell}");
        }
        assert!(set.may_hold(256) && set.may_hold(-129) && set.may_hold(i32::MAX));
    }

    #[test]
    fn first_two_finds_another_groups_place() {
        let mut index = FirstTwo::default();
        index.push("US.TX".to_owned(), 3, PlaceId(7));
        index.push("US.TX".to_owned(), 3, PlaceId(8));
        assert_eq!(index.other_than("US.TX", 3), None);
        index.push("US.TX".to_owned(), 5, PlaceId(9));
        assert_eq!(index.other_than("US.TX", 3), Some(PlaceId(9)));
        assert_eq!(index.other_than("US.TX", 5), Some(PlaceId(7)));
    }
}
