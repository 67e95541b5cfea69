//! The locator widget: a small overview in a corner of the map (bottom right
//! unless that hides more of the story),
//! shown once the view is zoomed in past country scale, with the view's
//! extent boxed (see `crate::map::locator` for what it shows).

use egui::{Rect, Sense, Stroke, pos2, vec2};

use super::basemap_layer::BasemapLayer;
use super::scene::MapScene;
use super::screen::control_areas;
use super::screen::screen_rect;
use crate::basemap::context::Regions;
use crate::basemap::{Basemap, GeoBox, LonLat};
use crate::map::camera::Camera;
use crate::map::locator::plan_locator;
use crate::map::projection::lon_lat_from_world;
use crate::ui::theme::Palette;

const LOCATOR_SIZE: egui::Vec2 = vec2(160.0, 112.0);
const MARGIN: f32 = 10.0;
/// An extent smaller than this on the locator is marked with a ring instead.
const MIN_BOX_POINTS: f32 = 6.0;

/// Where the locator goes in this scene's view, if the view needs one: the
/// corner where it hides least of the story (bottom right unless that hides
/// more), never under the zoom buttons or the scale bar.
pub fn locator_rect(scene: &MapScene) -> Option<Rect> {
    let map_rect = scene.rect;
    if map_rect.width() < 2.5 * LOCATOR_SIZE.x || map_rect.height() < 2.5 * LOCATOR_SIZE.y {
        return None;
    }
    plan_locator(Basemap::embedded(), visible_box(scene), scene.camera.zoom)?;
    let furniture = control_areas(map_rect);
    let corners = [
        map_rect.max - LOCATOR_SIZE - vec2(MARGIN, MARGIN),
        pos2(
            map_rect.min.x + MARGIN,
            map_rect.max.y - LOCATOR_SIZE.y - 56.0,
        ),
        pos2(map_rect.min.x + MARGIN, map_rect.min.y + MARGIN),
        pos2(
            map_rect.max.x - LOCATOR_SIZE.x - 60.0,
            map_rect.min.y + MARGIN,
        ),
    ];
    corners
        .into_iter()
        .map(|min| Rect::from_min_size(min, LOCATOR_SIZE))
        .filter(|r| !furniture.iter().any(|f| f.intersects(*r)))
        .enumerate()
        // Bottom right wins ties: a reader looks for it there.
        .min_by_key(|(k, r)| (scene.cover_cost(*r), *k))
        .map(|(_, r)| r)
}

/// The lon/lat box a scene's view shows.
fn visible_box(scene: &MapScene) -> GeoBox {
    let viewport = screen_rect(scene.rect);
    let corner = |p| lon_lat_from_world(scene.camera.world_from_screen(&viewport, p));
    let (west, north) = corner(viewport.min);
    let (east, south) = corner(viewport.max);
    GeoBox {
        min: LonLat::new(west, south),
        max: LonLat::new(east, north),
    }
}

/// Draws the locator at `rect` for the view the map shows now.
pub fn locator_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    visible: GeoBox,
    zoom: f64,
    layer: &mut BasemapLayer,
) {
    let Some(plan) = plan_locator(Basemap::embedded(), visible, zoom) else {
        return;
    };
    let viewport = screen_rect(rect);
    let overview = &plan.overview;
    let camera = Camera::fitting(
        &viewport,
        (overview.min.lon_deg, overview.min.lat_deg),
        (overview.max.lon_deg, overview.max.lat_deg),
        2.0,
    );
    let dark = ui.visuals().dark_mode;
    let palette = Palette::for_dark_mode(dark);
    let painter = ui.painter_at(rect);
    ui.painter().rect_filled(
        rect.translate(vec2(2.0, 3.0)),
        4.0,
        egui::Color32::from_black_alpha(40),
    );
    painter.rect_filled(rect, 0.0, palette.sea);
    let (shapes, offset) = layer.shapes(
        &camera,
        rect,
        palette,
        dark,
        Vec::new(),
        ui.ctx().pixels_per_point(),
    );
    super::paint::add_meshes(&painter, shapes.iter().cloned(), offset, 1);

    let corner = |lon_deg: f64, lat_deg: f64| {
        let p = camera.screen_from_lon_lat(&viewport, lon_deg, lat_deg);
        pos2(p.x as f32, p.y as f32)
    };
    let extent = Rect::from_two_pos(
        corner(plan.extent.min.lon_deg, plan.extent.max.lat_deg),
        corner(plan.extent.max.lon_deg, plan.extent.min.lat_deg),
    );
    let stroke = Stroke::new(1.6, palette.marker);
    if extent.width().max(extent.height()) < MIN_BOX_POINTS {
        painter.circle_stroke(extent.center(), MIN_BOX_POINTS, stroke);
    } else {
        painter.rect_stroke(extent, 0.0, stroke, egui::StrokeKind::Middle);
    }
    ui.painter().rect_stroke(
        rect,
        3.0,
        Stroke::new(1.0, ui.visuals().text_color()),
        egui::StrokeKind::Outside,
    );

    let response = ui.interact(rect, ui.scope_id().with("locator"), Sense::hover());
    let center = LonLat::new(
        (visible.min.lon_deg + visible.max.lon_deg) / 2.0,
        (visible.min.lat_deg + visible.max.lat_deg) / 2.0,
    );
    let place = Regions::loaded().and_then(|regions| regions.describe(center, ""));
    let label = match place {
        Some(place) => format!("Locator: the map shows part of {place}"),
        None => "Locator: where the map's view lies".to_owned(),
    };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
}
