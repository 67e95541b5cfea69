//! Place detection: find the place names of an article and decide which place
//! each one means, offline, with the embedded gazetteer.
//!
//! [`detect_places`] runs [`recognise`](recognise::recognise) (which stretches of
//! text are place names) and then [`resolve`](resolve::resolve) (which place each
//! name means). Both are plain functions of the text and the gazetteer, so a UI can
//! run them on a background thread and keep the result. A [`Toponym`] carries the
//! candidates that were weighed and, in words, why the winner won, so a reader can
//! check and correct it.

pub mod cli;
mod county_lists;
mod county_pairs;
mod evidence;
mod judge;
mod local_cues;
mod nearby;
pub mod publisher;
mod recognise;
mod resolve;
mod unlisted;
mod words;

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::gazetteer::{Gazetteer, NameKind, PlaceId, PlaceKind, name_key};

pub use evidence::Evidence;
pub use publisher::{PublisherMemory, host_of};
pub use recognise::Usage;
pub use unlisted::{UnlistedPlace, detect_unlisted_places};

/// Choices a reader can make about a whole article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// ISO 3166-1 alpha-2 code of a country whose places should win ties.
    pub country_bias: Option<String>,
    /// Where the article's publisher writes from, learned from its other
    /// articles ([`publisher::PublisherMemory`]): it pulls names the article
    /// itself leaves open ("Dublin" in an Ohio paper) toward that region.
    pub home: Option<publisher::Home>,
}

/// One place a name was weighed as.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub place: PlaceId,
    /// How the name refers to this place (its name, an alternate, a demonym).
    pub name_kind: NameKind,
    /// Higher is likelier; comparable only among the candidates of one name.
    pub score: f64,
    /// The part of `score` owed to the place alone (size, kind, fame), before
    /// anything the article says.
    pub prior: f64,
    /// What the score rests on, as data; filled for the winner only.
    pub evidence: Vec<Evidence>,
    /// The same evidence in words for a place card ("population 1.6 million",
    /// "in Syria, named in the article"); filled for the winner only.
    pub reasons: Vec<String>,
}

/// A place name found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Toponym {
    /// Where it is in the text, in bytes (for slicing in Rust).
    pub byte_range: Range<usize>,
    /// Where it is in the text, in Unicode code points (for JSON and Python).
    pub char_range: Range<usize>,
    /// The name as written.
    pub text: String,
    pub usage: Usage,
    /// Candidates, best first; the first is the chosen place. Never empty.
    pub candidates: Vec<Candidate>,
}

impl Toponym {
    /// The place chosen for this name.
    #[must_use]
    pub fn place(&self) -> PlaceId {
        self.candidates[0].place
    }

    /// Why the chosen place won, in one line for a place card.
    #[must_use]
    pub fn reason(&self) -> String {
        self.candidates[0].reasons.join("; ")
    }
}

/// The places named in `text`, in text order.
#[must_use]
pub fn detect_places(text: &str, gaz: &Gazetteer) -> Vec<Toponym> {
    detect_places_with(text, gaz, &Options::default())
}

/// The places named in `text`, with the reader's choices applied.
#[must_use]
pub fn detect_places_with(text: &str, gaz: &Gazetteer, options: &Options) -> Vec<Toponym> {
    let mentions = recognise::recognise(text, gaz);
    let mut group_of_key: HashMap<String, usize> = HashMap::default();
    let mut groups: Vec<resolve::NameGroup> = Vec::new();
    let mut group_of_mention = Vec::with_capacity(mentions.len());
    for mention in &mentions {
        // Keyed by the spelling found, which is the text's own but for case,
        // save for a county of a list ("Clay" of "Clay and Becker counties").
        let key = name_key(gaz.spellings().get(mention.spelling));
        let index = *group_of_key.entry(key).or_insert_with(|| {
            let senses = gaz
                .entry_of_spelling(mention.spelling)
                .unwrap_or_default()
                .senses;
            groups.push(resolve::NameGroup::new(senses, gaz));
            groups.len() - 1
        });
        group_of_mention.push(index);
    }
    add_qualifiers(text, &mentions, &group_of_mention, &mut groups, gaz);
    resolve::resolve(&mut groups, gaz, options);
    // One sense per article: "in Hinton" vouches for every other "Hinton".
    let mut placed_by_preposition = vec![false; groups.len()];
    for (mention, &group) in mentions.iter().zip(&group_of_mention) {
        placed_by_preposition[group] |=
            mention.after_locative || mention.names_local_office || mention.local_cue;
    }

    // A group's last mention takes its candidates; the others get copies.
    let mut mentions_left = vec![0usize; groups.len()];
    for &group in &group_of_mention {
        mentions_left[group] += 1;
    }

    let mut toponyms = Vec::with_capacity(mentions.len());
    let mut chars_before = 0;
    let mut bytes_counted = 0;
    for (mention, &group) in mentions.iter().zip(&group_of_mention) {
        let range = mention.byte_range.clone();
        chars_before += text[bytes_counted..range.start].chars().count();
        let len_chars = text[range.clone()].chars().count();
        bytes_counted = range.start;
        mentions_left[group] -= 1;
        let candidates = if mentions_left[group] == 0 {
            std::mem::take(&mut groups[group].candidates)
        } else {
            groups[group].candidates.clone()
        };
        let vouched = placed_by_preposition[group];
        if candidates.is_empty() || is_unsupported_town(mention, vouched, &candidates[0], gaz) {
            continue;
        }
        toponyms.push(Toponym {
            char_range: chars_before..chars_before + len_chars,
            text: text[range.clone()].to_owned(),
            byte_range: range,
            usage: mention.usage,
            candidates,
        });
    }
    toponyms
}

