//! What the map shows at each zoom and how its names give way: the zooms
//! from which each context layer and kind of name appears, the ranks labels
//! are placed by, marker sizes and the type names are set in. The egui map
//! widget and the exported web page both follow these, so a page shows at
//! a zoom what the app shows there.

use crate::brief::PlaceKind;

/// From this zoom on the map draws Natural Earth's 1:10m countries and
/// lines instead of 1:50m ones (a zoom-5 view of Syria is about 1,000 km wide).
pub const DETAIL_ZOOM: f64 = 5.0;
/// First-level boundaries from this zoom (a view of a country or two; the
/// opening view of a brief about several countries stays calm).
pub const ADMIN1_ZOOM: f64 = 5.0;
/// County boundaries from this zoom (a view of a few states).
pub const COUNTY_ZOOM: f64 = 6.5;
/// Major rivers (WDB-II levels 1 and 2) from this zoom, the others later.
pub const MAJOR_RIVER_ZOOM: f64 = 5.0;
pub const RIVER_ZOOM: f64 = 6.0;
/// Lakes smaller than this on screen (points, their larger side) are left out.
pub const MIN_LAKE_POINTS: f64 = 3.0;

/// The highest WDB-II river level drawn at a zoom (0: none).
pub fn river_levels_shown(zoom: f64) -> u32 {
    if zoom >= RIVER_ZOOM {
        3
    } else if zoom >= MAJOR_RIVER_ZOOM {
        2
    } else {
        0
    }
}

/// Admin-1 names from this zoom (a view of a country), and each only a zoom
/// level after Natural Earth would first label it, so that at country scale
/// the country's own name and the story stay louder.
pub const REGION_ZOOM: f64 = 5.5;

/// Whether a first-level division whose Natural Earth `min_zoom` is given
/// is named at `zoom`.
pub fn region_labelled(min_zoom: f64, zoom: f64) -> bool {
    zoom >= REGION_ZOOM && min_zoom + 1.0 <= zoom
}

/// A town this close to a story marker (points) is the story's to name.
pub const NEAR_STORY_POINTS: f64 = 14.0;

/// Label ranks (lower is placed first): the story's places use 0..=6 (see
/// [`kind_rank`]), then seas and the map's own names.
pub const SEA_RANK: u32 = 15;
pub const COUNTRY_RANK: u32 = 20;
pub const CAPITAL_RANK: u32 = 22;
pub const REGION_RANK: u32 = 26;
pub const TOWN_RANK: u32 = 30;

/// A story place's label rank: lower ranks keep their labels when space
/// runs out (the selected place's label ranks 0).
pub fn kind_rank(kind: PlaceKind) -> u32 {
    match kind {
        PlaceKind::NavalBase | PlaceKind::AirBase => 1,
        PlaceKind::Capital => 2,
        PlaceKind::Area => 3,
        PlaceKind::City => 4,
        PlaceKind::Country => 5,
        PlaceKind::Region | PlaceKind::Sea => 6,
    }
}

/// Radius of a marker in points, for hit testing and label gaps.
pub fn marker_radius_points(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::NavalBase | PlaceKind::AirBase => 7.0,
        PlaceKind::Capital => 6.0,
        _ => 4.5,
    }
}

/// A country narrower than this on screen (points) is not named.
pub const MIN_COUNTRY_LABEL_POINTS: f64 = 24.0;

/// Whether a country's name fits it: a small country's name may spill a
/// little over its borders, as on a printed map.
pub fn country_name_fits(name_width_points: f64, country_width_points: f64) -> bool {
    country_width_points >= MIN_COUNTRY_LABEL_POINTS
        && name_width_points <= (country_width_points * 1.4).max(60.0)
}

/// How a name is set: size in points, extra space between letters, in
/// capitals, in italics.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelType {
    pub size_points: f64,
    pub letter_spacing_points: f64,
    pub capitals: bool,
    pub italic: bool,
}

const fn type_of(size_points: f64, letter_spacing_points: f64, capitals: bool) -> LabelType {
    LabelType {
        size_points,
        letter_spacing_points,
        capitals,
        italic: false,
    }
}

/// The map's own country names: small spaced capitals.
pub const COUNTRY_TYPE: LabelType = type_of(10.0, 1.6, true);
/// First-level divisions: smaller spaced capitals.
pub const REGION_TYPE: LabelType = type_of(9.5, 1.2, true);

/// A town's name: larger for a capital and once zoomed in to town scale.
pub fn town_type(capital: bool, zoom: f64) -> LabelType {
    let size = if capital || zoom >= DETAIL_ZOOM + 3.0 {
        11.5
    } else {
        10.5
    };
    type_of(size, 0.0, false)
}

/// A story place's name (seas and regions in italics, countries in
/// spaced capitals); the basemap's seas are named as a story's.
pub fn place_type(kind: PlaceKind) -> LabelType {
    match kind {
        PlaceKind::Country => type_of(11.5, 1.6, true),
        PlaceKind::Sea | PlaceKind::Region => LabelType {
            italic: true,
            ..type_of(12.0, 0.0, false)
        },
        _ => type_of(12.5, 0.0, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rivers_come_in_two_steps_and_regions_a_level_after_natural_earth() {
        assert_eq!(river_levels_shown(4.9), 0);
        assert_eq!(river_levels_shown(5.0), 2);
        assert_eq!(river_levels_shown(6.5), 3);
        assert!(!region_labelled(3.0, 5.0), "below the region zoom");
        assert!(region_labelled(4.0, 5.5));
        assert!(!region_labelled(5.0, 5.5), "a level after Natural Earth");
    }

    #[test]
    fn a_small_country_s_name_may_spill_a_little_but_a_sliver_is_not_named() {
        assert!(country_name_fits(60.0, 30.0));
        assert!(!country_name_fits(90.0, 30.0));
        assert!(!country_name_fits(10.0, 20.0));
    }
}
