//! A DOCX or an ODT (the first byte says which): the bounded zip reader and
//! the XML of the document and its properties.
#![no_main]

use geobrief::open::{Format, open_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, file)) = data.split_first() else {
        return;
    };
    let format = if mode & 1 == 1 { Format::Odt } else { Format::Docx };
    let _ = open_bytes(file, format, "fuzzed", None);
});
