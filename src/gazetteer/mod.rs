//! The offline gazetteer: every place geobrief can put on a map, and its names.
//!
//! The data is `assets/gazetteer.tsv`, built by `tools/gazetteer/build_gazetteer.py`
//! from GeoNames (CC BY 4.0) and a small hand-curated list. `build.rs` encodes it
//! (`encode.rs`) into fixed-width place records, string lists, `fst` maps of its
//! names and a trie of its spellings ([`NameIndex`]), and only that compact form
//! is embedded in the binary: [`Gazetteer::embedded`] reads it in place,
//! allocating nothing per place, and every look-up decodes the few bytes it
//! needs. Coordinates are degrees on WGS 84; where a point is stored as x/y, x is
//! longitude and y latitude.

mod compact;
mod encode;
mod name_index;
mod name_index_build;
mod normalise;

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

pub use compact::{CompactError, StringList as Spellings};
pub use encode::GazetteerError;
pub use name_index::{NameIndex, NameIndexError, PrefixMatch, index_key};
pub use normalise::{name_key, name_key_into};

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
    /// A sea, ocean, gulf, strait or river of the hand-made list.
    Water,
    AirBase,
    NavalBase,
    Airport,
    Building,
    /// A lake or reservoir, with the box around it ([`Gazetteer::extent`]).
    Lake,
    /// An island or a group of islands, with the box around it.
    Island,
    /// A river of an atlas, with the box around its lines and a point on it.
    River,
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
            Self::Lake => "lake",
            Self::Island => "island",
            Self::River => "river",
        }
    }

    /// A lake, an island or a river: a named natural feature with an extent.
    #[must_use]
    pub fn is_natural_feature(self) -> bool {
        matches!(self, Self::Lake | Self::Island | Self::River)
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

const ALL_KINDS: [PlaceKind; 16] = [
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
    PlaceKind::Lake,
    PlaceKind::Island,
    PlaceKind::River,
];

/// Index of a place in its gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub u32);

/// One place, read from the gazetteer's bytes: its strings borrow them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place<'g> {
    /// The name shown for it.
    pub name: &'g str,
    pub kind: PlaceKind,
    pub lat_deg: f64,
    pub lon_deg: f64,
    /// People living there (for areas, in its towns); 0 when unknown.
    pub population: u64,
    /// ISO 3166-1 alpha-2 code of its country, empty for seas and continents.
    pub country_code: &'g str,
    /// GeoNames admin1 code such as "US.TX", empty when unknown.
    pub admin1_code: &'g str,
    pub geonames_id: Option<u32>,
    /// How many names GeoNames knows it by, in all languages: a measure of how
    /// widely known it is (Venice, Italy, has hundreds; Venice, Florida, few).
    pub fame: u32,
}

impl Place<'_> {
    /// Where it is.
    #[must_use]
    pub fn lon_lat(&self) -> crate::geo::LonLat {
        crate::geo::LonLat::new(self.lon_deg, self.lat_deg)
    }
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

/// The places one name can mean, in the gazetteer's order, read in place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Senses<'g> {
    /// A `u32` per sense: `place << 2 | name kind`.
    postings: &'g [u8],
}

impl<'g> Senses<'g> {
    #[must_use]
    pub fn len(&self) -> usize {
        self.postings.len() / 4
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.postings.is_empty()
    }

    /// Sense `i`, if there are that many.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<NameSense> {
        (i < self.len()).then(|| sense_from_posting(compact::u32_at(self.postings, 4 * i)))
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = NameSense> + Clone + 'g {
        self.postings
            .chunks_exact(4)
            .map(|p| sense_from_posting(compact::u32_at(p, 0)))
    }
}

fn sense_from_posting(posting: u32) -> NameSense {
    NameSense {
        place: PlaceId(posting >> 2),
        kind: match posting & 3 {
            0 => NameKind::Name,
            1 => NameKind::Alternate,
            _ => NameKind::Demonym,
        },
    }
}

/// What one name key means: its places, and whether it is also an everyday
/// word or a person's name. One look-up answers all three.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NameEntry<'g> {
    pub senses: Senses<'g>,
    /// Also a lowercase English word ("nice", "reading").
    pub common_word: bool,
    /// Also a common given name or surname ("allen").
    pub person_name: bool,
    /// Also a common given name ("george"): [`Gazetteer::is_given_name`].
    pub given_name: bool,
}

