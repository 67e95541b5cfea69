//! The story's places on the map as a screen reader and the keyboard meet
//! them: each visible marker, area or label is a button with a click action
//! ("Tartus naval facility on the map"), Tab reaches them, the arrow keys
//! move between them in the order the article first names them, and Enter
//! (or the screen reader's "activate") selects the place.

use std::collections::HashMap;

use egui::{Id, Key, Rect, Sense, Stroke, vec2};

use super::markers::{has_marker, marker_radius};
use super::scene::{MapScene, SceneMemo};
use crate::action::Action;
use crate::brief::{Brief, PlaceId};

/// The brief's places in the order the article first names them, then the
/// ones it never names: each place's rank, worked out once per change of the
/// places or links (not every frame: a book has tens of thousands of mentions).
#[derive(Default)]
pub struct ReadingOrder {
    /// The (places, links) versions it was ranked for.
    key: Option<(u64, u64)>,
    rank: HashMap<PlaceId, usize>,
}

impl ReadingOrder {
    pub fn update(&mut self, brief: &Brief) {
        let key = (brief.places_version(), brief.links_version());
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        let mut mentions: Vec<_> = brief
            .mentions()
            .map(|m| (m.paragraph, m.bytes.start, m.place))
            .collect();
        mentions.sort_unstable_by_key(|m| (m.0, m.1));
        self.rank.clear();
        let named = mentions.into_iter().map(|m| m.2);
        for place in named.chain(brief.places().map(|p| p.id.clone())) {
            let next = self.rank.len();
            self.rank.entry(place).or_insert(next);
        }
    }

    /// Where a place comes in the reading order (unknown places last).
    pub fn rank(&self, place: &PlaceId) -> usize {
        self.rank.get(place).copied().unwrap_or(usize::MAX)
    }
}

/// Places on the map offered to the keyboard and screen readers at most, in
/// reading order: a book's map can show thousands, and the Places list (a
/// virtual list) reaches every one.
pub const MAX_MAP_NODES: usize = 250;

/// The brief's places in reading order (see `ReadingOrder`).
pub fn reading_order(brief: &Brief) -> Vec<PlaceId> {
    let mut order = ReadingOrder::default();
    order.update(brief);
    let mut ranked: Vec<(PlaceId, usize)> = order.rank.into_iter().collect();
    ranked.sort_unstable_by_key(|(_, rank)| *rank);
    ranked.into_iter().map(|(id, _)| id).collect()
}

/// Where the key of the focused map place is kept, so the app's own arrow
/// shortcuts leave the arrows to the map while one has the focus.
fn focus_flag_id() -> Id {
    Id::unique("geobrief map place has focus")
}

/// Whether a place on the map had the keyboard focus in the last frame.
pub fn map_place_has_focus(ctx: &egui::Context) -> bool {
    let pass = ctx.cumulative_pass_nr();
    ctx.data(|d| d.get_temp::<u64>(focus_flag_id()))
        .is_some_and(|focused_in| focused_in + 1 >= pass)
}

/// The scene's places that get a node, in reading order: (index into the
/// scene's places, the node's rect). Worked out once per scene (its places
/// do not change while it is shown), not every frame.
pub struct NodeOrder {
    /// The reading order it was sorted by (`ReadingOrder`'s key).
    order: Option<(u64, u64)>,
    pub(super) nodes: Vec<(usize, Rect)>,
}

impl NodeOrder {
    fn new(scene: &MapScene, order: &ReadingOrder) -> Self {
        let mut nodes: Vec<(usize, Rect)> = scene
            .places
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let rect = if has_marker(p.kind) {
                    Rect::from_center_size(p.anchor, vec2(1.0, 1.0) * marker_radius(p.kind) * 2.0)
                } else if let Some(label) = p.label {
                    label
                } else if p.ring.is_some() {
                    Rect::from_center_size(p.anchor, vec2(12.0, 12.0))
                } else {
                    return None;
                };
                Some((i, rect))
            })
            .collect();
        nodes.sort_by_cached_key(|(i, _)| order.rank(&scene.places[*i].id));
        Self {
            order: order.key,
            nodes,
        }
    }

    /// The same nodes `delta` points farther on (a pan).
    pub(super) fn translated(&self, delta: egui::Vec2) -> Self {
        Self {
            order: self.order,
            nodes: self
                .nodes
                .iter()
                .map(|(i, r)| (*i, r.translate(delta)))
                .collect(),
        }
    }
}

