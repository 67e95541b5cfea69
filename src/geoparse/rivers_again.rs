//! "The Oconee was high" after "the Oconee River": one name, one sense in an
//! article, so a river the gazetteer lists, once named with its stream word,
//! is the river again when the article writes "the" and its name alone. This
//! is the second half of [`Rule::RiverNamedBefore`]: the recognition rule
//! keeps such a span from being the town of its name ("Oconee", Georgia),
//! and this pass links it to the river, found again as its full name (so it
//! joins the full name's group and takes its place). Where the gazetteer has
//! no river of the name ("Neches River"), the span stays dropped. A name that
//! is notable on its own ("the Mississippi", "the Ohio") was kept as the
//! state and stays so: a river is chosen only from its full name or here.

use std::ops::Range;

use crate::gazetteer::{Gazetteer, PlaceKind};

use super::lexicon::STREAM_WORDS;
use super::rules::Rule;
use super::text::word_after;
use super::types::{DroppedSpan, Mention, Usage};

/// A river the article named with its stream word: its name without that
/// word, where it was named, and the gazetteer spelling it was found as.
struct NamedRiver<'t> {
    bare_name: &'t str,
    named_until: usize,
    spelling: usize,
}

/// Adds to `kept` (in text order; the flag is "well known") the later
/// mentions of a listed river by its name alone after "the", and takes them
/// out of `dropped`.
pub(super) fn admit_rivers_named_again(
    text: &str,
    gaz: &Gazetteer,
    kept: &mut Vec<(Mention, bool)>,
    dropped: Option<&mut Vec<DroppedSpan>>,
) {
    let rivers: Vec<NamedRiver<'_>> = kept
        .iter()
        .filter_map(|(m, _)| named_river(text, gaz, m))
        .collect();
    let mut admitted: Vec<Range<usize>> = Vec::new();
    for river in &rivers {
        for span in bare_mentions(text, river) {
            let at = kept.partition_point(|(m, _)| m.byte_range.start < span.start);
            let overlaps = |i: usize| {
                kept.get(i).is_some_and(|(m, _)| {
                    m.byte_range.start < span.end && span.start < m.byte_range.end
                })
            };
            if overlaps(at) || (at > 0 && overlaps(at - 1)) {
                continue;
            }
            admitted.push(span.clone());
            let mention = Mention {
                byte_range: span,
                usage: Usage::Place,
                rule: Rule::RiverNamedBefore,
                after_locative: false,
                names_local_office: false,
                local_cue: false,
                spelling: river.spelling,
            };
            kept.insert(at, (mention, true));
        }
    }
    if let Some(dropped) = dropped {
        dropped.retain(|d| !admitted.contains(&d.byte_range));
    }
}

/// The river a kept mention names, when it is written with its stream word
/// ("Oconee River") and the gazetteer lists a river of that name.
fn named_river<'t>(text: &'t str, gaz: &Gazetteer, m: &Mention) -> Option<NamedRiver<'t>> {
    let (bare_name, stream_word) = text[m.byte_range.clone()].rsplit_once(' ')?;
    if !STREAM_WORDS.contains(stream_word) || bare_name.is_empty() {
        return None;
    }
    let entry = gaz.entry_of_spelling(m.spelling)?;
    entry
        .senses
        .iter()
        .any(|s| gaz.kind(s.place) == PlaceKind::River)
        .then_some(NamedRiver {
            bare_name,
            named_until: m.byte_range.end,
            spelling: m.spelling,
        })
}

/// Where the text names the river again after it was named: "the" (or
/// "The"), its name as a whole word, and no stream word after it.
fn bare_mentions<'a>(
    text: &'a str,
    river: &'a NamedRiver<'_>,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let from = river.named_until;
    text[from..]
        .match_indices(river.bare_name)
        .map(move |(at, name)| from + at..from + at + name.len())
        .filter(move |span| {
            let before = &text[..span.start];
            let after_the = ["the ", "The "].iter().any(|the| {
                before
                    .strip_suffix(the)
                    .is_some_and(|b| !b.ends_with(char::is_alphanumeric))
            });
            let whole_word = !text[span.end..].starts_with(char::is_alphanumeric);
            after_the
                && whole_word
                && !word_after(text, span.end).is_some_and(|w| STREAM_WORDS.contains(w))
        })
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::{Gazetteer, PlaceKind};
    use crate::geoparse::detect_places;

    /// The names found, each with the kind of its place.
    fn found(text: &str) -> Vec<(String, PlaceKind)> {
        let gaz = Gazetteer::embedded();
        detect_places(text, gaz)
            .iter()
            .map(|t| (t.text.clone(), gaz.kind(t.place())))
            .collect()
    }

    #[test]
    fn the_river_named_again_by_its_name_alone_is_the_listed_river() {
        let places = found(
            "Crews searched the Oconee River near Dublin, Ga. The Oconee was high, \
             and the Altamaha River rose as the Altamaha met the sea.",
        );
        let rivers: Vec<&str> = places
            .iter()
            .filter(|(_, kind)| *kind == PlaceKind::River)
            .map(|(name, _)| name.as_str())
            .collect();
        assert_eq!(
            rivers,
            ["Oconee River", "Oconee", "Altamaha River", "Altamaha"]
        );
    }

    #[test]
    fn a_river_s_name_before_the_river_is_named_is_not_the_river() {
        let places = found("The Oconee team won. Then they fished the Oconee River.");
        assert!(
            places
                .iter()
                .all(|(name, kind)| name != "Oconee" || *kind != PlaceKind::River),
            "{places:?}"
        );
    }

    #[test]
    fn a_state_named_like_its_river_stays_the_state() {
        let places = found("Barges on the Ohio River reached Ohio. The Ohio was high.");
        assert_eq!(
            places
                .iter()
                .map(|(name, kind)| (name.as_str(), kind.label()))
                .collect::<Vec<_>>(),
            [
                ("Ohio River", "river"),
                ("Ohio", "admin1"),
                ("Ohio", "admin1")
            ]
        );
    }
}
