//! What a name's candidates are worth before the article says anything: how
//! big, how widely known and what kind of place each is ([`prior`]), less
//! what a name loses beside a namesake city or a proper name. Resolution
//! ([`super::resolve`]) adds the article's evidence to this.

use rustc_hash::{FxHashMap, FxHashSet as HashSet};
use std::cell::RefCell;

use crate::gazetteer::{Gazetteer, NameKind, PlaceId, PlaceKind, Senses};

use super::types::Candidate;
use super::weights::Weights;

/// At most this many senses of one name are scored and shown.
const MAX_CANDIDATES: usize = 40;
const NAMESAKE_CITY_POPULATION: u64 = 100_000;
const MEGACITY_POPULATION: u64 = 5_000_000;
/// The share of its region's people a namesake city needs to take the name. The
/// region's count sums its towns and city districts, so it runs high: Zürich
/// holds 17% of it, Quebec City 5%.
const NAMESAKE_CITY_SHARE: f64 = 0.1;
/// A place's fame counts up to this many alternate names.
const FAME_CAP: u32 = 200;

thread_local! {
    /// The candidates of the names met lately, by spelling, as
    /// [`candidates_of_spelling`] made them; one memory per thread, so that
    /// workers share no lock.
    static MADE: RefCell<CandidatesMade> = RefCell::new(CandidatesMade::default());
}

/// Names [`MADE`] keeps before it starts again: a long run's memory stays
/// bounded (a name's candidates are at most [`MAX_CANDIDATES`]).
const NAMES_MADE: usize = 1 << 12;

/// The candidates made for one gazetteer and one set of weights, by the
/// spelling their name was found as.
#[derive(Default)]
struct CandidatesMade {
    made_for: Option<(u64, Weights)>,
    by_spelling: FxHashMap<usize, Vec<Candidate>>,
}

/// The candidates of the name found as `spelling`, as [`candidates_of`] makes
/// them from its senses. The same names come back article after article
/// ("Washington" has hundreds of places, each read and weighed), so they are
/// made once and copied after.
pub(super) fn candidates_of_spelling(
    spelling: usize,
    gaz: &Gazetteer,
    weights: &Weights,
) -> Vec<Candidate> {
    let make = || {
        let senses = gaz.entry_of_spelling(spelling).unwrap_or_default().senses;
        candidates_of(senses, gaz, weights)
    };
    MADE.with(|cell| {
        let Ok(mut made) = cell.try_borrow_mut() else {
            return make();
        };
        let made_for = Some((gaz.number(), *weights));
        if made.made_for != made_for || made.by_spelling.len() >= NAMES_MADE {
            made.by_spelling.clear();
            made.made_for = made_for;
        }
        let candidates = made.by_spelling.entry(spelling).or_insert_with(make);
        candidates.iter().map(unweighed_copy).collect()
    })
}

/// A copy of a candidate as [`candidates_of`] made it, with no evidence
/// and no reasons yet: made field by field, it costs a fifth of a clone.
fn unweighed_copy(c: &Candidate) -> Candidate {
    debug_assert!(c.evidence.is_empty() && c.reasons.is_empty());
    Candidate {
        place: c.place,
        name_kind: c.name_kind,
        score: c.score,
        prior: c.prior,
        evidence: Vec::new(),
        reasons: Vec::new(),
    }
}

