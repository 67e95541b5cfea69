//! An article's places read together: where most of the places it names lie
//! in one state or province, an ambiguous name goes to the namesake there
//! unless the text says otherwise ("Athens" in a story of Georgia towns is
//! Athens, Georgia). One principle with one weight
//! ([`Evidence::InArticleRegion`]): a far, famous namesake keeps its prior,
//! and beats the region only with evidence of its own ("Paris, France").
//! A state the article names counts as one of its places there; a state
//! that only its own name puts in the story must be all of the story's
//! other places (its country aside): "the council of Dublin ... in Ohio" is
//! an Ohio story, "officials from Ohio met in Dublin and London" is not.

use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};

use super::evidence::Evidence;
use super::group::{NameGroup, is_unplaced_town};

/// A region needs this much of the article's other names in it: one name the
/// text settles ("Atlanta" alone says which "Athens"), or two it does not...
const MIN_NAMES: f64 = 1.0;
/// ...and at least this share of the article's other places, countries
/// counted: a story of France, Germany and Texas is no Texas story.
const MIN_SHARE: f64 = 0.5;
/// What a name counts for when only its prior or nearness to another guess
/// chose its winner: two ambiguous names must not lock each other's first
/// guess in ("Lincoln visited the fort near Atlanta").
const UNSETTLED: f64 = 0.75;

/// A state or province of the gazetteer, looked up once per round.
#[derive(Clone, Copy, Debug)]
pub(super) struct Region<'g> {
    pub area: PlaceId,
    pub admin1_code: &'g str,
    pub country_code: &'g str,
    /// Its country, as a place.
    pub country: Option<PlaceId>,
}

/// Where the winners of an article's names lie, by state or province.
#[derive(Default)]
pub(super) struct ArticleRegions<'g> {
    /// The state of each name's winner (its admin1 key), what the name
    /// counts for there, and whether the winner is that state itself.
    of_group: Vec<(Option<u16>, f64, bool)>,
    /// Each name whose winner is a country: its group, the country, and what
    /// the name counts for.
    countries: Vec<(usize, PlaceId, f64)>,
    /// The two states whose names count most, most first, with what they
    /// count for and what the states' own names among them count for.
    top: [Option<(Region<'g>, u16, f64, f64)>; 2],
    /// What all the article's placed names count for (countries too).
    placed: f64,
}

impl<'g> ArticleRegions<'g> {
    /// From the current winner of each name (group). A name counts in full
    /// when the text itself settles it: it means one place only, its winner
    /// is a state or province, or its winner has the text's word for it
    /// ("Moscow, Idaho", a county or state the article names); otherwise it
    /// counts for [`UNSETTLED`]. It reads only each winner's kind and state
    /// key: this runs every round. While the filter drops small towns
    /// nothing places (`drops_unplaced_towns`), such a town counts for
    /// nothing: unless the article places it by the end, it is not one of the
    /// article's places (in the first round, before any evidence, no small
    /// town counts).
    pub fn from_groups(
        groups: &[NameGroup],
        gaz: &'g Gazetteer,
        drops_unplaced_towns: bool,
    ) -> Self {
        let mut regions = Self::default();
        // (admin1 key, what its names count for, what the state's own name
        // counts for); an article names few states.
        let mut names_in: Vec<(u16, f64, f64)> = Vec::new();
        for group in groups {
            let best = group.candidates.first();
            let is_state = best.is_some_and(|c| gaz.kind(c.place) == PlaceKind::Admin1);
            let weight = match best {
                // A small town nothing places says nothing of where the
                // story is.
                Some(c)
                    if drops_unplaced_towns && is_unplaced_town(c, group.hints.vouched, gaz) =>
                {
                    0.0
                }
                Some(c) if counts(gaz.kind(c.place)) => {
                    let settled = group.candidates.len() == 1
                        || is_state
                        || c.evidence.iter().any(Evidence::settles);
                    if settled { 1.0 } else { UNSETTLED }
                }
                _ => 0.0,
            };
            let key = best
                .filter(|_| weight > 0.0)
                .map(|c| gaz.admin1_key(c.place))
                .filter(|&k| !gaz.admin1_code_of_key(k).is_empty());
            if let Some(c) =
                best.filter(|c| weight > 0.0 && gaz.kind(c.place) == PlaceKind::Country)
            {
                regions
                    .countries
                    .push((regions.of_group.len(), c.place, weight));
            }
            let own_name = if is_state { weight } else { 0.0 };
            if let Some(k) = key {
                match names_in.iter_mut().find(|(a, ..)| *a == k) {
                    Some(entry) => {
                        entry.1 += weight;
                        entry.2 += own_name;
                    }
                    None => names_in.push((k, weight, own_name)),
                }
            }
            regions.placed += weight;
            regions.of_group.push((key, weight, is_state));
        }
        names_in.sort_unstable_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| gaz.admin1_code_of_key(a.0).cmp(gaz.admin1_code_of_key(b.0)))
        });
        let region = |&(key, names, state_names): &(u16, f64, f64)| {
            let admin1_code = gaz.admin1_code_of_key(key);
            let area = gaz.admin1_of_key(key)?;
            let country_code = gaz.place(area).country_code;
            Some((
                Region {
                    area,
                    admin1_code,
                    country_code,
                    country: gaz.country_of(area),
                },
                key,
                names,
                state_names,
            ))
        };
        regions.top = [
            names_in.first().and_then(region),
            names_in.get(1).and_then(region),
        ];
        regions
    }

    /// The state most of the article's other names lie in, seen from name
    /// `group` (its own winner left out): the state, what its names count
    /// for, and their share of the article's other places.
    pub fn dominant_for(&self, group: usize) -> Option<(Region<'g>, f64, f64)> {
        let (own, own_weight, own_is_state) = self
            .of_group
            .get(group)
            .copied()
            .unwrap_or((None, 0.0, false));
        let placed = self.placed - own_weight;
        self.top
            .iter()
            .flatten()
            .find_map(|&(region, key, names, state_names)| {
                let (others, state_others) = match own == Some(key) {
                    true if own_is_state => (names - own_weight, state_names - own_weight),
                    true => (names - own_weight, state_names),
                    false => (names, state_names),
                };
                let share = others / placed.max(1.0);
                // A state that only its own name puts in the story must be all
                // of the story's other places, its country aside: "officials
                // from Ohio met in Dublin and London" is no Ohio story, "the
                // council of Dublin ... in Ohio, U.S." is.
                let enough = if others - state_others < 1e-9 {
                    let country: f64 = self
                        .countries
                        .iter()
                        .filter(|&&(g, c, _)| g != group && Some(c) == region.country)
                        .map(|&(.., w)| w)
                        .sum();
                    (others + country) / placed.max(1.0) >= 1.0 - 1e-9
                } else {
                    share >= MIN_SHARE
                };
                (others >= MIN_NAMES && enough).then_some((region, others, share))
            })
    }
}

/// The places that say where a story is: countries, states, counties, towns,
/// islands and facilities; not continents, seas, lakes, rivers or regions, which span many.
fn counts(kind: PlaceKind) -> bool {
    !matches!(
        kind,
        PlaceKind::Continent
            | PlaceKind::Region
            | PlaceKind::Water
            | PlaceKind::Lake
            | PlaceKind::River
    )
}
