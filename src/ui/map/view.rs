//! The map widget. It borrows `MapMemory` (the camera, its animation and the
//! gesture in progress: domain state, in `crate::map::memory`) and a
//! `MapCache` of meshes; everything else is drawn from the brief and the
//! selection each frame, and clicks come back as actions.

use std::sync::Arc;

use egui::{Rect, Sense, Vec2, pos2, vec2};

use super::a11y::{NodeOrder, ReadingOrder};
use super::basemap_layer::BasemapLayer;
use super::edit;
use super::inset::{InsetCache, InsetPlan, inset_ui, plan_inset};
use super::locator::{locator_rect, locator_ui};
use super::paint::{PlacesPainted, paint_scene};
use super::scene::{Highlights, MapScene, SceneCaches, SceneInputs, SceneMemo};
use super::screen::{screen_pos, screen_rect};
use crate::action::Action;
use crate::brief::{Brief, PlaceId};
use crate::map::ScreenRect;
use crate::map::camera::{Camera, scale_bar};
use crate::map::framing::focus_country;
use crate::map::memory::{MapAction, MapMemory};
use crate::map::world_context::WorldContext;
use crate::ui::Reading;

/// What the map widget keeps between frames besides its memory: the
/// basemap meshes for the last view, and the story's country (worked out
/// once per change of places).
#[derive(Default)]
pub struct MapCache {
    pub(super) layer: BasemapLayer,
    pub(super) inset: InsetCache,
    /// What is made from the main map's scenes at their first frame.
    painted: SceneMemo<PlacesPainted>,
    nodes: SceneMemo<NodeOrder>,
    /// The places in the order the article names them (for the keyboard).
    reading_order: ReadingOrder,
    pub(super) locator_layer: BasemapLayer,
    focus_country: Option<(u64, Option<usize>)>,
    pub(super) scene: SceneCaches,
    /// The scenes last built, and what for.
    built: Option<(SceneKey, Arc<BuiltScene>)>,
    /// The built scenes moved for a pan in progress, and what for.
    moved: Option<(SceneKey, Arc<BuiltScene>)>,
    /// The hovered place the scene left out, drawn over it, and what for.
    overlay: Option<(OverlayKey, Arc<MapScene>)>,
}

/// What a hovered place's overlay was built for.
#[derive(Clone, PartialEq)]
struct OverlayKey {
    place: PlaceId,
    camera: Camera,
    rect: Rect,
    places: u64,
    dark: bool,
    pixels_per_point: f32,
    fonts: u64,
}

/// The scenes of one view: the main map's, and the inset's with its plan.
pub struct BuiltScene {
    pub main: MapScene,
    pub inset: Option<(InsetPlan, MapScene)>,
    /// Where the locator goes, if the view needs one.
    pub locator: Option<Rect>,
}

/// What a view's scenes are built from. While none of it changes (an idle
/// map, a pointer moving over it, the text scrolling) the scenes are reused:
/// the places on screen, their labels and their click targets.
#[derive(Clone, PartialEq)]
struct SceneKey {
    camera: Camera,
    rect: Rect,
    places: u64,
    links: u64,
    selected: Option<PlaceId>,
    focus_country: Option<usize>,
    /// The time range's version, if one filters the story.
    filter: Option<u64>,
    /// The comparison's version, if two sides are compared.
    compare: Option<u64>,
    dark: bool,
    pixels_per_point: f32,
    context_loaded: bool,
    fonts: u64,
}

impl SceneKey {
    /// The offset from this view to `other` when `other` is this view moved
    /// (a pan: only the camera's centre differs).
    fn pan_to(&self, other: &SceneKey) -> Option<Vec2> {
        let same_view = SceneKey {
            camera: self.camera,
            ..other.clone()
        };
        if *self != same_view {
            return None;
        }
        let (dx, dy) = self.camera.pan_offset_to(&other.camera)?;
        Some(vec2(dx as f32, dy as f32))
    }
}

