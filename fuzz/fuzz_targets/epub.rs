//! An EPUB: the bounded zip reader, the container and package documents,
//! the spine, each chapter's XHTML.
#![no_main]

use geobrief::open::{Format, open_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = open_bytes(data, Format::Epub, "fuzzed", None);
});
