//! The reader's recognition rules for one candidate name: whether the words
//! around it make it a place, a person, a part of another name, or nothing,
//! as a careful reader of a local paper would judge ("George Washington",
//! "Monroe Mayor", "TORRINGTON —", "the White House said"). Each rule is a
//! named function, tried in the order of [`RECOGNITION_RULES`]; the first
//! that speaks decides, and its [`Verdict`] names it. [`super::recognise`]
//! runs them on every candidate span, left to right.

use std::ops::Range;

use crate::gazetteer::{Gazetteer, NameEntry, NameKind, PlaceKind, Senses};

use super::lexicon::{COMPASS_WORDS, COUNTY_WORDS, ERA_ABBREVIATIONS, STREAM_WORDS};
use super::local_cues;
use super::name_shapes::{
    is_a_language_here, is_abbreviation_at, is_after_comma, is_followed_by_initial, is_name_word,
    is_place_of_a_building, is_saints_institution, is_second_town, is_surname_ending_a_name,
    name_ends_after, says_it_is_a_town,
};
use super::place_facts::{is_curated, is_well_known};
use super::rules::{Outcome, Rule, RulesOff, Verdict};
use super::text::{ends_a_sentence, is_sentence_start, starts_upper, word_after, word_before};
use super::types::Usage;
use super::words;

/// A candidate span and what the rules read around it.
pub(super) struct Span<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    /// The name as written.
    pub surface: &'a str,
    pub gaz: &'a Gazetteer,
    pub entry: &'a NameEntry<'a>,
    /// The places the name can mean.
    pub senses: Senses<'a>,
    /// It can mean a big city, an area or a curated place.
    pub notable: bool,
    /// It can mean an area.
    pub any_area: bool,
    /// It can mean a well-known place ([`is_well_known`]).
    pub well_known: bool,
    pub single_word: bool,
    /// The words on either side.
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
}

impl Span<'_> {
    fn before_is(&self, test: impl Fn(&str) -> bool) -> bool {
        self.before.is_some_and(test)
    }

    fn after_is(&self, test: impl Fn(&str) -> bool) -> bool {
        self.after.is_some_and(test)
    }

    /// "in", "near", or "of" before it.
    fn after_locative_or_of(&self) -> bool {
        self.before_is(|b| words::is_locative(b) || b.eq_ignore_ascii_case("of"))
    }
}

macro_rules! recognition_rules {
    ($(($rule:ident, $test:ident)),* $(,)?) => {
        /// The recognition rules in the order they are tried. Order matters:
        /// a person's name is read before a town's, an everyday word before
        /// a surname.
        pub(super) const RECOGNITION_RULES: &[Rule] = &[$(Rule::$rule),*];

        /// Applies the recognition rules that are on to one candidate span,
        /// in the order of [`RECOGNITION_RULES`]; a span no rule stops is a
        /// place name. The rules are written out one after another, not
        /// looked up in a table of function pointers, so that each is
        /// compiled into the walk: this runs for every candidate span.
        pub(super) fn judge(span: &Span<'_>, off: RulesOff) -> Verdict {
            if span.senses.is_empty() {
                return Verdict {
                    outcome: Outcome::Reject,
                    rule: Rule::UsuallyNotAPlace,
                };
            }
            $(
                if !off.is_off(Rule::$rule)
                    && let Some(outcome) = $test(span)
                {
                    return Verdict {
                        outcome,
                        rule: Rule::$rule,
                    };
                }
            )*
            Verdict {
                outcome: Outcome::Keep(Usage::Place),
                rule: Rule::PlaceName,
            }
        }
    };
}

