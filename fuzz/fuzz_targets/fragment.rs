//! An HTML fragment as paragraphs (an e-book's chapter, a feed item, a
//! mail's HTML part, what a browser puts on the clipboard), with and
//! without quotes; every paragraph is trimmed text.
#![no_main]

use geobrief::open::html_text::blocks_of_html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    for block in blocks_of_html(html, true)
        .into_iter()
        .chain(blocks_of_html(html, false))
    {
        assert!(!block.text.is_empty() && block.text.trim() == block.text);
    }
});
