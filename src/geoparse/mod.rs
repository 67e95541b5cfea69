//! Place detection: find the place names of an article and decide which place
//! each one means, offline, with the embedded gazetteer.
//!
//! One way through, each stage importing only those before it:
//! [`recognise`](recognise::recognise) (which stretches of text are place
//! names, by the named rules of [`judge`]) -> [`group`](group::group_mentions)
//! (one group per distinct name, with the words around its mentions) ->
//! [`pair counties`](county_pairs::pair_counties) -> [`resolve`](resolve::resolve)
//! (which place each name means, a score being a prior plus typed evidence)
//! -> [`filter`](filter::toponyms_of). Text helpers ([`text`]), word lists
//! ([`lexicon`]), rule names ([`rules`]), shared types ([`types`]) and facts
//! about places ([`place_facts`]) sit under all of them. Both ends are plain
//! functions of the text and the gazetteer, so a UI can run them on a
//! background thread and keep the result. A [`Toponym`] carries the rule that
//! kept it and the candidates that were weighed with, in words, why the winner
//! won, so a reader can check and correct it.

pub mod cli;
mod coherence;
mod county_lists;
mod county_pairs;
mod evidence;
mod explain;
mod filter;
mod group;
mod json_line;
mod judge;
pub mod lexicon;
mod local_cues;
mod name_shapes;
mod nearby;
mod place_facts;
mod prior;
pub mod publisher;
mod recognise;
mod resolve;
mod rivers_again;
pub mod rules;
mod spelling_memory;
mod text;
mod types;
mod unlisted;
mod weighed;
mod weights;
mod words;

use crate::gazetteer::Gazetteer;

pub use evidence::Evidence;
pub use publisher::{PublisherMemory, address_home, host_of};
pub use rules::{Rule, RulesOff};
pub use types::{Candidate, DroppedSpan, Options, Toponym, Usage};
pub use unlisted::{UnlistedPlace, detect_unlisted_places, detect_unlisted_places_with};
pub use weights::Weights;

/// The places named in `text`, in text order.
#[must_use]
pub fn detect_places(text: &str, gaz: &Gazetteer) -> Vec<Toponym> {
    detect_places_with(text, gaz, &Options::default())
}

/// The places named in `text`, with the reader's choices applied.
#[must_use]
pub fn detect_places_with(text: &str, gaz: &Gazetteer, options: &Options) -> Vec<Toponym> {
    Recognised::new(text, gaz, options, false)
        .places(gaz, None)
        .0
}

/// The places named in `text`, and every span that a rule decided is not a
/// place name, each with that rule, in text order (for `--explain` and the
/// problems panel).
#[must_use]
pub fn detect_places_explained(
    text: &str,
    gaz: &Gazetteer,
    options: &Options,
) -> (Vec<Toponym>, Vec<DroppedSpan>) {
    Recognised::new(text, gaz, options, true).places(gaz, None)
}

/// An article read as far as its names and their candidates: recognition,
/// grouping and the pairing of counties, which depend on the text, the rules
/// switched off and the weights, and not on the publisher's home. The
/// command line reads an article again from here, rather than from the
/// text, when an earlier article of its site moved its publisher's home.
#[derive(Clone)]
pub struct Recognised<'t> {
    text: &'t str,
    options: Options,
    mentions: Vec<types::Mention>,
    groups: Vec<group::NameGroup>,
    group_of_mention: Vec<usize>,
    /// With `explained`: the spans recognition dropped.
    dropped: Option<Vec<DroppedSpan>>,
}

impl<'t> Recognised<'t> {
    /// Recognises and groups the names of `text`; with `explained`, keeps
    /// the spans the rules dropped.
    #[must_use]
    pub fn new(text: &'t str, gaz: &Gazetteer, options: &Options, explained: bool) -> Self {
        Self::published(text, gaz, options, explained, None)
    }

