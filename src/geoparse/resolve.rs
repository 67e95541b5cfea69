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
use crate::geo::{LonLat, distance_km, roughly_within, within_km};

use super::coherence::ArticleRegions;
use super::county_pairs::COUNTY_KM;
use super::evidence::{Evidence, HOME_NEAR_KM, NEAR_KM};
use super::group::{Hints, NameGroup};
use super::nearby::{FirstTwo, PointGrid};
use super::place_facts;
use super::prior::sort_best_first;
use super::rules::Rule;
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
    /// Every town or city another name can mean, by state: "Georgia" beside
    /// "Columbus" can be the state that holds one of them.
    could_be_inside_admin1: FirstTwo<u16>,
    /// Winning places of the other names, by where they are.
    points: PointGrid,
    /// Winning counties by state, with their group.
    counties: HashMap<&'g str, Vec<(usize, PlaceId)>>,
    /// The places of names that can mean only one place, by group: a place
    /// named twice under different names ("Wash." and "Washington").
    unambiguous: FirstTwo<PlaceId>,
    /// Each group's winning state or country, for the names listed with it
    /// (empty where no name is listed with another).
    areas: Vec<Option<(PlaceId, PlaceKind)>>,
}

impl<'g> Context<'g> {
    /// Files the current winners of `groups`, in place of those filed the
    /// round before: the indexes keep their room, where made anew every
    /// round they grew again a step at a time.
    fn file_winners(&mut self, groups: &[NameGroup], gaz: &'g Gazetteer) {
        self.clear();
        let ctx = self;
        // Most articles list no two names ("and", "or") at all.
        let any_lists = groups.iter().any(|g| !g.hints.listed_with.is_empty());
        for (index, group) in groups.iter().enumerate() {
            // Only a name nothing has placed yet: its first guess is open.
            let unplaced = group
                .candidates
                .first()
                .is_some_and(|best| best.evidence.iter().all(Evidence::is_country_bias));
            for c in group.candidates.iter().filter(|_| unplaced) {
                if c.name_kind == crate::gazetteer::NameKind::Name
                    && matches!(gaz.kind(c.place), PlaceKind::City | PlaceKind::Town)
                {
                    let key = gaz.admin1_key(c.place);
                    ctx.could_be_inside_admin1.push(key, index, c.place);
                }
            }
            if any_lists {
                let area = group.candidates.first().and_then(|best| {
                    let kind = gaz.kind(best.place);
                    matches!(kind, PlaceKind::Country | PlaceKind::Admin1)
                        .then_some((best.place, kind))
                });
                ctx.areas.push(area);
            }
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
                    // "New York" the city names New York the state too: a
                    // name that both bear speaks for the state's towns.
                    if let Some(state) = group.candidates.iter().find(|c| {
                        gaz.kind(c.place) == PlaceKind::Admin1
                            && gaz.admin1_key(c.place) == gaz.admin1_key(best.place)
                    }) {
                        named_by(&mut ctx.admin1s, place.admin1_code, state.place, index);
                    }
                }
            }
        }
    }

    /// Empties every index, keeping its room.
    fn clear(&mut self) {
        let Self {
            countries,
            admin1s,
            inside_country,
            inside_admin1,
            could_be_inside_admin1,
            points,
            counties,
            unambiguous,
            areas,
        } = self;
        countries.clear();
        admin1s.clear();
        inside_country.clear();
        inside_admin1.clear();
        could_be_inside_admin1.clear();
        points.clear();
        counties.clear();
        unambiguous.clear();
        areas.clear();
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

/// How many times the names are scored and then read as neighbours: the
/// second time, a name near a pair read as neighbours is near its new places.
const NEIGHBOUR_PASSES: usize = 2;

/// A candidate read as a neighbour of another name's namesake: (group,
/// candidate, that namesake, km between them).
type NeighbourPair = (usize, PlaceId, PlaceId, f64);

/// Scores every group's candidates against the winners of the round before,
/// until the winners stand still, so the evidence shown names the places
/// finally chosen; the pairs already read as neighbours keep that evidence.
fn score_rounds<'g>(
    groups: &mut [NameGroup],
    gaz: &'g Gazetteer,
    options: &Options,
    home: Option<&HomeArea>,
    drops_unplaced_towns: bool,
    neighbours: &[NeighbourPair],
    ctx: &mut Context<'g>,
) {
    for _round in 0..MAX_ROUNDS {
        let before = winners(groups);
        ctx.file_winners(groups, gaz);
        let ctx = &*ctx;
        let regions = ArticleRegions::from_groups(groups, gaz, drops_unplaced_towns);
        for (index, group) in groups.iter_mut().enumerate() {
            let NameGroup {
                candidates, hints, ..
            } = group;
            // "Wyoming" beside "Linn County" is still the state.
            let region = (!hints.can_mean_english_state)
                .then(|| regions.dominant_for(index))
                .flatten()
                // One other name does not move a name out of its publisher's
                // home ("the council of Dublin met, and a choir from
                // Sacramento sang", in an Ohio paper).
                .filter(|&(region, names, _)| {
                    names >= 2.0
                        || home.is_none_or(|h| {
                            h.admin1_code().is_empty() || h.admin1_code() == region.admin1_code
                        })
                });
            for candidate in candidates.iter_mut() {
                candidate.score = candidate.prior;
                candidate.evidence.clear();
                let place = gaz.place(candidate.place);
                add_context(candidate, &place, index, ctx, hints, gaz, options);
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
                if let Some(&(_, _, other, km)) = neighbours
                    .iter()
                    .find(|&&(g, c, ..)| g == index && c == candidate.place)
                {
                    *candidate = as_neighbour(candidate, other, km, &options.weights);
                }
            }
            if let Some(home) = home {
                home.pull(candidates, gaz, &options.weights);
            }
            sort_best_first(candidates);
        }
        if winners(groups) == before {
            break;
        }
    }
}

