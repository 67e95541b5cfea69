//! The GeoJSON importer on any text, into the default brief: the places it
//! keeps must apply as one edit, and that edit must undo.
#![no_main]

use geobrief::brief::Brief;
use geobrief::editing::{EditAction, plan};
use geobrief::import::places_from_geojson;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut brief = Brief::default_brief();
    let Ok(imported) = places_from_geojson(text, &brief) else {
        return;
    };
    if imported.places.is_empty() {
        return;
    }
    let before = brief.to_json();
    let planned = plan(&brief, &EditAction::AddPlaces(imported.places));
    let Ok(planned) = planned else {
        return;
    };
    let inverse = brief.apply(planned.edit).expect("checked places apply");
    brief.apply(inverse).expect("an import undoes");
    assert_eq!(brief.to_json(), before);
});
