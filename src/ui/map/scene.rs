//! One frame of the map: where each place lands on screen, which labels fit
//! and what can be clicked. `MapScene` is computed once per frame (and once
//! for the inset), then painted by `paint` and hit-tested.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, Pos2, Rect};

use super::context_labels::{StoryContext, context_label_nodes, context_labels};
use super::labels::{
    LabelCandidate, MAX_PLACE_LABELS, MapLabel, centered_request, count_rect, kind_rank, label_job,
    place_candidates,
};
use super::markers::{has_marker, marker_radius};
use super::screen::ScreenMapping;
use super::screen::{control_areas, screen_pos, screen_rect};
use crate::basemap::{Basemap, LonLat};
use crate::brief::{Brief, PlaceId, PlaceKind};
use crate::map::ScreenRect;
use crate::map::area_shapes::{AreaShape, AreaShapes};
use crate::map::camera::Camera;
use crate::map::hit_test::{HitShape, hit_test_places};
use crate::map::labels::{LabelRequest, water_name_key};
use crate::map::place_index::PlaceIndex;
use crate::map::projection::{lon_lat_from_world, world_from_lon_lat};
use crate::map::thinning::{CrowdMember, ZoomThinning, marker_rank};
use crate::map::world_basemap::WorldBasemap;
use crate::ui::theme::Palette;

/// A place as it lands on this view.
#[derive(Clone)]
pub struct PlaceOnScreen {
    pub id: PlaceId,
    pub kind: PlaceKind,
    pub name: String,
    pub anchor: Pos2,
    /// Screen ring of an area.
    pub ring: Option<Vec<Pos2>>,
    /// The area's simplified, triangulated shape (its triangles index `ring`).
    pub shape: Option<Arc<AreaShape>>,
    pub approximate: bool,
    pub label: Option<Rect>,
    /// Markers this one stands for where they crowd.
    pub hides: usize,
    pub mentions: usize,
    /// Its share of a time range's articles (1 without a range): its
    /// marker's shade.
    pub weight: f32,
    /// Its side in a comparison: its marker's colour.
    pub compared: Option<crate::timeline::Compared>,
}

/// What the map lights up: the selected and hovered places, and the story's
/// own country (drawn a shade lighter). Derived from the app's state.
#[derive(Clone, Debug, Default)]
pub struct Highlights {
    pub selected: Option<PlaceId>,
    pub hovered: Option<PlaceId>,
    /// Index into the basemap's countries.
    pub focus_country: Option<usize>,
    /// A place drawn where a gesture is taking it, not where it is.
    pub preview: Option<(PlaceId, geo_types::Geometry<f64>)>,
    /// A story's time range: the places it leaves, shaded by how many of
    /// its articles name them.
    pub filter: Option<std::sync::Arc<crate::timeline::TimeFilter>>,
    /// Two sides of a story compared: the places of either, marked by side.
    pub compare: Option<std::sync::Arc<crate::timeline::Comparison>>,
}

pub struct MapScene {
    pub rect: Rect,
    pub camera: Camera,
    pub palette: &'static Palette,
    pub dark: bool,
    pub pixels_per_point: f32,
    pub places: Vec<PlaceOnScreen>,
    /// Hit shapes name places by their index in `places` (this frame only).
    pub hit_shapes: Vec<HitShape>,
    pub(super) labels: Vec<MapLabel>,
    pub selected: Option<PlaceId>,
    /// (basemap country index, index into `places`) for the story's countries.
    story_countries: Arc<Vec<(usize, PlaceId, String)>>,
    /// The story's country (the one holding most of its points), drawn lighter.
    focus_country: Option<usize>,
    /// Markers left out because they sat on others (zoom in to see them).
    pub hidden: usize,
    /// Names this scene in the map's caches of what is made from a scene
    /// at its first frame (meshes, accessibility nodes): see [`SceneMemo`].
    pub serial: u64,
    /// The scene this one is moved from, and by how much (a pan): what was
    /// made from that one is moved rather than made again.
    pub moved_from: Option<(u64, egui::Vec2)>,
    /// How far beyond `rect` places were looked for and drawn (so that a
    /// pan can move the scene that far before it is built again).
    pub margin: egui::Vec2,
}

