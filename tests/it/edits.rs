#![allow(clippy::unwrap_used)] // tests may panic: that is how they fail
//! Edits and their inverses, without a window: every kind of edit a reader
//! makes, undone; and random sequences of edits, all undone, giving back the
//! original document byte for byte, with the brief's indexes right at every
//! step.

use geo_types::{Coord, Geometry, LineString, Point, Polygon};
use geobrief::brief::{
    Brief, Document, Edit, Link, LinkId, Place, PlaceChange, PlaceId, PlaceKind,
};
use geobrief::editing::{EditAction, LinkTarget, NewPlace, plan};
use geobrief::selection::TextSelection;

/// What a fresh load of the same document would index: the truth the
/// brief's incremental indexes must match after every edit.
fn assert_indexes_match_a_fresh_load(brief: &Brief) {
    let fresh = Brief::from_doc(brief.to_doc()).unwrap();
    let mentions = |b: &Brief| -> Vec<(String, String, usize, std::ops::Range<usize>)> {
        b.mentions()
            .map(|m| {
                (
                    m.link.to_string(),
                    m.place.to_string(),
                    m.paragraph,
                    m.bytes,
                )
            })
            .collect()
    };
    assert_eq!(mentions(brief), mentions(&fresh));
    for place in fresh.places() {
        assert_eq!(
            brief.mentions_of(&place.id),
            fresh.mentions_of(&place.id),
            "{}",
            place.id
        );
    }
    for p in 0..fresh.paragraphs().len() {
        assert_eq!(brief.mentions_in(p), fresh.mentions_in(p), "paragraph {p}");
    }
}

fn apply_plan(doc: &mut Document, action: EditAction) -> String {
    let plan = plan(doc.brief(), &action).unwrap();
    let label = plan.label.clone();
    doc.edit(plan.label, plan.edit).unwrap();
    label
}

/// Applies `action`, checks `changed`, undoes it and checks the document is
/// back byte for byte; returns the step's label.
fn round_trip(action: EditAction, changed: impl Fn(&Brief)) -> String {
    let mut doc = Document::new(Brief::default_brief(), true);
    let before = doc.brief().to_json();
    let label = apply_plan(&mut doc, action);
    changed(doc.brief());
    assert_indexes_match_a_fresh_load(doc.brief());
    assert!(doc.is_dirty());
    doc.undo().unwrap().unwrap();
    assert_eq!(doc.brief().to_json(), before, "undo of “{label}”");
    assert_indexes_match_a_fresh_load(doc.brief());
    assert!(!doc.is_dirty());
    doc.redo().unwrap().unwrap();
    changed(doc.brief());
    label
}

fn words(brief: &Brief, paragraph: usize, text: &str) -> TextSelection {
    let at = brief.paragraphs()[paragraph].find(text).unwrap();
    TextSelection::new(paragraph, at..at + text.len())
}

#[test]
fn renaming_a_place_is_undone_and_named_in_the_undo_menu() {
    let label = round_trip(
        EditAction::Rename {
            place: "tartus".into(),
            name: "Port of Tartus".into(),
        },
        |b| assert_eq!(b.place("tartus").unwrap().name, "Port of Tartus"),
    );
    assert_eq!(label, "rename Tartus naval facility to Port of Tartus");
}

#[test]
fn a_kind_a_note_and_approximate_are_each_one_undoable_step() {
    round_trip(
        EditAction::SetKind {
            place: "latakia".into(),
            kind: PlaceKind::Capital,
        },
        |b| assert_eq!(b.place("latakia").unwrap().kind, PlaceKind::Capital),
    );
    round_trip(
        EditAction::SetNote {
            place: "latakia".into(),
            note: "Port city".into(),
        },
        |b| assert_eq!(b.place("latakia").unwrap().note, "Port city"),
    );
    round_trip(
        EditAction::SetApproximate {
            place: "latakia".into(),
            approximate: true,
        },
        |b| assert!(b.place("latakia").unwrap().approximate),
    );
}

#[test]
fn moving_a_marker_is_undone_and_called_move() {
    let label = round_trip(
        EditAction::MovePlace {
            place: "tartus".into(),
            to: Coord { x: 35.9, y: 34.95 },
        },
        |b| assert_eq!(b.place("tartus").unwrap().anchor_lon_lat(), (35.9, 34.95)),
    );
    assert_eq!(label, "move Tartus naval facility");
}

#[test]
fn moving_the_first_corner_of_an_area_keeps_its_ring_closed() {
    round_trip(
        EditAction::MoveVertex {
            place: "northeastern-syria".into(),
            vertex: 0,
            to: Coord { x: 39.0, y: 36.5 },
        },
        |b| {
            let Geometry::Polygon(p) = &b.place("northeastern-syria").unwrap().geometry else {
                panic!("an area")
            };
            let ring = &p.exterior().0;
            assert_eq!(ring[0], Coord { x: 39.0, y: 36.5 });
            assert_eq!(ring.first(), ring.last());
        },
    );
}

