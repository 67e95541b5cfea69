//! The name index: every spelling of the gazetteer in a double-array trie,
//! walked from a word start to find the spellings that begin there.
//!
//! Keys are spellings with ASCII letters lowercased (other bytes as written), so a
//! walk that lowercases the text's ASCII letters as it goes matches "PARIS",
//! "Paris" and "paris" alike; the value is the index of the first spelling with
//! that key in [`super::Gazetteer::spellings`], whose capitals the caller checks.
//! The index is written by `name_index_build.rs` for `encode.rs` (for the
//! embedded gazetteer by `build.rs`, which includes both files, when geobrief is
//! compiled) and read straight from the binary's bytes: loading it builds nothing.
//!
//! A walk costs one array look-up per byte of the longest spelling found, a few
//! instructions each, whatever the size of the gazetteer: it runs at every
//! capitalised word of every article, so it is built for that. The trie keeps
//! its branching part as a double array (a node's child for byte `c` sits at
//! `base + c` and names its parent) and the rest of each key, once no other key
//! shares it, as a tail of plain bytes.
//!
//! Layout, little-endian: `MAGIC`, key count, unit count and tail bytes (`u32`
//! each); then a unit per node, `[base, check]` as two `u32`; then the tails. A
//! unit's `check` is its parent's index plus one (0 for a free unit), with
//! [`FINAL`] set when a key ends at the node; then the unit at `base + 0` holds
//! that key's value in `base`. A unit whose `base` has [`TAIL`] set ends in a
//! tail: the low bits are the tail's offset, where a `u16` length, the bytes
//! and the key's `u32` value follow. Reading never trusts the bytes: a damaged
//! index finds less, it never panics.

use std::borrow::Cow;

/// The key of a spelling in the index: its ASCII and Latin-1 letters
/// lowercased ([`fold_byte`]). `build.rs` includes this file, so the app and
/// the build agree on it.
#[must_use]
pub fn index_key(spelling: &str) -> Vec<u8> {
    fold_bytes(spelling.as_bytes()).collect()
}

/// `bytes` as the index holds them, a byte at a time.
fn fold_bytes(bytes: &[u8]) -> impl Iterator<Item = u8> + '_ {
    bytes.iter().enumerate().map(|(i, &b)| {
        let prev = i.checked_sub(1).map_or(0, |p| bytes[p]);
        fold_byte(prev, b)
    })
}

pub(super) const MAGIC: &[u8; 4] = b"GBT1";
pub(super) const HEADER_BYTES: usize = 16;
pub(super) const UNIT_BYTES: usize = 8;
/// In a unit's `check`: a key ends at this node.
pub(super) const FINAL: u32 = 1 << 31;
/// In a unit's `base`: the node's keys go on in one tail.
pub(super) const TAIL: u32 = 1 << 31;
/// The terminal slot of a final node; no walk follows byte 0.
pub(super) const END_LABEL: u8 = 0;

/// A spelling that begins where a walk started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrefixMatch {
    /// Byte offset in the text just past the spelling.
    pub end: usize,
    /// Index into the gazetteer's spellings.
    pub spelling: usize,
}

/// Every spelling of a gazetteer, ready to be walked.
pub struct NameIndex {
    bytes: Cow<'static, [u8]>,
    key_count: usize,
    unit_count: usize,
}

impl std::fmt::Debug for NameIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameIndex")
            .field("keys", &self.key_count)
            .field("units", &self.unit_count)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// Why an index could not be built or read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("gazetteer name index: {0}")]
pub struct NameIndexError(pub(super) String);

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let word = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
}

