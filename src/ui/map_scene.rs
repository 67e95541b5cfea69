//! One frame of the map: where each place lands on screen, which labels fit
//! and what can be clicked. `MapScene` is computed once per frame (and once
//! for the inset), then painted by `map_paint` and hit-tested.

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Rect, pos2};

use super::basemap_layer::ScreenMapping;
use super::context_labels::{StoryContext, context_label_nodes, context_labels};
use super::map_view::{screen_pos, screen_rect};
use super::markers::{has_marker, marker_radius};
use super::theme::Palette;
use crate::basemap::{Basemap, LonLat};
use crate::brief::{Brief, PlaceId, PlaceKind};
use crate::map::area_shapes::{AreaShape, AreaShapes};
use crate::map::camera::Camera;
use crate::map::hit_test::HitShape;
use crate::map::labels::{LabelRequest, place_labels};
use crate::map::place_index::PlaceIndex;
use crate::map::projection::{lon_lat_from_world, world_from_lon_lat};
use crate::map::thinning::{CrowdMember, ZoomThinning, marker_rank};
use crate::map::world_basemap::WorldBasemap;

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
}

#[derive(Clone)]
pub(super) struct MapLabel {
    pub galley: Arc<Galley>,
    pub rect: Rect,
    /// The place it names (an index into the scene's places), if any:
    /// basemap labels name none.
    pub place: Option<usize>,
    /// A context label's name (a town, a division, a country), for screen readers.
    pub context_name: Option<String>,
    /// The dot of the town a context label names.
    pub dot: Option<Pos2>,
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
    /// The places tessellated, at the scene's first paint.
    pub(super) painted: std::sync::OnceLock<super::map_paint::PlacesPainted>,
    /// The places with keyboard and screen-reader nodes, in reading order,
    /// at the scene's first frame.
    pub(super) node_order: std::sync::OnceLock<super::map_places_a11y::NodeOrder>,
    /// How far beyond `rect` places were looked for and drawn (so that a
    /// pan can move the scene that far before it is built again).
    pub margin: egui::Vec2,
}

/// Place names placed at most a frame; the most important go first.
const MAX_PLACE_LABELS: usize = 250;

/// What the map keeps between frames to draw the story's places without
/// looking at all of them: the spatial index, the areas' shapes, and which
/// places are countries of the basemap.
#[derive(Default)]
pub struct SceneCaches {
    pub index: PlaceIndex,
    pub thinning: ZoomThinning,
    pub areas: AreaShapes,
    pub reading_order: super::map_places_a11y::ReadingOrder,
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

fn label_job(text: &str, kind: Option<PlaceKind>, strong: bool, palette: &Palette) -> LayoutJob {
    let mut format = TextFormat::simple(FontId::proportional(12.5), palette.label);
    let text = match kind {
        Some(PlaceKind::Country) | None => {
            format.font_id = FontId::proportional(if kind.is_some() { 11.5 } else { 10.0 });
            format.extra_letter_spacing = 1.6;
            format.color = palette.country_label;
            text.to_uppercase()
        }
        Some(PlaceKind::Sea | PlaceKind::Region) => {
            format.italics = true;
            format.font_id = FontId::proportional(12.0);
            format.color = palette.sea_label;
            text.to_string()
        }
        _ => text.to_string(),
    };
    if strong {
        format.color = palette.label;
        format.background = palette.mention_selected;
    }
    LayoutJob::single_section(text, format)
}

impl MapScene {
    pub fn new(
        ui: &egui::Ui,
        brief: &Brief,
        camera: Camera,
        rect: Rect,
        highlights: &Highlights,
        caches: &mut SceneCaches,
    ) -> Self {
        Self::with_margin(
            ui,
            brief,
            camera,
            rect,
            highlights,
            caches,
            egui::Vec2::ZERO,
        )
    }

