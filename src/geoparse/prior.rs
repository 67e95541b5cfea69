//! What a name's candidates are worth before the article says anything: how
//! big, how widely known and what kind of place each is ([`prior`]), less
//! what a name loses beside a namesake city or a proper name. Resolution
//! ([`super::resolve`]) adds the article's evidence to this.

use rustc_hash::FxHashSet as HashSet;

use crate::gazetteer::{Gazetteer, NameKind, PlaceId, PlaceKind, Senses};

use super::types::Candidate;

/// At most this many senses of one name are scored and shown.
const MAX_CANDIDATES: usize = 40;
/// What an alternate name loses when another place bears the name as its own.
const ALTERNATE_BESIDE_NAME: f64 = 3.0;
/// What a state or province loses to a city of its own name ("New York",
/// "Hama"), unless the text calls it a state or province.
const NAMESAKE_CITY: f64 = 7.0;
const NAMESAKE_CITY_POPULATION: u64 = 100_000;
const MEGACITY_POPULATION: u64 = 5_000_000;
/// The share of its region's people a namesake city needs to take the name. The
/// region's count sums its towns and city districts, so it runs high: Zürich
/// holds 17% of it, Quebec City 5%.
const NAMESAKE_CITY_SHARE: f64 = 0.1;
/// What a lake or an island of the atlas weighs beside its size.
const FEATURE_KIND: f64 = 1.5;
/// Most a place's fame adds to its prior, reached at `FAME_CAP` alternate names.
const FAME_WEIGHT: f64 = 2.0;
const FAME_CAP: u32 = 200;
/// The candidates of a name that can mean `senses`, best first by their priors.
pub(super) fn candidates_of(senses: Senses<'_>, gaz: &Gazetteer) -> Vec<Candidate> {
    let mut seen = HashSet::default();
    let mut candidates: Vec<Candidate> = senses
        .iter()
        .filter(|s| seen.insert(s.place))
        .map(|s| {
            let score = prior(gaz, s.place, s.kind);
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
    yield_to_namesake_cities(&mut candidates, gaz);
    prefer_proper_names(&mut candidates, gaz);
    // Only the best are kept: pick them out before sorting them ("Washington"
    // has hundreds). The order is total, so the same ones win.
    if candidates.len() > MAX_CANDIDATES {
        candidates.select_nth_unstable_by(MAX_CANDIDATES - 1, best_first);
        candidates.truncate(MAX_CANDIDATES);
    }
    sort_best_first(&mut candidates);
    candidates
}

/// A city that shares its name with its own state or province and holds a good
/// share of its people ("New York", "Hama") is what the news means by the name,
/// unless it says "state"; a small capital of a big province ("Quebec") is not,
/// nor a city called "<region> City" ("Oklahoma City"), save a megacity
/// ("New York City").
fn yield_to_namesake_cities(candidates: &mut [Candidate], gaz: &Gazetteer) {
    let cities: Vec<(&str, u64)> = candidates
        .iter()
        .filter(|c| {
            matches!(gaz.kind(c.place), PlaceKind::City | PlaceKind::Capital)
                && gaz.population(c.place) >= NAMESAKE_CITY_POPULATION
        })
        .map(|c| gaz.place(c.place))
        .filter(|p| !(p.name.ends_with(" City") && p.population < MEGACITY_POPULATION))
        .map(|p| (p.admin1_code, p.population))
        .collect();
    if cities.is_empty() {
        return;
    }
    for candidate in candidates.iter_mut() {
        if gaz.kind(candidate.place) != PlaceKind::Admin1 {
            continue;
        }
        let place = gaz.place(candidate.place);
        let dominated = cities.iter().any(|(admin1, people)| {
            *admin1 == place.admin1_code
                && (*people as f64) >= NAMESAKE_CITY_SHARE * place.population as f64
        });
        if dominated {
            candidate.prior -= NAMESAKE_CITY;
            candidate.score = candidate.prior;
        }
    }
}

/// When some place bears the name as its own, another language's name for a
/// different place is weak evidence ("Garden City" is a town before it is a
/// nickname of Singapore).
fn prefer_proper_names(candidates: &mut [Candidate], gaz: &Gazetteer) {
    let town_of_the_name = candidates.iter().any(|c| {
        c.name_kind == NameKind::Name
            && matches!(
                gaz.kind(c.place),
                PlaceKind::City | PlaceKind::Town | PlaceKind::Capital
            )
    });
    if town_of_the_name {
        for candidate in candidates.iter_mut() {
            if candidate.name_kind == NameKind::Alternate {
                candidate.prior -= ALTERNATE_BESIDE_NAME;
                candidate.score = candidate.prior;
            }
        }
    }
}

pub(super) fn sort_best_first(candidates: &mut [Candidate]) {
    candidates.sort_by(best_first);
}

fn best_first(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.place.cmp(&b.place))
}

/// A lake or an island has no people to count: its size stands in for them,
/// the area of the box around it in km² on the same log scale, so Long Island
/// (its box some 12,000 km²) weighs like a city of 350,000 and a 1:50m atlas's
/// smallest islands like a town of a few thousand.
fn feature_size(gaz: &Gazetteer, place: PlaceId) -> f64 {
    let km2 = gaz.extent(place).map_or(0.0, |extent| extent.area_km2());
    (km2 + 1.0).log10() + FEATURE_KIND
}

/// How likely a bare mention of a name means this place, before any context.
fn prior(gaz: &Gazetteer, place: PlaceId, name_kind: NameKind) -> f64 {
    let size = ((gaz.population(place) as f64) + 1.0).log10();
    let kind = match gaz.kind(place) {
        PlaceKind::Continent => 6.0,
        PlaceKind::Country => 4.0,
        PlaceKind::Admin1 => 1.5,
        PlaceKind::Admin2 => 0.5,
        PlaceKind::Capital => 3.5,
        PlaceKind::City => 0.0,
        PlaceKind::Town => -0.5,
        PlaceKind::Lake | PlaceKind::Island => feature_size(gaz, place),
        // Hand-curated names are specific: whoever wrote them meant these.
        PlaceKind::Region
        | PlaceKind::Water
        | PlaceKind::AirBase
        | PlaceKind::NavalBase
        | PlaceKind::Airport
        | PlaceKind::Building => 9.0,
    };
    let spelling = match name_kind {
        NameKind::Name | NameKind::Demonym => 0.0,
        NameKind::Alternate => -4.0,
    };
    // World-famous places are known by many names; small namesakes by few.
    let fame = FAME_WEIGHT * f64::from(gaz.fame(place).min(FAME_CAP)).ln_1p()
        / f64::from(FAME_CAP).ln_1p();
    size + kind + spelling + fame
}
