//! Places the gazetteer does not list but a reader recognises by their form:
//! "Royal Street", "Holy Redeemer Church", "Turtle Rock Park".
//!
//! A run of one to three capitalised words ending in a word such as "Street",
//! "Square" or "Church" names a street, a building or a feature. They have no
//! coordinates here, so they are kept apart from [`Toponym`](super::Toponym): a
//! brief can list them as places it could not map, and the command line reports
//! them without a position.

use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::{FEATURE_OPENERS, FEATURE_PREFIXES, PLACE_HEADS, STREAM_WORDS};
use super::rules::{Rule, RulesOff};
use super::text::{next_ascii_capital, next_capital_or_non_ascii};
use super::types::Toponym;
use super::words;

/// A place name found by its form, with no gazetteer entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnlistedPlace {
    /// Where it is in the text, in bytes.
    pub byte_range: Range<usize>,
    /// Where it is in the text, in Unicode code points.
    pub char_range: Range<usize>,
    /// The name as written.
    pub text: String,
}

/// How many capitalised words may stand before the head word.
const MAX_NAME_WORDS: usize = 3;

/// [`detect_unlisted_places`], unless [`Rule::UnlistedByForm`] is in `off`.
#[must_use]
pub fn detect_unlisted_places_with(
    text: &str,
    listed: &[Toponym],
    off: RulesOff,
) -> Vec<UnlistedPlace> {
    if off.is_off(Rule::UnlistedByForm) {
        return Vec::new();
    }
    detect_unlisted_places(text, listed)
}

/// Street, building and feature names of `text` that do not overlap `listed`
/// (the places found in it, in text order, as [`detect_places`] returns them):
/// the work of [`Rule::UnlistedByForm`].
///
/// [`detect_places`]: super::detect_places
#[must_use]
pub fn detect_unlisted_places(text: &str, listed: &[Toponym]) -> Vec<UnlistedPlace> {
    let anchors = anchor_words(text);
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut next_listed = 0;
    for head in anchors
        .iter()
        .filter(|w| words::is_place_head(&text[(*w).clone()]))
    {
        let mut first = head.start;
        for _ in 0..MAX_NAME_WORDS {
            match word_joined_before(text, first) {
                Some(word)
                    if is_name_word(&text[word.clone()])
                        && !is_place_possessive(text, &word, listed) =>
                {
                    first = word.start;
                }
                _ => break,
            }
        }
        if first == head.start {
            continue;
        }
        let span = first..head.end;
        // Both lists are in text order: skip the listed names that end before
        // this span once, so the whole pass stays linear in the text.
        while listed
            .get(next_listed)
            .is_some_and(|t| t.byte_range.end <= span.start)
        {
            next_listed += 1;
        }
        let overlaps_listed = listed[next_listed..]
            .iter()
            .take_while(|t| t.byte_range.start < span.end)
            .any(|t| span.start < t.byte_range.end);
        let overlaps_found = found.last().is_some_and(|r| span.start < r.end);
        if overlaps_listed {
            continue;
        }
        if !overlaps_found {
            found.push(span);
        } else if let Some(last) = found.last_mut().filter(|r| span.start <= r.start) {
            // "Rocky Mountain National Park": a later head word whose run
            // holds the name found before makes the longer name.
            *last = span;
        }
    }
    let features = features_by_name(text, &anchors, &found, listed);
    if !features.is_empty() {
        found.extend(features);
        found.sort_by_key(|r| r.start);
    }
    let rivers_again = rivers_named_again(text, &found, listed);
    if !rivers_again.is_empty() {
        found.extend(rivers_again);
        found.sort_by_key(|r| r.start);
    }
    let mut chars_before = 0;
    let mut bytes_counted = 0;
    found
        .into_iter()
        .map(|byte_range| {
            chars_before += text[bytes_counted..byte_range.start].chars().count();
            bytes_counted = byte_range.start;
            let start = chars_before;
            let len = text[byte_range.clone()].chars().count();
            UnlistedPlace {
                char_range: start..start + len,
                text: text[byte_range.clone()].to_owned(),
                byte_range,
            }
        })
        .collect()
}

