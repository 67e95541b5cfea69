//! The detector's word lists, as data: one file per list in `lexicon/`, each
//! opening with a header that says what the list is (`# ...`), where it came
//! from (`# source: ...`) and how a word is compared (`# match: any case` for
//! lowercase lists compared without regard to ASCII case, `# match: exact`),
//! then one entry a line, sorted. They are read into the binary with
//! `include_str!` and indexed once, at first use; a test checks each header,
//! order and case. No list bans a real town from every article: a name that is
//! usually no place needs evidence to be one, and that is a rule's work.

use std::sync::LazyLock;

/// One word list, indexed by first byte so that a look-up compares only the
/// few entries of the word's first letter.
pub struct Lexicon {
    pub name: &'static str,
    /// What the list is, from its header.
    pub about: &'static str,
    /// Where it came from, from its header.
    pub source: &'static str,
    /// Compared without regard to ASCII case (the entries are lowercase).
    pub any_case: bool,
    pub words: Vec<&'static str>,
    /// The words again, ordered by [`slot_of`], and each slot's range there.
    by_slot: Vec<&'static str>,
    slots: Box<[(u32, u32); SLOTS]>,
    /// A bit for each slot that holds a word: one cache line, read before
    /// the slot itself, which most words asked do not need.
    occupied: [u64; SLOTS / 64],
    /// A bit for each length in bytes (under 64) that some word has: most
    /// words asked are of no listed length and are answered without a look.
    lengths: u64,
}

impl Lexicon {
    /// Reads a list in the format above; a malformed header panics, which
    /// the tests catch (the files are the binary's own, never user data).
    fn parse(name: &'static str, text: &'static str) -> Self {
        let mut about = "";
        let mut source = "";
        let mut any_case = None;
        let mut words = Vec::new();
        for line in text.lines() {
            if let Some(header) = line.strip_prefix("# ") {
                if let Some(s) = header.strip_prefix("source: ") {
                    source = s;
                } else if let Some(m) = header.strip_prefix("match: ") {
                    any_case = Some(m == "any case");
                } else if about.is_empty() {
                    about = header;
                }
            } else if !line.is_empty() {
                words.push(line);
            }
        }
        let any_case = any_case.unwrap_or_else(|| panic!("lexicon {name}: no `# match:` line"));
        let mut by_slot = words.clone();
        by_slot.sort_by_key(|w| slot_of(w.as_bytes()));
        let mut slots = Box::new([(0u32, 0u32); SLOTS]);
        for (i, word) in by_slot.iter().enumerate() {
            let entry = &mut slots[slot_of(word.as_bytes())];
            if entry.1 == 0 {
                entry.0 = i as u32;
            }
            entry.1 = i as u32 + 1;
        }
        let mut occupied = [0u64; SLOTS / 64];
        for word in &words {
            let slot = slot_of(word.as_bytes());
            occupied[slot / 64] |= 1 << (slot % 64);
        }
        let lengths = words.iter().fold(0u64, |mask, w| {
            mask | 1u64.checked_shl(w.len() as u32).unwrap_or(0)
        });
        Self {
            name,
            about,
            source,
            any_case,
            words,
            by_slot,
            slots,
            occupied,
            lengths,
        }
    }

    /// Whether `word` is on the list. Allocates nothing: this runs for every
    /// candidate name of every article.
    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let len = bytes.len();
        // No word is empty, so an empty one fails here before it is indexed.
        if len >= 64 || (self.lengths >> len) & 1 == 0 {
            return false;
        }
        let slot = slot_of(bytes);
        if (self.occupied[slot / 64] >> (slot % 64)) & 1 == 0 {
            return false;
        }
        self.slot_holds(slot, bytes)
    }

    /// Whether the words of `slot` hold `bytes`: kept out of line so that
    /// [`Self::contains`], whose bit tests answer most words, inlines into
    /// its many callers without the comparisons.
    #[inline(never)]
    fn slot_holds(&self, slot: usize, bytes: &[u8]) -> bool {
        let len = bytes.len();
        let (start, end) = self.slots[slot];
        let candidates = &self.by_slot[start as usize..end as usize];
        if self.any_case {
            candidates
                .iter()
                .any(|probe| probe.len() == len && probe.as_bytes().eq_ignore_ascii_case(bytes))
        } else {
            candidates.iter().any(|probe| probe.as_bytes() == bytes)
        }
    }
}

/// Slots of a list: by the first, second and last letters, either case
/// alike (their low five bits), and the length, mixed into 1024 slots; most
/// words asked have none on the list in their slot, and the rest one, at
/// most three (a slot of the first letter and the length alone held up to
/// seven given names, each compared in turn).
const SLOTS: usize = 1024;

#[inline]
fn slot_of(bytes: &[u8]) -> usize {
    let letter = |i: Option<usize>| u32::from(i.and_then(|i| bytes.get(i)).map_or(0, |b| b & 31));
    let letters =
        (letter(Some(0)) << 10) | (letter(Some(1)) << 5) | letter(bytes.len().checked_sub(1));
    let mixed = letters
        .wrapping_mul(0x9E37_79B1)
        .wrapping_add((bytes.len() as u32).wrapping_mul(0x85EB_CA77));
    (mixed >> 22) as usize
}

