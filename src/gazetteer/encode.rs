//! The gazetteer's compact form: the tab-separated text turned into fixed-width
//! records, string lists, `fst` maps and a trie that are read in place, with
//! nothing parsed or allocated per place when the app starts.
//!
//! `build.rs` includes this file (with `normalise.rs`, `name_index.rs` and
//! `name_index_build.rs`) to encode `assets/gazetteer.tsv` at compile time;
//! [`super::Gazetteer::from_tsv`] uses it at run time. So this file depends on
//! nothing but `std`, `fst`, `thiserror` and those, and [`super::compact`] is
//! its reader. The text format is specified in the docstring of
//! `tools/gazetteer/build_gazetteer.py`. All integers are little-endian.
//!
//! Sections, in the order of [`Encoded::sections`]:
//! - places: one [`RECORD_BYTES`] record per place (see [`encode_place`]);
//! - spellings: a string list of every spelling as written, each once; a place's
//!   name is the spelling its record points at;
//! - spelling index: a double-array trie, spelling with ASCII letters
//!   lowercased -> first spelling of that key (see `name_index.rs`);
//! - names: `fst` map, name key (`normalise.rs`) -> [`entry_value`];
//! - postings: a `u32` per sense, `place << 2 | name kind`, grouped by key;
//! - capitals: `fst` set of the spellings written without a lowercase letter;
//! - spelling entries: the names map's value for each spelling's key (`u64`), so
//!   a name found by a walk of the spelling index needs no second look-up;
//! - country codes and admin1 codes: sorted string lists, each followed by a `u32`
//!   place per code (`u32::MAX` when no place has it as its own code);
//! - extents: the box around each place that has one (a lake, an island), in
//!   place order, [`EXTENT_BYTES`] each: `place u32 | west, south, east, north
//!   i32 µdeg`.

use std::collections::HashMap;

use super::normalise::name_key;

/// Why gazetteer text could not be read. `line` counts from 1.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GazetteerError {
    #[error("gazetteer line {line}: expected {expected} tab-separated fields, found {found}")]
    FieldCount {
        line: usize,
        expected: usize,
        found: usize,
    },
    #[error("gazetteer line {line}: unknown place kind {kind:?}")]
    UnknownKind { line: usize, kind: String },
    #[error("gazetteer line {line}: field {field} is not a valid {expected}: {value:?}")]
    BadNumber {
        line: usize,
        field: &'static str,
        expected: &'static str,
        value: String,
    },
    #[error("gazetteer line {line}: a place needs at least one name")]
    NoName { line: usize },
    #[error("gazetteer line {line}: unknown record type {tag:?}")]
    UnknownRecord { line: usize, tag: String },
    #[error("gazetteer line {line}: more {what} than the compact form can hold")]
    TooMany { line: usize, what: &'static str },
    #[error("gazetteer: {0}")]
    Index(String),
}

/// The kinds' labels in the text, in the order of their codes in a record; the
/// reader's `ALL_KINDS` follows it (a test checks).
pub const KIND_LABELS: [&str; 16] = [
    "continent",
    "country",
    "admin1",
    "admin2",
    "capital",
    "city",
    "town",
    "region",
    "sea",
    "airbase",
    "naval",
    "airport",
    "building",
    "lake",
    "island",
    "river",
];

/// Bytes of one place record:
/// `lat i32 µdeg | lon i32 µdeg | population u64 | geonames id u32 (0: none) |
/// name spelling u32 | fame u16 | country code u16 | admin1 code u16 | kind u8 | 0`.
pub const RECORD_BYTES: usize = 32;

/// Bytes of one extent: the place, then its box in µdeg (west, south, east, north).
pub const EXTENT_BYTES: usize = 20;

/// Flags of a name key, in the low bits of its [`entry_value`].
pub const COMMON_WORD: u64 = 1;
pub const PERSON_NAME: u64 = 2;
pub const GIVEN_NAME: u64 = 4;
const FLAG_BITS: u32 = 3;
const COUNT_BITS: u32 = 24;

