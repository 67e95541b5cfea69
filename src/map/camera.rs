//! The map's camera: where it looks and how close, kept between frames, and
//! the pure conversions between world and screen that follow from it.

use super::projection::{EARTH_CIRCUMFERENCE_M, WorldPos, lon_lat_from_world, world_from_lon_lat};
use super::{ScreenPos, ScreenRect};

pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 14.0;
/// World width in screen points at zoom 0.
const TILE_POINTS: f64 = 256.0;

/// What the map shows: a centre and a zoom level (log2 of scale).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub center: WorldPos,
    pub zoom: f64,
}

impl Camera {
    /// Where this view's screen points land in `other` when `other` is the
    /// same zoom with another centre (a pan): the offset in points, x and y.
    pub fn pan_offset_to(&self, other: &Camera) -> Option<(f64, f64)> {
        if self.zoom != other.zoom {
            return None;
        }
        let scale = self.points_per_world();
        Some((
            (self.center.x - other.center.x) * scale,
            (self.center.y - other.center.y) * scale,
        ))
    }

    pub fn points_per_world(&self) -> f64 {
        TILE_POINTS * self.zoom.exp2()
    }

    /// Where a world position lands on a viewport.
    pub fn screen_from_world(&self, viewport: &ScreenRect, world: WorldPos) -> ScreenPos {
        let scale = self.points_per_world();
        ScreenPos::new(
            viewport_center(viewport).x + (world.x - self.center.x) * scale,
            viewport_center(viewport).y + (world.y - self.center.y) * scale,
        )
    }

    pub fn world_from_screen(&self, viewport: &ScreenRect, screen: ScreenPos) -> WorldPos {
        let scale = self.points_per_world();
        WorldPos {
            x: self.center.x + (screen.x - viewport_center(viewport).x) / scale,
            y: self.center.y + (screen.y - viewport_center(viewport).y) / scale,
        }
    }

    pub fn screen_from_lon_lat(
        &self,
        viewport: &ScreenRect,
        lon_deg: f64,
        lat_deg: f64,
    ) -> ScreenPos {
        self.screen_from_world(viewport, world_from_lon_lat(lon_deg, lat_deg))
    }

    /// Moves the camera by a drag of `delta` screen points.
    pub fn pan_by_screen(&mut self, dx: f64, dy: f64) {
        let scale = self.points_per_world();
        self.center.x -= dx / scale;
        self.center.y = (self.center.y - dy / scale).clamp(0.0, 1.0);
    }

    /// Zooms by `delta` levels keeping the world point under `pivot` fixed.
    pub fn zoom_around(&mut self, viewport: &ScreenRect, pivot: ScreenPos, delta: f64) {
        let before = self.world_from_screen(viewport, pivot);
        self.zoom = (self.zoom + delta).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.world_from_screen(viewport, pivot);
        self.center.x += before.x - after.x;
        self.center.y += before.y - after.y;
    }

    /// The camera that shows a lon/lat box with `margin` points to spare.
    pub fn fitting(viewport: &ScreenRect, min: (f64, f64), max: (f64, f64), margin: f64) -> Self {
        let a = world_from_lon_lat(min.0, max.1);
        let b = world_from_lon_lat(max.0, min.1);
        let width = (viewport.width() - 2.0 * margin).max(1.0);
        let height = (viewport.height() - 2.0 * margin).max(1.0);
        let span_x = (b.x - a.x).abs().max(1e-9);
        let span_y = (b.y - a.y).abs().max(1e-9);
        let scale = (width / span_x).min(height / span_y);
        Self {
            center: WorldPos {
                x: (a.x + b.x) / 2.0,
                y: (a.y + b.y) / 2.0,
            },
            zoom: (scale / TILE_POINTS).log2().clamp(MIN_ZOOM, MAX_ZOOM),
        }
    }

    /// Metres covered by one screen point at the camera's centre.
    pub fn metres_per_point(&self) -> f64 {
        let (_, lat_deg) = lon_lat_from_world(self.center);
        EARTH_CIRCUMFERENCE_M * lat_deg.to_radians().cos() / self.points_per_world()
    }

    /// The camera moved and zoomed just enough that the world fills the
    /// viewport from top to bottom (no empty band below Antarctica).
    pub fn within_world(&self, viewport: &ScreenRect) -> Camera {
        let height = viewport.max.y - viewport.min.y;
        let min_zoom = (height / TILE_POINTS).log2().max(MIN_ZOOM);
        let zoom = self.zoom.max(min_zoom);
        let half = height / 2.0 / (TILE_POINTS * zoom.exp2());
        let y = if half >= 0.5 {
            0.5
        } else {
            self.center.y.clamp(half, 1.0 - half)
        };
        Camera {
            center: WorldPos {
                x: self.center.x,
                y,
            },
            zoom,
        }
    }

