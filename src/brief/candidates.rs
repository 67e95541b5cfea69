//! What the machine weighed for a place it found (its `x-geoparse` record):
//! the name as written, why the chosen candidate won, the others; and the
//! edit that moves a place to another candidate. The record is one serde
//! type, written by `compose` and read here by the same code, so this module
//! needs no place detection to read it. Fields it does not know are kept.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Brief, Edit, EditError, Place, PlaceChange, PlaceId, PlaceKind, Source};

/// The field of a place where place detection leaves its record.
pub const GEOPARSE_FIELD: &str = "x-geoparse";

/// One candidate the machine weighed for a place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateRecord {
    pub name: String,
    /// What it is, in a reader's words ("town", "county", "state"); empty
    /// where there is no plain word for it.
    #[serde(default)]
    pub kind: String,
    /// The country's name ("Greece"); empty for a country itself.
    #[serde(default)]
    pub country: String,
    /// Where it lies below the country ("Georgia"), when known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub region: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default)]
    pub population: u64,
    #[serde(default)]
    pub geonames_id: Option<u64>,
    /// Higher is likelier; comparable only among one record's candidates.
    #[serde(default)]
    pub score: f64,
    /// The kind the place takes in the brief when this candidate is chosen.
    pub brief_kind: PlaceKind,
    /// Fields this version does not know, kept on a round trip.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What the machine recorded about a place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeoparseRecord {
    /// The name as written in the article.
    #[serde(rename = "name")]
    pub written: String,
    /// The recognition rule that kept the name (as `geoparse --explain`
    /// names it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
    /// Why the machine's choice (candidate 0) won, in words.
    #[serde(default)]
    pub reason: String,
    pub candidates: Vec<CandidateRecord>,
    /// The candidate the place now is: 0, the machine's choice, unless the
    /// reader picked another.
    #[serde(default)]
    pub chosen: usize,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CandidateRecord {
    /// The kind word of an older record, which wrote the gazetteer's own
    /// labels: "admin1" and "admin2" say nothing a reader would, so nothing.
    pub fn kind_word(&self) -> &str {
        match self.kind.as_str() {
            "admin1" | "admin2" | "airbase" | "naval" => "",
            word => word,
        }
    }

    /// "Athens, Georgia, United States": the name with what tells it from
    /// its namesakes.
    pub fn full_name(&self) -> String {
        let mut text = self.name.clone();
        for part in [&self.region, &self.country] {
            if !part.is_empty() && *part != self.name {
                text.push_str(", ");
                text.push_str(part);
            }
        }
        text
    }

    /// The place's note: "Town in Georgia, United States", then `how` it
    /// came to be chosen.
    pub fn note(&self, how: &str) -> String {
        let kind = self.kind_word();
        let mut note: String = kind
            .chars()
            .take(1)
            .flat_map(char::to_uppercase)
            .chain(kind.chars().skip(1))
            .collect();
        let mut within: Vec<&str> = Vec::new();
        if !self.region.is_empty() && self.region != self.name {
            within.push(&self.region);
        }
        if !self.country.is_empty() && self.country != self.name {
            within.push(&self.country);
        }
        if !within.is_empty() {
            note.push_str(if note.is_empty() { "In " } else { " in " });
            note.push_str(&within.join(", "));
        }
        if note.is_empty() {
            let mut how = how.to_string();
            if let Some(first) = how.get(..1) {
                how = first.to_uppercase() + &how[1..];
            }
            return how;
        }
        format!("{note}, {how}")
    }

    /// Where the place comes from: GeoNames by its id, Natural Earth for a
    /// lake, an island or a river, or Geobrief's own list.
    pub fn source(&self) -> Source {
        match self.geonames_id {
            Some(gid) => Source {
                title: format!("GeoNames geographical database (CC BY 4.0), id {gid}"),
                url: Some(format!("https://www.geonames.org/{gid}")),
            },
            None if self.kind == "river" => Source {
                title: "Natural Earth 1:10m rivers (public domain), its lines' box".into(),
                url: Some("https://www.naturalearthdata.com/".into()),
            },
            None if matches!(self.kind.as_str(), "lake" | "island") => Source {
                title: "Natural Earth 1:50m (public domain), its outline's box".into(),
                url: Some("https://www.naturalearthdata.com/".into()),
            },
            None => Source {
                title: "Geobrief's hand-curated gazetteer".into(),
                url: None,
            },
        }
    }

    /// Whether a place of this kind is drawn as a sketch (a region's centre).
    pub fn is_approximate(&self) -> bool {
        matches!(
            self.brief_kind,
            PlaceKind::Region | PlaceKind::Sea | PlaceKind::Country
        )
    }
}

