//! Resolution: which place each recognised name means.
//!
//! Every candidate starts from a prior (how big, how widely known and what kind
//! of place it is) and gains from the article's context: the words right beside
//! it ("Moscow, Idaho", "Washington state"), the countries and states the article
//! names, the towns it names inside a state, the other places it mentions nearby,
//! and a country the reader asked to favour. One name keeps one sense per
//! article. The winner's evidence is kept for the place card.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::gazetteer::{Gazetteer, NameKind, Place, PlaceId, PlaceKind, Senses};
use crate::geo::{distance_km, roughly_within, within_km};

use super::nearby::{FirstTwo, PointGrid};
use super::publisher::Home;
use super::{Candidate, Evidence, Options};

/// Rounds of scoring against the other names' winners; most articles settle in two.
const MAX_ROUNDS: usize = 4;
/// At most this many senses of one name are scored and shown.
const MAX_CANDIDATES: usize = 40;
/// Bonus for a place the words beside it single out ("Moscow, Idaho",
/// "Washington state"): the writer has said which one.
const QUALIFIED: f64 = 8.0;
/// Bonus for a place whose country the article names elsewhere. Small: most
/// articles name the country they are about, so it only breaks near-ties.
const COUNTRY_NAMED: f64 = 1.5;
/// Bonus for a place whose state or province the article names elsewhere.
const ADMIN1_NAMED: f64 = 3.0;
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
/// Most a place's fame adds to its prior, reached at `FAME_CAP` alternate names.
const FAME_WEIGHT: f64 = 2.0;
const FAME_CAP: u32 = 200;
/// Bonus for a state or country that contains a town the article names
/// ("Georgia" beside "Atlanta" is the state).
const CONTAINS_NAMED: f64 = 2.5;
/// Bonus for a place the article also names another, unambiguous way ("Wash."
/// beside "Washington").
const SAME_PLACE_NAMED: f64 = 3.0;
/// Bonus for a place in the country the reader asked to favour.
const COUNTRY_FAVOURED: f64 = 4.0;
/// Places within this distance of another place of the article support each
/// other, by up to `NEAR_MAX`, falling off quickly with distance: a town 20 km
/// away says much more than one 200 km away.
const NEAR_KM: f64 = 250.0;
const NEAR_MAX: f64 = 3.0;
/// Bonus for a town in a county the article names ("PARIS — ... the Lamar County
/// Sheriff's Office"): local papers name the county of their towns, and a
/// county is small enough to settle which town is meant. A county's point is
/// the middle of its towns, so "in it" means in its state and this close to it.
const COUNTY_NAMED: f64 = 6.0;
pub(super) const COUNTY_KM: f64 = 60.0;
/// Bonus for a county that holds a town of the same article, when the two
/// names are each other's only sense that fits ([`super::county_pairs`]).
const HOLDS_NAMED_TOWN: f64 = 4.0;
/// Bonus for a place in its publisher's home state or province, when nothing
/// in the article points elsewhere: enough for a local paper's "Dublin" to be
/// the Ohio town, yet it yields to any place the article itself supports.
const HOME_REGION: f64 = 5.0;
/// Bonus for a place in the publisher's home country, outside its home region.
const HOME_COUNTRY: f64 = 1.5;
/// A town or county near the middle of the publisher's towns gains up to
/// `HOME_NEAR_MAX`, falling off to nothing at `HOME_NEAR_KM`.
const HOME_NEAR_KM: f64 = 150.0;
const HOME_NEAR_MAX: f64 = 3.0;
/// Another place of the article this close to a candidate outside the home
/// region speaks for it over the home; one farther off does not.
const HOME_ELSEWHERE_NEAR_KM: f64 = 60.0;

/// What the words right around a name say about which place it is.
#[derive(Clone, Debug, Default)]
pub(super) struct Hints {
    /// Areas named right after a mention, as in "Moscow, Idaho".
    pub qualifiers: Vec<PlaceId>,
    /// A mention is followed by "state" or "province" ("Washington state",
    /// "Idlib province").
    pub called_state: bool,
    /// A mention qualifies the place named just before it ("Moore, Oklahoma"):
    /// it is a state or a country.
    pub qualifies: bool,
    /// Candidates that a candidate of another name pairs with as town and
    /// county, with that partner ("Paris" beside "Henry County").
    pub county_partners: Vec<(PlaceId, PlaceId)>,
    /// The name can mean a state or province of an English-speaking country,
    /// which is what it means before any town of the name ("Wyoming" beside
    /// "Linn County").
    pub can_mean_english_state: bool,
}

