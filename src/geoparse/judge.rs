//! The reader's rules for one candidate name: whether the words around it make
//! it a place, a person, a part of another name, or nothing, as a careful
//! reader of a local paper would judge ("George Washington", "Monroe Mayor",
//! "TORRINGTON —", "the White House said"). [`super::recognise`] runs them
//! on every candidate span, left to right.

use std::ops::Range;

use crate::gazetteer::{Gazetteer, NameEntry, NameKind, NameSense, PlaceKind, Senses};

use super::local_cues;
use super::recognise::{Usage, is_sentence_start, starts_upper, word_after, word_before};
use super::words;

/// A common-word or all-capitals name is believed only for places at least this big.
const NOTABLE_POPULATION: u64 = 100_000;
/// A city this big, in a country whose news is in English, is not mistaken for a
/// person of the same name; elsewhere it takes a city of 300,000 ("Lyon").
const WELL_KNOWN_POPULATION: u64 = 150_000;
const WORLD_CITY_POPULATION: u64 = 300_000;

pub(super) fn is_english_speaking(country_code: &str) -> bool {
    matches!(country_code, "US" | "CA" | "AU" | "GB" | "IE" | "NZ")
}

/// What the rules say about one candidate span.
pub(super) enum Verdict {
    Keep(Usage),
    Reject,
    /// Part of a person's name ("George Washington", "Mr. Allen"): this name is a
    /// person throughout the article unless it is a well-known place.
    Person,
    /// A person seen acting ("Lincoln visited", "Obama said"): twice so, and
    /// the name is the person in the whole article however famous the place.
    PersonActing,
    /// A town named like a person with nothing beside it that says it is a
    /// place: kept only in a list with other places ("Middletown, Trenton and
    /// Monroe").
    NeedsCompany,
}

/// A name that can mean a big city, an area, or a hand-curated place.
pub(super) fn is_notable(senses: Senses<'_>, gaz: &Gazetteer) -> bool {
    senses.iter().any(|s| {
        let kind = gaz.kind(s.place);
        s.kind != NameKind::Alternate
            && (kind.is_area() || is_curated(kind) || gaz.population(s.place) >= NOTABLE_POPULATION)
    })
}

/// Countries, continents, hand-curated places, cities of 300,000, and the
/// cities of 150,000 and the states and provinces that English-language papers
/// name without a country. A mid-size foreign city named like an English given
/// name ("Mary", Turkmenistan) is more often the person in such a paper.
pub(super) fn is_well_known(senses: Senses<'_>, gaz: &Gazetteer) -> bool {
    // Most senses are small towns: their kind alone rules them out, and only
    // the few others are decoded in full.
    let english_speaking = |s: NameSense| is_english_speaking(gaz.place(s.place).country_code);
    senses.iter().any(|s| {
        s.kind != NameKind::Alternate
            && match gaz.kind(s.place) {
                PlaceKind::Country | PlaceKind::Continent => true,
                PlaceKind::Admin1 => english_speaking(s),
                PlaceKind::Capital | PlaceKind::City => {
                    let population = gaz.population(s.place);
                    population >= WORLD_CITY_POPULATION
                        || (population >= WELL_KNOWN_POPULATION && english_speaking(s))
                }
                kind => is_curated(kind),
            }
    })
}