/// A small town that nothing in the article points to ("Notre Dame" as a
/// university, "Enterprise" as a company) is more likely something else.
fn is_unsupported_town(
    mention: &recognise::Mention,
    placed_by_preposition: bool,
    best: &Candidate,
    gaz: &Gazetteer,
) -> bool {
    gaz.place(best.place).kind == PlaceKind::Town
        && mention.usage != Usage::Demonym
        && !placed_by_preposition
        && !best.evidence.iter().any(Evidence::is_local)
}

/// Whether a name is followed by "state", "province" or the like.
fn followed_by_division_word(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    matches!(
        rest[..word_end].to_ascii_lowercase().as_str(),
        "state" | "province" | "governorate" | "oblast" | "prefecture" | "region"
    )
}

/// Notes "Moscow, Idaho" (an area named right after a place, after a comma,
/// says which of the places of that name is meant) and "Washington state",
/// "Idlib province".
fn add_qualifiers(
    text: &str,
    mentions: &[recognise::Mention],
    group_of_mention: &[usize],
    groups: &mut [resolve::NameGroup],
    gaz: &Gazetteer,
) {
    for (mention, &group) in mentions.iter().zip(group_of_mention) {
        if followed_by_division_word(&text[mention.byte_range.end..]) {
            groups[group].hints.called_state = true;
        }
    }
    for (i, pair) in mentions.windows(2).enumerate() {
        let between = &text[pair[0].byte_range.end..pair[1].byte_range.start];
        if between.trim() != "," {
            continue;
        }
        let areas: Vec<PlaceId> = groups[group_of_mention[i + 1]]
            .candidates
            .iter()
            .map(|c| c.place)
            .filter(|&p| matches!(gaz.place(p).kind, PlaceKind::Country | PlaceKind::Admin1))
            .collect();
        // "Moore, Oklahoma" qualifies only if some Moore lies in some Oklahoma;
        // "Paris, London and Berlin" is a list.
        let inside_one = groups[group_of_mention[i]].candidates.iter().any(|c| {
            let place = gaz.place(c.place);
            areas.iter().any(|&a| {
                let area = gaz.place(a);
                a != c.place
                    && area.country_code == place.country_code
                    && (area.kind == PlaceKind::Country || area.admin1_code == place.admin1_code)
            })
        });
        if !inside_one {
            continue;
        }
        groups[group_of_mention[i + 1]].hints.qualifies = true;
        let group = &mut groups[group_of_mention[i]];
        for area in areas {
            if !group.hints.qualifiers.contains(&area) {
                group.hints.qualifiers.push(area);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(text: &str) -> Vec<(String, String, String)> {
        let gaz = Gazetteer::embedded();
        detect_places(text, gaz)
            .into_iter()
            .map(|t| {
                let place = gaz.place(t.place());
                (t.text, place.name.to_owned(), place.country_code.to_owned())
            })
            .collect()
    }

    #[test]
    fn moscow_idaho_is_in_the_united_states() {
        let found = chosen("The vigil was held in Moscow, Idaho, on Friday.");
        assert_eq!(found[0].0, "Moscow");
        assert_eq!(found[0].2, "US");
    }

    #[test]
    fn washington_state_is_the_state_and_washington_alone_the_capital() {
        assert_eq!(chosen("Fires burn in Washington state.")[0].1, "Washington");
        let gaz = Gazetteer::embedded();
        let state = detect_places("Fires burn in Washington state.", gaz);
        assert_eq!(gaz.place(state[0].place()).kind, PlaceKind::Admin1);
        let city = detect_places("Talks in Washington stalled.", gaz);
        assert_eq!(gaz.place(city[0].place()).kind, PlaceKind::Capital);
    }

    #[test]
    fn hama_is_the_city_but_idlib_province_is_the_province() {
        let gaz = Gazetteer::embedded();
        let found = detect_places("Shelling hit Hama and Idlib province.", gaz);
        assert_eq!(gaz.place(found[0].place()).kind, PlaceKind::City);
        assert_eq!(gaz.place(found[1].place()).kind, PlaceKind::Admin1);
    }

    #[test]
    fn the_evidence_names_only_places_finally_chosen() {
        let gaz = Gazetteer::embedded();
        let text = "In Washington, officials met. Volunteers from Springfield, Illinois, came.";
        let found = detect_places(text, gaz);
        let chosen: Vec<PlaceId> = found.iter().map(Toponym::place).collect();
        assert_eq!(gaz.place(chosen[0]).kind, PlaceKind::Capital);
        for t in &found {
            for e in &t.candidates[0].evidence {
                if let Evidence::Near { place, .. } | Evidence::ContainsNamed(place) = e {
                    assert!(chosen.contains(place), "{}", t.reason());
                }
            }
        }
    }

    #[test]
    fn oklahoma_alone_is_the_state_not_oklahoma_city() {
        let gaz = Gazetteer::embedded();
        let found = detect_places("Oklahoma passed the bill.", gaz);
        assert_eq!(gaz.place(found[0].place()).kind, PlaceKind::Admin1);
    }

    #[test]
    fn a_state_after_a_town_and_a_comma_is_the_state() {
        let gaz = Gazetteer::embedded();
        let found = detect_places("A tornado hit Moore, Oklahoma, on Monday.", gaz);
        assert_eq!(gaz.place(found[1].place()).kind, PlaceKind::Admin1);
    }

    #[test]
    fn a_town_named_only_in_its_police_department_is_still_found() {
        let found = chosen("An Eaton Rapids Police officer stopped the car on Monday.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].1.as_str(), found[0].2.as_str()),
            ("Eaton Rapids", "US")
        );
    }

    #[test]
    fn a_small_town_after_its_province_abbreviation_is_in_that_province() {
        let gaz = Gazetteer::embedded();
        let found = detect_places("Her cousin lives in Warren, Man., with two dogs.", gaz);
        let warren = gaz.place(found[0].place());
        assert_eq!((warren.name, warren.admin1_code), ("Warren", "CA.03"));
        assert_eq!(gaz.place(found[1].place()).name, "Manitoba");
    }

    #[test]
    fn a_town_made_of_two_words_is_found_before_its_province_abbreviation() {
        let gaz = Gazetteer::embedded();
        let found = detect_places("She grew up in Cranberry Portage, Man., and left.", gaz);
        assert_eq!(found[0].text, "Cranberry Portage");
        assert_eq!(gaz.place(found[0].place()).admin1_code, "CA.03");
    }

    #[test]
    fn a_county_named_in_the_story_places_its_dateline_town() {
        let found =
            chosen("PARIS — A fire destroyed a barn, the Lamar County Sheriff's Office said.");
        assert_eq!(found[0].0, "PARIS");
        assert_eq!(found[0].2, "US");
    }

    #[test]
    fn a_town_and_a_county_that_fit_only_each_other_are_placed_together() {
        let gaz = Gazetteer::embedded();
        let found = detect_places(
            "Paris police and Henry County deputies searched the river bank.",
            gaz,
        );
        let admin1s: Vec<(&str, &str)> = found
            .iter()
            .map(|t| (t.text.as_str(), gaz.place(t.place()).admin1_code))
            .collect();
        assert_eq!(
            admin1s,
            [("Paris", "US.TN"), ("Henry County", "US.TN")],
            "{}",
            found[0].reason()
        );
    }

    #[test]
    fn a_state_beside_a_county_of_another_state_is_still_the_state() {
        let gaz = Gazetteer::embedded();
        let found = detect_places(
            "The family looked as far as Wyoming before buying land in Linn County.",
            gaz,
        );
        assert_eq!(found[0].text, "Wyoming");
        assert_eq!(gaz.place(found[0].place()).kind, PlaceKind::Admin1);
    }

    #[test]
    fn moscow_alone_is_the_russian_capital() {
        assert_eq!(chosen("Talks in Moscow ended.")[0].2, "RU");
    }

    #[test]
    fn a_country_named_in_the_article_pulls_its_towns() {
        let found = chosen("The mayor of Hamilton spoke. New Zealand's government agreed.");
        assert_eq!(found[0].2, "NZ");
    }

    #[test]
    fn new_york_alone_is_the_city_not_the_state() {
        assert_eq!(chosen("Rents rose in New York.")[0].1, "New York City");
    }

    #[test]
    fn arabic_names_are_found_as_english_papers_spell_them() {
        let found = chosen("Fighting near Hodeidah and Raqqa.");
        assert_eq!(found[0].2, "YE");
        assert_eq!(found[1].2, "SY");
    }

    #[test]
    fn newcastle_is_newcastle_upon_tyne_in_an_english_story() {
        let found = chosen("Fans in Newcastle and Sunderland celebrated.");
        assert_eq!(found[0].2, "GB");
    }

    #[test]
    fn an_abbreviation_vouches_for_the_full_name() {
        let gaz = Gazetteer::embedded();
        let text = "SEATTLE, Wash. — Officials in Washington said the fires spread.";
        let found = detect_places(text, gaz);
        let washington = found
            .iter()
            .find(|t| t.text == "Washington")
            .expect("found");
        assert_eq!(gaz.place(washington.place()).kind, PlaceKind::Admin1);
    }

    #[test]
    fn zurich_is_the_city_not_the_canton() {
        let gaz = Gazetteer::embedded();
        let found = detect_places("Banks in Zurich fell.", gaz);
        assert_eq!(gaz.place(found[0].place()).kind, PlaceKind::City);
    }

    #[test]
    fn quebec_alone_is_the_province_whose_capital_is_small_beside_it() {
        let gaz = Gazetteer::embedded();
        let found = detect_places("Quebec voted on Monday.", gaz);
        assert_eq!(gaz.place(found[0].place()).kind, PlaceKind::Admin1);
    }

    #[test]
    fn st_petersburg_is_the_russian_city_without_american_context() {
        assert_eq!(chosen("Protests spread to St. Petersburg.")[0].2, "RU");
    }

    #[test]
    fn one_name_keeps_one_sense_in_an_article() {
        let gaz = Gazetteer::embedded();
        let text = "Paris, Texas, is quiet. Paris has one diner.";
        let found = detect_places(text, gaz);
        let paris: Vec<_> = found.iter().filter(|t| t.text == "Paris").collect();
        assert_eq!(paris.len(), 2);
        assert_eq!(paris[0].place(), paris[1].place());
        assert_eq!(gaz.place(paris[1].place()).country_code, "US");
    }

    #[test]
    fn odd_text_never_panics_and_offsets_stay_on_char_boundaries() {
        let gaz = Gazetteer::embedded();
        let texts = [
            "",
            "É",
            "ÉÉÉ São Paulo’s",
            "\u{2019}Aleppo\u{2019}",
            "Paris,",
            "A A A A A A",
            "日本 Tokyo 東京",
            "St.",
            "Zürich-Zürich",
            "\n\nNEW YORK\n",
        ];
        for text in texts {
            for t in detect_places(text, gaz) {
                assert_eq!(&text[t.byte_range.clone()], t.text);
                let chars: String = text
                    .chars()
                    .skip(t.char_range.start)
                    .take(t.char_range.len())
                    .collect();
                assert_eq!(chars, t.text);
            }
        }
    }

    #[test]
    fn offsets_count_code_points_not_bytes() {
        let text = "Café owners in Zürich met.";
        let t = &detect_places(text, Gazetteer::embedded())[0];
        assert_eq!(t.text, "Zürich");
        assert_eq!(t.char_range, 15..21);
        assert_eq!(&text[t.byte_range.clone()], "Zürich");
    }

    #[test]
    fn the_winner_says_why_it_won() {
        let gaz = Gazetteer::embedded();
        let t = &detect_places("Fighting near Aleppo.", gaz)[0];
        let reason = t.reason();
        assert!(reason.contains("population"), "{reason}");
    }

    #[test]
    fn a_country_bias_changes_an_ambiguous_town() {
        let gaz = Gazetteer::embedded();
        let text = "They met in Birmingham.";
        let plain = detect_places(text, gaz);
        let options = Options {
            country_bias: Some("US".to_owned()),
            ..Options::default()
        };
        let biased = detect_places_with(text, gaz, &options);
        assert_eq!(gaz.place(plain[0].place()).country_code, "GB");
        assert_eq!(gaz.place(biased[0].place()).country_code, "US");
    }
}