impl NameIndex {
    /// Reads an index from bytes written by `build.rs` (or [`Self::build`]),
    /// without copying them.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Self, NameIndexError> {
        Self::from_cow(Cow::Borrowed(bytes))
    }

    /// Reads an index from borrowed or owned bytes, without copying them: it
    /// checks the header against the length, nothing more.
    pub fn from_cow(bytes: Cow<'static, [u8]>) -> Result<Self, NameIndexError> {
        let refuse = |problem: &str| Err(NameIndexError(problem.to_owned()));
        if bytes.len() < HEADER_BYTES || &bytes[..4] != MAGIC {
            return refuse("not an index of this version");
        }
        let field = |i: usize| u32_at(&bytes, 4 * i).unwrap_or_default() as usize;
        let (key_count, unit_count, tail_bytes) = (field(1), field(2), field(3));
        let expected = unit_count
            .checked_mul(UNIT_BYTES)
            .and_then(|units| units.checked_add(HEADER_BYTES + tail_bytes));
        if expected != Some(bytes.len()) || unit_count == 0 {
            return refuse("its length is not what its header says");
        }
        Ok(Self {
            bytes,
            key_count,
            unit_count,
        })
    }

    /// Builds an index of `spellings` in memory (for gazetteers read at run time).
    pub fn build(spellings: &[String]) -> Result<Self, NameIndexError> {
        let spellings: Vec<&str> = spellings.iter().map(String::as_str).collect();
        Self::from_cow(Cow::Owned(super::name_index_build::build_bytes(
            &spellings,
        )?))
    }

    /// How many distinct keys the index holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.key_count
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.key_count == 0
    }

    /// Bytes of the index itself.
    #[must_use]
    pub fn size_bytes(&self) -> usize {
        self.bytes.len()
    }

    /// The units and the tails, borrowed once for a walk.
    fn trie(&self) -> Trie<'_> {
        let (units, tails) = self.bytes[HEADER_BYTES..].split_at(UNIT_BYTES * self.unit_count);
        Trie { units, tails }
    }

    /// The spelling whose key is exactly `key` (see [`index_key`]); `key`
    /// may be a spelling itself, in any case of its ASCII and Latin-1
    /// letters ("PARIS", "BOGOTÁ").
    #[must_use]
    pub fn get(&self, key: &[u8]) -> Option<usize> {
        let trie = self.trie();
        let (mut node, (mut base, mut check)) = (0, trie.unit(0)?);
        for (depth, &byte) in key.iter().enumerate() {
            let prev = depth.checked_sub(1).map_or(0, |p| key[p]);
            if base & TAIL != 0 {
                let (tail, value) = trie.tail(base & !TAIL)?;
                let rest = &key[depth..];
                return (tail.len() == rest.len() && folds_to(tail, rest, prev)).then_some(value);
            }
            let byte = fold_byte(prev, byte);
            if byte == END_LABEL {
                return None;
            }
            (node, base, check) = trie.child(node, base, byte)?;
        }
        if base & TAIL != 0 {
            let (tail, value) = trie.tail(base & !TAIL)?;
            return tail.is_empty().then_some(value);
        }
        if check & FINAL != 0 {
            return trie.final_value(base);
        }
        None
    }

    /// Every spelling that `text[start..]` begins with, ignoring the case of
    /// ASCII and Latin-1 letters, shortest first, appended to `out`.
    pub fn prefixes_at(&self, text: &str, start: usize, out: &mut Vec<PrefixMatch>) {
        let Some(rest) = text.as_bytes().get(start..) else {
            return;
        };
        let trie = self.trie();
        let Some((mut base, mut check)) = trie.unit(0) else {
            return;
        };
        let mut node = 0;
        let mut depth = 0;
        loop {
            if base & TAIL != 0 {
                if let Some((tail, value)) = trie.tail(base & !TAIL) {
                    let after = &rest[depth..];
                    let prev = depth.checked_sub(1).map_or(0, |p| rest[p]);
                    let same = after.len() >= tail.len() && folds_to(tail, after, prev);
                    if same {
                        out.push(PrefixMatch {
                            end: start + depth + tail.len(),
                            spelling: value,
                        });
                    }
                }
                return;
            }
            if check & FINAL != 0
                && depth > 0
                && let Some(value) = trie.final_value(base)
            {
                out.push(PrefixMatch {
                    end: start + depth,
                    spelling: value,
                });
            }
            let Some(&byte) = rest.get(depth) else {
                return;
            };
            let prev = depth.checked_sub(1).map_or(0, |p| rest[p]);
            let byte = fold_byte(prev, byte);
            if byte == END_LABEL {
                return;
            }
            let Some(next) = trie.child(node, base, byte) else {
                return;
            };
            (node, base, check) = next;
            depth += 1;
        }
    }
}

