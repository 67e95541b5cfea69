//! Recognition: which stretches of a text name a place.
//!
//! The gazetteer's name finder is started at every capitalised word and reports
//! the spellings that begin there, ignoring ASCII case. This module keeps the
//! matches a careful reader would: whole words, capitalised as the name is, the
//! longest at each place, and not a month, a person ("George Washington"), or an
//! everyday word at the start of a sentence ("Nice work"). The rules for one
//! name are in [`super::judge`]; this module walks the text, keeps one sense
//! per article, and admits the towns that lists and county lists vouch for.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use crate::gazetteer::{
    Gazetteer, NameIndex, PlaceKind, PrefixMatch, Senses, name_key, name_key_into,
};

use super::county_lists;
use super::judge::{Span, judge};
use super::lexicon::ARABIC_ARTICLES;
use super::local_cues;
use super::name_shapes;
use super::place_facts::{is_notable, is_well_known};
use super::rivers_again::admit_rivers_named_again;
use super::rules::{Outcome, Rule, RulesOff};
use super::spelling_memory::{NameFacts, capitals_of, has_capitals, remembered};
use super::text::{next_capital_or_non_ascii, starts_upper, word_after, word_before};
use super::types::{DroppedSpan, Mention, Usage};
use super::words;

/// The place names of `text`, in order, without overlaps, by the rules that
/// are not `off`. With `dropped`, every span a rule decided is no place name
/// is put there too, with that rule (for `--explain`).
pub fn recognise(
    text: &str,
    gaz: &Gazetteer,
    off: RulesOff,
    mut dropped: Option<&mut Vec<DroppedSpan>>,
) -> Vec<Mention> {
    let Some(finder) = gaz.name_finder() else {
        return Vec::new();
    };
    let mut spans = CandidateSpans::new(text, finder, gaz);
    let mut kept: Vec<(Mention, bool)> = Vec::new();
    let mut people = People::default();
    let mut lonely: Vec<Mention> = Vec::new();
    let mut kept_until = 0;
    while let Some((span, spelling)) = spans.next_from(kept_until) {
        let Some(entry) = gaz.entry_of_spelling(spelling) else {
            continue;
        };
        let name = name_facts_of_spelling(spelling, entry.senses, gaz);
        // The words on either side, found once for the rules and the marks.
        let (before, after) = (word_before(text, span.start), word_after(text, span.end));
        let verdict = judge(
            &Span {
                text,
                range: span.clone(),
                surface: &text[span.clone()],
                gaz,
                entry: &entry,
                senses: entry.senses,
                notable: name.notable,
                any_area: name.any_area,
                well_known: name.well_known,
                single_word: !text[span.clone()].contains(' '),
                before,
                after,
            },
            off,
        );
        let rule = verdict.rule;
        if !matches!(verdict.outcome, Outcome::Keep(_) | Outcome::NeedsCompany)
            && let Some(dropped) = dropped.as_deref_mut()
        {
            dropped.push(DroppedSpan {
                byte_range: span.clone(),
                rule,
            });
        }
        match verdict.outcome {
            Outcome::Keep(usage) => {
                kept_until = span.end;
                let after_locative = is_after_locative(text, &span, before);
                let names_local_office =
                    after.is_some_and(|a| starts_upper(a) && words::is_local_office_word(a));
                let local_cue = local_cues::has_local_cue(text, &span, after);
                let mention = Mention {
                    byte_range: span,
                    usage,
                    rule,
                    after_locative,
                    names_local_office,
                    local_cue,
                    spelling,
                };
                // "Wade McKinney ... McKinney said": a well-known city's name
                // that speaks, once it has been a person's, is the person; a
                // country or a capital speaks for its government.
                let speaks = after.is_some_and(words::is_speech_verb)
                    && !entry.senses.iter().any(|s| {
                        matches!(gaz.kind(s.place), PlaceKind::Country | PlaceKind::Capital)
                    });
                let well_known = name.well_known && !speaks;
                // "Pat Nelson said ... Nelson said": a region that speaks
                // twice is a person speaking.
                // ("the mayor of Sevierville said", "from Dewsbury said" speak
                // for the town, and a big state speaks for its government.)
                let speaks_as_person = speaks
                    && !before
                        .is_some_and(|b| words::is_locative(b) || b.eq_ignore_ascii_case("of"))
                    && !entry.senses.iter().any(|s| {
                        gaz.kind(s.place) == PlaceKind::Admin1
                            && gaz.population(s.place) >= 1_000_000
                    });
                if speaks_as_person {
                    people.saw_acting(name_key(&text[mention.byte_range.clone()]));
                }
                kept.push((mention, well_known));
            }
            Outcome::Person => {
                kept_until = span.end;
                people.named.insert(name_key(&text[span]));
            }
            Outcome::PersonActing => {
                kept_until = span.end;
                people.saw_acting(name_key(&text[span]));
            }
            Outcome::NeedsCompany => lonely.push(Mention {
                byte_range: span,
                usage: Usage::Place,
                rule: Rule::ListedTown,
                after_locative: false,
                names_local_office: false,
                local_cue: true,
                spelling,
            }),
            Outcome::Reject => {}
        }
    }
    if !lonely.is_empty() && !off.is_off(Rule::ListedTown) {
        lonely = admit_listed(text, &mut kept, lonely);
    }
    if !lonely.is_empty() && !off.is_off(Rule::CityOfTheArticlesState) {
        lonely = admit_cities_of_the_articles_state(gaz, &mut kept, lonely);
    }
    if let Some(dropped) = dropped.as_deref_mut() {
        dropped.extend(lonely.into_iter().map(|m| DroppedSpan {
            byte_range: m.byte_range,
            rule: Rule::SurnameNeedsCompany,
        }));
    }
    if !off.is_off(Rule::CountyList) {
        add_listed_counties(text, gaz, &mut kept);
    }
    if !off.is_off(Rule::StateCodeAfterATown) {
        add_state_codes(text, gaz, &mut kept, dropped.as_deref_mut());
    }
    if !off.is_off(Rule::RiverNamedBefore) {
        admit_rivers_named_again(text, gaz, &mut kept, dropped.as_deref_mut());
    }
    if people.named.is_empty() || off.is_off(Rule::OneSensePerson) {
        return kept.into_iter().map(|(m, _)| m).collect();
    }
    // One sense per article: a name once used for a person stays a person.
    let mut mentions = Vec::with_capacity(kept.len());
    let mut key = String::new();
    for (m, well_known) in kept {
        name_key_into(&text[m.byte_range.clone()], &mut key);
        let key = key.as_str();
        if !people.acting_twice.contains(key) && (well_known || !people.named.contains(key)) {
            mentions.push(m);
        } else if let Some(dropped) = dropped.as_deref_mut() {
            dropped.push(DroppedSpan {
                byte_range: m.byte_range,
                rule: Rule::OneSensePerson,
            });
        }
    }
    mentions
}