    /// A step of the way towards `target`; `t` in 0..=1 (1 arrives).
    pub fn lerp_towards(&self, target: &Camera, t: f64) -> Camera {
        let t = t.clamp(0.0, 1.0);
        Camera {
            center: WorldPos {
                x: self.center.x + (target.center.x - self.center.x) * t,
                y: self.center.y + (target.center.y - self.center.y) * t,
            },
            zoom: self.zoom + (target.zoom - self.zoom) * t,
        }
    }
}

fn viewport_center(viewport: &ScreenRect) -> ScreenPos {
    ScreenPos::new(
        (viewport.min.x + viewport.max.x) / 2.0,
        (viewport.min.y + viewport.max.y) / 2.0,
    )
}

/// A scale bar: a round distance and its length in points, no longer than
/// `max_points`.
pub fn scale_bar(metres_per_point: f64, max_points: f64) -> (f64, String) {
    let max_m = metres_per_point * max_points;
    let magnitude = 10f64.powf(max_m.log10().floor());
    let step = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|f| f * magnitude)
        .find(|m| *m <= max_m)
        .unwrap_or(magnitude);
    let label = if step >= 1000.0 {
        format!("{} km", step / 1000.0)
    } else {
        format!("{step} m")
    };
    (step / metres_per_point, label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pan_moves_every_point_by_one_offset_and_a_zoom_is_no_pan() {
        let from = Camera {
            center: WorldPos { x: 0.5, y: 0.4 },
            zoom: 3.0,
        };
        let to = Camera {
            center: WorldPos { x: 0.51, y: 0.39 },
            ..from
        };
        let view = viewport();
        let (dx, dy) = from.pan_offset_to(&to).expect("same zoom");
        for w in [WorldPos { x: 0.5, y: 0.4 }, WorldPos { x: 0.47, y: 0.45 }] {
            let a = from.screen_from_world(&view, w);
            let b = to.screen_from_world(&view, w);
            assert!((a.x + dx - b.x).abs() < 1e-9 && (a.y + dy - b.y).abs() < 1e-9);
        }
        assert_eq!(from.pan_offset_to(&Camera { zoom: 3.5, ..to }), None);
    }

    fn viewport() -> ScreenRect {
        ScreenRect {
            min: ScreenPos::new(100.0, 50.0),
            max: ScreenPos::new(900.0, 650.0),
        }
    }

    #[test]
    fn a_camera_within_the_world_leaves_no_band_above_or_below_it() {
        let viewport = ScreenRect {
            min: ScreenPos::new(0.0, 0.0),
            max: ScreenPos::new(800.0, 600.0),
        };
        let world_wide = Camera {
            center: WorldPos { x: 0.5, y: 0.8 },
            zoom: 1.0,
        }
        .within_world(&viewport);
        let top = world_wide.world_from_screen(&viewport, viewport.min);
        let bottom = world_wide.world_from_screen(&viewport, viewport.max);
        assert!(
            top.y >= -1e-9 && bottom.y <= 1.0 + 1e-9,
            "{top:?} {bottom:?}"
        );
        let close = Camera {
            center: WorldPos { x: 0.6, y: 0.4 },
            zoom: 8.0,
        };
        assert_eq!(close.within_world(&viewport), close);
    }

    #[test]
    fn screen_and_world_conversions_are_inverses() {
        let cam = Camera {
            center: world_from_lon_lat(36.0, 35.0),
            zoom: 6.3,
        };
        let w = world_from_lon_lat(37.6, 55.75);
        let back = cam.world_from_screen(&viewport(), cam.screen_from_world(&viewport(), w));
        assert!((back.x - w.x).abs() < 1e-12 && (back.y - w.y).abs() < 1e-12);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_still() {
        let mut cam = Camera {
            center: world_from_lon_lat(36.0, 35.0),
            zoom: 5.0,
        };
        let pointer = ScreenPos::new(250.0, 400.0);
        let under = cam.world_from_screen(&viewport(), pointer);
        cam.zoom_around(&viewport(), pointer, 1.5);
        let after = cam.screen_from_world(&viewport(), under);
        assert!(after.distance(pointer) < 1e-6, "{after:?}");
        assert_eq!(cam.zoom, 6.5);
    }

    #[test]
    fn a_fitted_camera_shows_both_corners_of_the_box() {
        let cam = Camera::fitting(&viewport(), (35.0, 33.0), (38.0, 56.0), 20.0);
        for (lon, lat) in [(35.0, 33.0), (38.0, 56.0)] {
            let p = cam.screen_from_lon_lat(&viewport(), lon, lat);
            assert!(viewport().contains(p), "{lon},{lat} -> {p:?}");
        }
    }

    #[test]
    fn the_scale_bar_picks_a_round_distance_that_fits() {
        let (len, label) = scale_bar(1000.0, 120.0);
        assert_eq!(label, "100 km");
        assert!((len - 100.0).abs() < 1e-9);
        let (len, label) = scale_bar(3.0, 100.0);
        assert_eq!(label, "200 m");
        assert!(len <= 100.0);
    }
}