    /// A scene whose places reach `margin` beyond the view, for a pan.
    pub fn with_margin(
        ui: &egui::Ui,
        brief: &Brief,
        camera: Camera,
        rect: Rect,
        highlights: &Highlights,
        caches: &mut SceneCaches,
        margin: egui::Vec2,
    ) -> Self {
        caches.update(brief, WorldBasemap::embedded());
        // Only the places in view (and a margin, for labels at the edge).
        let viewport = screen_rect(rect.expand2(margin).expand(40.0));
        let min = camera.world_from_screen(&screen_rect(rect), viewport.min);
        let max = camera.world_from_screen(&screen_rect(rect), viewport.max);
        let mut visible = caches.index.visible(brief, min, max);
        // Markers come thinned for the zoom, each with how many it stands
        // for; so do areas too small at this zoom to be told from a marker.
        let thinned = caches.thinning.kept_in_view(
            brief.places_version(),
            camera.zoom,
            [min.x, min.y],
            [max.x, max.y],
            || crowd_members(brief, WorldBasemap::embedded()),
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
            if let Some(i) = brief.place_position(&id) {
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
        Self::of_places(
            ui,
            brief,
            camera,
            rect,
            highlights,
            caches,
            margin,
            (&visible, &hides, hidden),
            true,
        )
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
        };
        let no_hides = HashMap::default();
        Some(Self::of_places(
            ui,
            brief,
            camera,
            rect,
            &highlights,
            caches,
            egui::Vec2::ZERO,
            (&[i], &no_hides, 0),
            false,
        ))
    }

    /// The scene of these places (`visible`: positions in the brief; how
    /// many each marker stands for; how many are hidden), labels placed,
    /// with the map's own names (towns, seas) if `context`.
    #[expect(clippy::too_many_arguments, reason = "the parts of one scene")]
    fn of_places(
        ui: &egui::Ui,
        brief: &Brief,
        camera: Camera,
        rect: Rect,
        highlights: &Highlights,
        caches: &mut SceneCaches,
        margin: egui::Vec2,
        (visible, hides, hidden): (&[usize], &HashMap<PlaceId, usize>, usize),
        context: bool,
    ) -> Self {
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
            painted: std::sync::OnceLock::new(),
            node_order: std::sync::OnceLock::new(),
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
        let mut galleys = Vec::new();
        let mut requests = Vec::new();
        // Per request: a context label's name and town dot.
        let mut context = Vec::new();
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
        for i in named {
            let p = &self.places[i];
            let strong = self.selected.as_ref() == Some(&p.id);
            let galley = painter.layout_job(label_job(&p.name, Some(p.kind), strong, self.palette));
            let rank = if strong { 0 } else { kind_rank(p.kind) };
            requests.push(LabelRequest {
                anchor: screen_pos(p.anchor),
                width: f64::from(galley.size().x) + 4.0,
                height: f64::from(galley.size().y) + 2.0,
                gap: f64::from(marker_radius(p.kind)) + 3.0,
                rank,
                centered: !has_marker(p.kind),
                dot_radius: 0.0,
            });
            galleys.push((galley, Some(i)));
            context.push(None);
        }
        let story_names: Vec<String> = self.places.iter().map(|p| p.name.to_lowercase()).collect();
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
        let contexts = if with_context {
            context_labels(painter, map, self.camera.zoom, inner, self.palette, &story)
        } else {
            Vec::new()
        };
        for label in contexts {
            requests.push(label.request);
            galleys.push((label.galley, None));
            context.push(Some((label.name, label.dot)));
        }
        let seas = if with_context {
            &world.sea_labels[..]
        } else {
            &[]
        };
        for sea in seas {
            let anchor = map.screen(sea.pos);
            if !inner.contains(anchor) || story_names.contains(&sea.name.to_lowercase()) {
                continue;
            }
            let galley = painter.layout_job(label_job(
                &sea.name,
                Some(PlaceKind::Sea),
                false,
                self.palette,
            ));
            requests.push(centered_request(anchor, &galley, 15));
            galleys.push((galley, None));
            context.push(None);
        }
        let obstacles: Vec<_> = self
            .places
            .iter()
            .filter(|p| has_marker(p.kind))
            .map(|p| {
                let r = f64::from(marker_radius(p.kind)) * 2.0 + 2.0;
                crate::map::ScreenRect::from_center_size(screen_pos(p.anchor), r, r)
            })
            .collect();
        let mut obstacles = obstacles;
        // A "+N" beside a marker is not written over either.
        obstacles.extend(
            self.places
                .iter()
                .filter(|p| p.hides > 0)
                .map(|p| screen_rect(count_rect(p))),
        );
        obstacles.extend(control_areas(self.rect).iter().map(|r| screen_rect(*r)));
        let placed = place_labels(&requests, &obstacles, &screen_rect(self.rect));
        for (((galley, place), rect), extra) in galleys.into_iter().zip(placed).zip(context) {
            let (context_name, dot) = extra.map_or((None, None), |(n, d)| (Some(n), d));
            let Some(r) = rect else { continue };
            let rect = Rect::from_min_max(
                pos2(r.min.x as f32, r.min.y as f32),
                pos2(r.max.x as f32, r.max.y as f32),
            );
            if let Some(p) = place {
                self.places[p].label = Some(rect);
            }
            self.labels.push(MapLabel {
                galley,
                rect,
                place,
                context_name,
                dot,
            });
        }
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
        let painted = std::sync::OnceLock::new();
        if let Some(p) = self.painted.get() {
            let _ = painted.set(p.translated(delta));
        }
        let node_order = std::sync::OnceLock::new();
        if let Some(n) = self.node_order.get() {
            let _ = node_order.set(n.translated(delta));
        }
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
            painted,
            node_order,
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

/// Where a place's "+N" count goes (top right of its marker), about as big
/// as its digits in the count's 9.5-point type.
pub(super) fn count_rect(p: &PlaceOnScreen) -> Rect {
    let r = marker_radius(p.kind);
    let digits = p.hides.max(1).ilog10() as f32 + 1.0;
    let size = egui::vec2(5.5 * (digits + 1.0), 12.0);
    Rect::from_min_size(p.anchor + egui::vec2(r + 1.0, -r - 1.0 - size.y), size)
}

/// Where the map's own furniture sits (zoom buttons top right; scale bar
/// and credit bottom left), so no label lands under it.
pub fn control_areas(rect: Rect) -> [Rect; 2] {
    [
        Rect::from_min_max(
            pos2(rect.max.x - 56.0, rect.min.y),
            pos2(rect.max.x, rect.min.y + 112.0),
        ),
        Rect::from_min_max(
            pos2(rect.min.x, rect.max.y - 50.0),
            pos2(rect.min.x + 330.0, rect.max.y),
        ),
    ]
}

/// The basemap country that holds most of the story's point places.
pub fn focus_country(brief: &Brief) -> Option<usize> {
    let world = WorldBasemap::embedded();
    let basemap = Basemap::embedded();
    let mut counts = vec![0usize; world.countries.len()];
    // A sample of a few hundred tells the country as well as all would (each
    // look-up is a point-in-polygon test against the world's countries).
    let step = (brief.place_count() / 400).max(1);
    for place in brief.places().step_by(step).filter(|p| has_marker(p.kind)) {
        let (lon_deg, lat_deg) = place.anchor_lon_lat();
        if let Some(country) = basemap.country_at(LonLat { lon_deg, lat_deg })
            && let Some(i) = world.country_index(&country.name)
        {
            counts[i] += 1;
        }
    }
    let (best, count) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (*count > 0).then_some(best)
}

/// The places that may give way where they crowd: every marker, and every
/// area other than a country (the basemap draws those), with its size.
fn crowd_members(brief: &Brief, world: &WorldBasemap) -> Vec<CrowdMember> {
    brief
        .places()
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

fn centered_request(anchor: Pos2, galley: &Galley, rank: u32) -> LabelRequest {
    LabelRequest {
        anchor: screen_pos(anchor),
        width: f64::from(galley.size().x) + 4.0,
        height: f64::from(galley.size().y) + 2.0,
        gap: 0.0,
        rank,
        centered: true,
        dot_radius: 0.0,
    }
}

/// Lower ranks keep their labels when space runs out.
fn kind_rank(kind: PlaceKind) -> u32 {
    match kind {
        PlaceKind::NavalBase | PlaceKind::AirBase => 1,
        PlaceKind::Capital => 2,
        PlaceKind::Area => 3,
        PlaceKind::City => 4,
        PlaceKind::Country => 5,
        PlaceKind::Region | PlaceKind::Sea => 6,
    }
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
            let full = MapScene::new(
                ui,
                &brief,
                camera,
                rect,
                &Highlights {
                    selected: None,
                    hovered: None,
                    focus_country: None,
                    preview: None,
                },
                &mut caches,
            );
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
