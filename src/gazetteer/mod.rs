//! The offline gazetteer: every place geobrief can put on a map, and its names.
//!
//! The data is `assets/gazetteer.tsv`, built by `tools/gazetteer/build_gazetteer.py`
//! from GeoNames (CC BY 4.0) and a small hand-curated list, and embedded in the
//! binary. [`Gazetteer::embedded`] parses it once, on first use, so a UI can call it
//! from a background thread and the first frame never waits for it. Coordinates are
//! degrees on WGS 84; where a point is stored as x/y, x is longitude and y latitude.

mod load;
mod normalise;

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind, StartKind};

pub use load::GazetteerError;
pub use normalise::name_key;

/// What sort of place an entry is; decides its marker and how strongly a bare
/// mention of its name is believed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    Continent,
    Country,
    /// A first-level division: a state, province, oblast, governorate.
    Admin1,
    /// A second-level division: a county, district.
    Admin2,
    Capital,
    City,
    /// A town under 15,000 people: from 5,000 people everywhere, from 1,000 in
    /// the English-speaking countries whose papers name small towns bare.
    Town,
    Region,
    /// A sea, ocean, gulf, strait or river.
    Water,
    AirBase,
    NavalBase,
    Airport,
    Building,
}

impl PlaceKind {
    /// The word used for this kind in the gazetteer file and on a place card.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Continent => "continent",
            Self::Country => "country",
            Self::Admin1 => "admin1",
            Self::Admin2 => "admin2",
            Self::Capital => "capital",
            Self::City => "city",
            Self::Town => "town",
            Self::Region => "region",
            Self::Water => "sea",
            Self::AirBase => "airbase",
            Self::NavalBase => "naval",
            Self::Airport => "airport",
            Self::Building => "building",
        }
    }

    fn from_label(label: &str) -> Option<Self> {
        ALL_KINDS.into_iter().find(|k| k.label() == label)
    }

    /// Areas that contain other places: naming one sets the scene for the rest.
    #[must_use]
    pub fn is_area(self) -> bool {
        matches!(
            self,
            Self::Continent | Self::Country | Self::Admin1 | Self::Admin2 | Self::Region
        )
    }
}

const ALL_KINDS: [PlaceKind; 13] = [
    PlaceKind::Continent,
    PlaceKind::Country,
    PlaceKind::Admin1,
    PlaceKind::Admin2,
    PlaceKind::Capital,
    PlaceKind::City,
    PlaceKind::Town,
    PlaceKind::Region,
    PlaceKind::Water,
    PlaceKind::AirBase,
    PlaceKind::NavalBase,
    PlaceKind::Airport,
    PlaceKind::Building,
];

/// Index of a place in its gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub u32);

/// One place.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The name shown for it.
    pub name: String,
    pub kind: PlaceKind,
    pub lat_deg: f64,
    pub lon_deg: f64,
    /// People living there (for areas, in its towns); 0 when unknown.
    pub population: u64,
    /// ISO 3166-1 alpha-2 code of its country, empty for seas and continents.
    pub country_code: String,
    /// GeoNames admin1 code such as "US.TX", empty when unknown.
    pub admin1_code: String,
    pub geonames_id: Option<u32>,
    /// How many names GeoNames knows it by, in all languages: a measure of how
    /// widely known it is (Venice, Italy, has hundreds; Venice, Florida, few).
    pub fame: u32,
}

/// How a name refers to a place, from the strongest to the weakest evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameKind {
    /// Its name or a usual English alias ("Syria", "U.S.").
    Name,
    /// A GeoNames alternate name: another language's spelling or an old name.
    Alternate,
    /// An adjective or demonym ("Syrian", "Syrians").
    Demonym,
}

/// One place a name can mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameSense {
    pub place: PlaceId,
    pub kind: NameKind,
}

/// The places and an index of their names.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Name key -> places it can mean.
    senses_by_key: HashMap<String, Vec<NameSense>>,
    /// Every spelling as written in the data, for the text matcher of `geoparse`.
    spellings: Vec<String>,
    spelling_set: std::collections::HashSet<String>,
    /// Keys of names that are also lowercase English words ("nice", "reading").
    common_words: std::collections::HashSet<String>,
    /// Keys of names that are also common given names or surnames ("allen").
    person_names: std::collections::HashSet<String>,
    /// Keys of common given names ("george", "hillary").
    given_names: std::collections::HashSet<String>,
    country_by_code: HashMap<String, PlaceId>,
    admin1_by_code: HashMap<String, PlaceId>,
    /// Finds every spelling in a text; built on first use because it takes a
    /// moment and not every user of the gazetteer reads text.
    name_finder: OnceLock<Option<AhoCorasick>>,
}

