//! A reader's corrections to a brief: removing a place the machine got wrong,
//! or picking another of the candidates it weighed. Each edit returns a new,
//! validated brief; the caller keeps the old one until the edit succeeds.

use serde_json::Value;

use super::validate;
use super::{Brief, BriefDoc, PlaceKind};

/// One candidate the machine weighed for a place, read from `x-geoparse`.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateView {
    pub name: String,
    pub country: String,
    pub kind: PlaceKind,
    pub lat_deg: f64,
    pub lon_deg: f64,
    pub population: u64,
}

/// What the machine recorded about a place: the name as written, why the
/// chosen candidate won, the candidates and which one is chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoparseRecord {
    pub written: String,
    pub reason: String,
    pub candidates: Vec<CandidateView>,
    pub chosen: usize,
}

pub fn geoparse_record(doc: &BriefDoc, place_id: &str) -> Option<GeoparseRecord> {
    let place = doc.places.iter().find(|p| p.id == place_id)?;
    let record = place.extra.get("x-geoparse")?;
    let candidates = record
        .get("candidates")?
        .as_array()?
        .iter()
        .filter_map(|c| {
            Some(CandidateView {
                name: c.get("name")?.as_str()?.to_string(),
                country: c
                    .get("country")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                kind: serde_json::from_value(c.get("brief_kind")?.clone()).ok()?,
                lat_deg: c.get("lat")?.as_f64()?,
                lon_deg: c.get("lon")?.as_f64()?,
                population: c.get("population").and_then(Value::as_u64).unwrap_or(0),
            })
        })
        .collect();
    Some(GeoparseRecord {
        written: record
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        reason: record
            .get("reason")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        candidates,
        chosen: record.get("chosen").and_then(Value::as_u64).unwrap_or(0) as usize,
    })
}

/// The brief without the place `place_id` and its links.
pub fn remove_place(brief: &Brief, place_id: &str) -> Result<Brief, String> {
    let mut doc = brief.doc.clone();
    doc.places.retain(|p| p.id != place_id);
    doc.links.retain(|l| l.place != place_id);
    validate(doc).map_err(|e| format!("{e:?}"))
}

/// The brief with the place `place_id` moved to its candidate `k`.
pub fn choose_candidate(brief: &Brief, place_id: &str, k: usize) -> Result<Brief, String> {
    let record = geoparse_record(&brief.doc, place_id).ok_or("this place has no candidates")?;
    let candidate = record.candidates.get(k).ok_or("no such candidate")?;
    let mut doc = brief.doc.clone();
    let place = doc
        .places
        .iter_mut()
        .find(|p| p.id == place_id)
        .ok_or("no such place")?;
    place.name = candidate.name.clone();
    place.kind = candidate.kind;
    place.geometry = geojson::Geometry::new(geojson::GeometryValue::new_point([
        candidate.lon_deg,
        candidate.lat_deg,
    ]));
    place.note = format!(
        "Chosen by the reader for “{}”{}",
        record.written,
        if candidate.country.is_empty() {
            String::new()
        } else {
            format!(" ({})", candidate.country)
        }
    );
    if let Some(Value::Object(r)) = place.extra.get_mut("x-geoparse") {
        r.insert("chosen".into(), Value::from(k));
    }
    validate(doc).map_err(|e| format!("{e:?}"))
}

/// Which mentions changed place between two briefs of the same text, in
/// words: "“Paris” (¶2): Paris, France → Paris, Texas".
pub fn changed_places(before: &Brief, after: &Brief) -> Vec<String> {
    let mut changes = Vec::new();
    for m in &after.mentions {
        let old = before
            .mentions
            .iter()
            .find(|o| o.paragraph == m.paragraph && o.bytes == m.bytes)
            .map(|o| describe(before, o.place));
        let new = describe(after, m.place);
        let text = after.mention_text(m);
        match old {
            Some(old) if old != new => {
                changes.push(format!("“{text}” (¶{}): {old} → {new}", m.paragraph + 1))
            }
            None => changes.push(format!(
                "“{text}” (¶{}): now found as {new}",
                m.paragraph + 1
            )),
            _ => {}
        }
    }
    for o in &before.mentions {
        if !after
            .mentions
            .iter()
            .any(|m| m.paragraph == o.paragraph && m.bytes == o.bytes)
        {
            changes.push(format!(
                "“{}” (¶{}): no longer a place",
                before.mention_text(o),
                o.paragraph + 1
            ));
        }
    }
    changes.dedup();
    changes
}

fn describe(brief: &Brief, place: usize) -> String {
    let p = &brief.places[place];
    let (lon, lat) = p.anchor_lon_lat();
    format!("{} ({lat:.2}, {lon:.2})", p.name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::brief_from_text;
    use crate::gazetteer::Gazetteer;
    use crate::geoparse::Options;

    fn story() -> Brief {
        brief_from_text(
            "Talks in Damascus\n\nOfficials met in Damascus on Monday.\n\nLater they flew to Aleppo and Homs.",
            "t",
            Gazetteer::embedded(),
            &Options::default(),
        )
    }

    #[test]
    fn removing_a_place_removes_its_links_and_nothing_else() {
        let brief = story();
        let aleppo = brief
            .places
            .iter()
            .find(|p| p.name == "Aleppo")
            .unwrap()
            .id
            .clone();
        let edited = remove_place(&brief, &aleppo).unwrap();
        assert!(edited.places.iter().all(|p| p.id != aleppo));
        assert!(edited.doc.links.iter().all(|l| l.place != aleppo));
        assert_eq!(edited.places.len(), brief.places.len() - 1);
        assert_eq!(edited.doc.article, brief.doc.article);
    }

    #[test]
    fn picking_another_candidate_moves_the_place_and_keeps_its_mentions() {
        let brief = story();
        let damascus = brief
            .places
            .iter()
            .find(|p| p.name == "Damascus")
            .unwrap()
            .id
            .clone();
        let record = geoparse_record(&brief.doc, &damascus).unwrap();
        assert!(
            record.candidates.len() >= 2,
            "Damascus has namesakes: {record:?}"
        );
        assert_eq!(record.chosen, 0);
        let edited = choose_candidate(&brief, &damascus, 1).unwrap();
        let i = edited.place_index(&damascus).unwrap();
        let (lon, lat) = edited.places[i].anchor_lon_lat();
        assert_eq!(
            (lat, lon),
            (record.candidates[1].lat_deg, record.candidates[1].lon_deg)
        );
        assert_eq!(
            edited.mentions_of(i).count(),
            brief
                .mentions_of(brief.place_index(&damascus).unwrap())
                .count()
        );
        assert_eq!(geoparse_record(&edited.doc, &damascus).unwrap().chosen, 1);
        assert!(!changed_places(&brief, &edited).is_empty());
    }
}