recognition_rules! {
    (CalendarWord, calendar_word),
    (TitleAbbreviation, title_abbreviation),
    (FeatureWordBeforeOf, feature_word_before_of),
    (NamesAFeature, names_a_feature),
    (AfterLakeOrMount, after_lake_or_mount),
    (StreetNamedAfterAPlace, street_named_after_a_place),
    (UsuallyNotAPlace, usually_not_a_place),
    (SeatOfPowerSpeaks, seat_of_power_speaks),
    (TitleBeforeName, title_before_name),
    (GivenNameBefore, given_name_before),
    (MiddleInitialBefore, middle_initial_before),
    (MiddleInitialAfter, middle_initial_after),
    (TailOfLongerName, tail_of_longer_name),
    (PersonBeforeSpeech, person_before_speech),
    (PersonAfterSpeech, person_after_speech),
    (GivenNameBeforeSurname, given_name_before_surname),
    (GivenNameBeforeUnknownSurname, given_name_before_unknown_surname),
    (PersonWho, person_who),
    (SaintsInstitution, saints_institution),
    (PersonBeforeVerb, person_before_verb),
    (SmallPlaceSpeaks, small_place_speaks),
    (BusinessWord, business_word),
    (FirmName, firm_name),
    (TownOfARiver, town_of_a_river),
    (RiverNamedBefore, river_named_before),
    (EraAbbreviation, era_abbreviation),
    (HyphenatedBrand, hyphenated_brand),
    (EverydayWordInTitle, everyday_word_in_title),
    (EverydayWord, everyday_word),
    (SurnameNeedsCompany, surname_needs_company),
    (ShoutedAcronym, shouted_acronym),
    (Language, language),
    (DemonymAsPerson, demonym_as_person),
    (Demonym, demonym),
    (PartyName, party_name),
    (InsideAName, inside_a_name),
}

fn when(condition: bool, outcome: Outcome) -> Option<Outcome> {
    condition.then_some(outcome)
}

fn calendar_word(s: &Span<'_>) -> Option<Outcome> {
    when(words::is_calendar_word(s.surface), Outcome::Reject)
}

/// "Sens. Smith and Jones", "Reps. Ann Lee": a title's abbreviation, a full
/// stop and a name after it ("in Sens" is the town).
fn title_abbreviation(s: &Span<'_>) -> Option<Outcome> {
    let rest = &s.text[s.range.end..];
    when(
        words::is_title(s.surface)
            && rest
                .strip_prefix(". ")
                .is_some_and(|r| r.starts_with(char::is_uppercase)),
        Outcome::Reject,
    )
}

/// "the Bay of Pigs": "Bay" opens the bay's name; it is not the Somali
/// region "Bay".
fn feature_word_before_of(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.single_word
            && s.text.as_bytes().get(s.range.end..s.range.end + 4) == Some(b" of ")
            && words::of_before_a_name(&s.text[s.range.end + 1..]).is_some()
            && words::is_feature_opener(s.surface),
        Outcome::Reject,
    )
}

/// "the Gulf of Thailand": a country's, state's or region's name after a
/// feature word and "of" is the feature's (a town's is kept: "the Bay of
/// Naples" lies at Naples).
fn names_a_feature(s: &Span<'_>) -> Option<Outcome> {
    when(
        words::names_a_feature_before(&s.text[..s.range.start])
            && s.senses.iter().any(|sense| {
                matches!(
                    s.gaz.kind(sense.place),
                    PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region
                )
            }),
        Outcome::Reject,
    )
}

/// "Mount Kenya", "Mount Washington": the mountain's name (the word before
/// is one space away, or there is none).
fn after_lake_or_mount(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.before_is(|b| b.starts_with(|c: char| c.is_ascii_uppercase()))
            && s.before_is(words::is_feature_prefix),
        Outcome::Reject,
    )
}

/// "6016 Dublin Road": the street, not Dublin ("Mahnomen County Road" is a
/// road of that county, and the county stays).
fn street_named_after_a_place(s: &Span<'_>) -> Option<Outcome> {
    let street = s.after_is(|a| a.starts_with(|c: char| c.is_ascii_uppercase()))
        && s.after_is(words::is_street_word);
    let county = || {
        s.surface
            .rsplit(' ')
            .next()
            .is_some_and(|last| COUNTY_WORDS.contains(last))
    };
    when(street && !county(), Outcome::Reject)
}

/// "Reuters reported", "the Metro line", "echoed in Congress": a name the
/// news uses far more often for something else is a place only with
/// evidence of its own, its state or country right after it ("Congress,
/// Arizona"); a preposition is not enough ("in Congress").
fn usually_not_a_place(s: &Span<'_>) -> Option<Outcome> {
    let placed = s.text[s.range.end..]
        .strip_prefix(", ")
        .is_some_and(|r| r.starts_with(char::is_uppercase));
    when(words::is_not_a_place(s.surface) && !placed, Outcome::Reject)
}