/// Chooses a sense for every group; candidates end sorted best first, the
/// winner with its evidence.
pub(super) fn resolve(groups: &mut [NameGroup], gaz: &Gazetteer, options: &Options) {
    let home = options.home.as_ref().and_then(|h| HomeArea::new(h, gaz));
    let drops_unplaced_towns = !options.rules_off.is_off(Rule::UnsupportedTown);
    // The pairs read as neighbours so far: (group, candidate, the other
    // name's namesake, km). A second pass scores every name again with them,
    // so that a third name near a pair is near its new places ("Winfield"
    // beside "New London" and "Mt. Pleasant", read as Iowa's).
    let mut neighbours: Vec<NeighbourPair> = Vec::new();
    // One context for every round of every pass, filed again each round.
    let mut ctx = Context::default();
    for _pass in 0..NEIGHBOUR_PASSES {
        score_rounds(
            groups,
            gaz,
            options,
            home.as_ref(),
            drops_unplaced_towns,
            &neighbours,
            &mut ctx,
        );
        let pairs = read_as_neighbours(groups, gaz, &options.weights);
        if pairs.is_empty() {
            break;
        }
        neighbours.extend(pairs);
    }
    if let Some(host) = options.host.as_deref() {
        read_mastheads(groups, gaz, host, &options.weights);
    }
    for group in groups.iter_mut() {
        explain_winner(group, gaz);
    }
}

/// "Paris" in a story of parispi.net: a name the paper's address spells,
/// sent abroad, goes to its best namesake in the paper's country (the one
/// its address names, else one whose news is in English) if the masthead
/// ([`Evidence::Masthead`]) outweighs the first guess. Read after every
/// other name is settled, so it moves only this name, between countries
/// and never between the paper's own namesakes, and it reads no other name
/// again.
fn read_mastheads(groups: &mut [NameGroup], gaz: &Gazetteer, host: &str, weights: &Weights) {
    let country = place_facts::address_country(host);
    let label = place_facts::masthead_label(host);
    let papers = |id: PlaceId| {
        let code = gaz.place(id).country_code;
        country
            .as_deref()
            .map_or_else(|| place_facts::is_english_speaking(code), |c| c == code)
    };
    for group in groups.iter_mut() {
        let candidates = &mut group.candidates;
        let abroad = candidates.first().is_some_and(|best| !papers(best.place));
        // The name is asked last: few names are sent abroad.
        if !abroad
            || !candidates.iter().any(|c| papers(c.place))
            || !place_facts::spells(label, gaz.spellings().get(group.spelling))
        {
            continue;
        }
        for candidate in candidates.iter_mut().filter(|c| papers(c.place)) {
            candidate.add(Evidence::Masthead, weights);
        }
        sort_best_first(candidates);
    }
}

/// Two namesakes this close are read as neighbours ([`Evidence::Neighbours`]).
const NEIGHBOURS_KM: f64 = 100.0;
/// How many of a name's best candidates are tried as one of a pair.
const NEIGHBOUR_CANDIDATES: usize = 8;

