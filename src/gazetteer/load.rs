//! Parsing of the gazetteer's tab-separated text, and its one error type.
//!
//! The format is written by `tools/gazetteer/build_gazetteer.py`; its docstring
//! is the specification. Parsing is a single pass with no allocation per field
//! beyond the names kept, so the ~70,000 places load in well under a second.

use std::collections::HashSet;

use super::{Gazetteer, NameKind, NameSense, Place, PlaceId, PlaceKind, name_key};

/// Why gazetteer text could not be read. `line` counts from 1.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GazetteerError {
    #[error("gazetteer line {line}: expected {expected} tab-separated fields, found {found}")]
    FieldCount {
        line: usize,
        expected: usize,
        found: usize,
    },
    #[error("gazetteer line {line}: unknown place kind {kind:?}")]
    UnknownKind { line: usize, kind: String },
    #[error("gazetteer line {line}: field {field} is not a valid {expected}: {value:?}")]
    BadNumber {
        line: usize,
        field: &'static str,
        expected: &'static str,
        value: String,
    },
    #[error("gazetteer line {line}: a place needs at least one name")]
    NoName { line: usize },
    #[error("gazetteer line {line}: unknown record type {tag:?}")]
    UnknownRecord { line: usize, tag: String },
}

const PLACE_FIELDS: usize = 12;

pub(super) fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
    let mut gaz = Gazetteer::default();
    // Sized once up front: growing tables of 300,000 names rehashes them all
    // several times over. A place has about 1.3 spellings.
    let places = text.matches("\nP\t").count();
    gaz.places.reserve(places);
    gaz.senses_by_key.reserve(places + places / 3);
    gaz.spellings.reserve(places + places / 3);
    // Borrowed from the text while parsing, so the check costs no copies.
    let mut spellings_seen: HashSet<&str> = HashSet::with_capacity(places + places / 3);
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        match fields.next() {
            Some("P") => {
                let fields: Vec<&str> = fields.collect();
                if fields.len() != PLACE_FIELDS - 1 {
                    return Err(GazetteerError::FieldCount {
                        line: line_no,
                        expected: PLACE_FIELDS,
                        found: fields.len() + 1,
                    });
                }
                add_place(&mut gaz, &mut spellings_seen, &fields, line_no)?;
            }
            Some("W") => {
                if let Some(word) = fields.next() {
                    gaz.senses_by_key
                        .entry(name_key(word))
                        .or_default()
                        .common_word = true;
                }
            }
            Some("G") => {
                if let Some(word) = fields.next() {
                    gaz.given_names.insert(name_key(word));
                }
            }
            Some("N") => {
                if let Some(word) = fields.next() {
                    gaz.senses_by_key
                        .entry(name_key(word))
                        .or_default()
                        .person_name = true;
                }
            }
            tag => {
                return Err(GazetteerError::UnknownRecord {
                    line: line_no,
                    tag: tag.unwrap_or_default().to_owned(),
                });
            }
        }
    }
    Ok(gaz)
}