/// "The White House said", "a Kremlin stooge": a seat of government stands
/// for the government; it is the building only where one goes or stands
/// ("at the White House", "from the Kremlin").
/// ("in White House" without "the" is the town in Tennessee.)
fn seat_of_power_speaks(s: &Span<'_>) -> Option<Outcome> {
    when(
        words::is_seat_of_power(s.surface)
            && !is_place_of_a_building(s.text, s.range.start)
            && !s.before_is(words::is_locative),
        Outcome::Reject,
    )
}

/// "President Lincoln", "Capt. Jackson"; not "the Ministry of Justice.
/// Azerbaijan has": a whole word with a full stop ends its sentence, where an
/// abbreviation ("Capt.", "Supt.") does not.
fn title_before_name(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.before_is(|b| words::is_title(b) && !ends_a_sentence(b, 6)),
        Outcome::Person,
    )
}

/// Only a capitalised word can be a given name: the look-ups wait for that.
fn given_name_before(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.before_is(|b| starts_upper(b) && (words::is_given_name(b) || s.gaz.is_given_name(b))),
        Outcome::Person,
    )
}

/// "Roy A. Nelson": a capital and a full stop before a name is a middle
/// initial ("W. Va." is a state: an abbreviation is not a surname).
fn middle_initial_before(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.before_is(|b| {
            b.len() == 2
                && b.ends_with('.')
                && b.starts_with(|c: char| c.is_ascii_uppercase())
                && !matches!(b, "N." | "S." | "E." | "W.")
        }) && !s.surface.ends_with('.'),
        Outcome::Person,
    )
}

/// "Judah P. Benjamin", "Lynnwood W. Schell": a middle initial after it
/// makes it a given name.
fn middle_initial_after(s: &Span<'_>) -> Option<Outcome> {
    when(is_followed_by_initial(s.text, s.range.end), Outcome::Person)
}

/// "Hillary Clinton", "Marco Rubio": a small place's name at the end of a
/// run of capitalised words is the tail of another name. ("on Sunday.
/// Grovetown police": a word that ends a sentence is not part of it.) So is
/// a small town named like a park or a lake after another capitalised word:
/// "Rocky Mountain National Park" is the park, not the town of New Jersey
/// called "National Park" (the park's name is then found whole by its form).
fn tail_of_longer_name(s: &Span<'_>) -> Option<Outcome> {
    let capital_before =
        |b: &str| starts_upper(b) && !ends_a_sentence(b, 4) && !words::is_function_word(b);
    let small_tail = || {
        s.single_word
            && !s.notable
            && s.before_is(|b| capital_before(b) && s.gaz.lookup(b).is_empty())
    };
    let feature_tail = || {
        !s.single_word
            && !s.notable
            && s.senses
                .iter()
                .all(|x| matches!(s.gaz.kind(x.place), PlaceKind::Town | PlaceKind::City))
            && s.surface
                .rsplit(' ')
                .next()
                .is_some_and(words::is_place_head)
            && s.before_is(capital_before)
    };
    when(small_tail() || feature_tail(), Outcome::Reject)
}

/// "“We have no idea,” said Nash Riad, one of the cashiers": two
/// capitalised words right after a verb of speech, with a comma or a full
/// stop after them, are the speaker's given name and surname, whatever
/// places share them, unless either is a country or state ("said Texas
/// officials" goes on in lower case).
fn person_after_speech(s: &Span<'_>) -> Option<Outcome> {
    if !s.single_word {
        return None;
    }
    let (gaz, text) = (s.gaz, s.text);
    let name_ends = |at: usize| matches!(text.as_bytes().get(at), None | Some(b',' | b'.'));
    // The surname: "said Nash Riad,". The words are asked before the lists.
    let surname = || {
        name_ends(s.range.end)
            && s.before.is_some_and(|b| {
                starts_upper(b)
                    && word_before(text, s.range.start - 1 - b.len())
                        .is_some_and(words::is_speech_verb)
                    && is_name_word(b, gaz)
            })
    };
    // The given name: "said Marcus Lincoln,".
    let given_name = || {
        s.after.is_some_and(|a| {
            starts_upper(a) && name_ends(s.range.end + 1 + a.len()) && is_name_word(a, gaz)
        }) && s.before_is(words::is_speech_verb)
    };
    when((surname() || given_name()) && !s.any_area, Outcome::Person)
}

