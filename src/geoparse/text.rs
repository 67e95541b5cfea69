//! Text helpers every stage of detection shares: the words on either side of
//! a place in a text, where sentences start, and a fast skip to the next
//! capital. They know nothing of places.

const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// Each byte's top bit set where the byte (below 0x80) is at least `n`.
const fn at_least(n: u8) -> u64 {
    (0x80 - n as u64) * 0x0101_0101_0101_0101
}

/// Each byte's top bit set where the byte's low seven bits are in `low..=high`.
/// Adding at most 0x7f to a byte below 0x80 never carries into the next.
#[inline]
fn in_range(w: u64, low: u8, high: u8) -> u64 {
    let ascii = w & LOW7;
    (ascii + at_least(low)) & !(ascii + at_least(high + 1))
}

/// The first byte at or after `from` that `marks` marks: eight bytes at a
/// time, `marks` setting the top bit of each byte wanted in a word of eight,
/// then the last few bytes one at a time with `wanted`.
#[inline(always)]
fn next_marked(
    bytes: &[u8],
    from: usize,
    marks: impl Fn(u64) -> u64,
    wanted: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let hits = marks(u64::from_le_bytes(word)) & HIGH;
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| wanted(b))
        .map(|at| i + at)
}

/// The first byte at or after `from` that can start a capitalised word or a
/// number: an ASCII capital, an ASCII digit if `digits`, or any byte of a
/// non-ASCII character (the caller decodes it). Both passes over the whole
/// text start here, so it looks at eight bytes at a time: most of a text is
/// lowercase letters, spaces and punctuation, and is skipped in bulk.
#[inline]
pub fn next_capital_or_non_ascii(bytes: &[u8], from: usize, digits: bool) -> Option<usize> {
    next_marked(
        bytes,
        from,
        |w| w | in_range(w, b'A', b'Z') | if digits { in_range(w, b'0', b'9') } else { 0 },
        |b| !b.is_ascii() || b.is_ascii_uppercase() || (digits && b.is_ascii_digit()),
    )
}

/// The first byte at or after `from` that is an ASCII capital, looking at
/// eight bytes at a time like [`next_capital_or_non_ascii`]; the bytes of
/// other characters are passed over.
#[inline]
pub fn next_ascii_capital(bytes: &[u8], from: usize) -> Option<usize> {
    // A byte of another character (top bit set) is no capital, whatever
    // its low seven bits.
    next_marked(
        bytes,
        from,
        |w| in_range(w, b'A', b'Z') & !w,
        |b| b.is_ascii_uppercase(),
    )
}

#[inline]
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word just before `at`, if only spaces separate them.
#[inline]
pub fn word_before(text: &str, at: usize) -> Option<&str> {
    let head = &text[..at];
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() || trimmed.len() + 1 < head.len() {
        return None;
    }
    // Back over letters, digits, dots and apostrophes; ASCII without decoding.
    let bytes = trimmed.as_bytes();
    let mut start = bytes.len();
    while let Some(&b) = start.checked_sub(1).and_then(|i| bytes.get(i)) {
        if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || b == b'.' || b == b'\'') {
                break;
            }
            start -= 1;
            continue;
        }
        match trimmed[..start].chars().next_back() {
            Some(c) if c.is_alphanumeric() => start -= c.len_utf8(),
            _ => break,
        }
    }
    let word = &trimmed[start..];
    (!word.is_empty()).then_some(word)
}

/// The word just after `at`, if only one space separates them.
#[inline]
pub fn word_after(text: &str, at: usize) -> Option<&str> {
    let tail = text[at..].strip_prefix(' ')?;
    // On over letters, digits and apostrophes; ASCII without decoding.
    let bytes = tail.as_bytes();
    let mut end = 0;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || b == b'\'') {
                break;
            }
            end += 1;
            continue;
        }
        match tail[end..].chars().next() {
            Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
            _ => break,
        }
    }
    let word = &tail[..end];
    (!word.is_empty()).then_some(word)
}

/// Whether `at` starts a sentence, a paragraph, a quotation or the text.
pub fn is_sentence_start(text: &str, at: usize) -> bool {
    let mut saw_newline = false;
    for c in text[..at].chars().rev() {
        match c {
            '\n' => saw_newline = true,
            c if c.is_whitespace() => {}
            '"' | '\u{201C}' | '\u{2018}' | '(' | '[' | '\'' | '-' | '\u{2014}' => {}
            '.' | '!' | '?' | ':' | ';' => return true,
            _ => return saw_newline,
        }
    }
    true
}

/// A word with a full stop and at least `letters` bytes before it, which
/// reads as the end of a sentence ("Sunday.", "Justice.") rather than an
/// abbreviation ("St.", "Capt.").
pub fn ends_a_sentence(word: &str, letters: usize) -> bool {
    word.len() > letters && word.ends_with('.')
}

/// Whether `head` ends with `word` (in any ASCII case) as a whole word.
pub fn ends_with_word(head: &str, word: &str) -> bool {
    head.len() >= word.len()
        && head.is_char_boundary(head.len() - word.len())
        && head[head.len() - word.len()..].eq_ignore_ascii_case(word)
        && head[..head.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_word_with_a_full_stop_ends_a_sentence_but_an_abbreviation_does_not() {
        assert!(ends_a_sentence("Sunday.", 4));
        assert!(ends_a_sentence("Justice.", 6));
        assert!(!ends_a_sentence("Capt.", 6));
        assert!(!ends_a_sentence("St.", 4));
        assert!(!ends_a_sentence("Sunday", 4));
    }

    #[test]
    fn the_skip_to_an_ascii_capital_passes_over_every_other_byte() {
        // "é" is C3 A9: its first byte's low seven bits are a "C".
        let text = "the mayor of tiny élan, 3 miles from ÖSTRA and Dover-on-sea; Ãé Zz";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let slow = (from..bytes.len()).find(|&i| bytes[i].is_ascii_uppercase());
            assert_eq!(next_ascii_capital(bytes, from), slow, "{from}");
        }
        let every_byte: Vec<u8> = (0..=255).collect();
        let hits: Vec<usize> = (0..256)
            .filter(|&i| next_ascii_capital(&every_byte, i) == Some(i))
            .collect();
        assert_eq!(
            hits,
            (usize::from(b'A')..=usize::from(b'Z')).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_skip_to_a_capital_stops_where_a_byte_at_a_time_scan_would() {
        let text = "the mayor of tiny élan, 3 miles from ÖSTRA and Dover-on-sea; q.e.d. Zz";
        let bytes = text.as_bytes();
        for digits in [false, true] {
            for from in 0..=bytes.len() {
                let slow = (from..bytes.len()).find(|&i| {
                    let b = bytes[i];
                    !b.is_ascii() || b.is_ascii_uppercase() || (digits && b.is_ascii_digit())
                });
                assert_eq!(
                    next_capital_or_non_ascii(bytes, from, digits),
                    slow,
                    "{from}"
                );
            }
        }
        let every_byte: Vec<u8> = (0..=255).collect();
        let hits: Vec<usize> = (0..256)
            .filter(|&i| next_capital_or_non_ascii(&every_byte, i, true) == Some(i))
            .collect();
        let expected: Vec<usize> = (0..256)
            .filter(|&i| {
                let b = i as u8;
                !b.is_ascii() || b.is_ascii_uppercase() || b.is_ascii_digit()
            })
            .collect();
        assert_eq!(hits, expected);
    }
}