impl MapScene {
    /// One focusable, clickable node per visible place, in reading order;
    /// returns what the reader did with them.
    pub fn add_accessibility_nodes(
        &self,
        ui: &mut egui::Ui,
        order: &ReadingOrder,
        suffix: &str,
        memo: &mut SceneMemo<NodeOrder>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let made = memo.get_or_make(self.serial, |memo| {
            let moved = self
                .moved_from
                .and_then(|(from, delta)| memo.get(from).map(|n| n.translated(delta)));
            moved.unwrap_or_else(|| NodeOrder::new(self, order))
        });
        let fresh;
        let sorted = if made.order == order.key {
            made
        } else {
            // The article's order changed under this scene: sorted again.
            fresh = NodeOrder::new(self, order);
            &fresh
        };
        let id_of = |place: &PlaceId| ui.scope_id().with(("place", suffix, place));
        let focused_id = ui.memory(|m| m.focused());
        // The first places the article names; the selected and the focused
        // place keep theirs wherever they come.
        let mut nodes: Vec<(&PlaceId, Rect, &str)> = Vec::with_capacity(MAX_MAP_NODES + 2);
        let mut kept_anyway = Vec::new();
        for &(i, rect) in &sorted.nodes {
            if !self.rect.contains(rect.center()) {
                continue;
            }
            let p = &self.places[i];
            let node = (&p.id, rect, p.name.as_str());
            if nodes.len() < MAX_MAP_NODES {
                nodes.push(node);
            } else if self.selected.as_ref() == Some(&p.id)
                || focused_id.is_some_and(|f| f == id_of(&p.id))
            {
                kept_anyway.push(node);
            }
        }
        nodes.extend(kept_anyway);
        let mut focused = false;
        // The focus moves at once: the place it moves to must not move it on.
        let mut moved = false;
        for (i, &(place, rect, name)) in nodes.iter().enumerate() {
            let id = id_of(place);
            let response = ui.interact(rect, id, Sense::click());
            let selected = self.selected.as_ref() == Some(place);
            // Only asked for when someone listens (a screen reader, a click).
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    true,
                    selected,
                    format!("{name} {suffix}"),
                )
            });
            // A pointer over close markers is the map's hit test's to settle
            // (the nearest marker wins); a key or a screen reader means this one.
            let pointed = |pos: Option<egui::Pos2>| match pos {
                Some(pos) => self.place_at(pos),
                None => Some(place.clone()),
            };
            if response.clicked()
                && let Some(target) = pointed(response.interact_pointer_pos())
            {
                actions.push(Action::SelectPlace(target));
            }
            if response.hovered()
                && let Some(target) = response.hover_pos().and_then(|p| self.place_at(p))
            {
                actions.push(Action::Hover(target));
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            }
            if response.has_focus() && !moved {
                focused = true;
                // The arrows are ours while a place has the focus.
                ui.memory_mut(|m| {
                    m.set_focus_lock_filter(
                        id,
                        egui::EventFilter {
                            horizontal_arrows: true,
                            vertical_arrows: true,
                            ..Default::default()
                        },
                    )
                });
                let step = ui.input(|input| {
                    if input.key_pressed(Key::ArrowRight) || input.key_pressed(Key::ArrowDown) {
                        1
                    } else if input.key_pressed(Key::ArrowLeft) || input.key_pressed(Key::ArrowUp) {
                        -1
                    } else {
                        0
                    }
                });
                if step != 0 {
                    moved = true;
                    let next = (i as isize + step).rem_euclid(nodes.len() as isize) as usize;
                    ui.memory_mut(|m| m.request_focus(id_of(nodes[next].0)));
                }
                ui.painter().rect_stroke(
                    rect.expand(3.0),
                    4.0,
                    Stroke::new(2.0, ui.visuals().selection.stroke.color),
                    egui::StrokeKind::Outside,
                );
            }
        }
        if focused {
            let pass = ui.ctx().cumulative_pass_nr();
            ui.data_mut(|d| d.insert_temp(focus_flag_id(), pass));
        }
        self.add_context_label_nodes(ui, suffix);
        actions
    }
}
