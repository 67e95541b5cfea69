//! The place card's "where" line: the county, first-level division and
//! country that hold a place, looked up in the context layers, so a reader
//! of a local story knows where "Charlotte" is without another map.

use egui::RichText;

use crate::basemap::LonLat;
use crate::basemap::context::Regions;
use crate::brief::{Place, PlaceKind};

/// "Eaton County, Michigan, United States" under the place's name; nothing
/// for a country or sea, or while the layers are still loading.
pub fn where_line_ui(ui: &mut egui::Ui, place: &Place) {
    if matches!(place.kind, PlaceKind::Country | PlaceKind::Sea) {
        return;
    }
    let Some(regions) = Regions::loaded() else {
        return;
    };
    let (lon_deg, lat_deg) = place.anchor_lon_lat();
    if let Some(text) = regions.describe(LonLat::new(lon_deg, lat_deg), &place.name) {
        ui.label(RichText::new(text).strong());
    }
}