/// What the places of the name found as `spelling`, which can mean
/// `senses`, are: remembered, for each fact reads the records of the
/// senses, and those records are seldom in the caches (a name of fifty
/// small towns is fifty trips to memory). Worked out together, the first
/// time, so that the rules find every fact in one look-up.
fn name_facts_of_spelling(spelling: usize, senses: Senses<'_>, gaz: &Gazetteer) -> NameFacts {
    remembered(
        gaz,
        spelling,
        |f| &mut f.name,
        || NameFacts {
            notable: is_notable(senses, gaz),
            any_area: senses.iter().any(|s| gaz.kind(s.place).is_area()),
            well_known: is_well_known(senses, gaz),
        },
    )
}

/// [`has_capitals_of`] `spelling`, with where the spelling has capitals
/// remembered: reading a spelling is two trips to memory.
fn has_capitals_of_spelling(found: &str, spelling: usize, gaz: &Gazetteer) -> bool {
    let capitals = remembered(
        gaz,
        spelling,
        |f| &mut f.capitals,
        || capitals_of(gaz.spellings().get(spelling)),
    );
    match capitals {
        Some(capitals) => has_capitals(found, capitals),
        None => has_capitals_of(found, gaz.spellings().get(spelling)),
    }
}

/// The names an article uses for people, for one sense per article.
#[derive(Default)]
struct People {
    /// Every name once judged a person's.
    named: HashSet<String>,
    /// Names seen acting as a person once.
    acting_once: HashSet<String>,
    /// Names seen acting as a person twice or more: then even a well-known
    /// place's name is the person throughout ("Lincoln visited ... Lincoln
    /// lived").
    acting_twice: HashSet<String>,
}

