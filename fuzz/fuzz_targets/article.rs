//! A text file or a saved web page opened as an article: decoding, the web
//! page's shape check and article extractor, paragraph limits, splitting and
//! place detection; the brief made of it must load again. The first byte
//! says which (odd: a web page), the rest is the file.
#![no_main]

use geobrief::brief::parse_brief;
use geobrief::brief::read::text_from_bytes;
use geobrief::open::{article_text_from_html, brief_from_article_text, check_paragraph_count};
use geobrief::personal::PersonalGazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(
init: {
    // The embedded gazetteer is read once, on first use (over a second):
    // that is start-up, not the input's work.
    let _ = geobrief::gazetteer::Gazetteer::embedded().name_finder();
    let _ = brief_from_article_text("Talks in Damascus.", "Warm", &PersonalGazetteer::default());
},
|data: &[u8]| {
    let Some((&mode, file)) = data.split_first() else {
        return;
    };
    let Ok(mut text) = text_from_bytes(file) else {
        return;
    };
    if mode & 1 == 1 {
        let Ok(article) = article_text_from_html(&text) else {
            return;
        };
        text = article;
    }
    if check_paragraph_count(&text).is_err() {
        return;
    }
    let brief = brief_from_article_text(&text, "Fuzzed", &PersonalGazetteer::default());
    let saved = brief.to_json();
    assert!(parse_brief(saved.as_bytes()).is_ok(), "a brief made of an article does not load");
});
