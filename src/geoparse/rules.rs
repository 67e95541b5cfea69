//! The names of the detector's rules, so that anyone can see which rule
//! decided a span (`geobrief geoparse --explain`), run without one
//! (`--without RULE`), and read the same name on a place card or in the
//! problems panel. Recognition rules run in the order of
//! [`super::judge::RECOGNITION_RULES`], the first that speaks deciding; the
//! article-wide rules after them ([`Rule::OneSensePerson`],
//! [`Rule::ListedTown`], [`Rule::CountyList`], [`Rule::StateCodeAfterATown`],
//! [`Rule::UnsupportedTown`])
//! revise what the walk kept, and [`Rule::UnlistedByForm`] finds, last, the
//! names the gazetteer lacks.

macro_rules! rules {
    ($($(#[$doc:meta])* $rule:ident => $says:literal, [$($lexicon:literal),*];)*) => {
        /// One named rule of detection.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($(#[$doc])* $rule,)*
        }

        impl Rule {
            /// Every rule, in the order they are declared.
            pub const ALL: &'static [Rule] = &[$(Rule::$rule),*];

            /// The rule's name, as `--explain` and `--without` write it.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self {
                    $(Rule::$rule => stringify!($rule),)*
                }
            }

            /// What the rule says, in a few words, for a place card or the
            /// problems panel.
            #[must_use]
            pub fn says(self) -> &'static str {
                match self {
                    $(Rule::$rule => $says,)*
                }
            }

            /// The word lists (`lexicon/*.txt`) the rule reads.
            #[must_use]
            pub fn lexicons(self) -> &'static [&'static str] {
                match self {
                    $(Rule::$rule => &[$($lexicon),*],)*
                }
            }
        }
    };
}