/// Applies the reader's rules to one candidate span.
pub(super) fn judge(
    text: &str,
    span: Range<usize>,
    gaz: &Gazetteer,
    entry: &NameEntry,
    notable: bool,
    (before, after): (Option<&str>, Option<&str>),
) -> Verdict {
    let surface = &text[span.clone()];
    let senses = entry.senses;
    if senses.is_empty() || words::is_calendar_word(surface) || words::is_not_a_place(surface) {
        return Verdict::Reject;
    }
    let single_word = !surface.contains(' ');
    // "The White House said", "a Kremlin stooge": a seat of government stands
    // for the government; it is the building only where one goes or stands
    // ("at the White House", "from the Kremlin").
    // ("in White House" without "the" is the town in Tennessee.)
    if words::is_seat_of_power(surface)
        && !is_place_of_a_building(text, span.start)
        && !before.is_some_and(words::is_locative)
    {
        return Verdict::Reject;
    }
    if let Some(before) = before {
        // Only a capitalised word can be a given name: the look-ups wait for that.
        let given =
            starts_upper(before) && (words::is_given_name(before) || gaz.is_given_name(before));
        // "Roy A. Nelson": a capital and a full stop before a name is a middle
        // initial ("W. Va." is a state: an abbreviation is not a surname).
        let initial = before.len() == 2
            && before.ends_with('.')
            && before.starts_with(|c: char| c.is_ascii_uppercase())
            && !matches!(before, "N." | "S." | "E." | "W.")
            && !surface.ends_with('.');
        if words::is_title(before) || given || initial {
            return Verdict::Person;
        }
    }
    // "Judah P. Benjamin", "Lynnwood W. Schell": a middle initial after it
    // makes it a given name.
    if is_followed_by_initial(text, span.end) {
        return Verdict::Person;
    }
    if let Some(before) = before {
        // "Hillary Clinton", "Marco Rubio": a small place's name at the end of a
        // run of capitalised words is the tail of another name.
        if single_word
            && !notable
            && starts_upper(before)
            && !words::is_function_word(before)
            && gaz.lookup(before).is_empty()
        {
            return Verdict::Reject;
        }
    }
    // "Fatima Bello said": two capitalised words before a verb of speech are a
    // person's given name and surname, whatever places share them, unless
    // either is a country or state ("Texas Democrats said" has no capital D).
    if single_word && !senses.iter().any(|s| gaz.kind(s.place).is_area()) {
        // "Boston Globe said" is a paper: a well-known city is no given name.
        // The verb is asked first: it is a word list, the rest gazetteer look-ups.
        let names_before = after.is_some_and(words::is_speech_verb)
            && before.is_some_and(|b| is_name_word(b, gaz) && !is_well_known(gaz.lookup(b), gaz));
        let names_after = after.is_some_and(|a| {
            word_after(text, span.end + 1 + a.len()).is_some_and(words::is_speech_verb)
                && is_name_word(a, gaz)
        }) && !is_well_known(senses, gaz);
        if names_before || names_after {
            return Verdict::Person;
        }
    }
    // "Florence Nightingale", "Jordan Henderson": a place named like a person,
    // followed by a capitalised word that is neither an institution ("Florence
    // Cathedral") nor a feature ("Jordan Valley"), is that person.
    let given_name = words::is_given_name(surface) || entry.given_name;
    // "the Georgia Public Service Commission", "of Georgia Educators": after a
    // lowercase word, a state or country named like a woman is the place.
    // ("is Virginia Alexander, recipient of" is still the woman: a surname
    // that ends her name.)
    let area_after_lowercase = || {
        before.is_some_and(|b| !starts_upper(b))
            && senses.iter().any(|s| gaz.kind(s.place).is_area())
            && !after.is_some_and(|a| is_surname_ending_a_name(text, span.end, a, gaz))
    };
    if given_name
        && after.is_some_and(|a| {
            starts_upper(a)
                && !words::is_institution_word(a)
                && !words::is_place_head(a)
                && !words::is_local_office_word(a)
        })
        && !area_after_lowercase()
    {
        return Verdict::Person;
    }
    // "Marcin Przydacz, 23", "Linda Daily, director": a town's name before a
    // capitalised word no place bears, which ends the name, is a given name
    // here (only here: "1200 DeKalb Ave." must not make DeKalb a person).
    if single_word
        && after.is_some_and(|a| {
            starts_upper(a)
                && !is_abbreviation_at(text, span.end + 1, a)
                && !words::is_place_word_of_a_name(a)
                && name_ends_after(text, span.end + 1 + a.len())
        })
        && !senses.iter().any(|s| {
            let kind = gaz.kind(s.place);
            kind.is_area() || is_curated(kind)
        })
        // The look-ups last: few names get this far.
        && after.is_some_and(|a| {
            is_surname_ending_a_name(text, span.end, a, gaz) && gaz.lookup(a).is_empty()
        })
        && !is_well_known(senses, gaz)
    {
        return Verdict::Reject;
    }
    // "Jackson, who lived alone": a town is not a who ("Roy Bean of Roswell,
    // who" speaks of Roy).
    if text[span.end..].starts_with(", who ")
        && !before.is_some_and(|b| {
            words::is_locative(b) || b.eq_ignore_ascii_case("of") || b.ends_with(',')
        })
        && !is_after_comma(text, span.start)
        && !senses.iter().any(|s| gaz.kind(s.place).is_area())
    {
        return Verdict::Person;
    }
    // "St. John's Lutheran School", "St. Michael's Catholic School": a saint's
    // name with its possessive before a capitalised word names a church or a
    // school ("St. John's, N.L." is the city).
    if is_saints_institution(text, &span) && !is_well_known(senses, gaz) {
        return Verdict::Reject;
    }
    // "Lincoln visited the defenders", "Lincoln lived long enough": towns do
    // not visit, live or die.
    if single_word
        && after.is_some_and(words::is_person_verb)
        && !before.is_some_and(|b| words::is_locative(b) || b.eq_ignore_ascii_case("of"))
    {
        return Verdict::PersonActing;
    }
    // "Obama said": small towns do not speak; countries and capitals do, for
    // their governments ("Moscow said"), so only small places are judged so.
    // ("who was from Dewsbury said" is still a town: a preposition of place wins,
    // and so does "of": "the mayor of Venice said" speaks for the town.)
    if single_word
        && !notable
        && after.is_some_and(words::is_speech_verb)
        && !before.is_some_and(|b| words::is_locative(b) || b.eq_ignore_ascii_case("of"))
    {
        return Verdict::PersonActing;
    }
    // "Oyster Bar", "Knucklehead's Bar": a place named like the last word of
    // a business's name, after a capitalised word or a possessive, is that word.
    if single_word
        && words::is_institution_word(surface)
        && before.is_some_and(|b| {
            (starts_upper(b) && !words::is_function_word(b) && !words::is_locative(b))
                || b.ends_with("'s")
                || b.ends_with("\u{2019}s")
        })
    {
        return Verdict::Reject;
    }
    // "Neches River": a small town named after its river is the river, which
    // the search for unlisted places finds whole.
    if !notable && after.is_some_and(|a| matches!(a, "River" | "Creek")) {
        return Verdict::Reject;
    }
    // "250 B.C." is a date, not British Columbia.
    if matches!(surface, "B.C." | "BC" | "A.D." | "AD")
        && text[..span.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
    {
        return Verdict::Reject;
    }
    // "Wal-Mart": a small place's name joined by a hyphen to a capitalised
    // word is the front of a longer name ("pro-Russian" is lowercase first).
    // ("Watertown-Mayer", "Watertown-ML": two towns, or a town and its
    // initials, are a school district's name, and each is a town.)
    if !notable
        && text[span.end..].strip_prefix('-').is_some_and(|rest| {
            rest.starts_with(char::is_uppercase)
                && !(surface.len() >= 5 && is_second_town(rest, gaz))
        })
    {
        return Verdict::Reject;
    }
    // "Iron Man", "Outstanding Young Man": an everyday word capitalised after
    // another capitalised word is a title's, not a place's ("in Nice" stays).
    // ("East Oxford" is a part of Oxford.)
    if entry.common_word
        && before.is_some_and(|b| {
            starts_upper(b)
                && !words::is_locative(b)
                && !words::is_function_word(b)
                && !matches!(b, "East" | "West" | "North" | "South" | "Central")
        })
    {
        return Verdict::Reject;
    }
    // ("Oxford City Council has said" opens a sentence as a town.)
    // ("hiding in Hurricane, according to" is the town: a preposition of
    // place before it and a comma or full stop after it.)
    let placed_alone = || {
        text[span.end..].starts_with([',', '.'])
            && before.is_some_and(words::is_locative)
            && !is_sentence_start(text, span.start)
    };
    if entry.common_word
        && (!notable || is_sentence_start(text, span.start))
        && (!notable || !says_it_is_a_town(text, &span, after))
        && !local_cues::is_dateline(text, &span)
        && !placed_alone()
    {
        return Verdict::Reject;
    }
    // A place that is also a common surname needs a preposition of place
    // before it or a region after it ("in Bassett", "Bassett, Neb."), unless it is
    // too well known to be mistaken ("Jordan", "Houston", "Georgia").
    if entry.person_name
        && !is_well_known(senses, gaz)
        && !before.is_some_and(words::is_locative)
        && !is_residence(text, span.start)
        && !text[span.end..]
            .strip_prefix(", ")
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        && !says_it_is_a_town(text, &span, after)
    {
        return Verdict::NeedsCompany;
    }
    let shouting =
        surface.chars().any(char::is_alphabetic) && !surface.chars().any(char::is_lowercase);
    // ("the NICE program": capitals amid lowercase words are an acronym's,
    // unless the name opens a story or a sentence, as a dateline does.)
    let amid_lowercase = || {
        let lower = |w: &str| w.chars().any(char::is_lowercase);
        !is_sentence_start(text, span.start)
            && before.is_some_and(lower)
            && after.is_some_and(lower)
    };
    if shouting
        && !gaz.has_spelling(surface)
        && (!notable || surface.chars().count() < 4 || amid_lowercase())
        && !local_cues::is_dateline(text, &span)
    {
        return Verdict::Reject;
    }
    // "spoke only French", "English language learners": a language.
    if is_a_language_here(text, span.end, before, after)
        && senses.iter().any(|s| s.kind == NameKind::Demonym)
    {
        return Verdict::Reject;
    }
    if senses.iter().all(|s| s.kind == NameKind::Demonym) {
        // "Native American" is a people of no one place; "French said" is a
        // person named French.
        if before == Some("Native") || after.is_some_and(words::is_speech_verb) {
            return Verdict::Person;
        }

        return Verdict::Keep(Usage::Demonym);
    }
    // "United Russia" is a party (the countries are spelled whole:
    // "United States").
    if before == Some("United") {
        return Verdict::Reject;
    }
    if after.is_some_and(|a| starts_upper(a) && words::is_institution_word(a)) {
        return Verdict::Keep(Usage::InName);
    }
    Verdict::Keep(Usage::Place)
}

/// "at the White House", "from the Kremlin": a preposition of place, then
/// "the", just before `at`.
fn is_place_of_a_building(text: &str, at: usize) -> bool {
    let Some(head) = text[..at].strip_suffix("the ") else {
        return false;
    };
    word_before(head, head.len()).is_some_and(words::is_locative)
}

/// " P. Benjamin": a space, a capital, a full stop and a space.
fn is_followed_by_initial(text: &str, at: usize) -> bool {
    let bytes = &text.as_bytes()[at..];
    bytes.len() >= 4
        && bytes[0] == b' '
        && bytes[1].is_ascii_uppercase()
        && bytes[2] == b'.'
        && bytes[3] == b' '
}

/// ", Tipperary": the name follows a comma, as an address's town does.
fn is_after_comma(text: &str, at: usize) -> bool {
    text[..at].ends_with(", ")
}

fn is_saints_institution(text: &str, span: &Range<usize>) -> bool {
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
fn is_a_language_here(text: &str, end: usize, before: Option<&str>, after: Option<&str>) -> bool {
    // Compared without lowercasing into a new string: this runs for every
    // candidate name.
    let after_verb = before.is_some_and(|b| {
        [
            "speak", "speaks", "spoke", "speaking", "learn", "learns", "learned", "learning",
            "teach", "teaches", "taught", "teaching", "only", "fluent",
        ]
        .iter()
        .any(|verb| b.eq_ignore_ascii_case(verb))
    });
    let in_the_language = before == Some("in")
        && (after.is_some_and(|a| a == "and" || a == "or")
            || text[end..].starts_with([',', '.', ';', ')']));
    let language_word = after.is_some_and(|a| {
        matches!(
            a,
            "language" | "languages" | "speakers" | "speaking" | "translation"
        )
    });
    after_verb || in_the_language || language_word
}

/// The word that starts `rest` is a town of the gazetteer or two or three
/// capitals ("ML").
fn is_second_town(rest: &str, gaz: &Gazetteer) -> bool {
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
fn name_ends_after(text: &str, end: usize) -> bool {
    match text.get(end..).and_then(|rest| rest.chars().next()) {
        None => true,
        Some(' ') => word_after(text, end).is_some_and(|next| {
            !starts_upper(next) && !matches!(next, "of" | "for" | "and" | "on")
        }),
        Some(c) => matches!(c, ',' | '.' | ';' | ':' | ')' | '(' | '"' | '\u{201D}'),
    }
}

/// "Ave." or "Twp." at `at`: a short word and a full stop.
fn is_abbreviation_at(text: &str, at: usize, word: &str) -> bool {
    word.len() <= 4 && text[at + word.len()..].starts_with('.')
}

/// A dateline, "the city of Monroe", "an Augusta native", "Greer City Hall".
fn says_it_is_a_town(text: &str, span: &Range<usize>, after: Option<&str>) -> bool {
    local_cues::has_local_cue(text, span, after)
        || after.is_some_and(|a| starts_upper(a) && words::is_local_office_word(a))
}

/// "Michael Durr, of Trenton", "formerly of Augusta", "a native of Greer":
/// where a local paper says a person lives or comes from.
fn is_residence(text: &str, at: usize) -> bool {
    let Some(head) = text[..at].strip_suffix("of ") else {
        return false;
    };
    let head = head.trim_end_matches(' ');
    head.ends_with(',')
        || ["formerly", "native", "resident", "residents", "natives"]
            .iter()
            .any(|w| {
                head.len()
                    .checked_sub(w.len())
                    .and_then(|start| head.get(start..))
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(w))
            })
}

/// A capitalised word that can be half of a person's name: not a function word
/// ("The"), a title, the head of an institution or feature ("Police",
/// "River"), nor a country or state.
fn is_name_word(word: &str, gaz: &Gazetteer) -> bool {
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
fn is_surname_ending_a_name(text: &str, at: usize, word: &str, gaz: &Gazetteer) -> bool {
    name_ends_after(text, at + 1 + word.len())
        && is_name_word(word, gaz)
        && !words::is_calendar_word(word)
        && (!word.ends_with('s') || gaz.is_person_name(word))
}

fn is_curated(kind: PlaceKind) -> bool {
    matches!(
        kind,
        PlaceKind::Water
            | PlaceKind::AirBase
            | PlaceKind::NavalBase
            | PlaceKind::Airport
            | PlaceKind::Building
    )
}
