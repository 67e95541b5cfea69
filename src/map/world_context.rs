//! The context layers projected once into Web Mercator world coordinates, like
//! [`super::world_basemap`]: 1:10m countries and their lines, lakes, rivers,
//! admin-1 and county boundaries, admin-1 label points and towns. They are
//! decoded and projected on a thread after the first frame (a few hundred
//! milliseconds); until then [`WorldContext::loaded`] is `None` and the map
//! draws the 1:50m basemap alone.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use super::projection::WorldPos;
use super::world_basemap::{
    WorldBasemap, WorldCountry, WorldLine, bounds, join_polygons, line_runs, world,
};
use crate::basemap::context::{
    ADMIN1_LINES_BYTES, COUNTIES_BYTES, COUNTRIES_10M_BYTES, COUNTRY_LINES_10M_BYTES,
    COUNTY_LINES_BYTES, LAKES_BYTES, RIVERS_BYTES, Regions, embedded_layer, embedded_towns,
};
use crate::basemap::layer::Layer;

/// A filled area without a name (a lake).
pub struct WorldArea {
    pub vertices: Vec<WorldPos>,
    pub triangles: Vec<[u32; 3]>,
    /// The rings as closed outlines, for the shore.
    pub outlines: Vec<WorldLine>,
    pub min: WorldPos,
    pub max: WorldPos,
}

pub struct WorldRiver {
    /// WDB-II level: 1 double-lined, 2 permanent major, 3 additional major.
    pub level: u32,
    pub line: WorldLine,
}

/// A first-level division's name and where it goes.
pub struct WorldRegionLabel {
    pub name: String,
    pub country: String,
    pub pos: WorldPos,
    /// Natural Earth's min_zoom: the web-map zoom from which it is labelled.
    pub min_zoom: f64,
}

pub struct WorldTown {
    pub name: String,
    pub country_code: String,
    pub population: u32,
    pub capital: bool,
    pub pos: WorldPos,
}

pub struct WorldContext {
    /// 1:10m countries, each with the index of the same country in
    /// [`WorldBasemap::countries`] (for tints), when it has one.
    pub countries: Vec<(WorldCountry, Option<usize>)>,
    pub borders: Vec<WorldLine>,
    pub coastlines: Vec<WorldLine>,
    pub admin1_lines: Vec<WorldLine>,
    pub county_lines: Vec<WorldLine>,
    pub lakes: Vec<WorldArea>,
    pub rivers: Vec<WorldRiver>,
    pub admin1_labels: Vec<WorldRegionLabel>,
    /// Biggest first.
    pub towns: Vec<WorldTown>,
    /// Indices into `towns` per cell of a `TOWN_GRID` × `TOWN_GRID` grid over
    /// the world, each list biggest first, so a view looks at its own cells.
    town_cells: Vec<Vec<u32>>,
}

/// Cells across the world in the town index (a cell is 2.8° of longitude).
const TOWN_GRID: usize = 128;

fn town_cell(pos: WorldPos) -> (usize, usize) {
    let cell = |v: f64| ((v * TOWN_GRID as f64) as isize).clamp(0, TOWN_GRID as isize - 1) as usize;
    (cell(pos.x), cell(pos.y))
}

static CONTEXT: OnceLock<WorldContext> = OnceLock::new();
static LOADING: AtomicBool = AtomicBool::new(false);
static BACKGROUND_LOADING: AtomicBool = AtomicBool::new(true);