macro_rules! lexicons {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub static $name: LazyLock<Lexicon> =
                LazyLock::new(|| Lexicon::parse($file, include_str!(concat!("lexicon/", $file, ".txt"))));
        )*
        /// Every list, for the tests and `--explain`.
        pub fn all() -> Vec<&'static Lexicon> {
            vec![$(&*$name),*]
        }
    };
}

lexicons! {
    ARABIC_ARTICLES = "arabic_articles";
    CALENDAR = "calendar";
    COMPASS_WORDS = "compass_words";
    COUNTY_WORDS = "county_words";
    DIVISION_WORDS = "division_words";
    ENGLISH_SPEAKING = "english_speaking";
    ERA_ABBREVIATIONS = "era_abbreviations";
    FEATURE_OPENERS = "feature_openers";
    FEATURE_PREFIXES = "feature_prefixes";
    FUNCTION_WORDS = "function_words";
    GENERIC_COUNTRY_DOMAINS = "generic_country_domains";
    GIVEN_NAMES = "given_names";
    INSTITUTION_WORDS = "institution_words";
    LANGUAGE_VERBS = "language_verbs";
    LANGUAGE_WORDS = "language_words";
    LOCAL_CUE_WORDS = "local_cue_words";
    LOCAL_OFFICE_WORDS = "local_office_words";
    LOCATIVES = "locatives";
    NOT_PLACES = "not_places";
    PERSON_VERBS = "person_verbs";
    PLACE_HEADS = "place_heads";
    PLACE_WORDS_OF_A_NAME = "place_words_of_a_name";
    RESIDENCE_WORDS = "residence_words";
    SEATS_OF_POWER = "seats_of_power";
    SPEECH_VERBS = "speech_verbs";
    STREAM_WORDS = "stream_words";
    STREET_WORDS = "street_words";
    TITLES = "titles";
    TOWN_WORDS = "town_words";
}

/// The lexicon of a name (its file's stem), for `--explain` and the tests.
pub fn by_name(name: &str) -> Option<&'static Lexicon> {
    all().into_iter().find(|l| l.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_by_its_letters_whatever_shares_its_slot() {
        let text = "# Test words.\n# source: this test\n# match: any case\nAbbey\nabbeys-of-the-vale\nabe\nax\n";
        let list = Lexicon::parse("test", text);
        assert!(list.contains("ABBEY") && list.contains("abbey") && list.contains("Abe"));
        // 18 letters share the slot of 2 ("ax"): a slot is not the word.
        assert!(list.contains("Abbeys-of-the-Vale"));
        assert!(!list.contains("Ab") && !list.contains("Abbot") && !list.contains(""));
        let exact = Lexicon::parse(
            "exact",
            "# Test.\n# source: this test\n# match: exact\nMay\n",
        );
        assert!(exact.contains("May") && !exact.contains("may") && !exact.contains("MAY"));
    }

    #[test]
    fn every_lexicon_says_what_it_is_and_where_it_came_from_and_is_sorted() {
        let files: Vec<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/geoparse/lexicon"))
                .expect("the lexicon folder")
                .filter_map(|e| e.ok())
                .map(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .trim_end_matches(".txt")
                        .to_owned()
                })
                .collect();
        assert_eq!(
            files.len(),
            all().len(),
            "a file is not declared: {files:?}"
        );
        for lexicon in all() {
            let name = lexicon.name;
            assert!(files.iter().any(|f| f == name), "{name}");
            assert!(!lexicon.about.is_empty(), "{name}: no description");
            assert!(!lexicon.source.is_empty(), "{name}: no source");
            assert!(!lexicon.words.is_empty(), "{name}: empty");
            assert!(
                lexicon.words.windows(2).all(|w| w[0] < w[1]),
                "{name}: not sorted or not unique"
            );
            for word in &lexicon.words {
                assert_eq!(word.trim(), *word, "{name}: spaces around {word:?}");
                assert!(lexicon.contains(word), "{name}: {word}");
                if lexicon.any_case {
                    assert_eq!(
                        *word,
                        word.to_lowercase(),
                        "{name}: {word} is not lowercase"
                    );
                    assert!(lexicon.contains(&word.to_uppercase()), "{name}: {word}");
                }
                assert!(!lexicon.contains(&format!("{word}x")), "{name}: {word}");
            }
        }
    }

    #[test]
    fn an_exact_list_minds_case_and_an_any_case_list_does_not() {
        assert!(CALENDAR.contains("MARCH") && CALENDAR.contains("March"));
        assert!(PLACE_HEADS.contains("Street") && !PLACE_HEADS.contains("street"));
        assert!(!PLACE_HEADS.contains("Streets") && !PLACE_HEADS.contains(""));
    }
}