/// "the Bay of Pigs", "the Strait of Messina": a feature word, "of" and
/// up to [`MAX_NAME_WORDS`] capitalised words name a bay, gulf or strait;
/// "Lake Tahoe", "Mount Etna": "Lake" or "Mount" and such words, a lake or a
/// mountain; each where nothing found overlaps it.
fn features_by_name(
    text: &str,
    anchors: &[Range<usize>],
    found: &[Range<usize>],
    listed: &[Toponym],
) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    for opener in anchors {
        let name_start = if bytes.get(opener.end..opener.end + 4) == Some(b" of ") {
            let Some(gap) = words::of_before_a_name(&text[opener.end + 1..]) else {
                continue;
            };
            if !words::is_feature_opener(&text[opener.clone()]) {
                continue;
            }
            opener.end + 1 + gap
        } else {
            // "Lake Tahoe", "Mount Etna", "Mt. Hood": the name follows at once.
            let dotted = usize::from(bytes.get(opener.end) == Some(&b'.'));
            if bytes.get(opener.end + dotted) != Some(&b' ')
                || word_at(text, opener.end + dotted + 1).is_none()
                || !words::is_feature_prefix(&text[opener.start..opener.end + dotted])
            {
                continue;
            }
            opener.end + dotted + 1
        };
        if out.last().is_some_and(|last| opener.start < last.end) {
            continue;
        }
        let mut end = name_start;
        let mut taken_words = 0;
        while taken_words < MAX_NAME_WORDS {
            let at = if taken_words == 0 {
                end
            } else if bytes.get(end) == Some(&b' ') {
                end + 1
            } else {
                break;
            };
            match word_at(text, at) {
                Some(word) if is_name_word(&text[word.clone()]) => end = word.end,
                _ => break,
            }
            taken_words += 1;
        }
        let span = opener.start..end;
        if taken_words > 0 && !overlaps_any(&span, found, listed) {
            out.push(span);
        }
    }
    out
}

/// Whether `span` overlaps a name found by its form or a listed place.
fn overlaps_any(span: &Range<usize>, found: &[Range<usize>], listed: &[Toponym]) -> bool {
    found
        .iter()
        .chain(listed.iter().map(|t| &t.byte_range))
        .any(|f| span.start < f.end && f.start < span.end)
}

/// "The Oconee was high" after "the Oconee River": later mentions of a river
/// or creek the article named, by its name alone after "the" (one name, one
/// sense in an article), that nothing else found.
fn rivers_named_again(text: &str, found: &[Range<usize>], listed: &[Toponym]) -> Vec<Range<usize>> {
    let stream_names: Vec<(&str, usize)> = found
        .iter()
        .filter_map(|span| {
            let name = text[span.clone()].rsplit_once(' ')?;
            STREAM_WORDS.contains(name.1).then_some((name.0, span.end))
        })
        .collect();
    if stream_names.is_empty() {
        return Vec::new();
    }
    // Rare: only an article that names a river or creek reads all its words.
    let words = word_spans(text);
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let Some(&(name, _)) = stream_names.iter().find(|(name, named_at)| {
            *named_at <= word.start && name.starts_with(&text[word.clone()])
        }) else {
            continue;
        };
        let name_words = name.split(' ').count();
        let Some(last) = words.get(i + name_words - 1) else {
            continue;
        };
        let span = word.start..last.end;
        let after_the = text[..span.start].strip_suffix(' ').is_some_and(|before| {
            ["the", "The"].iter().any(|the| {
                before
                    .strip_suffix(the)
                    .is_some_and(|b| !b.ends_with(char::is_alphanumeric))
            })
        });
        let head_follows = words
            .get(i + name_words)
            .is_some_and(|w| w.start == span.end + 1 && STREAM_WORDS.contains(&text[w.clone()]));
        if &text[span.clone()] == name
            && after_the
            && !head_follows
            && !overlaps_any(&span, found, listed)
        {
            out.push(span);
        }
    }
    out
}

/// "Seoul's" of "Seoul's Jamsil Stadium": a place found in the text, and
/// the possessive after it. It says where the name after it is, and is not
/// part of it ("St. Mary's Hospital" is one name: "Mary" is no place found).
fn is_place_possessive(text: &str, word: &Range<usize>, listed: &[Toponym]) -> bool {
    let Some(stem) = ["'s", "\u{2019}s"]
        .iter()
        .find_map(|s| text[word.clone()].strip_suffix(s))
    else {
        return false;
    };
    let stem = word.start..word.start + stem.len();
    listed
        .binary_search_by_key(&stem.start, |t| t.byte_range.start)
        .is_ok_and(|i| listed[i].byte_range == stem)
}

