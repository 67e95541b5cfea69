//! The map widget. `MapMemory` is the only state it keeps between frames (the
//! camera, its animation and cached basemap meshes); everything else is drawn
//! from the brief and the selection each frame, and clicks come back as
//! actions.

use egui::{Rect, Sense, Vec2, pos2, vec2};

use super::basemap_layer::BasemapLayer;
use super::inset::{inset_ui, plan_inset};
use super::map_paint::paint_scene;
use super::map_scene::{Highlights, MapScene, focus_country};
use crate::app::{Action, GeobriefApp};
use crate::brief::Brief;
use crate::map::camera::{Camera, scale_bar};
use crate::map::framing::{camera_for_place, fit_story};
use crate::map::hit_test::hit_test_places;
use crate::map::projection::lon_lat_from_world;
use crate::map::{ScreenPos, ScreenRect};

/// What the map's buttons and keys ask for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapAction {
    ZoomIn,
    ZoomOut,
    FitAll,
}

enum Pending {
    FitAll,
    Place(usize),
}

/// The map's state between frames.
#[derive(Default)]
pub struct MapMemory {
    pub camera: Option<Camera>,
    /// Where a smooth move is heading.
    pub target: Option<Camera>,
    viewport: Option<ScreenRect>,
    pending: Option<Pending>,
    pub(super) layer: BasemapLayer,
    pub(super) inset_layer: BasemapLayer,
    pub(super) locator_layer: BasemapLayer,
    /// The story's country, worked out once per brief (`None` until then).
    focus_country: Option<Option<usize>>,
}

/// Converts an egui rectangle to the map's screen rectangle.
pub fn screen_rect(rect: Rect) -> ScreenRect {
    ScreenRect {
        min: ScreenPos::new(rect.min.x.into(), rect.min.y.into()),
        max: ScreenPos::new(rect.max.x.into(), rect.max.y.into()),
    }
}

pub fn screen_pos(p: egui::Pos2) -> ScreenPos {
    ScreenPos::new(p.x.into(), p.y.into())
}

impl MapMemory {
    pub fn apply(&mut self, action: MapAction, brief: &Brief) {
        let (Some(camera), Some(viewport)) = (self.camera, self.viewport) else {
            if action == MapAction::FitAll {
                self.pending = Some(Pending::FitAll);
            }
            return;
        };
        let base = self.target.unwrap_or(camera);
        self.target = Some(match action {
            MapAction::ZoomIn => Camera {
                zoom: (base.zoom + 1.0).min(crate::map::camera::MAX_ZOOM),
                ..base
            },
            MapAction::ZoomOut => Camera {
                zoom: (base.zoom - 1.0).max(crate::map::camera::MIN_ZOOM),
                ..base
            },
            MapAction::FitAll => fit_story(brief, &viewport),
        });
    }

    /// The basemap country that holds most of the story's places, cached.
    pub fn focus_country(&mut self, brief: &Brief) -> Option<usize> {
        *self
            .focus_country
            .get_or_insert_with(|| focus_country(brief))
    }

    /// Forgets what was derived from the brief, after an edit.
    pub fn brief_changed(&mut self) {
        self.focus_country = None;
    }

    /// The lon/lat box the map shows: ((west, south), (east, north)).
    pub fn visible_area(&self) -> Option<((f64, f64), (f64, f64))> {
        let (camera, viewport) = (self.camera?, self.viewport?);
        let nw = lon_lat_from_world(camera.world_from_screen(&viewport, viewport.min));
        let se = lon_lat_from_world(camera.world_from_screen(&viewport, viewport.max));
        Some(((nw.0, se.1), (se.0, nw.1)))
    }

    /// Starts a smooth move to a place (or remembers it until the map has a size).
    pub fn fly_to_place(&mut self, brief: &Brief, place: usize) {
        match (self.camera, self.viewport, brief.places.get(place)) {
            (Some(camera), Some(viewport), Some(p)) => {
                self.target = Some(camera_for_place(p, &viewport, &camera));
            }
            _ => self.pending = Some(Pending::Place(place)),
        }
    }