/// The places and an index of their names, in the compact form of `encode.rs`.
pub struct Gazetteer {
    tables: compact::Tables,
    /// This gazetteer's number, which its entries in [`WALKED`] carry.
    number: u64,
}

/// The numbers of gazetteers, one each.
static NEXT_NUMBER: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// The names map's values of words that are no spelling, as
    /// [`Gazetteer::key_value`] walked them, for the gazetteer of the first
    /// number: a walk of the map costs a thousand instructions or more, and
    /// the same capitalised words ("The", "Ministry") are asked of article
    /// after article. One memory per thread, so that workers share no lock.
    static WALKED: RefCell<(u64, WalkedWords)> = RefCell::new((u64::MAX, FxHashMap::default()));
}

/// A names map's value, taken apart: postings start, postings count, flags.
type KeyValue = (usize, usize, u64);

/// Words that are no spelling, with the names map's value of each.
type WalkedWords = FxHashMap<Box<str>, Option<KeyValue>>;

/// Words [`WALKED`] keeps before it starts again, so that a long run's
/// memory stays bounded (a word is a few dozen bytes).
const WALKED_WORDS: usize = 1 << 16;

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.len())
            .field("spellings", &self.tables.spellings.len())
            .finish_non_exhaustive()
    }
}

impl Default for Gazetteer {
    /// A gazetteer with no places.
    fn default() -> Self {
        let tables = encode::encode("")
            .map_err(|e| e.to_string())
            .and_then(|e| compact::Tables::from_encoded(e).map_err(|e| e.to_string()));
        match tables {
            Ok(tables) => Self::of_tables(tables),
            Err(e) => unreachable!("an empty gazetteer encodes: {e}"),
        }
    }
}

