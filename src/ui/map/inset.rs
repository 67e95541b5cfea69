//! The detail inset: when two of the story's markers crowd each other on the
//! main map (Tartus and Hmeimim are 55 km apart, Moscow 2,300 km away), a
//! corner of the map shows their surroundings at a closer zoom, with the
//! same markers, labels and clicks. It goes away once the main map is zoomed
//! in far enough.

use egui::{Rect, Sense, Stroke, pos2, vec2};

use super::a11y::{NodeOrder, ReadingOrder};
use super::basemap_layer::BasemapLayer;
use super::edit::gesture_ui;
use super::markers::has_marker;
use super::paint::{PlacesPainted, paint_scene};
use super::scene::{MapScene, SceneMemo};
use super::screen::screen_rect;
use crate::action::Action;
use crate::basemap::{Basemap, LonLat};
use crate::brief::{Brief, PlaceId};
use crate::map::camera::{Camera, MAX_ZOOM};
use crate::map::memory::Gesture;
use crate::ui::Reading;

/// How far a pair of markers must be apart on the main map before the inset
/// is no longer needed, in points.
pub const CROWDED_POINTS: f64 = 30.0;

pub struct InsetPlan {
    /// Where the inset is drawn, on top of the main map.
    pub rect: Rect,
    pub camera: Camera,
    /// The inset's extent, outlined on the main map.
    pub extent_on_map: Rect,
    pub title: String,
    /// The crowded places the inset shows apart.
    pub members: Vec<PlaceId>,
}

/// Above this many markers in view there is no inset (thinning shows them).
const MAX_INSET_MARKERS: usize = 60;
const INSET_SIZE: egui::Vec2 = vec2(250.0, 200.0);
const MARGIN: f32 = 10.0;

/// Decides whether the main map needs an inset, and where it goes.
/// `avoid` is where the locator is.
pub fn plan_inset(
    brief: &Brief,
    scene: &MapScene,
    map_rect: Rect,
    avoid: Option<Rect>,
) -> Option<InsetPlan> {
    if map_rect.width() < 300.0 || map_rect.height() < 300.0 {
        return None;
    }
    let members = crowded_cluster(scene, map_rect)?;
    let lon_lats: Vec<(f64, f64)> = members
        .iter()
        .filter_map(|p| brief.place(p).map(|p| p.anchor_lon_lat()))
        .collect();
    let min = lon_lats
        .iter()
        .fold((f64::MAX, f64::MAX), |a, b| (a.0.min(b.0), a.1.min(b.1)));
    let max = lon_lats
        .iter()
        .fold((f64::MIN, f64::MIN), |a, b| (a.0.max(b.0), a.1.max(b.1)));
    let cluster_center = scene
        .places
        .iter()
        .filter(|p| members.contains(&p.id))
        .fold(egui::Vec2::ZERO, |acc, p| acc + p.anchor.to_vec2())
        / members.len() as f32;
    let size = vec2(
        INSET_SIZE.x.min(map_rect.width() * 0.42),
        INSET_SIZE.y.min(map_rect.height() * 0.34),
    );
    let rect = pick_spot(map_rect, size, scene, cluster_center.to_pos2(), avoid);
    let inset_view = screen_rect(rect);
    let fitted = Camera::fitting(&inset_view, min, max, 45.0);
    let camera = Camera {
        zoom: fitted.zoom.min(MAX_ZOOM - 2.0),
        ..fitted
    };
    let viewport = screen_rect(map_rect);
    let corner = |p: egui::Pos2| {
        let w = camera.world_from_screen(&inset_view, super::screen::screen_pos(p));
        let s = scene.camera.screen_from_world(&viewport, w);
        pos2(s.x as f32, s.y as f32)
    };
    let extent = Rect::from_two_pos(corner(rect.min), corner(rect.max));
    let extent_on_map = Rect::from_center_size(extent.center(), extent.size().max(vec2(8.0, 8.0)));
    // Name the inset after the country of its crowd (its centre may be at sea).
    let (lon_deg, lat_deg) = lon_lats.first().copied()?;
    let title = Basemap::embedded()
        .country_at(LonLat { lon_deg, lat_deg })
        .map_or("Detail".to_string(), |c| format!("Detail: {}", c.name));
    Some(InsetPlan {
        rect,
        camera,
        extent_on_map,
        title,
        members,
    })
}