/// A capitalised word that can be part of a name: not "The", "In", "Mr.".
fn is_name_word(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !words::is_function_word(word)
        && !words::is_title(word)
        && !words::is_calendar_word(word)
}

/// Byte ranges of the words that can be part of a name (they start with a
/// capital or a digit); words are letters, digits, apostrophes, inner dots and
/// hyphens ("St.", "O’Hare", "Saint-Denis"). A lowercase word is skipped: it
/// can neither head a name nor stand in one, and the gap it leaves between the
/// words kept breaks any run across it. It looks only at capitals, digits
/// and non-ASCII characters, skipping the lowercase runs between them eight
/// bytes at a time; still, most texts are never split this way: the head
/// words are found by [`anchor_words`], and the words around them by
/// [`word_at`] and [`word_joined_before`].
fn word_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(start) = next_capital_or_non_ascii(bytes, from, true) {
        let (c, len) = char_at(text, start);
        from = start + len;
        let kept = c.is_uppercase() || c.is_ascii_digit();
        if !kept || inside_word(text, start) {
            continue;
        }
        let end = word_end(text, from);
        spans.push(trimmed(text, start, end));
        from = end;
    }
    spans
}

/// Where the word that goes on at byte `from` ends: after the letters,
/// digits, apostrophes, dots and hyphens that follow.
fn word_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-' | b'.')) {
                break;
            }
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        if !goes_on_a_word(c) {
            break;
        }
        i += len;
    }
    i
}

/// A character a word can hold: a letter, a digit, an apostrophe, a dot or
/// a hyphen.
fn goes_on_a_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | '\u{2019}')
}

/// The word of [`word_spans`] that starts at byte `at`, if one does: found
/// without reading the text before it (but for the characters that say
/// whether a word goes on through `at`).
fn word_at(text: &str, at: usize) -> Option<Range<usize>> {
    if !text.is_char_boundary(at) || at >= text.len() {
        return None;
    }
    let (c, len) = char_at(text, at);
    let starts = (c.is_uppercase() || c.is_ascii_digit()) && !inside_word(text, at);
    starts.then(|| trimmed(text, at, word_end(text, at + len)))
}

/// The word of [`word_spans`] that ends one space before byte `at` ("Holy"
/// before "Redeemer"), if there is one: the words of a name are joined by
/// single spaces.
fn word_joined_before(text: &str, at: usize) -> Option<Range<usize>> {
    let space = at.checked_sub(1)?;
    if text.as_bytes().get(space) != Some(&b' ') {
        return None;
    }
    // Back over the characters a word can hold; the word of that run starts
    // at its first letter or digit (what comes before it cannot start one).
    let run = &text[..space];
    let run_start = run
        .char_indices()
        .rev()
        .take_while(|&(_, c)| goes_on_a_word(c))
        .last()?
        .0;
    let first = run_start + run[run_start..].find(char::is_alphanumeric)?;
    word_at(text, first).filter(|word| word.end == space)
}

/// The words that can head or open a name found by its form ("Street",
/// "Bay" before "of", "Lake", "Mt."), as [`word_spans`] would find them, in
/// text order. Every such word starts with an ASCII capital and a second
/// letter that [`AnchorPairs`] knows: most capitals are passed over on those
/// two bytes, and the text is never split into all its words.
fn anchor_words(text: &str) -> Vec<Range<usize>> {
    let pairs = &*ANCHOR_PAIRS;
    let bytes = text.as_bytes();
    let mut anchors = Vec::new();
    let mut from = 0;
    while let Some(at) = next_ascii_capital(bytes, from) {
        from = at + 1;
        let Some(&second) = bytes.get(at + 1) else {
            break;
        };
        if !pairs.may_start(bytes[at], second)
            || at
                .checked_sub(1)
                .is_some_and(|b| bytes[b].is_ascii_alphanumeric())
        {
            continue;
        }
        let Some(word) = word_at(text, at) else {
            continue;
        };
        let dotted = usize::from(bytes.get(word.end) == Some(&b'.'));
        let w = &text[word.clone()];
        if words::is_place_head(w)
            || words::is_feature_opener(w)
            || words::is_feature_prefix(&text[word.start..word.end + dotted])
        {
            anchors.push(word);
        }
    }
    anchors
}

