//! Towns and counties that say which each other is. "Paris" and "Henry County"
//! are each ambiguous alone, yet only one Paris lies in a Henry County: the one
//! in Tennessee. Before any name has a winner, every candidate town of the
//! article is paired with the candidate counties of its other names that hold
//! it, and each side of a pair then speaks for the other.

use rustc_hash::FxHashMap as HashMap;

use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};

use crate::geo::within_km;

use super::group::NameGroup;
use super::lexicon::COUNTY_WORDS;
use super::place_facts::is_english_state;

/// A town is "in" a county of its state this close to the county's point,
/// which is the middle of its towns.
pub(super) const COUNTY_KM: f64 = 60.0;

/// Notes on every name the counties its towns pair with, and whether it can
/// mean a state of an English-speaking country.
pub(super) fn pair_counties(groups: &mut [NameGroup], gaz: &Gazetteer) {
    let partners = pair_towns_with_counties(groups, gaz);
    for (group, partners) in groups.iter_mut().zip(partners) {
        group.hints.county_partners = partners;
        group.hints.can_mean_english_state = group
            .candidates
            .iter()
            .any(|c| is_english_state(gaz, c.place));
    }
}

/// For each name (group), its candidates that another name's candidate pairs
/// with, and that partner: a county holding the town, or a town the county holds.
fn pair_towns_with_counties(groups: &[NameGroup], gaz: &Gazetteer) -> Vec<Vec<(PlaceId, PlaceId)>> {
    let mut partners = vec![Vec::new(); groups.len()];
    let mut counties_by_admin1: HashMap<&str, Vec<(usize, PlaceId)>> = HashMap::default();
    for (group, g) in groups.iter().enumerate() {
        for c in &g.candidates {
            if gaz.kind(c.place) == PlaceKind::Admin2 {
                // Only a county named as one ("Henry County"): districts that
                // share a town's name abroad would pair with every namesake.
                let county = gaz.place(c.place);
                let admin1 = county.admin1_code;
                let named_as_county = county
                    .name
                    .rsplit_once(' ')
                    .is_some_and(|(_, last)| COUNTY_WORDS.contains(last));
                if named_as_county && !admin1.is_empty() {
                    counties_by_admin1
                        .entry(admin1)
                        .or_default()
                        .push((group, c.place));
                }
            }
        }
    }
    if counties_by_admin1.is_empty() {
        return partners;
    }
    for (group, g) in groups.iter().enumerate() {
        // "Wyoming" beside "Linn County" is still the state: a name that can
        // mean a state of an English-speaking country means it.
        if g.candidates.iter().any(|c| is_english_state(gaz, c.place)) {
            continue;
        }
        for c in &g.candidates {
            if !is_town(gaz.kind(c.place)) {
                continue;
            }
            let town = gaz.place(c.place);
            let Some(counties) = counties_by_admin1.get(town.admin1_code) else {
                continue;
            };
            let holder = counties.iter().find(|&&(county_group, county)| {
                let county = gaz.place(county);
                county_group != group && within_km(town.lon_lat(), county.lon_lat(), COUNTY_KM)
            });
            if let Some(&(county_group, county)) = holder {
                partners[group].push((c.place, county));
                if !partners[county_group].iter().any(|&(p, _)| p == county) {
                    partners[county_group].push((county, c.place));
                }
            }
        }
    }
    partners
}

fn is_town(kind: PlaceKind) -> bool {
    matches!(kind, PlaceKind::City | PlaceKind::Town | PlaceKind::Capital)
}
