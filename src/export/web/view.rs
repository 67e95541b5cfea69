//! What part of the world a page shows and how close: the story's box, the
//! zoom the page opens at (the app's fit of the story), the zooms a reader
//! may go between, the extent they may pan over, and for each place the
//! view that shows it (the app's `camera_for_place`, as a box to fit or a
//! zoom to reach).

use super::paths::WorldBox;
use crate::basemap::context::Regions;
use crate::basemap::{Basemap, LonLat};
use crate::brief::{Brief, Place, PlaceKind};
use crate::map::camera::Camera;
use crate::map::framing::{FIT_MARGIN, fit_story, story_bounds, zoom_for_point};
use crate::map::projection::{WorldPos, world_from_lon_lat};
use crate::map::{ScreenPos, ScreenRect};

/// The map of a page at a desktop width (the right part of a 1280-pixel
/// window): the page opens at the fit the app would make there, and fits
/// again to the reader's own size.
const REFERENCE_MAP: ScreenRect = ScreenRect {
    min: ScreenPos::new(0.0, 0.0),
    max: ScreenPos::new(760.0, 640.0),
};
/// Half the largest screen a page plans for, in points: the extent holds
/// this much around the story at the page's widest zoom.
const SCREEN_HALF_POINTS: (f64, f64) = (640.0, 400.0);
/// Zoom levels a reader may go out from the opening fit (a phone's map is
/// half as wide as a desktop's), and in beyond the closest place view.
const ZOOM_OUT_LEVELS: f64 = 1.0;
const ZOOM_IN_LEVELS: f64 = 1.0;
/// The closest a page goes: a town's streets are not in its data.
pub const PAGE_MAX_ZOOM: f64 = 10.0;
/// World width in points at zoom 0.
pub const TILE_POINTS: f64 = 256.0;

/// Points per world unit at a zoom.
pub fn points_per_world(zoom: f64) -> f64 {
    TILE_POINTS * zoom.exp2()
}

/// The world box that a screen of `half` points each side of `center` shows at `zoom`.
pub fn screen_box(center: WorldPos, half: (f64, f64), zoom: f64) -> WorldBox {
    let scale = points_per_world(zoom);
    WorldBox::around(center, half.0 / scale, half.1 / scale)
}

pub struct PageView {
    pub story: WorldBox,
    pub start: Camera,
    pub min_zoom: f64,
    pub max_zoom: f64,
    /// Where a reader may pan: the story with a screen around it at the
    /// widest zoom.
    pub extent: WorldBox,
}

/// How a place is shown when it is chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Focus {
    /// Fit this box (a country, an area, a county or state by its outline).
    Fit(WorldBox),
    /// Centre on the place, at least this zoom (a base, a town) or, for a
    /// region or sea of unknown size, at most.
    Zoom { zoom: f64, at_least: bool },
}

impl Focus {
    /// The zoom this focus reaches on the reference map.
    fn zoom(&self) -> f64 {
        match self {
            Focus::Fit(b) => {
                let width = REFERENCE_MAP.width() - 2.0 * FIT_MARGIN;
                let height = REFERENCE_MAP.height() - 2.0 * FIT_MARGIN;
                let scale = (width / b.width().max(1e-9)).min(height / b.height().max(1e-9));
                (scale / TILE_POINTS).log2()
            }
            Focus::Zoom { zoom, .. } => *zoom,
        }
    }
}

pub fn focus_of(place: &Place) -> Focus {
    let fit_lon_lat = |min: LonLat, max: LonLat| {
        let a = world_from_lon_lat(min.lon_deg, max.lat_deg);
        let b = world_from_lon_lat(max.lon_deg, min.lat_deg);
        Focus::Fit(WorldBox::new(a, a).including(b))
    };
    if place.kind == PlaceKind::Country
        && let Some(country) = Basemap::embedded().country_named(&place.name)
    {
        return fit_lon_lat(country.bbox.min, country.bbox.max);
    }
    if let geo_types::Geometry::Polygon(poly) = &place.geometry {
        let points: Vec<WorldPos> = poly
            .exterior()
            .coords()
            .map(|c| world_from_lon_lat(c.x, c.y))
            .collect();
        if let Some(b) = WorldBox::of_points(&points) {
            return Focus::Fit(b);
        }
    }
    let (lon_deg, lat_deg) = place.anchor_lon_lat();
    if place.kind == PlaceKind::Region
        && let Some(b) = crate::map::framing::division_named_at(
            Regions::embedded(),
            &place.name,
            LonLat { lon_deg, lat_deg },
        )
    {
        return fit_lon_lat(b.min, b.max);
    }
    Focus::Zoom {
        zoom: zoom_for_point(place.kind),
        at_least: !matches!(place.kind, PlaceKind::Region | PlaceKind::Sea),
    }
}

pub fn page_view(brief: &Brief) -> PageView {
    let start = fit_story(brief, &REFERENCE_MAP);
    let story = story_bounds(brief).map_or_else(
        || screen_box(start.center, (1.0, 1.0), start.zoom),
        |(min, max)| {
            let a = world_from_lon_lat(min.0, max.1);
            let b = world_from_lon_lat(max.0, min.1);
            WorldBox::new(a, a).including(b)
        },
    );
    let min_zoom = (start.zoom - ZOOM_OUT_LEVELS).max(crate::map::camera::MIN_ZOOM);
    let closest = brief
        .places()
        .map(|p| focus_of(p).zoom())
        .fold(start.zoom, f64::max);
    let max_zoom = (closest + ZOOM_IN_LEVELS)
        .max(start.zoom + 2.0)
        .clamp(min_zoom + 1.0, PAGE_MAX_ZOOM.max(min_zoom + 1.0));
    let scale = points_per_world(min_zoom);
    let world = WorldBox::new(WorldPos { x: 0.0, y: 0.0 }, WorldPos { x: 1.0, y: 1.0 });
    let extent = story
        .grown(SCREEN_HALF_POINTS.0 / scale, SCREEN_HALF_POINTS.1 / scale)
        .intersection(world)
        .unwrap_or(world);
    PageView {
        story,
        start,
        min_zoom,
        max_zoom,
        extent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_brief_s_page_reaches_the_bases_zoom_and_holds_moscow_and_syria() {
        let brief = Brief::default_brief();
        let view = page_view(&brief);
        assert!(view.max_zoom >= 8.0, "{}", view.max_zoom);
        assert!(view.min_zoom < view.start.zoom);
        for (lon, lat) in [(37.6, 55.75), (35.87, 34.91), (41.0, 37.0)] {
            assert!(view.extent.contains(world_from_lon_lat(lon, lat)));
        }
        let tartus = brief.place("tartus").unwrap();
        assert_eq!(
            focus_of(tartus),
            Focus::Zoom {
                zoom: 8.0,
                at_least: true
            }
        );
        assert!(matches!(
            focus_of(brief.place("syria").unwrap()),
            Focus::Fit(_)
        ));
    }
}