/// One distinct name of the article, with what the text says around its mentions.
pub(super) struct NameGroup {
    pub candidates: Vec<Candidate>,
    /// What the words around its mentions say.
    pub hints: Hints,
}

impl NameGroup {
    /// The candidates of a name that can mean `senses`.
    pub fn new(senses: Senses<'_>, gaz: &Gazetteer) -> Self {
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
        Self {
            candidates,
            hints: Hints::default(),
        }
    }
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

fn sort_best_first(candidates: &mut [Candidate]) {
    candidates.sort_by(best_first);
}

fn best_first(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.place.cmp(&b.place))
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

/// Country or admin1 code -> the area and the names (group indices) that named it.
type NamedAreas = HashMap<String, (PlaceId, Vec<usize>)>;

/// What the article as a whole says: the areas it names and where its places are.
#[derive(Default)]
struct Context {
    countries: NamedAreas,
    admin1s: NamedAreas,
    /// Winning towns, cities, counties and facilities (capitals too), by
    /// country and by state, for "this state contains a place the article names".
    inside_country: FirstTwo<String>,
    inside_admin1: FirstTwo<String>,
    /// Winning places of the other names, by where they are.
    points: PointGrid,
    /// Winning counties by state, with their group.
    counties: HashMap<String, Vec<(usize, PlaceId)>>,
    /// The places of names that can mean only one place, by group: a place
    /// named twice under different names ("Wash." and "Washington").
    unambiguous: FirstTwo<PlaceId>,
}

impl Context {
    fn from_winners(groups: &[NameGroup], gaz: &Gazetteer) -> Self {
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
                    if let Some(country) = gaz.country(place.country_code) {
                        named_by(&mut ctx.countries, place.country_code, country, index);
                    }
                }
                // A capital is often named for its government ("Washington
                // said"), which says nothing about where the story's towns are.
                PlaceKind::Continent | PlaceKind::Region | PlaceKind::Water => {}
                PlaceKind::Capital => ctx.file_inside(&place, index, best.place),
                PlaceKind::Admin2 => {
                    ctx.file_inside(&place, index, best.place);
                    ctx.counties
                        .entry(place.admin1_code.to_owned())
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

    fn file_inside(&mut self, place: &Place, group: usize, id: PlaceId) {
        self.inside_country
            .push(place.country_code.to_owned(), group, id);
        self.inside_admin1
            .push(place.admin1_code.to_owned(), group, id);
    }
}

fn named_by(areas: &mut NamedAreas, code: &str, area: PlaceId, group: usize) {
    areas
        .entry(code.to_owned())
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
    let partners = super::county_pairs::pair_towns_with_counties(groups, gaz);
    for (group, partners) in groups.iter_mut().zip(partners) {
        group.hints.county_partners = partners;
        group.hints.can_mean_english_state = group
            .candidates
            .iter()
            .any(|c| is_english_state(gaz, c.place));
    }
    // Each round scores against the previous round's winners. Stop once the
    // winners stand still, so the evidence shown names the places finally chosen.
    for _round in 0..MAX_ROUNDS {
        let before = winners(groups);
        let ctx = Context::from_winners(groups, gaz);
        for (index, group) in groups.iter_mut().enumerate() {
            let NameGroup { candidates, hints } = group;
            for candidate in candidates.iter_mut() {
                candidate.score = candidate.prior;
                candidate.evidence.clear();
                let place = gaz.place(candidate.place);
                add_context(candidate, &place, index, &ctx, hints, gaz, options);
            }
            if let Some(home) = &home {
                home.pull(candidates, gaz);
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
    let own_area = place.kind.is_area();
    if hints.called_state && place.kind == PlaceKind::Admin1 {
        candidate.score += QUALIFIED;
        candidate.evidence.push(Evidence::CalledState);
    }
    if hints.qualifies && matches!(place.kind, PlaceKind::Admin1 | PlaceKind::Country) {
        candidate.score += QUALIFIED;
        candidate.evidence.push(Evidence::Qualifies);
    }
    for &q in &hints.qualifiers {
        let area = gaz.place(q);
        let inside = match area.kind {
            PlaceKind::Country => area.country_code == place.country_code,
            PlaceKind::Admin1 => area.admin1_code == place.admin1_code,
            _ => false,
        };
        if inside && q != candidate.place {
            candidate.score += QUALIFIED;
            candidate.evidence.push(Evidence::FollowedBy(q));
        }
    }
    if place.kind != PlaceKind::Country
        && let Some(country) = named_elsewhere(&ctx.countries, place.country_code, own_index)
    {
        candidate.score += COUNTRY_NAMED;
        candidate.evidence.push(Evidence::CountryNamed(country));
    }
    if place.kind != PlaceKind::Admin1
        && let Some(admin1) = named_elsewhere(&ctx.admin1s, place.admin1_code, own_index)
    {
        candidate.score += ADMIN1_NAMED;
        candidate.evidence.push(Evidence::Admin1Named(admin1));
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
        candidate.score += COUNTY_NAMED;
        candidate.evidence.push(Evidence::CountyNamed(county));
    } else if let Some(&(_, partner)) = hints
        .county_partners
        .iter()
        .find(|&&(own, _)| own == candidate.place)
    {
        if place.kind == PlaceKind::Admin2 {
            candidate.score += HOLDS_NAMED_TOWN;
            candidate.evidence.push(Evidence::ContainsNamed(partner));
        } else {
            candidate.score += COUNTY_NAMED;
            candidate.evidence.push(Evidence::CountyNamed(partner));
        }
    }
    let contained = match place.kind {
        PlaceKind::Country => ctx.inside_country.other_than(place.country_code, own_index),
        PlaceKind::Admin1 => ctx.inside_admin1.other_than(place.admin1_code, own_index),
        _ => None,
    };
    if let Some(inner) = contained {
        candidate.score += CONTAINS_NAMED;
        candidate.evidence.push(Evidence::ContainsNamed(inner));
    }
    if ctx
        .unambiguous
        .other_than(&candidate.place, own_index)
        .is_some()
    {
        candidate.score += SAME_PLACE_NAMED;
        candidate.evidence.push(Evidence::AlsoNamedOtherwise);
    }
    if let Some(bias) = &options.country_bias
        && place.country_code.eq_ignore_ascii_case(bias)
    {
        candidate.score += COUNTRY_FAVOURED;
        candidate.evidence.push(Evidence::Favoured(bias.clone()));
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
            candidate.score += NEAR_MAX * (1.0 - km / NEAR_KM).powi(2);
            candidate.evidence.push(Evidence::Near { place: id, km });
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
    fn pull(&self, candidates: &mut [Candidate], gaz: &Gazetteer) {
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
            let (bonus, area) = if self.in_region(&place) {
                let mut bonus = HOME_REGION;
                if !place.kind.is_area() || place.kind == PlaceKind::Admin2 {
                    let km = distance_km(place.lon_lat(), centre.lon_lat());
                    if km < HOME_NEAR_KM {
                        bonus += HOME_NEAR_MAX * (1.0 - km / HOME_NEAR_KM).powi(2);
                    }
                }
                (bonus, self.admin1.unwrap_or(self.country))
            } else if self.in_country(&place) {
                (HOME_COUNTRY, self.country)
            } else {
                continue;
            };
            candidate.score += bonus;
            candidate.evidence.push(Evidence::Home(area));
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

/// A state or province of a country whose news is in English: what its name
/// means to such a paper before any town that bears it ("Wyoming").
pub(super) fn is_english_state(gaz: &Gazetteer, id: PlaceId) -> bool {
    // The kind is read first: decoding the whole place costs more.
    gaz.kind(id) == PlaceKind::Admin1
        && super::judge::is_english_speaking(gaz.place(id).country_code)
}
