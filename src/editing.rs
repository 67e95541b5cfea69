//! What a reader asks to change, turned into edits of the brief. The UI
//! says what the user wants ("link these words to Latakia", "move Tartus
//! here"); [`plan`] checks it against the brief and returns the [`Edit`]
//! and the words an undo menu shows. No egui here: tests replay these
//! without a window.

use geo_types::{Coord, Geometry, LineString, Point, Polygon};
use serde_json::{Map, Value};

use crate::brief::anchor::SpanSelectors;
use crate::brief::candidates::choose_candidate;
use crate::brief::{
    Brief, Edit, EditError, Link, LinkId, Place, PlaceChange, PlaceId, PlaceKind, Source,
    selectors_for_span,
};
use crate::selection::TextSelection;

/// A place the reader makes: from a gazetteer entry, a click on the map, a
/// drawn area or an imported feature.
#[derive(Clone, Debug, PartialEq)]
pub struct NewPlace {
    pub name: String,
    pub kind: PlaceKind,
    pub geometry: Geometry<f64>,
    pub approximate: bool,
    pub note: String,
    pub sources: Vec<Source>,
    pub extra: Map<String, Value>,
}

impl NewPlace {
    /// A point the reader put on the map.
    pub fn point(name: &str, at: Coord<f64>) -> Self {
        Self {
            name: name.to_string(),
            kind: PlaceKind::from_words(name),
            geometry: Geometry::Point(Point(at)),
            approximate: false,
            note: "Placed on the map by the reader".into(),
            sources: Vec::new(),
            extra: Map::new(),
        }
    }

    fn into_place(self, id: PlaceId) -> Place {
        Place {
            id,
            name: self.name,
            kind: self.kind,
            geometry: self.geometry,
            approximate: self.approximate,
            note: self.note,
            sources: self.sources,
            extra: self.extra,
        }
    }
}

/// Words of the text: a paragraph and a byte range within it.
pub type Span = (usize, std::ops::Range<usize>);

/// A place to add with the words that name it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceToAdd {
    pub place: NewPlace,
    /// The id it had where it came from, kept if the brief has no place of
    /// that id (else it gets one made from its name).
    pub wanted_id: Option<String>,
    pub mentions: Vec<Span>,
}

/// Words to link to a place the brief holds already.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionsToAdd {
    pub place: PlaceId,
    pub mentions: Vec<Span>,
}

/// What an import adds: new places with their mentions, and mentions of
/// places the brief already had (an imported place that was one of them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlacesToAdd {
    pub new: Vec<PlaceToAdd>,
    pub existing: Vec<MentionsToAdd>,
}

impl PlacesToAdd {
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.existing.iter().all(|m| m.mentions.is_empty())
    }

    /// Mentions added, to new places and to those the brief had.
    pub fn mention_count(&self) -> usize {
        let new: usize = self.new.iter().map(|p| p.mentions.len()).sum();
        let existing: usize = self.existing.iter().map(|m| m.mentions.len()).sum();
        new + existing
    }
}

/// Where selected words are linked to.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkTarget {
    Place(PlaceId),
    NewPlace(Box<NewPlace>),
}