/// The candidates of a name that can mean `senses`, best first by their priors.
pub(super) fn candidates_of(
    senses: Senses<'_>,
    gaz: &Gazetteer,
    weights: &Weights,
) -> Vec<Candidate> {
    // Sized at once: grown an insert at a time, the set of a name with
    // hundreds of places was made again and again (1.5% of a run).
    let mut seen = HashSet::with_capacity_and_hasher(senses.len(), Default::default());
    let mut candidates: Vec<Candidate> = senses
        .iter()
        .filter(|s| seen.insert(s.place))
        .map(|s| {
            let score = prior(gaz, s.place, s.kind, weights);
            Candidate {
                place: s.place,
                name_kind: s.kind,
                score,
                prior: score,
                evidence: Vec::new(),
                reasons: Vec::new(),
            }
        })
        .collect();
    let beside = BesideOthers::of(&candidates, gaz);
    for candidate in &mut candidates {
        let (namesake, proper) = beside.of_candidate(candidate, gaz);
        if namesake {
            candidate.prior += weights.namesake_city;
        }
        if proper {
            candidate.prior += weights.alternate_beside_name;
        }
        candidate.score = candidate.prior;
    }
    // Only the best are kept: pick them out before sorting them ("Washington"
    // has hundreds). The order is total, so the same ones win.
    if candidates.len() > MAX_CANDIDATES {
        candidates.select_nth_unstable_by(MAX_CANDIDATES - 1, best_first);
        candidates.truncate(MAX_CANDIDATES);
    }
    sort_best_first(&mut candidates);
    candidates
}

/// What a candidate's prior owes to the other places of its name.
pub(super) struct BesideOthers<'g> {
    /// The states or provinces of cities that could take the name from them
    /// (see [`Self::of_candidate`]), with their people.
    namesake_cities: Vec<(&'g str, u64)>,
    /// Some city or town bears the name as its own.
    town_of_the_name: bool,
}

impl<'g> BesideOthers<'g> {
    pub(super) fn of(candidates: &[Candidate], gaz: &'g Gazetteer) -> Self {
        let namesake_cities = candidates
            .iter()
            .filter(|c| {
                matches!(gaz.kind(c.place), PlaceKind::City | PlaceKind::Capital)
                    && gaz.population(c.place) >= NAMESAKE_CITY_POPULATION
            })
            .map(|c| gaz.place(c.place))
            .filter(|p| !(p.name.ends_with(" City") && p.population < MEGACITY_POPULATION))
            .map(|p| (p.admin1_code, p.population))
            .collect();
        let town_of_the_name = candidates.iter().any(|c| {
            c.name_kind == NameKind::Name
                && matches!(
                    gaz.kind(c.place),
                    PlaceKind::City | PlaceKind::Town | PlaceKind::Capital
                )
        });
        Self {
            namesake_cities,
            town_of_the_name,
        }
    }

    /// Whether `candidate` yields to a namesake city, and whether it is an
    /// alternate name beside a place's own name.
    ///
    /// A city that shares its name with its own state or province and holds a
    /// good share of its people ("New York", "Hama") is what the news means
    /// by the name, unless it says "state"; a small capital of a big province
    /// ("Quebec") is not, nor a city called "<region> City" ("Oklahoma
    /// City"), save a megacity ("New York City"). And when some place bears
    /// the name as its own, another language's name for a different place is
    /// weak evidence ("Garden City" is a town before it is a nickname of
    /// Singapore).
    pub(super) fn of_candidate(&self, candidate: &Candidate, gaz: &Gazetteer) -> (bool, bool) {
        let namesake =
            !self.namesake_cities.is_empty() && gaz.kind(candidate.place) == PlaceKind::Admin1 && {
                let place = gaz.place(candidate.place);
                self.namesake_cities.iter().any(|(admin1, people)| {
                    *admin1 == place.admin1_code
                        && (*people as f64) >= NAMESAKE_CITY_SHARE * place.population as f64
                })
            };
        let proper = self.town_of_the_name && candidate.name_kind == NameKind::Alternate;
        (namesake, proper)
    }
}

pub(super) fn sort_best_first(candidates: &mut [Candidate]) {
    candidates.sort_by(best_first);
}

fn best_first(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.place.cmp(&b.place))
}