impl Gazetteer {
    /// The gazetteer built into the binary, opened on first use: it checks a few
    /// section sizes and the strings' UTF-8, so it takes milliseconds.
    ///
    /// # Panics
    /// Only if the embedded bytes are malformed, which a unit test rules out.
    pub fn embedded() -> &'static Self {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Self::of_tables(
                compact::Tables::from_blob(EMBEDDED_COMPACT)
                    .expect("the embedded gazetteer is checked by a unit test"),
            )
        })
    }

    fn of_tables(tables: compact::Tables) -> Self {
        Self {
            tables,
            number: NEXT_NUMBER.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Reads gazetteer text in the format written by `build_gazetteer.py`.
    pub fn from_tsv(text: &str) -> Result<Self, GazetteerError> {
        let encoded = encode::encode(text)?;
        let tables = compact::Tables::from_encoded(encoded)
            .map_err(|e| GazetteerError::Index(e.to_string()))?;
        Ok(Self::of_tables(tables))
    }

    /// This gazetteer's number: no other gazetteer of this run has it, so a
    /// cache of what one gazetteer answered can tell when it is asked about
    /// another.
    #[must_use]
    pub fn number(&self) -> u64 {
        self.number
    }

    /// The place `id`.
    ///
    /// # Panics
    /// If `id` is not a place of this gazetteer (ids come from its look-ups).
    #[must_use]
    pub fn place(&self, id: PlaceId) -> Place<'_> {
        let r = self.record(id);
        let u32_at = |i| compact::u32_at(r, i);
        let u16_at = |i: usize| usize::from(u16::from_le_bytes([r[i], r[i + 1]]));
        let mut population = [0; 8];
        population.copy_from_slice(&r[8..16]);
        let t = &self.tables;
        Place {
            name: t.spellings.get(u32_at(20) as usize),
            kind: kind_of_code(r[30]),
            lat_deg: f64::from(u32_at(0) as i32) / 1e6,
            lon_deg: f64::from(u32_at(4) as i32) / 1e6,
            population: u64::from_le_bytes(population),
            country_code: t.countries.code(u16_at(26)),
            admin1_code: t.admin1s.code(u16_at(28)),
            geonames_id: Some(u32_at(16)).filter(|&g| g != 0),
            fame: u16_at(24) as u32,
        }
    }

    /// The box around `id` (a lake's, an island's), if the gazetteer has one.
    #[must_use]
    pub fn extent(&self, id: PlaceId) -> Option<crate::geo::GeoBox> {
        let [west, south, east, north] = self.tables.extent_udeg(id.0)?;
        let deg = |udeg: i32| f64::from(udeg) / 1e6;
        Some(crate::geo::GeoBox {
            min: crate::geo::LonLat::new(deg(west), deg(south)),
            max: crate::geo::LonLat::new(deg(east), deg(north)),
        })
    }

    /// [`Self::place`]'s `name` alone.
    #[must_use]
    pub fn name(&self, id: PlaceId) -> &str {
        let r = self.record(id);
        self.tables.spellings.get(compact::u32_at(r, 20) as usize)
    }

    /// Where `id` is: [`Self::place`]'s point without decoding the rest.
    #[must_use]
    pub fn lon_lat(&self, id: PlaceId) -> crate::geo::LonLat {
        let r = self.record(id);
        let deg = |i| f64::from(compact::u32_at(r, i) as i32) / 1e6;
        crate::geo::LonLat::new(deg(4), deg(0))
    }

    /// What sort of place `id` is: [`Self::place`]'s `kind` without decoding the
    /// rest, for the detector's loops over every place a name can mean.
    #[must_use]
    pub fn kind(&self, id: PlaceId) -> PlaceKind {
        kind_of_code(self.record(id)[30])
    }

    /// A number for [`Self::place`]'s `admin1_code`, without decoding it:
    /// equal numbers are equal codes. Read back with [`Self::admin1_code_of_key`].
    #[must_use]
    pub fn admin1_key(&self, id: PlaceId) -> u16 {
        let r = self.record(id);
        u16::from_le_bytes([r[28], r[29]])
    }

    /// The country `id` lies in, as [`Self::country`] of its code finds it,
    /// without decoding or searching for the code.
    #[must_use]
    pub fn country_of(&self, id: PlaceId) -> Option<PlaceId> {
        let r = self.record(id);
        let code = usize::from(u16::from_le_bytes([r[26], r[27]]));
        self.tables.countries.owner_at(code).map(PlaceId)
    }

    /// The state or province of an [`Self::admin1_key`], as [`Self::admin1`]
    /// of its code finds it, without searching for the code.
    #[must_use]
    pub fn admin1_of_key(&self, key: u16) -> Option<PlaceId> {
        self.tables.admin1s.owner_at(usize::from(key)).map(PlaceId)
    }

    /// The admin1 code of an [`Self::admin1_key`] ("US.GA"; "" for none).
    #[must_use]
    pub fn admin1_code_of_key(&self, key: u16) -> &str {
        self.tables.admin1s.code(usize::from(key))
    }

    /// [`Self::place`]'s `population` alone.
    #[must_use]
    pub fn population(&self, id: PlaceId) -> u64 {
        let mut population = [0; 8];
        population.copy_from_slice(&self.record(id)[8..16]);
        u64::from_le_bytes(population)
    }

    /// [`Self::place`]'s `fame` alone.
    #[must_use]
    pub fn fame(&self, id: PlaceId) -> u32 {
        let r = self.record(id);
        u32::from(u16::from_le_bytes([r[24], r[25]]))
    }

    fn record(&self, id: PlaceId) -> &[u8] {
        let at = id.0 as usize * encode::RECORD_BYTES;
        &self.tables.places[at..at + encode::RECORD_BYTES]
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.tables.place_count()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The places a name can mean, however it is capitalised or accented.
    #[must_use]
    pub fn lookup(&self, name: &str) -> Senses<'_> {
        self.entry(name).map(|e| e.senses).unwrap_or_default()
    }

    /// Everything the gazetteer knows about a name, in one look-up.
    #[must_use]
    pub fn entry(&self, name: &str) -> Option<NameEntry<'_>> {
        self.entry_from_value(self.key_value(name)?)
    }

    /// What [`Self::entry`] says of the name spelled as spelling `spelling` (a
    /// [`PrefixMatch::spelling`]), however its ASCII letters are capitalised:
    /// a walk of the name finder has found it, so no second look-up is needed.
    #[must_use]
    pub fn entry_of_spelling(&self, spelling: usize) -> Option<NameEntry<'_>> {
        self.entry_from_value(self.spelling_value(spelling)?)
    }

    /// A number for the name key of spelling `spelling` ([`name_key`]):
    /// the same for every spelling of that key, and another for every other
    /// key, without reading the spelling. It is where the key's senses start
    /// among all names' senses, each key having its own run; `None` for a
    /// key with no senses.
    #[must_use]
    pub fn key_number_of_spelling(&self, spelling: usize) -> Option<usize> {
        let (start, count, _) = self.spelling_value(spelling)?;
        (count > 0).then_some(start)
    }

    /// The names map's value for the key of spelling `spelling`.
    fn spelling_value(&self, spelling: usize) -> Option<(usize, usize, u64)> {
        let at = 8 * spelling;
        let bytes = self.tables.spelling_entries.get(at..at + 8)?;
        let mut value = [0; 8];
        value.copy_from_slice(bytes);
        Some(encode::entry_parts(u64::from_le_bytes(value)))
    }

    fn entry_from_value(
        &self,
        (start, count, flags): (usize, usize, u64),
    ) -> Option<NameEntry<'_>> {
        let common_word = flags & encode::COMMON_WORD != 0;
        let person_name = flags & encode::PERSON_NAME != 0;
        if count == 0 && !common_word && !person_name {
            return None;
        }
        let postings = self.tables.postings.get(4 * start..4 * (start + count))?;
        Some(NameEntry {
            senses: Senses { postings },
            common_word,
            person_name,
            given_name: flags & encode::GIVEN_NAME != 0,
        })
    }

    /// The names map's value for the key of `name`, walked as the key is folded:
    /// detection asks this of every candidate, so it allocates nothing.
    fn key_value(&self, name: &str) -> Option<(usize, usize, u64)> {
        // A spelling, in any ASCII case, has the key of that spelling: the
        // name index answers it at a few instructions a byte.
        if let Some(spelling) = self.tables.spelling_index.get(name.as_bytes()) {
            return self.spelling_value(spelling);
        }
        WALKED.with_borrow_mut(|(number, words)| {
            if *number != self.number {
                words.clear();
                *number = self.number;
            }
            if let Some(&known) = words.get(name) {
                return known;
            }
            let value = self.walk_key_value(name);
            if words.len() >= WALKED_WORDS {
                words.clear();
            }
            words.insert(name.into(), value);
            value
        })
    }

    /// The names map's value for the key of `name`, walked in the map.
    fn walk_key_value(&self, name: &str) -> Option<(usize, usize, u64)> {
        // A short ASCII word folds to its lowercase letters: the map is asked
        // for them at once, without walking as the key is made.
        let bytes = name.as_bytes();
        if bytes.len() <= 32 && bytes.iter().all(u8::is_ascii_alphanumeric) {
            let mut key = [0u8; 32];
            for (k, b) in key.iter_mut().zip(bytes) {
                *k = b.to_ascii_lowercase();
            }
            return self
                .tables
                .names
                .get(&key[..bytes.len()])
                .map(encode::entry_parts);
        }
        let fst = self.tables.names.as_fst();
        let mut node = fst.root();
        let mut output = fst::raw::Output::zero();
        let walked = normalise::fold_name(name, |bytes| {
            bytes.iter().all(|&b| {
                node.find_input(b).is_some_and(|i| {
                    let transition = node.transition(i);
                    output = output.cat(transition.out);
                    node = fst.node(transition.addr);
                    true
                })
            })
        });
        (walked && node.is_final())
            .then(|| encode::entry_parts(output.cat(node.final_output()).value()))
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
        self.key_value(word)
            .is_some_and(|(_, _, flags)| flags & encode::GIVEN_NAME != 0)
    }

    /// Whether `spelling` is written exactly so in the data ("UAE", not "Uae").
    #[must_use]
    pub fn has_spelling(&self, spelling: &str) -> bool {
        if !spelling.chars().any(char::is_lowercase) {
            return self.tables.capitals.contains(spelling);
        }
        // Spellings that share a key with an earlier one ("Uae" after "UAE")
        // are not in the index on their own; the first of each key is.
        self.tables
            .spelling_index
            .get(&index_key(spelling))
            .is_some_and(|i| self.tables.spellings.get(i) == spelling)
    }

    /// Every spelling of every name; a [`PrefixMatch`] of [`Self::name_finder`]
    /// indexes it.
    #[must_use]
    pub fn spellings(&self) -> &Spellings {
        &self.tables.spellings
    }

    /// The index of all spellings, ignoring ASCII case, for walks from a word
    /// start: the caller starts it only where a name can start (a capitalised
    /// word) and gets every spelling that begins there. Searching only from word
    /// starts is what makes detection fast. Always there: it is part of the
    /// compact form (the `Option` is kept for callers written when it was not).
    pub fn name_finder(&self) -> Option<&NameIndex> {
        Some(&self.tables.spelling_index)
    }

    #[must_use]
    pub fn country(&self, country_code: &str) -> Option<PlaceId> {
        self.tables.countries.owner(country_code).map(PlaceId)
    }

    #[must_use]
    pub fn admin1(&self, admin1_code: &str) -> Option<PlaceId> {
        self.tables.admin1s.owner(admin1_code).map(PlaceId)
    }
}

