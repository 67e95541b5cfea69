//! Grouping: the mentions of one name (one spelling, but for case) form one
//! [`NameGroup`], which keeps one sense in the article; and what the words
//! right around the mentions say about which place it is ("Moscow, Idaho",
//! "Washington state").

use rustc_hash::FxHashMap as HashMap;

use crate::gazetteer::{Gazetteer, PlaceId, PlaceKind, name_key};

use super::evidence::Evidence;
use super::lexicon::DIVISION_WORDS;
use super::prior::candidates_of_spelling;
use super::types::{Candidate, Mention};
use super::weights::Weights;

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
    /// The groups of the names listed right beside a mention ("California
    /// or Washington", "Georgia and Armenia").
    pub listed_with: Vec<usize>,
    /// A mention is placed by the words before or after it ("in Hinton",
    /// "the Hinton council", a local cue): the town is the story's even
    /// when nothing else in it points there.
    pub vouched: bool,
}

/// One distinct name of the article, with what the text says around its mentions.
#[derive(Clone)]
pub(super) struct NameGroup {
    pub candidates: Vec<Candidate>,
    /// What the words around its mentions say.
    pub hints: Hints,
    /// The gazetteer spelling its first mention was found as.
    pub spelling: usize,
}

impl NameGroup {
    /// The candidates of the name found as `spelling`, by their priors.
    fn new(spelling: usize, gaz: &Gazetteer, weights: &Weights) -> Self {
        Self {
            candidates: candidates_of_spelling(spelling, gaz, weights),
            hints: Hints::default(),
            spelling,
        }
    }
}

/// What makes the mentions of one name one group: the name key of their
/// spelling ([`name_key`]), or the number the gazetteer gives that key
/// ([`Gazetteer::key_number_of_spelling`]), which is one per key too.
#[derive(PartialEq, Eq, Hash)]
enum NameId {
    Number(usize),
    Key(String),
}

/// The names of an article: one group per distinct name, and for each
/// mention the index of its group.
pub(super) fn group_mentions(
    text: &str,
    mentions: &[Mention],
    gaz: &Gazetteer,
    weights: &Weights,
) -> (Vec<NameGroup>, Vec<usize>) {
    // Both maps sized at once for every mention: they are made per article.
    let mut group_of_key: HashMap<NameId, usize> =
        HashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    let mut groups: Vec<NameGroup> = Vec::new();
    let mut group_of_mention = Vec::with_capacity(mentions.len());
    // Most names come back in the same spelling: those skip making a key.
    let mut group_of_spelling: HashMap<usize, usize> =
        HashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    for mention in mentions {
        if let Some(&index) = group_of_spelling.get(&mention.spelling) {
            group_of_mention.push(index);
            continue;
        }
        // Keyed by the spelling found, which is the text's own but for case,
        // save for a county of a list ("Clay" of "Clay and Becker counties");
        // by its key's number, without reading the spelling, when it has one.
        let key = gaz.key_number_of_spelling(mention.spelling).map_or_else(
            || NameId::Key(name_key(gaz.spellings().get(mention.spelling))),
            NameId::Number,
        );
        let index = *group_of_key.entry(key).or_insert_with(|| {
            groups.push(NameGroup::new(mention.spelling, gaz, weights));
            groups.len() - 1
        });
        group_of_spelling.insert(mention.spelling, index);
        group_of_mention.push(index);
    }
    for (mention, &group) in mentions.iter().zip(&group_of_mention) {
        groups[group].hints.vouched |=
            mention.after_locative || mention.names_local_office || mention.local_cue;
    }
    add_qualifiers(text, mentions, &group_of_mention, &mut groups, gaz);
    (groups, group_of_mention)
}

/// Whether a name is followed by "state", "province" or the like.
fn followed_by_division_word(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    DIVISION_WORDS.contains(&rest[..word_end])
}

/// What joins two names of a list.
const LIST_JOINS: [&str; 4] = [" and ", " or ", ", and ", ", or "];

/// Notes "Moscow, Idaho" (an area named right after a place, after a comma,
/// says which of the places of that name is meant) and "Washington state",
/// "Idlib province".
fn add_qualifiers(
    text: &str,
    mentions: &[Mention],
    group_of_mention: &[usize],
    groups: &mut [NameGroup],
    gaz: &Gazetteer,
) {
    for (mention, &group) in mentions.iter().zip(group_of_mention) {
        if followed_by_division_word(&text[mention.byte_range.end..]) {
            groups[group].hints.called_state = true;
        }
    }
    for (i, pair) in mentions.windows(2).enumerate() {
        let between = &text[pair[0].byte_range.end..pair[1].byte_range.start];
        let (first, second) = (group_of_mention[i], group_of_mention[i + 1]);
        if first != second && LIST_JOINS.contains(&between) {
            for (own, other) in [(first, second), (second, first)] {
                if !groups[own].hints.listed_with.contains(&other) {
                    groups[own].hints.listed_with.push(other);
                }
            }
        }
        if between.trim() != "," {
            continue;
        }
        let areas: Vec<PlaceId> = groups[group_of_mention[i + 1]]
            .candidates
            .iter()
            .map(|c| c.place)
            .filter(|&p| matches!(gaz.place(p).kind, PlaceKind::Country | PlaceKind::Admin1))
            .collect();
        // "Moore, Oklahoma" qualifies only if some Moore lies in some Oklahoma;
        // "Paris, London and Berlin" is a list.
        let inside_one = groups[group_of_mention[i]].candidates.iter().any(|c| {
            let place = gaz.place(c.place);
            areas.iter().any(|&a| {
                let area = gaz.place(a);
                a != c.place
                    && area.country_code == place.country_code
                    && (area.kind == PlaceKind::Country || area.admin1_code == place.admin1_code)
            })
        });
        if !inside_one {
            continue;
        }
        groups[group_of_mention[i + 1]].hints.qualifies = true;
        let group = &mut groups[group_of_mention[i]];
        for area in areas {
            if !group.hints.qualifiers.contains(&area) {
                group.hints.qualifiers.push(area);
            }
        }
    }
}

/// Whether a name's winner is a small town that nothing in the article has
/// placed so far (no preposition of place vouches for it, no local
/// evidence): the filter drops such a name
/// ([`super::rules::Rule::UnsupportedTown`]), and the article's region does
/// not count it.
pub(super) fn is_unplaced_town(best: &Candidate, vouched: bool, gaz: &Gazetteer) -> bool {
    gaz.kind(best.place) == PlaceKind::Town
        && !vouched
        && !best.evidence.iter().any(Evidence::is_local)
}