/// The value of a key in the names map: where its senses start in the postings,
/// how many there are, and its flags.
#[must_use]
pub fn entry_value(start: u32, count: u32, flags: u64) -> u64 {
    (u64::from(start) << (FLAG_BITS + COUNT_BITS)) | (u64::from(count) << FLAG_BITS) | flags
}

/// The inverse of [`entry_value`]: `(start, count, flags)`.
#[must_use]
pub fn entry_parts(value: u64) -> (usize, usize, u64) {
    let count_mask = (1u64 << COUNT_BITS) - 1;
    (
        (value >> (FLAG_BITS + COUNT_BITS)) as usize,
        ((value >> FLAG_BITS) & count_mask) as usize,
        value & ((1 << FLAG_BITS) - 1),
    )
}

/// The compact form, one byte vector per section.
#[derive(Debug, Default)]
pub struct Encoded {
    pub places: Vec<u8>,
    pub spellings: Vec<u8>,
    pub spelling_index: Vec<u8>,
    pub names: Vec<u8>,
    pub postings: Vec<u8>,
    pub capitals: Vec<u8>,
    pub spelling_entries: Vec<u8>,
    pub country_codes: Vec<u8>,
    pub admin1_codes: Vec<u8>,
    pub extents: Vec<u8>,
}

#[allow(
    dead_code,
    reason = "build.rs writes the blob; the app reads it or takes the vectors"
)]
impl Encoded {
    /// The sections in their fixed order.
    #[must_use]
    pub fn sections(&self) -> [&[u8]; 10] {
        [
            &self.places,
            &self.spellings,
            &self.spelling_index,
            &self.names,
            &self.postings,
            &self.capitals,
            &self.spelling_entries,
            &self.country_codes,
            &self.admin1_codes,
            &self.extents,
        ]
    }

    /// All sections in one blob: a `u32` count, a `u32` length per section, then
    /// the sections.
    #[must_use]
    pub fn to_blob(&self) -> Vec<u8> {
        let sections = self.sections();
        let mut blob = Vec::with_capacity(sections.iter().map(|s| s.len() + 4).sum::<usize>() + 4);
        blob.extend_from_slice(&(sections.len() as u32).to_le_bytes());
        for section in sections {
            blob.extend_from_slice(&(section.len() as u32).to_le_bytes());
        }
        for section in sections {
            blob.extend_from_slice(section);
        }
        blob
    }
}

/// A list of strings: `u32` count, `count + 1` `u32` offsets into the text that
/// follows, then the text.
#[must_use]
pub fn string_list<'s>(strings: impl ExactSizeIterator<Item = &'s str> + Clone) -> Vec<u8> {
    let text_len: usize = strings.clone().map(str::len).sum();
    let mut out = Vec::with_capacity(4 * (strings.len() + 2) + text_len);
    out.extend_from_slice(&(strings.len() as u32).to_le_bytes());
    let mut offset = 0u32;
    out.extend_from_slice(&offset.to_le_bytes());
    for s in strings.clone() {
        offset += s.len() as u32;
        out.extend_from_slice(&offset.to_le_bytes());
    }
    for s in strings {
        out.extend_from_slice(s.as_bytes());
    }
    out
}

/// Fields of a place line; a place with an extent has one more.
const PLACE_FIELDS: usize = 12;

/// What the encoder keeps of a name key while reading the text.
#[derive(Default)]
struct KeyEntry {
    /// `place << 2 | name kind`, in place order.
    senses: Vec<u32>,
    flags: u64,
}

/// A table of codes ("SY", "US.TX") numbered in order of first appearance.
#[derive(Default)]
struct Codes<'t> {
    number_of: HashMap<&'t str, u16>,
    codes: Vec<&'t str>,
    /// The place whose own code it is (a country's, an admin1's).
    owner: Vec<u32>,
}

