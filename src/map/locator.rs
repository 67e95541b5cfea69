//! The locator: when the map is zoomed in past country scale, a corner
//! overview of the country (or, at sea or in a small country, of the
//! surroundings) with the view's extent boxed, so a reader always knows where
//! the view lies. This module decides what the overview shows; drawing is in
//! `crate::ui::map::locator`.

use crate::basemap::Basemap;
use crate::geo::{GeoBox, LonLat};

/// From this zoom on the locator shows (zoom 5 is about a country).
pub const LOCATOR_ZOOM: f64 = 5.5;
/// The overview spans at least this many times the view on each axis, so the
/// box stays small enough to read as "here".
const MIN_OVERVIEW_TIMES_VIEW: f64 = 5.0;
/// An overview wider than this (degrees of longitude) is cut to it, so
/// Russia or Canada do not shrink the box to a dot.
const MAX_OVERVIEW_LON_DEG: f64 = 70.0;

/// What the locator shows: an overview box, and the view's extent in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LocatorPlan {
    pub overview: GeoBox,
    pub extent: GeoBox,
}

/// The locator for a view (its lon/lat box) at a zoom, or `None` when the
/// view is wide enough to show where it is by itself.
pub fn plan_locator(basemap: &Basemap, view: GeoBox, zoom: f64) -> Option<LocatorPlan> {
    if zoom < LOCATOR_ZOOM {
        return None;
    }
    let center = LonLat::new(
        (view.min.lon_deg + view.max.lon_deg) / 2.0,
        (view.min.lat_deg + view.max.lat_deg) / 2.0,
    );
    let view_lon = view.max.lon_deg - view.min.lon_deg;
    let view_lat = view.max.lat_deg - view.min.lat_deg;
    // The overview moves in steps of a view, not with every pixel of a drag,
    // so its drawing is reused while the reader pans.
    let snap = |v: f64, step: f64| (v / step).round() * step;
    let center = LonLat::new(
        snap(center.lon_deg, view_lon),
        snap(center.lat_deg, view_lat),
    );
    // The land the view is on: the polygon of its country that holds the
    // centre (the lower 48 rather than the US with Alaska and the Aleutians).
    let land = basemap.country_at(center).and_then(|country| {
        country
            .polygons
            .iter()
            .find(|polygon| polygon.contains(center.with_wrapped_lon()))
            .map(|polygon| crate::basemap::layer::bounding_box(&polygon.rings[0]))
    });
    let mut overview = land.unwrap_or(view);
    // At least a few times the view, centred on it where the land is too small.
    let grow = |min: f64, max: f64, at: f64, wanted: f64| {
        if max - min >= wanted {
            (min, max)
        } else {
            (at - wanted / 2.0, at + wanted / 2.0)
        }
    };
    let (west, east) = grow(
        overview.min.lon_deg,
        overview.max.lon_deg,
        center.lon_deg,
        view_lon * MIN_OVERVIEW_TIMES_VIEW,
    );
    let (south, north) = grow(
        overview.min.lat_deg,
        overview.max.lat_deg,
        center.lat_deg,
        view_lat * MIN_OVERVIEW_TIMES_VIEW,
    );
    overview = GeoBox {
        min: LonLat::new(west, south),
        max: LonLat::new(east, north),
    };
    if east - west > MAX_OVERVIEW_LON_DEG {
        let half = MAX_OVERVIEW_LON_DEG / 2.0;
        let mid = clamp_or_middle(center.lon_deg, west + half, east - half);
        overview.min.lon_deg = mid - half;
        overview.max.lon_deg = mid + half;
        let half_lat = (MAX_OVERVIEW_LON_DEG / 2.0).min((north - south) / 2.0);
        let mid_lat = clamp_or_middle(center.lat_deg, south + half_lat, north - half_lat);
        overview.min.lat_deg = mid_lat - half_lat;
        overview.max.lat_deg = mid_lat + half_lat;
    }
    let pad_lon = (overview.max.lon_deg - overview.min.lon_deg) * 0.08;
    let pad_lat = (overview.max.lat_deg - overview.min.lat_deg) * 0.08;
    overview.min = LonLat::new(
        overview.min.lon_deg - pad_lon,
        overview.min.lat_deg - pad_lat,
    );
    overview.max = LonLat::new(
        overview.max.lon_deg + pad_lon,
        overview.max.lat_deg + pad_lat,
    );
    Some(LocatorPlan {
        overview,
        extent: view,
    })
}