impl Gazetteer {
    /// The gazetteer built into the binary, parsed on first use.
    ///
    /// # Panics
    /// Only if the embedded asset is malformed, which a unit test rules out.
    pub fn embedded() -> &'static Self {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Self::from_tsv(EMBEDDED_TSV).expect("the embedded gazetteer is checked by a unit test")
        })
    }

    /// Parses gazetteer text in the format written by `build_gazetteer.py`.
    pub fn from_tsv(text: &str) -> Result<Self, GazetteerError> {
        load::parse(text)
    }

    #[must_use]
    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id.0 as usize]
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.places.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The places a name can mean, however it is capitalised or accented.
    #[must_use]
    pub fn lookup(&self, name: &str) -> &[NameSense] {
        self.senses_by_key
            .get(&name_key(name))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether a name is also an everyday English word ("Nice", "Reading").
    #[must_use]
    pub fn is_common_word(&self, name: &str) -> bool {
        self.common_words.contains(&name_key(name))
    }

    /// Whether a name is also a common given name or surname ("Allen", "Tyler").
    #[must_use]
    pub fn is_person_name(&self, name: &str) -> bool {
        self.person_names.contains(&name_key(name))
    }

    /// Whether a word is a common given name ("George", "Hillary").
    #[must_use]
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(&name_key(word))
    }

    /// Whether `spelling` is written exactly so in the data ("UAE", not "Uae").
    #[must_use]
    pub fn has_spelling(&self, spelling: &str) -> bool {
        self.spelling_set.contains(spelling)
    }

    /// Every spelling of every name; a pattern id of [`Self::name_finder`] indexes it.
    #[must_use]
    pub fn spellings(&self) -> &[String] {
        &self.spellings
    }

    /// A matcher of all spellings, ignoring ASCII case, for anchored searches:
    /// the caller starts it only where a name can start (a capitalised word) and
    /// gets the longest spelling there, then shorter ones by narrowing the span.
    /// Searching only from word starts is what makes detection fast. `None` only
    /// if the automaton could not be built (too large).
    pub fn name_finder(&self) -> Option<&AhoCorasick> {
        self.name_finder
            .get_or_init(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Anchored)
                    .build(&self.spellings)
                    .ok()
            })
            .as_ref()
    }

    #[must_use]
    pub fn country(&self, country_code: &str) -> Option<PlaceId> {
        self.country_by_code.get(country_code).copied()
    }

    #[must_use]
    pub fn admin1(&self, admin1_code: &str) -> Option<PlaceId> {
        self.admin1_by_code.get(admin1_code).copied()
    }
}

const EMBEDDED_TSV: &str = include_str!("../../assets/gazetteer.tsv");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_gazetteer_loads_and_knows_damascus() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.len() > 50_000, "only {} places", gaz.len());
        let damascus = gaz
            .lookup("Damascus")
            .iter()
            .map(|s| gaz.place(s.place))
            .find(|p| p.kind == PlaceKind::Capital)
            .expect("Damascus the capital");
        assert_eq!(damascus.country_code, "SY");
        assert!((damascus.lat_deg - 33.5).abs() < 0.1 && (damascus.lon_deg - 36.3).abs() < 0.1);
    }

    #[test]
    fn syrian_is_a_demonym_of_syria() {
        let gaz = Gazetteer::embedded();
        let sense = gaz.lookup("Syrian")[0];
        assert_eq!(sense.kind, NameKind::Demonym);
        assert_eq!(gaz.place(sense.place).name, "Syria");
    }

    #[test]
    fn the_hand_curated_naval_facility_at_tartus_is_present() {
        let gaz = Gazetteer::embedded();
        let tartus = gaz.place(gaz.lookup("Tartus naval facility")[0].place);
        assert_eq!(tartus.kind, PlaceKind::NavalBase);
        assert!((tartus.lat_deg - 34.9125).abs() < 1e-6);
    }

    #[test]
    fn nice_is_flagged_as_a_common_word_but_paris_is_not() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.is_common_word("Nice"));
        assert!(!gaz.is_common_word("Paris"));
    }
}
