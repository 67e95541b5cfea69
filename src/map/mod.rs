//! The map's geometry, free of any drawing: projection and camera, hit testing
//! and label placement. The egui widget in `crate::ui::map::view` borrows these.

pub mod area_shapes;
pub mod camera;
pub mod framing;
pub mod hit_test;
pub mod labels;
pub mod layers;
pub mod locator;
pub mod memory;
pub mod place_index;
pub mod projection;
pub mod thinning;
pub mod triangulate;
pub mod world_basemap;
pub mod world_context;

/// A point on the screen, in egui points (not pixels), y down.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct ScreenPos {
    pub x: f64,
    pub y: f64,
}

impl ScreenPos {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    pub fn distance(self, other: Self) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// An axis-aligned rectangle on the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenRect {
    pub min: ScreenPos,
    pub max: ScreenPos,
}

impl ScreenRect {
    pub fn from_center_size(center: ScreenPos, width: f64, height: f64) -> Self {
        Self {
            min: ScreenPos::new(center.x - width / 2.0, center.y - height / 2.0),
            max: ScreenPos::new(center.x + width / 2.0, center.y + height / 2.0),
        }
    }

    pub fn intersects(&self, other: &Self) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    pub fn contains(&self, p: ScreenPos) -> bool {
        (self.min.x..=self.max.x).contains(&p.x) && (self.min.y..=self.max.y).contains(&p.y)
    }

    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }
}
