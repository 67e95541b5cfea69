//! The map's state between frames, free of drawing: the camera and where a
//! smooth move is heading, the viewport it last had, and the gesture a user
//! is in the middle of (dragging a marker, drawing an area, moving one of its
//! vertices). The egui widget borrows it each frame; tests drive it without
//! a window.

use geo_types::Coord;

use super::ScreenRect;
use super::camera::{Camera, MAX_ZOOM, MIN_ZOOM};
use super::framing::{camera_for_place, fit_story};
use super::projection::lon_lat_from_world;
use crate::brief::{Brief, PlaceId};

/// What the map's buttons and keys ask for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapAction {
    ZoomIn,
    ZoomOut,
    FitAll,
}

/// What waits for the map to have a size.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    FitAll,
    Place(PlaceId),
}

/// A gesture in progress. Nothing in the brief changes until it ends; then
/// it becomes one edit (a drag is one undo step, not sixty).
#[derive(Clone, Debug, PartialEq)]
pub enum Gesture {
    /// A point place follows the pointer.
    MovingPlace { place: PlaceId, to: Coord<f64> },
    /// An area's vertex follows the pointer.
    MovingVertex {
        place: PlaceId,
        vertex: usize,
        to: Coord<f64>,
    },
    /// A new area, one click a vertex; `hover` is where the next one would go.
    DrawingArea {
        vertices: Vec<Coord<f64>>,
        hover: Option<Coord<f64>>,
    },
    /// The next click on the map makes a new place there (for the words
    /// selected in the text).
    PlacingPoint,
}

/// The lon/lat box ((west, south), (east, north)) the map shows.
pub type LonLatBox = ((f64, f64), (f64, f64));

#[derive(Default)]
pub struct MapMemory {
    pub camera: Option<Camera>,
    /// Where a smooth move is heading.
    pub target: Option<Camera>,
    pub viewport: Option<ScreenRect>,
    pending: Option<Pending>,
    pub gesture: Option<Gesture>,
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
                zoom: (base.zoom + 1.0).min(MAX_ZOOM),
                ..base
            },
            MapAction::ZoomOut => Camera {
                zoom: (base.zoom - 1.0).max(MIN_ZOOM),
                ..base
            },
            MapAction::FitAll => fit_story(brief, &viewport),
        });
    }

    /// The lon/lat box the map shows.
    pub fn visible_area(&self) -> Option<LonLatBox> {
        let (camera, viewport) = (self.camera?, self.viewport?);
        let nw = lon_lat_from_world(camera.world_from_screen(&viewport, viewport.min));
        let se = lon_lat_from_world(camera.world_from_screen(&viewport, viewport.max));
        Some(((nw.0, se.1), (se.0, nw.1)))
    }

    /// Starts a smooth move to a place (or remembers it until the map has a size).
    pub fn fly_to_place(&mut self, brief: &Brief, place: &PlaceId) {
        match (self.camera, self.viewport, brief.place(place)) {
            (Some(camera), Some(viewport), Some(p)) => {
                self.target = Some(camera_for_place(p, &viewport, &camera));
            }
            _ => self.pending = Some(Pending::Place(place.clone())),
        }
    }

    /// Flies to a place unless the view (or the view being flown to) shows
    /// it already: after an edit moved it (another candidate chosen, an
    /// undo), the selected place is never left off screen.
    pub fn reveal_place(&mut self, brief: &Brief, place: &PlaceId) {
        let (Some(camera), Some(viewport), Some(p)) = (
            self.target.or(self.camera),
            self.viewport,
            brief.place(place),
        ) else {
            return;
        };
        let (lon, lat) = p.anchor_lon_lat();
        if !viewport.contains(camera.screen_from_lon_lat(&viewport, lon, lat)) {
            self.fly_to_place(brief, place);
        }
    }

    /// Takes the map's size for this frame; the first frame fits the story.
    pub fn set_viewport(&mut self, viewport: ScreenRect, brief: &Brief) {
        self.viewport = Some(viewport);
        if self.camera.is_none() {
            self.camera = Some(fit_story(brief, &viewport));
        }
        self.camera = self.camera.map(|c| c.within_world(&viewport));
        self.target = self.target.map(|c| c.within_world(&viewport));
        match self.pending.take() {
            Some(Pending::FitAll) => self.apply(MapAction::FitAll, brief),
            Some(Pending::Place(p)) => self.fly_to_place(brief, &p),
            None => {}
        }
    }

    /// Moves the camera one step towards its target; true while moving.
    pub fn animate(&mut self, dt_secs: f64) -> bool {
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

    /// Forgets a gesture on a place that is gone (after an undo, say).
    pub fn brief_changed(&mut self, brief: &Brief) {
        let gone = match &self.gesture {
            Some(Gesture::MovingPlace { place, .. } | Gesture::MovingVertex { place, .. }) => {
                brief.place(place).is_none()
            }
            _ => false,
        };
        if gone {
            self.gesture = None;
        }
    }
}