/// A change the reader asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum EditAction {
    /// An article's date, as the reader typed it (any usual way of writing
    /// a date; empty: undated).
    SetArticleDate {
        article: crate::brief::ArticleId,
        date: String,
    },
    /// The place and every link to it.
    RemovePlace(PlaceId),
    ChooseCandidate {
        place: PlaceId,
        candidate: usize,
    },
    Rename {
        place: PlaceId,
        name: String,
    },
    SetKind {
        place: PlaceId,
        kind: PlaceKind,
    },
    SetNote {
        place: PlaceId,
        note: String,
    },
    SetApproximate {
        place: PlaceId,
        approximate: bool,
    },
    /// A point place dragged to a new spot.
    MovePlace {
        place: PlaceId,
        to: Coord<f64>,
    },
    /// An area's vertex dragged to a new spot (the ring stays closed).
    MoveVertex {
        place: PlaceId,
        vertex: usize,
        to: Coord<f64>,
    },
    /// A new area from the vertices the reader clicked; named after the
    /// selected words (and linked to them) when there are any.
    NewArea {
        vertices: Vec<Coord<f64>>,
        words: Option<TextSelection>,
    },
    /// Link words of the text to a place (an existing one or a new one).
    LinkWords {
        words: TextSelection,
        to: LinkTarget,
    },
    RemoveMention(LinkId),
    RemoveAllMentions(PlaceId),
    /// A place with no mention yet (put on the map by the reader).
    AddPlace(Box<NewPlace>),
    /// Several places at once, and mentions of places already there (an
    /// import).
    AddPlaces(PlacesToAdd),
}

/// An edit ready to apply, with what an undo menu calls it and the place
/// to select afterwards.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub label: String,
    pub edit: Edit,
    pub select: Option<PlaceId>,
}

fn place_named<'a>(brief: &'a Brief, id: &PlaceId) -> Result<&'a Place, EditError> {
    brief
        .place(id)
        .ok_or_else(|| EditError::NoSuchPlace(id.clone()))
}

fn update(id: &PlaceId, change: PlaceChange) -> Edit {
    Edit::UpdatePlace {
        id: id.clone(),
        change,
    }
}

/// Checks `action` against `brief` and makes the edit that does it.
pub fn plan(brief: &Brief, action: &EditAction) -> Result<Plan, EditError> {
    let plain = |label: String, edit: Edit| Plan {
        label,
        edit,
        select: None,
    };
    Ok(match action {
        EditAction::RemovePlace(id) => {
            let place = place_named(brief, id)?;
            let mut edits: Vec<Edit> = brief
                .links_of(id)
                .into_iter()
                .rev()
                .map(|id| Edit::DeleteLink { id })
                .collect();
            edits.push(Edit::DeletePlace { id: id.clone() });
            plain(format!("remove {}", place.name), Edit::Batch(edits))
        }
        EditAction::ChooseCandidate { place, candidate } => {
            let name = &place_named(brief, place)?.name;
            let edit = choose_candidate(brief, place, *candidate)?;
            plain(format!("choose another place for {name}"), edit)
        }
        EditAction::Rename { place, name } => {
            let old = &place_named(brief, place)?.name;
            plain(
                format!("rename {old} to {}", name.trim()),
                update(place, PlaceChange::Name(name.trim().to_string())),
            )
        }
        EditAction::SetKind { place, kind } => {
            let p = place_named(brief, place)?;
            plain(
                format!("make {} a {}", p.name, kind.label()),
                update(place, PlaceChange::Kind(*kind)),
            )
        }
        EditAction::SetArticleDate { article, date } => {
            let title = &brief
                .article(article)
                .ok_or_else(|| EditError::NoSuchArticle(article.clone()))?
                .info
                .title;
            let date = date.trim();
            let iso = if date.is_empty() {
                None
            } else {
                Some(
                    crate::collect::dates::normalize_date(date)
                        .ok_or_else(|| EditError::NotADate(date.to_string()))?,
                )
            };
            plain(
                format!("date “{title}”"),
                Edit::SetArticleDate {
                    id: article.clone(),
                    date: iso,
                },
            )
        }
        EditAction::SetNote { place, note } => plain(
            format!("edit the note of {}", place_named(brief, place)?.name),
            update(place, PlaceChange::Note(note.clone())),
        ),
        EditAction::SetApproximate { place, approximate } => plain(
            format!(
                "mark {} {}",
                place_named(brief, place)?.name,
                if *approximate { "approximate" } else { "exact" }
            ),
            update(place, PlaceChange::Approximate(*approximate)),
        ),
        EditAction::MovePlace { place, to } => {
            let p = place_named(brief, place)?;
            if p.is_area() {
                return Err(EditError::Invalid(
                    crate::brief::BriefError::UnsupportedGeometry {
                        at: "geometry".into(),
                        found: "an area (drag its vertices instead)".into(),
                    },
                ));
            }
            plain(
                format!("move {}", p.name),
                update(place, PlaceChange::Geometry(Geometry::Point(Point(*to)))),
            )
        }
        EditAction::MoveVertex { place, vertex, to } => {
            let p = place_named(brief, place)?;
            let geometry =
                with_vertex_moved(&p.geometry, *vertex, *to).ok_or(EditError::IndexOutOfRange {
                    index: *vertex,
                    len: vertex_count(&p.geometry),
                })?;
            plain(
                format!("reshape {}", p.name),
                update(place, PlaceChange::Geometry(geometry)),
            )
        }
        EditAction::NewArea { vertices, words } => plan_new_area(brief, vertices, words.as_ref())?,
        EditAction::LinkWords { words, to } => plan_link(brief, words, to)?,
        EditAction::RemoveMention(link) => {
            let l = brief
                .link(link)
                .ok_or_else(|| EditError::NoSuchLink(link.clone()))?;
            plain(
                format!("unlink “{}”", brief.mention_text(link)),
                Edit::Batch(vec![Edit::DeleteLink { id: l.id.clone() }]),
            )
        }
        EditAction::RemoveAllMentions(id) => {
            let place = place_named(brief, id)?;
            let edits = brief
                .links_of(id)
                .into_iter()
                .rev()
                .map(|id| Edit::DeleteLink { id })
                .collect();
            plain(
                format!("unlink every mention of {}", place.name),
                Edit::Batch(edits),
            )
        }
        EditAction::AddPlace(new) => {
            let id = brief.fresh_place_id(&new.name);
            Plan {
                label: format!("add {}", new.name),
                edit: Edit::InsertPlace {
                    index: brief.place_count(),
                    place: Box::new((**new).clone().into_place(id.clone())),
                },
                select: Some(id),
            }
        }
        EditAction::AddPlaces(places) => plan_add_places(brief, places)?,
    })
}

