//! Small word lists a careful reader carries in their head: months, titles,
//! given names, and the words that turn a place name into part of another name.
//!
//! They are general English knowledge, not tuned to any article. Every list is
//! lowercase and sorted, so the words of one first letter lie together and a
//! look-up compares only those.

fn contains(list: &WordList, word: &str) -> bool {
    // Compares as if `word` were lowercased, without allocating: this runs for
    // every candidate name of every article. Only the few entries of the
    // word's first letter are compared, and only those of its length in full.
    let Some(first) = word.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    if !first.is_ascii_lowercase() {
        return false;
    }
    let (start, end) = list.by_letter[usize::from(first - b'a')];
    list.words[start..end].iter().any(|probe| {
        probe.len() == word.len() && probe.as_bytes().eq_ignore_ascii_case(word.as_bytes())
    })
}

/// A sorted list of lowercase words, with where each first letter's words lie.
struct WordList {
    words: &'static [&'static str],
    by_letter: [(usize, usize); 26],
}

const fn word_list(words: &'static [&'static str]) -> WordList {
    let mut by_letter = [(0, 0); 26];
    let mut i = 0;
    while i < words.len() {
        let first = words[i].as_bytes()[0];
        assert!(first.is_ascii_lowercase());
        let entry = &mut by_letter[(first - b'a') as usize];
        if entry.1 == 0 {
            entry.0 = i;
        }
        entry.1 = i + 1;
        i += 1;
    }
    WordList { words, by_letter }
}

/// Calendar words that are also place names ("March", "May", "Sunday").
pub fn is_calendar_word(word: &str) -> bool {
    contains(&CALENDAR_LIST, word)
}

/// Words that put a person's name after them ("President", "Mrs.").
pub fn is_title(word: &str) -> bool {
    contains(&TITLES_LIST, word.trim_end_matches('.'))
}

/// Seats of power that the news names for the power itself ("the White House
/// said", "Wall Street fell"): places only where someone goes or stands.
pub fn is_seat_of_power(name: &str) -> bool {
    matches!(
        name,
        "Capitol Hill"
            | "Downing Street"
            | "Elysee"
            | "Elysée"
            | "Kremlin"
            | "Pentagon"
            | "Wall Street"
            | "White House"
    )
}

/// Common given names, so that "George Washington" and "Jack London" are people.
pub fn is_given_name(word: &str) -> bool {
    contains(&GIVEN_NAMES_LIST, word)
}

/// Words that follow a place name in the name of an organisation, team,
/// building or event ("Aleppo University", "Washington Post"): the place is still
/// a place, mentioned inside another name.
pub fn is_institution_word(word: &str) -> bool {
    contains(&INSTITUTION_WORDS_LIST, word)
}

#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "april", "august", "christmas", "december", "easter", "february", "friday", "january",
    "july", "june", "march", "may", "monday", "november", "october", "saturday", "september",
    "sunday", "thursday", "tuesday", "wednesday",
];
const CALENDAR_LIST: WordList = word_list(CALENDAR);

#[rustfmt::skip]
const TITLES: &[&str] = &[
    "archbishop", "bishop", "capt", "captain", "chancellor", "col", "colonel", "commissioner",
    "congressman", "congresswoman", "councillor", "councilman", "councilwoman", "detective",
    "dr", "father", "gen", "general", "gov", "governor", "judge", "justice", "king", "lady",
    "lord", "lt", "madam", "mayor", "minister", "miss", "mr", "mrs", "ms", "officer", "pastor",
    "pope", "premier", "president", "prince", "princess", "prof", "professor", "queen", "rep",
    "representative", "rev", "reverend", "sen", "senator", "sgt", "sheikh", "sir", "sister",
    "supt", "trooper",
];
const TITLES_LIST: WordList = word_list(TITLES);