/// The markers that crowd each other: the group (linked by gaps under
/// `CROWDED_POINTS`) that holds the closest pair on screen.
fn crowded_cluster(scene: &MapScene, map_rect: Rect) -> Option<Vec<PlaceId>> {
    let markers: Vec<_> = scene
        .places
        .iter()
        .filter(|p| has_marker(p.kind) && map_rect.contains(p.anchor))
        .collect();
    // A map of many markers is thinned instead; the search below is
    // quadratic, so its cost stays bounded.
    if markers.len() > MAX_INSET_MARKERS {
        return None;
    }
    let near = |a: usize, b: usize| {
        f64::from(markers[a].anchor.distance(markers[b].anchor)) < CROWDED_POINTS
    };
    let seed = (0..markers.len())
        .flat_map(|a| (a + 1..markers.len()).map(move |b| (a, b)))
        .filter(|&(a, b)| near(a, b))
        .min_by(|x, y| {
            let dx = markers[x.0].anchor.distance(markers[x.1].anchor);
            let dy = markers[y.0].anchor.distance(markers[y.1].anchor);
            dx.total_cmp(&dy)
        })?;
    let mut members = vec![seed.0];
    let mut i = 0;
    while i < members.len() {
        let m = members[i];
        for other in 0..markers.len() {
            if !members.contains(&other) && near(m, other) {
                members.push(other);
            }
        }
        i += 1;
    }
    Some(members.into_iter().map(|m| markers[m].id.clone()).collect())
}

/// The spot along the map's left or right edge that hides least of the
/// story (a marker or an area counts more than a label) and never the crowd
/// it details. The top right is kept for the zoom buttons, the bottom for the
/// scale bar.
fn pick_spot(
    map_rect: Rect,
    size: egui::Vec2,
    scene: &MapScene,
    crowd: egui::Pos2,
    avoid: Option<Rect>,
) -> Rect {
    let top = map_rect.min.y + MARGIN;
    let bottom = map_rect.max.y - size.y - 58.0;
    let mut spots = Vec::new();
    let mut y = bottom;
    while y >= top {
        spots.push(pos2(
            map_rect.max.x - size.x - MARGIN,
            y.max(map_rect.min.y + 120.0),
        ));
        spots.push(pos2(map_rect.min.x + MARGIN, y));
        y -= 24.0;
    }
    let cost = |min: egui::Pos2| {
        let r = Rect::from_min_size(min, size);
        let crowd = if r.expand(10.0).contains(crowd) {
            1000
        } else {
            0
        };
        // Never under the locator.
        let locator = if avoid.is_some_and(|a| a.expand(4.0).intersects(r)) {
            100_000
        } else {
            0
        };
        scene.cover_cost(r) + crowd + locator
    };
    let best = spots
        .into_iter()
        .min_by_key(|&c| cost(c))
        .unwrap_or(map_rect.min);
    Rect::from_min_size(best, size)
}

/// What the inset keeps between frames: its basemap meshes and what is
/// made from its scenes.
#[derive(Default)]
pub struct InsetCache {
    layer: BasemapLayer,
    painted: SceneMemo<PlacesPainted>,
    nodes: SceneMemo<NodeOrder>,
}

/// Draws the inset; a click selects a place there, or, while the reader is
/// putting a place on the map or drawing an area, counts as a click on the
/// map at that spot.
pub fn inset_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    plan: &InsetPlan,
    scene: &MapScene,
    cache: &mut InsetCache,
    order: &ReadingOrder,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let rect = plan.rect;
    // Its places are Tab stops (see `a11y`); the inset itself is not one.
    let response = ui.interact(rect, ui.scope_id().with("inset"), Sense::CLICK);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, &plan.title));
    let shadow = ui.painter();
    shadow.rect_filled(
        rect.translate(vec2(2.0, 3.0)),
        4.0,
        egui::Color32::from_black_alpha(40),
    );
    let hovered = reading.hovered;
    paint_scene(
        ui,
        scene,
        hovered,
        &mut cache.layer,
        None,
        &mut cache.painted,
    );
    let painter = ui.painter();
    painter.rect_stroke(
        rect,
        3.0,
        Stroke::new(1.2, ui.visuals().text_color()),
        egui::StrokeKind::Outside,
    );
    let title = painter.layout_no_wrap(
        plan.title.clone(),
        egui::FontId::proportional(11.0),
        ui.visuals().text_color(),
    );
    let title_rect = Rect::from_min_size(rect.min, title.size() + vec2(10.0, 4.0));
    painter.rect_filled(title_rect, 0.0, ui.visuals().panel_fill);
    painter.galley(rect.min + vec2(5.0, 2.0), title, ui.visuals().text_color());
    let clicks_place = matches!(
        reading.gesture,
        Some(Gesture::PlacingPoint | Gesture::DrawingArea { .. })
    );
    if clicks_place {
        let gesture = gesture_ui(ui, &response, scene, reading);
        actions.extend(gesture.actions);
        return actions;
    }
    actions.extend(scene.add_accessibility_nodes(ui, order, "in the inset", &mut cache.nodes));
    if let Some(p) = response.hover_pos().and_then(|p| scene.place_at(p)) {
        actions.push(Action::Hover(p));
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if response.clicked()
        && let Some(p) = response
            .interact_pointer_pos()
            .and_then(|p| scene.place_at(p))
    {
        actions.push(Action::SelectPlace(p));
    }
    actions
}