impl WorldContext {
    /// The context layers if they are ready.
    pub fn loaded() -> Option<&'static WorldContext> {
        CONTEXT.get()
    }

    /// Starts decoding and projecting the layers on a thread (once per
    /// process); `on_loaded` runs there when they are ready.
    pub fn load_in_background(on_loaded: impl FnOnce() + Send + 'static) {
        if !BACKGROUND_LOADING.load(Ordering::SeqCst) {
            return;
        }
        if CONTEXT.get().is_some() || LOADING.swap(true, Ordering::SeqCst) {
            return;
        }
        std::thread::spawn(move || {
            Self::load_now();
            on_loaded();
        });
    }

    /// Whether the map may start loading the layers by itself (on by
    /// default); the frame benchmark turns it off to measure the 1:50m map alone.
    pub fn set_background_loading(enabled: bool) {
        BACKGROUND_LOADING.store(enabled, Ordering::SeqCst);
    }

    /// The layers, decoded and projected now if they are not yet (blocks).
    pub fn load_now() -> &'static WorldContext {
        CONTEXT.get_or_init(|| {
            let _ = Regions::embedded();
            Self::project(WorldBasemap::embedded())
        })
    }

    fn project(basemap: &WorldBasemap) -> Self {
        let countries = embedded_layer(COUNTRIES_10M_BYTES)
            .features
            .into_iter()
            .map(|f| {
                let (vertices, triangles, pieces) =
                    join_polygons(f.polygons.iter().map(|polygon| {
                        (
                            polygon.vertices().map(world).collect(),
                            &polygon.triangles[..],
                        )
                    }));
                let (min, max) = bounds(&vertices);
                let index_50m = basemap.country_index(&f.name);
                let country = WorldCountry {
                    label: world(f.label),
                    name: f.name,
                    min,
                    max,
                    vertices,
                    triangles,
                    pieces,
                };
                (country, index_50m)
            })
            .collect();
        let mut country_lines = lines_of(embedded_layer(COUNTRY_LINES_10M_BYTES));
        let coastlines = country_lines.pop().unwrap_or_default();
        let borders = country_lines.pop().unwrap_or_default();
        let rivers = embedded_layer(RIVERS_BYTES)
            .features
            .into_iter()
            .flat_map(|f| {
                let level = f.weight;
                f.lines
                    .into_iter()
                    .flat_map(|l| line_runs(&l))
                    .map(move |line| WorldRiver { level, line })
            })
            .collect();
        let lakes = embedded_layer(LAKES_BYTES)
            .features
            .into_iter()
            .flat_map(|f| f.polygons)
            .map(|polygon| {
                let vertices: Vec<WorldPos> = polygon.vertices().map(world).collect();
                let (min, max) = bounds(&vertices);
                let outlines = polygon
                    .rings
                    .iter()
                    .flat_map(|ring| {
                        line_runs(&[ring.as_slice(), &ring[..ring.len().min(1)]].concat())
                    })
                    .collect();
                WorldArea {
                    vertices,
                    triangles: polygon.triangles,
                    outlines,
                    min,
                    max,
                }
            })
            .collect();
        let regions = Regions::embedded();
        let admin1_labels = regions
            .admin1
            .iter()
            .map(|r| WorldRegionLabel {
                name: r.name.clone(),
                country: r.parent.clone(),
                pos: world(r.label),
                min_zoom: f64::from(r.rank) / 10.0,
            })
            .collect();
        let towns: Vec<WorldTown> = embedded_towns()
            .into_iter()
            .map(|t| WorldTown {
                pos: world(t.pos),
                name: t.name,
                country_code: t.country_code,
                population: t.population,
                capital: t.capital,
            })
            .collect();
        let _ = COUNTIES_BYTES; // looked up through `Regions`, not drawn as areas
        let mut town_cells = vec![Vec::new(); TOWN_GRID * TOWN_GRID];
        for (i, town) in towns.iter().enumerate() {
            let (x, y) = town_cell(town.pos);
            town_cells[y * TOWN_GRID + x].push(i as u32);
        }
        Self {
            town_cells,
            countries,
            borders,
            coastlines,
            admin1_lines: lines_of(embedded_layer(ADMIN1_LINES_BYTES))
                .into_iter()
                .flatten()
                .collect(),
            county_lines: lines_of(embedded_layer(COUNTY_LINES_BYTES))
                .into_iter()
                .flatten()
                .collect(),
            lakes,
            rivers,
            admin1_labels,
            towns,
        }
    }
}

impl WorldContext {
    /// The towns in the cells that meet a world box, biggest first. From
    /// each cell it takes the towns `take` accepts, walking the cell biggest
    /// first while `keep_walking(town, taken_so_far_in_cell)` holds.
    pub fn towns_near(
        &self,
        min: WorldPos,
        max: WorldPos,
        take: impl Fn(&WorldTown) -> bool,
        keep_walking: impl Fn(&WorldTown, usize) -> bool,
    ) -> Vec<&WorldTown> {
        let (x0, y0) = town_cell(min);
        let (x1, y1) = town_cell(max);
        let mut found: Vec<u32> = Vec::new();
        for y in y0..=y1 {
            for x in x0..=x1 {
                let mut taken = 0;
                for &i in &self.town_cells[y * TOWN_GRID + x] {
                    let town = &self.towns[i as usize];
                    if !keep_walking(town, taken) {
                        break;
                    }
                    if take(town) {
                        found.push(i);
                        taken += 1;
                    }
                }
            }
        }
        found.sort_unstable();
        found.into_iter().map(|i| &self.towns[i as usize]).collect()
    }
}

/// Each feature's lines, projected.
fn lines_of(layer: Layer) -> Vec<Vec<WorldLine>> {
    layer
        .features
        .into_iter()
        .map(|f| f.lines.iter().flat_map(|l| line_runs(l)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::projection::world_from_lon_lat;

    #[test]
    fn the_10m_countries_are_matched_to_their_50m_selves() {
        let context = WorldContext::load_now();
        let basemap = WorldBasemap::embedded();
        let syria = context
            .countries
            .iter()
            .find(|(c, _)| c.name == "Syria")
            .expect("Syria at 1:10m");
        assert_eq!(syria.1, basemap.country_index("Syria"));
        let matched = context
            .countries
            .iter()
            .filter(|(_, i)| i.is_some())
            .count();
        assert!(matched >= 235, "{matched}");
    }

    #[test]
    fn lake_michigan_is_a_lake_west_of_lansing() {
        let context = WorldContext::load_now();
        let in_lake = world_from_lon_lat(-87.0, 43.5);
        let lake = context.lakes.iter().find(|lake| {
            lake.min.x <= in_lake.x
                && in_lake.x <= lake.max.x
                && lake.min.y <= in_lake.y
                && in_lake.y <= lake.max.y
        });
        assert!(lake.is_some_and(|l| l.triangles.len() > 100));
    }
}
