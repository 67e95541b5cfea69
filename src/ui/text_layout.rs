//! The article's paragraphs laid out once (per width and theme) and kept:
//! a galley a piece of a paragraph (a whole paragraph unless it is longer
//! than [`PIECE_BYTES`]). Highlights and the selection are painted as
//! rectangles under the text, so selecting or hovering never lays text out
//! again. Positions convert between galley characters and paragraph bytes.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Galley, Pos2, Rect, TextStyle, pos2};

/// Bytes of a paragraph laid out as one galley, at most. A galley costs
/// about 230 bytes of memory a character and is laid out whole, so a
/// paragraph of megabytes laid out at once took gigabytes and seconds; in
/// pieces, only those in view are laid out. A news paragraph is far
/// shorter, and is one piece.
pub const PIECE_BYTES: usize = 8 * 1024;

/// Where the pieces of a paragraph start (the first at 0). Each is at most
/// [`PIECE_BYTES`] long and ends after a sentence in its second half, else
/// after a space there, else at a character boundary (one long word); a
/// line ends early where a piece does.
pub fn piece_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut at = 0;
    while text.len() - at > PIECE_BYTES {
        let end = floor_char_boundary(text, at + PIECE_BYTES);
        let half = floor_char_boundary(text, at + PIECE_BYTES / 2);
        let window = &text.as_bytes()[half..end];
        let after = |i: usize| half + i + 1;
        let sentence = (1..window.len())
            .rev()
            .find(|&i| window[i] == b' ' && matches!(window[i - 1], b'.' | b'!' | b'?'))
            .map(after);
        let space = || {
            window
                .iter()
                .rposition(|&b| b == b' ' || b == b'\n')
                .map(after)
        };
        // Past `half` (at least `at`), so a piece is never empty; after an
        // ASCII space, so on a character boundary.
        at = sentence.or_else(space).unwrap_or(end);
        starts.push(at);
    }
    starts
}

/// The largest character boundary of `text` at or before `byte`.
fn floor_char_boundary(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// Code point offsets of bytes of one text asked for in (mostly) rising
/// order: each is counted from the last, not from the start.
pub struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
    ascii: bool,
}

impl<'a> CharCursor<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
            ascii: text.is_ascii(),
        }
    }

    /// The code point index of byte `byte` (clamped to the text's end).
    pub fn char_at(&mut self, byte: usize) -> usize {
        let byte = floor_char_boundary(self.text, byte);
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// One paragraph (or piece of one) as laid out.
pub struct ParagraphText {
    pub galley: Arc<Galley>,
    /// Characters put before the paragraph's own text (the dateline).
    pub prefix_chars: usize,
}

impl ParagraphText {
    pub fn lay_out(ui: &egui::Ui, text: &str, dateline: Option<&str>, width: f32) -> Self {
        let body = TextStyle::Body.resolve(ui.style());
        let color = ui.visuals().text_color();
        let mut job = LayoutJob::default();
        let mut prefix_chars = 0;
        if let Some(dateline) = dateline {
            let prefix = format!("{dateline} — ");
            prefix_chars = prefix.chars().count();
            let strong = TextFormat::simple(body.clone(), ui.visuals().strong_text_color());
            job.append(&prefix, 0.0, strong);
        }
        job.append(text, 0.0, TextFormat::simple(body, color));
        job.wrap.max_width = width;
        Self {
            galley: ui.painter().layout_job(job),
            prefix_chars,
        }
    }

    /// Rectangles (relative to the galley) covering bytes `bytes` of the
    /// paragraph's own text: one a row the range touches.
    pub fn rects(&self, text: &str, bytes: Range<usize>) -> Vec<Rect> {
        self.rects_of_chars(char_of_byte(text, bytes.start)..char_of_byte(text, bytes.end))
    }

    /// [`Self::rects`] for many ranges in text order, counting characters
    /// once with `cursor` (made of the same text).
    pub fn rects_with(&self, cursor: &mut CharCursor<'_>, bytes: Range<usize>) -> Vec<Rect> {
        let start = cursor.char_at(bytes.start);
        let end = cursor.char_at(bytes.end);
        self.rects_of_chars(start..end)
    }

    fn rects_of_chars(&self, chars: Range<usize>) -> Vec<Rect> {
        let prefix = self.prefix_chars;
        range_rects(&self.galley, chars.start + prefix..chars.end + prefix)
    }

    /// The byte of the paragraph's own text nearest a point (relative to
    /// the galley); the dateline counts as the paragraph's start.
    pub fn byte_at(&self, text: &str, pos: egui::Vec2) -> usize {
        let c = self.galley.cursor_from_pos(pos).index.0;
        byte_of_char(text, c.saturating_sub(self.prefix_chars))
    }
}

/// Rectangles covering galley characters `chars`.
pub fn range_rects(galley: &Galley, chars: Range<usize>) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    for row in &galley.rows {
        let count = row.char_count_including_newline().0;
        let row_end = row_start + count;
        let a = chars.start.max(row_start);
        let b = chars
            .end
            .min(row_start + row.row.char_count_excluding_newline().0);
        if a < b {
            let x0 = row.pos.x + row.row.x_offset(egui::text::CharIndex(a - row_start));
            let x1 = row.pos.x + row.row.x_offset(egui::text::CharIndex(b - row_start));
            rects.push(Rect::from_min_max(
                pos2(x0, row.min_y()),
                pos2(x1, row.max_y()),
            ));
        }
        row_start = row_end;
        if row_start >= chars.end {
            break;
        }
    }
    rects
}