impl<'t> Codes<'t> {
    fn number(
        &mut self,
        code: &'t str,
        line: usize,
        what: &'static str,
    ) -> Result<u16, GazetteerError> {
        if let Some(&n) = self.number_of.get(code) {
            return Ok(n);
        }
        let n =
            u16::try_from(self.codes.len()).map_err(|_| GazetteerError::TooMany { line, what })?;
        self.number_of.insert(code, n);
        self.codes.push(code);
        self.owner.push(u32::MAX);
        Ok(n)
    }

    /// Sorted by code, so the reader can search it; records get the new numbers
    /// from `renumber`.
    fn finish(self) -> (Vec<u8>, Vec<u16>) {
        let mut order: Vec<usize> = (0..self.codes.len()).collect();
        order.sort_by_key(|&i| self.codes[i]);
        let mut renumber = vec![0u16; order.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old] = new as u16;
        }
        let mut out = string_list(order.iter().map(|&i| self.codes[i]));
        for &i in &order {
            out.extend_from_slice(&self.owner[i].to_le_bytes());
        }
        (out, renumber)
    }
}

/// Encodes gazetteer text.
pub fn encode(text: &str) -> Result<Encoded, GazetteerError> {
    let place_count = text.matches("\nP\t").count();
    let mut places: Vec<u8> = Vec::with_capacity(place_count * RECORD_BYTES);
    let mut keys: HashMap<String, KeyEntry> = HashMap::with_capacity(place_count + place_count / 3);
    let mut spelling_number: HashMap<&str, u32> =
        HashMap::with_capacity(place_count + place_count / 3);
    let mut spellings: Vec<&str> = Vec::with_capacity(place_count + place_count / 3);
    let mut countries = Codes::default();
    let mut admin1s = Codes::default();
    let mut extents = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let flag = match fields.next() {
            Some("P") => {
                let f: Vec<&str> = fields.collect();
                if f.len() != PLACE_FIELDS - 1 && f.len() != PLACE_FIELDS {
                    return Err(GazetteerError::FieldCount {
                        line: line_no,
                        expected: PLACE_FIELDS,
                        found: f.len() + 1,
                    });
                }
                let id = u32::try_from(places.len() / RECORD_BYTES)
                    .ok()
                    .filter(|&id| id < 1 << 30)
                    .ok_or(GazetteerError::TooMany {
                        line: line_no,
                        what: "places",
                    })?;
                let place = PlaceText::read(&f, line_no)?;
                let mut name_spelling = None;
                for (kind_code, list) in [place.names, place.alternates, place.demonyms]
                    .into_iter()
                    .enumerate()
                {
                    for spelling in list.split('|').filter(|s| !s.is_empty()) {
                        let next = spellings.len() as u32;
                        let number = *spelling_number.entry(spelling).or_insert_with(|| {
                            spellings.push(spelling);
                            next
                        });
                        if kind_code == 0 {
                            name_spelling.get_or_insert(number);
                        }
                        add_sense(&mut keys, spelling, id, kind_code as u32);
                    }
                }
                let name = name_spelling.ok_or(GazetteerError::NoName { line: line_no })?;
                let country = countries.number(place.country_code, line_no, "country codes")?;
                let admin1 = admin1s.number(place.admin1_code, line_no, "admin1 codes")?;
                match place.kind {
                    1 => countries.owner[usize::from(country)] = id,
                    2 => admin1s.owner[usize::from(admin1)] = id,
                    _ => {}
                }
                encode_place(&mut places, &place, name, country, admin1);
                if let Some(extent) = f.get(PLACE_FIELDS - 1) {
                    extents.extend_from_slice(&id.to_le_bytes());
                    for udeg in read_extent(extent, line_no)? {
                        extents.extend_from_slice(&udeg.to_le_bytes());
                    }
                }
                continue;
            }
            Some("W") => COMMON_WORD,
            Some("N") => PERSON_NAME,
            Some("G") => GIVEN_NAME,
            tag => {
                return Err(GazetteerError::UnknownRecord {
                    line: line_no,
                    tag: tag.unwrap_or_default().to_owned(),
                });
            }
        };
        if let Some(word) = fields.next() {
            keys.entry(name_key(word)).or_default().flags |= flag;
        }
    }
    let (country_codes, country_renumber) = countries.finish();
    let (admin1_codes, admin1_renumber) = admin1s.finish();
    for record in places.chunks_exact_mut(RECORD_BYTES) {
        let old = u16::from_le_bytes([record[26], record[27]]);
        record[26..28].copy_from_slice(&country_renumber[usize::from(old)].to_le_bytes());
        let old = u16::from_le_bytes([record[28], record[29]]);
        record[28..30].copy_from_slice(&admin1_renumber[usize::from(old)].to_le_bytes());
    }
    let spelling_keys: Vec<String> = spellings.iter().map(|s| name_key(s)).collect();
    let (names, postings, value_of_key) = names_and_postings(keys)?;
    let mut spelling_entries = Vec::with_capacity(8 * spellings.len());
    for key in &spelling_keys {
        let value = value_of_key.get(key.as_str()).copied().unwrap_or_default();
        spelling_entries.extend_from_slice(&value.to_le_bytes());
    }
    Ok(Encoded {
        places,
        spellings: string_list(spellings.iter().copied()),
        spelling_index: spelling_index(&spellings)?,
        names,
        postings,
        capitals: capitals(&spellings)?,
        spelling_entries,
        country_codes,
        admin1_codes,
        extents,
    })
}

