//! The shapes of words around a candidate name that the recognition rules
//! read: a middle initial, a possessive saint, a residence ("formerly of"),
//! a language, a person's name that ends. Plain functions of the text (and,
//! for a few, the gazetteer); the rules in [`super::judge`] decide with them.

use std::ops::Range;

use crate::gazetteer::{Gazetteer, NameKind, PlaceKind};

use super::lexicon::{LANGUAGE_VERBS, LANGUAGE_WORDS};
use super::local_cues;
use super::text::{starts_upper, word_after, word_before};
use super::words;

/// "at the White House", "from the Kremlin": a preposition of place, then
/// "the", just before `at`.
pub(super) fn is_place_of_a_building(text: &str, at: usize) -> bool {
    let Some(head) = text[..at].strip_suffix("the ") else {
        return false;
    };
    word_before(head, head.len()).is_some_and(words::is_locative)
}

/// " P. Benjamin": a space, a capital, a full stop and a space.
pub(super) fn is_followed_by_initial(text: &str, at: usize) -> bool {
    let bytes = &text.as_bytes()[at..];
    bytes.len() >= 4
        && bytes[0] == b' '
        && bytes[1].is_ascii_uppercase()
        && bytes[2] == b'.'
        && bytes[3] == b' '
}

/// "Columbia, SC", "GREENVILLE, SC (WYFF)": the byte range of a US state's
/// two-letter postal code right after a name and a comma (`at` is where the
/// name ends), in capitals and ending there ("TX.", "CA-based", not
/// "SCOTT"), with the state's GeoNames admin1 code, which for a US state is
/// "US." and its postal code.
pub(super) fn postal_code_after(text: &str, at: usize) -> Option<(Range<usize>, [u8; 5])> {
    let rest = text[at..].strip_prefix(", ")?.as_bytes();
    let code = rest.get(..2)?;
    let ends = rest
        .get(2)
        .is_none_or(|b| !b.is_ascii_alphanumeric() && b.is_ascii());
    if !(code.iter().all(u8::is_ascii_uppercase) && ends) {
        return None;
    }
    let start = at + 2;
    Some((start..start + 2, [b'U', b'S', b'.', code[0], code[1]]))
}

/// ", Tipperary": the name follows a comma, as an address's town does.
pub(super) fn is_after_comma(text: &str, at: usize) -> bool {
    text[..at].ends_with(", ")
}

pub(super) fn is_saints_institution(text: &str, span: &Range<usize>) -> bool {
    let name = &text[span.clone()];
    let saint = ["St. ", "St ", "Saint "]
        .iter()
        .any(|p| name.starts_with(p));
    let possessive = name.ends_with("'s") || name.ends_with("\u{2019}s");
    let rest = &text[span.end..];
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("\u{2019}s"))
        .unwrap_or(if possessive { rest } else { "" });
    saint
        && rest
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// "She learned English", "in English and Spanish", "English language
/// learners": a demonym that names a language.
pub(super) fn is_a_language_here(
    text: &str,
    end: usize,
    before: Option<&str>,
    after: Option<&str>,
) -> bool {
    // Compared without lowercasing into a new string: this runs for every
    // candidate name.
    let after_verb = before.is_some_and(|b| LANGUAGE_VERBS.contains(b));
    let in_the_language = before == Some("in")
        && (after.is_some_and(|a| a == "and" || a == "or")
            || text[end..].starts_with([',', '.', ';', ')']));
    let language_word = after.is_some_and(|a| LANGUAGE_WORDS.contains(a));
    after_verb || in_the_language || language_word
}

/// The word that starts `rest` is a town of the gazetteer or two or three
/// capitals ("ML").
pub(super) fn is_second_town(rest: &str, gaz: &Gazetteer) -> bool {
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let initials = (2..=3).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase());
    // "Hartsfield-Jackson International Airport" is an airport's name.
    let airport = rest[word.len()..].starts_with(" International");
    let town = || {
        gaz.lookup(word).iter().any(|s| {
            s.kind == NameKind::Name
                && matches!(gaz.kind(s.place), PlaceKind::Town | PlaceKind::City)
        })
    };
    !airport && (initials || town())
}

/// Whether a person's name ends at `end`: "Virginia Freedom of Information
/// Act" and "Alexandria Commonwealth's Attorney" go on, as an organisation's
/// names do.
pub(super) fn name_ends_after(text: &str, end: usize) -> bool {
    match text.get(end..).and_then(|rest| rest.chars().next()) {
        None => true,
        Some(' ') => word_after(text, end).is_some_and(|next| {
            !starts_upper(next) && !matches!(next, "of" | "for" | "and" | "on")
        }),
        Some(c) => matches!(c, ',' | '.' | ';' | ':' | ')' | '(' | '"' | '\u{201D}'),
    }
}

/// "Ave." or "Twp." at `at`: a short word and a full stop.
pub(super) fn is_abbreviation_at(text: &str, at: usize, word: &str) -> bool {
    word.len() <= 4 && text[at + word.len()..].starts_with('.')
}

/// A dateline, "the city of Monroe", "an Augusta native", "Greer City Hall".
pub(super) fn says_it_is_a_town(text: &str, span: &Range<usize>, after: Option<&str>) -> bool {
    local_cues::has_local_cue(text, span, after)
        || after.is_some_and(|a| starts_upper(a) && words::is_local_office_word(a))
}

/// A capitalised word that can be half of a person's name: not a function word
/// ("The"), a title, the head of an institution or feature ("Police",
/// "River"), nor a country or state.
pub(super) fn is_name_word(word: &str, gaz: &Gazetteer) -> bool {
    starts_upper(word)
        && word.chars().all(char::is_alphabetic)
        && word.chars().skip(1).any(char::is_lowercase)
        && !words::is_function_word(word)
        && !words::is_title(word)
        && !words::is_institution_word(word)
        && !words::is_local_office_word(word)
        && !words::is_place_head(word)
        && !gaz.lookup(word).iter().any(|s| gaz.kind(s.place).is_area())
}

/// `word`, just after `at`, can be a surname and nothing capitalised follows
/// it: "Virginia Alexander, recipient", not "Georgia Public Service" nor
/// "Georgia Educators" (a plural is a surname only if a census lists it).
pub(super) fn is_surname_ending_a_name(text: &str, at: usize, word: &str, gaz: &Gazetteer) -> bool {
    name_ends_after(text, at + 1 + word.len())
        && is_name_word(word, gaz)
        && !words::is_calendar_word(word)
        && (!word.ends_with('s') || gaz.is_person_name(word))
}