fn plan_new_area(
    brief: &Brief,
    vertices: &[Coord<f64>],
    words: Option<&TextSelection>,
) -> Result<Plan, EditError> {
    let mut ring: Vec<Coord<f64>> = vertices.to_vec();
    ring.dedup();
    if ring.len() < 3 {
        return Err(EditError::Invalid(crate::brief::BriefError::RingTooShort {
            at: "geometry.coordinates[0]".into(),
            count: ring.len() + 1,
        }));
    }
    ring.push(ring[0]);
    let span = words.and_then(|w| w.trimmed(brief).map(|b| (w.paragraph, b)));
    let name = match &span {
        Some((p, b)) => brief.paragraphs()[*p][b.clone()].to_string(),
        None => numbered_name(brief, "New area"),
    };
    let area = NewPlace {
        name,
        kind: PlaceKind::Area,
        geometry: Geometry::Polygon(Polygon::new(LineString(ring), vec![])),
        approximate: true,
        note: "Drawn on the map by the reader".into(),
        sources: Vec::new(),
        extra: Map::new(),
    };
    match words {
        Some(words) if span.is_some() => {
            let mut plan = plan_link(brief, words, &LinkTarget::NewPlace(Box::new(area)))?;
            plan.label = format!("draw {}", plan.select_name(brief));
            Ok(plan)
        }
        _ => {
            let id = brief.fresh_place_id(&area.name);
            let label = format!("draw {}", area.name);
            Ok(Plan {
                label,
                edit: Edit::InsertPlace {
                    index: brief.place_count(),
                    place: Box::new(area.into_place(id.clone())),
                },
                select: Some(id),
            })
        }
    }
}

