//! Filtering: the names of an article become [`Toponym`]s, each mention
//! with its group's candidates, save a small town that nothing in the article
//! places ([`Rule::UnsupportedTown`]), an atlas's river far from every
//! other place of the story ([`Rule::RiverFarFromTheStory`]) and a town as
//! far with nothing of its own ([`Rule::TownFarFromTheStory`]). One sense per
//! article: "in Hinton" vouches for every other "Hinton".

use std::sync::Arc;

use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use crate::geo::{LonLat, within_km};

use super::evidence::Evidence;
use super::group::{NameGroup, is_unplaced_town};
use super::rules::{Rule, RulesOff};
use super::types::{Candidate, DroppedSpan, Mention, Toponym, Usage};

/// The toponyms of `mentions`, in text order; with `dropped`, the mentions
/// the filter left out are put there.
pub(super) fn toponyms_of(
    text: &str,
    mentions: &[Mention],
    group_of_mention: &[usize],
    groups: &mut [NameGroup],
    gaz: &Gazetteer,
    off: RulesOff,
    mut dropped: Option<&mut Vec<DroppedSpan>>,
) -> Vec<Toponym> {
    let placed_by_preposition: Vec<bool> = groups.iter().map(|g| g.hints.vouched).collect();

    let far_rivers = rivers_far_from_the_story(groups, gaz);
    let far_towns = towns_far_from_the_story(groups, &placed_by_preposition, gaz);
    // A group's candidates are taken once, by its first mention, and shared.
    let mut shared: Vec<Option<Arc<[Candidate]>>> = vec![None; groups.len()];

    let mut toponyms = Vec::with_capacity(mentions.len());
    let mut chars_before = 0;
    let mut bytes_counted = 0;
    for (mention, &group) in mentions.iter().zip(group_of_mention) {
        let range = mention.byte_range.clone();
        chars_before += text[bytes_counted..range.start].chars().count();
        let len_chars = text[range.clone()].chars().count();
        bytes_counted = range.start;
        let candidates = Arc::clone(
            shared[group]
                .get_or_insert_with(|| std::mem::take(&mut groups[group].candidates).into()),
        );
        let vouched = placed_by_preposition[group];
        if candidates.is_empty() {
            continue;
        }
        // The first rule, in this order, that leaves the mention out.
        let dropped_by = [
            (Rule::RiverFarFromTheStory, far_rivers[group]),
            (Rule::TownFarFromTheStory, far_towns[group]),
        ]
        .into_iter()
        .find(|&(rule, applies)| applies && !off.is_off(rule))
        .map(|(rule, _)| rule)
        .or_else(|| {
            (!off.is_off(Rule::UnsupportedTown)
                && is_unsupported_town(mention, vouched, &candidates[0], gaz))
            .then_some(Rule::UnsupportedTown)
        });
        if let Some(rule) = dropped_by {
            if let Some(dropped) = dropped.as_deref_mut() {
                dropped.push(DroppedSpan {
                    byte_range: range,
                    rule,
                });
            }
            continue;
        }
        toponyms.push(Toponym {
            char_range: chars_before..chars_before + len_chars,
            text: text[range.clone()].to_owned(),
            byte_range: range,
            usage: mention.usage,
            rule: mention.rule,
            candidates,
        });
    }
    toponyms
}

/// How far from a river's box every other place of the article must lie for
/// the river to be taken for a namesake the atlas lacks: a local stream is
/// near its towns, and an atlas's river of the same name hundreds of km off.
const RIVER_FAR_KM: f64 = 150.0;
/// The places (towns, counties, bases: not states or countries) an article
/// must have besides the river to judge by.
const RIVER_FAR_MIN_PLACES: usize = 2;

