//! The page's names, placed by the app's rules at each half zoom level the
//! page can show: the story's places (ranked by kind, beside their markers),
//! the seas, and the map's own countries, first-level divisions and towns
//! (chosen as the app chooses them for a screen, screen by screen), with
//! the less important giving way. The page shows the set made for the
//! closest level at or below its zoom: between levels, names only move
//! apart, so none comes to overlap another.

use serde_json::{Value, json};

use super::basemap::Patch;
use super::paths::WorldBox;
use super::text_width::{line_height_points, text_width_points};
use super::view::{PageView, points_per_world};
use crate::basemap::context::reader_country_name;
use crate::brief::{Brief, PlaceKind};
use crate::map::labels::{LabelRequest, TOWN_ZOOM, choose_towns, place_labels};
use crate::map::layers::{
    COUNTRY_RANK, COUNTRY_TYPE, LabelType, NEAR_STORY_POINTS, REGION_RANK, REGION_TYPE,
    REGION_ZOOM, SEA_RANK, country_name_fits, kind_rank, marker_radius_points, place_type,
    region_labelled, town_type,
};
use crate::map::projection::{WorldPos, world_from_lon_lat};
use crate::map::world_basemap::WorldBasemap;
use crate::map::world_context::WorldContext;
use crate::map::{ScreenPos, ScreenRect};

/// Levels are this far apart (zoom levels).
pub const LEVEL_STEP: f64 = 0.5;
/// Towns are chosen per screen of this size (points), as the app chooses
/// them for the view it shows.
const TOWN_SCREEN_POINTS: (f64, f64) = (1024.0, 768.0);
/// Screens looked at per level and patch at most: past it the screens grow.
const MAX_TOWN_SCREENS: usize = 64;

/// What a placed label names.
enum Named {
    /// A story place, by its position in the brief.
    Place(usize),
    /// A name of the map's own, with its class (`s` sea, `c` country, `r`
    /// first-level division, `t` town, `k` capital) and, for a town, its dot.
    Context {
        text: String,
        class: &'static str,
        dot: Option<WorldPos>,
    },
}

struct Candidate {
    request: LabelRequest,
    named: Named,
}

/// The map's own names, each written once: labels refer to them by index.
#[derive(Default)]
struct Names {
    list: Vec<String>,
    index: std::collections::HashMap<String, usize>,
}

impl Names {
    fn of(&mut self, text: String) -> usize {
        let next = self.list.len();
        *self.index.entry(text.clone()).or_insert_with(|| {
            self.list.push(text);
            next
        })
    }
}

/// The label sets of every level and the names they use, as the page's
/// JSON: `{"names": [...], "levels": [{"zoom", "labels"}]}`.
pub fn label_levels(brief: &Brief, view: &PageView, patches: &[Patch]) -> Value {
    let first = (view.min_zoom / LEVEL_STEP).floor() * LEVEL_STEP;
    let mut names = Names::default();
    let mut levels = Vec::new();
    let mut level = first;
    while level <= view.max_zoom + 1e-9 {
        levels.push(json!({
            "zoom": level,
            "labels": level_labels(brief, view, patches, level, &mut names),
        }));
        level += LEVEL_STEP;
    }
    json!({"names": names.list, "levels": levels})
}