impl MapCache {
    /// The scenes for this view, built again only when what they show changed.
    /// The hovered place is painted, not built in (one the scene left out, a
    /// marker thinned away and hovered in the text, is drawn over it by
    /// `overlay_for`). While the
    /// map pans, the scenes built where the pan began (with a margin of half
    /// a view) are moved instead; once the view stands still for a frame, or
    /// the pan goes beyond the margin, they are built again for where it is.
    fn scene_for(
        &mut self,
        ui: &egui::Ui,
        brief: &Brief,
        camera: Camera,
        rect: Rect,
        highlights: &Highlights,
    ) -> Arc<BuiltScene> {
        let key = SceneKey {
            camera,
            rect,
            places: brief.places_version(),
            links: brief.links_version(),
            selected: highlights.selected.clone(),
            focus_country: highlights.focus_country,
            filter: highlights.filter.as_ref().map(|f| f.version),
            compare: highlights.compare.as_ref().map(|c| c.version),
            dark: ui.visuals().dark_mode,
            pixels_per_point: ui.ctx().pixels_per_point(),
            context_loaded: WorldContext::loaded().is_some(),
            fonts: crate::ui::font_epoch(ui.ctx()),
        };
        if highlights.preview.is_none() {
            if let Some((moved_for, moved)) = &self.moved
                && *moved_for == key
            {
                return moved.clone();
            }
            if let Some((built_for, built)) = &self.built {
                if *built_for == key {
                    return built.clone();
                }
                if built.inset.is_none()
                    && let Some(delta) = built_for.pan_to(&key)
                    && delta.x.abs() < built.main.margin.x
                    && delta.y.abs() < built.main.margin.y
                {
                    let moved = Arc::new(BuiltScene {
                        main: built.main.translated(delta, camera),
                        inset: None,
                        locator: built.locator,
                    });
                    self.moved = Some((key, moved.clone()));
                    return moved;
                }
            }
        }
        let panning = [&self.moved, &self.built]
            .into_iter()
            .flatten()
            .any(|(k, _)| k.pan_to(&key).is_some_and(|d| d != Vec2::ZERO));
        let margin = if panning {
            rect.size() * 0.5
        } else {
            Vec2::ZERO
        };
        self.moved = None;
        let inputs = SceneInputs {
            brief,
            camera,
            rect,
            highlights,
            margin,
        };
        let mut main = MapScene::new(ui, &inputs, &mut self.scene);
        let locator = locator_rect(&main);
        let inset = plan_inset(brief, &main, rect, locator).map(|plan| {
            // The inset names the crowded places; the main map only marks them.
            main.drop_labels_of(&plan.members);
            let inset = SceneInputs {
                camera: plan.camera,
                rect: plan.rect,
                margin: Vec2::ZERO,
                ..inputs
            };
            let scene = MapScene::new(ui, &inset, &mut self.scene);
            (plan, scene)
        });
        let built = Arc::new(BuiltScene {
            main,
            inset,
            locator,
        });
        // A gesture's preview changes every frame: not worth keeping.
        self.built = highlights.preview.is_none().then(|| (key, built.clone()));
        built
    }

    /// The scenes built again for where a pan stopped (`camera`), if what is
    /// shown is still the moved scenes of the pan: labels placed for this
    /// view, and no margin.
    fn settle(
        &mut self,
        ui: &egui::Ui,
        brief: &Brief,
        camera: Camera,
        rect: Rect,
        highlights: &Highlights,
    ) -> Option<Arc<BuiltScene>> {
        if !self.moved.as_ref().is_some_and(|(k, _)| k.camera == camera) {
            return None;
        }
        self.moved = None;
        self.built = None;
        Some(self.scene_for(ui, brief, camera, rect, highlights))
    }

    /// The hovered place drawn over `scene` when the scene left it out,
    /// built once per place and view.
    fn overlay_for(
        &mut self,
        ui: &egui::Ui,
        brief: &Brief,
        scene: &MapScene,
        hovered: Option<&PlaceId>,
    ) -> Option<Arc<MapScene>> {
        let id = hovered.filter(|id| !scene.shows(Some(id)))?;
        let key = OverlayKey {
            place: id.clone(),
            camera: scene.camera,
            rect: scene.rect,
            places: brief.places_version(),
            dark: ui.visuals().dark_mode,
            pixels_per_point: ui.ctx().pixels_per_point(),
            fonts: crate::ui::font_epoch(ui.ctx()),
        };
        if let Some((built_for, overlay)) = &self.overlay
            && *built_for == key
        {
            return Some(overlay.clone());
        }
        let overlay = MapScene::of_one(ui, brief, scene.camera, scene.rect, id, &mut self.scene)
            .map(Arc::new)?;
        self.overlay = Some((key, overlay.clone()));
        Some(overlay)
    }