/// For each group, whether its chosen place is an atlas's river that lies
/// farther than [`RIVER_FAR_KM`] from every one of at least
/// [`RIVER_FAR_MIN_PLACES`] local places the article's other names chose.
fn rivers_far_from_the_story(groups: &[NameGroup], gaz: &Gazetteer) -> Vec<bool> {
    let local: Vec<(usize, LonLat)> = groups
        .iter()
        .enumerate()
        .filter_map(|(index, group)| {
            let place = gaz.place(group.candidates.first()?.place);
            is_local_kind(place.kind).then(|| (index, place.lon_lat()))
        })
        .collect();
    groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let Some(best) = group.candidates.first() else {
                return false;
            };
            if gaz.kind(best.place) != PlaceKind::River {
                return false;
            }
            let Some(course) = gaz.extent(best.place) else {
                return false;
            };
            let others: Vec<_> = local.iter().filter(|(i, _)| *i != index).collect();
            others.len() >= RIVER_FAR_MIN_PLACES
                && others
                    .iter()
                    .all(|(_, at)| !within_km(*at, course.nearest_to(*at), RIVER_FAR_KM))
        })
        .collect()
}

/// How far from every other place of the article a town must lie, with
/// nothing of its own, to be taken for a word or a namesake the gazetteer
/// lacks.
const TOWN_FAR_KM: f64 = 3000.0;
/// The places an article must have besides the town to judge by.
const TOWN_FAR_MIN_PLACES: usize = 2;
/// A city this big is known far from the rest of the story ("Rio de Janeiro").
const TOWN_FAR_FAMOUS: u64 = 5_000_000;

/// For each group, whether its chosen place is a town, city or county that
/// lies farther than [`TOWN_FAR_KM`] from every other place the article's
/// names chose (at least [`TOWN_FAR_MIN_PLACES`] of them, seas and
/// continents aside), with nothing of its own: no preposition of place
/// before it (`vouched`), no evidence from the article, not a capital nor a
/// city of millions. "Kanye West" beside Chicago is not a town in Botswana;
/// "the Phoenix pay system" in an Ottawa story is not Arizona's.
fn towns_far_from_the_story(groups: &[NameGroup], vouched: &[bool], gaz: &Gazetteer) -> Vec<bool> {
    let alone: Vec<Option<PlaceId>> = groups
        .iter()
        .zip(vouched)
        .map(|(group, &vouched)| {
            let best = group.candidates.first()?;
            (!vouched
                && matches!(
                    gaz.kind(best.place),
                    PlaceKind::City | PlaceKind::Town | PlaceKind::Admin2
                )
                && gaz.population(best.place) < TOWN_FAR_FAMOUS
                && best.evidence.iter().all(Evidence::is_about_the_place_alone))
            .then_some(best.place)
        })
        .collect();
    if alone.iter().all(Option::is_none) {
        return vec![false; groups.len()];
    }
    let chosen: Vec<(PlaceId, LonLat)> = groups
        .iter()
        .filter_map(|group| group.candidates.first())
        .filter(|best| {
            !matches!(
                gaz.kind(best.place),
                PlaceKind::Water | PlaceKind::Continent
            )
        })
        .map(|best| (best.place, gaz.lon_lat(best.place)))
        .collect();
    alone
        .iter()
        .map(|place| {
            let Some(place) = *place else {
                return false;
            };
            let at = gaz.lon_lat(place);
            let mut others = 0;
            for (_, other) in chosen.iter().filter(|(id, _)| *id != place) {
                if within_km(at, *other, TOWN_FAR_KM) {
                    return false;
                }
                others += 1;
            }
            others >= TOWN_FAR_MIN_PLACES
        })
        .collect()
}

/// Places that stand at a spot in a story (a town, a county, a base), as
/// against the areas that set its scene.
fn is_local_kind(kind: PlaceKind) -> bool {
    matches!(
        kind,
        PlaceKind::Capital
            | PlaceKind::City
            | PlaceKind::Town
            | PlaceKind::Admin2
            | PlaceKind::AirBase
            | PlaceKind::NavalBase
            | PlaceKind::Airport
            | PlaceKind::Building
    )
}

/// A small town that nothing in the article points to ("Notre Dame" as a
/// university, "Enterprise" as a company) is more likely something else.
fn is_unsupported_town(
    mention: &Mention,
    placed_by_preposition: bool,
    best: &Candidate,
    gaz: &Gazetteer,
) -> bool {
    mention.usage != Usage::Demonym && is_unplaced_town(best, placed_by_preposition, gaz)
}
