//! Writing JSON by hand for the one record `geoparse --jsonl` writes most:
//! serde_json's string escaping looks at every byte through a table and was
//! a twelfth of the command's time (BENCHMARKS.md, "Speed"). The output is
//! byte for byte what serde_json writes; a test holds the two together.

use serde_json::ser::{CompactFormatter, Formatter};

/// Writes `text` as a JSON string, escaped exactly as serde_json escapes it:
/// `"` and `\` with a backslash, the control characters below U+0020 as
/// `\b \t \n \f \r` or `\u00xx`, everything else as it is.
pub fn write_str(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    write_str_contents(out, text);
    out.push(b'"');
}

/// The inside of a JSON string, without its quotes: for a string written in
/// pieces ("a; b" from its parts).
pub fn write_str_contents(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Eight bytes at a time while none of them needs escaping: names and
        // reasons rarely hold a quote or a control character.
        if let Some(word) = bytes
            .get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            && !needs_escape_in(u64::from_le_bytes(word))
        {
            at += 8;
            continue;
        }
        let byte = bytes[at];
        at += 1;
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            continue;
        }
        let at = at - 1;
        out.extend_from_slice(&bytes[plain_from..at]);
        plain_from = at + 1;
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(byte >> 4)]);
                out.push(HEX[usize::from(byte & 0xf)]);
            }
        }
    }
    out.extend_from_slice(&bytes[plain_from..]);
}

/// Whether any of the eight bytes of `word` is below 0x20, `"` or `\`
/// (exact: the tests of a zero or small byte below have no false answers
/// about whether there is one).
fn needs_escape_in(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS != 0;
    below_space
        || has_zero(word ^ (ONES * u64::from(b'"')))
        || has_zero(word ^ (ONES * u64::from(b'\\')))
}

/// A number of degrees as serde_json writes an `f64` (shortest round trip);
/// `null` for a missing one or one that is not finite, as serde_json does.
pub fn write_f64(out: &mut Vec<u8>, value: Option<f64>) {
    match value {
        Some(v) if v.is_finite() => {
            // Writing into a Vec cannot fail.
            let _ = CompactFormatter.write_f64(out, v);
        }
        _ => out.extend_from_slice(b"null"),
    }
}

pub fn write_usize(out: &mut Vec<u8>, value: usize) {
    let _ = CompactFormatter.write_u64(out, value as u64);
}

/// A string or `null`.
pub fn write_opt_str(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => write_str(out, text),
        None => out.extend_from_slice(b"null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hand(text: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, text);
        String::from_utf8(out).expect("the writer writes UTF-8")
    }

    #[test]
    fn every_character_below_u0080_is_escaped_as_serde_json_escapes_it() {
        for byte in 0u8..0x80 {
            let text = format!("a{}b", char::from(byte));
            assert_eq!(
                hand(&text),
                serde_json::to_string(&text).expect("a string serialises"),
                "byte {byte:#04x}"
            );
        }
    }

    #[test]
    fn a_character_to_escape_is_found_at_every_place_of_a_long_string() {
        for special in ['"', '\\', '\n', '\u{1f}', '\u{0}'] {
            for at in 0..24 {
                let mut text: String = "Tartus, Syria; Hmeimim!".chars().take(23).collect();
                text.insert(at, special);
                assert_eq!(
                    hand(&text),
                    serde_json::to_string(&text).expect("serialises")
                );
            }
        }
    }

    #[test]
    fn text_of_many_scripts_and_quotes_is_written_as_serde_json_writes_it() {
        for text in [
            "",
            "Tartus",
            "“Hmeimim”, \"quoted\" \\ back\\slash",
            "Ḩamāh\u{7f}\u{2028}\u{1F600}",
            "line\nbreak\ttab\r\u{0}",
        ] {
            assert_eq!(hand(text), serde_json::to_string(text).expect("serialises"));
        }
    }

    #[test]
    fn degrees_are_written_as_serde_json_writes_an_f64() {
        for v in [35.888, -0.0, 1e-7, 12_345_678.9, 49.09952, f64::NAN] {
            let mut out = Vec::new();
            write_f64(&mut out, Some(v));
            assert_eq!(
                String::from_utf8(out).expect("UTF-8"),
                serde_json::to_string(&v).expect("serialises")
            );
        }
    }
}
