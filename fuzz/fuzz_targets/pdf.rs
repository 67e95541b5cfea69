//! A PDF opened as an article: lopdf's parser, the page-tree and drawing
//! checks, pdf-extract's fonts and text, the reading order. A broken file
//! must come back as an error, within its budget, never a panic or a hang.
#![no_main]

use geobrief::open::{Format, open_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = open_bytes(data, Format::Pdf, "fuzzed", None);
});