fn kind_of_code(code: u8) -> PlaceKind {
    ALL_KINDS
        .get(usize::from(code))
        .copied()
        .unwrap_or(PlaceKind::Building)
}

/// The gazetteer in the compact form, written by `build.rs`.
static EMBEDDED_COMPACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

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
        let sense = gaz.lookup("Syrian").get(0).expect("a sense");
        assert_eq!(sense.kind, NameKind::Demonym);
        assert_eq!(gaz.place(sense.place).name, "Syria");
    }

    #[test]
    fn quebec_city_is_the_city_and_quebec_also_the_province() {
        let gaz = Gazetteer::embedded();
        let kinds = |name: &str| -> Vec<(PlaceKind, &str)> {
            gaz.lookup(name)
                .iter()
                .map(|s| (gaz.kind(s.place), gaz.place(s.place).country_code))
                .collect()
        };
        assert_eq!(kinds("Quebec City"), [(PlaceKind::City, "CA")]);
        assert!(kinds("Quebec").contains(&(PlaceKind::Admin1, "CA")));
        // A name that already says "City" gets no second one.
        assert!(kinds("Mexico City City").is_empty());
    }

    #[test]
    fn the_hand_curated_naval_facility_at_tartus_is_present() {
        let gaz = Gazetteer::embedded();
        let tartus = gaz.place(
            gaz.lookup("Tartus naval facility")
                .get(0)
                .expect("a sense")
                .place,
        );
        assert_eq!(tartus.kind, PlaceKind::NavalBase);
        assert!((tartus.lat_deg - 34.9125).abs() < 1e-6);
    }

    #[test]
    fn a_key_number_is_one_per_name_key() {
        let gaz = Gazetteer::embedded();
        let mut number_of_key: FxHashMap<String, Option<usize>> = FxHashMap::default();
        let mut key_of_number: FxHashMap<usize, String> = FxHashMap::default();
        for (i, spelling) in gaz.spellings().iter().enumerate() {
            let (key, number) = (name_key(spelling), gaz.key_number_of_spelling(i));
            assert_eq!(
                *number_of_key.entry(key.clone()).or_insert(number),
                number,
                "{spelling}"
            );
            if let Some(number) = number {
                assert_eq!(
                    *key_of_number.entry(number).or_insert(key.clone()),
                    key,
                    "{spelling}"
                );
            }
        }
        assert!(key_of_number.len() > 100_000);
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
                found <= i && index_key(spellings.get(found)) == key,
                "{spelling:?} maps to {found}"
            );
            assert_eq!(
                gaz.entry_of_spelling(i),
                gaz.entry(spelling),
                "{spelling:?}"
            );
        }
    }

    #[test]
    fn a_places_country_and_state_found_by_its_record_are_those_its_codes_name() {
        let gaz = Gazetteer::embedded();
        // Every 97th place: towns, areas and seas of every country.
        for id in (0..gaz.len()).step_by(97).map(|i| PlaceId(i as u32)) {
            let place = gaz.place(id);
            assert_eq!(
                gaz.country_of(id),
                gaz.country(place.country_code),
                "{place:?}"
            );
            assert_eq!(
                gaz.admin1_of_key(gaz.admin1_key(id)),
                gaz.admin1(place.admin1_code),
                "{place:?}"
            );
        }
        let sea = gaz
            .lookup("Mediterranean Sea")
            .iter()
            .next()
            .expect("the sea")
            .place;
        assert_eq!(gaz.country_of(sea), None, "a sea is in no country");
    }

    #[test]
    fn a_name_means_the_same_places_in_any_case_accent_or_spacing() {
        let gaz = Gazetteer::embedded();
        let places =
            |name: &str| -> Vec<PlaceId> { gaz.lookup(name).iter().map(|s| s.place).collect() };
        let damascus = places("Damascus");
        assert!(!damascus.is_empty());
        // A spelling is answered by the name index, the rest by the names map.
        for name in ["DAMASCUS", "damascus", "  Damascus "] {
            assert_eq!(places(name), damascus, "{name:?}");
        }
        assert!(!places("São Paulo").is_empty());
        assert_eq!(places("SAO PAULO"), places("São Paulo"));
        assert_eq!(places("St. Louis"), places("ST.  LOUIS"));
        assert!(gaz.is_given_name("George") && gaz.is_given_name("GEORGE"));
    }

    #[test]
    fn a_code_read_by_number_is_the_code_its_list_holds() {
        let tables = &Gazetteer::embedded().tables;
        for table in [&tables.countries, &tables.admin1s] {
            assert!(table.codes.len() > 200);
            for i in 0..table.codes.len() + 2 {
                assert_eq!(table.code(i), table.codes.get(i), "code {i}");
            }
        }
    }

    #[test]
    fn two_gazetteers_asked_in_turn_on_one_thread_each_answer_as_their_own_walk() {
        let embedded = Gazetteer::embedded();
        // "Ministry" is an everyday word to the small one, nothing to the other.
        let small = Gazetteer::from_tsv(&format!("{TWO_PLACES}W\tministry\n")).expect("valid");
        for word in ["Ministry", "George", "Ministry", "George"] {
            for gaz in [embedded, &small] {
                assert_eq!(gaz.key_value(word), gaz.walk_key_value(word), "{word:?}");
            }
        }
        assert_ne!(embedded.key_value("Ministry"), small.key_value("Ministry"));
    }

    #[test]
    fn a_word_asked_again_is_answered_from_memory_as_the_walk_answers_it() {
        let gaz = Gazetteer::embedded();
        for word in ["George", "GEORGE", "Ministry", "The", "São Paulo", "Xqzzy"] {
            let walked = gaz.walk_key_value(word);
            assert_eq!(gaz.key_value(word), walked, "{word:?}, first");
            assert_eq!(gaz.key_value(word), walked, "{word:?}, remembered");
        }
        assert!(gaz.is_given_name("George") && gaz.is_given_name("George"));
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
    fn the_kinds_are_numbered_alike_by_the_encoder_and_the_reader() {
        let labels: Vec<&str> = ALL_KINDS.iter().map(|k| k.label()).collect();
        assert_eq!(labels, encode::KIND_LABELS);
    }

    const TWO_PLACES: &str = "# test\n\
P\tcountry\t35\t38\t100\tSY\t\t163843\t0\tSyria\t\tSyrian|Syrians\n\
P\tcity\t34.9\t35.9\t50\tSY\tSY.14\t\t12\tTartus\tTartous|Tortosa\t\n\
W\tnice\n\
G\tgeorge\n";

    #[test]
    fn a_small_gazetteer_reads_back_its_places_names_alternates_and_demonyms() {
        let gaz = Gazetteer::from_tsv(TWO_PLACES).expect("valid");
        assert_eq!(gaz.len(), 2);
        assert_eq!(
            gaz.lookup("syrians").get(0).map(|s| s.kind),
            Some(NameKind::Demonym)
        );
        assert_eq!(
            gaz.lookup("Tartous").get(0).map(|s| s.kind),
            Some(NameKind::Alternate)
        );
        let tartus = gaz.place(PlaceId(1));
        assert_eq!(
            (
                tartus.name,
                tartus.kind,
                tartus.country_code,
                tartus.admin1_code
            ),
            ("Tartus", PlaceKind::City, "SY", "SY.14")
        );
        assert_eq!(
            (
                tartus.lat_deg,
                tartus.lon_deg,
                tartus.population,
                tartus.fame
            ),
            (34.9, 35.9, 50, 12)
        );
        assert_eq!(tartus.geonames_id, None);
        assert_eq!(gaz.place(PlaceId(0)).geonames_id, Some(163_843));
        assert_eq!(
            (gaz.kind(PlaceId(0)), gaz.population(PlaceId(0))),
            (PlaceKind::Country, 100)
        );
        assert_eq!(gaz.fame(PlaceId(1)), 12);
        assert_eq!(gaz.country("SY"), Some(PlaceId(0)));
        assert_eq!(gaz.country("LB"), None);
        assert_eq!(gaz.admin1("SY.14"), None, "no admin1 place has the code");
        assert!(gaz.is_common_word("Nice"));
        assert!(gaz.is_given_name("George") && gaz.entry("George").is_none());
        assert_eq!(gaz.lookup("syria").len(), 1);
        assert!(gaz.has_spelling("Tortosa") && !gaz.has_spelling("TORTOSA"));
    }

    #[test]
    fn a_lake_and_an_island_read_back_their_boxes_and_a_town_has_none() {
        let gaz = Gazetteer::from_tsv(
            "P\ttown\t27\t-81\t500\tUS\tUS.FL\t\t0\tClewiston\t\t\n\
             P\tlake\t26.93\t-80.82\t0\tUS\tUS.FL\t\t0\tLake Okeechobee\t\t\t-81.08,26.69,-80.62,27.18\n\
             P\tisland\t40.86\t-73.09\t0\tUS\tUS.NY\t\t0\tLong Island\t\t\t-74.03,40.57,-71.9,41.15\n",
        )
        .expect("valid");
        assert_eq!(gaz.extent(PlaceId(0)), None);
        let lake = gaz.extent(PlaceId(1)).expect("the lake's box");
        assert_eq!(gaz.kind(PlaceId(1)), PlaceKind::Lake);
        assert_eq!(
            (lake.min, lake.max),
            (
                crate::geo::LonLat::new(-81.08, 26.69),
                crate::geo::LonLat::new(-80.62, 27.18)
            )
        );
        assert_eq!(gaz.kind(PlaceId(2)), PlaceKind::Island);
        assert!(
            gaz.extent(PlaceId(2))
                .is_some_and(|b| b.max.lon_deg == -71.9)
        );
    }

    #[test]
    fn a_river_reads_back_its_kind_and_box_and_its_point_is_on_it() {
        let gaz = Gazetteer::from_tsv(
            "P\ttown\t32.8554\t-82.9499\t0\tUS\tUS.GA\t\t0\tOconee\t\t\n\
             P\triver\t33.0091\t-83.127\t0\tUS\tUS.GA\t\t0\tOconee River\t\t\t-83.709,31.9947,-82.5744,34.0613\n",
        )
        .expect("valid");
        let river = PlaceId(1);
        assert_eq!(gaz.kind(river), PlaceKind::River);
        assert_eq!(PlaceKind::River.label(), "river");
        assert!(PlaceKind::River.is_natural_feature() && !PlaceKind::River.is_area());
        let extent = gaz.extent(river).expect("the river's box");
        assert!(extent.contains(gaz.place(river).lon_lat()));
        // The bare name is the town's alone: a river is found by its full name.
        assert_eq!(
            gaz.lookup("Oconee")
                .iter()
                .map(|s| s.place)
                .collect::<Vec<_>>(),
            [PlaceId(0)]
        );
        assert_eq!(
            gaz.lookup("oconee river")
                .iter()
                .map(|s| s.place)
                .collect::<Vec<_>>(),
            [river]
        );
    }

    #[test]
    fn the_embedded_gazetteer_has_natural_earth_rivers_by_their_full_names() {
        let gaz = Gazetteer::embedded();
        let river = |name: &str| {
            gaz.lookup(name)
                .iter()
                .map(|s| s.place)
                .filter(|&p| gaz.kind(p) == PlaceKind::River)
                .collect::<Vec<_>>()
        };
        for name in ["Oconee River", "Altamaha River", "Ohio River"] {
            let found = river(name);
            assert_eq!(found.len(), 1, "{name}");
            let place = gaz.place(found[0]);
            assert_eq!(place.country_code, "US", "{name}");
            assert!(
                gaz.extent(found[0])
                    .is_some_and(|b| b.contains(place.lon_lat())),
                "{name}: its point lies in its box"
            );
        }
        // Two rivers of one name far apart stay two: the Red River of the
        // South and that of the North, and Vietnam's Hong is a Red River too.
        assert_eq!(river("Red River").len(), 3);
        // A bare state's name is never a river's.
        for name in ["Ohio", "Mississippi", "Oconee"] {
            assert!(river(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn an_extent_that_is_not_a_box_names_its_line() {
        for extent in ["1,2,3", "5,2,3,4", "1,2,3,4,5", "-200,0,1,1", "a,b,c,d"] {
            let line = format!("P\tlake\t1\t2\t0\t\t\t\t0\tLake X\t\t\t{extent}\n");
            let err = Gazetteer::from_tsv(&line).expect_err(extent);
            assert!(
                matches!(
                    err,
                    GazetteerError::BadNumber {
                        line: 1,
                        field: "extent",
                        ..
                    }
                ),
                "{extent}: {err:?}"
            );
        }
    }

    #[test]
    fn the_embedded_gazetteer_has_lakes_and_islands_with_their_boxes() {
        let gaz = Gazetteer::embedded();
        let find = |name: &str, kind: PlaceKind, admin1: &str| {
            gaz.lookup(name)
                .iter()
                .map(|s| s.place)
                .find(|&p| gaz.kind(p) == kind && gaz.place(p).admin1_code == admin1)
                .unwrap_or_else(|| panic!("{name}"))
        };
        let okeechobee = find("Lake Okeechobee", PlaceKind::Lake, "US.FL");
        let point = gaz.place(okeechobee).lon_lat();
        assert!(gaz.extent(okeechobee).is_some_and(|b| b.contains(point)));
        let long_island = find("Long Island", PlaceKind::Island, "US.NY");
        assert!(
            gaz.extent(long_island)
                .is_some_and(|b| b.area_km2() > 5_000.0)
        );
        // The division stands for the island of its name.
        assert!(
            gaz.lookup("Sicily")
                .iter()
                .all(|s| gaz.kind(s.place) != PlaceKind::Island)
        );
    }

    #[test]
    fn mountain_ranges_and_deserts_are_regions_with_a_box_around_their_point() {
        let gaz = Gazetteer::embedded();
        for (name, min_km2) in [
            ("Alps", 300_000.0),
            ("Sahara", 5_000_000.0),
            ("Ozarks", 100_000.0),
        ] {
            let region = gaz
                .lookup(name)
                .iter()
                .map(|s| s.place)
                .find(|&p| gaz.kind(p) == PlaceKind::Region)
                .unwrap_or_else(|| panic!("{name}"));
            let point = gaz.place(region).lon_lat();
            let extent = gaz.extent(region).unwrap_or_else(|| panic!("{name}'s box"));
            assert!(extent.contains(point), "{name}");
            assert!(extent.area_km2() > min_km2, "{name}: {}", extent.area_km2());
        }
    }

    #[test]
    fn a_place_named_by_two_spellings_of_one_key_has_one_sense_the_strongest() {
        let gaz =
            Gazetteer::from_tsv("P\tcity\t1\t2\t3\tXX\t\t\t0\tZürich\tZurich\t\n").expect("valid");
        let senses: Vec<NameSense> = gaz.lookup("zurich").iter().collect();
        assert_eq!(
            senses,
            [NameSense {
                place: PlaceId(0),
                kind: NameKind::Name
            }]
        );
    }

    #[test]
    fn a_line_with_a_missing_field_is_rejected_with_its_line_number() {
        let err = Gazetteer::from_tsv("P\tcity\t1\t2\t3\n").expect_err("short line");
        assert_eq!(
            err,
            GazetteerError::FieldCount {
                line: 1,
                expected: 12,
                found: 5
            }
        );
    }

    #[test]
    fn a_bad_latitude_names_its_field() {
        let err =
            Gazetteer::from_tsv("P\tcity\tnorth\t2\t3\tSY\t\t\t0\tX\t\t\n").expect_err("bad lat");
        assert!(err.to_string().contains("lat"), "{err}");
        let err = Gazetteer::from_tsv("P\tcity\t91\t2\t3\tSY\t\t\t0\tX\t\t\n")
            .expect_err("lat past the pole");
        assert!(err.to_string().contains("lat"), "{err}");
    }

    #[test]
    fn a_place_with_only_alternate_names_is_rejected() {
        let err = Gazetteer::from_tsv("P\tcity\t1\t2\t3\tSY\t\t\t0\t\tX\t\n").expect_err("no name");
        assert_eq!(err, GazetteerError::NoName { line: 1 });
    }

    #[test]
    fn bytes_that_are_not_a_compact_gazetteer_are_refused() {
        assert!(compact::Tables::from_blob(b"junk").is_err());
        assert!(compact::Tables::from_blob(&[8, 0, 0, 0, 255, 255, 255, 255]).is_err());
    }

    #[test]
    fn columbia_is_a_city_and_no_name_of_the_district_of_columbia() {
        let gaz = Gazetteer::embedded();
        let kinds: Vec<PlaceKind> = gaz
            .lookup("Columbia")
            .iter()
            .map(|s| gaz.kind(s.place))
            .collect();
        assert!(kinds.contains(&PlaceKind::City), "{kinds:?}");
        assert!(!kinds.contains(&PlaceKind::Admin1), "{kinds:?}");
        assert!(
            gaz.lookup("D.C.")
                .iter()
                .any(|s| gaz.kind(s.place) == PlaceKind::Admin1)
        );
    }

    #[test]
    fn nice_is_flagged_as_a_common_word_but_paris_is_not() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.is_common_word("Nice"));
        assert!(!gaz.is_common_word("Paris"));
    }
}