#[rustfmt::skip]
const GIVEN_NAMES: &[&str] = &[
    "aaron", "adam", "alan", "albert", "alex", "alexander", "alice", "alison", "amanda", "amy",
    "andrew", "angela", "ann", "anna", "anne", "anthony", "arthur", "ashley", "barbara", "ben",
    "benjamin", "betty", "bill", "bo", "bob", "brad", "brandon", "brian", "bruce", "carl", "carol",
    "caroline", "catherine", "chad", "charles", "charlie", "chris", "christine", "christopher",
    "claire", "craig", "daniel", "david", "dean", "deborah", "dennis", "diana", "donald",
    "donna", "doug", "douglas", "ed", "edward", "elizabeth", "emily", "emma", "eric", "frank",
    "fred", "gary", "george", "gordon", "grace", "greg", "gregory", "harry", "helen", "henry",
    "ian", "jack", "jacob", "james", "jane", "janet", "jason", "jean", "jeff", "jeffrey",
    "jennifer", "jeremy", "jerry", "jessica", "jim", "joe", "john", "jonathan", "jose",
    "joseph", "joshua", "juan", "julia", "julie", "justin", "karen", "kate", "keith", "kelly",
    "kenneth", "kevin", "kim", "larry", "laura", "lee", "linda", "lisa", "louis", "margaret",
    "maria", "mark", "martin", "mary", "matt", "matthew", "michael", "michelle", "mike",
    "nancy", "nicholas", "nick", "patricia", "patrick", "paul", "peter", "philip", "rachel",
    "ralph", "raymond", "rebecca", "richard", "rob", "robert", "roger", "ronald", "ruth",
    "ryan", "sam", "samuel", "sandra", "sarah", "scott", "sharon", "simon", "stephen", "steve",
    "steven", "susan", "thomas", "tim", "timothy", "tom", "tony", "victor", "vladimir",
    "walter", "wayne", "william",
];
const GIVEN_NAMES_LIST: WordList = word_list(GIVEN_NAMES);

#[rustfmt::skip]
const INSTITUTION_WORDS: &[&str] = &[
    "academy", "airlines", "airport", "association", "bank", "bar", "bureau", "cathedral",
    "center", "centre", "chamber", "chronicle", "church", "city", "clinic", "club", "college",
    "commission", "company", "corp", "corporation", "council", "county", "court", "daily",
    "department", "district", "fc", "federation", "festival", "foundation", "gazette", "group",
    "herald", "high", "hospital", "hotel", "house", "institute", "journal", "league", "library",
    "magazine", "mall", "museum", "news", "observer", "office", "orchestra", "park", "party",
    "police", "post", "press", "prison", "project", "radio", "railway", "record", "republic",
    "review", "school", "society", "stadium", "star", "state", "station", "street", "sun",
    "tech", "telegraph", "theatre", "times", "tribune", "union", "united", "university", "zoo",
];
const INSTITUTION_WORDS_LIST: WordList = word_list(INSTITUTION_WORDS);

/// Words that follow a town's name in the name of its own services ("Eaton
/// Rapids Police", "Lamar County Jail", "Charlotte City Council"): a local
/// paper names its towns this way, and the town is where the story is.
pub fn is_local_office_word(word: &str) -> bool {
    contains(&LOCAL_OFFICE_WORDS_LIST, word)
}

#[rustfmt::skip]
const LOCAL_OFFICE_WORDS: &[&str] = &[
    "board", "borough", "city", "commissioners", "council", "county", "courthouse", "fire",
    "jail", "library", "mayor", "parish", "police", "public", "schools", "sheriff",
    "sheriff's", "sheriff\u{2019}s", "township", "village",
];
const LOCAL_OFFICE_WORDS_LIST: WordList = word_list(LOCAL_OFFICE_WORDS);

/// Proper names that the news uses far more often for something else than for
/// the small place that shares them: news agencies, a people, a president,
/// parliaments, carmakers, "Sens." for senators, the planet ("toward Earth"
/// is not Earth, Texas), a town's own park, "Mardi Gras", a transit system.
pub fn is_not_a_place(word: &str) -> bool {
    contains(&NOT_PLACES_LIST, word)
}