/// A number no other scene of this run has.
fn next_serial() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Scenes whose made things a `SceneMemo` keeps: the main map's (built and
/// moved), the inset's and a hovered place's overlay, with room to spare.
const SCENE_MEMO_SIZE: usize = 8;

/// What the map's cache makes from a scene at its first frame (its meshes,
/// its accessibility nodes), for the scenes shown lately, by serial: the
/// scene itself stays plain data that paint and accessibility read.
pub struct SceneMemo<T> {
    /// (scene serial, last used, what was made).
    entries: Vec<(u64, u64, T)>,
    clock: u64,
}

impl<T> Default for SceneMemo<T> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            clock: 0,
        }
    }
}

impl<T> SceneMemo<T> {
    /// What was made for scene `serial`, if anything (and it counts as used).
    pub fn get(&mut self, serial: u64) -> Option<&T> {
        self.clock += 1;
        let clock = self.clock;
        let entry = self.entries.iter_mut().find(|(s, _, _)| *s == serial)?;
        entry.1 = clock;
        Some(&entry.2)
    }

    /// What was made for scene `serial`, made now by `make` (which may read
    /// what was made for other scenes) if nothing was.
    pub fn get_or_make(&mut self, serial: u64, make: impl FnOnce(&mut Self) -> T) -> &T {
        self.clock += 1;
        let clock = self.clock;
        let at = match self.entries.iter().position(|(s, _, _)| *s == serial) {
            Some(at) => {
                self.entries[at].1 = clock;
                at
            }
            None => {
                let made = make(self);
                self.insert(serial, made);
                self.entries.len() - 1
            }
        };
        &self.entries[at].2
    }

    /// Keeps what was made for scene `serial`, forgetting the least used.
    pub fn insert(&mut self, serial: u64, made: T) {
        self.clock += 1;
        self.entries.retain(|(s, _, _)| *s != serial);
        if self.entries.len() >= SCENE_MEMO_SIZE
            && let Some(oldest) = (0..self.entries.len()).min_by_key(|&i| self.entries[i].1)
        {
            self.entries.swap_remove(oldest);
        }
        self.entries.push((serial, self.clock, made));
    }
}

/// What the map keeps between frames to draw the story's places without
/// looking at all of them: the spatial index, the areas' shapes, and which
/// places are countries of the basemap.
#[derive(Default)]
pub struct SceneCaches {
    pub index: PlaceIndex,
    pub thinning: ZoomThinning,
    pub areas: AreaShapes,
    /// (basemap country, place id, name) of the story's countries.
    story_countries: Arc<Vec<(usize, PlaceId, String)>>,
    countries_version: Option<u64>,
}

impl SceneCaches {
    fn update(&mut self, brief: &Brief, world: &WorldBasemap) {
        self.index.update(brief, world);
        if self.countries_version != Some(brief.places_version()) {
            self.countries_version = Some(brief.places_version());
            self.story_countries = Arc::new(
                brief
                    .places()
                    .filter(|p| p.kind == PlaceKind::Country)
                    .filter_map(|p| {
                        world
                            .country_index(&p.name)
                            .map(|c| (c, p.id.clone(), p.name.clone()))
                    })
                    .collect(),
            );
        }
    }
}

/// What one view's scene is built from.
#[derive(Clone, Copy)]
pub struct SceneInputs<'a> {
    pub brief: &'a Brief,
    pub camera: Camera,
    pub rect: Rect,
    pub highlights: &'a Highlights,
    /// How far beyond `rect` places are looked for and drawn (so that a pan
    /// can move the scene that far before it is built again).
    pub margin: egui::Vec2,
}

/// The places a scene shows: positions in the brief, how many each marker
/// stands for, and how many are hidden in all.
struct PlacesInView<'a> {
    visible: &'a [usize],
    hides: &'a HashMap<PlaceId, usize>,
    hidden: usize,
}