impl People {
    fn saw_acting(&mut self, key: String) {
        if !self.acting_once.insert(key.clone()) {
            self.acting_twice.insert(key.clone());
        }
        self.named.insert(key);
    }
}

/// Admits the towns named like people that stand in a list with places
/// ("Middletown, Trenton and Monroe"), each admitted one vouching for the
/// next; gives back those left out.
/// The state (a first-level division) where most of the article's place
/// names can lie: the one that most of the distinct names have a place in,
/// when that is three names or more and more than half of them.
fn the_articles_state(gaz: &Gazetteer, kept: &[(Mention, bool)]) -> Option<u16> {
    let mut spellings: Vec<usize> = kept
        .iter()
        .filter(|(m, _)| m.usage == Usage::Place)
        .map(|(m, _)| m.spelling)
        .collect();
    spellings.sort_unstable();
    spellings.dedup();
    let mut names_in: rustc_hash::FxHashMap<u16, usize> = Default::default();
    for &spelling in &spellings {
        let Some(entry) = gaz.entry_of_spelling(spelling) else {
            continue;
        };
        let mut states: Vec<u16> = entry
            .senses
            .iter()
            .filter(|s| s.kind == crate::gazetteer::NameKind::Name)
            .map(|s| gaz.admin1_key(s.place))
            .filter(|&key| !gaz.admin1_code_of_key(key).is_empty())
            .collect();
        states.sort_unstable();
        states.dedup();
        for key in states {
            *names_in.entry(key).or_default() += 1;
        }
    }
    let (state, names) = names_in
        .into_iter()
        .max_by_key(|&(key, names)| (names, std::cmp::Reverse(key)))?;
    (names >= 3 && 2 * names > spellings.len()).then_some(state)
}

/// Names that need company ("Macon", also a surname) are places when one
/// of their places is a city of the article's state: the article's other
/// places are their company.
fn admit_cities_of_the_articles_state(
    gaz: &Gazetteer,
    kept: &mut Vec<(Mention, bool)>,
    mut lonely: Vec<Mention>,
) -> Vec<Mention> {
    let Some(state) = the_articles_state(gaz, kept) else {
        return lonely;
    };
    lonely.retain(|m| {
        let city_there = gaz.entry_of_spelling(m.spelling).is_some_and(|entry| {
            entry.senses.iter().any(|s| {
                s.kind == crate::gazetteer::NameKind::Name
                    && matches!(gaz.kind(s.place), PlaceKind::City | PlaceKind::Capital)
                    && gaz.admin1_key(s.place) == state
            })
        });
        let at = kept.partition_point(|(k, _)| k.byte_range.start < m.byte_range.start);
        let overlaps = at
            .checked_sub(1)
            .is_some_and(|i| kept[i].0.byte_range.end > m.byte_range.start)
            || kept
                .get(at)
                .is_some_and(|(k, _)| k.byte_range.start < m.byte_range.end);
        if !city_there || overlaps {
            return true;
        }
        let mention = Mention {
            rule: Rule::CityOfTheArticlesState,
            ..m.clone()
        };
        kept.insert(at, (mention, false));
        false
    });
    lonely
}

fn admit_listed(
    text: &str,
    kept: &mut Vec<(Mention, bool)>,
    mut lonely: Vec<Mention>,
) -> Vec<Mention> {
    loop {
        let mut admitted = false;
        lonely.retain(|m| {
            let at = kept.partition_point(|(k, _)| k.byte_range.start < m.byte_range.start);
            let before = at.checked_sub(1).map(|i| &kept[i].0);
            let after = kept.get(at).map(|(k, _)| k);
            let overlaps = before.is_some_and(|b| b.byte_range.end > m.byte_range.start)
                || after.is_some_and(|a| a.byte_range.start < m.byte_range.end);
            let listed = |other: &Mention, between: &str| {
                other.usage == Usage::Place && local_cues::is_list_separator(between)
            };
            let in_list = before
                .is_some_and(|b| listed(b, &text[b.byte_range.end..m.byte_range.start]))
                || after.is_some_and(|a| listed(a, &text[m.byte_range.end..a.byte_range.start]));
            // "Newark and Michael Sweeney": a capitalised word after it makes
            // it a given name.
            let name_goes_on = word_after(text, m.byte_range.end).is_some_and(starts_upper);
            if overlaps || !in_list || name_goes_on {
                return true;
            }
            kept.insert(at, (m.clone(), false));
            admitted = true;
            false
        });
        if !admitted || lonely.is_empty() {
            return lonely;
        }
    }
}