/// "Danielle Taylor of Humboldt ... Ballet Arts of Jackson": two names that
/// nothing in the text placed, whose first guesses (a district of
/// Saskatchewan; Jackson, Mississippi) lie far apart, but which have namesakes
/// within [`NEIGHBOURS_KM`] of each other (Humboldt and Jackson, Tennessee),
/// are read as those neighbours. The pair must lie in the country of one of
/// the two first guesses: "London" and "Paris" stay in Europe, though both
/// have namesakes in Ontario. A national capital or a city of
/// [`LANDMARK_PEOPLE`] is never left for a neighbour ("Lincoln ... Atlanta"
/// is no pair of Illinois villages), and both names move or neither. Of
/// several such pairs, the one that weighs most before context; a name
/// takes part in one pair at most. Areas (countries, states, regions, seas)
/// are never moved this way. Gives back the pairs read, each name's side.
fn read_as_neighbours(
    groups: &mut [NameGroup],
    gaz: &Gazetteer,
    weights: &Weights,
) -> Vec<NeighbourPair> {
    let movable = |kind: PlaceKind| {
        !matches!(
            kind,
            PlaceKind::Continent
                | PlaceKind::Country
                | PlaceKind::Admin1
                | PlaceKind::Region
                | PlaceKind::Water
        )
    };
    // The groups whose winner nothing in the article placed, with that winner.
    let unplaced: Vec<(usize, Place)> = groups
        .iter()
        .enumerate()
        .filter_map(|(index, group)| {
            let best = group.candidates.first()?;
            let place = gaz.place(best.place);
            let unplaced =
                movable(place.kind) && best.evidence.iter().all(Evidence::is_country_bias);
            unplaced.then_some((index, place))
        })
        .collect();
    let mut pairs = Vec::new();
    if unplaced.len() < 2 {
        return pairs;
    }
    // Their best candidates, filed by where they are: (position in
    // `unplaced`, candidate index, prior, place).
    let mut options = Vec::new();
    let mut grid = PointGrid::default();
    for (n, &(group, _)) in unplaced.iter().enumerate() {
        for (i, c) in groups[group]
            .candidates
            .iter()
            .enumerate()
            .take(NEIGHBOUR_CANDIDATES)
        {
            let place = gaz.place(c.place);
            if movable(place.kind) {
                grid.push(options.len(), c.place, gaz);
                options.push((n, i, c.prior, place));
            }
        }
    }
    let mut paired = vec![false; unplaced.len()];
    let mut from = 0;
    for (n, (a, first_a)) in unplaced.iter().enumerate() {
        let own = from..options[from..].iter().take_while(|o| o.0 == n).count() + from;
        from = own.end;
        if paired[n] {
            continue;
        }
        // The first other name (in the article's order) with a namesake
        // near one of this name's, and the pair of theirs that weighs most.
        let mut best: Option<(usize, f64, usize, usize, f64)> = None;
        for &(_, i, prior_i, place_i) in &options[own] {
            for (k, _) in grid.around(&place_i, NEIGHBOURS_KM) {
                let (m, j, prior_j, place_j) = options[k];
                let first_b = &unplaced[m].1;
                let fits = m > n
                    && !paired[m]
                    && best.is_none_or(|(b, ..)| m <= b)
                    && place_i.country_code == place_j.country_code
                    && [first_a.country_code, first_b.country_code].contains(&place_i.country_code)
                    && !within_km(first_a.lon_lat(), first_b.lon_lat(), NEIGHBOURS_KM);
                if !fits {
                    continue;
                }
                let km = distance_km(place_i.lon_lat(), place_j.lon_lat());
                let weight = prior_i + prior_j;
                let better = best.is_none_or(|(b, w, ..)| m < b || weight > w);
                if km <= NEIGHBOURS_KM && better {
                    best = Some((m, weight, i, j, km));
                }
            }
        }
        let Some((m, _, i, j, km)) = best else {
            continue;
        };
        let b = unplaced[m].0;
        let (place_i, place_j) = (
            groups[*a].candidates[i].place,
            groups[b].candidates[j].place,
        );
        let with_a = as_neighbour(&groups[*a].candidates[i], place_j, km, weights);
        let with_b = as_neighbour(&groups[b].candidates[j], place_i, km, weights);
        // Both move, or neither: half a pair would be a neighbour of a place
        // the article does not mean.
        let wins = |group: &NameGroup, c: &Candidate| {
            group.candidates.first().is_none_or(|w| {
                w.place == c.place || (c.score > w.score && !is_landmark(&gaz.place(w.place)))
            })
        };
        if !(wins(&groups[*a], &with_a) && wins(&groups[b], &with_b)) {
            continue;
        }
        groups[*a].candidates[i] = with_a;
        groups[b].candidates[j] = with_b;
        sort_best_first(&mut groups[*a].candidates);
        sort_best_first(&mut groups[b].candidates);
        paired[n] = true;
        paired[m] = true;
        pairs.push((*a, place_i, place_j, km));
        pairs.push((b, place_j, place_i, km));
    }
    pairs
}

/// A city this big, like a national capital, is never left for a reading as
/// neighbours.
const LANDMARK_PEOPLE: u64 = 500_000;

