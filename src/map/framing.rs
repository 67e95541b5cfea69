//! Where the camera should go: the view that fits a brief's story, and the
//! view that shows one place well. Pure functions of the brief and viewport.

use super::camera::Camera;
use super::projection::world_from_lon_lat;
use super::world_basemap::WorldBasemap;
use super::{ScreenPos, ScreenRect};
use crate::basemap::context::Regions;
use crate::basemap::{Basemap, GeoBox, LonLat};
use crate::brief::{Brief, Place, PlaceKind};

/// Margin kept around fitted places, in points.
pub const FIT_MARGIN: f64 = 48.0;

/// Kinds too large to frame the story by (a country, a sea, a region).
pub fn frames_the_story(kind: PlaceKind) -> bool {
    !matches!(
        kind,
        PlaceKind::Country | PlaceKind::Region | PlaceKind::Sea
    )
}

fn place_bounds(place: &Place) -> ((f64, f64), (f64, f64)) {
    match &place.geometry {
        geo_types::Geometry::Polygon(poly) => {
            let mut min = (f64::MAX, f64::MAX);
            let mut max = (f64::MIN, f64::MIN);
            for c in poly.exterior().coords() {
                min = (min.0.min(c.x), min.1.min(c.y));
                max = (max.0.max(c.x), max.1.max(c.y));
            }
            (min, max)
        }
        _ => {
            let p = place.anchor_lon_lat();
            (p, p)
        }
    }
}

/// The lon/lat box around the story's places (all places if none frame it).
pub fn story_bounds(brief: &Brief) -> Option<((f64, f64), (f64, f64))> {
    let framing: Vec<&Place> = brief
        .places()
        .filter(|p| frames_the_story(p.kind))
        .collect();
    let chosen: Vec<&Place> = if framing.is_empty() {
        brief.places().collect()
    } else {
        framing
    };
    chosen.iter().map(|p| place_bounds(p)).reduce(|a, b| {
        (
            (a.0.0.min(b.0.0), a.0.1.min(b.0.1)),
            (a.1.0.max(b.1.0), a.1.1.max(b.1.1)),
        )
    })
}

/// The width kept clear at the map's right edge for its zoom and fit
/// buttons (drawn there by the window and by the web page), in points: a
/// fitted place is never under them.
pub const CONTROLS_WIDTH_PT: f64 = 50.0;

/// The camera that shows the whole story, beside the map's buttons.
pub fn fit_story(brief: &Brief, viewport: &ScreenRect) -> Camera {
    match story_bounds(brief) {
        Some((min, max)) => {
            let clear = ScreenRect {
                min: viewport.min,
                max: ScreenPos::new(
                    (viewport.max.x - CONTROLS_WIDTH_PT).max(viewport.min.x + 1.0),
                    viewport.max.y,
                ),
            };
            let fitted = Camera::fitting(&clear, min, max, FIT_MARGIN);
            // A story in one town should not zoom to street level.
            let mut cam = Camera {
                zoom: fitted.zoom.min(9.0),
                ..fitted
            };
            // The camera's centre is the whole viewport's: move it so that
            // the story is centred in the part clear of the buttons.
            let shift_pt = (viewport.max.x - clear.max.x) / 2.0;
            cam.center.x += shift_pt / cam.points_per_world();
            cam
        }
        None => Camera {
            center: world_from_lon_lat(20.0, 30.0),
            zoom: 2.0,
        },
    }
}

/// The outline's box of the county or first-level division at `point` that
/// bears `name` ("Henry County", "Henry", "Georgia").
pub fn division_named_at(regions: &Regions, name: &str, point: LonLat) -> Option<GeoBox> {
    let bare = |n: &str| {
        let n = n.trim();
        [
            " County",
            " Parish",
            " Borough",
            " Governorate",
            " Province",
            " State",
        ]
        .iter()
        .find_map(|suffix| n.strip_suffix(suffix))
        .unwrap_or(n)
        .to_lowercase()
    };
    let wanted = bare(name);
    [regions.county_at(point), regions.admin1_at(point)]
        .into_iter()
        .flatten()
        .find(|r| bare(&r.name) == wanted)
        .map(|r| r.bbox)
}

/// Zoom at which a point place of this kind is worth showing.
pub fn zoom_for_point(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::NavalBase | PlaceKind::AirBase => 8.0,
        PlaceKind::City => 6.5,
        PlaceKind::Capital => 5.5,
        PlaceKind::Area => 6.0,
        PlaceKind::Country | PlaceKind::Region | PlaceKind::Sea => 3.5,
    }
}

/// The camera that shows `place` well, starting from `current`.
pub fn camera_for_place(place: &Place, viewport: &ScreenRect, current: &Camera) -> Camera {
    if place.kind == PlaceKind::Country
        && let Some(country) = Basemap::embedded().country_named(&place.name)
    {
        let b = country.bbox;
        let cam = Camera::fitting(
            viewport,
            (b.min.lon_deg, b.min.lat_deg),
            (b.max.lon_deg, b.max.lat_deg),
            FIT_MARGIN,
        );
        return cam;
    }
    if place.is_area() {
        let (min, max) = place_bounds(place);
        return Camera::fitting(viewport, min, max, FIT_MARGIN);
    }
    let (lon, lat) = place.anchor_lon_lat();
    if place.kind == PlaceKind::Region
        && let Some(regions) = Regions::loaded()
        && let Some(b) = division_named_at(regions, &place.name, LonLat::new(lon, lat))
    {
        // A county or state known by its outline is framed by it, not by
        // the wide zoom a region of unknown size gets.
        return Camera::fitting(
            viewport,
            (b.min.lon_deg, b.min.lat_deg),
            (b.max.lon_deg, b.max.lat_deg),
            FIT_MARGIN,
        );
    }
    let wanted = zoom_for_point(place.kind);
    let zoom = if matches!(place.kind, PlaceKind::Region | PlaceKind::Sea) {
        current.zoom.min(wanted)
    } else {
        current.zoom.max(wanted)
    };
    Camera {
        center: world_from_lon_lat(lon, lat),
        zoom,
    }
}