#[test]
fn drawing_an_area_for_selected_words_makes_the_area_and_links_the_words() {
    let brief = Brief::default_brief();
    let words = words(&brief, 6, "Syria");
    round_trip(
        EditAction::NewArea {
            vertices: vec![
                Coord { x: 36.0, y: 35.0 },
                Coord { x: 37.0, y: 35.0 },
                Coord { x: 37.0, y: 36.0 },
            ],
            words: Some(words),
        },
        |b| {
            let area = b
                .places()
                .find(|p| p.name == "Syria" && p.is_area())
                .unwrap();
            assert_eq!(b.mentions_of(&area.id).len(), 1);
        },
    );
}

#[test]
fn an_area_needs_three_corners() {
    let brief = Brief::default_brief();
    let two = EditAction::NewArea {
        vertices: vec![Coord { x: 36.0, y: 35.0 }, Coord { x: 37.0, y: 35.0 }],
        words: None,
    };
    assert!(plan(&brief, &two).is_err());
}

#[test]
fn linking_words_to_an_existing_place_adds_one_mention() {
    let brief = Brief::default_brief();
    let before = brief.mentions_of("damascus").len();
    let words = words(&brief, 3, "Moscow");
    round_trip(
        EditAction::LinkWords {
            words,
            to: LinkTarget::Place("damascus".into()),
        },
        |b| assert_eq!(b.mentions_of("damascus").len(), before + 1),
    );
}

#[test]
fn linking_words_to_a_new_point_makes_the_place_named_after_them() {
    let brief = Brief::default_brief();
    let words = words(&brief, 1, "Moscow");
    let label = round_trip(
        EditAction::LinkWords {
            words,
            to: LinkTarget::NewPlace(Box::new(NewPlace::point(
                "Moscow",
                Coord { x: 37.6, y: 55.7 },
            ))),
        },
        |b| {
            let new = b
                .place("moscow-2")
                .expect("a second Moscow with an id of its own");
            assert_eq!(b.mentions_of(&new.id).len(), 1);
        },
    );
    assert_eq!(label, "link “Moscow” to Moscow");
}

#[test]
fn unlinking_one_mention_or_all_of_a_place_is_undone() {
    let brief = Brief::default_brief();
    let first = brief.mentions_of("moscow")[0].clone();
    round_trip(EditAction::RemoveMention(first.clone()), |b| {
        assert!(b.link(&first).is_none());
        assert_eq!(b.mentions_of("moscow").len(), 7);
    });
    round_trip(EditAction::RemoveAllMentions("moscow".into()), |b| {
        assert!(b.mentions_of("moscow").is_empty());
        assert!(b.place("moscow").is_some(), "the place stays");
    });
}

#[test]
fn removing_a_place_removes_its_links_and_undo_puts_both_back_in_place() {
    round_trip(EditAction::RemovePlace("latakia".into()), |b| {
        assert!(b.place("latakia").is_none());
        assert!(b.links().all(|l| l.place != "latakia"));
    });
}

#[test]
fn a_place_with_links_cannot_be_deleted_alone() {
    let mut brief = Brief::default_brief();
    let before = brief.to_json();
    let error = brief
        .apply(Edit::DeletePlace {
            id: "moscow".into(),
        })
        .unwrap_err();
    assert!(
        error.to_string().contains("“Moscow” still has 8 mention"),
        "{error}"
    );
    assert_eq!(brief.to_json(), before);
}

#[test]
fn a_failing_batch_leaves_nothing_behind() {
    let mut brief = Brief::default_brief();
    let before = brief.to_json();
    let batch = Edit::Batch(vec![
        Edit::UpdatePlace {
            id: "tartus".into(),
            change: PlaceChange::Name("X".into()),
        },
        Edit::UpdatePlace {
            id: "atlantis".into(),
            change: PlaceChange::Name("Y".into()),
        },
    ]);
    assert!(brief.apply(batch).is_err());
    assert_eq!(brief.to_json(), before);
}

// --- random sequences -------------------------------------------------

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn coord(&mut self) -> Coord<f64> {
        Coord {
            x: (self.below(36_000) as f64) / 100.0 - 180.0,
            y: (self.below(17_000) as f64) / 100.0 - 85.0,
        }
    }
}

