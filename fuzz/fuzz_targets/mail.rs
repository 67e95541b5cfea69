//! An e-mail or a mailbox (the first byte says which): the mbox split,
//! mail-parser, quoted replies and HTML parts.
#![no_main]

use geobrief::open::{Format, open_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, file)) = data.split_first() else {
        return;
    };
    let format = if mode & 1 == 1 { Format::Mbox } else { Format::Eml };
    let _ = open_bytes(file, format, "fuzzed", None);
});
