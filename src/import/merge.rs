//! Where an import meets the brief: which imported places the brief holds
//! already (their new mentions are added to them; they are not added
//! twice), and which words become mentions of each.
//!
//! Two rules keep the links right. Words already linked to a place are not
//! linked to another by an import. And a name is only looked for where the
//! file gives no selectors, and then only where it is not part of a longer
//! place name ("Dublin" inside "East Dublin"): the longest name found at a
//! spot wins, and each spot goes to one place.

use std::collections::{HashMap, HashSet};

use geo_types::Geometry;

use super::spots::{Linked, LinkedWords, NameSpots};
use super::{Candidate, Imported, QuoteAt};
use crate::brief::anchor::{ParagraphIndex, Quote, SearchBudget, anchor_quote_indexed};
use crate::brief::{Brief, Place, PlaceId};
use crate::editing::{MentionsToAdd, PlaceToAdd, Span};
use crate::geo::{LonLat, distance_km};

/// How far apart a place of the brief and an imported place of the same
/// name (or id) may be and still be one place: a town's GeoNames point and
/// a point clicked on its centre are a few km apart; two towns of one name
/// are rarely closer than this.
pub const SAME_PLACE_KM: f64 = 25.0;

/// Names listed in the note on merged places before "and N more".
const NAMES_LISTED: usize = 5;

pub(super) fn plan_import(brief: &Brief, candidates: Vec<Result<Candidate, String>>) -> Imported {
    let mut imported = Imported::default();
    let existing = ExistingPlaces::new(brief);
    let mut kept = Vec::new();
    for candidate in candidates {
        match candidate {
            Ok(c) => {
                let same = existing.same_as(&c).map(|p| p.id.clone());
                kept.push((c, same));
            }
            Err(why) => imported.skipped.push(why),
        }
    }
    let linked = LinkedWords::of_brief(brief);
    // The mentions the file gives, first; words found by name then give
    // way to them.
    let mut given = given_mentions(brief, &kept, &linked, &mut imported.skipped);
    mentions_by_name(brief, &kept, &linked, &mut given);
    let mut merged_names = Vec::new();
    let mut merged_mentions = 0;
    for ((c, same), mentions) in kept.into_iter().zip(given.spans) {
        match same {
            Some(place) => {
                merged_names.push(c.place.name);
                merged_mentions += mentions.len();
                if !mentions.is_empty() {
                    imported
                        .places
                        .existing
                        .push(MentionsToAdd { place, mentions });
                }
            }
            None => imported.places.new.push(PlaceToAdd {
                place: c.place,
                wanted_id: c.wanted_id,
                mentions,
            }),
        }
    }
    if !merged_names.is_empty() {
        imported
            .notes
            .push(merged_note(&merged_names, merged_mentions));
    }
    imported
}

/// An imported place and the place of the brief it is, if it is one.
type Kept = (Candidate, Option<PlaceId>);

/// The words each imported place gets, and all of them by paragraph.
struct Given {
    spans: Vec<Vec<Span>>,
    words: LinkedWords<usize>,
}

/// The mentions the file gives, anchored in the text; those whose words
/// are gone or linked to another place are left out and listed.
fn given_mentions(
    brief: &Brief,
    kept: &[Kept],
    linked: &LinkedWords,
    skipped: &mut Vec<String>,
) -> Given {
    let mut index = ParagraphIndex::new(brief.paragraphs());
    let mut budget = SearchBudget::default();
    let starts = QuoteStarts::new(brief, kept);
    let mut given = Given {
        spans: vec![Vec::new(); kept.len()],
        words: LinkedWords::default(),
    };
    for (k, (c, same)) in kept.iter().enumerate() {
        let Some(quotes) = &c.quotes else { continue };
        let mut missing = 0;
        let mut elsewhere = std::collections::BTreeMap::<&str, usize>::new();
        let mut seen = HashSet::new();
        for quote in quotes {
            let Some((p, bytes)) = starts.anchor(&mut index, &mut budget, quote) else {
                missing += 1;
                continue;
            };
            match linked.at(p, &bytes, same.as_ref()) {
                Linked::ToThisPlace => {}
                Linked::ToAnother(other) => {
                    *elsewhere.entry(name_of(brief, other)).or_default() += 1
                }
                Linked::No => {
                    if seen.insert((p, bytes.clone())) {
                        given.words.add(p, bytes.clone(), k);
                        given.spans[k].push((p, bytes));
                    }
                }
            }
        }
        let total = quotes.len();
        if missing > 0 {
            skipped.push(format!(
                "{}: “{}”: {missing} of its {total} mentions are not in this article's text",
                c.at, c.place.name
            ));
        }
        for (other, count) in elsewhere {
            skipped.push(format!(
                "{}: “{}”: {count} of its {total} mentions are words linked to {other} already; \
                 they were left as they are",
                c.at, c.place.name
            ));
        }
    }
    given.words.sort();
    given
}

