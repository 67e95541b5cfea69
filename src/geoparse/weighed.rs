//! `geoparse --jsonl --candidates`: every candidate a name was weighed as,
//! with the facts its score was computed from (the place's size, kind and
//! fame, how the name refers to it, and each piece of evidence with how
//! strongly it holds), so that `tools/eval/fit_weights.py` can fit
//! [`Weights`](super::weights::Weights) without knowing the resolver.

use serde::Serialize;

use crate::gazetteer::{Gazetteer, NameKind};

use super::evidence::Evidence;
use super::prior::{BesideOthers, fame_share, feature_area_km2};
use super::types::Toponym;

/// One candidate of a name, as `--candidates` writes it.
#[derive(Serialize)]
pub(super) struct CandidateOut<'g> {
    place: &'g str,
    lat: f64,
    lon: f64,
    kind: &'static str,
    country: &'g str,
    admin1: &'g str,
    population: u64,
    /// From 0 to 1, as the prior reads it.
    fame: f64,
    /// The box's area, for a lake or an island.
    #[serde(skip_serializing_if = "Option::is_none")]
    area_km2: Option<f64>,
    /// "name", "alternate" or "demonym".
    name_kind: &'static str,
    /// A state or province beside a namesake city that takes the name.
    namesake_city: bool,
    /// An alternate name beside a town that bears the name as its own.
    alternate_beside_name: bool,
    prior: f64,
    score: f64,
    /// The article's evidence, without the prior's own reasons.
    evidence: Vec<FactOut>,
}

/// One piece of evidence and how strongly it holds, where that varies.
#[derive(Serialize)]
struct FactOut {
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    km: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    names: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    share: Option<f64>,
}

/// The candidates of a toponym, best first, each with its facts.
pub(super) fn candidates_out<'g>(t: &Toponym, gaz: &'g Gazetteer) -> Vec<CandidateOut<'g>> {
    let beside = BesideOthers::of(&t.candidates, gaz);
    t.candidates
        .iter()
        .map(|c| {
            let place = gaz.place(c.place);
            let (namesake_city, alternate_beside_name) = beside.of_candidate(c, gaz);
            CandidateOut {
                place: place.name,
                lat: place.lat_deg,
                lon: place.lon_deg,
                kind: place.kind.label(),
                country: place.country_code,
                admin1: place.admin1_code,
                population: place.population,
                fame: fame_share(gaz, c.place),
                area_km2: place
                    .kind
                    .is_natural_feature()
                    .then(|| feature_area_km2(gaz, c.place)),
                name_kind: match c.name_kind {
                    NameKind::Name => "name",
                    NameKind::Alternate => "alternate",
                    NameKind::Demonym => "demonym",
                },
                namesake_city,
                alternate_beside_name,
                prior: c.prior,
                score: c.score,
                evidence: c.evidence.iter().filter_map(fact_out).collect(),
            }
        })
        .collect()
}

fn fact_out(e: &Evidence) -> Option<FactOut> {
    let mut fact = FactOut {
        name: e.name(),
        km: None,
        names: None,
        share: None,
    };
    match e {
        Evidence::OnlyPlace
        | Evidence::Area(_)
        | Evidence::NationalCapital
        | Evidence::Population(_)
        | Evidence::WellKnown(_) => return None,
        Evidence::Near { km, .. } | Evidence::Neighbours { km, .. } => fact.km = Some(*km),
        Evidence::HomeRegion { km_from_centre, .. } => fact.km = *km_from_centre,
        Evidence::InArticleRegion { names, share, .. } => {
            fact.names = Some(*names);
            fact.share = Some(*share);
        }
        _ => {}
    }
    Some(fact)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::{Options, Weights, detect_places_with};

    const GEORGIA_STORY: &str = "Crews from Macon and Milledgeville joined volunteers in \
        Dexter and Rentz. A relief truck from Athens arrived by noon.";

    fn athens(options: &Options) -> Toponym {
        detect_places_with(GEORGIA_STORY, Gazetteer::embedded(), options)
            .into_iter()
            .find(|t| t.text == "Athens")
            .expect("Athens found")
    }

    #[test]
    fn every_candidate_is_written_with_the_facts_its_score_rests_on() {
        let gaz = Gazetteer::embedded();
        let athens = athens(&Options::default());
        let out = serde_json::to_value(candidates_out(&athens, gaz)).expect("JSON");
        let georgia = &out[0];
        assert_eq!(georgia["admin1"], "US.GA");
        assert!(
            georgia["evidence"]
                .as_array()
                .expect("a list")
                .iter()
                .any(|e| e["name"] == "InArticleRegion" && e["share"].as_f64() > Some(0.5)),
            "{georgia}"
        );
        let greece = out
            .as_array()
            .expect("a list")
            .iter()
            .find(|c| c["country"] == "GR" && c["kind"] == "capital")
            .expect("the Greek capital is a candidate");
        assert!(greece["population"].as_u64() > Some(500_000), "{greece}");
    }

    #[test]
    fn a_score_is_its_prior_plus_its_evidence_weighed_with_the_options_weights() {
        let weights = Weights {
            in_article_region: 0.5,
            ..Weights::DEFAULT
        };
        let options = Options {
            weights,
            ..Options::default()
        };
        for candidate in athens(&options).candidates.iter() {
            let evidence: f64 = candidate.evidence.iter().map(|e| e.weight(&weights)).sum();
            assert!((candidate.score - candidate.prior - evidence).abs() < 1e-9);
        }
    }

    #[test]
    fn other_weights_give_other_places() {
        let gaz = Gazetteer::embedded();
        let context_blind = Options {
            weights: Weights {
                in_article_region: 0.0,
                near: 0.0,
                ..Weights::DEFAULT
            },
            ..Options::default()
        };
        let country = |t: Toponym| gaz.place(t.place()).country_code;
        assert_eq!(country(athens(&Options::default())), "US");
        assert_eq!(country(athens(&context_blind)), "GR");
    }
}