rules! {
    /// "March", "May": a calendar word.
    CalendarWord => "a calendar word", ["calendar"];
    /// "Sens. Smith and Jones": a title's abbreviation, not the French town.
    TitleAbbreviation => "a title's abbreviation", ["titles"];
    /// "the Bay of Pigs", "the Gulf of Thailand": a feature word before "of"
    /// opens a feature's name; alone it is no place (not Somalia's Bay region).
    FeatureWordBeforeOf => "the first word of a bay's, gulf's or strait's name", ["feature_openers"];
    /// "the Gulf of Thailand", "the Bay of Pigs": a country, state or region
    /// after a feature word and "of" names the feature beside it, which lies
    /// off its shore, not at its middle.
    NamesAFeature => "a country or state naming a bay, gulf or strait beside it", ["feature_openers"];
    /// "Mount Kenya", "Mount Washington": a place name right after "Mount"
    /// or "Lake" names the mountain or the lake, which the gazetteer does not
    /// hold under that name; it is not the country or the city.
    AfterLakeOrMount => "the name of a lake or a mountain (\u{201c}Mount Washington\u{201d})", ["feature_prefixes"];
    /// "6016 Dublin Road", "California Street": a street named after a
    /// place lies anywhere, seldom in that place; the street's name is
    /// found whole instead, unplaced.
    StreetNamedAfterAPlace => "the name of a street named after a place", ["street_words"];
    /// "Reuters", "Metro": a name the news uses for something else, a place
    /// only with evidence of its own ("Toyota, Aichi").
    UsuallyNotAPlace => "a name the news uses for something else, with nothing that makes it a place", ["not_places"];
    /// "The White House said": a seat of power speaking for the power.
    SeatOfPowerSpeaks => "a seat of power standing for its government", ["seats_of_power", "locatives"];
    /// "President Lincoln": a title before the name.
    TitleBeforeName => "a title before it makes it a person", ["titles"];
    /// "George Washington": a given name before it.
    GivenNameBefore => "a given name before it makes it a surname", ["given_names"];
    /// "Roy A. Nelson": a middle initial before it.
    MiddleInitialBefore => "a middle initial before it makes it a surname", [];
    /// "Judah P. Benjamin": a middle initial after it.
    MiddleInitialAfter => "a middle initial after it makes it a given name", [];
    /// "Hillary Clinton": a small place's name ending a run of capitalised words;
    /// "Rocky Mountain National Park": a town named like a park after one.
    TailOfLongerName => "the end of a longer name", ["function_words", "place_heads"];
    /// "Fatima Bello said": two capitalised words before a verb of speech.
    PersonBeforeSpeech => "a given name and surname before a verb of speech", ["speech_verbs", "function_words", "titles", "institution_words", "local_office_words", "place_heads"];
    /// "said Nash Riad,": two capitalised words after a verb of speech.
    PersonAfterSpeech => "a given name and surname after a verb of speech", ["speech_verbs", "function_words", "titles", "institution_words", "local_office_words", "place_heads"];
    /// "Florence Nightingale": a place named like a person before a capitalised word.
    GivenNameBeforeSurname => "a given name before a surname", ["given_names", "institution_words", "place_heads", "local_office_words"];
    /// "Marcin Przydacz, 23": a town's name before a surname that ends the name.
    GivenNameBeforeUnknownSurname => "a given name before a surname no place bears", ["place_words_of_a_name", "calendar"];
    /// "Jackson, who lived alone": a town is not a who.
    PersonWho => "followed by \u{201c}, who\u{201d}", ["locatives"];
    /// "St. John's Lutheran School": a saint's name before an institution.
    SaintsInstitution => "a saint's name of a church or school", [];
    /// "Lincoln visited": a verb only a person does.
    PersonBeforeVerb => "a verb only a person does after it", ["person_verbs", "locatives"];
    /// "Obama said": a small place does not speak.
    SmallPlaceSpeaks => "a small place's name before a verb of speech", ["speech_verbs", "locatives"];
    /// "Oyster Bar": a place named like the last word of a business's name.
    BusinessWord => "the last word of a business's name", ["institution_words", "function_words", "locatives"];
    /// "Stevens & Wilkinson": a small place's name joined to a name by "&".
    FirmName => "a partner's name of a firm (\u{201c}Stevens & Wilkinson\u{201d})", [];
    /// "Neches River": a small town's name before "River".
    TownOfARiver => "the name of a river or creek", ["stream_words"];
    /// "the Oconee" after "Oconee River": the river the article named
    /// before, not the town of its name; the river itself where the
    /// gazetteer lists it (`rivers_again.rs`), else no place.
    RiverNamedBefore => "the river or creek of this name that the article named before", ["stream_words"];
    /// "250 B.C.": an era after a year.
    EraAbbreviation => "an era after a year", ["era_abbreviations"];
    /// "Wal-Mart": a small place's name joined to a capitalised word.
    HyphenatedBrand => "the front of a hyphenated name", [];
    /// "Outstanding Young Man": an everyday word in a title.
    EverydayWordInTitle => "an everyday word inside a title", ["compass_words", "locatives", "function_words"];
    /// "Nice work": an everyday word nothing marks as a place.
    EverydayWord => "an everyday word nothing marks as a place", ["locatives", "local_office_words", "local_cue_words", "town_words"];
    /// "Bassett said": a town named like a person needs a place word or a list.
    SurnameNeedsCompany => "named like a person, with nothing that makes it a place", ["locatives", "residence_words", "local_cue_words", "town_words", "local_office_words"];
    /// "the NICE program": capitals amid lowercase words are an acronym.
    ShoutedAcronym => "an acronym in capitals", [];
    /// "spoke only French": a language.
    Language => "a language", ["language_verbs", "language_words"];
    /// "Native Americans", "French said": a demonym that is a people or a person.
    DemonymAsPerson => "a people or a person, not a place", ["speech_verbs"];
    /// "Syrian forces": a demonym of the place.
    Demonym => "an adjective of the place", [];
    /// "United Russia": a party.
    PartyName => "a party's name", [];
    /// "Aleppo University": a place inside an organisation's name.
    InsideAName => "inside an organisation's name", ["institution_words"];
    /// A place name that no rule stopped.
    PlaceName => "a place name", [];
    /// "Wade McKinney ... McKinney said": a name used for a person is the
    /// person throughout the article.
    OneSensePerson => "used for a person elsewhere in the article", ["speech_verbs", "locatives"];
    /// "Middletown, Trenton and Monroe": a town named like a person in a list of places.
    ListedTown => "in a list of places", [];
    /// "Macon opened shelters" in a story whose places lie in Georgia: a
    /// city of the state (or province) where most of the article's places
    /// lie, though named like a person.
    CityOfTheArticlesState => "a city of the state where the article's places lie", [];
    /// "Barrow, Jackson and Madison counties": counties of a list.
    CountyList => "a county of a list of counties", ["county_words"];
    /// "Columbia, SC": a US state's postal code after a town of that state
    /// is the state, and says which town it is.
    StateCodeAfterATown => "a state's postal code after one of its towns (\u{201c}Columbia, SC\u{201d})", [];
    /// A small town that nothing in the article places ("Enterprise" the company).
    UnsupportedTown => "a small town nothing in the article places", ["residence_words", "local_cue_words", "town_words"];
    /// "the Colorado River" in a story of Austin and San Antonio: an atlas's
    /// river far from every other place of the article is a namesake the
    /// atlas lacks, so it is left unplaced rather than put where it is not.
    RiverFarFromTheStory => "a river far from every other place of the article", [];
    /// "husband Kanye West" in a story of Chicago: a town far from every
    /// other place of the article, with nothing of its own to place it
    /// there (not even "in" before it), is a word or
    /// a namesake the gazetteer lacks, so it is left out rather than put
    /// where it is not.
    TownFarFromTheStory => "a town far from every other place of the article, which nothing in the text places there", [];
    /// "Royal Street", "Raccoon Creek", "Lake Tahoe": a place the gazetteer
    /// does not list, known by the word that ends or opens its name
    /// (`unlisted.rs`); it has no point, so it is reported apart.
    UnlistedByForm => "a street, building or feature the gazetteer does not list, known by its form", ["place_heads", "stream_words", "feature_openers", "feature_prefixes"];
}