/// An extent field, "west,south,east,north" in degrees, in µdeg.
fn read_extent(field: &str, line: usize) -> Result<[i32; 4], GazetteerError> {
    let expected = "extent (west,south,east,north in degrees)";
    let bad_extent = || bad(field, line, "extent", expected);
    let mut out = [0i32; 4];
    let mut parts = field.split(',');
    for (i, slot) in out.iter_mut().enumerate() {
        let deg: f64 = number(
            parts.next().ok_or_else(bad_extent)?,
            line,
            "extent",
            expected,
        )?;
        let limit = if i % 2 == 0 { 180.0 } else { 90.0 };
        if deg.abs() > limit {
            return Err(bad_extent());
        }
        *slot = (deg * 1e6).round() as i32;
    }
    if parts.next().is_some() || out[0] > out[2] || out[1] > out[3] {
        return Err(bad_extent());
    }
    Ok(out)
}

/// The fields of one place line, as text.
struct PlaceText<'t> {
    kind: u8,
    lat_udeg: i32,
    lon_udeg: i32,
    population: u64,
    geonames_id: u32,
    fame: u16,
    country_code: &'t str,
    admin1_code: &'t str,
    names: &'t str,
    alternates: &'t str,
    demonyms: &'t str,
}

impl<'t> PlaceText<'t> {
    fn read(f: &[&'t str], line: usize) -> Result<Self, GazetteerError> {
        let kind = KIND_LABELS.iter().position(|&k| k == f[0]).ok_or_else(|| {
            GazetteerError::UnknownKind {
                line,
                kind: f[0].to_owned(),
            }
        })?;
        let degrees = |value: &str, field, limit: f64| {
            number::<f64>(value, line, field, "latitude or longitude").and_then(|deg| {
                if deg.abs() <= limit {
                    Ok((deg * 1e6).round() as i32)
                } else {
                    Err(bad(value, line, field, "latitude or longitude"))
                }
            })
        };
        Ok(Self {
            kind: kind as u8,
            lat_udeg: degrees(f[1], "lat", 90.0)?,
            lon_udeg: degrees(f[2], "lon", 180.0)?,
            population: number(f[3], line, "population", "count")?,
            geonames_id: if f[6].is_empty() {
                0
            } else {
                number(f[6], line, "geonameid", "GeoNames id")?
            },
            fame: number(f[7], line, "fame", "count up to 65535")?,
            country_code: f[4],
            admin1_code: f[5],
            names: f[8],
            alternates: f[9],
            demonyms: f[10],
        })
    }
}

/// Appends one place's record.
fn encode_place(out: &mut Vec<u8>, p: &PlaceText<'_>, name: u32, country: u16, admin1: u16) {
    out.extend_from_slice(&p.lat_udeg.to_le_bytes());
    out.extend_from_slice(&p.lon_udeg.to_le_bytes());
    out.extend_from_slice(&p.population.to_le_bytes());
    out.extend_from_slice(&p.geonames_id.to_le_bytes());
    out.extend_from_slice(&name.to_le_bytes());
    out.extend_from_slice(&p.fame.to_le_bytes());
    out.extend_from_slice(&country.to_le_bytes());
    out.extend_from_slice(&admin1.to_le_bytes());
    out.push(p.kind);
    out.push(0);
}

/// Files a sense under its key; a place reachable by two spellings of one key
/// keeps its strongest sense (the lowest kind code).
fn add_sense(keys: &mut HashMap<String, KeyEntry>, spelling: &str, place: u32, kind_code: u32) {
    let senses = &mut keys.entry(name_key(spelling)).or_default().senses;
    if let Some(sense) = senses.iter_mut().find(|s| **s >> 2 == place) {
        *sense = (place << 2) | (*sense & 3).min(kind_code);
    } else {
        senses.push((place << 2) | kind_code);
    }
}

/// The names map, the postings, and each key's value in the map.
type NamesAndPostings = (Vec<u8>, Vec<u8>, HashMap<String, u64>);

fn names_and_postings(keys: HashMap<String, KeyEntry>) -> Result<NamesAndPostings, GazetteerError> {
    let mut keys: Vec<(String, KeyEntry)> = keys.into_iter().collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut value_of_key = HashMap::with_capacity(keys.len());
    let mut postings = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (key, entry) in keys {
        let start = u32::try_from(postings.len() / 4)
            .map_err(|_| GazetteerError::Index("too many senses".into()))?;
        let count = entry.senses.len() as u32;
        if count >= 1 << COUNT_BITS {
            return Err(GazetteerError::Index(format!(
                "too many places named {key:?}"
            )));
        }
        for sense in entry.senses {
            postings.extend_from_slice(&sense.to_le_bytes());
        }
        let value = entry_value(start, count, entry.flags);
        builder
            .insert(key.as_bytes(), value)
            .map_err(|e| GazetteerError::Index(e.to_string()))?;
        value_of_key.insert(key, value);
    }
    let names = builder
        .into_inner()
        .map_err(|e| GazetteerError::Index(e.to_string()))?;
    Ok((names, postings, value_of_key))
}

/// The spelling index of `name_index.rs`: for each key (ASCII letters
/// lowercased), the first spelling with it, in a trie walked over the text.
fn spelling_index(spellings: &[&str]) -> Result<Vec<u8>, GazetteerError> {
    super::name_index_build::build_bytes(spellings)
        .map_err(|e| GazetteerError::Index(e.to_string()))
}

fn capitals(spellings: &[&str]) -> Result<Vec<u8>, GazetteerError> {
    let mut capitals: Vec<&str> = spellings
        .iter()
        .copied()
        .filter(|s| !s.chars().any(char::is_lowercase))
        .collect();
    capitals.sort_unstable();
    let mut builder = fst::SetBuilder::memory();
    for s in capitals {
        builder
            .insert(s)
            .map_err(|e| GazetteerError::Index(e.to_string()))?;
    }
    builder
        .into_inner()
        .map_err(|e| GazetteerError::Index(e.to_string()))
}

fn number<T: std::str::FromStr>(
    value: &str,
    line: usize,
    field: &'static str,
    expected: &'static str,
) -> Result<T, GazetteerError> {
    value.parse().map_err(|_| bad(value, line, field, expected))
}

fn bad(value: &str, line: usize, field: &'static str, expected: &'static str) -> GazetteerError {
    GazetteerError::BadNumber {
        line,
        field,
        expected,
        value: value.to_owned(),
    }
}
