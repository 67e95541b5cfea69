//! A PDF opened as an article: lopdf's parser, the page-tree and drawing
//! checks, pdf-extract's fonts and text, the reading order. A broken file
//! must come back as an error, within its budget, never a hang.
//!
//! pdf-extract, lopdf and the font parsers under them panic on some
//! malformed files; Geobrief catches those panics (`src/open/pdf.rs`) and
//! names the file as a broken PDF. libFuzzer's panic hook would abort on
//! them all the same, so this target lets a panic raised in a crate from the
//! registry unwind, and aborts at once on any other: a panic in Geobrief's
//! own code (or in std) is still a crash. A registry crate's panic that
//! Geobrief does not catch still aborts too, in libfuzzer-sys's own
//! `catch_unwind` around each input.
#![no_main]

use geobrief::open::{Format, open_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(
init: {
    let abort_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_a_dependency = info
            .location()
            .is_some_and(|l| l.file().contains("/registry/src/"));
        if !in_a_dependency {
            abort_hook(info);
        }
    }));
},
|data: &[u8]| {
    let _ = open_bytes(data, Format::Pdf, "fuzzed", None);
});