/// Puts the counties of "Barrow, Jackson and Madison counties" in place of
/// whatever else their names were taken for.
fn add_listed_counties(text: &str, gaz: &Gazetteer, kept: &mut Vec<(Mention, bool)>) {
    for county in county_lists::counties_in_lists(text, gaz) {
        let range = county.byte_range;
        kept.retain(|(m, _)| m.byte_range.end <= range.start || m.byte_range.start >= range.end);
        insert_in_order(kept, range, county.spelling, Rule::CountyList, true);
    }
}

/// Adds a place name that a rule of the whole text found (`local_cue`: the
/// words around it say it is a town's), among the kept ones in text order.
fn insert_in_order(
    kept: &mut Vec<(Mention, bool)>,
    byte_range: Range<usize>,
    spelling: usize,
    rule: Rule,
    local_cue: bool,
) {
    let at = kept.partition_point(|(m, _)| m.byte_range.start < byte_range.start);
    let mention = Mention {
        byte_range,
        usage: Usage::Place,
        rule,
        after_locative: false,
        names_local_office: false,
        local_cue,
        spelling,
    };
    kept.insert(at, (mention, false));
}

/// Adds "SC" of "Columbia, SC" as a mention of South Carolina when a place
/// of the name before it lies in that state: the postal code is no name of
/// the state anywhere else ("IN", "OR" and "ME" are words), so the
/// gazetteer does not list it, and it is read here only. It then says where
/// the town is, as "Moscow, Idaho" does.
fn add_state_codes(
    text: &str,
    gaz: &Gazetteer,
    kept: &mut Vec<(Mention, bool)>,
    dropped: Option<&mut Vec<DroppedSpan>>,
) {
    let Some(finder) = gaz.name_finder() else {
        return;
    };
    let mut codes = Vec::new();
    for (m, _) in kept.iter() {
        let Some((range, admin1)) = name_shapes::postal_code_after(text, m.byte_range.end) else {
            continue;
        };
        let Some(state) = std::str::from_utf8(&admin1)
            .ok()
            .and_then(|a| gaz.admin1(a))
        else {
            continue;
        };
        let state = gaz.place(state);
        let inside = gaz.entry_of_spelling(m.spelling).is_some_and(|e| {
            e.senses
                .iter()
                .any(|s| gaz.place(s.place).admin1_code == state.admin1_code)
        });
        // The state's own name, as the gazetteer spells it, stands for the code.
        if let Some(spelling) = finder.get(state.name.as_bytes()).filter(|_| inside) {
            codes.push((range, spelling));
        }
    }
    if codes.is_empty() {
        return;
    }
    if let Some(dropped) = dropped {
        // "GA." of "MACON, GA." was dropped as an acronym before it was read as the code.
        let overlaps = |d: &DroppedSpan| {
            codes
                .iter()
                .any(|(r, _)| d.byte_range.start < r.end && r.start < d.byte_range.end)
        };
        dropped.retain(|d| !overlaps(d));
    }
    for (range, spelling) in codes {
        if kept.iter().any(|(m, _)| m.byte_range == range) {
            continue;
        }
        insert_in_order(kept, range, spelling, Rule::StateCodeAfterATown, false);
    }
}

/// Every stretch that is spelled like a name, is a whole word and is
/// capitalised like the name, leftmost first and longest first at each
/// start, with the spelling each is found as; found as the reading asks for
/// them, so that no walk starts, and no spelling is read, inside a name
/// already kept ("York" in "New York"): reading a spelling or a unit of the
/// name index is a trip to memory that the caches seldom hold.
struct CandidateSpans<'t, I> {
    text: &'t str,
    finder: &'t NameIndex,
    gaz: &'t Gazetteer,
    starts: I,
    /// Where the spellings in `found` start.
    start: usize,
    /// The spellings that begin at `start` not yet given, shortest first.
    found: Vec<PrefixMatch>,
}