/// The first two bytes of the words [`anchor_words`] looks for: a bit for
/// each lowercase second letter, for each capital first letter.
struct AnchorPairs([u32; 26]);

impl AnchorPairs {
    fn new() -> Self {
        let mut bits = [0u32; 26];
        for word in [&*PLACE_HEADS, &*FEATURE_OPENERS, &*FEATURE_PREFIXES]
            .iter()
            .flat_map(|l| l.words.iter())
        {
            let b = word.as_bytes();
            assert!(
                b.len() >= 2 && b[0].is_ascii_uppercase() && b[1].is_ascii_lowercase(),
                "{word}: a head word starts with a capital and a small letter"
            );
            bits[usize::from(b[0] - b'A')] |= 1 << (b[1] - b'a');
        }
        Self(bits)
    }

    fn may_start(&self, first: u8, second: u8) -> bool {
        second.is_ascii_lowercase()
            && (self.0[usize::from(first - b'A')] >> (second - b'a')) & 1 == 1
    }
}

static ANCHOR_PAIRS: LazyLock<AnchorPairs> = LazyLock::new(AnchorPairs::new);

/// Whether a word goes on through byte `at`: the characters just before it
/// that can go on a word (letters, digits, apostrophes, dots, hyphens) hold
/// a letter or a digit, where that word began.
fn inside_word(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev() {
        if c.is_alphanumeric() {
            return true;
        }
        if !matches!(c, '\'' | '-' | '.' | '\u{2019}') {
            return false;
        }
    }
    false
}

/// The character at byte `i` (a character boundary) and its length in bytes.
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b.is_ascii() => (char::from(b), 1),
        _ => text[i..]
            .chars()
            .next()
            .map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// A word without trailing hyphens or apostrophes; a trailing dot stays only on