    /// Takes the map's size for this frame; the first frame fits the story.
    fn set_viewport(&mut self, viewport: ScreenRect, brief: &Brief) {
        self.viewport = Some(viewport);
        if self.camera.is_none() {
            self.camera = Some(fit_story(brief, &viewport));
        }
        match self.pending.take() {
            Some(Pending::FitAll) => self.apply(MapAction::FitAll, brief),
            Some(Pending::Place(p)) => self.fly_to_place(brief, p),
            None => {}
        }
    }

    /// Moves the camera one step towards its target; true while moving.
    fn animate(&mut self, dt_secs: f64) -> bool {
        let (Some(camera), Some(target)) = (self.camera, self.target) else {
            return false;
        };
        let next = camera.lerp_towards(&target, 1.0 - (-dt_secs * 9.0).exp());
        let close = (next.zoom - target.zoom).abs() < 0.005
            && (next.center.x - target.center.x).abs() * next.points_per_world() < 0.3
            && (next.center.y - target.center.y).abs() * next.points_per_world() < 0.3;
        if close {
            self.camera = Some(target);
            self.target = None;
            false
        } else {
            self.camera = Some(next);
            true
        }
    }
}

pub fn map_panel_ui(ui: &mut egui::Ui, app: &mut GeobriefApp) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let rect = ui.max_rect();
        actions = map_ui(ui, rect, app);
    });
    actions
}

fn map_ui(ui: &mut egui::Ui, rect: Rect, app: &mut GeobriefApp) -> Vec<Action> {
    let mut actions = Vec::new();
    let response = ui.interact(rect, ui.scope_id().with("map"), Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Group, true, "Map (Tab to its places)")
    });
    let viewport = screen_rect(rect);
    let memory = &mut app.map;
    memory.set_viewport(viewport, &app.brief);
    handle_pan_and_zoom(ui, &response, memory, &viewport);
    let dt = f64::from(ui.input(|i| i.stable_dt).min(0.1));
    if memory.animate(dt) {
        ui.ctx().request_repaint();
    }
    let Some(camera) = memory.camera else {
        return actions;
    };

    let highlights = Highlights {
        selected: app.selected_place,
        hovered: app.hovered_place,
        focus_country: memory.focus_country(&app.brief),
    };
    let mut scene = MapScene::new(ui, &app.brief, camera, rect, &highlights);
    let inset = plan_inset(&app.brief, &scene, rect);
    if let Some(plan) = &inset {
        // The inset names the crowded places; the main map only marks them.
        scene.drop_labels_of(&plan.members);
    }
    paint_scene(
        ui,
        &scene,
        &mut memory.layer,
        inset.as_ref().map(|i| i.extent_on_map),
    );
    let order = super::map_places_a11y::reading_order(&app.brief);
    actions.extend(scene.add_accessibility_nodes(ui, &order, "on the map"));

    let inset_rect = inset.as_ref().map(|i| i.rect);
    let pointer = response
        .hover_pos()
        .filter(|p| inset_rect.is_none_or(|r| !r.contains(*p)));
    if let Some(place) = pointer.and_then(|p| scene.place_at(p)) {
        actions.push(Action::Hover(place));
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    if response.clicked()
        && let Some(p) = response
            .interact_pointer_pos()
            .filter(|p| inset_rect.is_none_or(|r| !r.contains(*p)))
    {
        actions.push(
            scene
                .place_at(p)
                .map_or(Action::ClearSelection, Action::SelectPlace),
        );
    }
    if let Some(plan) = inset {
        actions.extend(inset_ui(
            ui,
            &app.brief,
            plan,
            &mut memory.inset_layer,
            &highlights,
        ));
    }
    if let Some(((west, south), (east, north))) = memory.visible_area() {
        let visible = crate::basemap::GeoBox {
            min: crate::basemap::LonLat::new(west, south),
            max: crate::basemap::LonLat::new(east, north),
        };
        let layer = &mut memory.locator_layer;
        super::locator::locator_ui(ui, rect, visible, camera.zoom, layer);
    }
    actions.extend(controls_ui(ui, rect));
    scale_bar_ui(ui, rect, &camera);
    credit_ui(ui, rect);
    actions
}