impl MapScene {
    /// The scene of a view: the places in it (and its margin), thinned for
    /// the zoom, with their labels and the map's own names.
    pub fn new(ui: &egui::Ui, inputs: &SceneInputs, caches: &mut SceneCaches) -> Self {
        let SceneInputs {
            brief,
            camera,
            rect,
            highlights,
            margin,
        } = *inputs;
        caches.update(brief, WorldBasemap::embedded());
        // Only the places in view (and a margin, for labels at the edge).
        let viewport = screen_rect(rect.expand2(margin).expand(40.0));
        let min = camera.world_from_screen(&screen_rect(rect), viewport.min);
        let max = camera.world_from_screen(&screen_rect(rect), viewport.max);
        let filter = highlights.filter.as_deref();
        let compare = highlights.compare.as_deref();
        let shown = |i: usize| {
            filter.is_none_or(|f| f.shows_place(i)) && compare.is_none_or(|c| c.place(i).is_some())
        };
        let mut visible = caches.index.visible(brief, min, max);
        visible.retain(|&i| shown(i));
        // Markers come thinned for the zoom, each with how many it stands
        // for; so do areas too small at this zoom to be told from a marker.
        // A time range thins only what it leaves.
        let version = brief.places_version()
            ^ filter.map_or(0, |f| f.version.rotate_left(32))
            ^ compare.map_or(0, |c| c.version.rotate_left(16));
        let thinned = caches.thinning.kept_in_view(
            version,
            camera.zoom,
            [min.x, min.y],
            [max.x, max.y],
            || crowd_members(brief, WorldBasemap::embedded(), &shown),
        );
        if !thinned.hidden_areas.is_empty() {
            visible.retain(|&i| {
                brief
                    .place_at(i)
                    .is_some_and(|p| !thinned.hidden_areas.contains(&p.id))
            });
        }
        let mut hides: HashMap<PlaceId, usize> = HashMap::with_capacity(thinned.kept.len());
        for (id, n) in thinned.kept {
            if let Some(i) = brief.place_position(&id)
                && shown(i)
            {
                visible.push(i);
                hides.insert(id, n);
            }
        }
        // The selected place shows whatever the thinning kept (a hovered one
        // left out is drawn over the scene: `of_one`).
        for id in highlights
            .selected
            .iter()
            .chain(highlights.preview.as_ref().map(|(id, _)| id))
        {
            if let Some(i) = brief.place_position(id)
                && !visible.contains(&i)
            {
                visible.push(i);
            }
        }
        visible.sort_unstable();
        visible.dedup();
        let hidden = hides.values().sum();
        let places = PlacesInView {
            visible: &visible,
            hides: &hides,
            hidden,
        };
        Self::of_places(ui, inputs, caches, &places, true)
    }

    /// A scene of one place, drawn over the map's scene when the reader
    /// points at a mention of a place that scene left out (thinned away, or
    /// out of view): the map still shows where it is, and the scene under
    /// it is not built again for every mention the pointer crosses.
    pub fn of_one(
        ui: &egui::Ui,
        brief: &Brief,
        camera: Camera,
        rect: Rect,
        place: &PlaceId,
        caches: &mut SceneCaches,
    ) -> Option<Self> {
        let i = brief.place_position(place)?;
        caches.update(brief, WorldBasemap::embedded());
        let highlights = Highlights {
            selected: None,
            hovered: Some(place.clone()),
            focus_country: None,
            preview: None,
            filter: None,
            compare: None,
        };
        let inputs = SceneInputs {
            brief,
            camera,
            rect,
            highlights: &highlights,
            margin: egui::Vec2::ZERO,
        };
        let places = PlacesInView {
            visible: &[i],
            hides: &HashMap::default(),
            hidden: 0,
        };
        Some(Self::of_places(ui, &inputs, caches, &places, false))
    }

