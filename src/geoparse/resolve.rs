//! Resolution: which place each recognised name means.
//!
//! Every candidate starts from a prior (how big, how widely known and what kind
//! of place it is) and gains from the article's context: the words right beside
//! it ("Moscow, Idaho", "Washington state"), the countries and states the article
//! names, the towns it names inside a state, the other places it mentions nearby,
//! and a country the reader asked to favour. One name keeps one sense per
//! article. The winner's evidence is kept for the place card.

use rustc_hash::FxHashMap as HashMap;

use crate::gazetteer::{Gazetteer, Place, PlaceId, PlaceKind};
use crate::geo::{distance_km, roughly_within, within_km};

use super::coherence::ArticleRegions;
use super::county_pairs::COUNTY_KM;
use super::evidence::{Evidence, HOME_NEAR_KM, NEAR_KM};
use super::group::{Hints, NameGroup};
use super::nearby::{FirstTwo, PointGrid};
use super::prior::sort_best_first;
use super::types::{Candidate, Home, Options};
use super::weights::Weights;

/// Rounds of scoring against the other names' winners; most articles settle in two.
const MAX_ROUNDS: usize = 4;
/// Another place of the article this close to a candidate outside the home
/// region speaks for it over the home; one farther off does not.
const HOME_ELSEWHERE_NEAR_KM: f64 = 60.0;

/// Country or admin1 code -> the area and the names (group indices) that named it.
type NamedAreas<'g> = HashMap<&'g str, (PlaceId, Vec<usize>)>;

/// What the article as a whole says: the areas it names and where its places are.
#[derive(Default)]
struct Context<'g> {
    countries: NamedAreas<'g>,
    admin1s: NamedAreas<'g>,
    /// Winning towns, cities, counties and facilities (capitals too), by
    /// country and by state, for "this state contains a place the article names".
    inside_country: FirstTwo<&'g str>,
    inside_admin1: FirstTwo<&'g str>,
    /// Winning places of the other names, by where they are.
    points: PointGrid,
    /// Winning counties by state, with their group.
    counties: HashMap<&'g str, Vec<(usize, PlaceId)>>,
    /// The places of names that can mean only one place, by group: a place
    /// named twice under different names ("Wash." and "Washington").
    unambiguous: FirstTwo<PlaceId>,
}

impl<'g> Context<'g> {
    fn from_winners(groups: &[NameGroup], gaz: &'g Gazetteer) -> Self {
        let mut ctx = Self::default();
        for (index, group) in groups.iter().enumerate() {
            let Some(best) = group.candidates.first() else {
                continue;
            };
            // Only an unambiguous name vouches for its place under another name;
            // two ambiguous names would only lock each other's first guess in.
            if group.candidates.len() == 1 {
                ctx.unambiguous.push(best.place, index, best.place);
            }
            let place = gaz.place(best.place);
            match place.kind {
                PlaceKind::Country => {
                    named_by(&mut ctx.countries, place.country_code, best.place, index);
                }
                PlaceKind::Admin1 => {
                    named_by(&mut ctx.admin1s, place.admin1_code, best.place, index);
                    if let Some(country) = gaz.country_of(best.place) {
                        named_by(&mut ctx.countries, place.country_code, country, index);
                    }
                }
                // A capital is often named for its government ("Washington
                // said"), which says nothing about where the story's towns are.
                PlaceKind::Continent
                | PlaceKind::Region
                | PlaceKind::Water
                | PlaceKind::Lake
                | PlaceKind::River => {}
                PlaceKind::Capital => ctx.file_inside(&place, index, best.place),
                PlaceKind::Admin2 => {
                    ctx.file_inside(&place, index, best.place);
                    ctx.counties
                        .entry(place.admin1_code)
                        .or_default()
                        .push((index, best.place));
                    ctx.points.push(index, best.place, gaz);
                }
                _ => {
                    ctx.file_inside(&place, index, best.place);
                    ctx.points.push(index, best.place, gaz);
                }
            }
        }
        ctx
    }

    fn file_inside(&mut self, place: &Place<'g>, group: usize, id: PlaceId) {
        self.inside_country.push(place.country_code, group, id);
        self.inside_admin1.push(place.admin1_code, group, id);
    }
}

fn named_by<'g>(areas: &mut NamedAreas<'g>, code: &'g str, area: PlaceId, group: usize) {
    areas
        .entry(code)
        .or_insert_with(|| (area, Vec::new()))
        .1
        .push(group);
}

/// The area of `code` if a name other than the group's own named it.
fn named_elsewhere(areas: &NamedAreas, code: &str, own_group: usize) -> Option<PlaceId> {
    if code.is_empty() {
        return None;
    }
    areas
        .get(code)
        .filter(|(_, groups)| groups.iter().any(|&g| g != own_group))
        .map(|&(area, _)| area)
}

