//! Re-attaching a quote to edited text: whatever the paragraphs and the
//! stored selector, an anchor found must hold exactly the quoted words.
#![no_main]

use arbitrary::Arbitrary;
use geobrief::brief::anchor::anchor_quote;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    paragraphs: Vec<String>,
    hint_paragraph: usize,
    exact: String,
    prefix: String,
    suffix: String,
    hint_chars: Option<(usize, usize)>,
}

fuzz_target!(|input: Input| {
    let hint = input.hint_chars.map(|(a, b)| a..b);
    let found = anchor_quote(
        &input.paragraphs,
        input.hint_paragraph,
        &input.exact,
        &input.prefix,
        &input.suffix,
        hint,
    );
    if let Some(anchor) = found {
        let text = &input.paragraphs[anchor.paragraph];
        assert_eq!(text.get(anchor.bytes.clone()), Some(input.exact.as_str()));
    }
});