/// The basemap country that holds most of the story's point places.
pub fn focus_country(brief: &Brief) -> Option<usize> {
    let world = WorldBasemap::embedded();
    let basemap = Basemap::embedded();
    let mut counts = vec![0usize; world.countries.len()];
    // A sample of a few hundred tells the country as well as all would (each
    // look-up is a point-in-polygon test against the world's countries).
    let step = (brief.place_count() / 400).max(1);
    for place in brief.places().step_by(step).filter(|p| p.kind.has_marker()) {
        let (lon_deg, lat_deg) = place.anchor_lon_lat();
        if let Some(country) = basemap.country_at(LonLat { lon_deg, lat_deg })
            && let Some(i) = world.country_index(&country.name)
        {
            counts[i] += 1;
        }
    }
    let (best, count) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (*count > 0).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::ScreenPos;

    fn viewport() -> ScreenRect {
        ScreenRect {
            min: ScreenPos::new(0.0, 0.0),
            max: ScreenPos::new(600.0, 700.0),
        }
    }

    #[test]
    fn the_opening_view_shows_the_four_mission_places() {
        let brief = Brief::default_brief();
        let cam = fit_story(&brief, &viewport());
        for id in ["tartus", "hmeimim", "moscow", "northeastern-syria"] {
            let (lon, lat) = brief.place(id).unwrap().anchor_lon_lat();
            let p = cam.screen_from_lon_lat(&viewport(), lon, lat);
            assert!(viewport().contains(p), "{id} is off screen at {p:?}");
        }
    }

    #[test]
    fn the_opening_view_keeps_every_place_clear_of_the_map_s_buttons_and_centred_beside_them() {
        let brief = Brief::default_brief();
        let cam = fit_story(&brief, &viewport());
        let xs: Vec<f64> = brief
            .places()
            .filter(|p| frames_the_story(p.kind))
            .map(|p| {
                let (lon, lat) = p.anchor_lon_lat();
                cam.screen_from_lon_lat(&viewport(), lon, lat).x
            })
            .collect();
        let right = viewport().max.x - CONTROLS_WIDTH_PT;
        let (west, east) = xs
            .iter()
            .fold((f64::MAX, f64::MIN), |(w, e), &x| (w.min(x), e.max(x)));
        assert!(east <= right - FIT_MARGIN + 0.5, "{east} under the buttons");
        // Centred in what is clear of them: equal room on either side.
        let (room_west, room_east) = (west - viewport().min.x, right - east);
        assert!(
            (room_west - room_east).abs() < 1.0 || room_west.min(room_east) >= FIT_MARGIN - 0.5
        );
    }

    #[test]
    fn selecting_a_base_zooms_in_far_enough_to_tell_the_two_bases_apart() {
        let brief = Brief::default_brief();
        let start = fit_story(&brief, &viewport());
        let tartus = brief.place("tartus").unwrap();
        let hmeimim = brief.place("hmeimim").unwrap();
        let cam = camera_for_place(tartus, &viewport(), &start);
        let a = cam.screen_from_lon_lat(
            &viewport(),
            tartus.anchor_lon_lat().0,
            tartus.anchor_lon_lat().1,
        );
        let b = cam.screen_from_lon_lat(
            &viewport(),
            hmeimim.anchor_lon_lat().0,
            hmeimim.anchor_lon_lat().1,
        );
        assert!(a.distance(b) > 60.0, "{}", a.distance(b));
    }

    #[test]
    fn selecting_a_county_frames_the_county_not_the_continent() {
        let regions = Regions::embedded();
        let county = crate::brief::Place {
            id: "laurens-county".into(),
            name: "Laurens County".into(),
            kind: PlaceKind::Region,
            geometry: geo_types::Geometry::Point(geo_types::Point::new(-82.92, 32.46)),
            approximate: true,
            note: String::new(),
            sources: Vec::new(),
            extra: Default::default(),
        };
        let start = Camera {
            center: world_from_lon_lat(-83.0, 32.5),
            zoom: 3.0,
        };
        assert!(division_named_at(regions, &county.name, LonLat::new(-82.92, 32.46)).is_some());
        let cam = camera_for_place(&county, &viewport(), &start);
        assert!(cam.zoom > 7.0, "zoom {}", cam.zoom);
        let georgia = crate::brief::Place {
            name: "Georgia".into(),
            ..county
        };
        let cam = camera_for_place(&georgia, &viewport(), &start);
        assert!((5.0..7.5).contains(&cam.zoom), "zoom {}", cam.zoom);
    }

    #[test]
    fn selecting_a_country_frames_the_whole_country() {
        let brief = Brief::default_brief();
        let syria = brief.place("syria").unwrap();
        let start = fit_story(&brief, &viewport());
        let cam = camera_for_place(syria, &viewport(), &start);
        let damascus = cam.screen_from_lon_lat(&viewport(), 36.29, 33.51);
        let qamishli = cam.screen_from_lon_lat(&viewport(), 41.22, 37.05);
        assert!(viewport().contains(damascus) && viewport().contains(qamishli));
    }
}
