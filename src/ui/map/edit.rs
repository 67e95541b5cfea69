//! Editing on the map: drag the selected marker to move it, drag a corner of
//! the selected area to reshape it, click corners to draw a new area, click
//! once to put a new place. While a gesture lasts only the map's memory
//! changes; when it ends it becomes one edit (one undo step).

use egui::{Pos2, Rect, Stroke, vec2};
use geo_types::{Coord, Geometry};

use super::markers::{has_marker, marker_radius};
use super::scene::MapScene;
use super::screen::{screen_pos, screen_rect};
use crate::action::Action;
use crate::brief::{Brief, PlaceId};
use crate::editing::{EditAction, LinkTarget, NewPlace};
use crate::map::memory::Gesture;
use crate::map::projection::lon_lat_from_world;
use crate::ui::Reading;

/// Points around a corner handle that still grab it.
const HANDLE_GRAB_POINTS: f32 = 7.0;

pub struct GestureOutcome {
    pub actions: Vec<Action>,
    /// The drag belongs to the gesture: the map must not pan.
    pub took_pointer: bool,
    /// The click belongs to the gesture: it selects nothing.
    pub took_click: bool,
}

/// Where a gesture shows a place while it lasts.
pub fn preview(brief: &Brief, gesture: Option<&Gesture>) -> Option<(PlaceId, Geometry<f64>)> {
    match gesture? {
        Gesture::MovingPlace { place, to } => {
            Some((place.clone(), Geometry::Point(geo_types::Point(*to))))
        }
        Gesture::MovingVertex { place, vertex, to } => {
            let Geometry::Polygon(poly) = &brief.place(place)?.geometry else {
                return None;
            };
            let mut ring = poly.exterior().0.clone();
            let last = ring.len().checked_sub(1)?;
            if *vertex >= last {
                return None;
            }
            ring[*vertex] = *to;
            if *vertex == 0 {
                ring[last] = *to;
            }
            Some((
                place.clone(),
                Geometry::Polygon(geo_types::Polygon::new(
                    geo_types::LineString(ring),
                    poly.interiors().to_vec(),
                )),
            ))
        }
        _ => None,
    }
}

fn lon_lat_at(scene: &MapScene, p: Pos2) -> Coord<f64> {
    let world = scene
        .camera
        .world_from_screen(&screen_rect(scene.rect), screen_pos(p));
    let (lon, lat) = lon_lat_from_world(world);
    Coord {
        x: lon.clamp(-180.0, 180.0),
        y: lat.clamp(-85.0, 85.0),
    }
}

/// The screen corners of the selected area, if one is selected.
fn selected_corners<'a>(
    scene: &'a MapScene,
    reading: &Reading,
) -> Option<(&'a PlaceId, &'a [Pos2])> {
    let selected = reading.selection.place.as_ref()?;
    let p = scene.places.iter().find(|p| &p.id == selected)?;
    let ring = p.ring.as_deref()?;
    Some((&p.id, &ring[..ring.len().saturating_sub(1)]))
}

/// The selected point place's marker, if the pointer at `at` is on it.
fn selected_marker_at(scene: &MapScene, reading: &Reading, at: Pos2) -> Option<PlaceId> {
    let selected = reading.selection.place.as_ref()?;
    let p = scene
        .places
        .iter()
        .find(|p| &p.id == selected && has_marker(p.kind))?;
    (p.anchor.distance(at) <= marker_radius(p.kind) + 5.0).then(|| p.id.clone())
}

