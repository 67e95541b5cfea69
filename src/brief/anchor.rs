//! Anchoring W3C text-quote selectors to the text they quote.
//!
//! A link stores the quoted words (`exact`), a little context on each side
//! (`prefix`, `suffix`) and the position it had when it was made. When the text
//! has not changed the position is enough; when it has, the quote is looked for
//! again and the occurrence whose context matches best, nearest the old
//! position, wins. That is how a link survives small edits, and a link whose
//! words are gone is reported rather than dropped.

use std::ops::Range;

/// How well a selector matched the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorQuality {
    /// The stored position still holds the quoted words.
    Exact,
    /// The words were found elsewhere: the text changed around them.
    Moved,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub paragraph: usize,
    pub bytes: Range<usize>,
    pub quality: AnchorQuality,
}

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 24;

/// The selectors that pin down the words `bytes` of a paragraph: the quote
/// with some context on each side, and its position in code points. `None`
/// if the range is empty or not on character boundaries. For many spans of
/// one paragraph use [`SpanSelectors`], which counts each code point once.
pub fn selectors_for_span(text: &str, bytes: Range<usize>) -> Option<Vec<super::Selector>> {
    SpanSelectors::new(text).selectors(bytes)
}

/// Selectors for many spans of one paragraph, in text order: the code
/// points before each span are counted from the end of the last one, not
/// from the paragraph's start, so a paragraph of n characters and m spans
/// costs O(n + m) rather than O(n m). A span before the last one counts
/// from the start again (correct, only slower).
pub struct SpanSelectors<'a> {
    text: &'a str,
    /// A byte of `text` on a character boundary, and the code points before it.
    byte: usize,
    chars: usize,
}

impl<'a> SpanSelectors<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The code points before byte `at` (a character boundary).
    pub fn chars_before(&mut self, at: usize) -> Option<usize> {
        if at < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text.get(self.byte..at)?.chars().count();
        self.byte = at;
        Some(self.chars)
    }

    pub fn selectors(&mut self, bytes: Range<usize>) -> Option<Vec<super::Selector>> {
        let text = self.text;
        let exact = text.get(bytes.clone()).filter(|e| !e.is_empty())?;
        let before = text.get(..bytes.start)?;
        let after = text.get(bytes.end..)?;
        let prefix: String = {
            let mut chars: Vec<char> = before.chars().rev().take(CONTEXT_CHARS).collect();
            chars.reverse();
            chars.into_iter().collect()
        };
        let suffix: String = after.chars().take(CONTEXT_CHARS).collect();
        let start = self.chars_before(bytes.start)?;
        Some(vec![
            super::Selector::TextQuoteSelector {
                exact: exact.to_string(),
                prefix,
                suffix,
            },
            super::Selector::TextPositionSelector {
                start,
                end: start + exact.chars().count(),
            },
        ])
    }
}

/// The byte offset of code point `index` in `text`, or `None` past its end.
pub fn byte_from_char(text: &str, index: usize) -> Option<usize> {
    if index == 0 {
        return Some(0);
    }
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .nth(index)
}

/// Finds the quote in `paragraphs`, preferring `hint_paragraph` and the code
/// point range `hint_chars` when given. Returns `None` if the words are gone.
pub fn anchor_quote(
    paragraphs: &[String],
    hint_paragraph: usize,
    exact: &str,
    prefix: &str,
    suffix: &str,
    hint_chars: Option<Range<usize>>,
) -> Option<Anchor> {
    let mut index = ParagraphIndex::new(paragraphs);
    let mut budget = SearchBudget::default();
    anchor_quote_indexed(
        &mut index,
        &mut budget,
        &Quote {
            exact,
            prefix,
            suffix,
        },
        hint_paragraph,
        hint_chars,
    )
}

/// The words a link quotes, with their context.
#[derive(Clone, Copy, Debug)]
pub struct Quote<'a> {
    pub exact: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
}

/// Bytes of text searched again for quotes that moved, at most, in one
/// load. A quote at its stored position costs nothing; each one that moved
/// searches its paragraph, and one whose words are gone the whole article.
/// The budget keeps a brief of many stale links from making loading
/// quadratic; links past it are kept, reported, and not shown.
pub const SEARCH_BUDGET_BYTES: usize = 256 * 1024 * 1024;

#[derive(Clone, Copy, Debug)]
pub struct SearchBudget {
    pub bytes_left: usize,
}

impl Default for SearchBudget {
    fn default() -> Self {
        Self {
            bytes_left: SEARCH_BUDGET_BYTES,
        }
    }
}

impl SearchBudget {
    pub fn is_spent(&self) -> bool {
        self.bytes_left == 0
    }

    /// Takes `bytes` from the budget; false (and nothing taken) if it has
    /// not that many left.
    fn take(&mut self, bytes: usize) -> bool {
        match self.bytes_left.checked_sub(bytes) {
            Some(left) => {
                self.bytes_left = left;
                true
            }
            None => {
                self.bytes_left = 0;
                false
            }
        }
    }
}