impl Plan {
    fn select_name(&self, brief: &Brief) -> String {
        let inserted = match &self.edit {
            Edit::Batch(edits) => edits.iter().find_map(|e| match e {
                Edit::InsertPlace { place, .. } => Some(place.name.clone()),
                _ => None,
            }),
            _ => None,
        };
        inserted
            .or_else(|| {
                self.select
                    .as_ref()
                    .and_then(|id| brief.place(id).map(|p| p.name.clone()))
            })
            .unwrap_or_default()
    }
}

/// "New area", or "New area 2" if that is taken.
fn numbered_name(brief: &Brief, base: &str) -> String {
    let taken = |name: &str| brief.places().any(|p| p.name == name);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|name| !taken(name))
        .unwrap_or_else(|| base.to_string())
}

/// A link from `place` to the words `bytes` of paragraph `paragraph`.
pub fn link_to_words(
    brief: &Brief,
    id: LinkId,
    place: PlaceId,
    paragraph: usize,
    bytes: std::ops::Range<usize>,
) -> Option<Link> {
    let text = brief.paragraphs().get(paragraph)?;
    Some(Link {
        id,
        place,
        target: brief.target_at(paragraph, selectors_for_span(text, bytes)?)?,
        extra: Map::new(),
    })
}

fn plan_link(brief: &Brief, words: &TextSelection, to: &LinkTarget) -> Result<Plan, EditError> {
    let bytes =
        words
            .trimmed(brief)
            .ok_or(EditError::Invalid(crate::brief::BriefError::MissingQuote {
                at: "the selected words".into(),
            }))?;
    let quoted = brief.paragraphs()[words.paragraph][bytes.clone()].to_string();
    let mut edits = Vec::new();
    let (place_id, place_name) = match to {
        LinkTarget::Place(id) => (id.clone(), place_named(brief, id)?.name.clone()),
        LinkTarget::NewPlace(new) => {
            let id = brief.fresh_place_id(&new.name);
            let name = new.name.clone();
            edits.push(Edit::InsertPlace {
                index: brief.place_count(),
                place: Box::new((**new).clone().into_place(id.clone())),
            });
            (id, name)
        }
    };
    // The same words linked twice to one place would be one mention drawn twice.
    let already = brief.mentions_of(&place_id).iter().any(|l| {
        brief
            .mention(l)
            .is_some_and(|m| m.paragraph == words.paragraph && m.bytes == bytes)
    });
    if !already {
        let link = link_to_words(
            brief,
            brief.fresh_link_id(),
            place_id.clone(),
            words.paragraph,
            bytes,
        )
        .ok_or_else(|| {
            EditError::Invalid(crate::brief::BriefError::MissingQuote {
                at: "the selected words".into(),
            })
        })?;
        edits.push(Edit::InsertLink {
            index: brief.link_count(),
            link: Box::new(link),
        });
    }
    Ok(Plan {
        label: format!("link “{quoted}” to {place_name}"),
        edit: Edit::Batch(edits),
        select: Some(place_id),
    })
}