impl<'t> CandidateSpans<'t, ()> {
    fn new(
        text: &'t str,
        finder: &'t NameIndex,
        gaz: &'t Gazetteer,
    ) -> CandidateSpans<'t, impl Iterator<Item = usize> + 't> {
        CandidateSpans {
            text,
            finder,
            gaz,
            starts: capitalised_word_starts(text),
            start: 0,
            found: Vec::new(),
        }
    }
}

impl<I: Iterator<Item = usize>> CandidateSpans<'_, I> {
    /// The next span that starts at or after `kept_until`.
    fn next_from(&mut self, kept_until: usize) -> Option<(Range<usize>, usize)> {
        let text = self.text;
        loop {
            if self.start < kept_until {
                self.found.clear();
            }
            // The longest spelling that starts here, then the longest shorter one...
            while let Some(m) = self.found.pop() {
                if text.is_char_boundary(m.end)
                    && is_whole_word(text, self.start, m.end)
                    && has_capitals_of_spelling(&text[self.start..m.end], m.spelling, self.gaz)
                {
                    return Some((self.start..m.end, m.spelling));
                }
            }
            self.start = self.starts.find(|&start| start >= kept_until)?;
            self.finder.prefixes_at(text, self.start, &mut self.found);
        }
    }
}

/// Byte offsets where a capitalised word starts: a capital letter after
/// anything that is not a letter or a digit (a hyphen counts as a break, so
/// "pro-Russian" is seen).
fn capitalised_word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    // Only capitals and non-ASCII characters are looked at; the lowercase runs
    // between them are skipped eight bytes at a time.
    std::iter::from_fn(move || {
        while let Some(at) = next_capital_or_non_ascii(bytes, from, false) {
            let upper = if bytes[at].is_ascii() {
                from = at + 1;
                true
            } else {
                let c = text[at..].chars().next().unwrap_or_default();
                from = at + c.len_utf8();
                c.is_uppercase()
            };
            if upper && !follows_letter_or_digit(text, at) {
                return Some(at);
            }
        }
        None
    })
}

/// Whether the character before byte `at` is a letter or a digit.
fn follows_letter_or_digit(text: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|i| text.as_bytes()[i]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

/// "in Hinton", but not "at Zara's headquarters": after "at", an owner's
/// possessive marks a shop or a firm, not a town.
fn is_after_locative(text: &str, span: &Range<usize>, before: Option<&str>) -> bool {
    match before {
        Some(before) if before.eq_ignore_ascii_case("at") => {
            let after = &text[span.end..];
            !(after.starts_with("'s") || after.starts_with("\u{2019}s"))
        }
        Some(before) => words::is_locative(before),
        None => false,
    }
}

/// The match is not part of a longer word. Hyphens count as word breaks so that
/// "pro-Russian" and "Syria-based" are seen.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let head = &text[..start];
    let before_ok = head.chars().next_back().is_none_or(|c| !c.is_alphanumeric())
        // "Maarat al-Numan": after an Arabic article the name is longer.
        && !ends_with_arabic_article(head);
    let after_ok = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    let inner_ends_ok = !text[start..end].ends_with('.')
        || text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok && inner_ends_ok
}

fn ends_with_arabic_article(head: &str) -> bool {
    let Some(rest) = head.strip_suffix('-') else {
        return false;
    };
    let word_start = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    ARABIC_ARTICLES.contains(&rest[word_start..])
}