fn is_landmark(place: &Place) -> bool {
    place.kind == PlaceKind::Capital || place.population >= LANDMARK_PEOPLE
}

/// `candidate` with [`Evidence::Neighbours`] of `other`, which stands for any
/// nearness to `other` it already had.
fn as_neighbour(candidate: &Candidate, other: PlaceId, km: f64, weights: &Weights) -> Candidate {
    let mut c = candidate.clone();
    c.evidence
        .retain(|e| !matches!(e, Evidence::Near { place, .. } if *place == other));
    c.evidence.push(Evidence::Neighbours { place: other, km });
    c.score = c.prior + c.evidence.iter().map(|e| e.weight(weights)).sum::<f64>();
    c
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
    if let Some(other) = hints.listed_with.iter().find_map(|&other| {
        ctx.areas
            .get(other)
            .copied()
            .flatten()
            .filter(|&(id, kind)| kind == place.kind && id != candidate.place)
            .map(|(id, _)| id)
    }) {
        candidate.add(Evidence::ListedWith(other), w);
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
                index != own_index && within_km(place.lon_lat(), gaz.lon_lat(id), COUNTY_KM)
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
        PlaceKind::Admin1 => ctx
            .inside_admin1
            .other_than(place.admin1_code, own_index)
            .or_else(|| {
                let key = gaz.admin1_key(candidate.place);
                ctx.could_be_inside_admin1.other_than(&key, own_index)
            }),
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
            .map(|(_, id)| (id, gaz.lon_lat(id)))
            .filter(|&(_, other)| roughly_within(place.lon_lat(), other, NEAR_KM))
            .map(|(id, other)| (distance_km(place.lon_lat(), other), id))
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
    /// The home state's code number ([`Gazetteer::admin1_key`]).
    admin1_key: Option<u16>,
}

impl<'h> HomeArea<'h> {
    fn new(home: &'h Home, gaz: &Gazetteer) -> Option<Self> {
        let admin1 = (!home.admin1_code.is_empty())
            .then(|| gaz.admin1(&home.admin1_code))
            .flatten();
        Some(Self {
            home,
            country: gaz.country(&home.country_code)?,
            admin1,
            admin1_key: admin1.map(|a| gaz.admin1_key(a)),
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

    /// Whether `id` lies in the home state, read from its code number.
    fn in_region(&self, id: PlaceId, gaz: &Gazetteer) -> bool {
        self.admin1_key.is_some_and(|key| gaz.admin1_key(id) == key)
    }

    fn in_country(&self, id: PlaceId, gaz: &Gazetteer) -> bool {
        gaz.country_of(id) == Some(self.country)
    }

    /// Whether the article itself speaks for a candidate outside the home
    /// region: then the home says nothing about this name. That its country
    /// is named does not count when the home is in that country too.
    fn article_points_elsewhere(&self, candidate: &Candidate, gaz: &Gazetteer) -> bool {
        let may_point = |e: &Evidence| match e {
            Evidence::Favoured(_) => false,
            // "Barrie" 110 km from Paris, Ontario does not make a Tennessee
            // paper's "Paris" Canadian; a town next door would.
            Evidence::Near { km, .. } => *km <= HOME_ELSEWHERE_NEAR_KM,
            _ => true,
        };
        let id = candidate.place;
        !self.in_region(id, gaz)
            && candidate.evidence.iter().any(|e| match e {
                Evidence::CountryNamed(_) => !self.in_country(id, gaz),
                e => may_point(e),
            })
    }

    /// Adds the home's pull to the candidates of one name, unless the article
    /// points elsewhere.
    fn pull(&self, candidates: &mut [Candidate], gaz: &Gazetteer, weights: &Weights) {
        let elsewhere = candidates
            .iter()
            .any(|c| self.article_points_elsewhere(c, gaz));
        if elsewhere {
            return;
        }
        let centre = LonLat::new(self.home.centre_lon_deg, self.home.centre_lat_deg);
        for candidate in candidates.iter_mut() {
            let id = candidate.place;
            let evidence = if self.in_region(id, gaz) {
                let kind = gaz.kind(id);
                let near_centre = !kind.is_area() || kind == PlaceKind::Admin2;
                let km_from_centre = near_centre
                    .then(|| distance_km(gaz.lon_lat(id), centre))
                    .filter(|&km| km < HOME_NEAR_KM);
                Evidence::HomeRegion {
                    area: self.admin1.unwrap_or(self.country),
                    km_from_centre,
                }
            } else if self.in_country(id, gaz) {
                // Known only to its country, the home is what the address says.
                if self.admin1.is_none() {
                    Evidence::AddressCountry(self.country)
                } else {
                    Evidence::HomeCountry(self.country)
                }
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