impl MapScene {
    /// The place under a screen point: markers, then labels, then areas,
    /// then the story's countries.
    pub fn place_at(&self, p: egui::Pos2) -> Option<usize> {
        hit_test_places(&self.hit_shapes, screen_pos(p)).or_else(|| self.country_place_at(p))
    }
}

fn handle_pan_and_zoom(
    ui: &egui::Ui,
    response: &egui::Response,
    memory: &mut MapMemory,
    viewport: &ScreenRect,
) {
    let Some(camera) = memory.camera.as_mut() else {
        return;
    };
    if response.dragged() {
        let d = response.drag_delta();
        camera.pan_by_screen(d.x.into(), d.y.into());
        memory.target = None;
    }
    if response.double_clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        camera.zoom_around(viewport, screen_pos(p), 1.0);
        memory.target = None;
    }
    if response.hovered() {
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        let delta = f64::from(scroll.y) / 120.0 + f64::from(zoom).log2();
        if delta != 0.0
            && let Some(p) = pointer
        {
            camera.zoom_around(viewport, screen_pos(p), delta);
            memory.target = None;
        }
        // The wheel zoomed the map: it must not also scroll a panel.
        ui.ctx().input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
    }
}

fn controls_ui(ui: &mut egui::Ui, rect: Rect) -> Vec<Action> {
    let mut actions = Vec::new();
    let size = vec2(36.0, 28.0);
    let x = rect.max.x - size.x - 10.0;
    let mut y = rect.min.y + 10.0;
    let buttons = [
        ("+", "Zoom in", MapAction::ZoomIn),
        ("−", "Zoom out", MapAction::ZoomOut),
        ("Fit", "Fit all", MapAction::FitAll),
    ];
    for (glyph, label, action) in buttons {
        let r = Rect::from_min_size(pos2(x, y), size);
        let response = ui.put(r, egui::Button::new(egui::RichText::new(glyph).size(17.0)));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
        if response.on_hover_text(label).clicked() {
            actions.push(Action::Map(action));
        }
        y += size.y + 4.0;
    }
    actions
}

fn scale_bar_ui(ui: &egui::Ui, rect: Rect, camera: &Camera) {
    let (length, label) = scale_bar(camera.metres_per_point(), 110.0);
    let painter = ui.painter_at(rect);
    let color = ui.visuals().text_color();
    let origin = pos2(rect.min.x + 14.0, rect.max.y - 30.0);
    let end = origin + vec2(length as f32, 0.0);
    let stroke = egui::Stroke::new(1.5, color);
    painter.line_segment([origin, end], stroke);
    painter.line_segment([origin, origin - vec2(0.0, 5.0)], stroke);
    painter.line_segment([end, end - vec2(0.0, 5.0)], stroke);
    painter.text(
        origin - vec2(0.0, 7.0),
        egui::Align2::LEFT_BOTTOM,
        label,
        egui::FontId::proportional(11.5),
        color,
    );
}

fn credit_ui(ui: &egui::Ui, rect: Rect) {
    let painter = ui.painter_at(rect);
    painter.text(
        pos2(rect.min.x + 14.0, rect.max.y - 8.0),
        egui::Align2::LEFT_BOTTOM,
        "Map: Natural Earth, US Census, GSHHG, GeoNames (see README) · Mercator",
        egui::FontId::proportional(10.5),
        ui.visuals().weak_text_color(),
    );
}

/// How far a pair of markers must be apart on the main map before the inset
/// is no longer needed, in points.
pub const CROWDED_POINTS: f64 = 30.0;