impl GeoparseRecord {
    /// The candidate the place now is.
    pub fn chosen(&self) -> Option<&CandidateRecord> {
        self.candidates.get(self.chosen)
    }

    /// Why the place is the one it is, for the place card: the machine's
    /// reason, or that the reader chose it over the machine's choice.
    pub fn why(&self) -> String {
        match (self.chosen, self.candidates.first()) {
            (0, _) if self.reason.is_empty() => String::new(),
            (0, _) => format!("Chosen for: {}", self.reason),
            (_, Some(machine)) if !self.reason.is_empty() => format!(
                "Your choice. Geobrief had chosen {} for: {}",
                machine.full_name(),
                self.reason
            ),
            (_, Some(machine)) => {
                format!("Your choice. Geobrief had chosen {}", machine.full_name())
            }
            (_, None) => "Your choice".into(),
        }
    }

    pub fn to_value(&self) -> Value {
        // A record of strings, numbers and maps always serialises.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// The note of a place found by the machine.
pub const FOUND_BY_MACHINE: &str = "found in the text by Geobrief";

pub fn geoparse_record(place: &Place) -> Option<GeoparseRecord> {
    record_in(&place.extra)
}

/// The record among a place's extra fields (of a place or of its file form).
pub fn record_in(extra: &serde_json::Map<String, Value>) -> Option<GeoparseRecord> {
    let record = extra.get(GEOPARSE_FIELD)?;
    let mut record = GeoparseRecord::deserialize(record).ok()?;
    if record.candidates.is_empty() {
        return None;
    }
    record.chosen = record.chosen.min(record.candidates.len() - 1);
    Some(record)
}

/// The edit that moves place `id` to its candidate `k`, keeping its
/// mentions. Everything the place took from its candidate follows: name,
/// kind, point, note, sources (so its GeoNames id), whether it is
/// approximate, and the record's choice; the edit's inverse puts all of it
/// back.
pub fn choose_candidate(brief: &Brief, id: &PlaceId, k: usize) -> Result<Edit, EditError> {
    let place = brief
        .place(id.as_str())
        .ok_or_else(|| EditError::NoSuchPlace(id.clone()))?;
    let mut record = geoparse_record(place).ok_or_else(|| EditError::NoSuchPlace(id.clone()))?;
    let candidate = record
        .candidates
        .get(k)
        .cloned()
        .ok_or(EditError::IndexOutOfRange {
            index: k,
            len: record.candidates.len(),
        })?;
    record.chosen = k;
    let how = if k == 0 {
        FOUND_BY_MACHINE.to_string()
    } else {
        format!("chosen by the reader for “{}”", record.written)
    };
    // The sources the machine gave are replaced; any the reader added stay.
    let machine_sources: Vec<Source> = record.candidates.iter().map(|c| c.source()).collect();
    let mut sources: Vec<Source> = vec![candidate.source()];
    sources.extend(
        place
            .sources
            .iter()
            .filter(|s| !machine_sources.contains(s))
            .cloned(),
    );
    let change = |change| Edit::UpdatePlace {
        id: id.clone(),
        change,
    };
    Ok(Edit::Batch(vec![
        change(PlaceChange::Name(candidate.name.clone())),
        change(PlaceChange::Kind(candidate.brief_kind)),
        change(PlaceChange::Geometry(geo_types::Geometry::Point(
            geo_types::Point::new(candidate.lon, candidate.lat),
        ))),
        change(PlaceChange::Approximate(candidate.is_approximate())),
        change(PlaceChange::Note(candidate.note(&how))),
        change(PlaceChange::Sources(sources)),
        change(PlaceChange::Extra {
            key: GEOPARSE_FIELD.into(),
            value: Some(record.to_value()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn athens_record() -> Value {
        json!({
            "name": "Athens",
            "reason": "a national capital",
            "chosen": 0,
            "x-future": 1,
            "candidates": [
                {"name": "Athens", "kind": "capital", "country": "Greece", "lat": 37.98,
                 "lon": 23.73, "population": 664046, "geonames_id": 264371,
                 "score": 2.5, "brief_kind": "capital"},
                {"name": "Athens", "kind": "town", "country": "United States",
                 "region": "Georgia", "lat": 33.96, "lon": -83.38, "population": 127315,
                 "geonames_id": 4180386, "score": 1.0, "brief_kind": "city", "x-kept": true}
            ]
        })
    }

    fn brief_with_athens() -> Brief {
        let mut brief = Brief::default_brief();
        let athens = Place {
            id: "athens".into(),
            name: "Athens".into(),
            kind: PlaceKind::Capital,
            geometry: geo_types::Geometry::Point(geo_types::Point::new(23.73, 37.98)),
            approximate: false,
            note: "Capital in Greece, found in the text by Geobrief".into(),
            sources: vec![
                Source {
                    title: "GeoNames geographical database (CC BY 4.0), id 264371".into(),
                    url: Some("https://www.geonames.org/264371".into()),
                },
                Source {
                    title: "My own notes".into(),
                    url: None,
                },
            ],
            extra: [(GEOPARSE_FIELD.to_string(), athens_record())]
                .into_iter()
                .collect(),
        };
        brief
            .apply(Edit::InsertPlace {
                index: 0,
                place: Box::new(athens),
            })
            .expect("a new id");
        brief
    }

    #[test]
    fn a_record_reads_and_writes_back_with_the_fields_it_does_not_know() {
        let record = GeoparseRecord::deserialize(athens_record()).unwrap();
        assert_eq!(record.candidates[1].region, "Georgia");
        assert_eq!(record.to_value(), athens_record());
    }

    #[test]
    fn choosing_a_candidate_carries_its_source_kind_note_and_point_and_undo_restores_all() {
        let mut brief = brief_with_athens();
        let before = brief.place("athens").unwrap().clone();
        let edit = choose_candidate(&brief, &PlaceId::from("athens"), 1).unwrap();
        let undo = brief.apply(edit).unwrap();
        let after = brief.place("athens").unwrap().clone();
        assert_eq!(after.kind, PlaceKind::City);
        assert_eq!(after.anchor_lon_lat(), (-83.38, 33.96));
        assert_eq!(
            after.sources[0].url.as_deref(),
            Some("https://www.geonames.org/4180386")
        );
        assert_eq!(
            after.sources[1].title, "My own notes",
            "the reader's source stays"
        );
        assert_eq!(after.sources.len(), 2, "the machine's old source goes");
        assert_eq!(
            after.note,
            "Town in Georgia, United States, chosen by the reader for “Athens”"
        );
        let record = geoparse_record(&after).unwrap();
        assert_eq!(record.chosen, 1);
        assert!(
            record
                .why()
                .starts_with("Your choice. Geobrief had chosen Athens, Greece")
        );
        assert_eq!(
            record.extra["x-future"], 1,
            "unknown fields survive the choice"
        );
        brief.apply(undo).unwrap();
        assert_eq!(brief.place("athens").unwrap(), &before);
    }

    #[test]
    fn an_older_record_s_admin_labels_make_no_jargon_in_the_note() {
        let c = CandidateRecord {
            name: "Colón".into(),
            kind: "admin1".into(),
            country: "Panama".into(),
            region: String::new(),
            lat: 9.0,
            lon: -80.0,
            population: 0,
            geonames_id: None,
            score: 0.0,
            brief_kind: PlaceKind::Region,
            extra: Map::new(),
        };
        assert_eq!(c.note("found"), "In Panama, found");
    }
}
