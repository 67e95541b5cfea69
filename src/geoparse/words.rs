//! What the detector's word lists say about one word: a month, a title, a
//! given name, a word that turns a place name into part of another name. The
//! lists themselves are data, in `lexicon/` ([`super::lexicon`]).

use super::lexicon::{
    CALENDAR, FEATURE_OPENERS, FEATURE_PREFIXES, FUNCTION_WORDS, GIVEN_NAMES, INSTITUTION_WORDS,
    LOCAL_OFFICE_WORDS, LOCATIVES, NOT_PLACES, PERSON_VERBS, PLACE_HEADS, PLACE_WORDS_OF_A_NAME,
    SEATS_OF_POWER, SPEECH_VERBS, STREET_WORDS, TITLES,
};

/// Calendar words that are also place names ("March", "May", "Sunday").
pub fn is_calendar_word(word: &str) -> bool {
    CALENDAR.contains(word)
}

/// Words that put a person's name after them ("President", "Mrs.").
pub fn is_title(word: &str) -> bool {
    let dots = word.bytes().rev().take_while(|&b| b == b'.').count();
    TITLES.contains(&word[..word.len() - dots])
}

/// Seats of power that the news names for the power itself ("the White House
/// said", "Wall Street fell"): places only where someone goes or stands.
pub fn is_seat_of_power(name: &str) -> bool {
    SEATS_OF_POWER.contains(name)
}

/// Common given names, so that "George Washington" and "Jack London" are people.
pub fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains(word)
}

/// Words that follow a place name in the name of an organisation, team,
/// building or event ("Aleppo University", "Washington Post"): the place is still
/// a place, mentioned inside another name.
pub fn is_institution_word(word: &str) -> bool {
    INSTITUTION_WORDS.contains(word)
}

/// Words that follow a town's name in the name of its own services ("Eaton
/// Rapids Police", "Lamar County Jail", "Charlotte City Council"): a local
/// paper names its towns this way, and the town is where the story is.
pub fn is_local_office_word(word: &str) -> bool {
    LOCAL_OFFICE_WORDS.contains(word)
}

/// Proper names that the news uses far more often for something else than for
/// the small place that shares them: places only with evidence.
pub fn is_not_a_place(word: &str) -> bool {
    NOT_PLACES.contains(word)
}

/// Verbs that a person does and a place does not ("Lincoln visited").
pub fn is_person_verb(word: &str) -> bool {
    PERSON_VERBS.contains(word)
}

/// Verbs of speech: what follows a person's name far more often than a town's.
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(word)
}

/// Last words of street, building and feature names ("Royal Street",
/// "Holy Redeemer Church"), with their usual abbreviations.
pub fn is_place_head(word: &str) -> bool {
    // Every head is capitalised: most words asked are not, and are answered
    // without the list.
    word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && PLACE_HEADS.contains(word)
}

/// Capitalised words that follow a town in names of the town's own ("Bay
/// Area", "Steveston Harbour", "a Kettering Republican", "Hounslow Labour"),
/// and so do not make the town a person's given name.
pub fn is_place_word_of_a_name(word: &str) -> bool {
    PLACE_WORDS_OF_A_NAME.contains(word)
}

/// Words that open a natural feature's name before "of" ("Bay", "Gulf",
/// "Strait" of "the Bay of Pigs").
pub fn is_feature_opener(word: &str) -> bool {
    FEATURE_OPENERS.contains(word)
}

/// Last words of street names ("Road", "Street", "St"): "Dublin Road".
pub fn is_street_word(word: &str) -> bool {
    STREET_WORDS.contains(word)
}

/// Words that open a lake's or mountain's name right before it ("Lake",
/// "Mount", "Mt." of "Lake Tahoe", "Mount Etna").
pub fn is_feature_prefix(word: &str) -> bool {
    FEATURE_PREFIXES.contains(word)
}

/// The length of "of " or "of the " at the start of `rest`, where a
/// capitalised name follows: what joins a feature word to its name ("Bay
/// of Bengal", "Gulf of the Farallones").
pub fn of_before_a_name(rest: &str) -> Option<usize> {
    // Asked after every capitalised word: most fail on the first byte.
    if !rest.as_bytes().starts_with(b"of ") {
        return None;
    }
    let gap = if rest[3..].starts_with("the ") {
        "of the "
    } else {
        "of "
    };
    rest[gap.len()..]
        .starts_with(|c: char| c.is_uppercase())
        .then_some(gap.len())
}

/// Whether the text before a name ends in a feature word and "of" ("the
/// Gulf of [Guinea]", "the Bay of the [Farallones]").
pub fn names_a_feature_before(head: &str) -> bool {
    let bytes = head.as_bytes();
    if !(bytes.ends_with(b" of ") || bytes.ends_with(b" the ")) {
        return false;
    }
    let Some(head) = head
        .strip_suffix(" of the ")
        .or_else(|| head.strip_suffix(" of "))
    else {
        return false;
    };
    let word = head
        .rsplit([' ', '\n', '(', '"', '\u{201c}'])
        .next()
        .unwrap_or(head);
    is_feature_opener(word)
}

/// Short words that are capitalised only because they open a sentence.
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(word)
}

/// Prepositions that put a place after them ("in", "near", "from").
pub fn is_locative(word: &str) -> bool {
    LOCATIVES.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn march_is_a_month_and_mrs_is_a_title() {
        assert!(is_calendar_word("March"));
        assert!(is_title("Mrs."));
        assert!(is_given_name("George"));
        assert!(!is_given_name("Aleppo"));
    }

    #[test]
    fn police_and_jail_are_the_words_of_a_town_s_own_offices() {
        assert!(is_local_office_word("Police"));
        assert!(is_local_office_word("Jail"));
        assert!(is_local_office_word("Sheriff's"));
        assert!(!is_local_office_word("University"));
    }

    #[test]
    fn a_feature_word_and_of_open_a_feature_s_name() {
        assert_eq!(of_before_a_name("of Bengal."), Some(3));
        assert_eq!(of_before_a_name("of the Farallones"), Some(7));
        assert_eq!(of_before_a_name("of water"), None);
        assert!(names_a_feature_before("oil in the Gulf of "));
        assert!(names_a_feature_before("Bay of the "));
        assert!(!names_a_feature_before("the Republic of "));
        assert!(!names_a_feature_before("Gulf "));
    }

    #[test]
    fn a_place_head_is_capitalised_and_whole() {
        assert!(is_place_head("Street") && is_place_head("St."));
        assert!(!is_place_head("Streets") && !is_place_head("street") && !is_place_head("S"));
    }
}