    /// The scene of these places, labels placed, with the map's own names
    /// (towns, seas) if `context`.
    fn of_places(
        ui: &egui::Ui,
        inputs: &SceneInputs,
        caches: &mut SceneCaches,
        in_view: &PlacesInView,
        context: bool,
    ) -> Self {
        let SceneInputs {
            brief,
            camera,
            rect,
            highlights,
            margin,
        } = *inputs;
        let PlacesInView {
            visible,
            hides,
            hidden,
        } = *in_view;
        let dark = ui.visuals().dark_mode;
        let palette = Palette::for_dark_mode(dark);
        let map = ScreenMapping::new(&camera, rect);
        let world = WorldBasemap::embedded();
        let mut places = Vec::with_capacity(visible.len());
        for &i in visible {
            let Some(place) = brief.place_at(i) else {
                continue;
            };
            let previewed = highlights
                .preview
                .as_ref()
                .filter(|(id, _)| *id == place.id)
                .map(|(_, g)| g);
            let geometry = previewed.unwrap_or(&place.geometry);
            let (lon, lat) = match (previewed, geometry) {
                (Some(_), geo_types::Geometry::Point(p)) => (p.x(), p.y()),
                _ => place.anchor_lon_lat(),
            };
            let mut anchor = map.screen(world_from_lon_lat(lon, lat));
            if place.kind == PlaceKind::Country
                && let Some(c) = world.country_index(&place.name)
            {
                anchor = map.screen(world.countries[c].label);
            }
            let (ring, shape) = match (previewed, geometry) {
                // A ring being reshaped is drawn as it is, every corner.
                (Some(_), geo_types::Geometry::Polygon(poly)) => (
                    Some(
                        poly.exterior()
                            .coords()
                            .map(|c| map.screen(world_from_lon_lat(c.x, c.y)))
                            .collect(),
                    ),
                    None,
                ),
                (None, geo_types::Geometry::Polygon(_)) => {
                    let version = brief.place_version(&place.id);
                    let shape = caches.areas.shape(place, version, camera.zoom);
                    let ring = shape
                        .as_ref()
                        .map(|s| s.ring.iter().map(|w| map.screen(*w)).collect());
                    (ring, shape)
                }
                _ => (None, None),
            };
            places.push(PlaceOnScreen {
                id: place.id.clone(),
                kind: place.kind,
                name: place.name.clone(),
                anchor,
                ring,
                shape,
                approximate: place.approximate,
                label: None,
                hides: hides.get(&place.id).copied().unwrap_or(0),
                mentions: brief.mentions_of(&place.id).len(),
                weight: highlights.filter.as_ref().map_or(1.0, |f| f.weight(i)),
                compared: highlights.compare.as_ref().and_then(|c| c.place(i)),
            });
        }
        let story_countries = caches.story_countries.clone();
        let mut scene = Self {
            rect,
            camera,
            palette,
            dark,
            pixels_per_point: ui.ctx().pixels_per_point(),
            places,
            hit_shapes: Vec::new(),
            labels: Vec::new(),
            selected: highlights.selected.clone(),
            focus_country: highlights.focus_country,
            story_countries,
            hidden,
            serial: next_serial(),
            moved_from: None,
            margin,
        };
        scene.place_all_labels(ui, &map, world, context);
        scene.collect_hit_shapes();
        scene
    }

    fn place_all_labels(
        &mut self,
        ui: &egui::Ui,
        map: &ScreenMapping,
        world: &WorldBasemap,
        with_context: bool,
    ) {
        let painter = ui.painter();
        let inner = self.rect.shrink(2.0);
        let mut named: Vec<usize> = (0..self.places.len())
            .filter(|&i| inner.contains(self.places[i].anchor))
            .collect();
        if named.len() > MAX_PLACE_LABELS {
            let rank = |p: &PlaceOnScreen| {
                (
                    self.selected.as_ref() != Some(&p.id),
                    kind_rank(p.kind),
                    std::cmp::Reverse(p.mentions),
                )
            };
            named.sort_by_key(|&i| rank(&self.places[i]));
            named.truncate(MAX_PLACE_LABELS);
        }
        let mut candidates: Vec<LabelCandidate> = Vec::new();
        for i in named {
            let p = &self.places[i];
            let strong = self.selected.as_ref() == Some(&p.id);
            let galley = painter.layout_job(label_job(&p.name, Some(p.kind), strong, self.palette));
            let request = LabelRequest {
                anchor: screen_pos(p.anchor),
                width: f64::from(galley.size().x) + 4.0,
                height: f64::from(galley.size().y) + 2.0,
                gap: f64::from(marker_radius(p.kind)) + 3.0,
                rank: if strong { 0 } else { kind_rank(p.kind) },
                centered: !has_marker(p.kind),
                dot_radius: 0.0,
            };
            candidates.push(LabelCandidate {
                galley,
                request,
                place: Some(i),
                context_name: None,
                dot: None,
            });
        }
        if with_context {
            candidates.extend(self.context_candidates(painter, map, world, inner));
        }
        let mut obstacles: Vec<ScreenRect> = self
            .places
            .iter()
            .filter(|p| has_marker(p.kind))
            .map(|p| {
                let r = f64::from(marker_radius(p.kind)) * 2.0 + 2.0;
                ScreenRect::from_center_size(screen_pos(p.anchor), r, r)
            })
            .collect();
        // A "+N" beside a marker is not written over either.
        obstacles.extend(
            self.places
                .iter()
                .filter(|p| p.hides > 0)
                .map(|p| screen_rect(count_rect(p.anchor, p.kind, p.hides))),
        );
        obstacles.extend(control_areas(self.rect).iter().map(|r| screen_rect(*r)));
        for label in place_candidates(candidates, &obstacles, self.rect) {
            if let Some(p) = label.place {
                self.places[p].label = Some(label.rect);
            }
            self.labels.push(label);
        }
    }