fn level_labels(
    brief: &Brief,
    view: &PageView,
    patches: &[Patch],
    zoom: f64,
    names: &mut Names,
) -> Vec<Value> {
    let scale = points_per_world(zoom);
    let at = |w: WorldPos| ScreenPos::new(w.x * scale, w.y * scale);
    let world = WorldBasemap::embedded();
    // The story's places, and their markers as obstacles.
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut obstacles: Vec<ScreenRect> = Vec::new();
    let mut markers: Vec<ScreenPos> = Vec::new();
    let mut story_names: Vec<String> = Vec::new();
    for (i, place) in brief.places().enumerate() {
        let anchor = place_anchor(place, world);
        if !view.extent.contains(anchor) {
            continue;
        }
        story_names.push(place.name.to_lowercase());
        let kind = place_type(place.kind);
        let text = shown_text(&place.name, kind);
        let radius = marker_radius_points(place.kind);
        if place.kind.has_marker() {
            let side = radius * 2.0 + 2.0;
            obstacles.push(ScreenRect::from_center_size(at(anchor), side, side));
            markers.push(at(anchor));
        }
        candidates.push(Candidate {
            request: LabelRequest {
                anchor: at(anchor),
                width: text_width_points(&text, kind) + 4.0,
                height: line_height_points(kind) + 2.0,
                gap: radius + 3.0,
                rank: kind_rank(place.kind),
                centered: !place.kind.has_marker(),
                dot_radius: 0.0,
            },
            named: Named::Place(i),
        });
    }
    // The map's own names, in the patches drawn at this zoom.
    let closest = patches
        .iter()
        .filter(|p| p.from_zoom <= zoom)
        .map(|p| p.from_zoom)
        .fold(0.0, f64::max);
    let regions: Vec<WorldBox> = patches
        .iter()
        .filter(|p| p.from_zoom == closest)
        .map(|p| p.bounds)
        .collect();
    let in_regions = |w: WorldPos| regions.iter().any(|r| r.contains(w));
    let context_inputs = ContextInputs {
        zoom,
        scale,
        story_names: &story_names,
        markers: &markers,
    };
    candidates.extend(sea_labels(world, &context_inputs, &in_regions));
    candidates.extend(country_labels(world, &context_inputs, &in_regions));
    if let Some(context) = WorldContext::loaded() {
        if zoom >= REGION_ZOOM {
            candidates.extend(region_labels(context, &context_inputs, &in_regions));
        }
        if zoom >= TOWN_ZOOM {
            for region in &regions {
                candidates.extend(town_labels(context, &context_inputs, region));
            }
        }
    }
    let bounds = ScreenRect {
        min: at(view.extent.min),
        max: at(view.extent.max),
    };
    let requests: Vec<LabelRequest> = candidates.iter().map(|c| c.request.clone()).collect();
    let placed = place_labels(&requests, &obstacles, &bounds);
    // Each label: its class, what it names (a place's index for `p`, else
    // its name's index in `names`), the middle of its box in points at this
    // level, and a town's dot as an offset from there.
    candidates
        .into_iter()
        .zip(placed)
        .filter_map(|(c, rect)| {
            let rect = rect?;
            let (x, y) = (
                ((rect.min.x + rect.max.x) / 2.0).round(),
                ((rect.min.y + rect.max.y) / 2.0).round(),
            );
            Some(match c.named {
                Named::Place(i) => json!(["p", i, x, y]),
                Named::Context { text, class, dot } => {
                    let n = names.of(text);
                    match dot {
                        Some(d) => {
                            let d = at(d);
                            json!([class, n, x, y, (d.x - x).round(), (d.y - y).round()])
                        }
                        None => json!([class, n, x, y]),
                    }
                }
            })
        })
        .collect()
}

/// Where a place's marker or name sits: a story country at its basemap
/// label point, as the app draws it.
pub fn place_anchor(place: &crate::brief::Place, world: &WorldBasemap) -> WorldPos {
    if place.kind == PlaceKind::Country
        && let Some(c) = world.country_index(&place.name)
    {
        return world.countries[c].label;
    }
    let (lon, lat) = place.anchor_lon_lat();
    world_from_lon_lat(lon, lat)
}

/// The text as set: capitals where the type asks.
fn shown_text(text: &str, kind: LabelType) -> String {
    if kind.capitals {
        text.to_uppercase()
    } else {
        text.to_string()
    }
}

struct ContextInputs<'a> {
    zoom: f64,
    scale: f64,
    story_names: &'a [String],
    markers: &'a [ScreenPos],
}

impl ContextInputs<'_> {
    fn at(&self, w: WorldPos) -> ScreenPos {
        ScreenPos::new(w.x * self.scale, w.y * self.scale)
    }

    fn is_story_name(&self, name: &str) -> bool {
        self.story_names.contains(&name.to_lowercase())
    }

    fn centered(
        &self,
        text: &str,
        kind: LabelType,
        anchor: WorldPos,
        rank: u32,
        class: &'static str,
    ) -> Candidate {
        let text = shown_text(text, kind);
        Candidate {
            request: LabelRequest {
                anchor: self.at(anchor),
                width: text_width_points(&text, kind) + 4.0,
                height: line_height_points(kind) + 2.0,
                gap: 0.0,
                rank,
                centered: true,
                dot_radius: 0.0,
            },
            named: Named::Context {
                text,
                class,
                dot: None,
            },
        }
    }
}