/// abbreviations ("St.", "Ave."), not at the end of a sentence ("Street.").
fn trimmed(text: &str, start: usize, end: usize) -> Range<usize> {
    if text.as_bytes()[end - 1].is_ascii_alphanumeric() {
        return start..end;
    }
    let word = text[start..end].trim_end_matches(['-', '\'', '\u{2019}']);
    let word = if word.ends_with('.') && !words::is_place_head(word) {
        word.trim_end_matches('.')
    } else {
        word
    };
    start..start + word.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::detect_places;

    fn unlisted(text: &str) -> Vec<String> {
        let listed = detect_places(text, Gazetteer::embedded());
        detect_unlisted_places(text, &listed)
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn a_street_name_is_found_without_a_gazetteer_entry() {
        assert_eq!(
            unlisted("The parade turned onto Royal Street."),
            ["Royal Street"]
        );
    }

    #[test]
    fn the_river_named_again_by_its_name_alone_is_the_river() {
        // Rivers the gazetteer does not list ("Oconee River" it does: see
        // rivers_again.rs).
        assert_eq!(
            unlisted(
                "Crews searched the Neches River near Beaumont, Texas. The Neches was high, \
                 and the Ocmulgee River rose as the Ocmulgee met the sea."
            ),
            ["Neches River", "Neches", "Ocmulgee River", "Ocmulgee"]
        );
    }

    #[test]
    fn a_bay_or_gulf_named_after_a_country_is_found_whole() {
        assert_eq!(
            unlisted("Exiles landed at the Bay of Pigs, and fleets fish the Gulf of Thailand."),
            ["Bay of Pigs", "Gulf of Thailand"]
        );
    }

    #[test]
    fn a_lake_or_mountain_named_by_its_first_word_is_found_whole() {
        assert_eq!(
            unlisted("Ash fell from Mount Etna and Mt. Hood; boats crossed Lake Tahoe."),
            ["Mount Etna", "Mt. Hood", "Lake Tahoe"]
        );
    }

    #[test]
    fn creeks_reservoirs_forests_and_wildernesses_are_found_by_their_last_word() {
        assert_eq!(
            unlisted(
                "Raccoon Creek rose near the Burr Oak Reservoir, and crews cleared trails in \
                 the Wayne National Forest and the Big Slough Wilderness."
            ),
            [
                "Raccoon Creek",
                "Burr Oak Reservoir",
                "Wayne National Forest",
                "Big Slough Wilderness"
            ]
        );
    }

    #[test]
    fn a_park_named_for_a_mountain_is_the_park() {
        assert_eq!(
            unlisted("Hikers returned to Rocky Mountain National Park on Friday."),
            ["Rocky Mountain National Park"]
        );
    }

    #[test]
    fn a_river_s_name_before_the_river_is_named_is_not_the_river() {
        assert_eq!(
            unlisted("The Neches team won. Then they fished the Neches River."),
            ["Neches River"]
        );
    }

    #[test]
    fn an_abbreviated_street_keeps_its_dot() {
        assert_eq!(
            unlisted("It happened on Hutcheson Rd. late."),
            ["Hutcheson Rd."]
        );
    }

    #[test]
    fn the_article_word_is_not_part_of_the_name() {
        assert_eq!(unlisted("The Street was busy."), Vec::<String>::new());
    }

    #[test]
    fn a_lowercase_word_breaks_the_run_of_a_name() {
        assert_eq!(unlisted("Turtle big Rock Park opened."), ["Rock Park"]);
        assert_eq!(
            unlisted("a Östra Holy Redeemer Church"),
            ["Östra Holy Redeemer Church"]
        );
    }

    #[test]
    fn a_listed_place_is_not_reported_again() {
        assert!(unlisted("Crowds filled Times Square.").is_empty());
    }

    /// The word spans of a scan that decodes every character, as the pass was
    /// first written.
    fn word_spans_one_char_at_a_time(text: &str) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                let goes_on = c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | '\u{2019}');
                if !goes_on {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            if c.is_uppercase() || c.is_ascii_digit() {
                spans.push(trimmed(text, start, end));
            }
        }
        spans
    }

    /// Texts whose words try the edges of a word: apostrophes, dots,
    /// hyphens, letters of other scripts, abbreviations and head words.
    const AWKWARD_TEXTS: [&str; 7] = [
        "The parade turned onto Royal Street. It happened on Hutcheson Rd. late.",
        "a Östra Holy Redeemer Church, O’Hare and O'Neil's; co-Op iPhone 3G x.Y .Z -W",
        "naïve Ωmega 42nd St. ‘Quoted’ — Dash—Word ...Dots... 日本 Tokyo É",
        "Mt. Hood, Mt Hood, Lake-Tahoe, éLake Erie, Bay of Pigs, Gulf  of Aden, Strait of the Dover",
        "St. St. St Street Street. -Street ’Park Main-Street Rd.. Ave.’ 4th Ave. Río Grande River",
        "",
        "Z",
    ];

    #[test]
    fn a_word_found_where_it_starts_is_the_word_of_the_full_scan() {
        for text in AWKWARD_TEXTS {
            let words = word_spans(text);
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                let full = words.iter().find(|w| w.start == at).cloned();
                assert_eq!(word_at(text, at), full, "{text:?} at {at}");
            }
        }
    }

    #[test]
    fn the_word_joined_before_is_the_full_scan_s_previous_word_one_space_away() {
        for text in AWKWARD_TEXTS {
            let words = word_spans(text);
            for (i, word) in words.iter().enumerate() {
                let full = i
                    .checked_sub(1)
                    .map(|p| words[p].clone())
                    .filter(|prev| &text[prev.end..word.start] == " ");
                assert_eq!(
                    word_joined_before(text, word.start),
                    full,
                    "{text:?}: {word:?}"
                );
            }
        }
    }

    #[test]
    fn the_anchor_words_are_the_head_words_of_the_full_scan() {
        for text in AWKWARD_TEXTS {
            let full: Vec<Range<usize>> = word_spans(text)
                .into_iter()
                .filter(|w| {
                    let dotted = usize::from(text.as_bytes().get(w.end) == Some(&b'.'));
                    words::is_place_head(&text[w.clone()])
                        || words::is_feature_opener(&text[w.clone()])
                        || words::is_feature_prefix(&text[w.start..w.end + dotted])
                })
                .collect();
            assert_eq!(anchor_words(text), full, "{text:?}");
        }
    }

    #[test]
    fn word_spans_are_those_of_a_scan_of_every_character() {
        for text in AWKWARD_TEXTS.into_iter().chain(["'-.’"]) {
            assert_eq!(
                word_spans(text),
                word_spans_one_char_at_a_time(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "Café on Élan Street";
        let listed = detect_places(text, Gazetteer::embedded());
        let found = detect_unlisted_places(text, &listed);
        assert_eq!(found[0].char_range, 8..19);
    }
}