#[rustfmt::skip]
const NOT_PLACES: &[&str] = &[
    "arab", "city park", "congress", "duma", "earth", "gras", "honda", "interfax", "metro",
    "obama", "olympic", "olympics", "reuters", "sens", "toyota", "xinhua",
];
const NOT_PLACES_LIST: WordList = word_list(NOT_PLACES);

/// Verbs that a person does and a place does not ("Lincoln visited").
pub fn is_person_verb(word: &str) -> bool {
    matches!(
        word,
        "visited" | "lived" | "wore" | "died" | "married" | "wrote" | "resigned" | "smiled"
    )
}

/// Verbs of speech: what follows a person's name far more often than a town's.
pub fn is_speech_verb(word: &str) -> bool {
    contains(&SPEECH_VERBS_LIST, word)
}

#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "added", "admitted", "announced", "argued", "asked", "claimed", "explained", "insisted",
    "noted", "replied", "reportedly", "said", "says", "stated", "tells", "told", "tweeted",
    "warned", "wrote",
];
const SPEECH_VERBS_LIST: WordList = word_list(SPEECH_VERBS);

/// The first byte at or after `from` that can start a capitalised word or a
/// number: an ASCII capital, an ASCII digit if `digits`, or any byte of a
/// non-ASCII character (the caller decodes it). Both passes over the whole
/// text start here, so it looks at eight bytes at a time: most of a text is
/// lowercase letters, spaces and punctuation, and is skipped in bulk.
pub fn next_capital_or_non_ascii(bytes: &[u8], from: usize, digits: bool) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    /// Each byte's top bit set where the byte (below 0x80) is at least `n`.
    const fn at_least(n: u8) -> u64 {
        (0x80 - n as u64) * 0x0101_0101_0101_0101
    }
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // Adding at most 0x7f to a byte below 0x80 never carries into the next.
        let ascii = w & LOW7;
        let capital = (ascii + at_least(b'A')) & !(ascii + at_least(b'Z' + 1));
        let digit = (ascii + at_least(b'0')) & !(ascii + at_least(b'9' + 1));
        let hits = (w | capital | if digits { digit } else { 0 }) & HIGH;
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| !b.is_ascii() || b.is_ascii_uppercase() || (digits && b.is_ascii_digit()))
        .map(|at| i + at)
}

/// Last words of street, building and feature names ("Royal Street",
/// "Holy Redeemer Church"), with their usual abbreviations.
pub fn is_place_head(word: &str) -> bool {
    // Most words asked are capitalised words that are no head ("The", "Police"):
    // their first letter and length rule them out before any comparison, and
    // the few heads of that letter are compared after.
    let bytes = word.as_bytes();
    let Some(letter) = bytes.first().filter(|b| b.is_ascii_uppercase()) else {
        return false;
    };
    let (lengths, heads) = HEADS_BY_CAPITAL[usize::from(letter - b'A')];
    bytes.len() < 16
        && lengths & (1 << bytes.len()) != 0
        && PLACE_HEADS[heads.0..heads.1].contains(&word)
}

/// For each capital letter, a bit per length (under 16 bytes) of the place
/// heads that start with it, and where they lie in the sorted list.
const HEADS_BY_CAPITAL: [(u16, (usize, usize)); 26] = {
    let mut table = [(0, (0, 0)); 26];
    let mut i = 0;
    while i < PLACE_HEADS.len() {
        let head = PLACE_HEADS[i].as_bytes();
        assert!(head[0].is_ascii_uppercase() && head.len() < 16);
        let entry = &mut table[(head[0] - b'A') as usize];
        entry.0 |= 1 << head.len();
        if entry.1.1 == 0 {
            entry.1.0 = i;
        }
        entry.1.1 = i + 1;
        i += 1;
    }
    table
};

#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "Airport", "Ave.", "Avenue", "Bay", "Beach", "Blvd.", "Boulevard", "Bridge", "Canal",
    "Cathedral", "Church", "Close", "Crescent", "Drive", "Highway", "Hospital", "Island",
    "Lake", "Lane", "Mosque", "Mountain", "Museum", "Park", "Parkway", "Plaza", "Rd.", "River",
    "Road", "Square", "St.", "Station", "Street", "Synagogue", "Temple", "Valley",
];

