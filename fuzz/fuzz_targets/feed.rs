//! A feed: RSS, Atom (XML) or JSON Feed, and the HTML of its items.
#![no_main]

use geobrief::open::{Format, open_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = open_bytes(data, Format::Feed, "fuzzed", None);
});