fn random_place(rng: &mut Rng, brief: &Brief, n: usize) -> Place {
    let name = format!("Place {n}");
    let geometry = if rng.below(3) == 0 {
        let c = rng.coord();
        Geometry::Polygon(Polygon::new(
            LineString(vec![
                c,
                Coord { x: c.x + 0.5, ..c },
                Coord {
                    x: c.x + 0.5,
                    y: c.y + 0.5,
                },
                c,
            ]),
            vec![],
        ))
    } else {
        Geometry::Point(Point(rng.coord()))
    };
    Place {
        id: brief.fresh_place_id(&name),
        name,
        kind: PlaceKind::ALL[rng.below(PlaceKind::ALL.len())],
        geometry,
        approximate: rng.below(2) == 0,
        note: format!("note {}", rng.next() % 100),
        sources: Vec::new(),
        extra: Default::default(),
    }
}

/// Words of a random paragraph: a run of whole characters.
fn random_span(rng: &mut Rng, brief: &Brief) -> (usize, std::ops::Range<usize>) {
    let p = rng.below(brief.paragraphs().len());
    let text = &brief.paragraphs()[p];
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let a = rng.below(starts.len().saturating_sub(1));
    let b = (a + 1 + rng.below(12)).min(starts.len());
    let end = starts.get(b).copied().unwrap_or(text.len());
    (p, starts[a]..end)
}

fn random_edit(rng: &mut Rng, brief: &Brief, n: usize) -> Edit {
    let places: Vec<PlaceId> = brief.places().map(|p| p.id.clone()).collect();
    let links: Vec<LinkId> = brief.links().map(|l| l.id.clone()).collect();
    let any_place = |rng: &mut Rng| places[rng.below(places.len())].clone();
    match rng.below(8) {
        0 => Edit::InsertPlace {
            index: rng.below(places.len() + 1),
            place: Box::new(random_place(rng, brief, n)),
        },
        1 => {
            // Through the planner: the place's links go first, in one batch.
            plan(brief, &EditAction::RemovePlace(any_place(rng)))
                .unwrap()
                .edit
        }
        2 => Edit::UpdatePlace {
            id: any_place(rng),
            change: match rng.below(5) {
                0 => PlaceChange::Name(format!("Renamed {n}")),
                1 => PlaceChange::Kind(PlaceKind::ALL[rng.below(8)]),
                2 => PlaceChange::Note(format!("edited {n}")),
                3 => PlaceChange::Approximate(rng.below(2) == 0),
                _ => PlaceChange::Geometry(Geometry::Point(Point(rng.coord()))),
            },
        },
        3 | 4 => {
            let (paragraph, bytes) = random_span(rng, brief);
            let link = geobrief::editing::link_to_words(
                brief,
                brief.fresh_link_id(),
                any_place(rng),
                paragraph,
                bytes,
            )
            .unwrap();
            Edit::InsertLink {
                index: rng.below(links.len() + 1),
                link: Box::new(link),
            }
        }
        5 if !links.is_empty() => Edit::DeleteLink {
            id: links[rng.below(links.len())].clone(),
        },
        6 if !links.is_empty() => Edit::RelinkLink {
            id: links[rng.below(links.len())].clone(),
            place: any_place(rng),
        },
        _ => Edit::UpdatePlace {
            id: any_place(rng),
            change: PlaceChange::Extra {
                key: "x-test".into(),
                value: (rng.below(2) == 0).then(|| serde_json::json!(n)),
            },
        },
    }
}

#[test]
fn random_edit_sequences_undone_give_back_the_original_byte_for_byte() {
    for seed in 1..=40u64 {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ seed.wrapping_mul(0x2545_f491_4f6c_dd1d));
        let mut brief = Brief::default_brief();
        let original = brief.to_json();
        let mut inverses = Vec::new();
        for n in 0..60 {
            if brief.place_count() == 0 {
                break;
            }
            let edit = random_edit(&mut rng, &brief, n);
            let before = brief.to_json();
            match brief.apply(edit.clone()) {
                Ok(inverse) => inverses.push(inverse),
                Err(_) => assert_eq!(
                    brief.to_json(),
                    before,
                    "a failed {edit:?} changed the brief"
                ),
            }
            if n % 10 == 0 {
                assert_indexes_match_a_fresh_load(&brief);
            }
        }
        assert_indexes_match_a_fresh_load(&brief);
        for inverse in inverses.into_iter().rev() {
            brief.apply(inverse).unwrap();
        }
        assert_eq!(brief.to_json(), original, "seed {seed}");
        assert_indexes_match_a_fresh_load(&brief);
    }
}

#[test]
fn a_link_given_to_a_place_that_does_not_exist_is_refused() {
    let mut brief = Brief::default_brief();
    let link = Link {
        id: brief.fresh_link_id(),
        place: "atlantis".into(),
        ..brief.link("l1").unwrap().clone()
    };
    let error = brief
        .apply(Edit::InsertLink {
            index: 0,
            link: Box::new(link),
        })
        .unwrap_err();
    assert!(error.to_string().contains("atlantis"), "{error}");
}
