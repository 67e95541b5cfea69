//! The map's own names, quieter than the story's: countries (every visible
//! one that has room), first-level divisions at mid zoom, and towns as small
//! grey labels with a dot, chosen by population and zoom, capitals first.
//! They go to the same label placement as the story's places, ranked below
//! them, so a context label always gives way to a story label or marker.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, Galley, Pos2, Rect, Sense, vec2};

use super::screen::ScreenMapping;
use super::screen::screen_pos;
use crate::basemap::LonLat;
use crate::basemap::context::Regions;
use crate::map::labels::{LabelRequest, choose_towns};
use crate::map::layers::{
    COUNTRY_RANK, COUNTRY_TYPE, LabelType, NEAR_STORY_POINTS, REGION_RANK, REGION_TYPE,
    country_name_fits, region_labelled, town_type,
};
use crate::map::projection::lon_lat_from_world;
use crate::map::world_basemap::WorldBasemap;
use crate::map::world_context::WorldContext;
use crate::ui::theme::Palette;

/// Towns are considered from this zoom (a view of a region of a continent).
const TOWN_ZOOM: f64 = crate::map::labels::TOWN_ZOOM;

/// A context label ready for placement, with the dot a town label sits beside.
pub struct ContextLabel {
    pub galley: Arc<Galley>,
    pub request: LabelRequest,
    pub dot: Option<Pos2>,
    /// What a screen reader hears, e.g. "Lansing" or "Michigan".
    pub name: String,
}

/// What the context labels must not repeat: the story's country indices
/// (in the 50m basemap), the lower-case names of its places in view and its
/// marker spots.
pub struct StoryContext<'a> {
    pub countries: &'a [usize],
    pub names: &'a [String],
    pub markers: &'a [Pos2],
}

pub fn context_labels(
    painter: &egui::Painter,
    map: &ScreenMapping,
    zoom: f64,
    inner: Rect,
    palette: &Palette,
    story: &StoryContext,
) -> Vec<ContextLabel> {
    let mut labels = country_labels(painter, map, inner, palette, story);
    if let Some(context) = WorldContext::loaded() {
        if zoom >= crate::map::layers::REGION_ZOOM {
            labels.extend(region_labels(
                painter, context, map, zoom, inner, palette, story,
            ));
        }
        if zoom >= TOWN_ZOOM {
            labels.extend(town_labels(
                painter, context, map, zoom, inner, palette, story,
            ));
        }
    }
    labels
}

fn caps_job(text: &str, kind: LabelType, color: egui::Color32) -> LayoutJob {
    let mut format = TextFormat::simple(FontId::proportional(kind.size_points as f32), color);
    format.extra_letter_spacing = kind.letter_spacing_points as f32;
    LayoutJob::single_section(text.to_uppercase(), format)
}

