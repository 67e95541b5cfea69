//! Between the map's numbers and egui's: screen rectangles and points in
//! both types, the mapping from world positions to screen points for one
//! view, and where the map's own furniture (buttons, scale bar) sits. Every
//! other file of the map widget may use this one; it uses none of them.

use egui::{Pos2, Rect, pos2};

use crate::map::camera::Camera;
use crate::map::projection::WorldPos;
use crate::map::{ScreenPos, ScreenRect};

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

/// Converts world positions to screen points for one view, in f64 until the
/// last step so nothing jitters when zoomed in.
#[derive(Clone, Copy)]
pub struct ScreenMapping {
    pub center: WorldPos,
    pub scale: f64,
    pub origin: Pos2,
}

impl ScreenMapping {
    pub fn new(camera: &Camera, rect: Rect) -> Self {
        Self {
            center: camera.center,
            scale: camera.points_per_world(),
            origin: rect.center(),
        }
    }

    pub fn screen(&self, w: WorldPos) -> Pos2 {
        Pos2::new(
            (f64::from(self.origin.x) + (w.x - self.center.x) * self.scale) as f32,
            (f64::from(self.origin.y) + (w.y - self.center.y) * self.scale) as f32,
        )
    }

    /// The world position under a screen point.
    pub fn world(&self, p: Pos2) -> WorldPos {
        WorldPos {
            x: self.center.x + f64::from(p.x - self.origin.x) / self.scale,
            y: self.center.y + f64::from(p.y - self.origin.y) / self.scale,
        }
    }

    pub(super) fn visible(&self, rect: Rect, min: WorldPos, max: WorldPos) -> bool {
        let a = self.screen(min);
        let b = self.screen(max);
        Rect::from_two_pos(a, b).intersects(rect)
    }
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