/// A lake or an island has no people to count: its size stands in for them,
/// the area of the box around it in km² on a log scale, so that Long Island
/// (its box some 12,000 km²) weighs like a city (as the fit stands, see
/// [`Weights::feature_area_decade`]) and a 1:50m atlas's smallest islands
/// like a town.
pub(super) fn feature_area_km2(gaz: &Gazetteer, place: PlaceId) -> f64 {
    gaz.extent(place).map_or(0.0, |extent| extent.area_km2())
}

/// A place's fame, from 0 to 1: world-famous places are known by many names,
/// small namesakes by few.
pub(super) fn fame_share(gaz: &Gazetteer, place: PlaceId) -> f64 {
    f64::from(gaz.fame(place).min(FAME_CAP)).ln_1p() / f64::from(FAME_CAP).ln_1p()
}

/// How likely a bare mention of a name means this place, before any context.
fn prior(gaz: &Gazetteer, place: PlaceId, name_kind: NameKind, w: &Weights) -> f64 {
    let size = w.population_decade * ((gaz.population(place) as f64) + 1.0).log10();
    let kind = match gaz.kind(place) {
        PlaceKind::Continent => w.continent,
        PlaceKind::Country => w.country,
        PlaceKind::Admin1 => w.admin1,
        PlaceKind::Admin2 => w.admin2,
        PlaceKind::Capital => w.capital,
        PlaceKind::City => 0.0,
        PlaceKind::Town => w.town,
        PlaceKind::Lake | PlaceKind::Island | PlaceKind::River => {
            w.feature + w.feature_area_decade * (feature_area_km2(gaz, place) + 1.0).log10()
        }
        PlaceKind::Region
        | PlaceKind::Water
        | PlaceKind::AirBase
        | PlaceKind::NavalBase
        | PlaceKind::Airport
        | PlaceKind::Building => w.curated,
    };
    let spelling = match name_kind {
        NameKind::Name | NameKind::Demonym => 0.0,
        NameKind::Alternate => w.alternate_name,
    };
    size + kind + spelling + w.fame * fame_share(gaz, place)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelling_of(gaz: &Gazetteer, name: &str) -> usize {
        gaz.name_finder()
            .and_then(|index| index.get(name.as_bytes()))
            .expect("a spelling of the gazetteer")
    }

    #[test]
    fn candidates_made_once_are_those_made_again_for_the_same_weights_only() {
        let gaz = Gazetteer::embedded();
        let spelling = spelling_of(gaz, "Washington");
        let senses = gaz.entry_of_spelling(spelling).unwrap_or_default().senses;
        let made = candidates_of(senses, gaz, &Weights::DEFAULT);
        assert!(made.len() > 1);
        for _ in 0..2 {
            assert_eq!(
                candidates_of_spelling(spelling, gaz, &Weights::DEFAULT),
                made
            );
        }
        let other = Weights {
            town: Weights::DEFAULT.town + 1.0,
            ..Weights::DEFAULT
        };
        assert_eq!(
            candidates_of_spelling(spelling, gaz, &other),
            candidates_of(senses, gaz, &other)
        );
        assert_eq!(
            candidates_of_spelling(spelling, gaz, &Weights::DEFAULT),
            made
        );
    }

    #[test]
    fn candidates_made_for_one_gazetteer_are_not_given_for_another() {
        let one =
            Gazetteer::from_tsv("P\ttown\t10\t10\t1\tNG\t\t\t0\tSouth\t\t\n").expect("a gazetteer");
        let other = Gazetteer::from_tsv("P\tcity\t20\t20\t500000\tKE\t\t\t0\tSouth\t\t\n")
            .expect("a gazetteer");
        let in_one = candidates_of_spelling(spelling_of(&one, "South"), &one, &Weights::DEFAULT);
        let in_other =
            candidates_of_spelling(spelling_of(&other, "South"), &other, &Weights::DEFAULT);
        assert_ne!(in_one, in_other);
        assert_eq!(other.kind(in_other[0].place), PlaceKind::City);
    }
}
