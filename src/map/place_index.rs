//! Which of the story's places are in view, without looking at them all: an
//! R-tree (rstar) of each place's extent in world coordinates. It is kept in
//! step with the brief by place version: after an edit only the places that
//! changed are taken out and put back. Markers (bases, towns) are not in it:
//! `thinning::ZoomThinning` keeps those, thinned for each zoom.

use std::collections::HashMap;

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use super::projection::{WorldPos, world_from_lon_lat};
use super::world_basemap::WorldBasemap;
use crate::brief::{Brief, Place, PlaceId, PlaceKind};

type Entry = GeomWithData<Rectangle<[f64; 2]>, PlaceId>;

#[derive(Default)]
pub struct PlaceIndex {
    tree: RTree<Entry>,
    /// What each place was indexed as: its version and its entry.
    indexed: HashMap<PlaceId, (u64, Entry)>,
    /// The brief's places version the index is in step with.
    version: Option<u64>,
}

/// Where a place is drawn in world coordinates: a country the basemap knows
/// at its label point, an area by its ring's bounding box, a point where it is.
pub fn place_extent(place: &Place, world: &WorldBasemap) -> (WorldPos, WorldPos) {
    if place.kind == PlaceKind::Country
        && let Some(c) = world.country_index(&place.name)
    {
        let at = world.countries[c].label;
        return (at, at);
    }
    match &place.geometry {
        geo_types::Geometry::Polygon(poly) => {
            let mut min = WorldPos {
                x: f64::MAX,
                y: f64::MAX,
            };
            let mut max = WorldPos {
                x: f64::MIN,
                y: f64::MIN,
            };
            for c in poly.exterior().coords() {
                let w = world_from_lon_lat(c.x, c.y);
                min = WorldPos {
                    x: min.x.min(w.x),
                    y: min.y.min(w.y),
                };
                max = WorldPos {
                    x: max.x.max(w.x),
                    y: max.y.max(w.y),
                };
            }
            (min, max)
        }
        _ => {
            let (lon, lat) = place.anchor_lon_lat();
            let w = world_from_lon_lat(lon, lat);
            (w, w)
        }
    }
}

fn entry(place: &Place, world: &WorldBasemap) -> Entry {
    let (min, max) = place_extent(place, world);
    GeomWithData::new(
        Rectangle::from_corners([min.x, min.y], [max.x, max.y]),
        place.id.clone(),
    )
}

impl PlaceIndex {
    /// Brings the index in step with `brief`: nothing to do if no place
    /// changed; else only the changed, added and removed places move.
    pub fn update(&mut self, brief: &Brief, world: &WorldBasemap) {
        if self.version == Some(brief.places_version()) {
            return;
        }
        if self.version.is_none() {
            self.indexed = brief
                .places()
                .filter(|p| !p.kind.has_marker())
                .map(|p| (p.id.clone(), (brief.place_version(&p.id), entry(p, world))))
                .collect();
            self.tree = RTree::bulk_load(self.indexed.values().map(|(_, e)| e.clone()).collect());
        } else {
            for place in brief.places() {
                if place.kind.has_marker() {
                    // A place that became a marker leaves the index.
                    if let Some((_, e)) = self.indexed.remove(&place.id) {
                        self.tree.remove(&e);
                    }
                    continue;
                }
                let version = brief.place_version(&place.id);
                match self.indexed.get(&place.id) {
                    Some((v, _)) if *v == version => {}
                    old => {
                        if let Some((_, e)) = old {
                            self.tree.remove(e);
                        }
                        let e = entry(place, world);
                        self.tree.insert(e.clone());
                        self.indexed.insert(place.id.clone(), (version, e));
                    }
                }
            }
            {
                let gone: Vec<PlaceId> = self
                    .indexed
                    .keys()
                    .filter(|id| brief.place(id).is_none())
                    .cloned()
                    .collect();
                for id in gone {
                    if let Some((_, e)) = self.indexed.remove(&id) {
                        self.tree.remove(&e);
                    }
                }
            }
        }
        self.version = Some(brief.places_version());
    }

    /// The places (markers aside) whose extent meets the world box
    /// `min..max`, in the brief's order.
    pub fn visible(&self, brief: &Brief, min: WorldPos, max: WorldPos) -> Vec<usize> {
        let envelope = AABB::from_corners([min.x, min.y], [max.x, max.y]);
        let mut found: Vec<usize> = self
            .tree
            .locate_in_envelope_intersecting(&envelope)
            .filter_map(|e| brief.place_position(&e.data))
            .collect();
        found.sort_unstable();
        found
    }

    pub fn len(&self) -> usize {
        self.tree.size()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Edit, PlaceChange};

    fn world_box(lon: (f64, f64), lat: (f64, f64)) -> (WorldPos, WorldPos) {
        let a = world_from_lon_lat(lon.0, lat.1);
        let b = world_from_lon_lat(lon.1, lat.0);
        (a, b)
    }

    #[test]
    fn a_view_of_northern_syria_finds_its_area_and_not_ukraine() {
        let brief = Brief::default_brief();
        let mut index = PlaceIndex::default();
        index.update(&brief, WorldBasemap::embedded());
        let (min, max) = world_box((38.0, 42.0), (35.5, 37.5));
        let ids: Vec<&str> = index
            .visible(&brief, min, max)
            .into_iter()
            .map(|i| brief.place_at(i).unwrap().id.as_str())
            .collect();
        assert!(ids.contains(&"northeastern-syria"), "{ids:?}");
        assert!(
            !ids.contains(&"ukraine") && !ids.contains(&"tartus"),
            "{ids:?}"
        );
    }

    #[test]
    fn a_moved_place_is_found_where_it_went_and_not_where_it_was() {
        let mut brief = Brief::default_brief();
        let mut index = PlaceIndex::default();
        index.update(&brief, WorldBasemap::embedded());
        brief
            .apply(Edit::UpdatePlace {
                id: "middle-east".into(),
                change: PlaceChange::Geometry(geo_types::Geometry::Point(geo_types::Point::new(
                    36.0, 35.0,
                ))),
            })
            .unwrap();
        index.update(&brief, WorldBasemap::embedded());
        let near = |lon: f64, lat: f64| {
            let (min, max) = world_box((lon - 0.5, lon + 0.5), (lat - 0.5, lat + 0.5));
            index
                .visible(&brief, min, max)
                .into_iter()
                .any(|i| brief.place_at(i).unwrap().id == "middle-east")
        };
        assert!(near(36.0, 35.0));
        assert!(!near(41.0, 29.0), "no longer where it was");
        let markers = brief.places().filter(|p| p.kind.has_marker()).count();
        assert_eq!(index.len(), brief.place_count() - markers);
    }
}
