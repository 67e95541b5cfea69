//! What the machine weighed for a place it found (its `x-geoparse` record):
//! the name as written, why the chosen candidate won, the others; and the
//! edit that moves a place to another candidate. The record is plain JSON in
//! the brief, so this module needs no place detection to read it.

use serde_json::Value;

use super::{Brief, Edit, EditError, Place, PlaceChange, PlaceId, PlaceKind};

/// The field of a place where place detection leaves its record.
pub const GEOPARSE_FIELD: &str = "x-geoparse";

/// One candidate the machine weighed for a place, read from `x-geoparse`.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateView {
    pub name: String,
    pub country: String,
    /// Where it lies below the country ("Manitoba"), when the record says.
    pub region: String,
    pub kind: PlaceKind,
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub population: u64,
    pub geonames_id: Option<u64>,
}

/// What the machine recorded about a place.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoparseRecord {
    pub written: String,
    pub reason: String,
    pub candidates: Vec<CandidateView>,
    pub chosen: usize,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

pub fn geoparse_record(place: &Place) -> Option<GeoparseRecord> {
    let record = place.extra.get(GEOPARSE_FIELD)?;
    let candidates = record
        .get("candidates")?
        .as_array()?
        .iter()
        .filter_map(|c| {
            Some(CandidateView {
                name: c.get("name")?.as_str()?.to_string(),
                country: text(c, "country"),
                region: text(c, "region"),
                kind: serde_json::from_value(c.get("brief_kind")?.clone()).ok()?,
                lat_deg: c.get("lat")?.as_f64()?,
                lon_deg: c.get("lon")?.as_f64()?,
                population: c.get("population").and_then(Value::as_u64).unwrap_or(0),
                geonames_id: c.get("geonames_id").and_then(Value::as_u64),
            })
        })
        .collect();
    Some(GeoparseRecord {
        written: text(record, "name"),
        reason: text(record, "reason"),
        candidates,
        chosen: record.get("chosen").and_then(Value::as_u64).unwrap_or(0) as usize,
    })
}

/// The edit that moves place `id` to its candidate `k`, keeping its mentions.
pub fn choose_candidate(brief: &Brief, id: &PlaceId, k: usize) -> Result<Edit, EditError> {
    let place = brief
        .place(id.as_str())
        .ok_or_else(|| EditError::NoSuchPlace(id.clone()))?;
    let record = geoparse_record(place).ok_or_else(|| EditError::NoSuchPlace(id.clone()))?;
    let candidate = record.candidates.get(k).ok_or(EditError::IndexOutOfRange {
        index: k,
        len: record.candidates.len(),
    })?;
    let mut new_record = place.extra.get(GEOPARSE_FIELD).cloned().unwrap_or_default();
    if let Value::Object(r) = &mut new_record {
        r.insert("chosen".into(), Value::from(k));
    }
    let note = format!(
        "Chosen by the reader for “{}”{}",
        record.written,
        if candidate.country.is_empty() {
            String::new()
        } else {
            format!(" ({})", candidate.country)
        }
    );
    let change = |change| Edit::UpdatePlace {
        id: id.clone(),
        change,
    };
    Ok(Edit::Batch(vec![
        change(PlaceChange::Name(candidate.name.clone())),
        change(PlaceChange::Kind(candidate.kind)),
        change(PlaceChange::Geometry(geo_types::Geometry::Point(
            geo_types::Point::new(candidate.lon_deg, candidate.lat_deg),
        ))),
        change(PlaceChange::Note(note)),
        change(PlaceChange::Extra {
            key: GEOPARSE_FIELD.into(),
            value: Some(new_record),
        }),
    ]))
}

/// Which mentions changed place between two briefs of the same text, in
/// words: "“Paris” (¶2): Paris, France → Paris, Texas".
pub fn changed_places(before: &Brief, after: &Brief) -> Vec<String> {
    let at = |b: &Brief| -> std::collections::HashMap<(usize, usize, usize), String> {
        b.mentions()
            .map(|m| {
                (
                    (m.paragraph, m.bytes.start, m.bytes.end),
                    describe(b, &m.place),
                )
            })
            .collect()
    };
    let (old, new) = (at(before), at(after));
    let mut changes = Vec::new();
    for m in after.mentions() {
        let key = (m.paragraph, m.bytes.start, m.bytes.end);
        let text = after.mention_text(m.link.as_str());
        match (old.get(&key), &new[&key]) {
            (Some(o), n) if o != n => {
                changes.push(format!("“{text}” (¶{}): {o} → {n}", m.paragraph + 1))
            }
            (None, n) => changes.push(format!("“{text}” (¶{}): now found as {n}", m.paragraph + 1)),
            _ => {}
        }
    }
    for m in before.mentions() {
        if !new.contains_key(&(m.paragraph, m.bytes.start, m.bytes.end)) {
            changes.push(format!(
                "“{}” (¶{}): no longer a place",
                before.mention_text(m.link.as_str()),
                m.paragraph + 1
            ));
        }
    }
    changes.dedup();
    changes
}

fn describe(brief: &Brief, place: &PlaceId) -> String {
    match brief.place(place.as_str()) {
        Some(p) => {
            let (lon, lat) = p.anchor_lon_lat();
            format!("{} ({lat:.2}, {lon:.2})", p.name)
        }
        None => place.to_string(),
    }
}
