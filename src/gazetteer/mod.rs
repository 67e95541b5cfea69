//! The offline gazetteer: every place geobrief can put on a map, and its names.
//!
//! The data is `assets/gazetteer.tsv`, built by `tools/gazetteer/build_gazetteer.py`
//! from GeoNames (CC BY 4.0) and a small hand-curated list, and embedded in the
//! binary with its name index ([`NameIndex`], built by `build.rs`).
//! [`Gazetteer::embedded`] parses it once, on first use, so a UI can call it
//! from a background thread and the first frame never waits for it. Coordinates are
//! degrees on WGS 84; where a point is stored as x/y, x is longitude and y latitude.

mod load;
mod name_index;
mod normalise;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use load::GazetteerError;
pub use name_index::{NameIndex, NameIndexError, PrefixMatch, index_key};
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

/// What one name key means: its places, and whether it is also an everyday
/// word or a person's name. One hash look-up answers all three.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameEntry {
    pub senses: Vec<NameSense>,
    /// Also a lowercase English word ("nice", "reading").
    pub common_word: bool,
    /// Also a common given name or surname ("allen").
    pub person_name: bool,
}

/// The places and an index of their names.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Name key -> places it can mean.
    senses_by_key: HashMap<String, NameEntry>,
    /// Every spelling as written in the data, for the text matcher of `geoparse`.
    spellings: Vec<String>,
    /// The spellings written without a lowercase letter ("UAE", "U.S."): a
    /// name in capitals in a text is believed only if the data has it so.
    capitals_spellings: std::collections::HashSet<String>,
    /// Keys of common given names ("george", "hillary").
    given_names: std::collections::HashSet<String>,
    country_by_code: HashMap<String, PlaceId>,
    admin1_by_code: HashMap<String, PlaceId>,
    /// Finds every spelling in a text: the embedded one comes with the binary,
    /// one for a gazetteer read at run time is built on first use.
    name_index: OnceLock<Option<NameIndex>>,
}

impl Gazetteer {
    /// The gazetteer built into the binary, parsed on first use.
    ///
    /// # Panics
    /// Only if the embedded asset is malformed, which a unit test rules out.
    pub fn embedded() -> &'static Self {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            let gaz = Self::from_tsv(EMBEDDED_TSV)
                .expect("the embedded gazetteer is checked by a unit test");
            let index = NameIndex::from_bytes(EMBEDDED_NAME_INDEX)
                .expect("the embedded name index is checked by a unit test");
            let _ = gaz.name_index.set(Some(index));
            gaz
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
        self.entry(name).map_or(&[], |e| e.senses.as_slice())
    }

    /// Everything the gazetteer knows about a name, in one look-up.
    #[must_use]
    pub fn entry(&self, name: &str) -> Option<&NameEntry> {
        self.senses_by_key.get(&name_key(name))
    }

    /// Whether a name is also an everyday English word ("Nice", "Reading").
    #[must_use]
    pub fn is_common_word(&self, name: &str) -> bool {
        self.entry(name).is_some_and(|e| e.common_word)
    }

    /// Whether a name is also a common given name or surname ("Allen", "Tyler").
    #[must_use]
    pub fn is_person_name(&self, name: &str) -> bool {
        self.entry(name).is_some_and(|e| e.person_name)
    }

    /// Whether a word is a common given name ("George", "Hillary").
    #[must_use]
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(&name_key(word))
    }

    /// Whether `spelling` is written exactly so in the data ("UAE", not "Uae").
    #[must_use]
    pub fn has_spelling(&self, spelling: &str) -> bool {
        if !spelling.chars().any(char::is_lowercase) {
            return self.capitals_spellings.contains(spelling);
        }
        // Spellings that share a key with an earlier one ("Uae" after "UAE")
        // are not in the index on their own; the first of each key is.
        self.name_finder()
            .and_then(|index| index.get(&index_key(spelling)))
            .is_some_and(|i| self.spellings[i] == spelling)
    }

    /// Every spelling of every name; a [`PrefixMatch`] of [`Self::name_finder`]
    /// indexes it.
    #[must_use]
    pub fn spellings(&self) -> &[String] {
        &self.spellings
    }

    /// The index of all spellings, ignoring ASCII case, for walks from a word
    /// start: the caller starts it only where a name can start (a capitalised
    /// word) and gets every spelling that begins there. Searching only from word
    /// starts is what makes detection fast. `None` only if an index could not be
    /// built for a gazetteer read at run time.
    pub fn name_finder(&self) -> Option<&NameIndex> {
        self.name_index
            .get_or_init(|| NameIndex::build(&self.spellings).ok())
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
static EMBEDDED_NAME_INDEX: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer-names.fst"));

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
    fn the_embedded_name_index_maps_every_spelling_to_one_of_its_key() {
        let gaz = Gazetteer::embedded();
        let index = gaz.name_finder().expect("embedded index");
        let spellings = gaz.spellings();
        for (i, spelling) in spellings.iter().enumerate() {
            let key = index_key(spelling);
            let found = index.get(&key).unwrap_or(usize::MAX);
            assert!(
                found <= i && index_key(&spellings[found]) == key,
                "{spelling:?} maps to {found}"
            );
        }
    }

    #[test]
    fn the_embedded_gazetteer_has_small_towns_and_us_counties() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.len() > 240_000, "only {} places", gaz.len());
        let warren_mb = gaz
            .lookup("Warren")
            .iter()
            .map(|s| gaz.place(s.place))
            .find(|p| p.admin1_code == "CA.03")
            .expect("Warren, Manitoba");
        assert!(warren_mb.population < 1000);
        let lamar = gaz
            .lookup("Lamar County")
            .iter()
            .map(|s| gaz.place(s.place))
            .filter(|p| p.kind == PlaceKind::Admin2)
            .count();
        assert!(lamar >= 4, "{lamar} Lamar counties");
    }

    #[test]
    fn nice_is_flagged_as_a_common_word_but_paris_is_not() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.is_common_word("Nice"));
        assert!(!gaz.is_common_word("Paris"));
    }
}