fn plan_add_places(brief: &Brief, places: &PlacesToAdd) -> Result<Plan, EditError> {
    let mut edits = Vec::new();
    let mut ids = crate::brief::FreshIds::default();
    let mut taken: std::collections::HashSet<String> =
        brief.places().map(|p| p.id.to_string()).collect();
    let mut link_number = brief.link_count();
    let mut fresh_link_id = || loop {
        link_number += 1;
        let id = format!("l{link_number}");
        if brief.link(&id).is_none() {
            return LinkId::new(id);
        }
    };
    let mut links = Vec::new();
    for (place_index, add) in (brief.place_count()..).zip(&places.new) {
        let wanted = add.wanted_id.as_deref().map(str::trim);
        let id = match wanted.filter(|w| !w.is_empty() && !taken.contains(*w)) {
            Some(w) => w.to_string(),
            None => ids.fresh(&add.place.name, |id| taken.contains(id)),
        };
        taken.insert(id.clone());
        let id = PlaceId::new(id);
        edits.push(Edit::InsertPlace {
            index: place_index,
            place: Box::new(add.place.clone().into_place(id.clone())),
        });
        links.extend(add.mentions.iter().map(|span| (id.clone(), span)));
    }
    for add in &places.existing {
        place_named(brief, &add.place)?;
        links.extend(add.mentions.iter().map(|span| (add.place.clone(), span)));
    }
    // Each paragraph's selectors are made in text order, counting its
    // characters once (an import can link thousands of words in one).
    links.sort_by_key(|(_, (paragraph, bytes))| (*paragraph, bytes.start, bytes.end));
    let mut counter: Option<(usize, SpanSelectors)> = None;
    let mut link_index = brief.link_count();
    for (place, (paragraph, bytes)) in links {
        let Some(text) = brief.paragraphs().get(*paragraph) else {
            continue;
        };
        let selectors = match &mut counter {
            Some((p, selectors)) if p == paragraph => selectors,
            _ => &mut counter.insert((*paragraph, SpanSelectors::new(text))).1,
        };
        let Some(target) = selectors
            .selectors(bytes.clone())
            .and_then(|selector| brief.target_at(*paragraph, selector))
        else {
            continue;
        };
        edits.push(Edit::InsertLink {
            index: link_index,
            link: Box::new(Link {
                id: fresh_link_id(),
                place,
                target,
                extra: Map::new(),
            }),
        });
        link_index += 1;
    }
    let count = places.new.len();
    let label = match (count, places.mention_count()) {
        (0, m) => format!("import {m} mention{}", if m == 1 { "" } else { "s" }),
        (n, _) => format!("import {n} place{}", if n == 1 { "" } else { "s" }),
    };
    Ok(Plan {
        label,
        edit: Edit::Batch(edits),
        select: None,
    })
}

/// Every place and link of `brief` replaced by those of `found` (the same
/// text, its places found again), as one step.
pub fn replace_places_plan(brief: &Brief, found: &Brief, what: &str) -> Plan {
    let old_links: Vec<LinkId> = brief.links().map(|l| l.id.clone()).collect();
    let old_places: Vec<PlaceId> = brief.places().map(|p| p.id.clone()).collect();
    // From the end, so each removal is from the end of its list.
    let mut edits: Vec<Edit> = old_links
        .into_iter()
        .rev()
        .map(|id| Edit::DeleteLink { id })
        .collect();
    edits.extend(
        old_places
            .into_iter()
            .rev()
            .map(|id| Edit::DeletePlace { id }),
    );
    edits.extend(
        found
            .places()
            .enumerate()
            .map(|(index, p)| Edit::InsertPlace {
                index,
                place: Box::new(p.clone()),
            }),
    );
    edits.extend(
        found
            .links()
            .enumerate()
            .map(|(index, l)| Edit::InsertLink {
                index,
                link: Box::new(l.clone()),
            }),
    );
    Plan {
        label: format!("find the places again {what}"),
        edit: Edit::Batch(edits),
        select: None,
    }
}

fn vertex_count(geometry: &Geometry<f64>) -> usize {
    match geometry {
        Geometry::Polygon(p) => p.exterior().0.len().saturating_sub(1),
        _ => 0,
    }
}

/// The polygon with exterior vertex `vertex` at `to` (the closing position
/// follows the first).
fn with_vertex_moved(
    geometry: &Geometry<f64>,
    vertex: usize,
    to: Coord<f64>,
) -> Option<Geometry<f64>> {
    let Geometry::Polygon(poly) = geometry else {
        return None;
    };
    let mut ring = poly.exterior().0.clone();
    let last = ring.len().checked_sub(1)?;
    if vertex >= last {
        return None;
    }
    ring[vertex] = to;
    if vertex == 0 {
        ring[last] = to;
    }
    Some(Geometry::Polygon(Polygon::new(
        LineString(ring),
        poly.interiors().to_vec(),
    )))
}