/// "Fatima Bello said": two capitalised words before a verb of speech are a
/// person's given name and surname, whatever places share them, unless
/// either is a country or state ("Texas Democrats said" has no capital D).
fn person_before_speech(s: &Span<'_>) -> Option<Outcome> {
    if !s.single_word || s.any_area {
        return None;
    }
    let gaz = s.gaz;
    // "Boston Globe said" is a paper: a well-known city is no given name.
    // The verb is asked first: it is a word list, the rest gazetteer look-ups.
    let names_before = s.after_is(words::is_speech_verb)
        && s.before_is(|b| is_name_word(b, gaz) && !is_well_known(gaz.lookup(b), gaz));
    let names_after = s.after_is(|a| {
        word_after(s.text, s.range.end + 1 + a.len()).is_some_and(words::is_speech_verb)
            && is_name_word(a, gaz)
    }) && !s.well_known;
    when(names_before || names_after, Outcome::Person)
}

/// "Florence Nightingale", "Jordan Henderson": a place named like a person,
/// followed by a capitalised word that is neither an institution ("Florence
/// Cathedral") nor a feature ("Jordan Valley"), is that person.
/// "the Georgia Public Service Commission", "of Georgia Educators": after a
/// lowercase word, a state or country named like a woman is the place.
/// ("is Virginia Alexander, recipient of" is still the woman: a surname
/// that ends her name.) "The" does not open a person's name: "the Houston
/// Rockets" is the city's team.
fn given_name_before_surname(s: &Span<'_>) -> Option<Outcome> {
    let given_name = words::is_given_name(s.surface) || s.entry.given_name;
    let area_after_lowercase = || {
        s.before_is(|b| !starts_upper(b))
            && s.any_area
            && !s.after_is(|a| is_surname_ending_a_name(s.text, s.range.end, a, s.gaz))
    };
    when(
        given_name
            && s.after_is(|a| {
                starts_upper(a)
                    && !words::is_institution_word(a)
                    && !words::is_place_head(a)
                    && !words::is_local_office_word(a)
            })
            && !s.before_is(|b| b.eq_ignore_ascii_case("the"))
            && !area_after_lowercase(),
        Outcome::Person,
    )
}

/// "Marcin Przydacz, 23", "Linda Daily, director": a town's name before a
/// capitalised word no place bears, which ends the name, is a given name
/// here (only here: "1200 DeKalb Ave." must not make DeKalb a person).
fn given_name_before_unknown_surname(s: &Span<'_>) -> Option<Outcome> {
    let (text, end, gaz) = (s.text, s.range.end, s.gaz);
    when(
        s.single_word
            && s.after_is(|a| {
                starts_upper(a)
                    && !is_abbreviation_at(text, end + 1, a)
                    && !words::is_place_word_of_a_name(a)
                    && name_ends_after(text, end + 1 + a.len())
            })
            && !s.senses.iter().any(|sense| {
                let kind = gaz.kind(sense.place);
                kind.is_area() || is_curated(kind)
            })
            // The look-ups last: few names get this far.
            && s.after_is(|a| is_surname_ending_a_name(text, end, a, gaz) && gaz.lookup(a).is_empty())
            && !s.well_known,
        Outcome::Reject,
    )
}

/// "Jackson, who lived alone": a town is not a who ("Roy Bean of Roswell,
/// who" speaks of Roy).
fn person_who(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.text[s.range.end..].starts_with(", who ")
            && !s.before_is(|b| {
                words::is_locative(b) || b.eq_ignore_ascii_case("of") || b.ends_with(',')
            })
            && !is_after_comma(s.text, s.range.start)
            && !s.any_area,
        Outcome::Person,
    )
}

/// "St. John's Lutheran School", "St. Michael's Catholic School": a saint's
/// name with its possessive before a capitalised word names a church or a
/// school ("St. John's, N.L." is the city).
fn saints_institution(s: &Span<'_>) -> Option<Outcome> {
    when(
        is_saints_institution(s.text, &s.range) && !s.well_known,
        Outcome::Reject,
    )
}

