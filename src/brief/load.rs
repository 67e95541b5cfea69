//! Reading a brief: bytes to JSON to a validated [`Brief`].
//!
//! Every fault is reported with its JSON path; semantic checks collect all
//! faults rather than stopping at the first, so a hand-edited file can be
//! fixed in one go. Nothing here panics on any input.

use std::path::Path;

use geo_types::{Coord, Geometry, LineString, Point, Polygon};
use geojson::GeometryValue;

use super::anchor::{anchor_quote, byte_from_char};
use super::{Brief, BriefDoc, BriefError, FORMAT, LoadError, Mention, Place, PlaceDoc, Selector};

/// Larger files are refused before parsing: no news article is 16 MiB.
pub const MAX_BRIEF_BYTES: usize = 16 * 1024 * 1024;

/// Reads and validates a brief file; the error names the file.
pub fn parse_brief_file(path: &Path) -> Result<Brief, LoadError> {
    let to_load_error = |errors| LoadError {
        file: path.to_path_buf(),
        errors,
    };
    let bytes = std::fs::read(path).map_err(|e| {
        to_load_error(vec![BriefError::Json {
            at: "(file)".into(),
            line: 0,
            column: 0,
            message: format!("cannot read the file: {e}"),
        }])
    })?;
    parse_brief(&bytes).map_err(to_load_error)
}

/// Parses and validates a brief from its bytes.
pub fn parse_brief(bytes: &[u8]) -> Result<Brief, Vec<BriefError>> {
    if bytes.len() > MAX_BRIEF_BYTES {
        return Err(vec![BriefError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BRIEF_BYTES,
        }]);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![BriefError::NotUtf8 {
            offset: e.valid_up_to(),
        }]
    })?;
    let doc = parse_doc(text).map_err(|e| vec![e])?;
    validate(doc)
}

fn parse_doc(text: &str) -> Result<BriefDoc, BriefError> {
    // Check the format tag first, so a future version gets a clear message
    // instead of a type error deep inside.
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(text)
        && let Some(format) = map.get("format")
        && format.as_str() != Some(FORMAT)
    {
        return Err(BriefError::UnsupportedFormat {
            found: format.to_string().trim_matches('"').to_string(),
        });
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let at = e.path().to_string();
        let inner = e.into_inner();
        BriefError::Json {
            at: if at == "." { "(top level)".into() } else { at },
            line: inner.line(),
            column: inner.column(),
            message: inner
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_string(),
        }
    })
}

/// Checks a parsed document and derives the app's view of it.
pub(crate) fn validate(doc: BriefDoc) -> Result<Brief, Vec<BriefError>> {
    let mut errors = Vec::new();
    if doc.format != FORMAT {
        errors.push(BriefError::UnsupportedFormat {
            found: doc.format.clone(),
        });
    }
    if doc.article.paragraphs.is_empty() {
        errors.push(BriefError::NoParagraphs);
    }
    let places = validate_places(&doc.places, &mut errors);
    let (mentions, warnings) = anchor_links(&doc, &mut errors);
    if errors.is_empty() {
        Ok(Brief {
            doc,
            places,
            mentions,
            warnings,
        })
    } else {
        Err(errors)
    }
}

fn validate_places(docs: &[PlaceDoc], errors: &mut Vec<BriefError>) -> Vec<Place> {
    let mut places = Vec::with_capacity(docs.len());
    for (i, doc) in docs.iter().enumerate() {
        let at = format!("places[{i}]");
        if doc.id.trim().is_empty() {
            errors.push(BriefError::EmptyPlaceId {
                at: format!("{at}.id"),
            });
        } else if docs[..i].iter().any(|p| p.id == doc.id) {
            errors.push(BriefError::DuplicatePlaceId {
                id: doc.id.clone(),
                at: format!("{at}.id"),
            });
        }
        if let Some(geometry) =
            geometry_from_geojson(&doc.geometry.value, &format!("{at}.geometry"), errors)
        {
            places.push(Place {
                id: doc.id.clone(),
                name: doc.name.clone(),
                kind: doc.kind,
                geometry,
                approximate: doc.approximate,
                note: doc.note.clone(),
            });
        }
    }
    places
}