fn centered(anchor: Pos2, galley: &Galley, rank: u32) -> LabelRequest {
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

/// Every visible country with room for its name (a small one may spill a
/// little over its borders, as on a printed map), except the story's own,
/// which the story labels.
fn country_labels(
    painter: &egui::Painter,
    map: &ScreenMapping,
    inner: Rect,
    palette: &Palette,
    story: &StoryContext,
) -> Vec<ContextLabel> {
    let world = WorldBasemap::embedded();
    let basemap = crate::basemap::Basemap::embedded();
    // Only the country under the view's middle may be named away from its
    // own label point (one lookup per frame, not one per country).
    let center_country = basemap
        .country_at(lon_lat(map, inner.center()))
        .map(|c| c.name.as_str());
    let mut labels = Vec::new();
    for (c, country) in world.countries.iter().enumerate() {
        if story.countries.contains(&c) {
            continue;
        }
        let width = (map.screen(country.max).x - map.screen(country.min).x).abs();
        let mut anchor = map.screen(country.label);
        if !inner.contains(anchor) && center_country == Some(country.name.as_str()) {
            // Zoomed into the country: name it at a spot of it in view.
            let holds = |p: LonLat| {
                basemap
                    .country_at(p)
                    .is_some_and(|c| c.name == country.name)
            };
            match spot_in_view(map, inner, holds) {
                Some(spot) => anchor = spot,
                None => continue,
            }
        }
        if f64::from(width) < crate::map::layers::MIN_COUNTRY_LABEL_POINTS
            || !inner.contains(anchor)
        {
            continue;
        }
        let name = crate::basemap::context::reader_country_name(&country.name);
        let galley = painter.layout_job(caps_job(name, COUNTRY_TYPE, palette.country_label));
        if !country_name_fits(f64::from(galley.size().x), f64::from(width)) {
            continue;
        }
        labels.push(ContextLabel {
            request: centered(anchor, &galley, COUNTRY_RANK),
            galley,
            dot: None,
            name: name.to_owned(),
        });
    }
    labels
}

fn region_labels(
    painter: &egui::Painter,
    context: &WorldContext,
    map: &ScreenMapping,
    zoom: f64,
    inner: Rect,
    palette: &Palette,
    story: &StoryContext,
) -> Vec<ContextLabel> {
    let mut labels = Vec::new();
    let center = lon_lat(map, inner.center());
    let center_region = Regions::loaded()
        .and_then(|regions| regions.admin1_at(center))
        .map(|r| r.name.as_str());
    for region in &context.admin1_labels {
        if !region_labelled(region.min_zoom, zoom) {
            continue;
        }
        let mut anchor = map.screen(region.pos);
        if !inner.contains(anchor) {
            // A view inside a division whose label point is out of sight
            // still names it, at a spot of it in view.
            let Some(regions) = Regions::loaded() else {
                continue;
            };
            if center_region != Some(region.name.as_str()) {
                continue;
            }
            let holds = |p: LonLat| regions.admin1_at(p).is_some_and(|r| r.name == region.name);
            match spot_in_view(map, inner, holds) {
                Some(spot) => anchor = spot,
                None => continue,
            }
        }
        if story.names.contains(&region.name.to_lowercase()) {
            continue;
        }
        let galley = painter.layout_job(caps_job(&region.name, REGION_TYPE, palette.region_label));
        labels.push(ContextLabel {
            request: centered(anchor, &galley, REGION_RANK),
            galley,
            dot: None,
            name: region.name.clone(),
        });
    }
    labels
}

fn lon_lat(map: &ScreenMapping, p: Pos2) -> LonLat {
    let (lon_deg, lat_deg) = lon_lat_from_world(map.world(p));
    LonLat::new(lon_deg, lat_deg)
}

/// A spot in the view (away from its middle, where the story usually is)
/// that lies in an area, for naming an area whose own label point is out of
/// sight.
fn spot_in_view(map: &ScreenMapping, inner: Rect, holds: impl Fn(LonLat) -> bool) -> Option<Pos2> {
    let c = inner.center();
    let (dx, dy) = (inner.width() * 0.3, inner.height() * 0.32);
    [
        c + vec2(0.0, -dy),
        c + vec2(0.0, dy),
        c + vec2(-dx, -dy),
        c + vec2(dx, -dy),
        c + vec2(-dx, dy),
        c + vec2(dx, dy),
        c + vec2(-dx, 0.0),
        c + vec2(dx, 0.0),
    ]
    .into_iter()
    .find(|&p| holds(lon_lat(map, p)))
}

/// Towns in view, capitals first then by population, skipping the ones the
/// story already names or marks.
fn town_labels(
    painter: &egui::Painter,
    context: &WorldContext,
    map: &ScreenMapping,
    zoom: f64,
    inner: Rect,
    palette: &Palette,
    story: &StoryContext,
) -> Vec<ContextLabel> {
    let view = inner.shrink(4.0);
    let visible = |pos| view.contains(map.screen(pos));
    let is_story = |name: &str, dot: Pos2| {
        story.names.contains(&name.to_lowercase())
            || story
                .markers
                .iter()
                .any(|m| f64::from(m.distance(dot)) < NEAR_STORY_POINTS)
    };
    let (min, max) = (map.world(view.min), map.world(view.max));
    let chosen = choose_towns(context, min, max, zoom, |town| {
        visible(town.pos) && !is_story(&town.name, map.screen(town.pos))
    });
    let mut labels = Vec::new();
    for town in chosen {
        let dot = map.screen(town.pos);
        let size = town_type(town.capital, zoom).size_points as f32;
        let galley = painter.layout_job(LayoutJob::single_section(
            town.name.clone(),
            TextFormat::simple(FontId::proportional(size), palette.town_label),
        ));
        labels.push(ContextLabel {
            request: LabelRequest::town(
                screen_pos(dot),
                f64::from(galley.size().x),
                f64::from(galley.size().y),
                town.capital,
            ),
            galley,
            dot: Some(dot),
            name: town.name.clone(),
        });
    }
    labels
}

/// Screen-reader nodes for the context labels that were placed, so "Lansing"
/// and "Michigan" can be found on the map as a sighted reader finds them.
pub fn context_label_nodes(ui: &mut egui::Ui, placed: &[(Rect, &str)], suffix: &str) {
    for (i, (rect, name)) in placed.iter().enumerate() {
        let id = ui.scope_id().with(("context label", suffix, i));
        let response = ui.interact(*rect, id, Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, *name));
    }
}