/// "Lincoln visited the defenders", "Lincoln lived long enough": towns do
/// not visit, live or die.
fn person_before_verb(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.single_word && s.after_is(words::is_person_verb) && !s.after_locative_or_of(),
        Outcome::PersonActing,
    )
}

/// "Obama said": small towns do not speak; countries and capitals do, for
/// their governments ("Moscow said"), so only small places are judged so.
/// ("who was from Dewsbury said" is still a town: a preposition of place wins,
/// and so does "of": "the mayor of Venice said" speaks for the town.)
fn small_place_speaks(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.single_word
            && !s.notable
            && s.after_is(words::is_speech_verb)
            && !s.after_locative_or_of(),
        Outcome::PersonActing,
    )
}

/// "Oyster Bar", "Knucklehead's Bar": a place named like the last word of
/// a business's name, after a capitalised word or a possessive, is that word.
fn business_word(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.single_word
            && words::is_institution_word(s.surface)
            && s.before_is(|b| {
                (starts_upper(b) && !words::is_function_word(b) && !words::is_locative(b))
                    || b.ends_with("'s")
                    || b.ends_with("\u{2019}s")
            }),
        Outcome::Reject,
    )
}

/// "Stevens & Wilkinson", "Johnson & Johnson", "Procter & Gamble": a small
/// place's name joined to another capitalised word by "&" is a firm's
/// partner's name.
fn firm_name(s: &Span<'_>) -> Option<Outcome> {
    let text = s.text;
    let joined_after = text[s.range.end..]
        .strip_prefix(" & ")
        .is_some_and(starts_upper);
    let joined_before = text[..s.range.start]
        .strip_suffix(" & ")
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(starts_upper);
    when(
        !s.notable && (joined_after || joined_before),
        Outcome::Reject,
    )
}

/// "Neches River": a small town named after its river is the river, which
/// the search for unlisted places finds whole.
fn town_of_a_river(s: &Span<'_>) -> Option<Outcome> {
    when(
        !s.notable && s.after_is(|a| STREAM_WORDS.contains(a)),
        Outcome::Reject,
    )
}

/// "The Oconee was high" after "the Oconee River": one name, one sense in an
/// article, so "the" and a small town's name that the article wrote before
/// as a river's or a creek's ("Oconee River", "Kiser Creek") are that river,
/// not the town; the rule's second half ([`super::rivers_again`]) links it
/// to the river where the gazetteer lists one.
fn river_named_before(s: &Span<'_>) -> Option<Outcome> {
    when(
        !s.notable
            && s.single_word
            && s.before_is(|b| b.eq_ignore_ascii_case("the"))
            && named_as_a_stream_before(s.text, s.range.start, s.surface),
        Outcome::Reject,
    )
}

/// Whether `name` and a stream word ("River", "Creek") stand together in
/// `text` before byte `end`.
fn named_as_a_stream_before(text: &str, end: usize, name: &str) -> bool {
    // memmem finds the same matches as `match_indices`, many bytes at a time.
    memchr::memmem::find_iter(&text.as_bytes()[..end], name.as_bytes()).any(|at| {
        !text[..at].ends_with(char::is_alphanumeric)
            && word_after(text, at + name.len()).is_some_and(|w| STREAM_WORDS.contains(w))
    })
}

/// "250 B.C." is a date, not British Columbia.
fn era_abbreviation(s: &Span<'_>) -> Option<Outcome> {
    when(
        ERA_ABBREVIATIONS.contains(s.surface)
            && s.text[..s.range.start]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit()),
        Outcome::Reject,
    )
}

/// "Wal-Mart": a small place's name joined by a hyphen to a capitalised
/// word is the front of a longer name ("pro-Russian" is lowercase first).
/// ("Watertown-Mayer", "Watertown-ML": two towns, or a town and its
/// initials, are a school district's name, and each is a town.)
fn hyphenated_brand(s: &Span<'_>) -> Option<Outcome> {
    when(
        !s.notable
            && s.text[s.range.end..].strip_prefix('-').is_some_and(|rest| {
                rest.starts_with(char::is_uppercase)
                    && !(s.surface.len() >= 5 && is_second_town(rest, s.gaz))
            }),
        Outcome::Reject,
    )
}

