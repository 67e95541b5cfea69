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
/// if the range is empty or not on character boundaries.
pub fn selectors_for_span(text: &str, bytes: Range<usize>) -> Option<Vec<super::Selector>> {
    let exact = text.get(bytes.clone()).filter(|e| !e.is_empty())?;
    let before = text.get(..bytes.start)?;
    let after = text.get(bytes.end..)?;
    let prefix: String = {
        let mut chars: Vec<char> = before.chars().rev().take(CONTEXT_CHARS).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let suffix: String = after.chars().take(CONTEXT_CHARS).collect();
    let start = before.chars().count();
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
    if exact.is_empty() {
        return None;
    }
    let hinted = paragraphs.get(hint_paragraph);
    if let (Some(text), Some(chars)) = (hinted, hint_chars.clone()) {
        let start = byte_from_char(text, chars.start);
        let end = byte_from_char(text, chars.end);
        if let (Some(start), Some(end)) = (start, end)
            && text.get(start..end) == Some(exact)
        {
            return Some(Anchor {
                paragraph: hint_paragraph,
                bytes: start..end,
                quality: AnchorQuality::Exact,
            });
        }
    }
    let hint_byte = hinted
        .zip(hint_chars)
        .and_then(|(text, chars)| byte_from_char(text, chars.start.min(text.chars().count())))
        .unwrap_or(0);
    if let Some(bytes) = hinted.and_then(|t| best_occurrence(t, exact, prefix, suffix, hint_byte)) {
        return Some(Anchor {
            paragraph: hint_paragraph,
            bytes,
            quality: AnchorQuality::Moved,
        });
    }
    paragraphs.iter().enumerate().find_map(|(i, text)| {
        best_occurrence(text, exact, prefix, suffix, 0).map(|bytes| Anchor {
            paragraph: i,
            bytes,
            quality: AnchorQuality::Moved,
        })
    })
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
    fn positions_count_code_points_not_bytes() {
        let text = "Syria’s coast near Latakia";
        let start = byte_from_char(text, 19).unwrap();
        assert_eq!(&text[start..], "Latakia");
        assert_eq!(text[..start].chars().count(), 19);
    }
}