fn sea_labels(
    world: &WorldBasemap,
    inputs: &ContextInputs,
    in_regions: &dyn Fn(WorldPos) -> bool,
) -> Vec<Candidate> {
    world
        .sea_labels
        .iter()
        .filter(|s| in_regions(s.pos) && !inputs.is_story_name(&s.name))
        .map(|s| inputs.centered(&s.name, place_type(PlaceKind::Sea), s.pos, SEA_RANK, "s"))
        .collect()
}

/// Every country wide enough for its name, except the story's own (which
/// the story names; the focus country is named like any other).
fn country_labels(
    world: &WorldBasemap,
    inputs: &ContextInputs,
    in_regions: &dyn Fn(WorldPos) -> bool,
) -> Vec<Candidate> {
    let story_countries: Vec<&str> = world
        .countries
        .iter()
        .filter(|c| inputs.is_story_name(&c.name))
        .map(|c| c.name.as_str())
        .collect();
    world
        .countries
        .iter()
        .filter(|c| in_regions(c.label) && !story_countries.contains(&c.name.as_str()))
        .filter_map(|c| {
            let width = (c.max.x - c.min.x) * inputs.scale;
            let name = reader_country_name(&c.name);
            let text_width = text_width_points(&shown_text(name, COUNTRY_TYPE), COUNTRY_TYPE);
            country_name_fits(text_width, width)
                .then(|| inputs.centered(name, COUNTRY_TYPE, c.label, COUNTRY_RANK, "c"))
        })
        .collect()
}

fn region_labels(
    context: &WorldContext,
    inputs: &ContextInputs,
    in_regions: &dyn Fn(WorldPos) -> bool,
) -> Vec<Candidate> {
    context
        .admin1_labels
        .iter()
        .filter(|r| region_labelled(r.min_zoom, inputs.zoom))
        .filter(|r| in_regions(r.pos) && !inputs.is_story_name(&r.name))
        .map(|r| inputs.centered(&r.name, REGION_TYPE, r.pos, REGION_RANK, "r"))
        .collect()
}

/// Towns as the app chooses them for a screen, for each screen of `region`.
fn town_labels(
    context: &WorldContext,
    inputs: &ContextInputs,
    region: &WorldBox,
) -> Vec<Candidate> {
    let mut screen = (
        TOWN_SCREEN_POINTS.0 / inputs.scale,
        TOWN_SCREEN_POINTS.1 / inputs.scale,
    );
    while (region.width() / screen.0).ceil() * (region.height() / screen.1).ceil()
        > MAX_TOWN_SCREENS as f64
    {
        screen = (screen.0 * 2.0, screen.1 * 2.0);
    }
    // A town in two screens' reach is offered once.
    let mut seen: Vec<&crate::map::world_context::WorldTown> = Vec::new();
    let mut out = Vec::new();
    let mut y = region.min.y;
    while y < region.max.y {
        let mut x = region.min.x;
        while x < region.max.x {
            let tile = WorldBox::new(
                WorldPos { x, y },
                WorldPos {
                    x: (x + screen.0).min(region.max.x),
                    y: (y + screen.1).min(region.max.y),
                },
            );
            let wanted = |t: &crate::map::world_context::WorldTown| {
                let dot = inputs.at(t.pos);
                tile.contains(t.pos)
                    && !inputs.is_story_name(&t.name)
                    && !inputs
                        .markers
                        .iter()
                        .any(|m| m.distance(dot) < NEAR_STORY_POINTS)
            };
            for town in choose_towns(context, tile.min, tile.max, inputs.zoom, wanted) {
                if seen.iter().any(|s| std::ptr::eq(*s, town)) {
                    continue;
                }
                seen.push(town);
                let kind = town_type(town.capital, inputs.zoom);
                out.push(Candidate {
                    request: LabelRequest::town(
                        inputs.at(town.pos),
                        text_width_points(&town.name, kind),
                        line_height_points(kind),
                        town.capital,
                    ),
                    named: Named::Context {
                        text: town.name.clone(),
                        class: if town.capital { "k" } else { "t" },
                        dot: Some(town.pos),
                    },
                });
            }
            x += screen.0;
        }
        y += screen.1;
    }
    out
}
