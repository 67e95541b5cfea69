//! Facts about a name's places that every stage of detection asks: is the
//! name notable, well known, a state of an English-speaking country, a
//! hand-curated place. They read the gazetteer and the lexicons, nothing else.

use crate::gazetteer::{Gazetteer, NameKind, NameSense, PlaceId, PlaceKind, Senses};

use super::lexicon::{ENGLISH_SPEAKING, GENERIC_COUNTRY_DOMAINS};

/// A common-word or all-capitals name is believed only for places at least this big.
const NOTABLE_POPULATION: u64 = 100_000;
/// A city this big, in a country whose news is in English, is not mistaken for a
/// person of the same name; elsewhere it takes a city of 300,000 ("Lyon").
const WELL_KNOWN_POPULATION: u64 = 150_000;
const WORLD_CITY_POPULATION: u64 = 300_000;

/// The country a host's address names ("cbc.ca": CA, "bbc.co.uk": GB), by
/// its last label; top-level domains sold to the world at large (".tv",
/// ".io") name none.
pub fn address_country(host: &str) -> Option<String> {
    let last = host.rsplit('.').next()?;
    if last.len() != 2 || !last.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if GENERIC_COUNTRY_DOMAINS.contains(last) {
        return None;
    }
    Some(if last == "uk" {
        "GB".to_owned()
    } else {
        last.to_ascii_uppercase()
    })
}

/// The name of a paper as its address spells it: the first label of the
/// host, "parispi" of "parispi.net".
pub fn masthead_label(host: &str) -> &str {
    host.split('.').next().unwrap_or_default()
}

/// Names shorter than this are spelled by too many addresses by chance.
const MASTHEAD_MIN_LETTERS: usize = 4;

/// Whether a paper's address label ("parispi", "palestineherald") opens or
/// ends with the letters of `name` ("Paris", "Palestine"), case aside.
pub fn spells(label: &str, name: &str) -> bool {
    // Gathered on the stack, with no allocation.
    let mut letters = [0u8; 64];
    let mut n = 0;
    for b in name.bytes().filter(u8::is_ascii_alphabetic) {
        let Some(slot) = letters.get_mut(n) else {
            return false;
        };
        *slot = b.to_ascii_lowercase();
        n += 1;
    }
    let letters = &letters[..n];
    n >= MASTHEAD_MIN_LETTERS
        && (label.as_bytes().starts_with(letters) || label.as_bytes().ends_with(letters))
}

pub fn is_english_speaking(country_code: &str) -> bool {
    ENGLISH_SPEAKING.contains(country_code)
}

/// A state or province of a country whose news is in English: what its name
/// means to such a paper before any town that bears it ("Wyoming").
pub fn is_english_state(gaz: &Gazetteer, id: PlaceId) -> bool {
    // The kind is read first: decoding the whole place costs more.
    gaz.kind(id) == PlaceKind::Admin1 && is_english_speaking(gaz.place(id).country_code)
}

/// A name that can mean a big city, an area, or a hand-curated place.
pub fn is_notable(senses: Senses<'_>, gaz: &Gazetteer) -> bool {
    senses.iter().any(|s| {
        let kind = gaz.kind(s.place);
        s.kind != NameKind::Alternate
            && (kind.is_area() || is_curated(kind) || gaz.population(s.place) >= NOTABLE_POPULATION)
    })
}

/// Countries, continents, hand-curated places, cities of 300,000, and the
/// cities of 150,000 and the states and provinces that English-language papers
/// name without a country. A mid-size foreign city named like an English given
/// name ("Mary", Turkmenistan) is more often the person in such a paper.
pub fn is_well_known(senses: Senses<'_>, gaz: &Gazetteer) -> bool {
    // Most senses are small towns: their kind alone rules them out, and only
    // the few others are decoded in full.
    let english_speaking = |s: NameSense| is_english_speaking(gaz.place(s.place).country_code);
    senses.iter().any(|s| {
        s.kind != NameKind::Alternate
            && match gaz.kind(s.place) {
                PlaceKind::Country | PlaceKind::Continent => true,
                PlaceKind::Admin1 => english_speaking(s),
                PlaceKind::Capital | PlaceKind::City => {
                    let population = gaz.population(s.place);
                    population >= WORLD_CITY_POPULATION
                        || (population >= WELL_KNOWN_POPULATION && english_speaking(s))
                }
                kind => is_curated(kind),
            }
    })
}

/// Places whose names are specific by their source: the hand-curated seas,
/// rivers, bases, airports and buildings, and the lakes and islands of an atlas
/// (whose names say what they are, or are no town's).
pub fn is_curated(kind: PlaceKind) -> bool {
    kind.is_natural_feature()
        || matches!(
            kind,
            PlaceKind::Water
                | PlaceKind::AirBase
                | PlaceKind::NavalBase
                | PlaceKind::Airport
                | PlaceKind::Building
        )
}

#[cfg(test)]
mod tests {
    use super::spells;

    #[test]
    fn a_paper_spells_a_name_its_address_opens_or_ends_with() {
        assert!(spells("parispi", "Paris"));
        assert!(spells("palestineherald", "Palestine"));
        assert!(spells("newsleader-columbus", "COLUMBUS"));
        assert!(!spells("dailypostathenian", "Athens"));
        // Three letters are spelled by too many addresses by chance.
        assert!(!spells("elynews", "Ely"));
    }
}