pub fn gesture_ui(
    ui: &egui::Ui,
    response: &egui::Response,
    scene: &MapScene,
    reading: &Reading,
) -> GestureOutcome {
    let mut out = GestureOutcome {
        actions: Vec::new(),
        took_pointer: false,
        took_click: false,
    };
    let pointer = response.interact_pointer_pos().or(response.hover_pos());
    match reading.gesture {
        Some(Gesture::MovingPlace { place, .. }) => {
            out.took_pointer = true;
            if let Some(p) = pointer {
                let to = lon_lat_at(scene, p);
                if response.drag_stopped() || !response.dragged() {
                    out.actions.push(Action::Edit(EditAction::MovePlace {
                        place: place.clone(),
                        to,
                    }));
                    out.actions.push(Action::Gesture(None));
                } else {
                    out.actions.push(Action::Gesture(Some(Gesture::MovingPlace {
                        place: place.clone(),
                        to,
                    })));
                }
            }
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
        }
        Some(Gesture::MovingVertex { place, vertex, .. }) => {
            out.took_pointer = true;
            if let Some(p) = pointer {
                let to = lon_lat_at(scene, p);
                let (place, vertex) = (place.clone(), *vertex);
                if response.drag_stopped() || !response.dragged() {
                    out.actions
                        .push(Action::Edit(EditAction::MoveVertex { place, vertex, to }));
                    out.actions.push(Action::Gesture(None));
                } else {
                    out.actions
                        .push(Action::Gesture(Some(Gesture::MovingVertex {
                            place,
                            vertex,
                            to,
                        })));
                }
            }
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
        }
        Some(Gesture::DrawingArea { vertices, hover }) => {
            out.took_click = true;
            ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
            let mut vertices = vertices.clone();
            if response.double_clicked() {
                // The double click's first click added a corner already.
                out.actions.push(finish_area(vertices, reading));
            } else if response.clicked()
                && let Some(p) = pointer
            {
                vertices.push(lon_lat_at(scene, p));
                out.actions.push(Action::Gesture(Some(Gesture::DrawingArea {
                    vertices,
                    hover: None,
                })));
            } else {
                let at = response.hover_pos().map(|p| lon_lat_at(scene, p));
                if at != *hover {
                    out.actions.push(Action::Gesture(Some(Gesture::DrawingArea {
                        vertices,
                        hover: at,
                    })));
                }
            }
        }
        Some(Gesture::PlacingPoint) => {
            out.took_click = true;
            ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
            if response.clicked()
                && let Some(p) = pointer
            {
                out.actions.push(place_point(lon_lat_at(scene, p), reading));
                out.actions.push(Action::Gesture(None));
            }
        }
        None => {
            let origin = ui.input(|i| i.pointer.press_origin());
            if response.drag_started()
                && let Some(at) = origin
            {
                if let Some(place) = selected_marker_at(scene, reading, at) {
                    out.took_pointer = true;
                    out.actions.push(Action::Gesture(Some(Gesture::MovingPlace {
                        to: lon_lat_at(scene, at),
                        place,
                    })));
                } else if let Some((place, corners)) = selected_corners(scene, reading)
                    && let Some(vertex) = corners
                        .iter()
                        .position(|c| c.distance(at) <= HANDLE_GRAB_POINTS)
                {
                    out.took_pointer = true;
                    out.actions
                        .push(Action::Gesture(Some(Gesture::MovingVertex {
                            place: place.clone(),
                            vertex,
                            to: lon_lat_at(scene, at),
                        })));
                }
            }
            if let Some(at) = response.hover_pos()
                && (selected_marker_at(scene, reading, at).is_some()
                    || selected_corners(scene, reading).is_some_and(|(_, c)| {
                        c.iter().any(|c| c.distance(at) <= HANDLE_GRAB_POINTS)
                    }))
            {
                ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
            }
        }
    }
    out
}

/// The edit that makes the drawn corners an area.
pub fn finish_area(vertices: Vec<Coord<f64>>, reading: &Reading) -> Action {
    Action::Edit(EditAction::NewArea {
        vertices,
        words: reading.selection.text.clone().filter(|t| !t.is_empty()),
    })
}

/// The edit for a click that puts a place: for the selected words, or a new
/// place of its own.
fn place_point(at: Coord<f64>, reading: &Reading) -> Action {
    match reading.selection.text.clone().filter(|t| !t.is_empty()) {
        Some(words) => {
            let name = words
                .trimmed(reading.brief)
                .and_then(|b| {
                    reading
                        .brief
                        .paragraphs()
                        .get(words.paragraph)
                        .and_then(|t| t.get(b))
                })
                .unwrap_or("New place")
                .to_string();
            Action::Edit(EditAction::LinkWords {
                words,
                to: LinkTarget::NewPlace(Box::new(NewPlace::point(&name, at))),
            })
        }
        None => Action::Edit(EditAction::AddPlace(Box::new(NewPlace::point(
            "New place",
            at,
        )))),
    }
}

/// Draws what a gesture needs: corner handles of the selected area, the
/// area being drawn, and a line saying what to do.
pub fn paint_gesture(ui: &egui::Ui, scene: &MapScene, reading: &Reading) {
    let painter = ui.painter_at(scene.rect);
    let palette = scene.palette;
    let ink = Stroke::new(1.5, palette.area_stroke);
    if reading.gesture.is_none()
        && let Some((_, corners)) = selected_corners(scene, reading)
    {
        for c in corners {
            let r = Rect::from_center_size(*c, vec2(8.0, 8.0));
            painter.rect_filled(r, 1.0, egui::Color32::WHITE);
            painter.rect_stroke(r, 1.0, ink, egui::StrokeKind::Inside);
        }
    }
    let hint = match reading.gesture {
        Some(Gesture::DrawingArea { vertices, hover }) => {
            let to_screen = |c: &Coord<f64>| {
                let w = crate::map::projection::world_from_lon_lat(c.x, c.y);
                let s = scene.camera.screen_from_world(&screen_rect(scene.rect), w);
                Pos2::new(s.x as f32, s.y as f32)
            };
            let mut points: Vec<Pos2> = vertices.iter().map(to_screen).collect();
            if let Some(h) = hover {
                points.push(to_screen(h));
            }
            if points.len() >= 2 {
                painter.add(egui::Shape::line(points.clone(), ink));
            }
            for p in &points {
                painter.circle_filled(*p, 3.5, palette.area_stroke);
            }
            Some("Click to add corners · double-click or Enter to finish · Esc to cancel")
        }
        Some(Gesture::PlacingPoint) => Some("Click on the map where the place is · Esc to cancel"),
        _ => None,
    };
    if let Some(hint) = hint {
        let galley = painter.layout_no_wrap(
            hint.to_string(),
            egui::FontId::proportional(13.0),
            ui.visuals().strong_text_color(),
        );
        let at = scene.rect.center_top() + vec2(-galley.size().x / 2.0, 10.0);
        let bg = Rect::from_min_size(at, galley.size()).expand(6.0);
        painter.rect_filled(bg, 4.0, ui.visuals().panel_fill);
        painter.rect_stroke(bg, 4.0, ink, egui::StrokeKind::Outside);
        painter.galley(at, galley, ui.visuals().text_color());
    }
}