    /// As [`Self::new`], for an article published at `host` (instead of
    /// the options' host, if any): a paper's address can spell its town.
    #[must_use]
    pub fn published(
        text: &'t str,
        gaz: &Gazetteer,
        options: &Options,
        explained: bool,
        host: Option<&str>,
    ) -> Self {
        let mut options = options.clone();
        if let Some(host) = host {
            options.host = Some(host.to_owned());
        }
        let mut dropped = explained.then(Vec::new);
        let mentions = recognise::recognise(text, gaz, options.rules_off, dropped.as_mut());
        let (mut groups, group_of_mention) =
            group::group_mentions(text, &mentions, gaz, &options.weights);
        county_pairs::pair_counties(&mut groups, gaz);
        Self {
            text,
            options,
            mentions,
            groups,
            group_of_mention,
            dropped,
        }
    }

    /// The places found, resolved with the options it was recognised with,
    /// or with `home` as the publisher's home instead of theirs; and with
    /// `explained`, every span dropped, in text order (else none).
    #[must_use]
    pub fn places(
        mut self,
        gaz: &Gazetteer,
        home: Option<types::Home>,
    ) -> (Vec<Toponym>, Vec<DroppedSpan>) {
        if home.is_some() {
            self.options.home = home;
        }
        resolve::resolve(&mut self.groups, gaz, &self.options);
        let found = filter::toponyms_of(
            self.text,
            &self.mentions,
            &self.group_of_mention,
            &mut self.groups,
            gaz,
            self.options.rules_off,
            self.dropped.as_mut(),
        );
        let mut dropped = self.dropped.unwrap_or_default();
        dropped.sort_by_key(|d| d.byte_range.start);
        (found, dropped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{PlaceId, PlaceKind};

    /// The modules of detection in pipeline order: each may import only the
    /// modules of a lower rank (helpers and types under the stages, then
    /// recognise -> group -> pair counties -> resolve -> filter).
    const PIPELINE: &[(&str, u32, &str)] = &[
        ("text", 0, include_str!("text.rs")),
        ("lexicon", 0, include_str!("lexicon.rs")),
        ("nearby", 0, include_str!("nearby.rs")),
        ("county_lists", 0, include_str!("county_lists.rs")),
        ("weights", 0, include_str!("weights.rs")),
        ("spelling_memory", 0, include_str!("spelling_memory.rs")),
        ("evidence", 1, include_str!("evidence.rs")),
        ("words", 1, include_str!("words.rs")),
        ("rules", 1, include_str!("rules.rs")),
        ("types", 2, include_str!("types.rs")),
        ("place_facts", 3, include_str!("place_facts.rs")),
        ("local_cues", 4, include_str!("local_cues.rs")),
        ("name_shapes", 5, include_str!("name_shapes.rs")),
        ("judge", 6, include_str!("judge.rs")),
        ("rivers_again", 6, include_str!("rivers_again.rs")),
        ("recognise", 7, include_str!("recognise.rs")),
        ("prior", 8, include_str!("prior.rs")),
        ("group", 9, include_str!("group.rs")),
        ("county_pairs", 10, include_str!("county_pairs.rs")),
        ("coherence", 10, include_str!("coherence.rs")),
        ("resolve", 11, include_str!("resolve.rs")),
        ("filter", 12, include_str!("filter.rs")),
        ("publisher", 13, include_str!("publisher.rs")),
        ("unlisted", 13, include_str!("unlisted.rs")),
        ("explain", 14, include_str!("explain.rs")),
        ("weighed", 14, include_str!("weighed.rs")),
        ("json_line", 0, include_str!("json_line.rs")),
        ("cli", 15, include_str!("cli.rs")),
    ];

    /// The sibling modules a source file names in its `use super::...`
    /// statements (outside its tests).
    fn imported_siblings(source: &str) -> Vec<String> {
        let source = source.split("#[cfg(test)]").next().unwrap_or_default();
        let mut found = Vec::new();
        for statement in source.split(';') {
            let statement = statement.trim();
            let Some(rest) = statement
                .strip_prefix("use super::")
                .or_else(|| statement.strip_prefix("pub use super::"))
            else {
                continue;
            };
            // `super::{a, b::c}` names several modules, `super::a::{...}` one.
            let items: Vec<&str> = match rest.strip_prefix('{') {
                Some(inner) => inner.trim_end_matches('}').split(',').collect(),
                None => vec![rest],
            };
            for item in items {
                let first = item.trim().split("::").next().unwrap_or_default().trim();
                if !first.is_empty() {
                    found.push(first.to_owned());
                }
            }
        }
        found
    }

    #[test]
    fn every_stage_imports_only_the_stages_and_helpers_before_it() {
        let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/geoparse"))
            .expect("the module folder")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
            .count();
        assert_eq!(
            files,
            PIPELINE.len() + 1,
            "a module is missing from PIPELINE"
        );
        let rank = |name: &str| PIPELINE.iter().find(|(n, _, _)| *n == name).map(|m| m.1);
        // The command line is the detector's user, like the app: it may use
        // what mod.rs offers.
        for &(module, own, source) in PIPELINE.iter().filter(|m| m.0 != "cli") {
            for import in imported_siblings(source) {
                // Items re-exported by mod.rs are named through their module.
                let Some(theirs) = rank(&import) else {
                    panic!("{module} imports {import} through mod.rs");
                };
                assert!(
                    theirs < own,
                    "{module} (rank {own}) imports {import} (rank {theirs})"
                );
            }
        }
    }

    #[test]
    fn reading_again_with_a_home_from_the_recognised_names_is_reading_the_text_with_it() {
        let gaz = Gazetteer::embedded();
        let text = "The council of Dublin met, and a choir from Columbus sang in Athens.";
        let home = types::Home {
            country_code: "US".to_owned(),
            admin1_code: "US.OH".to_owned(),
            centre_lat_deg: 40.0,
            centre_lon_deg: -83.0,
        };
        let with_home = Options {
            home: Some(home.clone()),
            ..Options::default()
        };
        let recognised = Recognised::new(text, gaz, &Options::default(), true);
        let first = recognised.clone().places(gaz, None);
        assert_eq!(
            first,
            detect_places_explained(text, gaz, &Options::default())
        );
        let again = recognised.places(gaz, Some(home));
        assert!(!again.0.is_empty());
        assert_eq!(again, detect_places_explained(text, gaz, &with_home));
    }

    #[test]
    fn a_postal_code_in_a_capitals_dateline_is_the_state_and_not_also_a_dropped_acronym() {
        let gaz = Gazetteer::embedded();
        let text = "MACON, GA. (AP) \u{2014} Crews worked through the night.";
        let (found, dropped) = detect_places_explained(text, gaz, &Options::default());
        let states: Vec<&str> = found
            .iter()
            .filter(|t| gaz.kind(t.place()) == PlaceKind::Admin1)
            .map(|t| gaz.place(t.place()).admin1_code)
            .collect();
        assert_eq!(states, ["US.GA"]);
        assert_eq!(admin1_of(text, "MACON"), "US.GA");
        assert!(
            dropped.iter().all(|d| d.byte_range.start >= 10),
            "{dropped:?}"
        );
    }

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

    /// A local story of Georgia towns that never names the state.
    const GEORGIA_STORY: &str = "DUBLIN \u{2014} Flood waters rose Tuesday across Laurens County. \
        Crews from Macon and Milledgeville joined volunteers in Dexter, Rentz and East Dublin. \
        Treutlen County and Johnson County closed their schools. A relief truck from Athens \
        arrived by noon, and boats came up from Darien and Brunswick.";

    fn admin1_of(text: &str, name: &str) -> String {
        let gaz = Gazetteer::embedded();
        let found = detect_places(text, gaz);
        let t = found.iter().find(|t| t.text == name).expect("found");
        gaz.place(t.place()).admin1_code.to_owned()
    }

    fn kind_of(text: &str, name: &str) -> PlaceKind {
        let gaz = Gazetteer::embedded();
        let found = detect_places(text, gaz);
        let t = found.iter().find(|t| t.text == name).expect("found");
        gaz.kind(t.place())
    }

    #[test]
    fn athens_and_darien_among_georgia_towns_are_the_georgia_towns() {
        assert_eq!(admin1_of(GEORGIA_STORY, "Athens"), "US.GA");
        assert_eq!(admin1_of(GEORGIA_STORY, "Darien"), "US.GA");
        let gaz = Gazetteer::embedded();
        let found = detect_places(GEORGIA_STORY, gaz);
        let athens = found.iter().find(|t| t.text == "Athens").expect("found");
        assert!(
            athens
                .reason()
                .contains("near the article's other places in Georgia"),
            "{}",
            athens.reason()
        );
    }

    #[test]
    fn columbus_beside_georgia_is_the_georgia_city_and_georgia_the_state() {
        // Each alone is the bigger namesake (Ohio's city, the country); read
        // together, the state holds the city.
        let text = "The city of Columbus approved its budget on Monday, officials in Georgia said.";
        assert_eq!(admin1_of(text, "Columbus"), "US.GA");
        assert_eq!(admin1_of(text, "Georgia"), "US.GA");
        // A name already placed does not pull its state's namesake in.
        let text = "The Washington Post reported from Vancouver, British Columbia.";
        assert_eq!(kind_of(text, "Washington"), PlaceKind::Capital);
    }

    #[test]
    fn new_york_the_city_names_the_state_of_its_towns_too() {
        // "New York" is read as the city; Troy is still the state's Troy,
        // not Michigan's, which is bigger.
        let text = "The city of Troy approved its budget on Monday, officials in New York said.";
        assert_eq!(admin1_of(text, "Troy"), "US.NY");
    }

    #[test]
    fn a_famous_namesake_with_evidence_of_its_own_beats_the_article_s_region() {
        let text = format!("{GEORGIA_STORY} A nurse from Paris, France, helped.");
        let gaz = Gazetteer::embedded();
        let found = detect_places(&text, gaz);
        let paris = found.iter().find(|t| t.text == "Paris").expect("found");
        assert_eq!(gaz.place(paris.place()).country_code, "FR");
    }

    #[test]
    fn a_world_story_naming_countries_is_no_state_s_story() {
        // Two of five places in Texas, and three countries: Paris is France.
        let text = "Ministers from France, Germany and Italy met in Paris. \
                    Oil traders in Houston and Dallas watched.";
        let gaz = Gazetteer::embedded();
        let found = detect_places(text, gaz);
        let paris = found.iter().find(|t| t.text == "Paris").expect("found");
        assert_eq!(gaz.place(paris.place()).country_code, "FR");
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
    fn a_name_listed_with_a_state_is_the_state_and_with_capitals_the_capital() {
        let gaz = Gazetteer::embedded();
        let kinds = |text: &str| -> Vec<PlaceKind> {
            detect_places(text, gaz)
                .iter()
                .map(|t| gaz.kind(t.place()))
                .collect()
        };
        assert_eq!(
            kinds("Tech firms avoid western states such as California or Washington."),
            [PlaceKind::Admin1, PlaceKind::Admin1]
        );
        assert_eq!(
            kinds("The storm hit New York and New Jersey."),
            [PlaceKind::Admin1, PlaceKind::Admin1]
        );
        assert_eq!(
            kinds("Envoys shuttled between Washington and Moscow."),
            [PlaceKind::Capital, PlaceKind::Capital]
        );
        let found = detect_places("Talks in Washington stalled, as in California.", gaz);
        assert_eq!(gaz.kind(found[0].place()), PlaceKind::Capital, "not listed");
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
                if let Evidence::Near { place, .. }
                | Evidence::ContainsNamed(place)
                | Evidence::HoldsNamedTown(place) = e
                {
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
        let text = "SEATTLE, Wash. — Officials in Washington said the fires spread.";
        assert_eq!(kind_of(text, "Washington"), PlaceKind::Admin1);
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
