//! An article's places read together: where most of the places it names lie
//! in one state or province, an ambiguous name goes to the namesake there
//! unless the text says otherwise ("Athens" in a story of Georgia towns is
//! Athens, Georgia). One principle with one weight
//! ([`Evidence::InArticleRegion`]): a far, famous namesake keeps its prior,
//! and beats the region only with evidence of its own ("Paris, France").

use rustc_hash::FxHashMap as HashMap;

use crate::gazetteer::{Gazetteer, PlaceKind};

use super::evidence::Evidence;
use super::group::NameGroup;

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

/// Where the winners of an article's names lie, by state or province.
#[derive(Default)]
pub(super) struct ArticleRegions<'g> {
    /// The state of each name's winner and what the name counts for there.
    of_group: Vec<(Option<&'g str>, f64)>,
    /// What the names of each state count for.
    names_in: HashMap<&'g str, f64>,
    /// The two states whose names count most, most first.
    top: [Option<(&'g str, f64)>; 2],
    /// What all the article's placed names count for (countries too).
    placed: f64,
}

impl<'g> ArticleRegions<'g> {
    /// From the current winner of each name (group). A name counts in full
    /// when the text itself settles it: it means one place only, or its
    /// winner has the text's word for it ("Moscow, Idaho", a county or state
    /// the article names); otherwise it counts for [`UNSETTLED`].
    pub fn from_groups(groups: &[NameGroup], gaz: &'g Gazetteer) -> Self {
        let mut regions = Self::default();
        for group in groups {
            let best = group.candidates.first();
            let place = best.map(|c| gaz.place(c.place));
            let settled = group.candidates.len() == 1
                || best.is_some_and(|c| c.evidence.iter().any(Evidence::settles));
            let weight = match place {
                Some(p) if counts(p.kind) => {
                    if settled {
                        1.0
                    } else {
                        UNSETTLED
                    }
                }
                _ => 0.0,
            };
            let admin1 = place
                .map(|p| p.admin1_code)
                .filter(|a| !a.is_empty() && weight > 0.0);
            if let Some(a) = admin1 {
                *regions.names_in.entry(a).or_default() += weight;
            }
            regions.placed += weight;
            regions.of_group.push((admin1, weight));
        }
        let mut ranked: Vec<(&str, f64)> = regions.names_in.iter().map(|(a, n)| (*a, *n)).collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        regions.top = [ranked.first().copied(), ranked.get(1).copied()];
        regions
    }

    /// The state most of the article's other names lie in, seen from name
    /// `group` (its own winner left out): the state, what its names count
    /// for, and their share of the article's other places.
    pub fn dominant_for(&self, group: usize) -> Option<(&'g str, f64, f64)> {
        let (own, own_weight) = self.of_group.get(group).copied().unwrap_or((None, 0.0));
        let placed = self.placed - own_weight;
        self.top.iter().flatten().find_map(|&(admin1, names)| {
            let others = if own == Some(admin1) {
                names - own_weight
            } else {
                names
            };
            let share = others / placed.max(1.0);
            (others >= MIN_NAMES && share >= MIN_SHARE).then_some((admin1, others, share))
        })
    }
}

/// The places that say where a story is: countries, states, counties, towns
/// and facilities; not continents, seas or regions, which span many.
fn counts(kind: PlaceKind) -> bool {
    !matches!(
        kind,
        PlaceKind::Continent | PlaceKind::Region | PlaceKind::Water
    )
}