/// For the places whose file said nothing of their words: their names,
/// where no longer place name covers them and no place has the words yet,
/// each spot to the first place of that name.
fn mentions_by_name(brief: &Brief, kept: &[Kept], linked: &LinkedWords, given: &mut Given) {
    let wanted: Vec<usize> = (0..kept.len())
        .filter(|&k| kept[k].0.quotes.is_none())
        .collect();
    if wanted.is_empty() {
        return;
    }
    let looked_for: HashSet<&str> = wanted
        .iter()
        .map(|&k| kept[k].0.place.name.as_str())
        .collect();
    let others = kept.iter().map(|(c, _)| c.place.name.as_str());
    let blockers = others.chain(brief.places().map(|p| p.name.as_str()));
    let found = NameSpots::find(brief, &looked_for, blockers);
    let mut claimed = HashSet::new();
    for &k in &wanted {
        let (c, same) = &kept[k];
        for (p, bytes) in found.of(&c.place.name) {
            let free = matches!(linked.at(*p, bytes, same.as_ref()), Linked::No)
                && matches!(given.words.at(*p, bytes, None), Linked::No);
            if free && claimed.insert((*p, bytes.start, bytes.end)) {
                given.spans[k].push((*p, bytes.clone()));
            }
        }
    }
}

fn name_of<'a>(brief: &'a Brief, id: &PlaceId) -> &'a str {
    brief.place(id).map_or("another place", |p| p.name.as_str())
}

fn merged_note(names: &[String], mentions: usize) -> String {
    let count = names.len();
    let mut listed: Vec<String> = names
        .iter()
        .take(NAMES_LISTED)
        .map(|n| format!("“{n}”"))
        .collect();
    if count > NAMES_LISTED {
        listed.push(format!("and {} more", count - NAMES_LISTED));
    }
    let (places, were) = if count == 1 {
        ("place was", "it")
    } else {
        ("places were", "them")
    };
    format!(
        "{count} imported {places} in the brief already ({}): not added again; \
         {mentions} new mention(s) linked to {were}",
        listed.join(", ")
    )
}

/// The brief's places, found by GeoNames id and by name.
struct ExistingPlaces<'a> {
    brief: &'a Brief,
    geonames_of: HashMap<&'a str, u64>,
    by_geonames: HashMap<u64, Vec<&'a Place>>,
    by_name: HashMap<String, Vec<&'a Place>>,
}

impl<'a> ExistingPlaces<'a> {
    fn new(brief: &'a Brief) -> Self {
        let mut this = Self {
            brief,
            geonames_of: HashMap::new(),
            by_geonames: HashMap::new(),
            by_name: HashMap::new(),
        };
        for place in brief.places() {
            if let Some(g) = crate::export::geonames_id(place) {
                this.geonames_of.insert(place.id.as_str(), g);
                this.by_geonames.entry(g).or_default().push(place);
            }
            this.by_name
                .entry(name_key(&place.name))
                .or_default()
                .push(place);
        }
        this
    }