    /// The basemap country that holds most of the story's places.
    fn focus_country(&mut self, brief: &Brief) -> Option<usize> {
        let version = brief.places_version();
        match self.focus_country {
            Some((v, country)) if v == version => country,
            _ => {
                let country = focus_country(brief);
                self.focus_country = Some((version, country));
                country
            }
        }
    }
}

pub fn map_panel_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    memory: &mut MapMemory,
    cache: &mut MapCache,
) -> Vec<Action> {
    whole_panel_map_ui(ui, reading, memory, cache, true)
}

/// The map alone, filling the window, without its buttons: what an export
/// to PNG shows.
pub fn map_picture_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    memory: &mut MapMemory,
    cache: &mut MapCache,
) -> Vec<Action> {
    whole_panel_map_ui(ui, reading, memory, cache, false)
}

/// The map filling what is left of the window, with its buttons or not.
fn whole_panel_map_ui(
    ui: &mut egui::Ui,
    reading: &Reading,
    memory: &mut MapMemory,
    cache: &mut MapCache,
    controls: bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let rect = ui.max_rect();
        actions = map_ui(ui, rect, reading, memory, cache, controls);
    });
    actions
}

fn map_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    reading: &Reading,
    memory: &mut MapMemory,
    cache: &mut MapCache,
    controls: bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let brief = reading.brief;
    let response = ui.interact(rect, ui.scope_id().with("map"), Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Group, true, "Map (Tab to its places)")
    });
    crate::ui::theme::paint_focus_ring(ui, &response, rect.shrink(3.0));
    let viewport = screen_rect(rect);
    memory.set_viewport(viewport, brief);
    let Some(camera) = memory.camera else {
        return actions;
    };
    let highlights = Highlights {
        selected: reading.selection.place.clone(),
        hovered: reading.hovered.cloned(),
        focus_country: cache.focus_country(brief),
        preview: edit::preview(brief, reading.gesture),
        filter: reading.filter.cloned(),
        compare: reading.compare.cloned(),
    };
    let mut built = cache.scene_for(ui, brief, camera, rect, &highlights);
    // A gesture (moving a marker, drawing an area) takes the pointer first;
    // what it leaves pans and zooms.
    let gesture = edit::gesture_ui(ui, &response, &built.main, reading);
    let panned = !gesture.took_pointer && handle_pan_and_zoom(ui, &response, memory, &viewport);
    actions.extend(gesture.actions);
    let dt = f64::from(ui.input(|i| i.stable_dt).min(0.1));
    if memory.animate(dt) || panned {
        ui.ctx().request_repaint();
        if let Some(moved) = memory.camera
            && moved != camera
        {
            built = cache.scene_for(ui, brief, moved, rect, &highlights);
        }
    } else if let Some(settled) = cache.settle(ui, brief, camera, rect, &highlights) {
        built = settled;
    }
    let scene = &built.main;
    let inset = built.inset.as_ref();
    let hovered = highlights.hovered.as_ref();
    paint_scene(
        ui,
        scene,
        hovered,
        &mut cache.layer,
        inset.map(|(plan, _)| plan.extent_on_map),
        &mut cache.painted,
    );
    if let Some(overlay) = cache.overlay_for(ui, brief, scene, hovered) {
        super::paint::paint_overlay(ui, &overlay, &mut cache.painted);
    }
    edit::paint_gesture(ui, scene, reading);
    cache.reading_order.update(brief);
    actions.extend(scene.add_accessibility_nodes(
        ui,
        &cache.reading_order,
        "on the map",
        &mut cache.nodes,
    ));

    let inset_rect = inset.map(|(plan, _)| plan.rect);
    let outside_inset = |p: &egui::Pos2| inset_rect.is_none_or(|r| !r.contains(*p));
    let pointer = response.hover_pos().filter(outside_inset);
    if let Some(place) = pointer.and_then(|p| scene.place_at(p)) {
        actions.push(Action::Hover(place));
        if reading.gesture.is_none() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
    }
    if response.clicked()
        && !gesture.took_click
        && let Some(p) = response.interact_pointer_pos().filter(outside_inset)
    {
        actions.push(
            scene
                .place_at(p)
                .map_or(Action::ClearSelection, Action::SelectPlace),
        );
    }
    if let Some((plan, inset_scene)) = inset {
        actions.extend(inset_ui(
            ui,
            reading,
            plan,
            inset_scene,
            &mut cache.inset,
            &cache.reading_order,
        ));
    }
    if let Some(((west, south), (east, north))) = memory.visible_area() {
        let visible = crate::basemap::GeoBox {
            min: crate::basemap::LonLat::new(west, south),
            max: crate::basemap::LonLat::new(east, north),
        };
        if let Some(locator) = built.locator {
            let layer = &mut cache.locator_layer;
            locator_ui(ui, locator, visible, camera.zoom, layer);
        }
    }
    if controls {
        actions.extend(controls_ui(ui, rect));
    }
    if scene.hidden > 0 {
        hidden_note_ui(ui, rect, scene.hidden);
    }
    if let Some(compare) = reading.compare {
        legend_ui(ui, rect, reading.brief, compare);
    }
    scale_bar_ui(ui, rect, &memory.camera.unwrap_or(camera));
    credit_ui(ui, rect);
    actions
}

