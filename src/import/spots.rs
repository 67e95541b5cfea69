//! Words of the article an import looks at: those linked already (by
//! paragraph, so the links overlapping a span are found without a scan),
//! and the spots where place names occur, the longest name winning.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::brief::{Brief, PlaceId};
use crate::editing::Span;
use crate::personal::whole_word;

/// Whether words are linked already, and to what.
pub(super) enum Linked<'a, T> {
    No,
    /// To the place they would be linked to (or inside words that are).
    ToThisPlace,
    ToAnother(&'a T),
}

/// Linked words by paragraph, sorted by start, with the furthest end so
/// far, so the links overlapping a span are found without a scan.
#[derive(Default)]
pub(super) struct LinkedWords<T = PlaceId> {
    by_paragraph: HashMap<usize, Vec<(Range<usize>, T, usize)>>,
}

impl LinkedWords<PlaceId> {
    pub(super) fn of_brief(brief: &Brief) -> Self {
        let mut this = Self::default();
        for m in brief.mentions() {
            this.add(m.paragraph, m.bytes, m.place);
        }
        this.sort();
        this
    }
}

impl<T: PartialEq> LinkedWords<T> {
    pub(super) fn add(&mut self, paragraph: usize, bytes: Range<usize>, owner: T) {
        self.by_paragraph
            .entry(paragraph)
            .or_default()
            .push((bytes, owner, 0));
    }

    /// Sorts each paragraph's words and notes the furthest end so far.
    pub(super) fn sort(&mut self) {
        for list in self.by_paragraph.values_mut() {
            list.sort_by_key(|(r, _, _)| (r.start, r.end));
            let mut furthest = 0;
            for (r, _, reach) in list.iter_mut() {
                furthest = furthest.max(r.end);
                *reach = furthest;
            }
        }
    }

    /// What words overlapping `bytes` of paragraph `p` are linked to, as
    /// seen by a place that is `this` (the brief's own, when merged).
    pub(super) fn at(&self, p: usize, bytes: &Range<usize>, this: Option<&T>) -> Linked<'_, T> {
        let Some(list) = self.by_paragraph.get(&p) else {
            return Linked::No;
        };
        let mut other = None;
        let end = list.partition_point(|(r, _, _)| r.start < bytes.end);
        for (r, owner, _) in list[..end]
            .iter()
            .rev()
            .take_while(|(_, _, reach)| *reach > bytes.start)
        {
            if r.end <= bytes.start {
                continue;
            }
            if Some(owner) == this {
                return Linked::ToThisPlace;
            }
            other.get_or_insert(owner);
        }
        other.map_or(Linked::No, Linked::ToAnother)
    }
}

/// Whole-word occurrences of many names in one pass over the article,
/// each kept only where no longer name found covers it.
pub(super) struct NameSpots {
    by_name: HashMap<String, Vec<Span>>,
}

impl NameSpots {
    /// The spots of the names `looked_for`; a spot inside a longer one of
    /// them or of `others` (the other imported names and the brief's own)
    /// is nobody's.
    pub(super) fn find<'a>(
        brief: &Brief,
        looked_for: &HashSet<&'a str>,
        others: impl Iterator<Item = &'a str>,
    ) -> Self {
        let mut patterns: Vec<&str> = looked_for
            .iter()
            .copied()
            .chain(others)
            .filter(|n| !n.is_empty())
            .collect();
        patterns.sort_unstable();
        patterns.dedup();
        let kept: Vec<bool> = patterns.iter().map(|n| looked_for.contains(n)).collect();
        let mut by_name: HashMap<String, Vec<Span>> = HashMap::new();
        let Ok(finder) = aho_corasick::AhoCorasick::new(&patterns) else {
            return Self { by_name };
        };
        let mut spots: Vec<(Range<usize>, usize)> = Vec::new();
        for (p, text) in brief.paragraphs().iter().enumerate() {
            spots.clear();
            spots.extend(
                finder
                    .find_overlapping_iter(text)
                    .filter(|m| whole_word(text, m.start(), m.end()))
                    .map(|m| (m.range(), m.pattern().as_usize())),
            );
            // Longest first at each start; a spot is covered when one that
            // starts before it (or with it, longer) reaches as far.
            spots.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
            let mut reach = 0;
            for (r, pattern) in &spots {
                if r.end > reach && kept[*pattern] {
                    by_name
                        .entry(patterns[*pattern].to_string())
                        .or_default()
                        .push((p, r.clone()));
                }
                reach = reach.max(r.end);
            }
        }
        Self { by_name }
    }

    pub(super) fn of(&self, name: &str) -> &[Span] {
        self.by_name.get(name).map_or(&[], Vec::as_slice)
    }
}