    /// The map's own names that may go beside the story's: towns, regions
    /// and countries (never repeating a story place in view), and seas.
    fn context_candidates(
        &self,
        painter: &egui::Painter,
        map: &ScreenMapping,
        world: &WorldBasemap,
        inner: Rect,
    ) -> Vec<LabelCandidate> {
        // A story place out of view leaves its name to the map's own labels.
        let visible_story_names: Vec<String> = self
            .places
            .iter()
            .filter(|p| inner.contains(p.anchor))
            .map(|p| p.name.to_lowercase())
            .collect();
        let story_markers: Vec<Pos2> = self
            .places
            .iter()
            .filter(|p| has_marker(p.kind))
            .map(|p| p.anchor)
            .collect();
        let story_country_indices: Vec<usize> =
            self.story_countries.iter().map(|(c, _, _)| *c).collect();
        let story = StoryContext {
            countries: &story_country_indices,
            names: &visible_story_names,
            markers: &story_markers,
        };
        let mut candidates: Vec<LabelCandidate> =
            context_labels(painter, map, self.camera.zoom, inner, self.palette, &story)
                .into_iter()
                .map(|label| LabelCandidate {
                    galley: label.galley,
                    request: label.request,
                    place: None,
                    context_name: Some(label.name),
                    dot: label.dot,
                })
                .collect();
        // A sea the story names is the story's to label, under any of its
        // names ("Mediterranean" is the story's "Mediterranean Sea").
        let story_names: Vec<String> = self.places.iter().map(|p| p.name.to_lowercase()).collect();
        let story_waters: Vec<String> = self
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::Sea)
            .map(|p| water_name_key(&p.name))
            .filter(|key| !key.is_empty())
            .collect();
        for sea in &world.sea_labels {
            let anchor = map.screen(sea.pos);
            let named = story_names.contains(&sea.name.to_lowercase())
                || story_waters.contains(&water_name_key(&sea.name));
            if !inner.contains(anchor) || named {
                continue;
            }
            let galley = painter.layout_job(label_job(
                &sea.name,
                Some(PlaceKind::Sea),
                false,
                self.palette,
            ));
            candidates.push(LabelCandidate {
                request: centered_request(anchor, &galley, 15),
                galley,
                place: None,
                context_name: Some(sea.name.clone()),
                dot: None,
            });
        }
        candidates
    }

    fn collect_hit_shapes(&mut self) {
        for (i, p) in self.places.iter().enumerate() {
            if has_marker(p.kind) {
                self.hit_shapes.push(HitShape::Marker {
                    place: i,
                    center: screen_pos(p.anchor),
                    radius: f64::from(marker_radius(p.kind)),
                });
            }
            if let Some(rect) = p.label {
                self.hit_shapes.push(HitShape::Label {
                    place: i,
                    rect: screen_rect(rect),
                });
            }
            if let Some(ring) = &p.ring {
                self.hit_shapes.push(HitShape::Area {
                    place: i,
                    ring: ring.iter().map(|q| screen_pos(*q)).collect(),
                });
            }
        }
    }

    /// The place under a screen point: markers, then labels, then areas,
    /// then the story's countries.
    pub fn place_at(&self, p: egui::Pos2) -> Option<PlaceId> {
        hit_test_places(&self.hit_shapes, screen_pos(p))
            .and_then(|i| self.places.get(i).map(|p| p.id.clone()))
            .or_else(|| self.country_place_at(p))
    }

    /// What covering `r` with something drawn over the map (the inset, the
    /// locator) would hide of the story: markers and areas count most,
    /// labels and other names a little.
    pub fn cover_cost(&self, r: Rect) -> usize {
        let r = r.expand(10.0);
        self.places
            .iter()
            .map(|p| {
                let anchor = if r.contains(p.anchor) {
                    if has_marker(p.kind) || p.ring.is_some() {
                        10
                    } else {
                        2
                    }
                } else {
                    0
                };
                let area = p
                    .ring
                    .as_ref()
                    .is_some_and(|ring| ring.iter().any(|q| r.contains(*q)));
                anchor
                    + usize::from(area) * 10
                    + usize::from(p.label.is_some_and(|l| l.intersects(r))) * 2
            })
            .sum()
    }

    /// Removes the labels of these places (and their click targets).
    pub fn drop_labels_of(&mut self, places: &[PlaceId]) {
        let dropped: Vec<usize> = (0..self.places.len())
            .filter(|&i| places.contains(&self.places[i].id))
            .collect();
        self.labels
            .retain(|l| l.place.is_none_or(|p| !dropped.contains(&p)));
        for &i in &dropped {
            self.places[i].label = None;
        }
        let places = &dropped;
        self.hit_shapes
            .retain(|s| !matches!(s, HitShape::Label { place, .. } if places.contains(place)));
    }

    /// The story country (if any) under a screen point.
    pub fn country_place_at(&self, p: Pos2) -> Option<PlaceId> {
        if self.story_countries.is_empty() {
            return None;
        }
        let world = self
            .camera
            .world_from_screen(&screen_rect(self.rect), screen_pos(p));
        let (lon_deg, lat_deg) = lon_lat_from_world(world);
        let country = Basemap::embedded().country_at(LonLat { lon_deg, lat_deg })?;
        self.story_countries
            .iter()
            .find(|(_, _, name)| name.eq_ignore_ascii_case(&country.name))
            .map(|(_, id, _)| id.clone())
    }

    /// Screen-reader nodes for the map's own names (towns, divisions, countries).
    pub fn add_context_label_nodes(&self, ui: &mut egui::Ui, suffix: &str) {
        let placed: Vec<(Rect, &str)> = self
            .labels
            .iter()
            .filter_map(|l| Some((l.rect, l.context_name.as_deref()?)))
            .collect();
        context_label_nodes(ui, &placed, suffix);
    }

    /// The scene moved by `delta` points, for `camera` (the same view panned):
    /// places, labels, click targets and the meshes already made all move.
    pub fn translated(&self, delta: egui::Vec2, camera: Camera) -> Self {
        let (dx, dy) = (f64::from(delta.x), f64::from(delta.y));
        let places = self
            .places
            .iter()
            .map(|p| PlaceOnScreen {
                anchor: p.anchor + delta,
                ring: p
                    .ring
                    .as_ref()
                    .map(|ring| ring.iter().map(|q| *q + delta).collect()),
                label: p.label.map(|r| r.translate(delta)),
                ..p.clone()
            })
            .collect();
        let labels = self
            .labels
            .iter()
            .map(|l| MapLabel {
                rect: l.rect.translate(delta),
                dot: l.dot.map(|d| d + delta),
                ..l.clone()
            })
            .collect();
        Self {
            rect: self.rect,
            camera,
            palette: self.palette,
            dark: self.dark,
            pixels_per_point: self.pixels_per_point,
            places,
            hit_shapes: self
                .hit_shapes
                .iter()
                .map(|h| h.translated(dx, dy))
                .collect(),
            labels,
            selected: self.selected.clone(),
            story_countries: self.story_countries.clone(),
            focus_country: self.focus_country,
            hidden: self.hidden,
            serial: next_serial(),
            moved_from: Some((self.serial, delta)),
            margin: self.margin,
        }
    }

    /// Whether the scene shows this place (or needs no place shown).
    pub fn shows(&self, place: Option<&PlaceId>) -> bool {
        place.is_none_or(|id| self.places.iter().any(|p| &p.id == id))
    }

    /// The basemap country of the hovered place, if it is a story country
    /// other than the selected one (those keep their own tint).
    pub(super) fn hovered_country(&self, hovered: Option<&PlaceId>) -> Option<usize> {
        let hovered = hovered.filter(|id| self.selected.as_ref() != Some(*id))?;
        self.story_countries
            .iter()
            .find(|(_, place, _)| place == hovered)
            .map(|(c, _, _)| *c)
    }

    pub(super) fn tints(&self, hovered: Option<&PlaceId>) -> Vec<(usize, Color32)> {
        self.story_countries
            .iter()
            .map(|(c, place, _)| {
                let (c, id) = (*c, Some(place));
                let color = if self.selected.as_ref() == id {
                    self.palette.selected_land
                } else if hovered == id {
                    self.palette.mention_hovered
                } else if self.focus_country == Some(c) {
                    self.palette.focus_land
                } else {
                    self.palette.story_land
                };
                (c, color)
            })
            .collect()
    }
}

