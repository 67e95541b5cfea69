//! The name index: every spelling of the gazetteer in an `fst` map, walked from a
//! word start to find the spellings that begin there.
//!
//! Keys are spellings with ASCII letters lowercased (other bytes as written), so a
//! walk that lowercases the text's ASCII letters as it goes matches "PARIS",
//! "Paris" and "paris" alike; the value is the index of the first spelling with
//! that key in [`super::Gazetteer::spellings`], whose capitals the caller checks.
//! The map is written by `encode.rs`, for the embedded gazetteer by `build.rs`
//! when geobrief is compiled, and read straight from the binary's bytes: loading
//! it builds nothing.
//! A walk costs one transition per byte of the longest spelling found, whatever
//! the size of the gazetteer.

use std::borrow::Cow;

use fst::raw::Fst;

/// The key of a spelling in the index: its ASCII letters lowercased. `build.rs`
/// keeps its own copy of this rule; a test checks the two agree.
#[must_use]
pub fn index_key(spelling: &str) -> Vec<u8> {
    spelling.bytes().map(|b| b.to_ascii_lowercase()).collect()
}

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
    fst: Fst<Cow<'static, [u8]>>,
}

impl std::fmt::Debug for NameIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameIndex")
            .field("keys", &self.fst.len())
            .field("bytes", &self.fst.as_bytes().len())
            .finish()
    }
}

/// Why an index could not be built or read.
#[derive(Debug, thiserror::Error)]
#[error("gazetteer name index: {0}")]
pub struct NameIndexError(#[from] fst::Error);

impl NameIndex {
    /// Reads an index from bytes written by `build.rs` (or [`Self::build`]),
    /// without copying them.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Self, NameIndexError> {
        Self::from_cow(Cow::Borrowed(bytes))
    }

    /// Reads an index from borrowed or owned bytes, without copying them.
    pub fn from_cow(bytes: Cow<'static, [u8]>) -> Result<Self, NameIndexError> {
        Ok(Self {
            fst: Fst::new(bytes)?,
        })
    }

    /// Builds an index of `spellings` in memory (for gazetteers read at run time).
    pub fn build(spellings: &[String]) -> Result<Self, NameIndexError> {
        let mut keyed: Vec<(Vec<u8>, u64)> = spellings
            .iter()
            .enumerate()
            .map(|(i, s)| (index_key(s), i as u64))
            .collect();
        // Sorted by key, and for one key the first spelling first: it is kept.
        keyed.sort();
        keyed.dedup_by(|later, first| later.0 == first.0);
        let mut builder = fst::MapBuilder::memory();
        for (key, value) in keyed {
            builder.insert(key, value)?;
        }
        Ok(Self {
            fst: Fst::new(Cow::Owned(builder.into_inner()?))?,
        })
    }

    /// How many distinct keys the index holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.fst.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.fst.is_empty()
    }

    /// Bytes of the index itself.
    #[must_use]
    pub fn size_bytes(&self) -> usize {
        self.fst.as_bytes().len()
    }

    /// The spelling whose key is exactly `key` (see [`index_key`]).
    #[must_use]
    pub fn get(&self, key: &[u8]) -> Option<usize> {
        self.fst.get(key).map(|o| o.value() as usize)
    }

    /// Every spelling that `text[start..]` begins with, ignoring ASCII case,
    /// shortest first, appended to `out`.
    pub fn prefixes_at(&self, text: &str, start: usize, out: &mut Vec<PrefixMatch>) {
        let fst = &self.fst;
        let mut node = fst.root();
        let mut output = fst::raw::Output::zero();
        for (offset, byte) in text.as_bytes()[start..].iter().enumerate() {
            let Some(i) = node.find_input(byte.to_ascii_lowercase()) else {
                return;
            };
            let transition = node.transition(i);
            output = output.cat(transition.out);
            node = fst.node(transition.addr);
            if node.is_final() {
                out.push(PrefixMatch {
                    end: start + offset + 1,
                    spelling: output.cat(node.final_output()).value() as usize,
                });
            }
        }
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
    fn bytes_that_are_not_an_index_are_refused() {
        assert!(NameIndex::from_bytes(b"not an fst").is_err());
    }
}
