//! What a local paper writes around a town that shares its name with a person
//! ("Monroe", "Greer", "Lindsay"), and that says it is the town: a dateline
//! ("TORRINGTON — City Council approved"), "the city of Monroe", "downtown
//! Greer", "an Augusta native", "Greer City Hall", "Michael Durr, of
//! Trenton", or a list of other places ("Middletown, Trenton and Monroe").
//! Each is read from the words right around the name, so recognition stays
//! one pass over the text.

use std::ops::Range;

use super::lexicon::{LOCAL_CUE_WORDS, RESIDENCE_WORDS, TOWN_WORDS};
use super::text::{ends_with_word, is_sentence_start};

/// "Brent Boggs, D-Braxton", "(R-Lilburn)": a legislator's party and the
/// place they sit for.
fn is_party_home(text: &str, at: usize) -> bool {
    let head = &text.as_bytes()[..at];
    head.len() >= 3
        && head[head.len() - 1] == b'-'
        && matches!(head[head.len() - 2], b'D' | b'R' | b'I')
        && matches!(head[head.len() - 3], b' ' | b'(')
}

/// Any of the cues of this module but lists: a dateline, "the city of", a
/// place word after the name, a legislator's home.
pub(super) fn has_local_cue(text: &str, span: &Range<usize>, after: Option<&str>) -> bool {
    is_party_home(text, span.start)
        || is_residence(text, span.start)
        || is_dateline(text, span)
        || is_named_as_a_town(text, span.start)
        || is_followed_by_a_place_word(after)
}

/// "TORRINGTON — City Council...", "HUME – A member...", "SALINA, Kan. Strong
/// winds", "HAMMOND, Ind. (AP) —": a name that opens a story (or a paragraph,
/// or follows its headline) and is followed by a dash, or by a comma and a
/// state when it is in capitals.
pub(super) fn is_dateline(text: &str, span: &Range<usize>) -> bool {
    if !is_sentence_start(text, span.start) {
        return false;
    }
    let name = &text[span.clone()];
    let shouting = name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
    let mut after = &text[span.end..];
    if let Some(rest) = after.strip_prefix(", ") {
        // "PARIS, Tenn. —", "MAINEVILLE, Ohio (AP)": a state may stand between.
        let (state, tail) = rest.split_once(' ').unwrap_or((rest, ""));
        if !state.starts_with(char::is_uppercase) || state.len() > 12 {
            return false;
        }
        if shouting {
            return true;
        }
        after = tail;
    }
    // "Hit-and-run": a hyphen without a space before it joins words.
    let spaced = after.starts_with(' ');
    let after = after.trim_start_matches(' ');
    let after = after
        .strip_prefix("(AP)")
        .map_or(after, |rest| rest.trim_start_matches(' '));
    if !spaced && after.starts_with('-') {
        return false;
    }
    // U+0097 is an em dash that went through Windows-1252 the wrong way.
    ["\u{2014}", "\u{2013}", "\u{97}", "-"]
        .iter()
        .any(|dash| after.starts_with(dash))
}

/// "the city of Monroe", "village of Hume", "downtown Greer".
pub(super) fn is_named_as_a_town(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches(' ');
    if ends_with_word(head, "downtown") {
        return true;
    }
    let Some(head) = head.strip_suffix(" of") else {
        return false;
    };
    TOWN_WORDS.words.iter().any(|w| ends_with_word(head, w))
}

/// "an Augusta native", "Monroe residents", "the Greer area", "a Chapin man",
/// "Hurricane police", "a Lovejoy senior", "the Kirkland president": a
/// lowercase word after the name that a place takes and a person does not
/// ("Lipscomb students" are a university's, so "students" is not one).
pub(super) fn is_followed_by_a_place_word(after: Option<&str>) -> bool {
    after.is_some_and(|a| LOCAL_CUE_WORDS.contains(a))
}

/// "Michael Durr, of Trenton", "formerly of Augusta", "a native of Greer":
/// where a local paper says a person lives or comes from.
pub(super) fn is_residence(text: &str, at: usize) -> bool {
    let Some(head) = text[..at].strip_suffix("of ") else {
        return false;
    };
    let head = head.trim_end_matches(' ');
    head.ends_with(',')
        || RESIDENCE_WORDS
            .words
            .iter()
            .any(|w| ends_with_word(head, w))
}

/// What separates two items of a list of places: "Middletown, Trenton and
/// Monroe", "Gainesville and Lindsay".
pub(super) fn is_list_separator(between: &str) -> bool {
    matches!(
        between,
        ", " | " and " | ", and " | " or " | ", or " | " & "
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, name: &str) -> Range<usize> {
        let start = text.find(name).unwrap_or_default();
        start..start + name.len()
    }

    #[test]
    fn a_capitalised_name_before_a_dash_after_the_headline_is_a_dateline() {
        let text = "Council trims budget. TORRINGTON \u{2014} City Council approved it.";
        assert!(is_dateline(text, &span_of(text, "TORRINGTON")));
        let text = "PARIS, Tenn. \u{2014} A fire broke out.";
        assert!(is_dateline(text, &span_of(text, "PARIS")));
        let text = "He met Mayor Monroe - who said nothing.";
        assert!(!is_dateline(text, &span_of(text, "Monroe")));
        let text = "Storm topples rigs. SALINA, Kan. Strong winds blew.";
        assert!(is_dateline(text, &span_of(text, "SALINA")));
        let text = "Boaters leave. HAMMOND, Ind. (AP) \u{2014} The state said.";
        assert!(is_dateline(text, &span_of(text, "HAMMOND")));
        let text = "Hit-and-run driver held.";
        assert!(!is_dateline(text, &span_of(text, "Hit")));
        let text = "Monroe, Trenton and Seven Mile grew.";
        assert!(!is_dateline(text, &span_of(text, "Monroe")));
    }

    #[test]
    fn the_city_of_a_name_is_a_town_but_a_friend_of_it_is_not() {
        let text = "The city of Monroe passed it, and a friend of Greer spoke.";
        assert!(is_named_as_a_town(text, span_of(text, "Monroe").start));
        assert!(!is_named_as_a_town(text, span_of(text, "Greer").start));
        let text = "Shops in downtown Greer opened.";
        assert!(is_named_as_a_town(text, span_of(text, "Greer").start));
    }

    #[test]
    fn a_person_of_a_town_lives_there_but_a_president_of_a_firm_does_not() {
        for text in [
            "Michael Durr, of Myerstown, spoke.",
            "She was a resident of Myerstown.",
        ] {
            assert!(
                is_residence(text, span_of(text, "Myerstown").start),
                "{text}"
            );
        }
        for text in [
            "Dan Adkins, vice president of Myerstown Tyres, spoke.",
            "The Bank of Myerstown opened.",
            "Flowers came from Betty Kneasel of Myerstown.",
        ] {
            assert!(
                !is_residence(text, span_of(text, "Myerstown").start),
                "{text}"
            );
        }
    }

    #[test]
    fn list_separators_are_commas_and_conjunctions() {
        assert!(is_list_separator(", and "));
        assert!(!is_list_separator(" said "));
    }
}