    /// The place of the brief that `c` is: the same GeoNames id, or (when
    /// they do not both have one) the same id or name within
    /// [`SAME_PLACE_KM`].
    fn same_as(&self, c: &Candidate) -> Option<&'a Place> {
        let by_id = c.wanted_id.as_deref().and_then(|id| self.brief.place(id));
        let by_geonames = c
            .geonames_id
            .and_then(|g| self.by_geonames.get(&g))
            .into_iter()
            .flatten()
            .copied();
        let by_name = self
            .by_name
            .get(&name_key(&c.place.name))
            .into_iter()
            .flatten()
            .copied();
        by_id
            .into_iter()
            .chain(by_geonames)
            .chain(by_name)
            .find(|p| self.is_same(p, c))
    }

    fn is_same(&self, place: &Place, c: &Candidate) -> bool {
        match (self.geonames_of.get(place.id.as_str()), c.geonames_id) {
            (Some(a), Some(b)) => *a == b,
            _ => {
                let named = c.wanted_id.as_deref() == Some(place.id.as_str())
                    || name_key(&place.name) == name_key(&c.place.name);
                named
                    && distance_km(
                        lon_lat(place.anchor_lon_lat()),
                        lon_lat(anchor_of(&c.place.geometry)),
                    ) <= SAME_PLACE_KM
            }
        }
    }
}

fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// A point's position, or the centre of an area's bounding box (as a
/// brief's place has it).
fn lon_lat((lon_deg, lat_deg): (f64, f64)) -> LonLat {
    LonLat::new(lon_deg, lat_deg)
}

fn anchor_of(geometry: &Geometry<f64>) -> (f64, f64) {
    match geometry {
        Geometry::Point(p) => (p.x(), p.y()),
        Geometry::Polygon(poly) => {
            let (mut min, mut max) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
            for c in poly.exterior().coords() {
                min = (min.0.min(c.x), min.1.min(c.y));
                max = (max.0.max(c.x), max.1.max(c.y));
            }
            ((min.0 + max.0) / 2.0, (min.1 + max.1) / 2.0)
        }
        _ => (0.0, 0.0),
    }
}

/// Where each paragraph starts in the text of its article that selectors
/// count in (code points, paragraphs joined by a blank line), and which
/// paragraphs each article holds, by its id and its IRI (as the exports
/// name it); empty when no quote has a position.
struct QuoteStarts {
    starts: Vec<usize>,
    articles: std::collections::HashMap<String, std::ops::Range<usize>>,
    /// The one article of a brief of one, where a quote need not say which.
    only: Option<std::ops::Range<usize>>,
}

impl QuoteStarts {
    fn new(brief: &Brief, kept: &[Kept]) -> Self {
        let any_position = kept
            .iter()
            .filter_map(|(c, _)| c.quotes.as_ref())
            .flatten()
            .any(|q| q.position.is_some());
        let mut starts = Vec::new();
        let mut articles = std::collections::HashMap::new();
        if any_position {
            let separator = crate::export::PARAGRAPH_SEPARATOR.chars().count();
            for article in brief.articles() {
                let mut at = 0;
                for text in &brief.paragraphs()[article.paragraphs.clone()] {
                    starts.push(at);
                    at += text.chars().count() + separator;
                }
                let range = article.paragraphs.clone();
                articles.insert(article.id.to_string(), range.clone());
                articles.insert(
                    crate::export::annotations::article_iri(brief, article),
                    range,
                );
            }
        }
        let only = (brief.article_count() == 1).then(|| brief.first_article().paragraphs.clone());
        Self {
            starts,
            articles,
            only,
        }
    }

    /// The words of `quote` in the brief: at its position in its article if
    /// they are there, else where its words and context are found.
    fn anchor(
        &self,
        index: &mut ParagraphIndex<'_>,
        budget: &mut SearchBudget,
        quote: &QuoteAt,
    ) -> Option<Span> {
        let article = match &quote.article {
            Some(key) => self.articles.get(key).cloned(),
            None => self.only.clone(),
        };
        let (paragraph, chars) = match (&quote.position, &article) {
            (Some(at), Some(range)) if !self.starts.is_empty() => {
                let within = &self.starts[range.clone()];
                let local = within.partition_point(|&s| s <= at.start).saturating_sub(1);
                let start = within.get(local).copied().unwrap_or(0);
                (
                    range.start + local,
                    Some(at.start.saturating_sub(start)..at.end.saturating_sub(start)),
                )
            }
            (_, Some(range)) => (range.start, None),
            _ => (0, None),
        };
        let quote = Quote {
            exact: &quote.exact,
            prefix: &quote.prefix,
            suffix: &quote.suffix,
        };
        let anchor = anchor_quote_indexed(index, budget, &quote, paragraph, chars)?;
        Some((anchor.paragraph, anchor.bytes))
    }
}