/// The text is capitalised wherever the spelling is, and starts with a capital.
fn has_capitals_of(found: &str, spelling: &str) -> bool {
    if !found.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    found
        .chars()
        .zip(spelling.chars())
        .all(|(f, s)| !s.is_uppercase() || f.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        recognise(text, Gazetteer::embedded(), RulesOff::default(), None)
            .into_iter()
            .map(|m| &text[m.byte_range])
            .collect()
    }

    #[test]
    fn nice_at_the_start_of_a_sentence_is_not_the_french_city() {
        assert_eq!(names("Nice work. The festival moved to Nice."), ["Nice"]);
    }

    #[test]
    fn everyday_words_that_are_towns_are_places_only_where_a_reader_would_say_so() {
        assert!(names("Police said the phone was found. Reading it took hours.").is_empty());
        assert_eq!(
            names("The storm reached Mobile, Alabama, and later Reading, Pennsylvania."),
            ["Mobile", "Alabama", "Reading", "Pennsylvania"]
        );
    }

    #[test]
    fn a_seat_of_government_that_speaks_is_the_government_not_a_place() {
        assert!(names("The White House said on Monday that talks would resume.").is_empty());
        assert!(names("A Kremlin spokesman declined to comment.").is_empty());
        assert_eq!(
            names("Children sang carols at the White House."),
            ["White House"]
        );
    }

    #[test]
    fn a_name_after_a_middle_initial_is_a_person() {
        assert!(names("Capt. Roy A. Nelson said the road was closed.").is_empty());
        assert_eq!(names("Tents lined the shore in S. Jersey."), ["Jersey"]);
    }

    #[test]
    fn a_town_named_like_a_person_is_a_town_in_a_list_of_towns() {
        assert_eq!(
            names("Chamber members from Middletown, Trenton and Monroe came."),
            ["Middletown", "Trenton", "Monroe"]
        );
        assert!(!names("Monroe came too.").contains(&"Monroe"));
    }

    #[test]
    fn a_dateline_or_the_city_of_says_a_surname_is_the_town() {
        assert_eq!(
            names("Budget trimmed. TORRINGTON \u{2014} The council voted."),
            ["TORRINGTON"]
        );
        assert_eq!(names("It worries the city of Monroe."), ["Monroe"]);
        assert_eq!(names("Shops in downtown Greer opened."), ["Greer"]);
        assert_eq!(names("The Augusta native died."), ["Augusta"]);
    }

    #[test]
    fn a_middle_initial_after_a_name_makes_it_a_given_name() {
        assert!(names("She won the Judah P. Benjamin Award.").is_empty());
    }

    #[test]
    fn a_well_known_city_named_like_a_speaker_is_the_speaker() {
        let found = names("Commissioner John McKinney objected. \"No,\" McKinney said.");
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(names("Russia said it would reply."), ["Russia"]);
    }

    #[test]
    fn a_month_is_not_a_town() {
        assert!(names("The talks resumed in March and again in May.").is_empty());
    }

    #[test]
    fn george_washington_is_a_person_but_washington_is_a_place() {
        assert_eq!(
            names("A statue of George Washington stands in Washington."),
            ["Washington"]
        );
    }

    #[test]
    fn the_longest_name_wins_over_the_names_inside_it() {
        assert_eq!(names("She flew to New York City."), ["New York City"]);
    }

    #[test]
    fn a_lowercase_word_is_never_a_place() {
        assert!(names("the police said the reading was nice").is_empty());
    }

    #[test]
    fn a_place_inside_an_organisation_is_kept_and_marked() {
        let text = "Students at Aleppo University protested.";
        let found = recognise(text, Gazetteer::embedded(), RulesOff::default(), None);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].byte_range.clone()], "Aleppo");
        assert_eq!(found[0].usage, Usage::InName);
    }

    #[test]
    fn demonyms_are_recognised_as_demonyms() {
        let found = recognise(
            "Russian jets struck.",
            Gazetteer::embedded(),
            RulesOff::default(),
            None,
        );
        assert_eq!(found[0].usage, Usage::Demonym);
    }

    #[test]
    fn the_tail_of_a_full_name_is_a_person_throughout_the_article() {
        let text = "Hillary Clinton spoke. Later Clinton left for Chicago.";
        assert_eq!(names(text), ["Chicago"]);
    }

    #[test]
    fn a_small_town_named_like_a_surname_needs_a_preposition_of_place() {
        assert!(names("Bassett said the vote was close.").is_empty());
        assert_eq!(names("The fire started in Bassett."), ["Bassett"]);
    }

    #[test]
    fn a_small_place_that_speaks_is_a_person_in_the_whole_article() {
        let text = "Obama said no. Later Obama met Mr. Smith in Chicago.";
        assert_eq!(names(text), ["Chicago"]);
    }

    #[test]
    fn the_mayor_of_a_town_speaking_leaves_the_town_a_town() {
        assert_eq!(
            names("The mayor of Venice said the city would act."),
            ["Venice"]
        );
    }

    #[test]
    fn a_town_after_a_preposition_is_a_town_even_before_said() {
        assert_eq!(names("Barry, who was from Dewsbury said it."), ["Dewsbury"]);
    }

    #[test]
    fn a_province_named_like_a_woman_is_a_person_once_she_appears() {
        assert!(names("Gov. Mary Fallin signed it. Mary said no.").is_empty());
    }

    #[test]
    fn a_big_foreign_city_named_like_a_surname_is_still_a_city() {
        assert_eq!(names("A story about Paris and Lyon."), ["Paris", "Lyon"]);
    }

    #[test]
    fn a_shop_named_like_a_town_is_not_vouched_for_by_at() {
        let found = recognise(
            "He spent a day at Zara's offices.",
            Gazetteer::embedded(),
            RulesOff::default(),
            None,
        );
        assert!(found.iter().all(|m| !m.after_locative));
    }

    #[test]
    fn a_famous_city_named_like_a_woman_is_the_woman_before_her_surname() {
        let text = "Florence Nightingale trained nurses in Florence.";
        assert_eq!(names(text), ["Florence"]);
        assert_eq!(
            recognise(text, Gazetteer::embedded(), RulesOff::default(), None)[0]
                .byte_range
                .start,
            39
        );
    }

    #[test]
    fn a_dateline_in_capitals_is_found() {
        assert_eq!(names("WASHINGTON — The Senate voted."), ["WASHINGTON"]);
    }

    #[test]
    fn a_short_word_in_capitals_is_not_taken_for_a_town() {
        assert!(names("BREAKING: MAN HELD").is_empty());
    }

    #[test]
    fn a_name_after_an_arabic_article_is_part_of_a_longer_name() {
        assert!(names("They reached Maarat al-Numan.").is_empty());
    }

    #[test]
    fn a_town_named_in_its_police_department_is_marked_as_the_story_s_place() {
        let text = "The Eaton Rapids Police Chief said the road was closed.";
        let found = recognise(text, Gazetteer::embedded(), RulesOff::default(), None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].byte_range.clone()], "Eaton Rapids");
        assert!(found[0].names_local_office);
    }

    #[test]
    fn a_given_name_and_surname_before_said_are_a_person_not_two_towns() {
        assert!(names("Fatima Bello said the talks had stalled.").is_empty());
        assert_eq!(
            names("Officials in Bello said the talks had stalled."),
            ["Bello"]
        );
    }

    #[test]
    fn a_small_town_glued_to_a_capitalised_word_is_part_of_a_brand() {
        assert!(names("Shoppers crowded the Wal-Mart store.").is_empty());
    }

    #[test]
    fn an_everyday_word_in_a_title_is_not_a_town() {
        assert!(names("He was named Outstanding Young Man of the year.").is_empty());
        assert_eq!(names("The festival moved to Nice."), ["Nice"]);
    }

    #[test]
    fn where_a_person_lives_is_a_town_even_when_it_is_a_surname() {
        assert_eq!(
            names("They argued with Michael Durr, of Trenton, on Friday."),
            ["Trenton"]
        );
        assert_eq!(names("She was formerly of Bassett."), ["Bassett"]);
    }

    #[test]
    fn a_state_named_like_a_woman_inside_an_organisation_is_the_state() {
        assert_eq!(
            names("He spoke for the Professional Association of Georgia Educators."),
            ["Georgia"]
        );
    }

    #[test]
    fn a_state_named_like_a_woman_before_her_surname_is_the_woman() {
        assert!(names("Cakes will be auctioned by Virginia Chapin.").is_empty());
        assert!(names("Seated is Virginia Alexander, recipient of the award.").is_empty());
    }

    #[test]
    fn a_town_named_like_a_given_name_before_an_unknown_surname_is_not_a_town() {
        assert!(names("The suspect, Marcin Przydacz, 23, was held.").is_empty());
        // "Area" is no surname: the name before it stands (the region whole).
        assert_eq!(names("Bay Area lawmakers met."), ["Bay Area"]);
    }

    #[test]
    fn a_name_that_is_a_who_is_a_person_but_a_home_town_before_who_is_a_town() {
        assert!(names("The next day Jackson, who lived alone, moved.").is_empty());
        assert_eq!(
            names("Daniel Ray Hufstetler of Roswell, who was hurt, spoke."),
            ["Roswell"]
        );
    }

    #[test]
    fn a_saints_possessive_before_a_name_is_a_church_or_a_school() {
        assert!(names("Pupils of St. Michael's Catholic School sang.").is_empty());
        assert_eq!(
            names("Snow fell on St. John's, N.L., again."),
            ["St. John's", "N.L."]
        );
    }

    #[test]
    fn a_party_a_people_and_a_speaker_named_like_places_are_not_places() {
        assert!(names("The United Russia candidate won.").is_empty());
        assert!(names("Mounds built by Native Americans stand here.").is_empty());
        assert!(names("\"We cooperated,\" French said.").is_empty());
        assert_eq!(names("French troops left."), ["French"]);
    }

    #[test]
    fn a_famous_name_in_capitals_amid_lowercase_words_is_an_acronym() {
        assert!(names("The effort, or NICE program, starts today.").is_empty());
        assert_eq!(
            names("By NAIROBI, Kenya, the judge ruled."),
            ["NAIROBI", "Kenya"]
        );
    }

    #[test]
    fn an_everyday_word_after_in_and_before_a_comma_is_a_town() {
        assert_eq!(
            names("They hid under a bridge in Hurricane, a deputy said."),
            ["Hurricane"]
        );
        assert!(names("The bill stalled in Congress.").is_empty());
    }

    #[test]
    fn a_legislators_party_and_home_name_a_place() {
        assert_eq!(
            names("Majority Leader Brent Boggs, D-Braxton, spoke."),
            ["Braxton"]
        );
    }

    #[test]
    fn a_demonym_that_names_a_language_is_not_a_place() {
        assert!(names("She spoke only French when she moved.").is_empty());
        assert!(!names("It aired in English and Spanish.").contains(&"English"));
        assert_eq!(names("French troops crossed."), ["French"]);
    }

    #[test]
    fn a_town_joined_by_a_hyphen_to_another_is_a_town_but_a_brand_is_not() {
        assert_eq!(
            names("They beat Watertown-Mayer on Friday.")[0],
            "Watertown"
        );
        assert!(names("He shopped at the Wal-Mart store.").is_empty());
    }

    #[test]
    fn a_famous_place_seen_acting_as_a_person_twice_is_the_person_throughout() {
        let text = "Lincoln visited the fort. A Lincoln letter survives. Lincoln lived on.";
        assert!(names(text).is_empty(), "{:?}", names(text));
        assert_eq!(names("Lincoln visited the fort near Lincoln."), ["Lincoln"]);
    }

    #[test]
    fn a_region_that_speaks_twice_is_a_person_speaking() {
        let text = "Lt. Pat Nelson said so. \"No,\" Nelson said.";
        assert!(names(text).is_empty(), "{:?}", names(text));
        assert_eq!(
            names("A spokesman for the city of Sevierville said so. Sevierville grew."),
            ["Sevierville", "Sevierville"]
        );
    }

    #[test]
    fn capitalised_word_starts_are_those_a_character_at_a_time_scan_finds() {
        let text = "ÉÉÉ São Paulo’s pro-Russian iPhone 3G Zürich-Zürich \u{2019}Aleppo ÖSTRA \
                    naïve Ω mcDonald O'Hare x.Y 日本 Tokyo, AND then, a quieter stretch of text";
        let mut expected = Vec::new();
        let mut previous_is_word = false;
        for (i, c) in text.char_indices() {
            if c.is_uppercase() && !previous_is_word {
                expected.push(i);
            }
            previous_is_word = c.is_alphanumeric();
        }
        assert_eq!(capitalised_word_starts(text).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn a_hyphen_does_not_hide_a_name() {
        assert_eq!(names("a pro-Russian rally"), ["Russian"]);
    }
}