/// "Iron Man", "Outstanding Young Man": an everyday word capitalised after
/// another capitalised word is a title's, not a place's ("in Nice" stays).
/// ("East Oxford" is a part of Oxford; "on Monday. Billings officials" is
/// no title: the full stop ends a sentence.)
fn everyday_word_in_title(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.entry.common_word
            && s.before_is(|b| {
                starts_upper(b)
                    && !ends_a_sentence(b, 4)
                    && !words::is_locative(b)
                    && !words::is_function_word(b)
                    && !COMPASS_WORDS.contains(b)
            }),
        Outcome::Reject,
    )
}

/// "Nice work", "Reading it took hours": an everyday word is a place only
/// where something marks it so.
/// ("Oxford City Council has said" opens a sentence as a town.)
/// ("hiding in Hurricane, according to" is the town: a preposition of
/// place before it and a comma or full stop after it. So is "the city of
/// Temple" or "downtown Temple", whatever its size.)
fn everyday_word(s: &Span<'_>) -> Option<Outcome> {
    let (text, span) = (s.text, &s.range);
    let placed_alone = || {
        text[span.end..].starts_with([',', '.'])
            && s.before_is(words::is_locative)
            && !is_sentence_start(text, span.start)
    };
    when(
        s.entry.common_word
            && (!s.notable || is_sentence_start(text, span.start))
            && (!s.notable || !says_it_is_a_town(text, span, s.after))
            && !local_cues::is_dateline(text, span)
            && !local_cues::is_named_as_a_town(text, span.start)
            && !placed_alone(),
        Outcome::Reject,
    )
}

/// A place that is also a common surname needs a preposition of place
/// before it or a region after it ("in Bassett", "Bassett, Neb."), unless it is
/// too well known to be mistaken ("Jordan", "Houston", "Georgia").
fn surname_needs_company(s: &Span<'_>) -> Option<Outcome> {
    let (text, span) = (s.text, &s.range);
    when(
        s.entry.person_name
            && !s.well_known
            && !s.before_is(words::is_locative)
            && !local_cues::is_residence(text, span.start)
            && !text[span.end..]
                .strip_prefix(", ")
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
            && !says_it_is_a_town(text, span, s.after),
        Outcome::NeedsCompany,
    )
}

/// ("the NICE program": capitals amid lowercase words are an acronym's,
/// unless the name opens a story or a sentence, as a dateline does.)
fn shouted_acronym(s: &Span<'_>) -> Option<Outcome> {
    let (text, span, surface) = (s.text, &s.range, s.surface);
    let shouting =
        surface.chars().any(char::is_alphabetic) && !surface.chars().any(char::is_lowercase);
    let amid_lowercase = || {
        let lower = |w: &str| w.chars().any(char::is_lowercase);
        !is_sentence_start(text, span.start) && s.before_is(lower) && s.after_is(lower)
    };
    when(
        shouting
            && !s.gaz.has_spelling(surface)
            && (!s.notable || surface.chars().count() < 4 || amid_lowercase())
            && !local_cues::is_dateline(text, span),
        Outcome::Reject,
    )
}

/// "spoke only French", "English language learners": a language.
fn language(s: &Span<'_>) -> Option<Outcome> {
    when(
        is_a_language_here(s.text, s.range.end, s.before, s.after)
            && s.senses.iter().any(|sense| sense.kind == NameKind::Demonym),
        Outcome::Reject,
    )
}

fn only_demonym(s: &Span<'_>) -> bool {
    s.senses.iter().all(|sense| sense.kind == NameKind::Demonym)
}

/// "Native American" is a people of no one place; "French said" is a
/// person named French.
fn demonym_as_person(s: &Span<'_>) -> Option<Outcome> {
    when(
        only_demonym(s) && (s.before == Some("Native") || s.after_is(words::is_speech_verb)),
        Outcome::Person,
    )
}

fn demonym(s: &Span<'_>) -> Option<Outcome> {
    when(only_demonym(s), Outcome::Keep(Usage::Demonym))
}

/// "United Russia" is a party (the countries are spelled whole:
/// "United States").
fn party_name(s: &Span<'_>) -> Option<Outcome> {
    when(s.before == Some("United"), Outcome::Reject)
}

fn inside_a_name(s: &Span<'_>) -> Option<Outcome> {
    when(
        s.after_is(|a| starts_upper(a) && words::is_institution_word(a)),
        Outcome::Keep(Usage::InName),
    )
}