/// `value` kept within `low..=high`; the middle of the two where rounding
/// has crossed them (a box cut to its own height: `south + h` and
/// `north - h` can differ in the last bit either way).
fn clamp_or_middle(value: f64, low: f64, high: f64) -> f64 {
    if low <= high {
        value.clamp(low, high)
    } else {
        (low + high) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view_around(lon_deg: f64, lat_deg: f64, half_deg: f64) -> GeoBox {
        GeoBox {
            min: LonLat::new(lon_deg - half_deg, lat_deg - half_deg * 0.7),
            max: LonLat::new(lon_deg + half_deg, lat_deg + half_deg * 0.7),
        }
    }

    #[test]
    fn a_country_scale_view_needs_no_locator() {
        let view = view_around(38.0, 35.0, 6.0);
        assert_eq!(plan_locator(Basemap::embedded(), view, 5.0), None);
    }

    #[test]
    fn a_view_of_charlotte_michigan_is_boxed_inside_an_overview_of_the_united_states() {
        let view = view_around(-84.84, 42.56, 0.6);
        let plan = plan_locator(Basemap::embedded(), view, 9.5).expect("a locator");
        assert_eq!(plan.extent, view);
        assert!(plan.overview.contains(view.min) && plan.overview.contains(view.max));
        let width = plan.overview.max.lon_deg - plan.overview.min.lon_deg;
        assert!((40.0..=80.0).contains(&width), "{width}° wide");
        assert!(
            plan.overview.max.lon_deg < -60.0,
            "the lower 48, not the Aleutians"
        );
    }

    #[test]
    fn a_view_at_sea_gets_an_overview_a_few_times_its_size() {
        let view = view_around(-30.0, 30.0, 1.0);
        let plan = plan_locator(Basemap::embedded(), view, 8.0).expect("a locator");
        let width = plan.overview.max.lon_deg - plan.overview.min.lon_deg;
        assert!(width >= 2.0 * MIN_OVERVIEW_TIMES_VIEW, "{width}");
        assert!(plan.overview.contains(LonLat::new(-30.0, 30.0)));
    }

    #[test]
    fn no_wide_view_anywhere_breaks_the_overview() {
        // A view wider than the overview may be, over water or a small
        // country, is cut to a box centred on itself; rounding once made the
        // box's bounds cross and the app abort (a story of Chicago,
        // Detroit and Cleveland in a 1280-pixel window).
        for lat in (-60..=70).step_by(3) {
            for lon in (-180..180).step_by(7) {
                for half in [7.3, 8.0, 9.1, 11.7] {
                    let view = view_around(f64::from(lon) + 0.37, f64::from(lat) + 0.13, half);
                    let plan = plan_locator(Basemap::embedded(), view, 6.0).expect("a locator");
                    assert!(plan.overview.min.lat_deg < plan.overview.max.lat_deg);
                    assert!(plan.overview.min.lon_deg < plan.overview.max.lon_deg);
                }
            }
        }
    }

    #[test]
    fn a_view_of_siberia_is_boxed_in_a_part_of_russia_not_all_of_it() {
        let view = view_around(105.0, 60.0, 1.0);
        let plan = plan_locator(Basemap::embedded(), view, 8.0).expect("a locator");
        let width = plan.overview.max.lon_deg - plan.overview.min.lon_deg;
        assert!(width <= MAX_OVERVIEW_LON_DEG * 1.2, "{width}");
        assert!(plan.overview.contains(view.min) && plan.overview.contains(view.max));
    }
}
