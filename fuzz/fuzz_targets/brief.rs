//! The brief loader and validator on any bytes: it must never panic, and a
//! brief it accepts must save as JSON that loads again to the same brief.
#![no_main]

use geobrief::brief::parse_brief;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(brief) = parse_brief(data) {
        let saved = brief.to_json();
        let again = parse_brief(saved.as_bytes());
        assert!(again.is_ok(), "a saved brief does not load: {again:?}");
        assert_eq!(again.ok().map(|b| b.to_json()), Some(saved));
    }
});
