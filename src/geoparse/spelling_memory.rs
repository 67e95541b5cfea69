//! What recognition worked out about a spelling, remembered.
//!
//! Recognition asks the same few things of every spelling it meets (is its
//! name notable, where are its capitals), and the answers sit in gazetteer
//! records and strings that the caches seldom hold: each is a trip to
//! memory. The same spellings come back article after article, so a thread
//! keeps each answer in a [`SpellingMemory`], for one gazetteer at a time:
//! every answer about a spelling in one entry ([`SpellingFacts`]), so that
//! they are one trip to memory too, and what its name's places are worked
//! out together ([`NameFacts`]) and asked for together.

use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;

use crate::gazetteer::Gazetteer;

/// Spellings a memory keeps before it starts again, so that a long run's
/// memory stays bounded.
const SPELLINGS_KEPT: usize = 1 << 14;

/// Answers about the spellings of one gazetteer (by its number).
pub struct SpellingMemory<T> {
    number: u64,
    known: HashMap<usize, T>,
}

impl<T> Default for SpellingMemory<T> {
    fn default() -> Self {
        Self {
            number: u64::MAX,
            known: HashMap::default(),
        }
    }
}

impl<T: Default> SpellingMemory<T> {
    /// The answers kept for `spelling` of `gaz` (none yet, the first time).
    pub fn answers(&mut self, gaz: &Gazetteer, spelling: usize) -> &mut T {
        if self.number != gaz.number() || self.known.len() >= SPELLINGS_KEPT {
            self.known.clear();
            self.number = gaz.number();
        }
        self.known.entry(spelling).or_default()
    }
}

/// What recognition asks of a spelling, each answer worked out the first
/// time it is asked. Kept in one entry: in a memory of their own each, the
/// answers about one spelling were as many trips to memory.
#[derive(Clone, Copy, Debug, Default)]
pub struct SpellingFacts {
    /// Where the spelling has capitals ([`capitals_of`]).
    pub capitals: Option<Option<u64>>,
    /// What its name's places are.
    pub name: Option<NameFacts>,
}

/// What the places a name can mean are, as the rules of recognition ask
/// it of every name they judge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameFacts {
    /// It can mean a big city, an area or a curated place.
    pub notable: bool,
    /// It can mean an area.
    pub any_area: bool,
    /// It can mean a well-known place.
    pub well_known: bool,
}

thread_local! {
    /// One memory per thread, so that workers share no lock.
    static FACTS: RefCell<SpellingMemory<SpellingFacts>> = RefCell::new(SpellingMemory::default());
}

/// The answer for `spelling` of `gaz` that `fact` picks out of this
/// thread's memory, worked out by `work_out` the first time (and every
/// time, should `work_out` itself ask the memory).
pub fn remembered<T: Copy>(
    gaz: &Gazetteer,
    spelling: usize,
    fact: fn(&mut SpellingFacts) -> &mut Option<T>,
    work_out: impl FnOnce() -> T,
) -> T {
    FACTS.with(|cell| {
        let Ok(mut memory) = cell.try_borrow_mut() else {
            return work_out();
        };
        let answer = fact(memory.answers(gaz, spelling));
        *answer.get_or_insert_with(work_out)
    })
}

/// Where a spelling has capitals: bit `i` set when its `i`th character is
/// upper case; `None` for a spelling longer than 64 characters.
pub fn capitals_of(spelling: &str) -> Option<u64> {
    let mut capitals = 0;
    for (i, c) in spelling.chars().enumerate() {
        if c.is_uppercase() {
            capitals |= 1u64.checked_shl(u32::try_from(i).ok()?)?;
        }
    }
    (spelling.chars().count() <= 64).then_some(capitals)
}

/// Whether `found` starts with a capital and is upper case wherever the
/// spelling of [`capitals_of`] is (over the characters both have).
pub fn has_capitals(found: &str, capitals: u64) -> bool {
    let mut chars = found.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    // The first character is a capital: only the rest need checking.
    let mut rest = capitals >> 1;
    for c in chars {
        if rest == 0 {
            return true;
        }
        if rest & 1 != 0 && !c.is_uppercase() {
            return false;
        }
        rest >>= 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check with the spelling at hand, as recognition made it.
    fn has_capitals_of(found: &str, spelling: &str) -> bool {
        found.chars().next().is_some_and(char::is_uppercase)
            && found
                .chars()
                .zip(spelling.chars())
                .all(|(f, s)| !s.is_uppercase() || f.is_uppercase())
    }

    #[test]
    fn capitals_remembered_say_what_the_spelling_says() {
        let words = [
            "McAllen",
            "Mcallen",
            "MCALLEN",
            "mcallen",
            "DeKalb",
            "Dekalb",
            "São Paulo",
            "SÃO PAULO",
            "são paulo",
            "Île-de-France",
            "ÎLE-DE-FRANCE",
            "île",
            "N.L.",
            "N.l.",
            "St. John's",
            "ST. JOHN'S",
            "Washington",
            "WASHINGTON",
            "",
            "A",
            "a",
            "Ωmega",
            "ωmega",
            "Rio de Janeiro",
            "Rio De Janeiro",
        ];
        for found in words {
            for spelling in words {
                let capitals = capitals_of(spelling).expect("a short spelling");
                assert_eq!(
                    has_capitals(found, capitals),
                    has_capitals_of(found, spelling),
                    "{found:?} as {spelling:?}"
                );
            }
        }
    }

    #[test]
    fn a_spelling_past_64_characters_is_not_summed_up() {
        assert!(capitals_of(&"a".repeat(64)).is_some());
        assert_eq!(capitals_of(&"a".repeat(65)), None);
        assert_eq!(capitals_of(&format!("{}B", "a".repeat(70))), None);
    }

    #[test]
    fn a_memory_answers_for_one_gazetteer_at_a_time() {
        let one = Gazetteer::default();
        let other = Gazetteer::default();
        let mut memory = SpellingMemory::<Option<i32>>::default();
        assert_eq!(*memory.answers(&one, 3).get_or_insert(1), 1);
        assert_eq!(*memory.answers(&one, 3).get_or_insert(2), 1);
        assert_eq!(*memory.answers(&other, 3).get_or_insert(2), 2);
    }
}