fn add_place<'t>(
    gaz: &mut Gazetteer,
    spellings_seen: &mut HashSet<&'t str>,
    f: &[&'t str],
    line: usize,
) -> Result<(), GazetteerError> {
    let kind = PlaceKind::from_label(f[0]).ok_or_else(|| GazetteerError::UnknownKind {
        line,
        kind: f[0].to_owned(),
    })?;
    let lat_deg = number::<f64>(f[1], line, "lat", "latitude")?;
    let lon_deg = number::<f64>(f[2], line, "lon", "longitude")?;
    let population = number::<u64>(f[3], line, "population", "count")?;
    let geonames_id = if f[6].is_empty() {
        None
    } else {
        Some(number::<u32>(f[6], line, "geonameid", "GeoNames id")?)
    };
    let fame = number::<u32>(f[7], line, "fame", "count")?;
    let names = list(f[8]);
    let Some(&name) = names.first() else {
        return Err(GazetteerError::NoName { line });
    };
    let id = PlaceId(u32::try_from(gaz.places.len()).unwrap_or(u32::MAX));
    gaz.places.push(Place {
        name: name.to_owned(),
        kind,
        lat_deg,
        lon_deg,
        population,
        country_code: f[4].to_owned(),
        admin1_code: f[5].to_owned(),
        geonames_id,
        fame,
    });
    match kind {
        PlaceKind::Country => {
            gaz.country_by_code.insert(f[4].to_owned(), id);
        }
        PlaceKind::Admin1 => {
            gaz.admin1_by_code.insert(f[5].to_owned(), id);
        }
        _ => {}
    }
    let named = [
        (names, NameKind::Name),
        (list(f[9]), NameKind::Alternate),
        (list(f[10]), NameKind::Demonym),
    ];
    for (spellings, name_kind) in named {
        for spelling in spellings {
            let senses = &mut gaz
                .senses_by_key
                .entry(name_key(spelling))
                .or_default()
                .senses;
            // A place reachable by two spellings of one key keeps its strongest sense.
            if let Some(sense) = senses.iter_mut().find(|s| s.place == id) {
                sense.kind = sense.kind.min(name_kind);
            } else {
                senses.push(NameSense {
                    place: id,
                    kind: name_kind,
                });
            }
            if spellings_seen.insert(spelling) {
                gaz.spellings.push(spelling.to_owned());
                if !spelling.chars().any(char::is_lowercase) {
                    gaz.capitals_spellings.insert(spelling.to_owned());
                }
            }
        }
    }
    Ok(())
}

fn list(field: &str) -> Vec<&str> {
    field.split('|').filter(|s| !s.is_empty()).collect()
}

fn number<T: std::str::FromStr>(
    value: &str,
    line: usize,
    field: &'static str,
    expected: &'static str,
) -> Result<T, GazetteerError> {
    value.parse().map_err(|_| GazetteerError::BadNumber {
        line,
        field,
        expected,
        value: value.to_owned(),
    })
}

/// Groups of places by key, for tests and tools that inspect the index.
#[cfg(test)]
pub(super) fn key_count(gaz: &Gazetteer) -> std::collections::HashMap<&str, usize> {
    gaz.senses_by_key
        .iter()
        .map(|(k, v)| (k.as_str(), v.senses.len()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_PLACES: &str = "# test\n\
P\tcountry\t35\t38\t100\tSY\t\t163843\t0\tSyria\t\tSyrian|Syrians\n\
P\tcity\t34.9\t35.9\t50\tSY\tSY.14\t\t12\tTartus\tTartous|Tortosa\t\n\
W\tnice\n";

    #[test]
    fn a_small_gazetteer_parses_with_its_names_alternates_and_demonyms() {
        let gaz = parse(TWO_PLACES).expect("valid");
        assert_eq!(gaz.len(), 2);
        assert_eq!(gaz.lookup("syrians")[0].kind, NameKind::Demonym);
        assert_eq!(gaz.lookup("Tartous")[0].kind, NameKind::Alternate);
        assert_eq!(gaz.place(PlaceId(1)).geonames_id, None);
        assert_eq!(gaz.country("SY"), Some(PlaceId(0)));
        assert!(gaz.is_common_word("Nice"));
        assert_eq!(key_count(&gaz)["syria"], 1);
    }

    #[test]
    fn a_line_with_a_missing_field_is_rejected_with_its_line_number() {
        let err = parse("P\tcity\t1\t2\t3\n").expect_err("short line");
        assert_eq!(
            err,
            GazetteerError::FieldCount {
                line: 1,
                expected: 12,
                found: 5
            }
        );
    }

    #[test]
    fn a_bad_latitude_names_its_field() {
        let err = parse("P\tcity\tnorth\t2\t3\tSY\t\t\t0\tX\t\t\n").expect_err("bad lat");
        assert!(err.to_string().contains("lat"), "{err}");
    }
}