fn winners(groups: &[NameGroup]) -> Vec<Option<PlaceId>> {
    groups
        .iter()
        .map(|g| g.candidates.first().map(|c| c.place))
        .collect()
}

/// Chooses a sense for every group; candidates end sorted best first, the
/// winner with its evidence.
pub(super) fn resolve(groups: &mut [NameGroup], gaz: &Gazetteer, options: &Options) {
    let home = options.home.as_ref().and_then(|h| HomeArea::new(h, gaz));
    // Each round scores against the previous round's winners. Stop once the
    // winners stand still, so the evidence shown names the places finally chosen.
    for _round in 0..MAX_ROUNDS {
        let before = winners(groups);
        let ctx = Context::from_winners(groups, gaz);
        let regions = ArticleRegions::from_groups(groups, gaz);
        for (index, group) in groups.iter_mut().enumerate() {
            let NameGroup { candidates, hints } = group;
            // "Wyoming" beside "Linn County" is still the state.
            let region = (!hints.can_mean_english_state)
                .then(|| regions.dominant_for(index))
                .flatten()
                // One other name does not move a name out of its publisher's
                // home ("the council of Dublin met, and a choir from
                // Sacramento sang", in an Ohio paper).
                .filter(|&(region, names, _)| {
                    names >= 2.0
                        || home
                            .as_ref()
                            .is_none_or(|h| h.admin1_code() == region.admin1_code)
                });
            for candidate in candidates.iter_mut() {
                candidate.score = candidate.prior;
                candidate.evidence.clear();
                let place = gaz.place(candidate.place);
                add_context(candidate, &place, index, &ctx, hints, gaz, options);
                // The region's own national capital is near any of its
                // stories: "Washington" in an Illinois story is still the capital.
                if let Some((region, names, share)) = region
                    && place.kind != PlaceKind::Admin1
                    && (place.admin1_code == region.admin1_code
                        || (place.kind == PlaceKind::Capital
                            && place.country_code == region.country_code))
                {
                    let evidence = Evidence::InArticleRegion {
                        area: region.area,
                        names,
                        share,
                    };
                    candidate.add(evidence, &options.weights);
                }
            }
            if let Some(home) = &home {
                home.pull(candidates, gaz, &options.weights);
            }
            sort_best_first(candidates);
        }
        if winners(groups) == before {
            break;
        }
    }
    for group in groups.iter_mut() {
        explain_winner(group, gaz);
    }
}

fn add_context(
    candidate: &mut Candidate,
    place: &Place,
    own_index: usize,
    ctx: &Context,
    hints: &Hints,
    gaz: &Gazetteer,
    options: &Options,
) {
    let w = &options.weights;
    let own_area = place.kind.is_area();
    if hints.called_state && place.kind == PlaceKind::Admin1 {
        candidate.add(Evidence::CalledState, w);
    }
    if hints.qualifies && matches!(place.kind, PlaceKind::Admin1 | PlaceKind::Country) {
        candidate.add(Evidence::Qualifies, w);
    }
    for &q in &hints.qualifiers {
        let area = gaz.place(q);
        let inside = match area.kind {
            PlaceKind::Country => area.country_code == place.country_code,
            PlaceKind::Admin1 => area.admin1_code == place.admin1_code,
            _ => false,
        };
        if inside && q != candidate.place {
            candidate.add(Evidence::FollowedBy(q), w);
        }
    }
    if place.kind != PlaceKind::Country
        && let Some(country) = named_elsewhere(&ctx.countries, place.country_code, own_index)
    {
        candidate.add(Evidence::CountryNamed(country), w);
    }
    if place.kind != PlaceKind::Admin1
        && let Some(admin1) = named_elsewhere(&ctx.admin1s, place.admin1_code, own_index)
    {
        candidate.add(Evidence::Admin1Named(admin1), w);
    }
    if !own_area
        && !hints.can_mean_english_state
        && let Some(&(_, county)) = ctx
            .counties
            .get(place.admin1_code)
            .into_iter()
            .flatten()
            .find(|&&(index, id)| {
                let county = gaz.place(id);
                index != own_index && within_km(place.lon_lat(), county.lon_lat(), COUNTY_KM)
            })
    {
        candidate.add(Evidence::CountyNamed(county), w);
    } else if let Some(&(_, partner)) = hints
        .county_partners
        .iter()
        .find(|&&(own, _)| own == candidate.place)
    {
        let evidence = if place.kind == PlaceKind::Admin2 {
            Evidence::HoldsNamedTown(partner)
        } else {
            Evidence::CountyNamed(partner)
        };
        candidate.add(evidence, w);
    }
    let contained = match place.kind {
        PlaceKind::Country => ctx.inside_country.other_than(place.country_code, own_index),
        PlaceKind::Admin1 => ctx.inside_admin1.other_than(place.admin1_code, own_index),
        _ => None,
    };
    if let Some(inner) = contained {
        candidate.add(Evidence::ContainsNamed(inner), w);
    }
    if ctx
        .unambiguous
        .other_than(&candidate.place, own_index)
        .is_some()
    {
        candidate.add(Evidence::AlsoNamedOtherwise, w);
    }
    if let Some(bias) = &options.country_bias
        && place.country_code.eq_ignore_ascii_case(bias)
    {
        candidate.add(Evidence::Favoured(bias.clone()), w);
    }
    // A county is small enough for its towns to say which one it is.
    if !own_area || place.kind == PlaceKind::Admin2 {
        let nearest = ctx
            .points
            .around(place, NEAR_KM)
            .filter(|&(index, id)| index != own_index && id != candidate.place)
            .map(|(_, id)| (id, gaz.place(id)))
            .filter(|(_, other)| roughly_within(place.lon_lat(), other.lon_lat(), NEAR_KM))
            .map(|(id, other)| (distance_km(place.lon_lat(), other.lon_lat()), id))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((km, id)) = nearest.filter(|(km, _)| *km < NEAR_KM) {
            candidate.add(Evidence::Near { place: id, km }, w);
        }
    }
}