fn geometry_from_geojson(
    value: &GeometryValue,
    at: &str,
    errors: &mut Vec<BriefError>,
) -> Option<Geometry<f64>> {
    match value {
        GeometryValue::Point { coordinates } => {
            coord_from_position(coordinates, &format!("{at}.coordinates"), errors)
                .map(|c| Geometry::Point(Point(c)))
        }
        GeometryValue::Polygon { coordinates } => {
            let before = errors.len();
            let rings: Vec<LineString<f64>> = coordinates
                .iter()
                .enumerate()
                .map(|(r, ring)| {
                    let ring_at = format!("{at}.coordinates[{r}]");
                    if ring.len() < 4 {
                        errors.push(BriefError::RingTooShort {
                            at: ring_at.clone(),
                            count: ring.len(),
                        });
                    } else if ring.first() != ring.last() {
                        errors.push(BriefError::UnclosedRing {
                            at: ring_at.clone(),
                        });
                    }
                    ring.iter()
                        .enumerate()
                        .filter_map(|(k, pos)| {
                            coord_from_position(pos, &format!("{ring_at}[{k}]"), errors)
                        })
                        .collect()
                })
                .collect();
            if errors.len() > before || rings.is_empty() {
                if rings.is_empty() {
                    errors.push(BriefError::RingTooShort {
                        at: format!("{at}.coordinates"),
                        count: 0,
                    });
                }
                return None;
            }
            let mut rings = rings.into_iter();
            let exterior = rings.next()?;
            Some(Geometry::Polygon(Polygon::new(exterior, rings.collect())))
        }
        other => {
            errors.push(BriefError::UnsupportedGeometry {
                at: at.to_string(),
                found: other.type_name().to_string(),
            });
            None
        }
    }
}

fn coord_from_position(
    position: &geojson::Position,
    at: &str,
    errors: &mut Vec<BriefError>,
) -> Option<Coord<f64>> {
    let numbers: &[f64] = position.as_slice();
    if numbers.len() < 2 {
        errors.push(BriefError::BadPosition {
            at: at.to_string(),
            count: numbers.len(),
        });
        return None;
    }
    // GeoJSON order: longitude first, then latitude.
    const AXES: [(&str, f64, &str); 2] = [
        ("longitude", 180.0, "a number from -180 to 180"),
        ("latitude", 90.0, "a number from -90 to 90"),
    ];
    let mut ok = true;
    for (k, (axis, limit, expected)) in AXES.into_iter().enumerate() {
        let value = numbers[k];
        if !(value.is_finite() && (-limit..=limit).contains(&value)) {
            errors.push(BriefError::CoordinateOutOfRange {
                at: format!("{at}[{k}]"),
                axis,
                found: value,
                expected,
            });
            ok = false;
        }
    }
    ok.then_some(Coord {
        x: numbers[0],
        y: numbers[1],
    })
}

fn anchor_links(doc: &BriefDoc, errors: &mut Vec<BriefError>) -> (Vec<Mention>, Vec<String>) {
    let paragraphs = &doc.article.paragraphs;
    let mut mentions = Vec::new();
    let mut warnings = Vec::new();
    for (i, link) in doc.links.iter().enumerate() {
        let at = format!("links[{i}]");
        let place = doc.places.iter().position(|p| p.id == link.place);
        if place.is_none() {
            errors.push(BriefError::UnknownPlace {
                id: link.place.clone(),
                at: format!("{at}.place"),
            });
        }
        let target_at = format!("{at}.target");
        let Some(text) = paragraphs.get(link.target.paragraph) else {
            errors.push(BriefError::ParagraphOutOfRange {
                at: format!("{target_at}.paragraph"),
                paragraph: link.target.paragraph,
                count: paragraphs.len(),
            });
            continue;
        };
        let mut quote = None;
        let mut position = None;
        for (s, selector) in link.target.selector.iter().enumerate() {
            match selector {
                Selector::TextQuoteSelector {
                    exact,
                    prefix,
                    suffix,
                } if !exact.is_empty() => {
                    quote = Some((exact, prefix, suffix));
                }
                Selector::TextQuoteSelector { .. } => {}
                Selector::TextPositionSelector { start, end } => {
                    let len = text.chars().count();
                    if start > end || *end > len {
                        errors.push(BriefError::PositionOutOfRange {
                            at: format!("{target_at}.selector[{s}]"),
                            start: *start,
                            end: *end,
                            len,
                        });
                    } else if byte_from_char(text, *end).is_some() {
                        position = Some(*start..*end);
                    }
                }
            }
        }
        let Some((exact, prefix, suffix)) = quote else {
            errors.push(BriefError::MissingQuote {
                at: format!("{target_at}.selector"),
            });
            continue;
        };
        let Some(place) = place else { continue };
        match anchor_quote(
            paragraphs,
            link.target.paragraph,
            exact,
            prefix,
            suffix,
            position,
        ) {
            Some(anchor) => {
                if anchor.quality == super::AnchorQuality::Moved {
                    warnings.push(format!(
                        "{at}: the text changed; \"{exact}\" was found again in paragraph {}",
                        anchor.paragraph + 1
                    ));
                }
                mentions.push(Mention {
                    place,
                    link: i,
                    paragraph: anchor.paragraph,
                    bytes: anchor.bytes,
                    quality: anchor.quality,
                });
            }
            None => warnings.push(format!(
                "{at}: \"{exact}\" no longer appears in the article; the link is kept but not shown"
            )),
        }
    }
    mentions.sort_by_key(|m| (m.paragraph, m.bytes.start, m.bytes.end));
    (mentions, warnings)
}