impl Rule {
    /// The rule of a name as [`Rule::name`] writes it, in any ASCII case.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|r| r.name().eq_ignore_ascii_case(name))
    }

    /// The rules that can be switched off: all but the last word of
    /// recognition, which keeps what no rule stopped.
    #[must_use]
    pub fn can_be_switched_off(self) -> bool {
        self != Self::PlaceName
    }
}

/// Rules switched off for a run (`--without RULE`); none by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RulesOff(u64);

impl RulesOff {
    #[must_use]
    pub fn with(self, rule: Rule) -> Self {
        Self(self.0 | 1 << rule as u32)
    }

    #[must_use]
    pub fn is_off(self, rule: Rule) -> bool {
        self.0 & (1 << rule as u32) != 0
    }
}

/// How a recognised name is used in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Usage {
    /// The place itself ("in Aleppo").
    Place,
    /// An adjective or demonym ("Syrian forces").
    Demonym,
    /// Inside the name of an organisation, team or building ("Aleppo University").
    InName,
}

/// What a recognition rule says about one span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
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

/// A rule's decision on a span: what, and which rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: Outcome,
    pub rule: Rule,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_fits_the_switch_set_and_is_found_by_its_name() {
        assert!(Rule::ALL.len() <= 64);
        for &rule in Rule::ALL {
            assert_eq!(Rule::from_name(rule.name()), Some(rule));
            assert!(RulesOff::default().with(rule).is_off(rule));
        }
    }

    #[test]
    fn every_lexicon_a_rule_reads_exists() {
        for &rule in Rule::ALL {
            for name in rule.lexicons() {
                assert!(
                    super::super::lexicon::by_name(name).is_some(),
                    "{rule:?}: {name}"
                );
            }
        }
    }
}
