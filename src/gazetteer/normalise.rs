//! The lookup key of a place name: how two spellings are told to be the same name.
//!
//! Keys fold case, the accents of Latin letters, typographic apostrophes and runs
//! of white space, so "Zürich", "ZURICH" and "Zurich" share one key. The folding
//! is done by hand for the Latin blocks because news text in English only needs
//! those and the crate carries no Unicode normalisation tables.

/// The lookup key of `name`.
#[must_use]
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    name_key_into(name, &mut key);
    key
}

/// [`name_key`] written into `key` (cleared first), for a caller that asks
/// for many keys and keeps none.
pub fn name_key_into(name: &str, key: &mut String) {
    key.clear();
    fold_name(name, |piece| {
        match piece {
            [b] if b.is_ascii() => key.push(char::from(*b)),
            // The pieces are whole UTF-8 characters.
            _ => key.push_str(std::str::from_utf8(piece).unwrap_or_default()),
        }
        true
    });
}

/// Hands the bytes of the key of `name` to `emit`, a character at a time, with
/// nothing allocated: a look-up can walk an index as the key is made. Stops, and
/// returns false, as soon as `emit` does.
pub fn fold_name(name: &str, mut emit: impl FnMut(&[u8]) -> bool) -> bool {
    let mut started = false;
    let mut pending_space = false;
    let mut buf = [0u8; 4];
    for c in name.chars() {
        if c.is_whitespace() {
            pending_space = started;
            continue;
        }
        if pending_space {
            pending_space = false;
            if !emit(b" ") {
                return false;
            }
        }
        started = true;
        let going_on = match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}' => emit(b"'"),
            '\u{2010}'..='\u{2014}' => emit(b"-"),
            _ if c.is_ascii() => emit(&[c.to_ascii_lowercase() as u8]),
            _ => match ascii_from_latin(c) {
                Some(folded) => emit(folded.as_bytes()),
                None => c
                    .to_lowercase()
                    .all(|lower| emit(lower.encode_utf8(&mut buf).as_bytes())),
            },
        };
        if !going_on {
            return false;
        }
    }
    true
}

/// The lowercase ASCII letters of an accented Latin letter, if it is one.
fn ascii_from_latin(c: char) -> Option<&'static str> {
    let folded = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŉ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ'..='ŧ' | 'Ț' | 'ț' => "t",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź'..='ž' => "z",
        'Þ' | 'þ' => "th",
        'Ð' | 'ð' => "d",
        _ => return None,
    };
    Some(folded)
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn accents_case_and_spaces_fold_to_one_key() {
        assert_eq!(name_key("Zürich"), "zurich");
        assert_eq!(name_key("ZURICH"), "zurich");
        assert_eq!(name_key("  São   Paulo "), "sao paulo");
    }

    #[test]
    fn typographic_apostrophes_match_plain_ones() {
        assert_eq!(name_key("Côte d’Ivoire"), name_key("Cote d'Ivoire"));
    }

    #[test]
    fn folding_stops_when_the_walk_finds_no_way_on() {
        let mut seen = Vec::new();
        let finished = super::fold_name("  Côte  d’Ivoire", |piece| {
            seen.extend_from_slice(piece);
            seen.len() < 6
        });
        assert!(!finished);
        assert_eq!(seen, b"cote d");
    }

    #[test]
    fn non_latin_letters_are_only_lowercased() {
        assert_eq!(name_key("Москва"), "москва");
    }
}
