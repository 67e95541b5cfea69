//! Reads the compact form written by `encode.rs` where it lies: in the binary's
//! own bytes for the embedded gazetteer, in vectors for one read at run time.
//! Opening it checks the section sizes and that the text is UTF-8, and builds
//! nothing; every look-up decodes the few bytes it needs.

use std::borrow::Cow;

use fst::{Map, Set};

use super::encode::{EXTENT_BYTES, Encoded, RECORD_BYTES};
use super::name_index::NameIndex;

pub(super) type Bytes = Cow<'static, [u8]>;

/// Why bytes are not a compact gazetteer: the section and what is wrong.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("compact gazetteer, {section}: {problem}")]
pub struct CompactError {
    section: &'static str,
    problem: String,
}

fn error(section: &'static str, problem: impl Into<String>) -> CompactError {
    CompactError {
        section,
        problem: problem.into(),
    }
}

pub(super) fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(word)
}

/// A list of strings read in place (see `encode::string_list`).
pub struct StringList {
    /// `count + 1` offsets into `text`.
    offsets: Bytes,
    text: Cow<'static, str>,
}

impl std::fmt::Debug for StringList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StringList")
            .field("len", &self.len())
            .finish()
    }
}

impl StringList {
    /// Reads a list from the start of `bytes`; returns it and the bytes after it.
    fn read(bytes: Bytes, section: &'static str) -> Result<(Self, Bytes), CompactError> {
        let short = || error(section, "shorter than its own header says");
        if bytes.len() < 8 {
            return Err(short());
        }
        let count = u32_at(&bytes, 0) as usize;
        let text_start = 4 + 4 * (count + 1);
        if bytes.len() < text_start {
            return Err(short());
        }
        let text_len = u32_at(&bytes, text_start - 4) as usize;
        let rest_start = text_start + text_len;
        if bytes.len() < rest_start {
            return Err(short());
        }
        // Read as one run of numbers, without a branch per pair: a look-up
        // per pair, each with its bounds checked, was a fifth of opening the
        // gazetteer.
        let mut previous = 0;
        let mut offsets_ok = true;
        for o in bytes[4..text_start].chunks_exact(4) {
            let offset = u32::from_le_bytes([o[0], o[1], o[2], o[3]]);
            offsets_ok &= previous <= offset;
            previous = offset;
        }
        if !offsets_ok {
            return Err(error(section, "offsets out of order"));
        }
        let (offsets, text, rest) = match bytes {
            Cow::Borrowed(b) => {
                // Checked with SIMD: the embedded spellings are megabytes,
                // checked at every start; a failure is checked again by std
                // for its message.
                let text_bytes = &b[text_start..rest_start];
                let text = simdutf8::basic::from_utf8(text_bytes)
                    .or_else(|_| std::str::from_utf8(text_bytes))
                    .map_err(|e| error(section, e.to_string()))?;
                (
                    Cow::Borrowed(&b[4..text_start]),
                    Cow::Borrowed(text),
                    Cow::Borrowed(&b[rest_start..]),
                )
            }
            Cow::Owned(b) => {
                let text = String::from_utf8(b[text_start..rest_start].to_vec())
                    .map_err(|e| error(section, e.to_string()))?;
                (
                    Cow::Owned(b[4..text_start].to_vec()),
                    Cow::Owned(text),
                    Cow::Owned(b[rest_start..].to_vec()),
                )
            }
        };
        Ok((Self { offsets, text }, rest))
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.offsets.len() / 4 - 1
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// String `i`; empty if `i` is out of range or the bytes are damaged.
    #[must_use]
    pub fn get(&self, i: usize) -> &str {
        let Some(bounds) = self.offsets.get(4 * i..4 * i + 8) else {
            return "";
        };
        let (start, end) = (u32_at(bounds, 0) as usize, u32_at(bounds, 4) as usize);
        self.text.get(start..end).unwrap_or_default()
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The index of `s` in a sorted list.
    fn search(&self, s: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            match self.get(mid).cmp(s) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// Codes ("SY", "US.TX") sorted, each with the place whose own code it is.
#[derive(Debug)]
pub(super) struct CodeTable {
    pub(super) codes: StringList,
    /// The codes again, each its own string: a place's codes are read for
    /// every candidate weighed, and indexing these is cheaper than slicing
    /// the list's text (a few thousand codes, made once).
    by_number: Vec<Box<str>>,
    owners: Bytes,
}

impl CodeTable {
    fn read(bytes: Bytes, section: &'static str) -> Result<Self, CompactError> {
        let (codes, owners) = StringList::read(bytes, section)?;
        if owners.len() != 4 * codes.len() {
            return Err(error(section, "one owner per code expected"));
        }
        let by_number = codes.iter().map(Box::from).collect();
        Ok(Self {
            codes,
            by_number,
            owners,
        })
    }

    /// Code number `i` (a record's code field), as [`StringList::get`] reads it.
    pub(super) fn code(&self, i: usize) -> &str {
        self.by_number.get(i).map_or("", |code| code)
    }

    /// The place whose own code `code` is.
    pub(super) fn owner(&self, code: &str) -> Option<u32> {
        self.owner_at(self.codes.search(code)?)
    }

    /// The place whose own code is code number `i` (a record's code field).
    pub(super) fn owner_at(&self, i: usize) -> Option<u32> {
        let at = 4 * i;
        let bytes = self.owners.get(at..at + 4)?;
        Some(u32_at(bytes, 0)).filter(|&p| p != u32::MAX)
    }
}

/// Every section, opened.
pub(super) struct Tables {
    pub(super) places: Bytes,
    pub(super) spellings: StringList,
    pub(super) spelling_index: NameIndex,
    pub(super) names: Map<Bytes>,
    pub(super) postings: Bytes,
    pub(super) capitals: Set<Bytes>,
    /// The names map's value of each spelling's key, `u64` each.
    pub(super) spelling_entries: Bytes,
    pub(super) countries: CodeTable,
    pub(super) admin1s: CodeTable,
    /// Boxes of the places that have one, [`EXTENT_BYTES`] each, in place order.
    pub(super) extents: Bytes,
}

const SECTION_NAMES: [&str; 10] = [
    "places",
    "spellings",
    "spelling index",
    "names",
    "postings",
    "capitals",
    "spelling entries",
    "country codes",
    "admin1 codes",
    "extents",
];

impl Tables {
    /// Opens the blob written by [`Encoded::to_blob`], borrowing it.
    pub(super) fn from_blob(blob: &'static [u8]) -> Result<Self, CompactError> {
        let header = |problem| error("header", problem);
        if blob.len() < 4 || u32_at(blob, 0) as usize != SECTION_NAMES.len() {
            return Err(header("not a compact gazetteer of this version"));
        }
        let mut at = 4 + 4 * SECTION_NAMES.len();
        if blob.len() < at {
            return Err(header("truncated"));
        }
        let mut sections: [Bytes; 10] = Default::default();
        for (i, section) in sections.iter_mut().enumerate() {
            let len = u32_at(blob, 4 + 4 * i) as usize;
            let bytes = blob.get(at..at + len).ok_or_else(|| header("truncated"))?;
            *section = Cow::Borrowed(bytes);
            at += len;
        }
        Self::open(sections)
    }

    /// Opens freshly encoded sections, taking them.
    pub(super) fn from_encoded(e: Encoded) -> Result<Self, CompactError> {
        Self::open(
            [
                e.places,
                e.spellings,
                e.spelling_index,
                e.names,
                e.postings,
                e.capitals,
                e.spelling_entries,
                e.country_codes,
                e.admin1_codes,
                e.extents,
            ]
            .map(Cow::Owned),
        )
    }

    fn open(sections: [Bytes; 10]) -> Result<Self, CompactError> {
        let [
            places,
            spellings,
            spelling_index,
            names,
            postings,
            capitals,
            spelling_entries,
            countries,
            admin1s,
            extents,
        ] = sections;
        if places.len() % RECORD_BYTES != 0 {
            return Err(error(SECTION_NAMES[0], "not a whole number of records"));
        }
        if extents.len() % EXTENT_BYTES != 0 {
            return Err(error(SECTION_NAMES[9], "not a whole number of extents"));
        }
        if postings.len() % 4 != 0 {
            return Err(error(SECTION_NAMES[4], "not a whole number of senses"));
        }
        let fst_error = |i: usize| move |e: fst::Error| error(SECTION_NAMES[i], e.to_string());
        let (spellings, _) = StringList::read(spellings, SECTION_NAMES[1])?;
        if spelling_entries.len() != 8 * spellings.len() {
            return Err(error(SECTION_NAMES[6], "one entry per spelling expected"));
        }
        Ok(Self {
            places,
            spellings,
            spelling_index: NameIndex::from_cow(spelling_index)
                .map_err(|e| error(SECTION_NAMES[2], e.to_string()))?,
            names: Map::new(names).map_err(fst_error(3))?,
            postings,
            capitals: Set::new(capitals).map_err(fst_error(5))?,
            spelling_entries,
            countries: CodeTable::read(countries, SECTION_NAMES[7])?,
            admin1s: CodeTable::read(admin1s, SECTION_NAMES[8])?,
            extents,
        })
    }

    pub(super) fn place_count(&self) -> usize {
        self.places.len() / RECORD_BYTES
    }

    /// The box of `place` in µdeg (west, south, east, north), if it has one.
    pub(super) fn extent_udeg(&self, place: u32) -> Option<[i32; 4]> {
        let count = self.extents.len() / EXTENT_BYTES;
        let place_at = |i: usize| u32_at(&self.extents, i * EXTENT_BYTES);
        let (mut low, mut high) = (0, count);
        while low < high {
            let mid = (low + high) / 2;
            match place_at(mid).cmp(&place) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => {
                    let at = mid * EXTENT_BYTES + 4;
                    return Some(std::array::from_fn(|k| {
                        u32_at(&self.extents, at + 4 * k) as i32
                    }));
                }
            }
        }
        None
    }
}