/// A byte of text as the index holds it: ASCII letters in lower case, and
/// so the capitals of Latin-1 ("CAÑON CITY", "BOGOTÁ" in a dateline), whose
/// UTF-8 differs from the small letter's in one bit of the second byte
/// after 0xC3 (× excepted).
#[inline]
fn fold_byte(prev: u8, byte: u8) -> u8 {
    if prev == 0xC3 && (0x80..=0x9E).contains(&byte) && byte != 0x97 {
        byte + 0x20
    } else {
        byte.to_ascii_lowercase()
    }
}

/// Whether `text` begins with `tail` once folded, `prev` being the byte
/// before `text` (0 at the start).
fn folds_to(tail: &[u8], text: &[u8], prev: u8) -> bool {
    tail.iter().enumerate().all(|(i, &t)| {
        let before = i.checked_sub(1).map_or(prev, |p| text[p]);
        text.get(i).is_some_and(|&b| t == fold_byte(before, b))
    })
}

/// The two parts of an index, as a walk reads them.
struct Trie<'a> {
    units: &'a [u8],
    tails: &'a [u8],
}

impl Trie<'_> {
    /// `[base, check]` of unit `i`; `None` past the end.
    #[inline]
    fn unit(&self, i: usize) -> Option<(u32, u32)> {
        let at = UNIT_BYTES.checked_mul(i)?;
        let u = self.units.get(at..at.checked_add(UNIT_BYTES)?)?;
        Some((
            u32::from_le_bytes([u[0], u[1], u[2], u[3]]),
            u32::from_le_bytes([u[4], u[5], u[6], u[7]]),
        ))
    }

    /// The child of unit `node` (whose base is `base`) for `byte`.
    #[inline]
    fn child(&self, node: usize, base: u32, byte: u8) -> Option<(usize, u32, u32)> {
        let child = base as usize + usize::from(byte);
        let (child_base, check) = self.unit(child)?;
        ((check & !FINAL) as usize == node + 1).then_some((child, child_base, check))
    }

    /// The value kept in the terminal slot of a final node.
    fn final_value(&self, base: u32) -> Option<usize> {
        self.unit(base as usize + usize::from(END_LABEL))
            .map(|(value, _)| value as usize)
    }

    /// The bytes and the value of the tail at `offset`.
    fn tail(&self, offset: u32) -> Option<(&[u8], usize)> {
        let at = offset as usize;
        let tails = self.tails;
        let len = usize::from(u16::from_le_bytes([*tails.get(at)?, *tails.get(at + 1)?]));
        let rest = tails.get(at + 2..at + 2 + len)?;
        Some((rest, u32_at(tails, at + 2 + len)? as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spellings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_walk_finds_every_spelling_that_begins_at_its_start_shortest_first() {
        let names = spellings(&["New York", "New York City", "York", "Newark"]);
        let index = NameIndex::build(&names).expect("builds");
        let text = "in NEW YORK City today";
        let mut found = Vec::new();
        index.prefixes_at(text, 3, &mut found);
        let spans: Vec<&str> = found.iter().map(|m| &text[3..m.end]).collect();
        assert_eq!(spans, ["NEW YORK", "NEW YORK City"]);
        assert_eq!(names[found[1].spelling], "New York City");
    }

    #[test]
    fn two_spellings_of_one_key_keep_the_first() {
        let names = spellings(&["UAE", "Uae"]);
        let index = NameIndex::build(&names).expect("builds");
        assert_eq!(index.len(), 1);
        assert_eq!(index.get(&index_key("uae")), Some(0));
        assert_eq!(index.get(b"UaE"), Some(0), "a spelling in any ASCII case");
        assert_eq!(index.get(b"UA"), None);
    }

    #[test]
    fn accented_letters_are_matched_as_written() {
        let names = spellings(&["Zürich"]);
        let index = NameIndex::build(&names).expect("builds");
        let mut found = Vec::new();
        index.prefixes_at("ZüRICH", 0, &mut found);
        assert_eq!(found.len(), 1);
        found.clear();
        index.prefixes_at("Zurich", 0, &mut found);
        assert!(found.is_empty());
    }

    #[test]
    fn a_name_in_capitals_is_found_whatever_its_latin_letters() {
        // In the trie's nodes ("CAÑON CITY" beside "Cañada") and in a tail
        // ("BOGOTÁ" alone).
        let names = spellings(&["Cañon City", "Cañada", "Bogotá"]);
        let index = NameIndex::build(&names).expect("builds");
        for text in ["CAÑON CITY", "Cañon City", "BOGOTÁ", "CAÑADA"] {
            let mut found = Vec::new();
            index.prefixes_at(text, 0, &mut found);
            assert_eq!(
                found.iter().map(|m| m.end).collect::<Vec<_>>(),
                [text.len()],
                "{text}"
            );
        }
        let mut found = Vec::new();
        index.prefixes_at("BOGOT\u{d7}", 0, &mut found);
        assert!(found.is_empty(), "× is no capital of ÷");
    }

    #[test]
    fn bytes_that_are_not_an_index_are_refused() {
        assert!(NameIndex::from_bytes(b"not an index").is_err());
        assert!(NameIndex::from_bytes(b"GBT1\x01\0\0\0\x09\0\0\0\0\0\0\0").is_err());
    }

    #[test]
    fn a_walk_finds_exactly_what_a_scan_of_every_key_finds() {
        // Keys that share prefixes, end inside each other and end where
        // they stop being shared, among others that share nothing.
        let names = spellings(&[
            "a",
            "ab",
            "abc",
            "abd",
            "b",
            "ba",
            "bab",
            "babc",
            "c",
            "ca",
            "caa",
            "St.",
            "St. Louis",
            "St. Lo",
            "Saint-Lô",
            "Ürümqi",
            "Aa",
            "aaa",
            "Washington",
            "Wash.",
            "W",
        ]);
        let index = NameIndex::build(&names).expect("builds");
        let keys: Vec<Vec<u8>> = names.iter().map(|s| index_key(s)).collect();
        let texts = [
            "abcd",
            "ABD",
            "babcx",
            "caab",
            "st. louis",
            "ST. LOx",
            "SAINT-LÔ",
            "ürümqi",
            "AAAA",
            "wash",
            "washington dc",
            "x",
            "",
        ];
        for text in texts {
            let mut found = Vec::new();
            index.prefixes_at(text, 0, &mut found);
            let ends: Vec<usize> = found.iter().map(|m| m.end).collect();
            let lowered = index_key(text);
            let mut expected: Vec<usize> = keys
                .iter()
                .filter(|k| lowered.starts_with(k))
                .map(Vec::len)
                .collect();
            expected.sort_unstable();
            expected.dedup();
            assert_eq!(ends, expected, "{text:?}");
            for m in &found {
                assert_eq!(keys[m.spelling], lowered[..m.end], "{text:?}");
            }
        }
        for (i, key) in keys.iter().enumerate() {
            let first = keys.iter().position(|k| k == key);
            assert_eq!(index.get(key), first, "{:?}", names[i]);
        }
        assert_eq!(index.get(b"ac"), None);
        assert_eq!(index.get(b"st. l"), None);
    }

    #[test]
    fn a_damaged_index_finds_less_but_never_panics() {
        let names = spellings(&["New York", "New York City", "Newark", "York", "Yorkton"]);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let good = super::super::name_index_build::build_bytes(&names).expect("builds");
        for at in HEADER_BYTES..good.len() {
            for byte in [0x00, 0x7f, 0xff] {
                let mut bad = good.clone();
                bad[at] = byte;
                let index = NameIndex::from_cow(Cow::Owned(bad)).expect("the header is intact");
                let mut found = Vec::new();
                for text in ["NEW YORK CITY", "Yorkton", "newarkk", "\0\u{ff}"] {
                    index.prefixes_at(text, 0, &mut found);
                    let _ = index.get(text.as_bytes());
                }
                assert!(found.iter().all(|m| m.end <= "NEW YORK CITY".len()));
            }
        }
    }

    #[test]
    fn an_empty_index_finds_nothing_and_a_nul_byte_ends_a_walk() {
        let index = NameIndex::build(&[]).expect("builds");
        let mut found = Vec::new();
        index.prefixes_at("Paris", 0, &mut found);
        assert!(found.is_empty() && index.is_empty());
        let index = NameIndex::build(&spellings(&["ab", "abc"])).expect("builds");
        index.prefixes_at("ab\0c", 0, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(index.get(b"ab\0"), None);
    }
}