/// [`anchor_quote`] over paragraphs whose character offsets are indexed
/// once, within a search budget shared by every link of a load.
pub fn anchor_quote_indexed(
    index: &mut ParagraphIndex<'_>,
    budget: &mut SearchBudget,
    quote: &Quote<'_>,
    hint_paragraph: usize,
    hint_chars: Option<Range<usize>>,
) -> Option<Anchor> {
    let Quote {
        exact,
        prefix,
        suffix,
    } = *quote;
    if exact.is_empty() {
        return None;
    }
    let paragraphs = index.paragraphs;
    let hinted = paragraphs.get(hint_paragraph);
    // A quote without a position, found in its own paragraph, never moved.
    let in_own_paragraph = if hint_chars.is_some() {
        AnchorQuality::Moved
    } else {
        AnchorQuality::Exact
    };
    let mut hint_byte = 0;
    if let (Some(text), Some(chars)) = (hinted, hint_chars) {
        let offsets = index.get(hint_paragraph);
        let start = offsets.byte_from_char(text, chars.start);
        let end = offsets.byte_from_char(text, chars.end);
        if let (Some(start), Some(end)) = (start, end)
            && text.get(start..end) == Some(exact)
        {
            return Some(Anchor {
                paragraph: hint_paragraph,
                bytes: start..end,
                quality: AnchorQuality::Exact,
            });
        }
        hint_byte = offsets
            .byte_from_char(text, chars.start.min(offsets.char_count()))
            .unwrap_or(0);
    }
    if let Some(text) = hinted
        && budget.take(text.len())
        && let Some(bytes) = best_occurrence(text, exact, prefix, suffix, hint_byte)
    {
        return Some(Anchor {
            paragraph: hint_paragraph,
            bytes,
            quality: in_own_paragraph,
        });
    }
    paragraphs.iter().enumerate().find_map(|(i, text)| {
        if !budget.take(text.len()) {
            return None;
        }
        best_occurrence(text, exact, prefix, suffix, 0).map(|bytes| Anchor {
            paragraph: i,
            bytes,
            quality: AnchorQuality::Moved,
        })
    })
}

/// Code points between checkpoints of a [`CharIndex`].
const CHECKPOINT_CHARS: usize = 64;

/// A paragraph's code point offsets, so a position selector is checked in
/// constant time rather than by counting from the start every time.
#[derive(Clone, Debug)]
pub struct CharIndex {
    char_count: usize,
    /// The byte offset of every `CHECKPOINT_CHARS`-th code point; empty when
    /// the text is ASCII (bytes and code points are then the same).
    checkpoints: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                char_count: text.len(),
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT_CHARS + 1);
        let mut char_count = 0;
        for (k, (byte, _)) in text.char_indices().enumerate() {
            if k % CHECKPOINT_CHARS == 0 {
                checkpoints.push(byte);
            }
            char_count = k + 1;
        }
        Self {
            char_count,
            checkpoints,
        }
    }

    pub fn char_count(&self) -> usize {
        self.char_count
    }

    /// The byte offset of code point `index` in `text` (the text this index
    /// was made of), or `None` past its end.
    pub fn byte_from_char(&self, text: &str, index: usize) -> Option<usize> {
        if index > self.char_count {
            return None;
        }
        if self.checkpoints.is_empty() {
            return Some(index);
        }
        let from = self.checkpoints.get(index / CHECKPOINT_CHARS).copied();
        match from {
            Some(from) => {
                byte_from_char(text.get(from..)?, index % CHECKPOINT_CHARS).map(|b| from + b)
            }
            None => Some(text.len()),
        }
    }
}

/// Each paragraph's [`CharIndex`], made the first time it is asked for.
pub struct ParagraphIndex<'a> {
    paragraphs: &'a [String],
    // A map, not a vector: making one costs nothing, however long the text
    // (an edit that adds one link makes one).
    indexes: std::collections::HashMap<usize, CharIndex>,
}

impl<'a> ParagraphIndex<'a> {
    pub fn new(paragraphs: &'a [String]) -> Self {
        Self {
            paragraphs,
            indexes: std::collections::HashMap::new(),
        }
    }

    pub fn paragraphs(&self) -> &'a [String] {
        self.paragraphs
    }

    /// The index of paragraph `p`, which must exist.
    pub fn get(&mut self, p: usize) -> &CharIndex {
        let text = &self.paragraphs[p];
        self.indexes
            .entry(p)
            .or_insert_with(|| CharIndex::new(text))
    }
}

/// The occurrence of `exact` in `text` whose surroundings match `prefix` and
/// `suffix` best; ties go to the one nearest `hint_byte`.
fn best_occurrence(
    text: &str,
    exact: &str,
    prefix: &str,
    suffix: &str,
    hint_byte: usize,
) -> Option<Range<usize>> {
    text.match_indices(exact)
        .map(|(start, _)| {
            let end = start + exact.len();
            let context = common_suffix_chars(&text[..start], prefix)
                + common_prefix_chars(&text[end..], suffix);
            (start..end, context, start.abs_diff(hint_byte))
        })
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(range, _, _)| range)
}

fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn a_quote_at_its_stored_position_anchors_exactly() {
        let p = paras(&["The base in Tartus is old."]);
        let a = anchor_quote(&p, 0, "Tartus", "base in ", " is", Some(12..18));
        assert_eq!(
            a,
            Some(Anchor {
                paragraph: 0,
                bytes: 12..18,
                quality: AnchorQuality::Exact
            })
        );
    }

    #[test]
    fn a_quote_survives_an_edit_before_it() {
        let p = paras(&["The old naval base in Tartus is old."]);
        let a = anchor_quote(&p, 0, "Tartus", "base in ", " is", Some(12..18)).unwrap();
        assert_eq!(&p[0][a.bytes.clone()], "Tartus");
        assert_eq!(a.quality, AnchorQuality::Moved);
    }

    #[test]
    fn the_occurrence_with_matching_context_wins_over_the_nearer_one() {
        let p = paras(&["Moscow said this. Later, talks in Moscow began."]);
        let a = anchor_quote(&p, 0, "Moscow", "talks in ", " began", Some(3..9)).unwrap();
        assert_eq!(a.bytes, 34..40);
    }

    #[test]
    fn a_quote_without_a_position_found_in_its_paragraph_has_not_moved() {
        let p = paras(&["Nothing here.", "Talks in Moscow."]);
        let a = anchor_quote(&p, 1, "Moscow", "in ", ".", None).unwrap();
        assert_eq!((a.paragraph, a.quality), (1, AnchorQuality::Exact));
        let a = anchor_quote(&p, 0, "Moscow", "in ", ".", None).unwrap();
        assert_eq!((a.paragraph, a.quality), (1, AnchorQuality::Moved));
    }

    #[test]
    fn a_quote_moved_to_another_paragraph_is_found_there() {
        let p = paras(&["Nothing here.", "Talks in Moscow."]);
        let a = anchor_quote(&p, 0, "Moscow", "in ", ".", Some(3..9)).unwrap();
        assert_eq!(a.paragraph, 1);
    }

    #[test]
    fn a_quote_whose_words_are_gone_does_not_anchor() {
        let p = paras(&["Talks in Kyiv."]);
        assert_eq!(anchor_quote(&p, 0, "Moscow", "", "", Some(9..15)), None);
    }

    #[test]
    fn the_char_index_agrees_with_counting_from_the_start() {
        let text = "Syria’s coast near Latakia, and Ḥmeimim’s runway: ".repeat(9);
        let index = CharIndex::new(&text);
        assert_eq!(index.char_count(), text.chars().count());
        for k in 0..=index.char_count() + 2 {
            assert_eq!(
                index.byte_from_char(&text, k),
                byte_from_char(&text, k),
                "{k}"
            );
        }
        let ascii = CharIndex::new("Tartus");
        assert_eq!(ascii.byte_from_char("Tartus", 6), Some(6));
        assert_eq!(ascii.byte_from_char("Tartus", 7), None);
    }

    #[test]
    fn a_spent_search_budget_leaves_a_moved_quote_unanchored() {
        let p = paras(&["The old naval base in Tartus is old."]);
        let mut index = ParagraphIndex::new(&p);
        let quote = Quote {
            exact: "Tartus",
            prefix: "base in ",
            suffix: " is",
        };
        let mut budget = SearchBudget { bytes_left: 10 };
        assert_eq!(
            anchor_quote_indexed(&mut index, &mut budget, &quote, 0, Some(12..18)),
            None
        );
        assert!(budget.is_spent());
        let mut budget = SearchBudget::default();
        assert!(anchor_quote_indexed(&mut index, &mut budget, &quote, 0, Some(12..18)).is_some());
    }

    #[test]
    fn selectors_made_in_text_order_agree_with_selectors_made_one_by_one() {
        let text = "Syria’s coast near Latakia, and Ḥmeimim’s runway: ".repeat(5);
        let spans: Vec<Range<usize>> = text
            .match_indices("Latakia")
            .chain(text.match_indices("Ḥmeimim"))
            .map(|(b, w)| b..b + w.len())
            .collect();
        let mut running = SpanSelectors::new(&text);
        // Out of order on purpose: a span before the last counts afresh.
        for span in spans {
            let one_by_one = SpanSelectors::new(&text).selectors(span.clone());
            assert_eq!(running.selectors(span.clone()), one_by_one, "{span:?}");
            let Some(super::super::Selector::TextPositionSelector { start, .. }) =
                one_by_one.as_ref().and_then(|s| s.get(1)).cloned()
            else {
                panic!("no position for {span:?}");
            };
            assert_eq!(start, text[..span.start].chars().count());
        }
    }

    #[test]
    fn positions_count_code_points_not_bytes() {
        let text = "Syria’s coast near Latakia";
        let start = byte_from_char(text, 19).unwrap();
        assert_eq!(&text[start..], "Latakia");
        assert_eq!(text[..start].chars().count(), 19);
    }
}