/// Capitalised words that follow a town in names of the town's own ("Bay
/// Area", "Steveston Harbour", "a Kettering Republican", "Hounslow Labour"),
/// and so do not make the town a person's given name.
pub fn is_place_word_of_a_name(word: &str) -> bool {
    matches!(
        word,
        "Area"
            | "Democrat"
            | "Harbor"
            | "Harbour"
            | "Labour"
            | "Parade"
            | "Place"
            | "Province"
            | "Ranch"
            | "Republican"
            | "Trail"
            | "Way"
    )
}

/// Short words that are capitalised only because they open a sentence.
pub fn is_function_word(word: &str) -> bool {
    contains(&FUNCTION_WORDS_LIST, word)
}

/// Prepositions that put a place after them ("in", "near", "from").
pub fn is_locative(word: &str) -> bool {
    contains(&LOCATIVES_LIST, word)
}

#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "although", "an", "and", "around", "as",
    "at", "because", "before", "both", "but", "by", "despite", "during", "each", "even", "for",
    "from", "however", "if", "in", "inside", "into", "like", "many", "meanwhile", "more", "most",
    "near", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
    "other", "outside", "over", "since", "so", "some", "such", "than", "that", "the", "then",
    "there", "these", "this", "those", "though", "through", "to", "toward", "towards", "under",
    "unlike", "until", "up", "upon", "via", "when", "where", "whether", "which", "while", "who",
    "why", "with", "within", "without", "yet",
];
const FUNCTION_WORDS_LIST: WordList = word_list(FUNCTION_WORDS);

#[rustfmt::skip]
const LOCATIVES: &[&str] = &[
    "across", "around", "at", "between", "from", "in", "inside", "into", "near", "outside",
    "through", "throughout", "to", "toward", "towards", "via",
];
const LOCATIVES_LIST: WordList = word_list(LOCATIVES);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_and_lowercase_so_each_letter_s_words_lie_together() {
        assert!(PLACE_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(PLACE_HEADS.iter().all(|h| is_place_head(h)));
        assert!(!is_place_head("Streets") && !is_place_head("street") && !is_place_head("S"));
        for list in [
            &CALENDAR_LIST,
            &TITLES_LIST,
            &GIVEN_NAMES_LIST,
            &INSTITUTION_WORDS_LIST,
            &LOCAL_OFFICE_WORDS_LIST,
            &NOT_PLACES_LIST,
            &SPEECH_VERBS_LIST,
            &FUNCTION_WORDS_LIST,
            &LOCATIVES_LIST,
        ] {
            let words = list.words;
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{:?}", words.first());
            for word in words {
                assert_eq!(*word, word.to_lowercase());
                assert!(
                    contains(list, word) && contains(list, &word.to_uppercase()),
                    "{word}"
                );
                assert!(!contains(list, &format!("{word}x")), "{word}");
            }
        }
    }

    #[test]
    fn the_skip_to_a_capital_stops_where_a_byte_at_a_time_scan_would() {
        let text = "the mayor of tiny élan, 3 miles from ÖSTRA and Dover-on-sea; q.e.d. Zz";
        let bytes = text.as_bytes();
        for digits in [false, true] {
            for from in 0..=bytes.len() {
                let slow = (from..bytes.len()).find(|&i| {
                    let b = bytes[i];
                    !b.is_ascii() || b.is_ascii_uppercase() || (digits && b.is_ascii_digit())
                });
                assert_eq!(
                    next_capital_or_non_ascii(bytes, from, digits),
                    slow,
                    "{from}"
                );
            }
        }
        let every_byte: Vec<u8> = (0..=255).collect();
        let hits: Vec<usize> = (0..256)
            .filter(|&i| next_capital_or_non_ascii(&every_byte, i, true) == Some(i))
            .collect();
        let expected: Vec<usize> = (0..256)
            .filter(|&i| {
                let b = i as u8;
                !b.is_ascii() || b.is_ascii_uppercase() || b.is_ascii_digit()
            })
            .collect();
        assert_eq!(hits, expected);
    }

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
}