/// The publisher's home, with its areas looked up once per article.
struct HomeArea<'h> {
    home: &'h Home,
    country: PlaceId,
    admin1: Option<PlaceId>,
}

impl<'h> HomeArea<'h> {
    fn new(home: &'h Home, gaz: &Gazetteer) -> Option<Self> {
        Some(Self {
            home,
            country: gaz.country(&home.country_code)?,
            admin1: (!home.admin1_code.is_empty())
                .then(|| gaz.admin1(&home.admin1_code))
                .flatten(),
        })
    }

    /// The home's state or province ("US.OH"), or "" when only its country is known.
    fn admin1_code(&self) -> &str {
        if self.admin1.is_some() {
            &self.home.admin1_code
        } else {
            ""
        }
    }

    fn in_region(&self, place: &Place) -> bool {
        self.admin1.is_some() && place.admin1_code == self.home.admin1_code
    }

    fn in_country(&self, place: &Place) -> bool {
        place.country_code == self.home.country_code
    }

    /// Whether the article itself speaks for a candidate outside the home
    /// region: then the home says nothing about this name. That its country
    /// is named does not count when the home is in that country too.
    fn article_points_elsewhere(&self, candidate: &Candidate, place: &Place) -> bool {
        !self.in_region(place)
            && candidate.evidence.iter().any(|e| match e {
                Evidence::CountryNamed(_) => !self.in_country(place),
                Evidence::Favoured(_) => false,
                // "Barrie" 110 km from Paris, Ontario does not make a Tennessee
                // paper's "Paris" Canadian; a town next door would.
                Evidence::Near { km, .. } => *km <= HOME_ELSEWHERE_NEAR_KM,
                _ => true,
            })
    }

    /// Adds the home's pull to the candidates of one name, unless the article
    /// points elsewhere.
    fn pull(&self, candidates: &mut [Candidate], gaz: &Gazetteer, weights: &Weights) {
        let elsewhere = candidates
            .iter()
            .any(|c| self.article_points_elsewhere(c, &gaz.place(c.place)));
        if elsewhere {
            return;
        }
        let centre = Place {
            lat_deg: self.home.centre_lat_deg,
            lon_deg: self.home.centre_lon_deg,
            ..gaz.place(self.country)
        };
        for candidate in candidates.iter_mut() {
            let place = gaz.place(candidate.place);
            let evidence = if self.in_region(&place) {
                let near_centre = !place.kind.is_area() || place.kind == PlaceKind::Admin2;
                let km_from_centre = near_centre
                    .then(|| distance_km(place.lon_lat(), centre.lon_lat()))
                    .filter(|&km| km < HOME_NEAR_KM);
                Evidence::HomeRegion {
                    area: self.admin1.unwrap_or(self.country),
                    km_from_centre,
                }
            } else if self.in_country(&place) {
                Evidence::HomeCountry(self.country)
            } else {
                continue;
            };
            candidate.add(evidence, weights);
        }
    }
}

/// Puts the prior's own reason first: why the winner stood out before context.
fn explain_winner(group: &mut NameGroup, gaz: &Gazetteer) {
    let alone = group.candidates.len() == 1;
    let Some(best) = group.candidates.first_mut() else {
        return;
    };
    let place = gaz.place(best.place);
    let first = Evidence::of_prior(place.kind, place.population, alone);
    best.evidence.insert(0, first);
    best.reasons = best.evidence.iter().map(|e| e.describe(gaz)).collect();
}