/// Drag pans, the wheel and double-click zoom; true if the view moved.
fn handle_pan_and_zoom(
    ui: &egui::Ui,
    response: &egui::Response,
    memory: &mut MapMemory,
    viewport: &ScreenRect,
) -> bool {
    let Some(camera) = memory.camera.as_mut() else {
        return false;
    };
    let before = *camera;
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
    *camera != before
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

/// Says how many places (markers, and areas too small to tell apart)
/// thinning left out, at the top left.
/// What the colours of a comparison say, above the scale bar.
fn legend_ui(ui: &mut egui::Ui, rect: Rect, brief: &Brief, compare: &crate::timeline::Comparison) {
    use crate::timeline::Compared;
    let (a, b, both) = compare.counts();
    let rows = [
        (
            Compared::OnlyA,
            format!("only {} ({a})", compare.a.describe(brief)),
        ),
        (
            Compared::OnlyB,
            format!("only {} ({b})", compare.b.describe(brief)),
        ),
        (Compared::Both, format!("in both ({both})")),
    ];
    let at = pos2(
        rect.min.x + 12.0,
        rect.max.y - 66.0 - 18.0 * rows.len() as f32,
    );
    let area = Rect::from_min_size(
        at,
        vec2(
            rect.width().min(360.0) - 24.0,
            18.0 * rows.len() as f32 + 8.0,
        ),
    );
    let painter = ui.painter_at(rect);
    painter.rect_filled(area, 4.0, ui.visuals().panel_fill.gamma_multiply(0.92));
    for (k, (side, text)) in rows.iter().enumerate() {
        let y = at.y + 12.0 + 18.0 * k as f32;
        painter.circle_filled(
            pos2(at.x + 10.0, y),
            5.0,
            super::markers::compared_color(*side),
        );
        let galley = painter.layout(
            text.clone(),
            egui::FontId::proportional(12.0),
            ui.visuals().text_color(),
            area.width() - 26.0,
        );
        painter.galley(
            pos2(at.x + 20.0, y - galley.size().y / 2.0),
            galley,
            ui.visuals().text_color(),
        );
    }
    let label = rows
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let response = ui.interact(area, ui.scope_id().with("legend"), Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Legend: {label}"))
    });
}

fn hidden_note_ui(ui: &egui::Ui, rect: Rect, hidden: usize) {
    let painter = ui.painter_at(rect);
    let text = format!("{hidden} crowded places hidden · zoom in to see them");
    let galley = painter.layout_no_wrap(
        text,
        egui::FontId::proportional(11.0),
        ui.visuals().text_color(),
    );
    let at = pos2(rect.min.x + 12.0, rect.min.y + 10.0);
    let bg = Rect::from_min_size(at, galley.size()).expand(3.0);
    painter.rect_filled(bg, 3.0, ui.visuals().panel_fill.gamma_multiply(0.9));
    painter.galley(at, galley, ui.visuals().text_color());
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