/// The code point index of byte `byte` of `text` (clamped to its end).
pub fn char_of_byte(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.get(..byte).map_or_else(
        || text.char_indices().take_while(|(b, _)| *b < byte).count(),
        |head| head.chars().count(),
    )
}

/// The byte offset of code point `index` of `text` (clamped to its end).
pub fn byte_of_char(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(b, _)| b)
}

/// The word around byte `byte`: letters, digits and hyphens ("al-Ain");
/// empty between words.
pub fn word_at(text: &str, byte: usize) -> Range<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    let byte = byte.min(text.len());
    let start = text[..byte]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(byte, |(b, _)| b);
    let end = text[byte..]
        .char_indices()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(byte, |(b, c)| byte + b + c.len_utf8());
    start..end
}

/// The next word boundary after (or before) `byte`, for Ctrl+Shift+arrows.
pub fn word_step(text: &str, byte: usize, forward: bool) -> usize {
    let byte = byte.min(text.len());
    if forward {
        let rest = &text[byte..];
        let skip_space = rest.len() - rest.trim_start().len();
        let after = &rest[skip_space..];
        let word = after
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(after.len(), |(b, _)| b.max(1).min(after.len()));
        byte + skip_space + word
    } else {
        let head = &text[..byte];
        let trimmed = head.trim_end();
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(b, c)| b + c.len_utf8())
    }
}

/// The next character boundary after (or before) `byte`.
pub fn char_step(text: &str, byte: usize, forward: bool) -> usize {
    let byte = byte.min(text.len());
    if forward {
        text[byte..]
            .chars()
            .next()
            .map_or(byte, |c| byte + c.len_utf8())
    } else {
        text[..byte]
            .chars()
            .next_back()
            .map_or(byte, |c| byte - c.len_utf8())
    }
}

/// Where a galley drawn at `origin` puts a rectangle of its own.
pub fn placed(origin: Pos2, rect: Rect) -> Rect {
    rect.translate(origin.to_vec2())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_found_around_any_of_its_letters() {
        let text = "Forces left Ras al-Ain on Monday.";
        let at = text.find("al-Ain").unwrap() + 2;
        assert_eq!(&text[word_at(text, at)], "al-Ain");
        assert_eq!(&text[word_at(text, 0)], "Forces");
    }

    #[test]
    fn word_steps_jump_whole_words_both_ways() {
        let text = "talks in Moscow began";
        let moscow = text.find("Moscow").unwrap();
        assert_eq!(word_step(text, moscow, true), moscow + "Moscow".len());
        assert_eq!(word_step(text, moscow + 6, false), moscow);
        assert_eq!(char_step("é!", 0, true), 2);
        assert_eq!(char_step("é!", 2, false), 0);
    }

    #[test]
    fn a_long_paragraph_is_cut_after_sentences_into_pieces_that_cover_it() {
        let sentence = "Officials in Ḥimṣ met envoys from Moscow on Monday. ";
        let text = sentence.repeat(1000);
        let starts = piece_starts(&text);
        assert!(starts.len() > 1);
        for pair in starts.windows(2) {
            let piece = &text[pair[0]..pair[1]];
            assert!(piece.len() <= PIECE_BYTES && piece.len() > PIECE_BYTES / 2);
            assert!(piece.ends_with(". "), "{:?}", &piece[piece.len() - 10..]);
        }
        assert!(text.len() - starts[starts.len() - 1] <= PIECE_BYTES);
        assert_eq!(piece_starts("Short."), [0]);
        // One word of many characters, none of them ASCII: cut between them.
        let word = "ḥ".repeat(10_000);
        let starts = piece_starts(&word);
        assert!(starts.iter().all(|&s| word.is_char_boundary(s)));
        assert!(
            starts
                .windows(2)
                .all(|p| p[1] > p[0] && p[1] - p[0] <= PIECE_BYTES)
        );
    }

    #[test]
    fn a_char_cursor_agrees_with_counting_from_the_start() {
        let text = "Syria’s coast near Latakia, and Ḥmeimim’s runway";
        let mut cursor = CharCursor::new(text);
        for byte in [0, 10, 10, 30, 5, text.len()] {
            let byte = floor_char_boundary(text, byte);
            assert_eq!(cursor.char_at(byte), char_of_byte(text, byte), "{byte}");
        }
    }

    #[test]
    fn bytes_and_characters_convert_both_ways() {
        let text = "Syria’s coast";
        let coast = text.find("coast").unwrap();
        let c = char_of_byte(text, coast);
        assert_eq!(c, 8);
        assert_eq!(byte_of_char(text, c), coast);
    }
}