/// The places that may give way where they crowd: every marker, and every
/// area other than a country (the basemap draws those), with its size.
fn crowd_members(
    brief: &Brief,
    world: &WorldBasemap,
    shown: &dyn Fn(usize) -> bool,
) -> Vec<CrowdMember> {
    brief
        .places()
        .enumerate()
        .filter(|(i, _)| shown(*i))
        .map(|(_, p)| p)
        .filter(|p| p.kind.has_marker() || (p.is_area() && p.kind != PlaceKind::Country))
        .map(|p| {
            let (lon, lat) = p.anchor_lon_lat();
            let w = world_from_lon_lat(lon, lat);
            let extent = if p.kind.has_marker() {
                0.0
            } else {
                let (min, max) = crate::map::place_index::place_extent(p, world);
                (max.x - min.x).max(max.y - min.y)
            };
            CrowdMember {
                id: p.id.clone(),
                at: [w.x, w.y],
                extent,
                rank: marker_rank(p.kind, brief.mentions_of(&p.id).len()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::projection::world_from_lon_lat;

    /// Runs `check` inside one headless egui frame.
    fn in_a_frame(check: impl FnMut(&mut egui::Ui)) {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), check);
        output.textures_delta.clear();
    }

    #[test]
    fn a_scene_of_one_place_holds_that_place_named_and_nothing_else() {
        let brief = Brief::default_brief();
        let tartus = brief
            .places()
            .find(|p| p.name.starts_with("Tartus"))
            .map(|p| p.id.clone())
            .expect("the default brief names Tartus");
        in_a_frame(|ui| {
            let camera = Camera {
                center: world_from_lon_lat(36.0, 35.0),
                zoom: 6.0,
            };
            let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(600.0, 400.0));
            let mut caches = SceneCaches::default();
            let scene = MapScene::of_one(ui, &brief, camera, rect, &tartus, &mut caches)
                .expect("Tartus is in the brief");
            let ids: Vec<&PlaceId> = scene.places.iter().map(|p| &p.id).collect();
            assert_eq!(ids, [&tartus]);
            // Its own name, and no towns or seas of the map's own.
            assert_eq!(scene.labels.len(), 1);
            assert_eq!(scene.labels[0].place, Some(0));
            assert!(scene.places[0].label.is_some());
            // The full scene of the same view names more than Tartus.
            let inputs = SceneInputs {
                brief: &brief,
                camera,
                rect,
                highlights: &Highlights::default(),
                margin: egui::Vec2::ZERO,
            };
            let full = MapScene::new(ui, &inputs, &mut caches);
            assert!(full.labels.len() > 1);
        });
    }

    #[test]
    fn a_place_not_in_the_brief_has_no_scene_of_its_own() {
        let brief = Brief::default_brief();
        in_a_frame(|ui| {
            let camera = Camera {
                center: world_from_lon_lat(36.0, 35.0),
                zoom: 6.0,
            };
            let rect = Rect::from_min_size(Pos2::ZERO, egui::vec2(600.0, 400.0));
            let missing = PlaceId::from("no-such-place");
            let scene = MapScene::of_one(
                ui,
                &brief,
                camera,
                rect,
                &missing,
                &mut SceneCaches::default(),
            );
            assert!(scene.is_none());
        });
    }
}
