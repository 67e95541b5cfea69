//! The article's paragraphs laid out once (per width and theme) and kept:
//! a galley a paragraph. Highlights and the selection are painted as
//! rectangles under the text, so selecting or hovering never lays text out
//! again. Positions convert between galley characters and paragraph bytes.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Galley, Pos2, Rect, TextStyle, pos2};

/// One paragraph as laid out.
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
        let start = self.prefix_chars + char_of_byte(text, bytes.start);
        let end = self.prefix_chars + char_of_byte(text, bytes.end);
        range_rects(&self.galley, start..end)
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
    fn bytes_and_characters_convert_both_ways() {
        let text = "Syria’s coast";
        let coast = text.find("coast").unwrap();
        let c = char_of_byte(text, coast);
        assert_eq!(c, 8);
        assert_eq!(byte_of_char(text, c), coast);
    }
}
