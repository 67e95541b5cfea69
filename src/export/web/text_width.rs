//! How wide a name will be in the browser, without a browser: label
//! placement needs each name's box before the page exists. The page sets
//! its map names in Helvetica or a font with its widths (Arial, Liberation
//! Sans, Nimbus Sans); these are Helvetica's advance widths (its AFM, in
//! thousandths of an em), with a margin for the wider fallback fonts.

use crate::map::layers::LabelType;

/// Helvetica's advance widths for the printable ASCII characters, from
/// space (32) to tilde (126), in thousandths of an em.
const HELVETICA_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // digits
    278, 278, 584, 584, 584, 556, 1015, // : to @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
    611, 722, 667, 944, 667, 667, 611, // A to Z
    278, 278, 278, 469, 556, 333, // [ to `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500, // a to z
    334, 260, 334, 584, // { to ~
];

/// Any other character: about a lower-case letter and a bit (accented
/// letters, Cyrillic, Greek).
const OTHER_WIDTH: u16 = 600;
/// Browsers without Helvetica's metrics fall back to a wider sans (DejaVu
/// Sans is about a tenth wider): names are measured that much wider, so
/// they never overlap where that font is used.
const FALLBACK_MARGIN: f64 = 1.12;

/// The width of `text` set in `kind`, in points (CSS pixels).
pub fn text_width_points(text: &str, kind: LabelType) -> f64 {
    let mut thousandths = 0u64;
    let mut count = 0usize;
    let mut add = |c: char| {
        let width = (c as u32)
            .checked_sub(32)
            .and_then(|i| HELVETICA_WIDTHS.get(i as usize))
            .copied()
            .unwrap_or(OTHER_WIDTH);
        thousandths += u64::from(width);
        count += 1;
    };
    if kind.capitals {
        text.chars().flat_map(char::to_uppercase).for_each(&mut add);
    } else {
        text.chars().for_each(&mut add);
    }
    thousandths as f64 / 1000.0 * kind.size_points * FALLBACK_MARGIN
        + kind.letter_spacing_points * count as f64
}

/// The height of a line of `kind`, in points.
pub fn line_height_points(kind: LabelType) -> f64 {
    kind.size_points * 1.25
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::layers::{COUNTRY_TYPE, town_type};

    #[test]
    fn a_longer_name_and_spaced_capitals_measure_wider() {
        let town = town_type(false, 6.0);
        let lansing = text_width_points("Lansing", town);
        assert!((40.0..60.0).contains(&lansing), "{lansing}");
        assert!(text_width_points("East Lansing", town) > lansing);
        assert!(text_width_points("Syria", COUNTRY_TYPE) > text_width_points("Syria", town));
        assert!(text_width_points("Łódź", town) > 0.0);
    }
}
